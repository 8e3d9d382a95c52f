package similarity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/cluster"
	"dateline/entity"
)

// Gazetteer finds knowledge-base names and generic news topics (countries, capitals, leaders,
// organisations, in every language of the KB) in raw text, without a
// name tagger: by substring in scripts written without spaces or case
// (Han, Kana, Hangul, Arabic), and by runs of transliterated word keys
// (cluster.NameKey) elsewhere. It gives Han and Arabic text the entity IDs
// that the pipeline's linker cannot find there, and every text a
// language-independent view of its countries. It is read-only once
// built; the zero value finds nothing.
type Gazetteer struct {
	// bySpan maps the first two runes of an unspaced-script alias to the
	// aliases starting with them.
	bySpan map[string][]gazAlias
	// byKey maps the NameKey of a spaced-script alias to its entity.
	byKey map[string]string
	// maxWords is the longest alias in words.
	maxWords int
	// concepts is the topic lexicon (conceptTable).
	concepts *conceptLexicon
}

type gazAlias struct {
	runes []rune
	id    string
}

// NewGazetteer indexes the aliases and demonyms of the records.
func NewGazetteer(recs []entity.Record) *Gazetteer {
	g := &Gazetteer{bySpan: make(map[string][]gazAlias), byKey: make(map[string]string), concepts: parseConcepts()}
	for _, r := range recs {
		names := make([]string, 0, len(r.Aliases)+len(r.Demonyms)+1)
		names = append(names, r.Name)
		for _, a := range r.Aliases {
			names = append(names, a.Text)
		}
		for _, a := range r.Demonyms {
			names = append(names, a.Text)
		}
		for _, n := range names {
			n = strings.TrimSpace(n)
			rs := []rune(n)
			if len(rs) == 0 {
				continue
			}
			if unspaced(rs[0]) {
				if len(rs) < 2 || isArabic(rs[0]) && len(rs) < 3 {
					continue
				}
				k := string(rs[:2])
				g.bySpan[k] = append(g.bySpan[k], gazAlias{runes: rs, id: r.ID})
				continue
			}
			k := cluster.NameKey(n)
			if len(k) < 4 {
				continue // "US", "EU": too ambiguous as lowercase keys
			}
			if _, ok := g.byKey[k]; !ok {
				g.byKey[k] = r.ID
			}
			g.maxWords = max(g.maxWords, strings.Count(k, " ")+1)
		}
	}
	return g
}

// EmbeddedGazetteer returns the gazetteer of the embedded knowledge base.
func EmbeddedGazetteer() (*Gazetteer, error) {
	kb, err := entity.Embedded()
	if err != nil {
		return nil, err
	}
	return NewGazetteer(kb.Records()), nil
}

func isArabic(r rune) bool { return unicode.Is(unicode.Arabic, r) }

// unspaced reports whether r belongs to a script whose names are found by
// substring.
func unspaced(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || isArabic(r)
}

// Concepts returns the generic news topics (fire, election, vaccine ...)
// that text names in any of the lexicon's languages, with counts.
func (g *Gazetteer) Concepts(text string) map[string]float64 {
	if g == nil || g.concepts == nil {
		return map[string]float64{}
	}
	return g.concepts.find(text)
}

// Find returns the entity IDs named in text with their counts, longest
// match first at each position.
func (g *Gazetteer) Find(text string) map[string]float64 {
	out := make(map[string]float64)
	if g == nil {
		return out
	}
	if len(g.bySpan) > 0 {
		rs := []rune(text)
		for i := 0; i+1 < len(rs); i++ {
			if !unspaced(rs[i]) {
				continue
			}
			best := 0
			var id string
			for _, a := range g.bySpan[string(rs[i:i+2])] {
				if len(a.runes) > best && i+len(a.runes) <= len(rs) && runesEqual(rs[i:i+len(a.runes)], a.runes) {
					best, id = len(a.runes), a.id
				}
			}
			if best > 0 {
				out[id]++
				i += best - 1
			}
		}
	}
	if len(g.byKey) > 0 {
		ws := strings.Fields(cluster.NameKey(text))
		for i := 0; i < len(ws); i++ {
			if r, _ := utf8.DecodeRuneInString(ws[i]); unspaced(r) {
				continue
			}
			for n := min(g.maxWords, len(ws)-i); n >= 1; n-- {
				if id, ok := g.byKey[strings.Join(ws[i:i+n], " ")]; ok {
					out[id]++
					i += n - 1
					break
				}
			}
		}
	}
	return out
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
