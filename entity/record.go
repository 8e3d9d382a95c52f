package entity

import (
	"bufio"
	"crypto/sha256"
	"encoding/base32"
	"io"
	"strings"
	"time"

	"dateline/model"
)

// Entity kinds (model.Entity.Kind).
const (
	KindCountry = "country"
	KindCapital = "capital"
	KindCity    = "city"
	KindPerson  = "person"
	KindIGO     = "igo"    // international organisation
	KindGov     = "gov"    // government body, also a metonym ("het Kremlin")
	KindMil     = "mil"    // armed forces, defence ministry
	KindRebel   = "rebel"  // armed non-state group
	KindAgency  = "agency" // news agency
	KindMedia   = "media"
	KindUnknown = "unknown" // a name the knowledge base does not hold
)

// Role is an office an entity held: Office is a code ("president", "pm",
// "fm", "dm", "leader", "sg", ...), Country the ISO 3166 alpha-3 code of
// the state it serves ("" for international organisations), Sector the
// actor sector it confers (GOV, MIL, IGO, OPP, LEG, CVL). To is zero while
// the office is held.
type Role struct {
	Office  string    `json:"office"`
	Country string    `json:"country,omitempty"`
	Sector  string    `json:"sector,omitempty"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to,omitzero"`
}

// Active reports whether the role was held at t.
func (r Role) Active(t time.Time) bool {
	return !t.Before(r.From) && (r.To.IsZero() || t.Before(r.To))
}

// Record is one knowledge-base entry: the shared model.Entity plus what
// linking and actor coding need.
type Record struct {
	model.Entity
	// Demonyms are adjectives and inhabitant nouns of a country, in every
	// inflected form the build generated ("Belarussische", "russischen").
	Demonyms []model.Alias `json:"demonyms,omitempty"`
	Roles    []Role        `json:"roles,omitempty"`
	// CapitalOf is the ISO 3166 alpha-3 code of the country whose capital
	// this is.
	CapitalOf string `json:"capital_of,omitempty"`
}

// GenID returns the stable generated ID of an entity that has no Wikidata
// QID: "D" followed by 13 base-32 characters of the SHA-256 of the parts
// joined by NUL. The same parts always give the same ID.
func GenID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "D" + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h[:8])
}

// addAlias appends a to list unless an alias with the same text and
// language is there already.
func addAlias(list []model.Alias, a model.Alias) []model.Alias {
	a.Text = strings.TrimSpace(a.Text)
	if a.Text == "" {
		return list
	}
	for _, b := range list {
		if b.Text == a.Text && b.Lang == a.Lang {
			return list
		}
	}
	return append(list, a)
}

func bufioReader(r io.Reader) *bufio.Reader {
	if br, ok := r.(*bufio.Reader); ok {
		return br
	}
	return bufio.NewReaderSize(r, 64<<10)
}
