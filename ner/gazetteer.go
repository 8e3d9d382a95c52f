package ner

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one gazetteer entry found in a token sequence.
type Match struct {
	// Type is the entry's entity type: PER, ORG, LOC or MISC. Other
	// labels are allowed but carry no learnt weight.
	Type string
	// Len is the number of tokens the entry covers, at least 1.
	Len int
}

// Gazetteer finds known names in a sentence. The knowledge base
// implements it to lend the tagger its names (see Tagger.WithGazetteer).
type Gazetteer interface {
	// Lookup returns the entries whose name starts at tokens[i].
	Lookup(tokens []string, i int) []Match
}

// Dict is a Gazetteer over a fixed list of names, matched token by token,
// case-sensitively. Build it with Add; the zero value is empty and ready.
// A Dict is safe for concurrent Lookup once built.
type Dict struct {
	// by first token: entries, longest first
	first map[string][]dictEntry
}

type dictEntry struct {
	rest []string
	typ  string
}

// Add records a name (as tokens) of type typ.
func (d *Dict) Add(tokens []string, typ string) {
	if len(tokens) == 0 {
		return
	}
	if d.first == nil {
		d.first = map[string][]dictEntry{}
	}
	list := d.first[tokens[0]]
	for _, e := range list {
		if e.typ == typ && equal(e.rest, tokens[1:]) {
			return
		}
	}
	list = append(list, dictEntry{rest: append([]string(nil), tokens[1:]...), typ: typ})
	sort.SliceStable(list, func(a, b int) bool { return len(list[a].rest) > len(list[b].rest) })
	d.first[tokens[0]] = list
}

// Len returns the number of names in d.
func (d *Dict) Len() int {
	n := 0
	for _, l := range d.first {
		n += len(l)
	}
	return n
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Lookup implements Gazetteer.
func (d *Dict) Lookup(tokens []string, i int) []Match {
	if d == nil || d.first == nil {
		return nil
	}
	var out []Match
	for _, e := range d.first[tokens[i]] {
		if i+1+len(e.rest) > len(tokens) {
			continue
		}
		if equal(e.rest, tokens[i+1:i+1+len(e.rest)]) {
			out = append(out, Match{Type: e.typ, Len: 1 + len(e.rest)})
		}
	}
	return out
}

// each calls fn for every entry, in a stable order.
func (d *Dict) each(fn func(tokens []string, typ string)) {
	keys := make([]string, 0, len(d.first))
	for k := range d.first {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, e := range d.first[k] {
			fn(append([]string{k}, e.rest...), e.typ)
		}
	}
}

// nameCounts tallies entity names by type in tagged sentences.
type nameCounts map[string]map[string]int // joined name -> type -> count

func (nc nameCounts) add(sents []Sentence) {
	for _, s := range sents {
		for _, c := range spansOf(s.Tags) {
			toks := s.Tokens[c.Start:c.End]
			if len(toks) > 6 || !nameLike(toks[0]) {
				continue
			}
			k := strings.Join(toks, "\x00")
			m := nc[k]
			if m == nil {
				m = map[string]int{}
				nc[k] = m
			}
			m[c.Type]++
		}
	}
}

// dict keeps the names seen at least minCount times whose majority type
// holds at least two thirds of their occurrences.
func (nc nameCounts) dict(minCount int) *Dict {
	d := &Dict{}
	for k, m := range nc {
		total, best, bt := 0, 0, ""
		for t, c := range m {
			total += c
			if c > best || (c == best && t < bt) {
				best, bt = c, t
			}
		}
		if total >= minCount && best*3 >= total*2 {
			d.Add(strings.Split(k, "\x00"), bt)
		}
	}
	return d
}

// nameLike reports whether a name's first token looks like a name: it
// starts with an upper-case letter or a digit.
func nameLike(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// Has reports whether d holds exactly the name tokens (of any type).
func (d *Dict) Has(tokens []string) bool {
	if len(tokens) == 0 {
		return false
	}
	for _, m := range d.Lookup(tokens, 0) {
		if m.Len == len(tokens) {
			return true
		}
	}
	return false
}
