// Package event codes who-did-what-to-whom events in news text with the
// PLOVER ontology: a Coder finds the event a sentence reports (its type,
// mode, source and target actors as ISO 3166 alpha-3 countries and
// sectors, place, date, provenance and confidence); Score weighs each type
// on a Goldstein-like cooperation-conflict scale; Key, SameEvent and Merge
// fold many reports of one real-world event into one stored event; and
// WriteTSV/WriteCSV/WriteJSONL (with their readers) export events.
//
// English verbs come from the CAMEO 2.0 verb pattern dictionary of
// PETRARCH2 mapped to PLOVER, overlaid with curated rules; Dutch rules are
// written for this package (data/rules-nl.txt). Actors come from linked
// entity mentions (through the Actors interface) or, for raw text, from
// the Phoenix actor and agent dictionaries and our own country, demonym
// and role-word lists.
package event

import (
	"sort"
	"strings"
	"sync"
	"time"

	"dateline/analysis"
	"dateline/model"
)

// Coder codes events. The zero value is ready to use: it loads its
// embedded dictionaries on first use. A Coder is safe for concurrent use.
type Coder struct {
	once sync.Once
	lx   *lexicon
	err  error
	at   time.Time // reference time for dated dictionary codes (per call copy)
}

// NewCoder returns a Coder with its dictionaries loaded, or the error that
// loading them gave.
func NewCoder() (*Coder, error) {
	c := &Coder{}
	return c, c.load()
}

func (c *Coder) load() error {
	c.once.Do(func() { c.lx, c.err = loadLexicon() })
	return c.err
}

// Err reports whether the embedded dictionaries failed to load.
func (c *Coder) Err() error { return c.load() }

// trigger is the words that state an event.
type trigger struct {
	i, j      int // first and last token
	typ, mode string
	rank      int // higher wins among triggers at similar positions
	host      bool
	intent    bool
	curated   bool
	nominal   bool // an event noun (see rule.nominal)
	post      int  // first token matched after the verb by a dictionary pattern (0: none)
	speaker   bool // a "must" made it a demand by whoever says it
}

// CodeSentence codes one sentence of raw text in lang ("en", "nl"),
// recognising actors from the built-in dictionaries. It returns at most one
// event (the sentence's main one), without date or provenance beyond the
// sentence itself.
func (c *Coder) CodeSentence(sentence, lang string) []model.Event {
	if c.load() != nil {
		return nil
	}
	cc := &Coder{lx: c.lx}
	cc.once.Do(func() {})
	toks := tokenize(sentence)
	ev, _, ok := cc.codeTokens(toks, lang, nil, sentCtx{})
	if !ok {
		return nil
	}
	ev.Sources = []model.EventSource{{Sentence: sentence, Start: 0, End: len(sentence)}}
	return []model.Event{ev}
}

// sentCtx is what the coder knows about a sentence beyond its words.
type sentCtx struct {
	// timeTok marks tokens inside time expressions.
	timeTok []bool
	// ante is the person an unresolved subject pronoun ("hij", "he")
	// refers to: the source of a recent event, when it was a person.
	ante *actorHit
}

// codeInfo is what codeTokens found beyond the event itself.
type codeInfo struct {
	clause     []bool // tokens of the event's clause
	trig       trigger
	src        *actorHit
	background bool // past context: "eerder", "in the past", "had allowed"
	announced  bool // not (yet) realised: "will visit", "to visit"
}

// Code codes each sentence of an article in lang. Actors come from the
// article's linked mentions resolved through actors (which may be nil)
// and from the dictionaries, within the clause of the event's trigger; the
// date from a time expression of that clause (a deadline such as "by
// 2030" does not date an event), else the publication day unless the
// clause is past context or an announcement; the place from a location
// mention that the clause places the event in, else the dateline.
// Provenance is the article's source and the sentence's span in a.Text().
func (c *Coder) Code(a *model.Article, lang string, actors Actors) []model.Event {
	if c.load() != nil || a == nil {
		return nil
	}
	text := a.Text()
	if lang == "" {
		lang = a.Lang
	}
	at := a.Published.Time
	cc := &Coder{lx: c.lx, at: at}
	cc.once.Do(func() {})
	var out []model.Event
	var ante *actorHit
	anteSent := -10
	for si, sp := range analysis.Sentences(text, lang) {
		sent := text[sp.Start:sp.End]
		toks := tokenize(sent)
		var fixed []actorHit
		for _, m := range a.Mentions {
			if m.Start < sp.Start || m.End > sp.End || m.Start >= m.End {
				continue
			}
			if actors == nil || m.EntityID == "" {
				continue
			}
			country, sector, ok := actors.Actor(m.EntityID, at)
			if !ok || country == "" {
				continue
			}
			i, j := tokenSpan(toks, m.Start-sp.Start, m.End-sp.Start)
			if i >= j {
				continue
			}
			fixed = append(fixed, actorHit{i: i, j: j, country: country, sector: sector,
				entityID: m.EntityID, loc: m.Type == model.LOC, person: m.Type == model.PER})
		}
		timeTok := make([]bool, len(toks))
		var txs []model.Timex
		for _, tx := range a.Timexes {
			if tx.Start < sp.Start || tx.End > sp.End {
				continue
			}
			txs = append(txs, tx)
			i, j := tokenSpan(toks, tx.Start-sp.Start, tx.End-sp.Start)
			for k := i; k < j; k++ {
				timeTok[k] = true
			}
		}
		sc := sentCtx{timeTok: timeTok}
		if si-anteSent == 1 {
			sc.ante = ante
		}
		ev, info, ok := cc.codeTokens(toks, lang, fixed, sc)
		if !ok {
			continue
		}
		if info.src != nil && (info.src.person || personRole(toks, *info.src)) {
			h := *info.src
			if h.name == "" {
				h.name = spanText(toks, h.i, h.j)
			}
			h.i, h.j = -1, -1
			ante, anteSent = &h, si
		}
		ev.Sources = []model.EventSource{{ArticleID: a.ID, Source: firstNonEmpty(a.URL, a.Source),
			Sentence: sent, Start: sp.Start, End: sp.End}}
		if tx, ok := clauseTimex(toks, txs, sp.Start, info); ok {
			ev.Date, ev.DateEnd = dateValue(tx.Value), dateValue(tx.EndValue)
			if strings.HasPrefix(ev.Date, "XXXX") {
				ev.Confidence -= 0.1
			}
		} else if info.background || info.announced {
			// past context or an announcement: the publication day is not
			// the event's day, and an undated event says so
			ev.Confidence -= 0.1
		} else if !a.Published.IsZero() {
			ev.Date = a.Published.Format("2006-01-02")
			ev.Confidence -= 0.15
		}
		if ev.Place == "" && !info.background {
			ev.Place = a.Dateline.Place
		}
		ev.Confidence = clamp01(ev.Confidence)
		out = append(out, ev)
	}
	return out
}

// personRole reports an actor phrase that ends in a role held by one
// person ("de Russische minister", "the Chinese president").
func personRole(toks []token, h actorHit) bool {
	if h.i < 0 || h.j <= h.i {
		return false
	}
	for k := h.i; k < h.j; k++ {
		switch w := toks[k].low; w {
		case "president", "premier", "minister", "leider", "leader", "koning", "king", "kanselier", "chancellor",
			"dictator", "machthebber", "ambtgenoot", "counterpart", "secretary", "envoy", "gezant", "ambassadeur",
			"ambassador", "staatshoofd", "strongman":
			return true
		default:
			if strings.HasSuffix(w, "minister") || strings.HasSuffix(w, "president") {
				return true
			}
		}
	}
	return false
}

// clauseTimex picks the time expression that dates the event: a DATE or
// TIME inside the event's clause (a range or a full date before a vaguer
// one, then the nearest to the trigger), not a deadline ("by 2030",
// "tegen 2030", "until March") and not a modifier of a noun ("the 2020
// elections"). off is the sentence's offset in the text.
func clauseTimex(toks []token, txs []model.Timex, off int, info codeInfo) (model.Timex, bool) {
	var best model.Timex
	bestDist, found := 0, false
	for _, tx := range txs {
		if tx.Type != "DATE" && tx.Type != "TIME" {
			continue
		}
		if tx.Value == "" || strings.HasPrefix(tx.Value, "P") || strings.HasSuffix(tx.Value, "_REF") {
			continue
		}
		i, j := tokenSpan(toks, tx.Start-off, tx.End-off)
		if i >= j || !allIn(info.clause, i, j) {
			continue
		}
		if i > 0 && deadlineWords[toks[i-1].low] {
			continue
		}
		if i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "de" || toks[i-1].low == "het") &&
			j < len(toks) && toks[j].word && !toks[j].cap && !preps[toks[j].low] && !timeWords[toks[j].low] {
			continue // "the 2020 presidential elections"
		}
		if nestedTime(toks, i, info.trig) {
			continue // "een akkoord over oefeningen in het voorjaar"
		}
		d := 0
		switch {
		case j <= info.trig.i:
			d = info.trig.i - j
		case i > info.trig.j:
			d = i - info.trig.j
		}
		better := !found
		if found {
			r1, r2 := tx.EndValue != "", best.EndValue != ""
			l1, l2 := len(dateValue(tx.Value)), len(dateValue(best.Value))
			switch {
			case r1 != r2:
				better = r1
			case l1 != l2 && (l1 >= 10) != (l2 >= 10):
				better = l1 >= 10
			default:
				better = d < bestDist
			}
		}
		if better {
			best, bestDist, found = tx, d, true
		}
	}
	return best, found
}

// nestedTime reports a time expression (tokens from i) that dates a noun
// inside another phrase rather than the event: its preposition follows a
// common noun that a preposition governs ("een akkoord over gezamenlijke
// oefeningen in het voorjaar").
func nestedTime(toks []token, i int, tr trigger) bool {
	k := i - 1
	if k >= 0 && preps[toks[k].low] {
		k--
	} else if k < 0 || !preps[toks[i].low] {
		return false
	}
	if k < 0 || !toks[k].word || toks[k].cap || k >= tr.i && k <= tr.j || skipBack[toks[k].low] {
		return false
	}
	for x := k - 1; x >= 0 && x >= k-3; x-- {
		w := toks[x].low
		if preps[w] {
			return true
		}
		if !toks[x].word || toks[x].cap || x >= tr.i && x <= tr.j {
			return false
		}
	}
	return false
}

// deadlineWords before a time expression make it a deadline or a limit,
// not the day of the event.
var deadlineWords = map[string]bool{"by": true, "until": true, "till": true, "tegen": true,
	"uiterlijk": true, "before": true, "vóór": true}

func allIn(mask []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if k >= len(mask) || !mask[k] {
			return false
		}
	}
	return true
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func clamp01(f float64) float64 {
	f = float64(int(f*100+0.5)) / 100
	if f < 0.05 {
		return 0.05
	}
	if f > 0.99 {
		return 0.99
	}
	return f
}

// tokenSpan maps byte offsets to the token range they cover.
func tokenSpan(toks []token, s, e int) (int, int) {
	i, j := -1, -1
	for k, t := range toks {
		if t.end > s && t.start < e {
			if i < 0 {
				i = k
			}
			j = k + 1
		}
	}
	if i < 0 {
		return 0, 0
	}
	return i, j
}

// dateValue strips the time of day from a TIMEX3 value.
func dateValue(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 && i >= 4 {
		return v[:i]
	}
	return v
}

// codeTokens finds the main event of one tokenised sentence: the first
// trigger (in mainTrigger's order) whose clause names an actor.
func (c *Coder) codeTokens(toks []token, lang string, fixed []actorHit, sc sentCtx) (model.Event, codeInfo, bool) {
	hits := c.findActors(toks, fixed)
	inActor := make([]bool, len(toks))
	for _, h := range hits {
		for k := h.i; k < h.j; k++ {
			inActor[k] = true
		}
	}
	trigs := c.findTriggers(toks, lang, inActor)
	if len(trigs) == 0 {
		return model.Event{}, codeInfo{}, false
	}
	segs := segments(toks)
	first := mainTrigger(toks, trigs)
	order := []trigger{first}
	for _, t := range trigs {
		if t != first {
			order = append(order, t)
		}
	}
	tried := map[int]bool{}
	for _, tr := range order {
		if tried[tr.i] {
			continue
		}
		tried[tr.i] = true
		ev, info, res := c.codeTrigger(toks, lang, tr, hits, segs, sc)
		if res == coded {
			return ev, info, true
		}
		if res == rejected {
			// the trigger's clause names actors, but no codable pair:
			// another trigger is no better evidence
			break
		}
	}
	return model.Event{}, codeInfo{}, false
}

// outcome of coding one trigger.
type outcome int

const (
	noActor  outcome = iota // the clause names no actor
	rejected                // actors, but no codable event
	coded
)

// sectorFamily groups sectors whose mutual dealings are not coded as
// domestic events: the executive (government, military, police, spies,
// elites, parties) is one side.
func sectorFamily(s string) string {
	if len(s) > 3 {
		s = s[:3]
	}
	switch s {
	case "GOV", "MIL", "COP", "SPY", "ELI", "PTY":
		return "STATE"
	}
	return s
}

// relational types are dealings between two parties; a country cannot
// have them with a part of itself ("the President visits China").
var relational = map[string]bool{Consult: true, Agree: true, Support: true, Cooperate: true, Aid: true}

// domesticOK says whether two actors of one country make a codable
// domestic event (PLOVER codes them: a government against rebels or
// demonstrators, police dispersing a protest, a government lifting an
// emergency in a region): two explicitly distinct actors, not one entity,
// from different parts of the country. A nationality qualifying a group
// ("Bolivian miners") is a non-state group; a bare country or place is its
// population, which a state actor may coerce or concede to, but not
// visit, thank or agree with.
func domesticOK(a, b *actorHit, typ string) bool {
	if a.entityID != "" && a.entityID == b.entityID || a.i >= 0 && a.i == b.i {
		return false
	}
	fam := func(h *actorHit) string {
		f := sectorFamily(h.sector)
		switch {
		case f != "":
		case h.group:
			f = "GRP"
		case !h.person && !h.agent:
			f = "POP"
		}
		return f
	}
	fa, fb := fam(a), fam(b)
	if fa == "" || fb == "" || fa == fb {
		return false
	}
	if (fa == "POP" || fb == "POP") && relational[typ] {
		return false
	}
	return true
}

// codeTrigger codes the event of one trigger within its clause. A
// trigger in a complement clause ("X said that Y must ...", "X announced
// that it will ...") takes its source from the main clause when the
// complement's subject is a pronoun or missing, and a "must" makes the
// main clause's subject the one who demands; a trigger whose clause is
// followed by its complement ("demanded that the United States ...")
// may find its target there.
func (c *Coder) codeTrigger(toks []token, lang string, tr trigger, hits []actorHit, segs []segment, sc sentCtx) (model.Event, codeInfo, outcome) {
	si := segmentOf(segs, tr.i)
	mask := clauseMask(toks, segs, si)
	info := codeInfo{clause: mask, trig: tr}
	c.modify(toks, lang, &tr)
	if tr.typ == "" {
		return model.Event{}, info, rejected
	}
	isVerb := func(up string) bool { _, ok := c.lx.verbs[up]; return ok }
	inCompl := si >= 0 && segs[si].compl
	var next []bool // the complement after the trigger's clause
	if si >= 0 && !inCompl && si+1 < len(segs) && segs[si+1].compl && segs[si+1].i <= segs[si].j+1 {
		next = clauseMask(toks, segs, si+1)
	}
	var acts []scored
	placeCountry := ""
	for _, h := range hits {
		inNext := next != nil && next[h.i] && h.i > tr.j
		if !mask[h.i] && !inNext {
			continue
		}
		if h.country == "" && !(h.agent && h.sector != "") {
			continue
		}
		a := scored{actorHit: h, prep: governing(toks, h, isVerb)}
		if a.prep == "volgens" || a.prep == "according" {
			continue // who reports it, not who acts
		}
		if inNext && a.prep == "" {
			a.prep = "that" // never the subject of the trigger
		}
		if h.loc && placePreps[a.prep] {
			// "in Minsk": where it happened; a role only when nothing else
			// can take it
			a.place = true
		}
		if placePreps[a.prep] && placeCountry == "" && mask[h.i] && !nonState[h.country] &&
			(h.loc || h.entityID == "" && h.sector == "" && !h.person && !h.agent && !h.group) {
			placeCountry = h.country
		}
		acts = append(acts, a)
	}
	if len(acts) == 0 && !inCompl && sc.ante == nil {
		return model.Event{}, info, noActor
	}
	if placeCountry != "" {
		for k := range acts {
			if acts[k].ethnic {
				acts[k].country = placeCountry
			}
		}
	}
	pron := pronounSubject(toks, lang, tr, acts, mask)
	complPron := inCompl && complPronoun(toks, segs[si].i)
	src, tgt := assignRoles(toks, lang, tr, acts, pron || complPron, sc.timeTok, isVerb)
	if inCompl {
		// the main clause's subject: the speaker
		var ms *scored
		m := si - 1
		for m >= 0 && segs[m].sub {
			m-- // over sibling clauses: "zei dat ... en dat ..."
		}
		if m >= 0 {
			mm := clauseMask(toks, segs, m)
			for _, h := range hits {
				if mm[h.i] && h.j <= segs[si].i && (h.country != "" || h.agent && h.sector != "") {
					if p := governing(toks, h, isVerb); p == "" {
						ms = &scored{actorHit: h}
						break
					}
				}
			}
		}
		speaker := tr.typ == Request && (mustWords[toks[tr.i].low] || tr.speaker)
		switch {
		case speaker && ms != nil:
			// "X said that Y must ...": X demands something of Y
			var cs *scored
			for k := range acts {
				if acts[k].prep == "" {
					cs = &acts[k]
					break
				}
			}
			if cs == nil {
				cs = tgt
			}
			src, tgt = ms, cs
		case (src == nil || complPron) && ms != nil && !pron:
			src = ms
			if tgt != nil && tgt.i == ms.i {
				tgt = nil
			}
		case pron && ms != nil && ms.person:
			src = ms
		}
	}
	if src == nil && tgt != nil && placeCountry != "" && placeCountry != tgt.country &&
		(tr.typ == Coerce || tr.typ == Accuse && tr.mode == "investigate") {
		// "Two Russian journalists were arrested in Minsk", "a US national
		// has been put under investigation in Italy": with no named agent,
		// the state where it happens arrests or investigates
		for k := range acts {
			if a := &acts[k]; placePreps[a.prep] && a.country == placeCountry && a.i != tgt.i {
				src = a
				break
			}
		}
	}
	if tr.typ == Accuse && tgt != nil && tgt.prep == "to" {
		// "complained to the United Nations over Israeli air raids": the
		// addressee hears the complaint, the accused is what it is about
		for k := range acts {
			a := &acts[k]
			if a.i > tgt.i && (a.prep == "over" || a.prep == "about" || a.prep == "against") &&
				a.country != "" && (src == nil || a.country != src.country) {
				tgt = a
				break
			}
		}
	}
	if tr.typ == Threaten && (tgt == nil || tgt.place || placePreps[tgt.prep] || tgt.i < tr.i ||
		src != nil && tgt.country == src.country) {
		// "threatened to ban voting if Hamas ran", "unless Israel
		// rescinded": whoever must meet the condition is the target
		if ct := condSubject(toks, tr, hits, isVerb); ct != nil && (src == nil || ct.country != src.country) {
			tgt = ct
		}
	}
	if pron && sc.ante != nil && !inCompl && resolvablePronoun(toks, tr) {
		// "Hij sprak zaterdag met ...": the person of a recent event
		switch {
		case tr.host && src != nil && (tgt == nil || tgt.place):
			tgt = &scored{actorHit: *sc.ante}
		case !tr.host && src == nil && pron:
			src = &scored{actorHit: *sc.ante}
		}
	}
	// An agent without a country ("police", "the judge") acts in the
	// country where the event happens; it takes the other actor's country
	// only when the two make a domestic event.
	fill := func(a, other *scored) *scored {
		if a == nil || a.country != "" {
			return a
		}
		cp := *a
		switch {
		case placeCountry != "":
			cp.country = placeCountry
		case other != nil && other.country != "" && !nonState[other.country]:
			// most events with an anonymous agent are domestic; when the
			// pair is no domestic event, the other side is dropped below
			cp.country = other.country
		default:
			return nil
		}
		cp.filled = true
		return &cp
	}
	src, tgt = fill(src, tgt), fill(tgt, src)
	if src == nil && tgt == nil {
		if len(acts) == 0 {
			return model.Event{}, info, noActor
		}
		return model.Event{}, info, rejected
	}
	if src != nil && tgt != nil && src.country == tgt.country {
		switch {
		case domesticOK(&src.actorHit, &tgt.actorHit, tr.typ):
			// a domestic event: the government and rebels, a judge and a
			// former president, police and demonstrators
		case (src.filled || tgt.filled) && !relational[tr.typ]:
			// an anonymous agent in a domestic conflict or demand ("the
			// police arrested ...", "elders demanded that the ministry")
		case src.filled:
			// "the President ... visits China": a country the agent
			// borrowed from the side it deals with is no dyad
			src = nil
		default:
			// a minister and his president, a country and itself: one
			// country without two distinct parts of it is no dyad
			tgt = nil
		}
	}
	ev := model.Event{Type: tr.typ, Mode: tr.mode}
	conf := 0.45
	if tr.curated || tr.rank > 1 {
		conf += 0.1
	}
	if src != nil {
		ev.Source = toActor(toks, src.actorHit)
		conf += 0.2
		if src.filled || src.i < 0 {
			conf -= 0.1
		}
		info.src = &src.actorHit
	}
	if tgt != nil {
		ev.Target = toActor(toks, tgt.actorHit)
		conf += 0.15
		if tgt.filled || tgt.i < 0 {
			conf -= 0.1
		}
	}
	if src != nil && tgt != nil && src.country == tgt.country {
		conf -= 0.1
	}
	if src == nil && relational[tr.typ] {
		conf -= 0.1 // "... with Putin": who acted is unknown
	}
	ev.Place = eventPlace(toks, tr, acts, src, tgt, mask, sc.timeTok, isVerb)
	info.background = background(toks, tr, mask)
	info.announced = announced(toks, tr, mask)
	if info.background {
		conf -= 0.1
	}
	if hedged(toks) {
		conf -= 0.1
	}
	ev.Score = Score(ev.Type, ev.Mode)
	ev.Confidence = clamp01(conf)
	return ev, info, coded
}

// condWords open the condition of a threat.
var condWords = map[string]bool{"if": true, "unless": true, "until": true, "tenzij": true, "als": true, "indien": true}

// condSubject returns the subject of the condition clause that follows a
// threat's trigger in the same sentence: the first actor after "if",
// "unless" or "until" that no preposition governs.
func condSubject(toks []token, tr trigger, hits []actorHit, isVerb func(string) bool) *scored {
	c := -1
	for k := tr.j + 1; k < len(toks); k++ {
		if toks[k].text == "." || toks[k].text == ";" {
			break
		}
		if condWords[toks[k].low] {
			c = k
			break
		}
	}
	if c < 0 {
		return nil
	}
	for _, h := range hits {
		if h.i <= c || h.i > c+6 || h.country == "" {
			continue
		}
		if governing(toks, h, isVerb) == "" {
			return &scored{actorHit: h, elig: true}
		}
		return nil
	}
	return nil
}

// nonState codes are no country an agent could belong to by default.
var nonState = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "UNO": true, "INT": true}

// mustWords make a reported clause a demand of the speaker.
var mustWords = map[string]bool{"must": true, "moet": true, "moeten": true}

// complPronoun reports a complement clause whose subject is a pronoun
// ("that it will withdraw", "dat hij ..."): it refers to the main
// clause's subject.
func complPronoun(toks []token, k int) bool {
	if k < len(toks) && (toks[k].low == "that" || toks[k].low == "dat") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].low {
	case "it", "they", "he", "she", "we", "hij", "zij", "ze", "wij":
		return true
	}
	return false
}

// eventPlace is the location the clause puts the event in: the place
// visited, else a location mention governed by "in", "at", "te" ... right
// after the trigger (no other phrase between: "a meeting in Moscow" after
// "invited Kim to" is the meeting's place) or opening the clause ("In
// Minsk, ..."). Persons, organisations and demonyms are never places.
func eventPlace(toks []token, tr trigger, acts []scored, src, tgt *scored, mask []bool, timeTok []bool, isVerb func(string) bool) string {
	if tr.typ == Consult && tr.mode == "visit" && tgt != nil && tgt.loc && tgt.i >= 0 {
		return spanText(toks, tgt.i, tgt.j)
	}
	for _, a := range acts {
		if !a.loc || a.person || !placePreps[directPrep(toks, a.actorHit)] {
			continue
		}
		if src != nil && src.i == a.i || tgt != nil && tgt.i == a.i && !tgt.place {
			continue
		}
		ok := false
		if a.i > tr.j {
			ok = mask[a.i] && prepsBetween(toks, tr.j, a.i, timeTok, isVerb) <= 1
		} else if a.i < tr.i {
			// a fronted place: the preposition opens the clause
			k := a.i - 1
			for k > 0 && skipBack[toks[k].low] {
				k--
			}
			ok = k <= 0 || !mask[k-1] || !toks[k-1].word
		}
		if ok {
			return spanText(toks, a.i, a.j)
		}
	}
	return ""
}

// directPrep is the preposition right before an actor, over determiners
// only.
func directPrep(toks []token, h actorHit) string {
	for k := h.i - 1; k >= 0 && k >= h.i-3; k-- {
		w := toks[k].low
		if skipBack[w] {
			continue
		}
		if preps[w] {
			return w
		}
		return ""
	}
	return ""
}

// subject pronouns that refer to a person named before.
var personPronouns = map[string]bool{"he": true, "she": true, "hij": true, "zij": true}

// resolvablePronoun reports a masculine subject pronoun among the first
// words of the sentence ("Hij sprak ...", "Maandag kreeg hij ...", "He
// met ..."): the one case where the person of the previous sentence's
// event is taken as its referent.
func resolvablePronoun(toks []token, tr trigger) bool {
	for k := 0; k < len(toks) && k < 3; k++ {
		if toks[k].low == "he" || toks[k].low == "hij" {
			return true
		}
	}
	return false
}

// pronounSubject reports whether the clause's subject is a personal
// pronoun ("Hij sprak ...", "Maandag kreeg hij ...", "He met ..."): the
// subject candidate nearest before the trigger, or in Dutch right after
// the finite verb.
func pronounSubject(toks []token, lang string, tr trigger, acts []scored, mask []bool) bool {
	last := -1
	for k := 0; k < tr.i; k++ {
		if mask[k] && personPronouns[toks[k].low] {
			last = k
		}
	}
	if last >= 0 {
		for _, a := range acts {
			if a.prep == "" && a.i > last && a.i < tr.i {
				return false
			}
		}
		return true
	}
	if lang == "nl" && tr.i+1 < len(toks) && personPronouns[toks[tr.i+1].low] {
		for _, a := range acts {
			if a.prep == "" && a.i < tr.i {
				return false
			}
		}
		return true
	}
	return false
}

// background reports past-context cues in the clause: "eerder", "in het
// verleden", "previously", "last met", a pluperfect ("had allowed", "had
// hij ... gelanceerd").
func background(toks []token, tr trigger, mask []bool) bool {
	for k, t := range toks {
		if !mask[k] {
			continue
		}
		switch t.low {
		case "eerder", "earlier", "previously", "formerly", "destijds", "vroeger", "verleden", "past":
			if t.low == "past" && (k == 0 || toks[k-1].low != "the") {
				continue
			}
			return true
		case "hadden", "had":
			for x := k + 1; x < len(toks) && mask[x]; x++ {
				w := toks[x].low
				if x <= k+2 && participle(w) || strings.HasPrefix(w, "ge") && participle(w) {
					return true
				}
			}
		}
	}
	if tr.i > 0 && toks[tr.i-1].low == "last" {
		return true
	}
	return false
}

// participle reports English past participles (regular ones and a few
// common irregular ones) and Dutch ones ("ge...d/t/en").
func participle(w string) bool {
	switch w {
	case "been", "met", "made", "sent", "held", "won", "led", "fought", "told", "left", "done", "given",
		"taken", "seen", "signed", "agreed", "allowed", "al", "already":
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasPrefix(w, "ge") && (strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t")))
}

// announced reports an event that is not (yet) realised: a future or an
// infinitive ("will visit", "to visit", "zal bezoeken").
func announced(toks []token, tr trigger, mask []bool) bool {
	if tr.i > 0 && toks[tr.i-1].low == "to" && (tr.i < 2 || toks[tr.i-2].low != "according") {
		return true
	}
	for k := tr.i - 1; k >= 0 && k >= tr.i-4; k-- {
		if !mask[k] {
			break
		}
		w := toks[k].low
		if w == "will" || w == "shall" || w == "zal" || w == "zullen" || w == "'ll" {
			return true
		}
	}
	return false
}

// hedged reports an attributed or speculative statement.
func hedged(toks []token) bool {
	for k, t := range toks {
		switch t.low {
		case "volgens", "reportedly", "allegedly", "verluidt", "zou", "zouden", "suggested", "vermoedelijk":
			return true
		case "according":
			return k+1 < len(toks) && toks[k+1].low == "to"
		}
	}
	return false
}

// mainTrigger picks the sentence's event among the triggers (in text
// order): the first one, unless it is a bare dictionary verb (no pattern
// matched) used as an adjective ("Algeria's leading activist") and
// another trigger follows.
func mainTrigger(toks []token, trigs []trigger) trigger {
	for k, t := range trigs {
		if k == len(trigs)-1 || t.curated || t.rank >= 2 || !modifierUse(toks, t.i) {
			return t
		}
	}
	return trigs[0]
}

// desire verbs announce an intention ("wants to", "plans to").
var desire = map[string]bool{"want": true, "wants": true, "wanted": true, "wanting": true, "plan": true,
	"plans": true, "planned": true, "planning": true, "intend": true, "intends": true, "intended": true,
	"hope": true, "hopes": true, "hoped": true, "wish": true, "wishes": true, "aims": true, "aim": true}

// nounDet are determiners before a noun.
var nounDet = map[string]bool{"the": true, "a": true, "an": true, "those": true, "these": true, "this": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "de": true, "het": true, "een": true,
	"deze": true}

// copulas link a subject to a description ("is a close ally").
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"remains": true, "remained": true, "becomes": true, "became": true, "geldt": true, "blijft": true, "werd": true, "wordt": true}

// nounUse reports whether a dictionary verb form at token i is a noun that
// states no event: one with a determiner (directly or over one adjective)
// that opens the clause ("Those protests were followed ...") or follows a
// copula ("is a close ally"). A noun after a verb ("tightened the
// blockade") still may.
func nounUse(toks []token, i int) bool {
	d := -1
	switch {
	case i > 0 && nounDet[toks[i-1].low]:
		d = i - 1
	case i > 1 && nounDet[toks[i-2].low] && toks[i-1].word && !toks[i-1].cap:
		d = i - 2
	default:
		return false
	}
	return d == 0 || !toks[d-1].word || copulas[toks[d-1].low]
}

// modifierUse reports whether the verb form at token i modifies a noun
// rather than heading the clause: a participle or gerund after a
// determiner or possessive ("Algeria's leading activist", "the
// disputed border", "Israeli-occupied").
func modifierUse(toks []token, i int) bool {
	w := toks[i].low
	if !(strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) || i == 0 {
		return false
	}
	switch p := toks[i-1].low; {
	case skipBack[p], p == "'s", p == "-":
		return true
	}
	return false
}

type scored struct {
	actorHit
	prep string
	// elig: may be the target (no other phrase stands between it and the
	// trigger: not "the attack on Ukraine" in "allowed the use of their
	// territory for the attack on Ukraine")
	elig bool
	// filled: the country was inferred (from the place or the other side)
	filled bool
	// place: a location governed by "in", "at", "te": the event's place
	// rather than a participant
	place bool
}

// nominal are event nouns whose "of" phrase is the agent.
var nominal = map[string]bool{"bezoek": true, "staatsbezoek": true, "werkbezoek": true, "visit": true, "visits": true,
	"trip": true, "reis": true, "withdrawal": true, "terugtrekking": true, "attack": true, "aanval": true}

// placePreps govern the place of an event.
var placePreps = map[string]bool{"in": true, "at": true, "te": true, "near": true, "bij": true, "nabij": true, "outside": true, "inside": true}

func toActor(toks []token, h actorHit) model.Actor {
	name := h.name
	if h.i >= 0 {
		name = spanText(toks, h.i, h.j)
	}
	return model.Actor{Name: name, EntityID: h.entityID, Country: h.country, Sector: h.sector}
}

func spanText(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			// the original separator: "Noord-Korea", "Kim Jong-un"
			b.WriteString(toks[k].pre)
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}

// findTriggers lists candidate event triggers, best first: the earliest
// trigger wins, curated rules before dictionary patterns at equal start.
func (c *Coder) findTriggers(toks []token, lang string, inActor []bool) []trigger {
	var out, nom []trigger
	for _, r := range c.lx.rules[lang] {
		for i := range toks {
			if inActor[i] || toks[i].hyph {
				continue
			}
			if end, ok := r.matchAt(toks, i); ok {
				t := trigger{i: i, j: end, typ: r.typ, mode: r.mode, host: r.host,
					intent: r.intent, curated: true, rank: 10 + len(r.elems), nominal: r.nominal}
				if r.nominal {
					if nominalFrame(toks, i, end, inActor) {
						nom = append(nom, t)
					}
					continue
				}
				out = append(out, t)
			}
		}
	}
	if lang == "en" {
		out = append(out, c.cameoTriggers(toks, inActor)...)
	}
	// a dictionary trigger inside a curated one's span is the same event
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].i != out[b].i {
			return out[a].i < out[b].i
		}
		return out[a].rank > out[b].rank
	})
	var res []trigger
	for _, t := range out {
		if t.typ == "" {
			continue
		}
		res = append(res, t)
	}
	// event nouns come last: "Since Russia's invasion of Ukraine, Germany
	// has sent weapons" reports the sending; but a dictionary verb on the
	// same word used as a noun ("the arrest of", "Russia's attack on")
	// is that event noun
	var rest []trigger
	for _, n := range nom {
		if n.i > 0 && (nounDet[toks[n.i-1].low] || toks[n.i-1].low == "'s") {
			replaced := false
			for k := range res {
				if res[k].i == n.i && !res[k].curated {
					res[k] = n
					replaced = true
				}
			}
			if replaced {
				continue
			}
		}
		rest = append(rest, n)
	}
	return append(res, rest...)
}

// nominalFrame reports whether the event noun at tokens [i, j] has an
// actor as its possessor ("Russia's invasion") or in a phrase opened by
// a preposition right after it ("the arrest of two Russian journalists",
// "talks between", "de aanval op Kyiv").
func nominalFrame(toks []token, i, j int, inActor []bool) bool {
	if i > 1 && toks[i-1].low == "'s" && inActor[i-2] {
		return true
	}
	k := j + 1
	if k >= len(toks) || !nominalPreps[toks[k].low] {
		return false
	}
	for m := k + 1; m < len(toks) && m <= k+4; m++ {
		if inActor[m] {
			return true
		}
		if !toks[m].word || toks[m].text == "," {
			return false
		}
	}
	return false
}

// nominalPreps open an event noun's participant phrase.
var nominalPreps = map[string]bool{"of": true, "on": true, "against": true, "between": true, "with": true,
	"to": true, "by": true, "from": true, "van": true, "op": true, "tegen": true, "tussen": true, "met": true, "naar": true}

// cameoTriggers matches the CAMEO verb dictionary.
func (c *Coder) cameoTriggers(toks []token, inActor []bool) []trigger {
	lx := c.lx
	var out []trigger
	for i, t := range toks {
		if !t.word || t.hyph || inActor[i] {
			continue
		}
		refs := lx.verbs[t.up]
		if len(refs) == 0 || nameWord(toks, i) {
			continue
		}
		bestCode, bestLen, found, end, post := "", -1, false, i, 0
		for _, ref := range refs {
			j := i
			ok := true
			for _, w := range ref.rest {
				if j+1 < len(toks) && toks[j+1].up == w {
					j++
				} else {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			bl := &lx.blocks[ref.block]
			for _, p := range bl.patterns {
				if ref.own != "" && p.verb != "" && !lx.sameVerb(p.verb, ref) {
					// a verb with its own code ("ORDER [100]" among
					// COMMAND, HEAD, LEAD) has its own sense: another
					// synonym's pattern ("HEAD * TO [030]") is not its
					continue
				}
				n, first, ok := matchCAMEO(toks, i, j, p)
				if ok && n > bestLen {
					bestCode, bestLen, found, end, post = p.code, n, true, j, first
				}
			}
			if !found && bestLen < 0 {
				bestCode, bestLen, end = bl.code, 0, j
				switch ref.own {
				case "":
				case "-":
					bestCode = ""
				default:
					bestCode = ref.own
				}
			}
		}
		typ, mode, ok := FromCAMEO(bestCode)
		if !ok || reporting[t.low] {
			// a specific pattern with no code blocks the default
			continue
		}
		if desire[t.low] && i+1 < len(toks) && toks[i+1].low == "to" {
			// "wants to work with", "is planning to absorb": the verb
			// after "to" states the event, as an intention
			continue
		}
		if i+1 < len(toks) && auxAfterNoun[toks[i+1].low] && i > 0 && (nounDet[toks[i-1].low] || toks[i-1].cap || toks[i-1].low == "'s") {
			// "A Japanese ship was seized", "the aid has been cut": a
			// form followed by an auxiliary heads the subject, not the verb
			continue
		}
		if bestLen <= 0 && nounUse(toks, i) {
			// "those protests", "a close ally": a noun, not a verb
			continue
		}
		out = append(out, trigger{i: i, j: end, typ: typ, mode: mode, rank: min(bestLen, 5), post: post})
	}
	return out
}

// auxAfterNoun are auxiliaries that follow a subject's head noun.
var auxAfterNoun = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "may": true, "might": true, "can": true,
	"should": true, "must": true}

// nameWord reports a capitalised word inside a name ("Revolutionary
// United Front", "Planning and Investment Minister"), not a verb.
func nameWord(toks []token, i int) bool {
	if !toks[i].cap {
		return false
	}
	capAt := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].cap && toks[k].word }
	if i > 0 && capAt(i-1) && toks[i-1].low != "'s" || capAt(i+1) {
		return true
	}
	return i+2 < len(toks) && (toks[i+1].low == "and" || toks[i+1].low == "of") && capAt(i+2)
}

// matchCAMEO matches a flattened pattern around the verb at tokens
// [vi, vj]; it returns the number of words matched and the index of the
// first token matched after the verb (0 when none).
func matchCAMEO(toks []token, vi, vj int, p cpattern) (int, int, bool) {
	n, first := 0, 0
	pos := vj
	for x, e := range p.post {
		found := false
		for k := pos + 1; k < len(toks) && k <= pos+6; k++ {
			if toks[k].text == "." || toks[k].text == ";" {
				break
			}
			if l, ok := elemAt(toks, k, e); ok {
				if x == 0 {
					first = k
				}
				pos = k + l - 1
				n += l
				found = true
				break
			}
		}
		if !found {
			return 0, 0, false
		}
	}
	pos = vi
	for x := len(p.pre) - 1; x >= 0; x-- {
		e := p.pre[x]
		found := false
		for k := pos - 1; k >= 0 && k >= pos-4; k-- {
			if l, ok := elemAt(toks, k, e); ok {
				pos = k
				n += l
				found = true
				break
			}
		}
		if !found {
			return 0, 0, false
		}
	}
	return n, first, true
}

func elemAt(toks []token, k int, e elem) (int, bool) {
	for _, alt := range e {
		if k+len(alt) > len(toks) {
			continue
		}
		ok := true
		for x, w := range alt {
			if !wordMatch(toks[k+x].up, w) {
				ok = false
				break
			}
		}
		if ok {
			return len(alt), true
		}
	}
	return 0, false
}

// wordMatch compares a text word with a dictionary word, allowing regular
// plural and verb endings.
func wordMatch(tok, w string) bool {
	if tok == w {
		return true
	}
	if !strings.HasPrefix(tok, w) {
		if strings.HasSuffix(w, "Y") && tok == w[:len(w)-1]+"IES" {
			return true
		}
		return false
	}
	switch tok[len(w):] {
	case "S", "ES", "ED", "D", "ING":
		return true
	}
	return false
}

// reporting verbs introduce an event (PLOVER does not code statements).
var reporting = map[string]bool{
	"said": true, "says": true, "say": true, "announced": true, "announces": true, "announce": true,
	"declared": true, "declares": true, "stated": true, "states": true, "reported": true, "reports": true,
	"told": true, "tells": true, "added": true, "adds": true, "claimed": true, "claims": true,
	"confirmed": true, "confirms": true, "quoted": true, "reiterated": true, "reiterates": true,
	"stressed": true, "noted": true, "explained": true, "according": true,
	// evidential: "reports suggested that ..."
	"suggested": true, "suggests": true, "suggest": true, "indicated": true, "indicates": true,
}

var (
	futureWords = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true,
		"zal": true, "zullen": true, "wil": true, "willen": true}
	intentVerbs = map[string]bool{"ready": true, "prepared": true, "willing": true, "offered": true,
		"want": true, "wants": true, "wanted": true, "plan": true, "planning": true,
		"intend": true, "hopes": true, "hope": true, "aims": true,
		"offers": true, "offer": true, "promised": true, "promises": true, "pledged": true, "pledges": true,
		"plans": true, "planned": true, "intends": true, "vowed": true, "vows": true}
	negWords = map[string]bool{"not": true, "n't": true, "never": true, "refused": true, "refuses": true,
		"refuse": true, "declined": true, "declines": true, "failed": true, "fails": true, "rejected": true,
		"refusing": true, "declining": true, "unwilling": true,
		"niet": true, "nooit": true, "weigert": true, "weigerde": true, "weigerden": true}
)

// modify applies the modality around the trigger: intended cooperation is
// AGREE, intended conflict THREATEN, refused cooperation REJECT.
func (c *Coder) modify(toks []token, lang string, tr *trigger) {
	coop := map[string]bool{Support: true, Cooperate: true, Aid: true, Concede: true, Retreat: true}
	conflict := map[string]bool{Sanction: true, Coerce: true, Assault: true, Mobilize: true, Protest: true}
	neg, fut, must, decided := false, false, false, false
	// denied: a plain negation of the trigger ("did not attack"): the
	// conflict did not happen, PLOVER codes no event
	denied := false
	look := func(k int) {
		w := toks[k].low
		if negWords[w] {
			neg = true
			if k < tr.i && (w == "not" || w == "n't" || w == "never" || w == "niet" || w == "nooit") {
				denied = true
			}
		}
		if futureWords[w] {
			fut = true
			// "announced it would prohibit": a reported decision
			for b := k - 1; b >= 0 && b >= k-3; b-- {
				if w == "would" && reporting[toks[b].low] {
					decided = true
				}
			}
		}
		if w == "must" || w == "moet" || w == "moeten" {
			must = true
		}
		if w == "to" && k > 0 && (intentVerbs[toks[k-1].low] || k > 1 && intentVerbs[toks[k-2].low]) {
			fut = true
		}
	}
	for k := tr.i - 1; k >= 0 && k >= tr.i-4; k-- {
		w := toks[k].low
		if !toks[k].word || w == "and" || w == "en" || w == "that" || w == "dat" {
			break
		}
		look(k)
	}
	for k := tr.j + 1; k < tr.post; k++ {
		look(k)
	}
	cond, condIf, maybe := false, false, false
	for k, t := range toks {
		switch {
		case t.low == "unless" || t.low == "tenzij":
			cond = true
		case (t.low == "if" || t.low == "als") && k > tr.j:
			condIf = true
		}
	}
	for k := tr.i - 1; k >= 0 && k >= tr.i-3; k-- {
		if w := toks[k].low; w == "may" || w == "might" || w == "could" {
			maybe = true
		}
	}
	// "may halt mediation if ...", "would deny entry if ...": a conditional
	// step against the other side is a threat
	if (fut || maybe) && condIf && (conflict[tr.typ] || tr.typ == Retreat || tr.typ == Reject) {
		cond = true
		fut = true
	}
	if tr.intent && lang == "en" && tr.j+3 < len(toks) && (toks[tr.j+1].low == "not" || toks[tr.j+1].low == "never") &&
		toks[tr.j+2].low == "to" {
		// "vowed not to return the Golan Heights": a pledge to withhold
		// cooperation is a refusal (CAMEO 12); "pledged not to attack" a
		// promise (AGREE)
		refrain := false
		for _, t := range c.cameoTriggers(toks, make([]bool, len(toks))) {
			if t.i == tr.j+3 {
				refrain = conflict[t.typ] || t.typ == Threaten || t.typ == Accuse
				break
			}
		}
		if !refrain {
			tr.typ, tr.mode = Reject, ""
			return
		}
	}
	switch {
	case denied && (conflict[tr.typ] || tr.typ == Accuse || tr.typ == Threaten) && !fut && !must:
		tr.typ, tr.mode = "", ""
	case denied && conflict[tr.typ] && fut && !cond && !must:
		// "will not attack", "vowed never to use force": a promise to
		// refrain from conflict (CAMEO 035x) is AGREE
		tr.typ, tr.mode = Agree, ""
	case must && !tr.curated:
		tr.typ, tr.mode = Request, ""
		tr.speaker = true
	case fut && cond && tr.typ != Agree && tr.typ != Consult:
		tr.typ, tr.mode = Threaten, ""
	case neg && (coop[tr.typ] || tr.typ == Agree || tr.typ == Consult):
		tr.typ, tr.mode = Reject, ""
	case fut && !tr.intent && coop[tr.typ]:
		tr.typ, tr.mode = Agree, ""
	case fut && !tr.intent && tr.typ == Consult && tr.mode != "visit" && tr.mode != "invitation":
		// "would meet", "will hold talks": an intent to meet (CAMEO 036) is
		// AGREE; an announced visit stays a CONSULT/visit
		tr.typ, tr.mode = Agree, ""
	case fut && !tr.intent && conflict[tr.typ] && !decided:
		tr.typ, tr.mode = Threaten, ""
	}
}

// stative participles describe the subject's own stance after a copula
// ("Israel is opposed to", "Vietnam is committed to", "forces were
// engaged in"): the subject acts, no passive swaps the roles.
var stative = map[string]bool{"opposed": true, "committed": true, "determined": true, "engaged": true,
	"involved": true, "prepared": true, "resolved": true, "dedicated": true, "inclined": true,
	"interested": true, "concerned": true, "obliged": true, "poised": true, "set": true,
	"disposed": true, "devoted": true, "pledged": true, "agreed": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true,
	"hij": true, "zij": true, "ze": true, "het": true}

// assignRoles picks the source and target among the resolved actors.
func assignRoles(toks []token, lang string, tr trigger, acts []scored, pron bool, timeTok []bool, isVerb func(string) bool) (src, tgt *scored) {
	if len(acts) == 0 {
		return nil, nil
	}
	passive := false
	if lang == "en" {
		for k := tr.i - 1; k >= 0 && k >= tr.i-2; k-- {
			switch toks[k].low {
			case "was", "were", "been", "being", "is", "are", "be":
				passive = (strings.HasSuffix(toks[tr.i].low, "ed") || strings.HasSuffix(toks[tr.i].low, "en")) &&
					!stative[toks[tr.i].low]
			}
		}
	}
	var subj *scored
	switch {
	case pron:
		// the subject is a pronoun: no named actor is the subject
	case lang == "nl":
		// V2: the subject opens the sentence or follows the finite verb
		for k := range acts {
			if acts[k].prep == "" && acts[k].i < tr.i {
				subj = &acts[k]
				break
			}
		}
		if subj == nil {
			for k := range acts {
				if acts[k].prep == "" {
					subj = &acts[k]
					break
				}
			}
		}
	default:
		for k := range acts {
			if acts[k].prep == "" && acts[k].i < tr.i {
				subj = &acts[k]
				break
			}
		}
		if subj == nil && !passive {
			for k := range acts {
				if acts[k].prep == "" {
					subj = &acts[k]
					break
				}
			}
		}
	}
	if nominal[toks[tr.i].low] {
		// "het bezoek van Macron", "the visit of the Indian premier": the
		// "of" phrase after a nominal event names its agent
		for k := range acts {
			if (acts[k].prep == "van" || acts[k].prep == "of" || acts[k].prep == "by" || acts[k].prep == "door") &&
				acts[k].i > tr.j && acts[k].i <= tr.j+3 && (subj == nil || subj.i > tr.i) {
				subj = &acts[k]
				break
			}
		}
	}
	// the target must be the trigger's own complement: no other phrase
	// stands between them (counted from the end of a subject that follows
	// a nominal trigger: "het bezoek van Macron ... op uitnodiging van X")
	from := tr.j
	if subj != nil && subj.i > tr.j {
		from = subj.j - 1
	}
	for k := range acts {
		a := &acts[k]
		switch {
		case a.i > tr.i && a.i <= tr.j:
			a.elig = true
		case a.i > from:
			// the last preposition governs the actor (directly or over
			// modifiers: "in West Darfur State"); one more phrase may
			// stand between ("sent troops to the border with Ukraine")
			a.elig = prepsBetween(toks, from, a.i, timeTok, isVerb) <= 2
		default:
			a.elig = true
		}
	}
	var other *scored
	pick := func(ok func(a *scored) bool) *scored {
		for k := range acts {
			if ok(&acts[k]) {
				return &acts[k]
			}
		}
		return nil
	}
	notSubj := func(a *scored) bool { return (subj == nil || a.i != subj.i) && a.elig }
	if passive {
		agent := pick(func(a *scored) bool { return a.prep == "by" && a.i > tr.i })
		if subj == nil {
			// "Sanctions were imposed on Iran by the EU": the subject is
			// no actor; the trigger's complement is the target
			subj = pick(func(a *scored) bool {
				return a.i > tr.j && a.prep != "by" && !a.place && a.elig && a.country != ""
			})
		}
		return agent, subj
	}
	if (subj == nil || subj.i > tr.i) && relational[tr.typ] {
		// "talks between Israel and Syria", "an accord among X and Y":
		// the first of the pair acts, the second is its counterpart
		for k := range acts {
			a := &acts[k]
			if (a.prep != "between" && a.prep != "among" && a.prep != "tussen") || a.i < tr.i || a.j >= len(toks) {
				continue
			}
			and := toks[a.j].low
			if and != "and" && and != "en" {
				continue
			}
			for m := range acts {
				b := &acts[m]
				k := a.j + 1
				for k < b.i && nounDet[toks[k].low] {
					k++ // "and the Palestinian president"
				}
				if b.i == k && b.country != a.country {
					return a, b
				}
			}
		}
	}
	if tr.nominal && !nominal[toks[tr.i].low] {
		// an event noun: its possessor ("Russia's invasion of Ukraine")
		// or "by" phrase ("the arrest of ... by Belarusian police") acts,
		// its "of"/"on"/"against" phrase undergoes it
		agent := pick(func(a *scored) bool {
			return a.j < len(toks) && toks[a.j].low == "'s" && a.j+1 == tr.i || a.prep == "by" && a.i > tr.j
		})
		patient := pick(func(a *scored) bool {
			return a.i > tr.j && a.elig && !a.place && a.prep != "by" && (agent == nil || a.i != agent.i)
		})
		if agent != nil || patient != nil {
			return agent, patient
		}
	}
	if subj != nil && (tr.typ == Consult || tr.typ == Agree || tr.typ == Cooperate) {
		// "Armenia and Azerbaijan resumed talks": a joint subject of a
		// mutual act names both sides
		if co := pick(func(a *scored) bool {
			return a.i > subj.i && a.j <= tr.i && a.i == subj.j+1 && (toks[subj.j].low == "and" || toks[subj.j].low == "en")
		}); co != nil && co.country != subj.country {
			return subj, co
		}
	}
	other = pick(func(a *scored) bool { return notSubj(a) && a.i > tr.i && a.prep != "by" && !a.place && a.country != "" })
	if other == nil {
		other = pick(func(a *scored) bool { return notSubj(a) && !a.place && a.country != "" })
	}
	if other == nil {
		other = pick(func(a *scored) bool { return notSubj(a) && a.i > tr.i && a.prep != "by" && !a.place })
	}
	if other == nil {
		other = pick(func(a *scored) bool { return notSubj(a) && a.i > tr.i && a.prep != "by" && (!a.place || subj != nil) })
	}
	if other == nil {
		other = pick(func(a *scored) bool { return notSubj(a) && (!a.place || subj != nil) })
	}
	if other == nil && !relational[tr.typ] {
		// "imposed a curfew in the town of Cizre in southeastern Turkey":
		// the population of the place
		other = pick(func(a *scored) bool {
			return subj != nil && a.i != subj.i && placePreps[a.prep] && a.country != "" && !a.person && !a.agent
		})
	}
	if tr.host {
		// the host receives a visitor: the visitor (object) is the source
		var nonPrep []*scored
		for k := range acts {
			if acts[k].prep == "" {
				nonPrep = append(nonPrep, &acts[k])
			}
		}
		pron := pron
		for k := 0; k < len(toks) && !pron; k++ {
			if pronouns[toks[k].low] && (len(nonPrep) == 0 || k < nonPrep[0].i) {
				pron = true
			}
		}
		switch {
		case len(nonPrep) >= 2:
			return nonPrep[1], nonPrep[0]
		case len(nonPrep) == 1 && pron:
			host := pick(func(a *scored) bool { return a.i != nonPrep[0].i })
			return nonPrep[0], host
		case len(nonPrep) == 1:
			return pick(func(a *scored) bool { return a.i != nonPrep[0].i }), nonPrep[0]
		}
		return subj, other
	}
	return subj, other
}
