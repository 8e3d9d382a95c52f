package analysis

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// OffsetMap maps byte offsets of a filtered text back to the text it was
// made from. A nil *OffsetMap is the identity. Each map is monotone
// (a later output offset never maps to an earlier input offset), and so is
// a chain of them, which keeps tokens in order after several filters.
type OffsetMap struct {
	// out[i], in[i]: from output offset out[i] on, output offset o comes
	// from input offset in[i] + (o - out[i]), capped at next in.
	out, in []int
	inLen   int
	// base, when set, maps this map's input offsets further back: the map
	// of the filter that ran before.
	base *OffsetMap
}

// Orig returns the input offset of output offset o.
func (m *OffsetMap) Orig(o int) int {
	if m == nil {
		return o
	}
	v := o
	if len(m.out) > 0 {
		if i := sort.Search(len(m.out), func(i int) bool { return m.out[i] > o }) - 1; i >= 0 {
			v = m.in[i] + (o - m.out[i])
			limit := m.inLen
			if i+1 < len(m.in) {
				limit = m.in[i+1]
			}
			v = min(v, limit)
		}
	}
	return m.base.Orig(v)
}

// then composes m (input -> mid) with next (mid -> output) into a map
// from output to input offsets; either may be nil. Neither is modified.
func (m *OffsetMap) then(next *OffsetMap) *OffsetMap {
	switch {
	case next == nil:
		return m
	case m == nil:
		return next
	}
	c := *next
	c.base = m.then(next.base)
	return &c
}

// mapBuilder records replacements while a filter copies text.
type mapBuilder struct {
	b       strings.Builder
	m       OffsetMap
	changed bool
}

// keep copies text[i:j] unchanged.
func (mb *mapBuilder) keep(s string) { mb.b.WriteString(s) }

// replace writes repl for the input span [in, inEnd).
func (mb *mapBuilder) replace(in, inEnd int, repl string) {
	mb.changed = true
	mb.m.out = append(mb.m.out, mb.b.Len())
	mb.m.in = append(mb.m.in, in)
	mb.b.WriteString(repl)
	mb.m.out = append(mb.m.out, mb.b.Len())
	mb.m.in = append(mb.m.in, inEnd)
}

func (mb *mapBuilder) result(text string) (string, *OffsetMap) {
	if !mb.changed {
		return text, nil
	}
	mb.m.inLen = len(text)
	return mb.b.String(), &mb.m
}

// MappingCharFilter is a CharFilter that also reports where each byte of
// its output came from, so tokens can point into the original text.
type MappingCharFilter interface {
	CharFilter
	FilterMap(text string) (string, *OffsetMap)
}

// Normalizer is the standard char filter: Unicode NFC; typographic single
// quotes and apostrophes to ', double quotes and guillemets to ",
// hyphens to -, dashes and minus to – (U+2013); no-break and other
// spaces to a space; … to ...; the fi/fl ligatures spelled out; soft
// hyphens, zero-width spaces, word joiners and byte-order marks removed.
// Zero-width (non-)joiners stay: they matter in Persian and Indic text.
type Normalizer struct{}

// Filter implements CharFilter.
func (n Normalizer) Filter(text string) string {
	s, _ := n.FilterMap(text)
	return s
}

// FilterMap implements MappingCharFilter.
func (Normalizer) FilterMap(text string) (string, *OffsetMap) {
	var m1 *OffsetMap
	if !norm.NFC.IsNormalString(text) {
		text, m1 = nfcMap(text)
	}
	out, m2 := replaceRunes(text)
	return out, m1.then(m2)
}

// nfcMap normalises text to NFC segment by segment, recording offsets.
func nfcMap(text string) (string, *OffsetMap) {
	var mb mapBuilder
	var it norm.Iter
	it.InitString(norm.NFC, text)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		if string(seg) == text[start:end] {
			mb.keep(text[start:end])
			continue
		}
		mb.replace(start, end, string(seg))
	}
	return mb.result(text)
}

func replaceRunes(text string) (string, *OffsetMap) {
	// fast path: nothing to replace
	clean := true
	for _, r := range text {
		if r >= 0x80 && replacement(r) != string(r) {
			clean = false
			break
		}
	}
	if clean {
		return text, nil
	}
	var mb mapBuilder
	mb.b.Grow(len(text))
	last := 0
	for i, r := range text {
		if r < 0x80 {
			continue
		}
		repl := replacement(r)
		if repl == string(r) {
			continue
		}
		mb.keep(text[last:i])
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n = utf8.DecodeRuneInString(text[i:])
		}
		mb.replace(i, i+n, repl)
		last = i + n
	}
	mb.keep(text[last:])
	return mb.result(text)
}

// replacement is what Normalizer writes for r.
func replacement(r rune) string {
	switch r {
	case '\u00AD', '\u200B', '\u2060', '\uFEFF': // soft hyphen, zero-width space, word joiner, BOM
		return ""
	case '‘', '’', '‚', '‛', '′', 'ʼ':
		return "'"
	case '“', '”', '„', '‟', '«', '»', '″':
		return "\""
	case '\u2010', '\u2011': // hyphen, non-breaking hyphen
		return "-"
	case '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return "–"
	case '…':
		return "..."
	case 'ﬁ':
		return "fi"
	case 'ﬂ':
		return "fl"
	case '\u0085', '\u2028', '\u2029':
		return "\n"
	}
	if r >= 0x80 && unicode.IsSpace(r) {
		return " "
	}
	return string(r)
}
