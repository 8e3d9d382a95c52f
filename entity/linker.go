package entity

import (
	"sort"
	"strings"

	"dateline/analysis"
	"dateline/model"
)

// Finder finds candidate name spans in a text, such as a statistical NER
// tagger: mentions with Type, Text and byte offsets, EntityID empty.
type Finder interface {
	Find(text, lang string) []model.Mention
}

// Linker recognises and links the names in a text: gazetteer matching of
// every knowledge-base name under the language's name keys (longest match,
// case-aware, inflected demonyms, possessives and genitives), role
// descriptions resolved to the office holder at the publication date ("de
// Belarussische president", "the Chinese foreign ministry"), candidate
// spans from a Finder, and in-document coreference of short forms
// ("Loekasjenko", "Xi", "Kim") to full names seen anywhere in the same
// text. A Linker is safe for concurrent use; its fields must not change
// while it is in use.
type Linker struct {
	// KB is the knowledge base; required.
	KB *KB
	// Finder, when set, supplies candidate spans for texts linked without
	// spans of their own.
	Finder Finder
	// Registry, when set, gives names the knowledge base does not know IDs
	// shared with their variants in other documents; without it, unknown
	// names get IDs derived from their key.
	Registry *Registry
}

// NewLinker returns a Linker over kb with no Finder and no Registry.
func NewLinker(kb *KB) *Linker { return &Linker{KB: kb} }

// Score levels of the linker's mentions.
const (
	scoreRole    = 0.7  // a role description resolved to its holder
	scoreRoleGov = 0.4  // an office in an undated text: its government
	scoreCoref   = 0.8  // a short form resolved to a full name in the text
	scoreUnknown = 0.5  // a name the knowledge base does not hold
	scoreFinder  = 0.85 // a Finder span linked through Lookup
)

// Link returns the mentions of text (in lang, published at the given
// time; zero means "now": offices still held) with entity IDs, sorted by
// start offset. spans are candidate mentions from a NER tagger (nil: ask
// l.Finder, if any); a span overlapping a knowledge-base match is dropped
// in favour of the match. Demonyms ("Belarussische", "Russian") are MISC
// mentions of their country. Role mentions ("de Belarussische president"
// with no name after it) are PER mentions of the office holder and contain
// the demonym's own mention: mentions may nest, never cross.
func (l *Linker) Link(text, lang string, published model.Time, spans []model.Mention) []model.Mention {
	kb := l.KB
	if kb == nil || text == "" {
		return nil
	}
	if spans == nil && l.Finder != nil {
		spans = l.Finder.Find(text, lang)
	}
	at := published.Time // zero: undated
	toks := tokenize(text, lang)
	matches := kb.gaz.match(text, toks, lang)
	covered := make([]bool, len(toks))
	var out []model.Mention
	var per []perMention // PER mentions, for coreference
	for _, g := range matches {
		r := &kb.recs[g.rec]
		typ := r.Type
		if g.demonym {
			typ = model.MISC
		}
		m := model.Mention{
			Text: text[toks[g.from].start:toks[g.to-1].end], Type: typ, EntityID: r.ID,
			Start: toks[g.from].start, End: toks[g.to-1].end, Score: g.score,
		}
		for i := g.from; i < g.to; i++ {
			covered[i] = true
		}
		out = append(out, m)
		if typ == model.PER {
			per = append(per, perMention{m, g.from, g.to, g.to-g.from > 1})
		}
	}
	roleHits, apps := l.roles(text, toks, lang, matches)
	var roleIdx []int // indices into out of the offices to resolve
	for _, h := range roleHits {
		if h.m.EntityID == "" {
			roleIdx = append(roleIdx, len(out))
		}
		out = append(out, h.m)
	}

	// Candidate spans from the tagger.
	var pending []model.Mention
	var filter *spanFilter
	var sents []analysis.Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		if overlapsAny(s, out) {
			continue
		}
		if filter == nil {
			sents = analysis.Sentences(text, lang)
			filter = newSpanFilter(text, toks, lang, sents)
		}
		if filter.drop(s) {
			continue
		}
		s.Text = text[s.Start:s.End]
		if c := kb.Lookup(s.Text, lang); len(c) > 0 && c[0].Score >= 0.9 && typeFits(kb, c[0].ID, s.Type) {
			s.EntityID, s.Score = c[0].ID, scoreFinder*c[0].Score
			out = append(out, s)
			if s.Type == model.PER && strings.Contains(strings.TrimSpace(s.Text), " ") {
				from, to := tokenRange(toks, s.Start, s.End)
				per = append(per, perMention{s, from, to, true})
			}
			markCovered(toks, covered, s.Start, s.End)
			continue
		}
		pending = append(pending, s)
	}

	// Short forms: last names (and unique first names) of people named
	// in full anywhere in the text.
	last := map[string][]int{}  // key -> indices into per
	first := map[string][]int{} // key -> indices into per
	for pi, p := range per {
		if !p.multiToken {
			continue
		}
		ks := toks[p.from:p.to]
		addIdx(last, ks[len(ks)-1].key, pi)
		addIdx(first, ks[0].key, pi)
		if r, ok := kb.Record(p.m.EntityID); ok {
			for _, a := range r.Aliases {
				kt := KeyTokens(a.Text, a.Lang)
				if len(kt) > 1 {
					addIdx(last, kt[len(kt)-1], pi)
				}
			}
		}
	}
	resolveShort := func(key string, pos int) (string, bool) {
		if id, ok := pickPer(per, last[key], pos); ok {
			return id, true
		}
		ids := map[string]bool{}
		for _, pi := range first[key] {
			ids[per[pi].m.EntityID] = true
		}
		if len(ids) == 1 {
			for id := range ids {
				return id, true
			}
		}
		return "", false
	}
	if len(per) > 0 {
		for i := range toks {
			t := &toks[i]
			if covered[i] || !t.upper || len(t.fold) < 2 || t.allCaps || analysis.IsStopWord(lang, t.fold) {
				continue
			}
			key := t.key
			id, ok := resolveShort(key, t.start)
			if !ok && (lang == "de" || lang == "nl") && strings.HasSuffix(key, "s") {
				id, ok = resolveShort(strings.TrimSuffix(key, "s"), t.start)
			}
			if !ok {
				continue
			}
			covered[i] = true
			out = append(out, model.Mention{Text: text[t.start:t.end], Type: model.PER, EntityID: id, Start: t.start, End: t.end, Score: scoreCoref})
		}
	}

	// Tagger spans the knowledge base does not know.
	var contextIDs []string
	for _, m := range out {
		if m.EntityID != "" {
			contextIDs = append(contextIDs, m.EntityID)
		}
	}
	for _, s := range pending {
		if overlapsAny(s, out) {
			continue
		}
		kt := KeyTokens(s.Text, lang)
		if len(kt) == 0 {
			continue
		}
		if s.Type == model.PER || s.Type == "" {
			if id, ok := resolveShort(kt[len(kt)-1], s.Start); ok && len(kt) == 1 {
				s.EntityID, s.Score = id, scoreCoref
				out = append(out, s)
				continue
			}
		}
		if l.Registry != nil {
			s.EntityID = l.Registry.Resolve(s.Text, lang, s.Type, contextIDs)
		} else {
			s.EntityID = UnknownID(s.Text, lang, s.Type)
		}
		s.Score = scoreUnknown
		out = append(out, s)
	}

	// Offices, now that every person of the text is known.
	var named []model.Mention
	for _, m := range out {
		if m.Type == model.PER && m.EntityID != "" {
			named = append(named, m)
		}
	}
	ri := 0
	for _, h := range roleHits {
		if h.m.EntityID != "" {
			continue
		}
		i := roleIdx[ri]
		ri++
		id, typ, score := l.resolveRole(h.iso, h.office, out[i].Start, at, apps, named)
		out[i].EntityID, out[i].Score = id, score
		if typ != "" {
			out[i].Type = typ
		}
	}
	kept := out[:0]
	for _, m := range out {
		if m.EntityID != "" {
			kept = append(kept, m)
		}
	}
	out = kept

	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	if sents == nil {
		sents = analysis.Sentences(text, lang)
	}
	si := 0
	for i := range out {
		for si+1 < len(sents) && out[i].Start >= sents[si].End {
			si++
		}
		out[i].Sentence = si
	}
	return out
}

// UnknownID returns the stable ID of a name the knowledge base does not
// hold: derived from its type and key, so that spelling variants with one
// key ("Chrenin" in Dutch, "Khrenin" in English) get one ID in every
// document.
func UnknownID(name, lang, typ string) string {
	return GenID("unknown", typ, strings.Join(KeyTokens(name, lang), ""))
}

func addIdx(m map[string][]int, k string, i int) {
	if k == "" {
		return
	}
	for _, j := range m[k] {
		if j == i {
			return
		}
	}
	m[k] = append(m[k], i)
}

// pickPer chooses among the full-name mentions sharing a short form: the
// single entity if there is one, else the nearest full mention before pos.
func pickPer(per []perMention, idx []int, pos int) (string, bool) {
	if len(idx) == 0 {
		return "", false
	}
	ids := map[string]bool{}
	for _, pi := range idx {
		ids[per[pi].m.EntityID] = true
	}
	if len(ids) == 1 {
		return per[idx[0]].m.EntityID, true
	}
	best, bestStart := "", -1
	for _, pi := range idx {
		if s := per[pi].m.Start; s < pos && s > bestStart {
			best, bestStart = per[pi].m.EntityID, s
		}
	}
	return best, bestStart >= 0
}

// perMention is a linked person mention and its token range.
type perMention struct {
	m          model.Mention
	from, to   int
	multiToken bool
}

func typeFits(kb *KB, id, typ string) bool {
	if typ == "" {
		return true
	}
	r, ok := kb.Record(id)
	if !ok {
		return false
	}
	if r.Type == typ {
		return true
	}
	// Taggers often call countries and organisations by each other's type
	// (metonymy), and demonyms are MISC.
	return typ == model.MISC || (typ == model.ORG && r.Type == model.LOC) || (typ == model.LOC && r.Type == model.ORG)
}

func overlapsAny(s model.Mention, ms []model.Mention) bool {
	for _, m := range ms {
		if s.Start < m.End && m.Start < s.End {
			return true
		}
	}
	return false
}

func tokenRange(toks []token, start, end int) (int, int) {
	from, to := -1, -1
	for i, t := range toks {
		if from < 0 && t.end > start {
			from = i
		}
		if t.start < end {
			to = i + 1
		}
	}
	if from < 0 {
		from = 0
	}
	if to < from {
		to = from
	}
	return from, to
}

func markCovered(toks []token, covered []bool, start, end int) {
	for i, t := range toks {
		if t.start < end && start < t.end {
			covered[i] = true
		}
	}
}
