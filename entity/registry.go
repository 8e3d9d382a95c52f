package entity

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"dateline/model"
)

// LearnedName is a name the knowledge base does not hold, as the Registry
// knows it: its ID, the variants seen (with language and count), and the
// entity IDs it co-occurred with (its context), with counts.
type LearnedName struct {
	ID       string         `json:"id"`
	Type     string         `json:"type"`
	Name     string         `json:"name"` // first spelling seen
	Variants []model.Alias  `json:"variants"`
	Keys     []string       `json:"keys"` // compact keys of the variants
	Context  map[string]int `json:"context,omitempty"`
	Count    int            `json:"count"`
}

// NameStore persists a Registry between runs; the store implements it.
type NameStore interface {
	LoadNames(ctx context.Context) ([]LearnedName, error)
	SaveNames(ctx context.Context, names []LearnedName) error
}

// Registry learns the names the knowledge base does not hold, across
// documents, the way Europe Media Monitor learns new variants: a name gets
// the ID of a known unknown name when their keys are equal, or when their
// keys are close (Jaro-Winkler >= 0.9 overall and on the surname, first
// names compatible) and they were seen with the same context entities (at
// least two shared, weighted overlap >= 0.2). Two people who only share a
// surname ("Donald Trump", "Melania Trump") never merge: their first
// names differ. The zero Registry is empty and ready; it is safe for
// concurrent use.
type Registry struct {
	mu      sync.Mutex
	byKey   map[string]*LearnedName   // type + "\x00" + compact key
	buckets map[string][]*LearnedName // type + first two key letters
	byID    map[string]*LearnedName
}

// Resolve returns the ID for an unknown name of type typ seen in lang
// beside the entities in context, learning the name (and any new variant).
func (r *Registry) Resolve(name, lang, typ string, context []string) string {
	kt := KeyTokens(name, lang)
	if len(kt) == 0 {
		return UnknownID(name, lang, typ)
	}
	compact := strings.Join(kt, "")
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.byKey[typ+"\x00"+compact]
	if n == nil {
		n = r.similar(typ, kt, compact, context)
		if n != nil {
			n.Keys = append(n.Keys, compact)
			r.index(n, compact)
		}
	}
	if n == nil {
		n = &LearnedName{ID: UnknownID(name, lang, typ), Type: typ, Name: name, Keys: []string{compact}}
		r.add(n)
	}
	n.Count++
	n.Variants = addAlias(n.Variants, model.Alias{Text: name, Lang: lang})
	if n.Context == nil {
		n.Context = map[string]int{}
	}
	for _, c := range context {
		if c != n.ID {
			n.Context[c]++
		}
	}
	return n.ID
}

// similar finds a learnt name of the same type whose key is close to kt
// and whose context overlaps the given one.
func (r *Registry) similar(typ string, kt []string, compact string, context []string) *LearnedName {
	if len(compact) < 4 || len(context) == 0 {
		return nil
	}
	ctx := map[string]bool{}
	for _, c := range context {
		ctx[c] = true
	}
	var best *LearnedName
	bestScore := 0.0
	for _, n := range r.buckets[typ+"\x00"+compact[:2]] {
		for _, k := range n.Keys {
			s := JaroWinkler(compact, k)
			if s < 0.9 || s <= bestScore {
				continue
			}
			if !compatibleNames(kt, n, typ) {
				continue
			}
			shared, total := 0, 0
			for c, cnt := range n.Context {
				total += cnt
				if ctx[c] {
					shared += cnt
				}
			}
			distinct := 0
			for c := range ctx {
				if n.Context[c] > 0 {
					distinct++
				}
			}
			if distinct < 2 || total == 0 || float64(shared)/float64(total) < 0.2 {
				continue
			}
			best, bestScore = n, s
		}
	}
	return best
}

// compatibleNames reports whether a name with key tokens kt may be a
// variant of n: surnames close, and for people, first names close or one
// an initial of the other.
func compatibleNames(kt []string, n *LearnedName, typ string) bool {
	for _, v := range n.Variants {
		vt := KeyTokens(v.Text, v.Lang)
		if len(vt) == 0 {
			continue
		}
		if JaroWinkler(kt[len(kt)-1], vt[len(vt)-1]) < 0.9 {
			return false
		}
		if typ == model.PER && len(kt) > 1 && len(vt) > 1 {
			a, b := kt[0], vt[0]
			if a[0] != b[0] || (len(a) > 1 && len(b) > 1 && JaroWinkler(a, b) < 0.85) {
				return false
			}
		}
	}
	return true
}

func (r *Registry) add(n *LearnedName) {
	if r.byID == nil {
		r.byKey = map[string]*LearnedName{}
		r.buckets = map[string][]*LearnedName{}
		r.byID = map[string]*LearnedName{}
	}
	r.byID[n.ID] = n
	for _, k := range n.Keys {
		r.index(n, k)
	}
}

func (r *Registry) index(n *LearnedName, compact string) {
	if r.byID == nil {
		r.add(n)
		return
	}
	r.byKey[n.Type+"\x00"+compact] = n
	if len(compact) >= 2 {
		b := n.Type + "\x00" + compact[:2]
		for _, m := range r.buckets[b] {
			if m == n {
				return
			}
		}
		r.buckets[b] = append(r.buckets[b], n)
	}
}

// Names returns a snapshot of what the registry learnt, sorted by ID.
func (r *Registry) Names() []LearnedName {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]LearnedName, 0, len(r.byID))
	for _, n := range r.byID {
		c := *n
		c.Variants = append([]model.Alias(nil), n.Variants...)
		c.Keys = append([]string(nil), n.Keys...)
		c.Context = make(map[string]int, len(n.Context))
		for k, v := range n.Context {
			c.Context[k] = v
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Load adds the names a store kept.
func (r *Registry) Load(ctx context.Context, s NameStore) error {
	names, err := s.LoadNames(ctx)
	if err != nil {
		return fmt.Errorf("load registry: %w", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range names {
		r.add(&names[i])
	}
	return nil
}

// Save hands a snapshot of the registry to a store.
func (r *Registry) Save(ctx context.Context, s NameStore) error {
	if err := s.SaveNames(ctx, r.Names()); err != nil {
		return fmt.Errorf("save registry: %w", err)
	}
	return nil
}
