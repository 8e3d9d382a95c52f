package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"dateline/analysis"
	"dateline/model"
)

// Fragment is a piece of highlighted text: Match marks a piece that
// matched the query. Fragments carry plain text; whoever renders them
// escapes it.
type Fragment struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Highlighter finds the words of a query in article text. It is safe for
// concurrent use.
type Highlighter struct {
	terms    map[string]bool
	prefixes map[string]bool // folded first two runes of the terms
	entities map[string]bool
}

// NewHighlighter returns a highlighter for the positive words of n
// (analysed in langs, with their aliases and entities).
func NewHighlighter(n *Node, langs []string) *Highlighter {
	h := &Highlighter{terms: map[string]bool{}, prefixes: map[string]bool{}, entities: map[string]bool{}}
	for _, leaf := range n.Positive() {
		alt := leaf.Alternatives(langs)
		for _, s := range alt.Seqs {
			for _, t := range s {
				h.terms[t] = true
				h.prefixes[prefix2(t)] = true
			}
		}
		for _, id := range leaf.Entities {
			h.entities[id] = true
		}
	}
	return h
}

type span struct{ start, end int }

// spans returns the byte spans of text that match: words whose analysed
// form is a query term, and mentions of a queried entity (mention offsets
// are into text).
func (h *Highlighter) spans(text, lang string, mentions []model.Mention) []span {
	if h == nil {
		return nil
	}
	var out []span
	if len(h.terms) > 0 {
		for _, t := range h.analyzer(lang).Analyze(text) {
			if t.Text != "" && h.terms[analysis.Fold(t.Text)] && t.Start >= 0 && t.End <= len(text) && t.Start < t.End {
				out = append(out, span{t.Start, t.End})
			}
		}
	}
	for _, m := range mentions {
		if h.entities[m.EntityID] && m.Start >= 0 && m.End <= len(text) && m.Start < m.End &&
			utf8.RuneStart(text[m.Start]) && (m.End == len(text) || utf8.RuneStart(text[m.End])) {
			out = append(out, span{m.Start, m.End})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	var merged []span
	for _, s := range out {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// analyzer is the language's analyzer with stemming limited to tokens
// that may match a query term (stemming every word of every hit is most
// of the cost of highlighting).
func (h *Highlighter) analyzer(lang string) *analysis.Analyzer {
	a := *analysis.For(lang)
	fs := make([]analysis.TokenFilter, 0, len(a.Filters))
	for _, f := range a.Filters {
		if _, ok := f.(analysis.StemFilter); ok {
			f = candidateStem{lang: lang, prefixes: h.prefixes}
		}
		fs = append(fs, f)
	}
	a.Filters = fs
	return &a
}

// candidateStem stems the tokens whose first two letters (folded) start
// a query term and blanks the others.
type candidateStem struct {
	lang     string
	prefixes map[string]bool
}

func (f candidateStem) Filter(toks []analysis.Token) []analysis.Token {
	for i := range toks {
		if !f.prefixes[prefix2(toks[i].Text)] {
			toks[i].Text = ""
			continue
		}
		if toks[i].Kind == analysis.Word {
			toks[i].Text = analysis.Stem(f.lang, toks[i].Text)
		}
	}
	return toks
}

// prefix2 returns the first two runes of s, folded.
func prefix2(s string) string {
	n := 0
	for i := range s {
		if n == 2 {
			return analysis.Fold(s[:i])
		}
		n++
	}
	return analysis.Fold(s)
}

func fragments(text string, spans []span, from, to int) []Fragment {
	var out []Fragment
	pos := from
	for _, s := range spans {
		if s.end <= from || s.start >= to {
			continue
		}
		st, en := max(s.start, from), min(s.end, to)
		if st > pos {
			out = append(out, Fragment{Text: text[pos:st]})
		}
		out = append(out, Fragment{Text: text[st:en], Match: true})
		pos = en
	}
	if pos < to {
		out = append(out, Fragment{Text: text[pos:to]})
	}
	return out
}

// Mark returns the whole text as fragments with the matches marked.
func (h *Highlighter) Mark(text, lang string, mentions []model.Mention) []Fragment {
	return fragments(text, h.spans(text, lang, mentions), 0, len(text))
}

// Snippet returns about size bytes of text around its densest run of
// matches (the start of text when nothing matches), cut at spaces, with
// "…" where text was cut and the matches marked.
func (h *Highlighter) Snippet(text, lang string, mentions []model.Mention, size int) []Fragment {
	if size <= 0 {
		size = 240
	}
	sp := h.spans(text, lang, mentions)
	if len(text) <= size {
		return fragments(text, sp, 0, len(text))
	}
	from := 0
	if len(sp) > 0 {
		best, bestN := 0, 0
		for i := range sp {
			n := 0
			for j := i; j < len(sp) && sp[j].end <= sp[i].start+size; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		from = max(0, sp[best].start-size/5)
	}
	to := min(len(text), from+size)
	if to == len(text) {
		from = max(0, to-size)
	}
	from, to = snapStart(text, from), snapEnd(text, to)
	out := fragments(text, sp, from, to)
	if from > 0 {
		out = append([]Fragment{{Text: "…"}}, out...)
	}
	if to < len(text) {
		out = append(out, Fragment{Text: "…"})
	}
	return out
}

// snapStart moves i forward to just after a space (within 30 bytes) or to
// a rune start.
func snapStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if j := strings.IndexByte(text[i:min(len(text), i+30)], ' '); j >= 0 {
		return i + j + 1
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// snapEnd moves i back to a space (within 30 bytes) or to a rune start.
func snapEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if j := strings.LastIndexByte(text[max(0, i-30):i], ' '); j >= 0 {
		return max(0, i-30) + j
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// Article returns an article's title and a snippet of its lead and body
// with the query's matches marked; mention offsets are into a.Text().
// Store drivers call it so that highlighting is the same on every engine.
func (h *Highlighter) Article(a *model.Article, mentions []model.Mention, size int) (title, snippet []Fragment) {
	full := a.Text()
	tt := strings.TrimSpace(a.Title)
	titleEnd := 0
	if tt != "" && strings.HasPrefix(full, tt) {
		titleEnd = len(tt)
	}
	rest := titleEnd
	for rest < len(full) && (full[rest] == '\n' || full[rest] == ' ') {
		rest++
	}
	var tm, bm []model.Mention
	for _, m := range mentions {
		switch {
		case m.End <= titleEnd:
			tm = append(tm, m)
		case m.Start >= rest:
			m.Start -= rest
			m.End -= rest
			bm = append(bm, m)
		}
	}
	title = h.Mark(full[:titleEnd], a.Lang, tm)
	if titleEnd == 0 {
		title = []Fragment{{Text: a.Title}}
	}
	snippet = h.Snippet(full[rest:], a.Lang, bm, size)
	if title == nil {
		title = []Fragment{}
	}
	if snippet == nil {
		snippet = []Fragment{}
	}
	return title, snippet
}
