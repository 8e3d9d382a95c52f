package entity

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dateline/model"
)

// BuildOptions says where the generator finds its inputs.
type BuildOptions struct {
	// SharedData is the ../shared/data folder: CLDR territory names
	// (names-cldr-territories, Unicode License) and the mledoze country
	// list (names-mledoze-countries, ODbL).
	SharedData string
	// Curated and Demonyms are the hand-written files; empty means the
	// copies embedded in this package (data/curated.txt, data/demonyms.txt).
	Curated, Demonyms string
}

// cldrLangs are the languages of names-cldr-territories.
var cldrLangs = []string{"en", "nl", "de", "fr", "es", "it", "pl", "ru", "uk", "be"}

// iso639 maps the mledoze ISO 639-3 codes to BCP 47.
var iso639 = map[string]string{
	"ara": "ar", "bre": "br", "ces": "cs", "cym": "cy", "deu": "de", "est": "et", "fin": "fi",
	"fra": "fr", "hrv": "hr", "hun": "hu", "ita": "it", "jpn": "ja", "kor": "ko", "nld": "nl",
	"per": "fa", "pol": "pl", "por": "pt", "rus": "ru", "slk": "sk", "spa": "es", "srp": "sr",
	"swe": "sv", "tur": "tr", "urd": "ur", "zho": "zh", "eng": "en",
}

type mledozeName struct {
	Common   string `json:"common"`
	Official string `json:"official"`
}

type mledozeCountry struct {
	Name struct {
		Common   string                 `json:"common"`
		Official string                 `json:"official"`
		Native   map[string]mledozeName `json:"native"`
	} `json:"name"`
	CCA2         string                       `json:"cca2"`
	CCA3         string                       `json:"cca3"`
	Independent  *bool                        `json:"independent"`
	Capital      []string                     `json:"capital"`
	AltSpellings []string                     `json:"altSpellings"`
	Translations map[string]mledozeName       `json:"translations"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
	Languages    map[string]string            `json:"languages"`
}

// Build generates the knowledge base from the country data in
// opts.SharedData and the curated files: one Record per country (names in
// the ten CLDR languages and the ~25 mledoze languages, demonyms from the
// curated list inflected per language plus mledoze's English and French
// ones), one per capital not curated, and every curated entity. Records
// come sorted by ID.
func Build(opts BuildOptions) ([]Record, error) {
	cur, dem, err := readCuratedFiles(opts)
	if err != nil {
		return nil, err
	}
	var countries []mledozeCountry
	mpath := filepath.Join(opts.SharedData, "names-mledoze-countries", "countries.json")
	data, err := os.ReadFile(mpath)
	if err != nil {
		return nil, fmt.Errorf("build kb: %w", err)
	}
	if err := json.Unmarshal(data, &countries); err != nil {
		return nil, fmt.Errorf("build kb: %s: %w", mpath, err)
	}
	cldr := map[string]map[string]string{} // lang -> cca2 -> name
	for _, l := range cldrLangs {
		p := filepath.Join(opts.SharedData, "names-cldr-territories", l, "territories.json")
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("build kb: %w", err)
		}
		var doc struct {
			Main map[string]struct {
				LocaleDisplayNames struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"main"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("build kb: %s: %w", p, err)
		}
		for _, v := range doc.Main {
			cldr[l] = v.LocaleDisplayNames.Territories
		}
	}
	byISO := map[string]*Record{}
	var recs []*Record
	for _, c := range countries {
		r := &Record{}
		r.Type, r.Kind, r.Country, r.Name = model.LOC, KindCountry, c.CCA3, c.Name.Common
		r.ID = GenID(model.LOC, KindCountry, c.CCA3)
		if cc := cur.Countries[c.CCA3]; cc != nil {
			if cc.QID != "" {
				r.ID = cc.QID
			}
			for _, a := range cc.Aliases {
				r.Aliases = addAlias(r.Aliases, a)
			}
		}
		r.Aliases = addAlias(r.Aliases, model.Alias{Text: c.Name.Common, Lang: "en"})
		r.Aliases = addAlias(r.Aliases, model.Alias{Text: c.Name.Official, Lang: "en"})
		for _, l := range cldrLangs {
			if n := cldr[l][c.CCA2]; n != "" {
				r.Aliases = addAlias(r.Aliases, model.Alias{Text: n, Lang: l})
			}
			if n := cldr[l][c.CCA2+"-alt-short"]; n != "" {
				r.Aliases = addAlias(r.Aliases, model.Alias{Text: n, Lang: l})
			}
		}
		for code, n := range c.Translations {
			if l := iso639[code]; l != "" {
				r.Aliases = addAlias(r.Aliases, model.Alias{Text: n.Common, Lang: l})
				r.Aliases = addAlias(r.Aliases, model.Alias{Text: n.Official, Lang: l})
			}
		}
		for code, n := range c.Name.Native {
			if l := iso639[code]; l != "" {
				r.Aliases = addAlias(r.Aliases, model.Alias{Text: n.Common, Lang: l})
			}
		}
		for _, a := range c.AltSpellings {
			if len(a) <= 2 || a == c.CCA3 {
				continue
			}
			lang := ""
			if HasCyrillic(a) {
				lang = "ru"
			}
			r.Aliases = addAlias(r.Aliases, model.Alias{Text: a, Lang: lang})
		}
		independent := c.Independent != nil && *c.Independent
		for code, g := range c.Demonyms {
			if !independent {
				break // territories share their state's demonym ("American")
			}
			l := iso639[code]
			for _, form := range []string{g["m"], g["f"]} {
				if form == "" {
					continue
				}
				if l == "fr" {
					form = strings.ToLower(form) // French adjectives are lower case
					for _, inf := range Inflect(form, l) {
						r.Demonyms = addAlias(r.Demonyms, model.Alias{Text: inf, Lang: l})
					}
					continue
				}
				r.Demonyms = addAlias(r.Demonyms, model.Alias{Text: form, Lang: l})
			}
		}
		byISO[c.CCA3] = r
		recs = append(recs, r)
	}
	for _, d := range dem {
		r := byISO[d.ISO3]
		if r == nil {
			return nil, fmt.Errorf("build kb: demonyms for unknown country %s", d.ISO3)
		}
		for _, f := range d.Forms {
			forms := []string{f.Text}
			if !d.People {
				forms = Inflect(f.Text, f.Lang)
			}
			for _, inf := range forms {
				r.Demonyms = addAlias(r.Demonyms, model.Alias{Text: inf, Lang: f.Lang})
			}
		}
	}
	capitals := map[string]bool{}
	for i := range cur.Records {
		cr := cur.Records[i]
		if cr.CapitalOf != "" {
			capitals[cr.CapitalOf] = true
		}
		recs = append(recs, &cr)
	}
	for _, c := range countries {
		if capitals[c.CCA3] || len(c.Capital) == 0 || c.Independent == nil || !*c.Independent {
			continue
		}
		name := c.Capital[0]
		r := &Record{CapitalOf: c.CCA3}
		r.Type, r.Kind, r.Country, r.Name = model.LOC, KindCapital, c.CCA3, name
		r.ID = GenID(model.LOC, KindCapital, c.CCA3, name)
		r.Aliases = []model.Alias{{Text: name, Lang: "en"}}
		recs = append(recs, r)
	}
	govs := map[string]bool{}
	for _, r := range recs {
		if r.Kind == KindGov && strings.HasPrefix(r.Name, "Government of") {
			govs[r.Country] = true
		}
	}
	for _, c := range countries {
		if c.Independent == nil || !*c.Independent {
			continue
		}
		if !govs[c.CCA3] {
			g := &Record{}
			g.Type, g.Kind, g.Country, g.Name = model.ORG, KindGov, c.CCA3, "Government of "+c.Name.Common
			g.ID = GenID(model.ORG, KindGov, c.CCA3)
			g.Aliases = []model.Alias{}
			recs = append(recs, g)
		}
		m := &Record{}
		m.Type, m.Kind, m.Country, m.Name = model.ORG, KindMil, c.CCA3, "Armed forces of "+c.Name.Common
		m.ID = GenID(model.ORG, KindMil, c.CCA3)
		m.Aliases = []model.Alias{}
		recs = append(recs, m)
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	out := make([]Record, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		if seen[r.ID] {
			return nil, fmt.Errorf("build kb: duplicate id %s (%s)", r.ID, r.Name)
		}
		seen[r.ID] = true
		out = append(out, *r)
	}
	return out, nil
}

func readCuratedFiles(opts BuildOptions) (*curated, []demonymLine, error) {
	read := func(path, embedded string) (io.Reader, error) {
		if path == "" {
			return strings.NewReader(embedded), nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("build kb: %w", err)
		}
		return bytes.NewReader(b), nil
	}
	r, err := read(opts.Curated, curatedTxt)
	if err != nil {
		return nil, nil, err
	}
	cur, err := parseCurated(r)
	if err != nil {
		return nil, nil, fmt.Errorf("build kb: curated: %w", err)
	}
	r, err = read(opts.Demonyms, demonymsTxt)
	if err != nil {
		return nil, nil, err
	}
	dem, err := parseDemonyms(r)
	if err != nil {
		return nil, nil, fmt.Errorf("build kb: %w", err)
	}
	return cur, dem, nil
}

// WriteRecords writes records as gzipped JSON lines, the format of the
// embedded data/kb.jsonl.gz.
func WriteRecords(w io.Writer, recs []Record) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return fmt.Errorf("write kb: %w", err)
		}
	}
	return zw.Close()
}

// ReadRecords reads JSON lines of Records, gzipped or plain.
func ReadRecords(r io.Reader) ([]Record, error) {
	br := bufioReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read kb: %w", err)
		}
		defer zr.Close()
		return decodeRecords(zr)
	}
	return decodeRecords(br)
}

func decodeRecords(r io.Reader) ([]Record, error) {
	dec := json.NewDecoder(r)
	var out []Record
	for {
		var rec Record
		if err := dec.Decode(&rec); err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, fmt.Errorf("read kb: record %d: %w", len(out)+1, err)
		}
		out = append(out, rec)
	}
}

// WriteRecordsPlain writes records as plain JSON lines (the user KB file).
func WriteRecordsPlain(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return fmt.Errorf("write kb: %w", err)
		}
	}
	return nil
}
