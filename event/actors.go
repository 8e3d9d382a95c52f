package event

import (
	"strings"
	"time"

	"dateline/analysis"
)

// Actors resolves a linked entity to the country (ISO 3166 alpha-3) and
// sector (GOV, MIL, REB, CVL, BUS, MED, JUD, LEG, ...) it acts for at a
// given time. The entity layer implements it; ok is false when the entity
// is unknown or has no country.
type Actors interface {
	Actor(entityID string, at time.Time) (country, sector string, ok bool)
}

// actorHit is a span of tokens naming an actor, an agent or both.
type actorHit struct {
	i, j            int    // tokens [i, j); -1 for an actor of an earlier sentence
	name            string // the name of an earlier sentence's actor
	country, sector string
	entityID        string
	agent           bool // the span is (ends in) a role word only
	loc             bool // a location mention
	person          bool
	// group: a nationality qualifying a group the dictionaries do not
	// know ("Bolivian miners", "Chile's leading union"): a non-state
	// part of the country, not the country itself
	group bool
	// ethnic: an ethnic group ("ethnic Albanians"), whose country is the
	// one where the event happens when the clause names it
	ethnic bool
}

// prepositions that make an actor an oblique (not the subject).
var preps = map[string]bool{
	"to": true, "with": true, "in": true, "on": true, "at": true, "from": true, "by": true,
	"against": true, "of": true, "for": true, "into": true, "toward": true, "towards": true,
	"over": true, "between": true, "among": true, "near": true, "across": true, "than": true, "about": true,
	"aan": true, "met": true, "naar": true, "voor": true, "tegen": true, "door": true,
	"van": true, "uit": true, "bij": true, "op": true, "tussen": true, "te": true, "namens": true,
	// attribution: "volgens Belta", "according to reports"
	"volgens": true, "according": true,
}

// determiners and the like skipped when looking for a governing preposition.
var skipBack = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"some": true, "several": true, "two": true, "three": true, "all": true, "other": true,
	"de": true, "het": true, "een": true, "zijn": true, "haar": true, "hun": true, "diens": true,
}

// modifiers that may stand between a country word and a role word
// ("Russian new defence minister", "Israel's Cabinet").
var joiners = map[string]bool{
	"'s": true, "new": true, "former": true, "top": true, "senior": true, "chief": true,
	"deputy": true, "acting": true, "interim": true, "outgoing": true, "foreign": true,
	"defence": true, "defense": true, "prime": true, "vice": true, "high": true, "the": true,
	"nieuwe": true, "voormalige": true, "oud": true, "huidige": true, "demissionaire": true,
	"hoge": true, "ethnic": true, "radical": true, "militant": true, "military": true,
}

// ofWords join a role word to the country after it ("president of
// Armenia", "rebels in the Ivory Coast", "president van Rusland").
var ofWords = map[string]bool{"of": true, "in": true, "from": true, "van": true, "uit": true}

// findActors recognises actors in tokens: mention-resolved spans first,
// then dictionary names, demonyms and role words, merged into phrases.
func (c *Coder) findActors(toks []token, fixed []actorHit) []actorHit {
	lx := c.lx
	var hits []actorHit
	taken := make([]bool, len(toks))
	for _, h := range fixed {
		for k := h.i; k < h.j; k++ {
			taken[k] = true
		}
	}
	for i := 0; i < len(toks); i++ {
		if taken[i] || !toks[i].word {
			continue
		}
		best := actorHit{}
		bestLen := 0
		for n := min(lx.maxActor, len(toks)-i); n >= 1 && bestLen == 0; n-- {
			if !spanFree(taken, i, i+n) {
				continue
			}
			k := joinUp(toks[i : i+n])
			codes, ok := lx.actors[k]
			if !ok {
				continue
			}
			// single words must be capitalised names, not common words
			if n == 1 && !toks[i].cap && !strings.Contains(toks[i].text, ".") {
				continue
			}
			if n == 1 && len(toks[i].text) <= 2 && toks[i].text != toks[i].up {
				continue
			}
			ac := pickCode(codes, c.at)
			best = actorHit{i: i, j: i + n, country: ac.country, sector: ac.sector, person: n >= 2 && toks[i].cap && !isCountryKey(lx, k)}
			bestLen = n
		}
		if bestLen == 0 && toks[i].cap && len(toks[i].up) > 4 && strings.HasSuffix(toks[i].up, "S") && spanFree(taken, i, i+1) {
			// a plural nationality ("Iraqis", "Albanians"): people of the
			// country, not its state
			k := strings.TrimSuffix(toks[i].up, "S")
			if codes := lx.actors[k]; len(codes) > 0 && pickCode(codes, c.at).sector == "" && !strings.Contains(k, " ") {
				ac := pickCode(codes, c.at)
				best = actorHit{i: i, j: i + 1, country: ac.country, sector: ac.sector, group: true}
				bestLen = 1
			}
		}
		for n := min(lx.maxAgent, len(toks)-i); n > bestLen; n-- {
			if !spanFree(taken, i, i+n) {
				continue
			}
			if ag, ok := lx.agents[joinLow(toks[i:i+n])]; ok {
				best = actorHit{i: i, j: i + n, country: ag.country, sector: ag.sector, agent: true}
				bestLen = n
				break
			}
		}
		if bestLen == 0 {
			for _, s := range lx.suffixAgt {
				if len(toks[i].low) > len(s.suffix)+2 && strings.HasSuffix(toks[i].low, s.suffix) {
					best = actorHit{i: i, j: i + 1, country: s.country, sector: s.sector, agent: true}
					bestLen = 1
					break
				}
			}
		}
		if bestLen > 0 {
			hits = append(hits, best)
			i += bestLen - 1
		}
	}
	hits = append(hits, fixed...)
	sortHits(hits)
	hits = mergeHits(toks, hits)
	for k := range hits {
		h := &hits[k]
		if h.i > 0 && (toks[h.i-1].low == "ethnic" || toks[h.i-1].low == "etnische") && !h.agent {
			// "ethnic Albanians": a people, coded by where they live
			h.ethnic, h.group = true, true
		}
		if h.country != "" && h.sector == "" && !h.agent && !h.person && !h.loc && !h.group {
			h.group = c.qualifiesGroup(toks, h.j)
		}
	}
	return hits
}

// qualifiesGroup reports whether the words from token k on are a common
// noun phrase that a nationality qualifies: one or two lower-case words,
// not all verbs or function words ("Bolivian miners", "Chile's leading
// union"; not "Bolivia accused", "Russia is").
func (c *Coder) qualifiesGroup(toks []token, k int) bool {
	if k < len(toks) && toks[k].low == "'s" {
		k++
	}
	for n := 0; n < 2 && k < len(toks); n, k = n+1, k+1 {
		t := toks[k]
		if !t.word || t.cap || preps[t.low] || skipBack[t.low] {
			return false
		}
		if _, verb := c.lx.verbs[t.up]; verb || analysis.IsStopWord("en", t.low) || analysis.IsStopWord("nl", t.low) {
			continue
		}
		return true
	}
	return false
}

func spanFree(taken []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if taken[k] {
			return false
		}
	}
	return true
}

func isCountryKey(lx *lexicon, k string) bool {
	codes := lx.actors[k]
	return len(codes) > 0 && codes[0].sector == "" && codes[0].from.IsZero() && codes[0].to.IsZero()
}

func joinUp(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.up)
	}
	return b.String()
}

func joinLow(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.low)
	}
	return b.String()
}

// pickCode chooses the code valid at t; with t zero (or no dated code
// valid) the open-ended code, else the last listed.
func pickCode(codes []actorCode, t time.Time) actorCode {
	if !t.IsZero() {
		for _, c := range codes {
			if (c.from.IsZero() || !t.Before(c.from)) && (c.to.IsZero() || !t.After(c.to)) && !(c.from.IsZero() && c.to.IsZero()) {
				return c
			}
		}
	}
	for _, c := range codes {
		if c.from.IsZero() && c.to.IsZero() {
			return c
		}
	}
	// most recent open-ended "after" code, else the last
	for k := len(codes) - 1; k >= 0; k-- {
		if codes[k].to.IsZero() {
			return codes[k]
		}
	}
	return codes[len(codes)-1]
}

func sortHits(h []actorHit) {
	for a := 1; a < len(h); a++ {
		for b := a; b > 0 && h[b].i < h[b-1].i; b-- {
			h[b], h[b-1] = h[b-1], h[b]
		}
	}
}

// mergeHits joins a country word and a role word ("Russian official",
// "Israel's cabinet", "president of Armenia") and a role word with a name
// ("President Bush") into one actor phrase.
func mergeHits(toks []token, hits []actorHit) []actorHit {
	var out []actorHit
	for _, h := range hits {
		if len(out) > 0 {
			p := &out[len(out)-1]
			if canJoin(toks, *p, h) {
				p.j = h.j
				if h.country != "" && (p.country == "" || p.agent && !h.agent) {
					p.country = h.country
				}
				if p.sector == "" || (h.sector != "" && h.person) {
					if h.sector != "" {
						p.sector = h.sector
					}
				}
				if h.entityID != "" {
					p.entityID = h.entityID
				}
				p.agent = p.agent && h.agent
				p.person = p.person || h.person
				p.loc = p.loc && h.loc
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

func canJoin(toks []token, p, h actorHit) bool {
	if h.i < p.j {
		return false
	}
	gap := toks[p.j:h.i]
	if len(gap) > 3 {
		return false
	}
	// both full countries do not join ("Jordan and Britain")
	if !p.agent && !h.agent && p.country != "" && h.country != "" && !p.person && !h.person && p.sector == "" && h.sector == "" {
		return len(gap) == 0 && p.country == h.country
	}
	if p.agent && p.country == "" && h.loc && !h.person && !p.loc && h.sector == "" {
		// "President of Belarus", "President Belarus" (a headline), "de
		// president van Rusland": a role word and the country it serves
		if len(gap) == 0 {
			return true
		}
		if ofWords[gap[0].low] && gap[0].low != "in" {
			for _, t := range gap[1:] {
				if !skipBack[t.low] {
					return false
				}
			}
			return true
		}
	}
	if p.loc || h.loc {
		return false
	}
	// "president of Armenia": a role word followed by of/in + country
	if p.agent && len(gap) >= 1 && ofWords[gap[0].low] && p.country == "" {
		for _, t := range gap[1:] {
			if !skipBack[t.low] {
				return false
			}
		}
		return true
	}
	if !p.agent && !p.person && !p.loc && p.sector == "" && p.country != "" && (h.person || h.entityID != "") && !h.loc && len(gap) <= 2 && len(gap) > 0 {
		// "Belarusian strongman Alexander Lukashenko", "het Belarussische
		// staatspersbureau Belta": a nationality, a noun and a name
		ok := true
		for _, t := range gap {
			if !t.word || t.cap || preps[t.low] || t.low == "and" || t.low == "en" {
				ok = false
			}
		}
		if ok && (h.country == "" || h.country == p.country) {
			return true
		}
	}
	for _, t := range gap {
		if !(joiners[t.low] || (t.cap && t.word)) {
			return false
		}
	}
	// two persons never join; a person and a country-less role word do
	if p.person && h.person && p.country != h.country {
		return false
	}
	if p.country != "" && h.country != "" && p.country != h.country && !(p.agent || h.agent) {
		return false
	}
	return true
}

// quantNouns head a phrase whose "of" part names the actor.
var quantNouns = map[string]bool{"group": true, "groups": true, "number": true, "thousands": true,
	"hundreds": true, "dozens": true, "tens": true, "millions": true, "members": true, "some": true,
	"many": true, "most": true, "several": true, "delegation": true, "band": true, "batch": true,
	"patch": true, "contingent": true, "inhabitants": true, "residents": true, "citizens": true,
	"villagers": true, "people": true, "population": true, "inwoners": true, "bewoners": true, "team": true, "supporters": true, "followers": true, "loyalists": true,
	"aanhangers": true,
	"groep":      true, "duizenden": true, "honderden": true, "tientallen": true, "leden": true, "delegatie": true}

// governing returns the preposition before hit h ("" when none), looking
// back over determiners, numbers and at most two lower-case words.
func governing(toks []token, h actorHit, isVerb func(string) bool) string {
	lower := 0
	for k := h.i - 1; k >= 0 && k >= h.i-5; k-- {
		t := toks[k]
		switch {
		case t.low == "about" && k+1 < len(toks) && toks[k+1].word && toks[k+1].text[0] >= '0' && toks[k+1].text[0] <= '9':
			continue // "about 200 supporters": a quantity, no preposition
		case preps[t.low] && !(t.low == "at" && k+1 < len(toks) && (toks[k+1].low == "least" || toks[k+1].low == "most")):
			if (t.low == "of" || t.low == "van") && k > 0 && quantNouns[toks[k-1].low] {
				continue // "a group of Yoruba leaders": the leaders act
			}
			return t.low
		case t.low == "least" || t.low == "most" || t.low == "at":
			continue // "at least three Iraqi civilians": no preposition
		case skipBack[t.low], !t.word && t.text != "," && t.text != ";" && t.text != ":" && t.text != ".":
			continue
		case t.word && len(t.text) > 0 && t.text[0] >= '0' && t.text[0] <= '9':
			continue
		case t.word && !t.cap && lower < 2 && !isVerb(t.up) && t.low != "and" && t.low != "en":
			lower++
			continue
		}
		return ""
	}
	return ""
}
