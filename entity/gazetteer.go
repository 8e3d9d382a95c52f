package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/model"
)

// gazetteer indexes every alias and demonym of the knowledge base by the
// key of its first token, twice: under the key rules of the alias's own
// language (so "Khrenin" meets a Dutch "Chrenin") and under the neutral
// rules (so a French name written as is in a Dutch text still matches).
type gazetteer struct {
	entries []gazEntry
	byFirst map[string][]int32 // first key token -> entries, longest first
}

type gazEntry struct {
	toks    []string // key tokens
	fold    []string // folded tokens
	rec     int32
	neutral bool // toks are neutral keys
	demonym bool
	lower   bool // the alias is written in lower case: matches any case
	acronym bool // the alias is all capitals: matches capitals only
	exact   bool // short alias: the folded text must match exactly
	lang    string
}

func buildGazetteer(recs []Record) gazetteer {
	g := gazetteer{byFirst: map[string][]int32{}}
	add := func(rec int, a model.Alias, dem bool) {
		fold := strings.Fields(Fold(a.Text, a.Lang))
		if len(fold) == 0 {
			return
		}
		letters := 0
		for _, r := range a.Text {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		base := gazEntry{
			fold: fold, rec: int32(rec), demonym: dem, lang: a.Lang,
			lower:   isLowerInitial(a.Text),
			acronym: letters <= 6 && strings.ToUpper(a.Text) == a.Text && letters >= 2,
			exact:   len(strings.Join(fold, "")) <= 3,
		}
		lk := KeyTokens(a.Text, a.Lang)
		nk := KeyTokens(a.Text, "")
		e := base
		e.toks = lk
		g.entries = append(g.entries, e)
		if !equalStrings(lk, nk) {
			e2 := base
			e2.toks, e2.neutral = nk, true
			g.entries = append(g.entries, e2)
		} else {
			// One entry serves both: mark a neutral twin cheaply.
			e2 := base
			e2.toks, e2.neutral = nk, true
			g.entries = append(g.entries, e2)
		}
	}
	for i, r := range recs {
		for _, a := range r.Aliases {
			add(i, a, false)
		}
		for _, a := range r.Demonyms {
			add(i, a, true)
		}
	}
	for i, e := range g.entries {
		g.byFirst[e.toks[0]] = append(g.byFirst[e.toks[0]], int32(i))
	}
	for k, list := range g.byFirst {
		sort.SliceStable(list, func(a, b int) bool {
			return len(g.entries[list[a]].toks) > len(g.entries[list[b]].toks)
		})
		g.byFirst[k] = list
	}
	return g
}

func isLowerInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// token is a word of the text being linked.
type token struct {
	start, end int
	fold       string
	key, nkey  string // key under the text's language and neutral key
	upper      bool   // starts with a capital
	allCaps    bool
}

// tokenize splits text into words (letters, digits and marks); every other
// character separates words, so "Jong-un" is two words and "Loekasjenko's"
// is "Loekasjenko" and "s".
func tokenize(text, lang string) []token {
	var toks []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		f := Fold(w, lang)
		t := token{start: start, end: end, fold: f}
		r, _ := utf8.DecodeRuneInString(w)
		t.upper = unicode.IsUpper(r)
		t.allCaps = t.upper && strings.ToUpper(w) == w
		if f != "" {
			t.key = keyToken(f, lang)
			t.nkey = keyToken(f, "")
		}
		toks = append(toks, t)
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return toks
}

// gazMatch is a gazetteer hit over tokens [from, to).
type gazMatch struct {
	from, to int
	rec      int
	demonym  bool
	score    float64
}

// match finds the longest knowledge-base names in toks, left to right.
// Matches may not cross sentence-ending punctuation (the caller passes
// tokens; punctuation between tokens other than spaces, hyphens, periods
// of abbreviations and apostrophes ends a name).
func (g *gazetteer) match(text string, toks []token, lang string) []gazMatch {
	var out []gazMatch
	for i := 0; i < len(toks); {
		best := gazMatch{from: -1}
		bestLen := 0
		try := func(list []int32, neutral bool) {
			for _, ei := range list {
				e := &g.entries[ei]
				if e.neutral != neutral || len(e.toks) < bestLen || i+len(e.toks) > len(toks) {
					continue
				}
				n := len(e.toks)
				ok, exactFold, genitive := true, true, false
				for j := 0; j < n; j++ {
					t := &toks[i+j]
					k := t.key
					if neutral {
						k = t.nkey
					}
					if j > 0 && !joinable(text[toks[i+j-1].end:t.start]) {
						ok = false
						break
					}
					if k != e.toks[j] {
						// German/Dutch genitive "Putins", "Russlands".
						if j == n-1 && !e.demonym && (lang == "de" || lang == "nl") && k == e.toks[j]+"s" {
							genitive = true
						} else {
							ok = false
							break
						}
					}
					if t.fold != e.fold[j] {
						exactFold = false
					}
				}
				if !ok {
					continue
				}
				first := &toks[i]
				switch {
				case e.acronym:
					for j := 0; j < n; j++ {
						if !toks[i+j].allCaps && len(toks[i+j].fold) > 1 {
							ok = false
						}
					}
					if !exactFold {
						ok = false
					}
				case e.exact && !exactFold:
					ok = false
				case !e.lower && !first.upper:
					ok = false
				}
				if !ok {
					continue
				}
				sc := 0.9
				if exactFold {
					sc = 1
				}
				if genitive {
					sc -= 0.05
				}
				if e.lang == lang {
					sc += 0.01
				}
				if n > bestLen || (n == bestLen && better(g, sc, e, best)) {
					best = gazMatch{from: i, to: i + n, rec: int(e.rec), demonym: e.demonym, score: sc}
					bestLen = n
				}
			}
		}
		t := &toks[i]
		try(g.byFirst[t.key], false)
		if t.nkey != t.key || true {
			try(g.byFirst[t.nkey], true)
		}
		if best.from < 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.to
	}
	return out
}

// better breaks ties between same-length matches: higher score, then a
// proper name over a demonym.
func better(g *gazetteer, sc float64, e *gazEntry, cur gazMatch) bool {
	if cur.from < 0 {
		return true
	}
	if sc != cur.score {
		return sc > cur.score
	}
	return cur.demonym && !e.demonym
}

// joinable reports whether the text between two tokens may lie inside one
// name: spaces, a hyphen, an apostrophe, a period after an initial, a
// comma inside "Washington, D.C.".
func joinable(gap string) bool {
	if gap == "" {
		return true
	}
	if len(gap) > 3 {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '-', '\'', '’', '.', '\u00a0', ',':
		default:
			return false
		}
	}
	return true
}

// fuzzyEntry is an alias indexed for approximate lookup.
type fuzzyEntry struct {
	compact string // key tokens joined without spaces
	last    string // last key token
	toks    []string
	rec     int
	demonym bool
}

// buildFuzzy buckets alias keys by their first two letters.
func buildFuzzy(recs []Record) map[string][]fuzzyEntry {
	m := map[string][]fuzzyEntry{}
	add := func(rec int, a model.Alias, dem bool) {
		k := KeyTokens(a.Text, a.Lang)
		if len(k) == 0 {
			return
		}
		c := strings.Join(k, "")
		if len(c) < 4 {
			return
		}
		m[c[:2]] = append(m[c[:2]], fuzzyEntry{compact: c, last: k[len(k)-1], toks: k, rec: rec, demonym: dem})
	}
	for i, r := range recs {
		for _, a := range r.Aliases {
			add(i, a, false)
		}
		for _, a := range r.Demonyms {
			add(i, a, true)
		}
	}
	return m
}

type fuzzyHit struct {
	rec     int
	score   float64
	demonym bool
}

// tokenLookup finds the aliases whose first two letters are those of key
// and that SameKeys accepts token by token (close first and last tokens,
// the shorter name's other tokens in order in the longer one, or close
// one-word names and one-word place names with another ending); names of
// places and organisations must have as many tokens as key. Each hit
// scores 0.86: below the linker's threshold, for stand-alone names.
func (kb *KB) tokenLookup(key []string) []fuzzyHit {
	if len(key) == 0 || len(key[0]) < 2 {
		return nil
	}
	best := map[int]fuzzyHit{}
	for _, e := range kb.fuzzy[key[0][:2]] {
		if _, ok := best[e.rec]; ok {
			continue
		}
		// Only people's names drop words (middle names, patronymics):
		// "United States" is not "United Mexican States".
		if len(e.toks) != len(key) && kb.recs[e.rec].Type != model.PER {
			continue
		}
		if !SameKeys(key, e.toks) {
			continue
		}
		best[e.rec] = fuzzyHit{e.rec, 0.86, e.demonym}
	}
	out := make([]fuzzyHit, 0, len(best))
	for _, h := range best {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rec < out[j].rec })
	return out
}

// fuzzyLookup finds aliases whose compact key is within Jaro-Winkler 0.93
// of the name's and whose last tokens are within 0.9 (so that two people
// sharing a first name do not meet).
func (kb *KB) fuzzyLookup(key []string) []fuzzyHit {
	if len(key) == 0 {
		return nil
	}
	c := strings.Join(key, "")
	if len(c) < 4 {
		return nil
	}
	last := key[len(key)-1]
	best := map[int]fuzzyHit{}
	for _, e := range kb.fuzzy[c[:2]] {
		s := JaroWinkler(c, e.compact)
		if s < 0.93 {
			continue
		}
		if len(key) > 1 && JaroWinkler(last, e.last) < 0.9 {
			continue
		}
		if h, ok := best[e.rec]; !ok || s > h.score {
			best[e.rec] = fuzzyHit{e.rec, s * 0.95, e.demonym}
		}
	}
	out := make([]fuzzyHit, 0, len(best))
	for _, h := range best {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}
