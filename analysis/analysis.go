// Package analysis is Dateline's per-language text analysis chain, in the
// style of bleve: char filters normalise the text, one tokenizer cuts it
// into tokens, token filters (lowercase, stop words, stemming) refine them.
// Each stage is a one-method interface; a language's Analyzer is just a
// composition of stages. Sentence splitting lives beside it (Sentences).
package analysis

import (
	"strings"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters (and marks, digits, inner apostrophes/hyphens)
	Number             // digits, with inner separators
	Punct              // any other non-space rune
)

// Token is a piece of text with its byte offsets in the analysed string.
type Token struct {
	// Text is the token as it stands after the filters that ran.
	Text string
	// Start and End are byte offsets of the original span.
	Start, End int
	Kind       Kind
}

// CharFilter rewrites text before tokenisation. When every char filter of
// an Analyzer is also a MappingCharFilter (Normalizer is), token offsets
// refer to the original text; otherwise they refer to the filtered text.
type CharFilter interface {
	Filter(text string) string
}

// Tokenizer cuts text into tokens.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// TokenFilter transforms a token stream (it may drop tokens).
type TokenFilter interface {
	Filter(tokens []Token) []Token
}

// Analyzer is a composed chain for one language.
type Analyzer struct {
	Lang        string
	CharFilters []CharFilter
	Tokenizer   Tokenizer
	Filters     []TokenFilter
}

// Analyze runs the chain over text. Token offsets point into text when
// every char filter is a MappingCharFilter.
func (a *Analyzer) Analyze(text string) []Token {
	var m *OffsetMap
	mapped := true
	for _, c := range a.CharFilters {
		if mc, ok := c.(MappingCharFilter); ok && mapped {
			var step *OffsetMap
			text, step = mc.FilterMap(text)
			m = m.then(step)
			continue
		}
		mapped = false
		text = c.Filter(text)
	}
	tz := a.Tokenizer
	if tz == nil {
		tz = WordTokenizer{}
	}
	toks := tz.Tokenize(text)
	for _, f := range a.Filters {
		toks = f.Filter(toks)
	}
	if mapped && m != nil {
		for i := range toks {
			toks[i].Start, toks[i].End = m.Orig(toks[i].Start), m.Orig(toks[i].End)
		}
	}
	return toks
}

// Terms returns the analysed terms of text as strings: the index and
// similarity vocabulary (lowercased, stop words dropped, stemmed).
func (a *Analyzer) Terms(text string) []string {
	toks := a.Analyze(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// For returns the standard analyzer for a language code ("nl", "en", ...):
// Normalizer, word tokenizer, punctuation dropped, lowercase, elisions
// (fr, it, ca) and English possessives stripped, stop words, snowball stem.
// Unknown languages get the chain without stop words and stemming.
func For(lang string) *Analyzer {
	f := []TokenFilter{KindFilter{Keep: []Kind{Word, Number}}, LowerCase{}}
	switch lang {
	case "fr", "it", "ca":
		f = append(f, ElisionFilter{Lang: lang})
	case "en":
		f = append(f, PossessiveFilter{})
	}
	f = append(f, StopFilter{Lang: lang}, StemFilter{Lang: lang})
	return &Analyzer{
		Lang:        lang,
		CharFilters: []CharFilter{Normalizer{}},
		Tokenizer:   WordTokenizer{},
		Filters:     f,
	}
}

// ForKeys is For with accent folding after stemming: search and matching
// keys that meet across spellings with and without diacritics.
func ForKeys(lang string) *Analyzer {
	a := For(lang)
	a.Filters = append(a.Filters, FoldFilter{})
	return a
}

// KindFilter keeps tokens of the given kinds.
type KindFilter struct{ Keep []Kind }

// Filter implements TokenFilter.
func (f KindFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		for _, k := range f.Keep {
			if t.Kind == k {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// LowerCase lowercases token text.
type LowerCase struct{}

// Filter implements TokenFilter.
func (LowerCase) Filter(toks []Token) []Token {
	for i := range toks {
		toks[i].Text = strings.ToLower(toks[i].Text)
	}
	return toks
}

// StopFilter drops the language's stop words (expects lowercase input).
type StopFilter struct{ Lang string }

// Filter implements TokenFilter.
func (f StopFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if !IsStopWord(f.Lang, t.Text) {
			out = append(out, t)
		}
	}
	return out
}

// StemFilter replaces word tokens by their snowball stem.
type StemFilter struct{ Lang string }

// Filter implements TokenFilter.
func (f StemFilter) Filter(toks []Token) []Token {
	for i := range toks {
		if toks[i].Kind == Word {
			toks[i].Text = Stem(f.Lang, toks[i].Text)
		}
	}
	return toks
}

// ElisionFilter strips elided articles and pronouns (French l', d', qu',
// jusqu' ...; Italian l', dell', un' ...) from the front of lowercase tokens.
type ElisionFilter struct{ Lang string }

// Filter implements TokenFilter.
func (f ElisionFilter) Filter(toks []Token) []Token {
	for i := range toks {
		t := toks[i].Text
		j := strings.IndexByte(t, '\'')
		if j <= 0 || j == len(t)-1 {
			continue
		}
		if _, ok := elisions[f.Lang][t[:j]]; ok {
			toks[i].Text = t[j+1:]
			toks[i].Start += j + 1
		}
	}
	return toks
}

// elisions per language (the part before the apostrophe). Read-only.
var elisions = map[string]map[string]struct{}{
	"fr": set("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"),
	"it": set("l", "un", "m", "t", "s", "v", "d", "c", "dell", "dall", "all", "nell", "sull", "coll", "pell", "quell", "quest", "anch", "buon", "sant"),
	"ca": set("l", "m", "n", "s", "t", "d"),
}

// PossessiveFilter strips the English possessive 's (and a bare final ').
type PossessiveFilter struct{}

// Filter implements TokenFilter.
func (PossessiveFilter) Filter(toks []Token) []Token {
	for i := range toks {
		t := toks[i].Text
		switch {
		case strings.HasSuffix(t, "'s") && len(t) > 2:
			toks[i].Text = t[:len(t)-2]
			toks[i].End -= 2
		}
	}
	return toks
}
