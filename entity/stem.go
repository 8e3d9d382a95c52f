package entity

import (
	"strings"

	"dateline/model"
)

// Country names and their adjectives differ across languages mostly by
// their endings: "Serbia", "Serbien", "Serbie", "Сербия", "Serbian",
// "serbe"; "Chile", "chilien", "Chilean". A one-word place name's stem is
// its key token without one such ending (longest first), kept only when
// four letters or more remain. Read-only.
var placeEndings = []string{
	"ienne", "iens", "ean", "ian", "ien", "iia", "ese", "ais", "ois", "ish",
	"ia", "ie", "an", "en", "a", "e", "o", "i", "u",
}

// placeStem returns the stem of a one-word place key token ("serbiia" ->
// "serb"), or the token itself when no ending leaves four letters.
func placeStem(t string) string {
	for _, e := range placeEndings {
		if len(t)-len(e) >= 4 && strings.HasSuffix(t, e) {
			return t[:len(t)-len(e)]
		}
	}
	return t
}

// stemClose reports whether two one-word key tokens are one place name
// with different endings: both lose an ending and their stems are equal
// ("serbia"/"serbien"/"serbian"; "niger" has no ending, so it is not
// "nigeria").
func stemClose(a, b string) bool {
	sa, sb := placeStem(a), placeStem(b)
	return sa != a && sb != b && sa == sb
}

// buildStemIndex indexes the one-word aliases and demonyms of places by
// their stems.
func buildStemIndex(recs []Record) map[string][]fuzzyHit {
	m := map[string][]fuzzyHit{}
	add := func(rec int, a model.Alias, dem bool) {
		k := KeyTokens(a.Text, a.Lang)
		if len(k) != 1 {
			return
		}
		s := placeStem(k[0])
		if s == k[0] {
			return
		}
		m[s] = append(m[s], fuzzyHit{rec: rec, score: 0.88, demonym: dem})
	}
	for i, r := range recs {
		if r.Type != model.LOC {
			continue
		}
		for _, a := range r.Aliases {
			add(i, a, false)
		}
		for _, a := range r.Demonyms {
			add(i, a, true)
		}
	}
	return m
}

// stemLookup finds the places with a one-word alias or demonym of the
// stem of a one-word key.
func (kb *KB) stemLookup(key []string) []fuzzyHit {
	if len(key) != 1 {
		return nil
	}
	s := placeStem(key[0])
	if s == key[0] {
		return nil
	}
	return kb.stems[s]
}
