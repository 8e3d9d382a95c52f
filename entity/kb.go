package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"dateline/model"
)

// kbData is the generated knowledge base (see Build and `dateline kb build`).
//
//go:embed data/kb.jsonl.gz
var kbData []byte

//go:embed data/curated.txt
var curatedTxt string

//go:embed data/demonyms.txt
var demonymsTxt string

// KB is the knowledge base: entities with their names in many languages,
// offices held over time, and the indexes the Linker matches against. A KB
// is immutable once loaded and safe for concurrent use.
type KB struct {
	recs    []Record
	byID    map[string]int
	gaz     gazetteer
	holders map[string][]holder // "ISO3/office" -> office holders
	govOf   map[string]int      // ISO3 -> government entity
	country map[string]int      // ISO3 -> country entity
	fuzzy   map[string][]fuzzyEntry
	concept map[string][]conceptEntry // concept signature -> aliases
	stems   map[string][]fuzzyHit     // one-word place stem -> places
}

type holder struct {
	rec  int
	role Role
}

// Embedded returns the knowledge base shipped in the binary.
func Embedded() (*KB, error) {
	recs, err := ReadRecords(bytes.NewReader(kbData))
	if err != nil {
		return nil, fmt.Errorf("embedded kb: %w", err)
	}
	return NewKB(recs), nil
}

// LoadKB returns the embedded knowledge base merged with the user KB files
// written by `dateline kb import` (JSON lines of Record, optionally
// gzipped). A user record with the ID of an existing entity adds its
// aliases, demonyms and roles to it; a new ID adds an entity. Missing
// files are an error.
func LoadKB(userFiles ...string) (*KB, error) {
	recs, err := ReadRecords(bytes.NewReader(kbData))
	if err != nil {
		return nil, fmt.Errorf("embedded kb: %w", err)
	}
	for _, p := range userFiles {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("load kb: %w", err)
		}
		more, err := ReadRecords(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("load kb %s: %w", p, err)
		}
		recs = MergeRecords(recs, more)
	}
	return NewKB(recs), nil
}

// MergeRecords adds more to base: records with a known ID extend it
// (aliases, demonyms, roles; empty fields filled), others are appended.
func MergeRecords(base, more []Record) []Record {
	idx := make(map[string]int, len(base))
	for i, r := range base {
		idx[r.ID] = i
	}
	for _, m := range more {
		i, ok := idx[m.ID]
		if !ok {
			idx[m.ID] = len(base)
			base = append(base, m)
			continue
		}
		b := &base[i]
		for _, a := range m.Aliases {
			b.Aliases = addAlias(b.Aliases, a)
		}
		for _, a := range m.Demonyms {
			b.Demonyms = addAlias(b.Demonyms, a)
		}
		b.Roles = append(b.Roles, m.Roles...)
		if b.Name == "" {
			b.Name = m.Name
		}
		if b.Type == "" {
			b.Type = m.Type
		}
		if b.Kind == "" {
			b.Kind = m.Kind
		}
		if b.Country == "" {
			b.Country = m.Country
		}
	}
	return base
}

// NewKB indexes records into a knowledge base.
func NewKB(recs []Record) *KB {
	kb := &KB{
		recs:    recs,
		byID:    make(map[string]int, len(recs)),
		holders: map[string][]holder{},
		govOf:   map[string]int{},
		country: map[string]int{},
	}
	for i, r := range recs {
		kb.byID[r.ID] = i
		switch r.Kind {
		case KindCountry:
			kb.country[r.Country] = i
		case KindGov:
			if _, ok := kb.govOf[r.Country]; !ok || strings.HasPrefix(r.Name, "Government of") {
				kb.govOf[r.Country] = i
			}
		}
		for _, ro := range r.Roles {
			k := ro.Country + "/" + ro.Office
			kb.holders[k] = append(kb.holders[k], holder{i, ro})
		}
	}
	kb.gaz = buildGazetteer(recs)
	kb.fuzzy = buildFuzzy(recs)
	kb.concept = buildConceptIndex(recs)
	kb.stems = buildStemIndex(recs)
	return kb
}

// Len returns the number of entities.
func (kb *KB) Len() int { return len(kb.recs) }

// Records returns the knowledge base's records; the caller must not modify
// them.
func (kb *KB) Records() []Record { return kb.recs }

// Record returns the full record of an entity.
func (kb *KB) Record(id string) (Record, bool) {
	i, ok := kb.byID[id]
	if !ok {
		return Record{}, false
	}
	return kb.recs[i], true
}

// Entity returns the entity with the given ID, its aliases including the
// country demonyms.
func (kb *KB) Entity(id string) (model.Entity, bool) {
	i, ok := kb.byID[id]
	if !ok {
		return model.Entity{}, false
	}
	e := kb.recs[i].Entity
	e.Aliases = append(append([]model.Alias(nil), e.Aliases...), kb.recs[i].Demonyms...)
	return e, true
}

// CountryID returns the entity ID of the country with the ISO 3166
// alpha-3 code.
func (kb *KB) CountryID(iso3 string) (string, bool) {
	i, ok := kb.country[iso3]
	if !ok {
		return "", false
	}
	return kb.recs[i].ID, true
}

// GovernmentID returns the entity ID standing for the government of the
// country with the ISO 3166 alpha-3 code, when the KB holds one.
func (kb *KB) GovernmentID(iso3 string) (string, bool) {
	i, ok := kb.govOf[iso3]
	if !ok {
		return "", false
	}
	return kb.recs[i].ID, true
}

// Holder returns the ID of the entity that held office in the country
// (ISO3; "" for international organisations) at time at. When several
// match (overlapping terms), the one who took office last wins.
func (kb *KB) Holder(country, office string, at time.Time) (string, bool) {
	best, bestFrom := -1, time.Time{}
	for _, h := range kb.holders[country+"/"+office] {
		if h.role.Active(at) && (best < 0 || h.role.From.After(bestFrom)) {
			best, bestFrom = h.rec, h.role.From
		}
	}
	if best < 0 {
		return "", false
	}
	return kb.recs[best].ID, true
}

// Actor gives the event-coding actor of an entity at a time: its country
// (ISO 3166 alpha-3, "" for international organisations) and sector.
//   - people: the country and sector of the office held at that time
//     (GOV, IGO for offices of international organisations, OPP, LEG ...);
//     with no office then, their country and an empty sector;
//   - governments and capitals (as metonyms) GOV, armed forces MIL,
//     international organisations IGO, agencies and media MED, armed
//     groups REB; countries and other places their country and "".
//
// ok is false for IDs the knowledge base does not hold.
func (kb *KB) Actor(id string, at time.Time) (country, sector string, ok bool) {
	i, ok := kb.byID[id]
	if !ok {
		return "", "", false
	}
	r := &kb.recs[i]
	switch r.Kind {
	case KindPerson:
		var act *Role
		for j := range r.Roles {
			ro := &r.Roles[j]
			if ro.Active(at) && (act == nil || ro.From.After(act.From)) {
				act = ro
			}
		}
		if act != nil {
			return act.Country, act.Sector, true
		}
		return r.Country, "", true
	case KindGov:
		return r.Country, "GOV", true
	case KindMil:
		return r.Country, "MIL", true
	case KindIGO:
		return "", "IGO", true
	case KindAgency, KindMedia:
		return r.Country, "MED", true
	case KindRebel:
		return r.Country, "REB", true
	case KindCapital:
		return r.CapitalOf, "GOV", true
	}
	return r.Country, "", true
}

// Candidate is a knowledge-base entity a name may refer to.
type Candidate struct {
	ID string
	// Score is 1 for an exact name, 0.95 for a shared key (a spelling
	// variant), the Jaro-Winkler similarity of the keys for fuzzy matches.
	Score float64
	// Demonym says the name matched a country adjective or demonym.
	Demonym bool
}

// Lookup returns the entities a stand-alone name in lang may refer to,
// best first: exact folded names, then shared keys, then (fuzzy) keys
// within Jaro-Winkler 0.93 whose last tokens (surnames) are close too.
// Names with translated generic parts ("Nordkorea", "Islas Caimán") that
// match nothing so far are compared by concept form (score 0.9). Last
// come one-word place names that differ by an ending ("Serbien", score
// 0.88) and token-by-token variants (SameKeys, score 0.86); both stay
// below the linker's threshold of 0.9.
func (kb *KB) Lookup(name, lang string) []Candidate {
	seen := map[int]int{}
	var out []Candidate
	add := func(rec int, score float64, dem bool) {
		if j, ok := seen[rec]; ok {
			if score > out[j].Score {
				out[j].Score = score
			}
			return
		}
		seen[rec] = len(out)
		out = append(out, Candidate{ID: kb.recs[rec].ID, Score: score, Demonym: dem})
	}
	fold := strings.Fields(Fold(name, lang))
	if len(fold) == 0 {
		return nil
	}
	lk := KeyTokens(name, lang)
	nk := KeyTokens(name, "")
	for _, e := range kb.gaz.byFirst[lk[0]] {
		en := &kb.gaz.entries[e]
		if !en.neutral && equalStrings(en.toks, lk) {
			sc := 0.95
			if equalStrings(en.fold, fold) {
				sc = 1
			}
			add(int(en.rec), sc, en.demonym)
		}
	}
	for _, e := range kb.gaz.byFirst[nk[0]] {
		en := &kb.gaz.entries[e]
		if en.neutral && equalStrings(en.toks, nk) {
			sc := 0.95
			if equalStrings(en.fold, fold) {
				sc = 1
			}
			add(int(en.rec), sc, en.demonym)
		}
	}
	if alt := altKeys(name, lang); len(out) == 0 && alt != nil {
		for _, e := range kb.gaz.byFirst[alt[0]] {
			en := &kb.gaz.entries[e]
			if equalStrings(en.toks, alt) {
				add(int(en.rec), 0.95, en.demonym)
			}
		}
	}
	if len(out) == 0 {
		for _, c := range kb.conceptLookup(name, lang) {
			add(c.rec, c.score, c.demonym)
		}
	}
	if len(out) == 0 {
		for _, c := range kb.fuzzyLookup(lk) {
			add(c.rec, c.score, c.demonym)
		}
	}
	if len(out) == 0 {
		for _, c := range kb.stemLookup(lk) {
			add(c.rec, c.score, c.demonym)
		}
	}
	if alt := altKeys(name, lang); len(out) == 0 && alt != nil {
		for _, c := range kb.fuzzyLookup(alt) {
			add(c.rec, c.score, c.demonym)
		}
	}
	if len(out) == 0 {
		for _, c := range kb.tokenLookup(lk) {
			add(c.rec, c.score, c.demonym)
		}
	}
	if alt := altKeys(name, lang); len(out) == 0 && alt != nil {
		for _, c := range kb.tokenLookup(alt) {
			add(c.rec, c.score, c.demonym)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

func equalStrings(a, b []string) bool {
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
