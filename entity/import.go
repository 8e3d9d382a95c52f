package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"dateline/model"
)

// wikidataClasses maps P31 (instance of) values to a type and kind.
var wikidataClasses = map[string][2]string{
	"Q5":        {model.PER, KindPerson},
	"Q6256":     {model.LOC, KindCountry},
	"Q3624078":  {model.LOC, KindCountry},
	"Q5119":     {model.LOC, KindCapital},
	"Q515":      {model.LOC, KindCity},
	"Q1549591":  {model.LOC, KindCity},
	"Q1637706":  {model.LOC, KindCity},
	"Q484652":   {model.ORG, KindIGO},
	"Q245065":   {model.ORG, KindIGO},
	"Q327333":   {model.ORG, KindGov},
	"Q192283":   {model.ORG, KindAgency},
	"Q1002697":  {model.ORG, KindMedia},
	"Q43229":    {model.ORG, ""},
	"Q4830453":  {model.ORG, ""},
	"Q7278":     {model.ORG, ""}, // political party
	"Q17149090": {model.ORG, KindRebel},
}

type wdValue struct {
	Language string `json:"language"`
	Value    string `json:"value"`
}

type wdEntity struct {
	ID      string               `json:"id"`
	Labels  map[string]wdValue   `json:"labels"`
	Aliases map[string][]wdValue `json:"aliases"`
	Claims  map[string][]struct {
		Mainsnak struct {
			Datavalue struct {
				Value json.RawMessage `json:"value"`
			} `json:"datavalue"`
		} `json:"mainsnak"`
	} `json:"claims"`
}

func (e *wdEntity) itemValues(prop string) []string {
	var out []string
	for _, c := range e.Claims[prop] {
		var v struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(c.Mainsnak.Datavalue.Value, &v) == nil && v.ID != "" {
			out = append(out, v.ID)
		}
	}
	return out
}

// ImportWikidata reads entities from a Wikidata JSON dump slice: one
// entity JSON per line, optionally with the dump's "[" and "]" lines and
// trailing commas. It keeps labels and aliases in every language, takes
// type and kind from P31 (instance of) and the country from P17 (country)
// or P27 (citizenship), mapped to ISO 3166 alpha-3 through the QIDs of the
// countries in kb (nil: no country). Lines that are not entities are
// skipped; malformed JSON is an error naming the line.
func ImportWikidata(r io.Reader, kb *KB) ([]Record, error) {
	qidISO := map[string]string{}
	if kb != nil {
		for _, rec := range kb.recs {
			if rec.Kind == KindCountry && strings.HasPrefix(rec.ID, "Q") {
				qidISO[rec.ID] = rec.Country
			}
		}
	}
	var out []Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimSuffix(line, ",")
		if line == "" || line == "[" || line == "]" {
			continue
		}
		var e wdEntity
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return out, fmt.Errorf("wikidata line %d: %w", n, err)
		}
		if e.ID == "" {
			continue
		}
		rec := Record{}
		rec.ID = e.ID
		rec.Type = model.MISC
		for _, c := range e.itemValues("P31") {
			if tk, ok := wikidataClasses[c]; ok {
				rec.Type, rec.Kind = tk[0], tk[1]
				break
			}
		}
		for _, p := range []string{"P27", "P17"} {
			for _, q := range e.itemValues(p) {
				if iso := qidISO[q]; iso != "" && rec.Country == "" {
					rec.Country = iso
				}
			}
		}
		if l, ok := e.Labels["en"]; ok {
			rec.Name = l.Value
		}
		langs := make([]string, 0, len(e.Labels))
		for l := range e.Labels {
			langs = append(langs, l)
		}
		sortStrings(langs)
		for _, l := range langs {
			v := e.Labels[l]
			if rec.Name == "" {
				rec.Name = v.Value
			}
			rec.Aliases = addAlias(rec.Aliases, model.Alias{Text: v.Value, Lang: l})
		}
		langs = langs[:0]
		for l := range e.Aliases {
			langs = append(langs, l)
		}
		sortStrings(langs)
		for _, l := range langs {
			for _, v := range e.Aliases[l] {
				rec.Aliases = addAlias(rec.Aliases, model.Alias{Text: v.Value, Lang: l})
			}
		}
		if rec.Name == "" {
			continue
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("wikidata: %w", err)
	}
	return out, nil
}

// ImportNames reads a names list: TSV lines "id<TAB>type<TAB>lang<TAB>name"
// (a "#" line is a comment). An empty id gives the generated ID of type and
// the first name seen for the row group; rows with the same id add
// aliases. The first name of an id is its canonical name.
func ImportNames(r io.Reader) ([]Record, error) {
	var out []Record
	idx := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return out, fmt.Errorf("names line %d: want id, type, lang, name separated by tabs", n)
		}
		id, typ, lang, name := strings.TrimSpace(f[0]), strings.ToUpper(strings.TrimSpace(f[1])), strings.TrimSpace(f[2]), strings.TrimSpace(f[3])
		switch typ {
		case model.PER, model.ORG, model.LOC, model.MISC:
		default:
			return out, fmt.Errorf("names line %d: type %q is not PER, ORG, LOC or MISC", n, typ)
		}
		if name == "" {
			return out, fmt.Errorf("names line %d: empty name", n)
		}
		if id == "" {
			id = GenID(typ, "", "", name)
		}
		i, ok := idx[id]
		if !ok {
			rec := Record{}
			rec.ID, rec.Type, rec.Name = id, typ, name
			if typ == model.PER {
				rec.Kind = KindPerson
			}
			idx[id] = len(out)
			out = append(out, rec)
			i = len(out) - 1
		}
		out[i].Aliases = addAlias(out[i].Aliases, model.Alias{Text: name, Lang: lang})
	}
	return out, sc.Err()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
