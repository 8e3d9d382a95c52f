package nameseval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"dateline/entity"
)

// titleWords mark PETRARCH actor variants that carry a title or role
// rather than a spelling of the name ("PRESIDENT_VLADIMIR_PUTIN").
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`PRESIDENT PRIME MINISTER KING QUEEN PRINCE GENERAL GEN SECRETARY LEADER
	CHAIRMAN SHEIKH SHAIKH DR MR MRS MS GEN. COL COLONEL MAJOR CAPTAIN SENATOR GOVERNOR AMBASSADOR ENVOY
	FOREIGN DEFENSE DEFENCE INTERIOR FINANCE VICE DEPUTY SPEAKER FORMER CHIEF COMMANDER ADMIRAL JUDGE
	AYATOLLAH EMIR AMIR SULTAN POPE CARDINAL BISHOP REV MAYOR PREMIER CHANCELLOR OPPOSITION PRESIDENTIAL
	LT MARSHAL FIELD THE OF STATE CROWN SIR LORD HIS HER`) {
		m[w] = true
	}
	return m
}()

// BuildSet builds the name-variant test set from public name lists in
// shared (../shared/data) and the hand-written held-out variants in
// heldout (a set file; "" for none):
//   - names-cldr-territories: each country's name in en, nl, de, fr, es,
//     it, pl, ru, uk, be (Unicode License v3), one group per country;
//   - names-mledoze-countries: the English and French demonyms of each
//     country joined to its group (ODbL);
//   - events-petrarch2/Phoenix.Countries.actors.txt: people with two or
//     more spellings of their full name (MIT), titles removed;
//   - heldout: transliteration and spelling variants of people written for
//     this set and kept out of the knowledge base.
//
// Within a group, names with the same folded text are kept once.
func BuildSet(shared, heldout string) (Set, error) {
	var s Set
	seen := map[string]bool{}
	add := func(n Name) {
		n.Text = strings.TrimSpace(n.Text)
		if n.Text == "" || strings.ContainsAny(n.Text, "\t\n") {
			return
		}
		k := n.Group + "\x00" + entity.Fold(n.Text, n.Lang)
		if seen[k] {
			return
		}
		seen[k] = true
		s = append(s, n)
	}
	// Countries.
	var countries []struct {
		CCA2     string                       `json:"cca2"`
		Demonyms map[string]map[string]string `json:"demonyms"`
	}
	data, err := os.ReadFile(filepath.Join(shared, "names-mledoze-countries", "countries.json"))
	if err != nil {
		return nil, fmt.Errorf("build names set: %w", err)
	}
	if err := json.Unmarshal(data, &countries); err != nil {
		return nil, fmt.Errorf("build names set: mledoze: %w", err)
	}
	cldr := map[string]map[string]string{}
	for _, l := range []string{"en", "nl", "de", "fr", "es", "it", "pl", "ru", "uk", "be"} {
		data, err := os.ReadFile(filepath.Join(shared, "names-cldr-territories", l, "territories.json"))
		if err != nil {
			return nil, fmt.Errorf("build names set: %w", err)
		}
		var doc struct {
			Main map[string]struct {
				LocaleDisplayNames struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"main"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("build names set: cldr %s: %w", l, err)
		}
		for _, v := range doc.Main {
			cldr[l] = v.LocaleDisplayNames.Territories
		}
	}
	sort.Slice(countries, func(i, j int) bool { return countries[i].CCA2 < countries[j].CCA2 })
	for _, c := range countries {
		g := "country:" + c.CCA2
		for _, l := range []string{"en", "nl", "de", "fr", "es", "it", "pl", "ru", "uk", "be"} {
			if n := cldr[l][c.CCA2]; n != "" {
				add(Name{Group: g, Lang: l, Text: n, Source: "cldr"})
			}
		}
		for _, code := range []string{"eng", "fra"} {
			l := map[string]string{"eng": "en", "fra": "fr"}[code]
			if d := c.Demonyms[code]["m"]; d != "" {
				if l == "fr" {
					d = strings.ToLower(d)
				}
				add(Name{Group: g, Lang: l, Text: d, Source: "mledoze-demonym"})
			}
		}
	}
	// People from the PETRARCH dictionaries.
	pp, err := petrarchPeople(filepath.Join(shared, "events-petrarch2", "Phoenix.Countries.actors.txt"))
	if err != nil {
		return nil, err
	}
	for _, p := range pp {
		for _, n := range p {
			add(n)
		}
	}
	if heldout != "" {
		h, err := ReadSetFile(heldout)
		if err != nil {
			return nil, err
		}
		for _, n := range h {
			add(n)
		}
	}
	// Drop groups left with one name.
	count := map[string]int{}
	for _, n := range s {
		count[n.Group]++
	}
	out := s[:0]
	for _, n := range s {
		if count[n.Group] > 1 {
			out = append(out, n)
		}
	}
	return out, nil
}

// personCode matches the dated role codes of people in the CountryInfo
// part of the dictionary: "[BLRGOV >940720]", "[RUSELI 700101-990809]".
var personCode = regexp.MustCompile(`\[[A-Z]{3}(GOV|ELI|MIL|LEG|JUD|OPP)\b`)

var petrName = regexp.MustCompile(`^\+?([A-Z][A-Z0-9_.'\-]*)`)

// petrarchPeople reads the person entries of a PETRARCH actor dictionary
// (entries whose codes follow on their own dated lines) with their
// title-free, multi-word spelling variants.
func petrarchPeople(path string) ([][]Name, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build names set: %w", err)
	}
	defer f.Close()
	var out [][]Name
	var cur []Name
	var group string
	person := false
	flush := func() {
		if person && len(cur) > 1 {
			out = append(out, cur)
		}
		cur, person = nil, false
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "\t") || strings.HasPrefix(line, " "):
			if personCode.MatchString(line) {
				person = true
			}
			continue
		}
		m := petrName.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if !strings.HasPrefix(line, "+") {
			flush()
			group = "petrarch:" + strings.Trim(m[1], "_")
			if strings.Contains(line, "[") { // a country or agent line, not a person
				group = ""
			}
		}
		if group == "" {
			continue
		}
		words := strings.Fields(strings.ReplaceAll(m[1], "_", " "))
		if len(words) < 2 {
			continue
		}
		titled := false
		for _, w := range words {
			if titleWords[strings.Trim(w, ".")] || strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
				titled = true
			}
		}
		if titled {
			continue
		}
		cur = append(cur, Name{Group: group, Lang: "en", Text: titleCase(m[1]), Source: "petrarch"})
	}
	flush()
	return out, sc.Err()
}
