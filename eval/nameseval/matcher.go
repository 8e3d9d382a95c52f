package nameseval

import (
	"strings"

	"dateline/entity"
	"dateline/model"
)

// KBMatcher is the system under test: it resolves each name to a
// knowledge-base entity with entity.KB.Lookup (exact names, shared keys,
// fuzzy keys), and decides pairs of names it cannot resolve with
// entity.SameName. Two names resolved to different entities are different;
// a resolved and an unresolved name are the same only if SameName says so.
type KBMatcher struct {
	keys []entity.NameForm
	ids  []string // resolved entity per name, "" when unresolved
}

// NewKBMatcher prepares the decisions for s. With holdout, every alias and
// demonym whose folded text equals the folded text of any name of s is
// first removed from the knowledge base, so that each test name must be
// found through its spelling variants in other languages and scripts,
// not looked up as it stands.
func NewKBMatcher(kb *entity.KB, s Set, holdout bool) *KBMatcher {
	if holdout {
		kb = withoutNames(kb, s)
	}
	m := &KBMatcher{keys: keysOf(s), ids: make([]string, len(s))}
	for i, n := range s {
		c := kb.Lookup(n.Text, n.Lang)
		if len(c) == 0 || c[0].Score < 0.85 {
			continue
		}
		// An ambiguous best score (two entities) leaves the name unresolved.
		if len(c) > 1 && c[1].Score == c[0].Score && c[1].ID != c[0].ID {
			continue
		}
		m.ids[i] = c[0].ID
	}
	return m
}

// Same implements Matcher.
func (m *KBMatcher) Same(i, j int) bool {
	a, b := m.ids[i], m.ids[j]
	if a != "" && b != "" {
		return a == b
	}
	return entity.SameForm(m.keys[i], m.keys[j])
}

// KeyMatcher decides every pair with entity.SameName alone: the name keys
// and token rules without any knowledge base.
type KeyMatcher struct{ keys []entity.NameForm }

// NewKeyMatcher prepares a KeyMatcher for s.
func NewKeyMatcher(s Set) KeyMatcher { return KeyMatcher{keysOf(s)} }

// Same implements Matcher.
func (m KeyMatcher) Same(i, j int) bool { return entity.SameForm(m.keys[i], m.keys[j]) }

func keysOf(s Set) []entity.NameForm {
	out := make([]entity.NameForm, len(s))
	for i, n := range s {
		out[i] = entity.NewNameForm(n.Text, n.Lang)
	}
	return out
}

func withoutNames(kb *entity.KB, s Set) *entity.KB {
	drop := map[string]bool{}
	for _, n := range s {
		drop[entity.Fold(n.Text, n.Lang)] = true
	}
	keep := func(as []model.Alias) []model.Alias {
		var out []model.Alias
		for _, a := range as {
			if !drop[entity.Fold(a.Text, a.Lang)] {
				out = append(out, a)
			}
		}
		return out
	}
	recs := append([]entity.Record(nil), kb.Records()...)
	for i := range recs {
		recs[i].Aliases = keep(recs[i].Aliases)
		recs[i].Demonyms = keep(recs[i].Demonyms)
	}
	return entity.NewKB(recs)
}

// titleCase turns "ALYAKSANDR_LUKASHENKA_" into "Alyaksandr Lukashenka".
func titleCase(s string) string {
	s = strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w != "" {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(ws, " ")
}
