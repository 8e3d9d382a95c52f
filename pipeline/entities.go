package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"dateline/entity"
	"dateline/model"
	"dateline/ner"
	"dateline/store"
)

// NERFinder finds candidate entity spans with the statistical tagger of
// the article's language; languages without a model give none.
type NERFinder struct {
	Taggers map[string]*ner.Tagger
}

// LoadNER loads the embedded tagger of every language that has one.
func LoadNER() (*NERFinder, error) {
	f := &NERFinder{Taggers: map[string]*ner.Tagger{}}
	for _, l := range ner.Languages() {
		t, err := ner.Load(l)
		if err != nil {
			return nil, fmt.Errorf("load NER %s: %w", l, err)
		}
		f.Taggers[l] = t
	}
	return f, nil
}

// Find implements entity.Finder.
func (f *NERFinder) Find(text, lang string) []model.Mention {
	t := f.Taggers[lang]
	if t == nil {
		return nil
	}
	return t.Find(text)
}

// Entities is the stage that recognises and links entity mentions:
// knowledge-base names, role phrases ("de Belarussische president") and
// the tagger's spans, each linked to one canonical entity across
// languages and scripts. It also records the linked entities' canonical
// records on the article for the store.
type Entities struct {
	Linker *entity.Linker
}

// Process implements Stage.
func (e Entities) Process(ctx context.Context, a *model.Article) error {
	a.Mentions = e.Linker.Link(a.Text(), a.Lang, a.Published, nil)
	seen := map[string]bool{}
	a.Entities = a.Entities[:0]
	for _, m := range a.Mentions {
		if m.EntityID == "" || seen[m.EntityID] {
			continue
		}
		seen[m.EntityID] = true
		if ent, ok := e.Linker.KB.Entity(m.EntityID); ok {
			ent.Aliases = nil // the store keeps the aliases seen, not the KB's
			a.Entities = append(a.Entities, ent)
		}
	}
	return nil
}

// LearnNames is the ordered stage that gives names the knowledge base
// does not know their learnt identity: the registry links spelling
// variants of one unknown name across documents when they share context
// ("Chrenin" in a Dutch page, "Khrenin" in an English one). It runs in
// input order, after the concurrent stages, so that what is learnt, and
// so every ID, is the same whatever the number of workers.
type LearnNames struct {
	KB       *entity.KB
	Registry *entity.Registry
}

// Process implements Stage.
func (l LearnNames) Process(ctx context.Context, a *model.Article) error {
	var known []string
	for _, m := range a.Mentions {
		if _, ok := l.KB.Entity(m.EntityID); ok && m.EntityID != "" {
			known = append(known, m.EntityID)
		}
	}
	remap := map[string]string{}
	for _, m := range a.Mentions {
		id := m.EntityID
		if id == "" || remap[id] != "" || id != entity.UnknownID(m.Text, a.Lang, m.Type) {
			continue
		}
		remap[id] = l.Registry.Resolve(m.Text, a.Lang, m.Type, known)
	}
	if len(remap) == 0 {
		return nil
	}
	for i := range a.Mentions {
		if n := remap[a.Mentions[i].EntityID]; n != "" {
			a.Mentions[i].EntityID = n
		}
	}
	for i := range a.Events {
		for _, ac := range []*model.Actor{&a.Events[i].Source, &a.Events[i].Target} {
			if n := remap[ac.EntityID]; n != "" {
				ac.EntityID = n
			}
		}
	}
	return nil
}

// stateNames keeps the names the entity registry learnt in the store's
// state table.
type stateNames struct{ st store.Store }

// NameStore returns an entity.NameStore backed by the store's state.
func NameStore(st store.Store) entity.NameStore { return stateNames{st} }

const namesState = "entity-names"

func (s stateNames) LoadNames(ctx context.Context) ([]entity.LearnedName, error) {
	data, _, err := s.st.State(ctx, namesState)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []entity.LearnedName
	if err := json.Unmarshal(data, &names); err != nil {
		return nil, fmt.Errorf("load learnt names: %w", err)
	}
	return names, nil
}

func (s stateNames) SaveNames(ctx context.Context, names []entity.LearnedName) error {
	data, err := json.Marshal(names)
	if err != nil {
		return err
	}
	return s.st.PutState(ctx, namesState, data, 0)
}
