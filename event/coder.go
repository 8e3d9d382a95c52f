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
	post      int // first token matched after the verb by a dictionary pattern (0: none)
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
	ev, ok := cc.codeTokens(toks, lang, nil)
	if !ok {
		return nil
	}
	ev.Sources = []model.EventSource{{Sentence: sentence, Start: 0, End: len(sentence)}}
	return []model.Event{ev}
}

// Code codes each sentence of an article in lang. Actors come from the
// article's linked mentions resolved through actors (which may be nil)
// and from the dictionaries; dates from the article's time expressions in
// the sentence (else the publication day); places from location mentions
// (else the dateline). Provenance is the article's source and the
// sentence's span in a.Text().
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
	for _, sp := range analysis.Sentences(text, lang) {
		sent := text[sp.Start:sp.End]
		toks := tokenize(sent)
		var fixed []actorHit
		var locs []model.Mention
		for _, m := range a.Mentions {
			if m.Start < sp.Start || m.End > sp.End || m.Start >= m.End {
				continue
			}
			if m.Type == model.LOC {
				locs = append(locs, m)
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
		ev, ok := cc.codeTokens(toks, lang, fixed)
		if !ok {
			continue
		}
		ev.Sources = []model.EventSource{{ArticleID: a.ID, Source: firstNonEmpty(a.URL, a.Source),
			Sentence: sent, Start: sp.Start, End: sp.End}}
		// date: the time expression of the sentence nearest the trigger
		if tx, ok := pickTimex(a.Timexes, sp, ev.Sources[0]); ok {
			ev.Date, ev.DateEnd = dateValue(tx.Value), dateValue(tx.EndValue)
			if strings.HasPrefix(ev.Date, "XXXX") {
				ev.Confidence -= 0.1
			}
		} else if !a.Published.IsZero() {
			ev.Date = a.Published.Format("2006-01-02")
			ev.Confidence -= 0.15
		}
		if ev.Place == "" {
			for _, m := range locs {
				ev.Place = m.Text
				break
			}
		}
		if ev.Place == "" {
			ev.Place = a.Dateline.Place
		}
		ev.Confidence = clamp01(ev.Confidence)
		out = append(out, ev)
	}
	return out
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

// pickTimex chooses a DATE (or TIME) expression inside the sentence span.
func pickTimex(txs []model.Timex, sp analysis.Span, _ model.EventSource) (model.Timex, bool) {
	var best model.Timex
	found := false
	for _, tx := range txs {
		if tx.Start < sp.Start || tx.End > sp.End {
			continue
		}
		if tx.Type != "DATE" && tx.Type != "TIME" {
			continue
		}
		if tx.Value == "" || strings.HasPrefix(tx.Value, "P") || tx.Value == "PRESENT_REF" || tx.Value == "PAST_REF" || tx.Value == "FUTURE_REF" {
			continue
		}
		// prefer ranges and full dates over vaguer values
		if !found || (tx.EndValue != "" && best.EndValue == "") || (len(dateValue(tx.Value)) > len(dateValue(best.Value)) && (best.EndValue == "") == (tx.EndValue == "")) {
			best, found = tx, true
		}
	}
	return best, found
}

// dateValue strips the time of day from a TIMEX3 value.
func dateValue(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 && i >= 4 {
		return v[:i]
	}
	return v
}

// codeTokens finds the main event of one tokenised sentence.
func (c *Coder) codeTokens(toks []token, lang string, fixed []actorHit) (model.Event, bool) {
	hits := c.findActors(toks, fixed)
	inActor := make([]bool, len(toks))
	for _, h := range hits {
		for k := h.i; k < h.j; k++ {
			inActor[k] = true
		}
	}
	trigs := c.findTriggers(toks, lang, inActor)
	if len(trigs) == 0 {
		return model.Event{}, false
	}
	tr := mainTrigger(toks, trigs)
	c.modify(toks, lang, &tr)
	if tr.typ == "" {
		return model.Event{}, false
	}
	isVerb := func(up string) bool { _, ok := c.lx.verbs[up]; return ok }
	var acts []scored
	placeCountry := ""
	for _, h := range hits {
		if h.country == "" && !(h.agent && h.sector != "") {
			continue
		}
		a := scored{actorHit: h, prep: governing(toks, h, isVerb)}
		if h.loc && placePreps[a.prep] {
			// "in Minsk": where it happened; a role only when nothing else
			// can take it
			a.place = true
			if placeCountry == "" {
				placeCountry = h.country
			}
		}
		acts = append(acts, a)
	}
	src, tgt := assignRoles(toks, lang, tr, acts)
	// An agent without a country ("police", "the judge") acts in the
	// country where the event happens, else in the other actor's country
	// (domestic events are the commonest); with neither it is dropped.
	fill := func(a, other *scored) *scored {
		if a == nil || a.country != "" {
			return a
		}
		cp := *a
		switch {
		case placeCountry != "":
			cp.country = placeCountry
		case other != nil && other.country != "":
			cp.country = other.country
		default:
			return nil
		}
		return &cp
	}
	src, tgt = fill(src, tgt), fill(tgt, src)
	ev := model.Event{Type: tr.typ, Mode: tr.mode}
	if src == nil && tgt == nil {
		return model.Event{}, false
	}
	conf := 0.45
	if tr.curated || tr.rank > 1 {
		conf += 0.1
	}
	if src != nil {
		ev.Source = toActor(toks, src.actorHit)
		conf += 0.2
	}
	if tgt != nil {
		ev.Target = toActor(toks, tgt.actorHit)
		conf += 0.15
	}
	for _, a := range acts {
		if (a.prep == "in" || a.prep == "at" || a.prep == "te") && (a.loc || !a.agent && !a.person) {
			ev.Place = spanText(toks, a.i, a.j)
			break
		}
	}
	ev.Score = Score(ev.Type, ev.Mode)
	ev.Confidence = clamp01(conf)
	return ev, true
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
	return model.Actor{Name: spanText(toks, h.i, h.j), EntityID: h.entityID, Country: h.country, Sector: h.sector}
}

func spanText(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && toks[k].start > toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}

// findTriggers lists candidate event triggers, best first: the earliest
// trigger wins, curated rules before dictionary patterns at equal start.
func (c *Coder) findTriggers(toks []token, lang string, inActor []bool) []trigger {
	var out []trigger
	for _, r := range c.lx.rules[lang] {
		for i := range toks {
			if inActor[i] || toks[i].hyph {
				continue
			}
			if end, ok := r.matchAt(toks, i); ok {
				out = append(out, trigger{i: i, j: end, typ: r.typ, mode: r.mode, host: r.host,
					intent: r.intent, curated: true, rank: 10 + len(r.elems)})
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
	return res
}

// cameoTriggers matches the CAMEO verb dictionary.
func (c *Coder) cameoTriggers(toks []token, inActor []bool) []trigger {
	lx := c.lx
	var out []trigger
	for i, t := range toks {
		if !t.word || t.hyph || inActor[i] {
			continue
		}
		refs := lx.verbs[t.up]
		if len(refs) == 0 {
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
				n, first, ok := matchCAMEO(toks, i, j, p)
				if ok && n > bestLen {
					bestCode, bestLen, found, end, post = p.code, n, true, j, first
				}
			}
			if !found && bestLen < 0 {
				bestCode, bestLen, end = bl.code, 0, j
			}
		}
		typ, mode, ok := FromCAMEO(bestCode)
		if !ok || reporting[t.low] {
			// a specific pattern with no code blocks the default
			continue
		}
		out = append(out, trigger{i: i, j: end, typ: typ, mode: mode, rank: min(bestLen, 5), post: post})
	}
	return out
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
}

var (
	futureWords = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true,
		"zal": true, "zullen": true, "wil": true, "willen": true}
	intentVerbs = map[string]bool{"ready": true, "prepared": true, "willing": true, "offered": true,
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
	look := func(k int) {
		w := toks[k].low
		if negWords[w] {
			neg = true
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
	switch {
	case must && !tr.curated:
		tr.typ, tr.mode = Request, ""
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

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true,
	"hij": true, "zij": true, "ze": true, "het": true}

// assignRoles picks the source and target among the resolved actors.
func assignRoles(toks []token, lang string, tr trigger, acts []scored) (src, tgt *scored) {
	if len(acts) == 0 {
		return nil, nil
	}
	passive := false
	if lang == "en" {
		for k := tr.i - 1; k >= 0 && k >= tr.i-2; k-- {
			switch toks[k].low {
			case "was", "were", "been", "being", "is", "are", "be":
				passive = strings.HasSuffix(toks[tr.i].low, "ed") || strings.HasSuffix(toks[tr.i].low, "en")
			}
		}
	}
	var subj *scored
	if lang == "nl" {
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
	} else {
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
	var other *scored
	pick := func(ok func(a *scored) bool) *scored {
		for k := range acts {
			if ok(&acts[k]) {
				return &acts[k]
			}
		}
		return nil
	}
	notSubj := func(a *scored) bool { return subj == nil || a.i != subj.i }
	if passive {
		agent := pick(func(a *scored) bool { return a.prep == "by" && a.i > tr.i })
		return agent, subj
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
		other = pick(func(a *scored) bool { return notSubj(a) && a.i > tr.i && a.prep != "by" })
	}
	if other == nil {
		other = pick(func(a *scored) bool { return notSubj(a) })
	}
	if tr.host {
		// the host receives a visitor: the visitor (object) is the source
		var nonPrep []*scored
		for k := range acts {
			if acts[k].prep == "" {
				nonPrep = append(nonPrep, &acts[k])
			}
		}
		pron := false
		for k := 0; k < len(toks); k++ {
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
