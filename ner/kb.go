package ner

import (
	"strings"
	"unicode"

	"dateline/analysis"
	"dateline/entity"
)

// KBNames returns the names of the knowledge base as a gazetteer for a
// tagger of language lang: every alias written in lang or in English,
// typed by the record (countries, capitals and cities LOC; persons PER;
// international organisations, government bodies, armed forces, agencies
// and media ORG), and the demonyms written in lang typed MISC. Each name
// is also added in capitals, the way headlines write it. Lower-case
// words opening an alias ("het Kremlin") are dropped; names that do not
// start with a capital or a digit are skipped.
//
// Train a model with the result in TrainOptions.KB; at run time give
// Tagger.WithGazetteer a KBNames of a larger knowledge base (one with
// imported records) to extend it.
func KBNames(kb *entity.KB, lang string) *Dict {
	d := &Dict{}
	if kb == nil {
		return d
	}
	for _, r := range kb.Records() {
		typ := kbType(r.Kind, r.Type)
		if typ == "" {
			continue
		}
		for _, a := range r.Aliases {
			if a.Lang == lang || a.Lang == "en" || a.Lang == "" {
				addKBName(d, a.Text, lang, typ)
			}
		}
		for _, a := range r.Demonyms {
			if a.Lang == lang {
				addKBName(d, a.Text, lang, "MISC")
			}
		}
	}
	return d
}

// kbType maps a knowledge-base kind (and type, for unknown kinds) to a
// tagger type.
func kbType(kind, typ string) string {
	switch kind {
	case entity.KindCountry, entity.KindCapital, entity.KindCity:
		return "LOC"
	case entity.KindPerson:
		return "PER"
	case entity.KindIGO, entity.KindGov, entity.KindMil, entity.KindRebel, entity.KindAgency, entity.KindMedia:
		return "ORG"
	}
	switch typ {
	case "PER", "ORG", "LOC", "MISC":
		return typ
	}
	return ""
}

// addKBName tokenises name as Find does and adds it, and its capitalised
// form, to d.
func addKBName(d *Dict, name, lang, typ string) {
	toks := NameTokens(name)
	for len(toks) > 0 && !nameLike(toks[0]) {
		toks = toks[1:]
	}
	if len(toks) == 0 || len(toks) > 6 {
		return
	}
	letters := 0
	for _, r := range strings.Join(toks, "") {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return
	}
	d.Add(toks, typ)
	up := make([]string, len(toks))
	for i, t := range toks {
		up[i] = strings.ToUpper(t)
	}
	d.Add(up, typ)
}

// NameTokens splits a name into tokens the way Find tokenises text
// (analysis.Tokenize, with initials and abbreviations such as "U.S."
// kept whole).
func NameTokens(name string) []string {
	toks := mergeAbbrev(name, analysis.Tokenize(name))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}
