package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"dateline/model"
)

// curatedCountry holds what a "country ISO3 QID" block of the curated file
// adds to a generated country entity.
type curatedCountry struct {
	QID     string
	Aliases []model.Alias
}

// curated is the parsed hand-curated file.
type curated struct {
	Records   []Record
	Countries map[string]*curatedCountry // by ISO3
}

// parseCurated reads the curated entity file (format in its header).
func parseCurated(r io.Reader) (*curated, error) {
	c := &curated{Countries: map[string]*curatedCountry{}}
	var rec *Record
	var cc *curatedCountry
	flush := func() {
		if rec != nil {
			c.Records = append(c.Records, *rec)
		}
		rec, cc = nil, nil
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if !indented {
			flush()
			f := strings.Fields(trim)
			if f[0] == "country" {
				if len(f) != 3 {
					return nil, fmt.Errorf("line %d: want \"country ISO3 QID\"", n)
				}
				cc = &curatedCountry{}
				if f[2] != "-" {
					cc.QID = f[2]
				}
				c.Countries[f[1]] = cc
				continue
			}
			if len(f) < 5 {
				return nil, fmt.Errorf("line %d: want \"ID TYPE KIND COUNTRY Name\"", n)
			}
			rec = &Record{}
			rec.Type, rec.Kind = f[1], f[2]
			if f[3] != "-" {
				rec.Country = f[3]
			}
			rec.Name = strings.Join(f[4:], " ")
			rec.ID = f[0]
			if rec.ID == "-" {
				rec.ID = GenID(rec.Type, rec.Kind, rec.Country, rec.Name)
			}
			continue
		}
		key, val, ok := strings.Cut(trim, ":")
		if !ok {
			return nil, fmt.Errorf("line %d: want \"key: value\"", n)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "role":
			if rec == nil {
				return nil, fmt.Errorf("line %d: role outside an entity", n)
			}
			role, err := parseRole(val)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			rec.Roles = append(rec.Roles, role)
		case "capital-of":
			if rec == nil {
				return nil, fmt.Errorf("line %d: capital-of outside an entity", n)
			}
			rec.CapitalOf = val
		default:
			for _, a := range strings.Split(val, ";") {
				al := model.Alias{Text: strings.TrimSpace(a), Lang: key}
				switch {
				case rec != nil:
					rec.Aliases = addAlias(rec.Aliases, al)
				case cc != nil:
					cc.Aliases = addAlias(cc.Aliases, al)
				default:
					return nil, fmt.Errorf("line %d: names outside an entity", n)
				}
			}
		}
	}
	flush()
	return c, sc.Err()
}

// parseRole reads "office COUNTRY SECTOR FROM TO".
func parseRole(s string) (Role, error) {
	f := strings.Fields(s)
	if len(f) != 5 {
		return Role{}, fmt.Errorf("role %q: want office country sector from to", s)
	}
	r := Role{Office: f[0], Sector: f[2]}
	if f[1] != "-" {
		r.Country = f[1]
	}
	var err error
	if r.From, err = time.Parse("2006-01-02", f[3]); err != nil {
		return Role{}, fmt.Errorf("role %q: %w", s, err)
	}
	if f[4] != "-" {
		if r.To, err = time.Parse("2006-01-02", f[4]); err != nil {
			return Role{}, fmt.Errorf("role %q: %w", s, err)
		}
	}
	return r, nil
}

// demonymLine is one line of data/demonyms.txt.
type demonymLine struct {
	ISO3   string
	People bool
	Forms  []model.Alias // base forms as written
}

// parseDemonyms reads data/demonyms.txt.
func parseDemonyms(r io.Reader) ([]demonymLine, error) {
	var out []demonymLine
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, " ", 3)
		if len(f) != 3 || (f[1] != "adj" && f[1] != "people") {
			return nil, fmt.Errorf("demonyms line %d: want \"ISO3 adj|people lang forms | ...\"", n)
		}
		d := demonymLine{ISO3: f[0], People: f[1] == "people"}
		for _, part := range strings.Split(f[2], "|") {
			lang, forms, ok := strings.Cut(strings.TrimSpace(part), " ")
			if !ok {
				return nil, fmt.Errorf("demonyms line %d: part %q has no forms", n, part)
			}
			for _, w := range strings.Split(forms, ",") {
				d.Forms = addAlias(d.Forms, model.Alias{Text: strings.TrimSpace(w), Lang: lang})
			}
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// Inflect returns the forms of a country adjective in lang: Dutch adds -e
// (Chinees -> Chinese, Indiaas -> Indiase, Russisch -> Russische), German
// the strong and weak endings (russisch -> russische, russischen ...),
// French gender and number (ukrainien -> ukrainienne, ukrainiens ...),
// Spanish, Italian and Polish gender and number. Other languages, and
// English, keep the form.
func Inflect(adj, lang string) []string {
	out := []string{adj}
	add := func(s ...string) { out = append(out, s...) }
	switch lang {
	case "nl":
		switch {
		case strings.HasSuffix(adj, "isch"):
			add(adj + "e")
		case hasLongVowelS(adj):
			add(adj[:len(adj)-2] + "se")
		case strings.HasSuffix(adj, "s"):
			add(adj + "e")
		}
	case "de":
		if strings.HasSuffix(adj, "isch") || strings.HasSuffix(adj, "sch") || strings.HasSuffix(adj, "ch") {
			for _, e := range []string{"e", "en", "er", "es", "em"} {
				add(adj + e)
			}
		}
	case "fr":
		switch {
		case strings.HasSuffix(adj, "ien") || strings.HasSuffix(adj, "éen"):
			add(adj+"ne", adj+"s", adj+"nes")
		case strings.HasSuffix(adj, "e"):
			add(adj + "s")
		case strings.HasSuffix(adj, "s"):
			add(adj+"e", adj+"es")
		case strings.HasSuffix(adj, "c"): // grec -> grecque handled by the list
			add(adj + "s")
		default:
			add(adj+"e", adj+"s", adj+"es")
		}
	case "es", "it":
		if strings.HasSuffix(adj, "o") {
			b := adj[:len(adj)-1]
			add(b+"a", b+"os", b+"as")
			if lang == "it" {
				add(b+"i", b+"e")
			}
		}
	case "pl":
		if strings.HasSuffix(adj, "i") {
			b := adj[:len(adj)-1]
			add(b+"a", b+"ie", b+"iego", b+"im", b+"iej")
		}
	}
	return out
}

// hasLongVowelS reports a Dutch adjective ending in a doubled vowel and s
// ("Chinees", "Indiaas", "Portugees"), whose inflection drops a vowel.
func hasLongVowelS(w string) bool {
	n := len(w)
	return n >= 4 && w[n-1] == 's' && w[n-2] == w[n-3] && strings.IndexByte("aeo", w[n-2]) >= 0
}
