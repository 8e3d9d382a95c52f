package event

import "strings"

// Clause boundaries without a parser. A sentence is cut into segments at
// punctuation (",", ";", ":", brackets, dashes), at subordinators ("that",
// "which", "while", "dat", "die", "terwijl" ...) and at the coordinators
// "but"/"maar". The clause of a trigger is its own segment when that is
// subordinate; otherwise its segment joined with the plain segments
// around it (a fronted phrase, a subject before an inserted relative
// clause), skipping subordinate segments and an attribution after it
// ("..., the ministry said Saturday"). Actors, the place and the date of
// an event must come from its clause.

// segment is a run of tokens [i, j) between clause boundaries.
type segment struct {
	i, j   int
	sub    bool // opened by a subordinator or relative word, or in brackets
	compl  bool // a complement clause: "(said) that ...", "(zei) dat ...", "said Vietnam is ..."
	report bool // holds a reporting verb ("said", "zei", "aldus")
	hard   bool // the boundary before it is ";", ":" or "but"
}

// subordinators open a subordinate clause wherever they stand.
var subordinators = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "where": true, "while": true,
	"whereas": true, "though": true, "although": true, "because": true, "unless": true, "if": true,
	"when": true, "whether": true,
	"waar": true, "waarbij": true, "waarmee": true, "waardoor": true, "waarin": true, "terwijl": true,
	"hoewel": true, "omdat": true, "tenzij": true, "toen": true, "nadat": true, "voordat": true,
	"zodat": true, "welke": true, "wanneer": true, "indien": true, "ofschoon": true,
}

// coordinators that start a new main clause.
var clauseCoord = map[string]bool{"but": true, "yet": true, "maar": true, "doch": true}

// reportWords mark an attribution segment.
var reportWords = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "reported": true, "announced": true,
	"stated": true, "according": true, "zei": true, "zegt": true, "zeiden": true, "zeggen": true,
	"meldt": true, "meldde": true, "meldden": true, "aldus": true, "verklaarde": true, "verklaart": true,
	"schrijft": true, "schreef": true, "liet": true, "laat": true, "volgens": true, "bevestigde": true,
}

// determinersAfterThat are words after "that"/"dat" that make it a
// conjunction ("said that the army ...") rather than a demonstrative
// ("that country").
var afterConj = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"this": true, "there": true, "his": true, "her": true, "its": true, "their": true, "i": true, "you": true,
	"de": true, "het": true, "een": true, "hij": true, "zij": true, "ze": true, "dit": true, "er": true,
	"zijn": true, "haar": true, "hun": true, "wij": true, "men": true, "deze": true,
}

// relVerb are verb forms right after a relative "that" ("a crackdown that
// saw", "the plan that was approved").
var relVerb = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "may": true, "might": true, "saw": true,
	"sees": true, "led": true, "leads": true, "lead": true, "made": true, "makes": true}

func isSubordinator(toks []token, k int) bool {
	w := toks[k].low
	if subordinators[w] {
		// "if" and "when" after a comma or at the start only: "even if",
		// "as if" keep the clause
		return true
	}
	switch w {
	case "that", "dat":
		if k == 0 || k+1 >= len(toks) {
			return false
		}
		n := toks[k+1]
		return n.cap || afterConj[n.low] || (n.word && n.text[0] >= '0' && n.text[0] <= '9') ||
			relVerb[n.low] || strings.HasSuffix(n.low, "ed") && toks[k-1].word && !toks[k-1].cap
	case "including", "waaronder":
		return true
	case "die":
		// a relative pronoun after a noun or a quote, not a demonstrative
		// after a preposition ("met die landen") or at the start
		return k > 0 && !preps[toks[k-1].low]
	}
	return false
}

// frontedAdv open a fronted adverbial phrase or clause at the start of an
// English sentence.
var frontedAdv = map[string]bool{"after": true, "before": true, "since": true, "following": true,
	"during": true, "amid": true, "despite": true, "until": true}

// commaAhead reports a comma in the sentence (closing a fronted phrase).
func commaAhead(toks []token) bool {
	for _, t := range toks {
		if !t.word && t.text == "," {
			return true
		}
	}
	return false
}

// zeroThat are reporting verbs that may take a complement clause without
// "that" ("said Vietnam is committed").
var zeroThat = map[string]bool{"said": true, "says": true, "announced": true, "declared": true,
	"stated": true, "believes": true, "believed": true, "insisted": true, "warned": true}

// segments cuts a tokenised sentence into clause segments.
func segments(toks []token) []segment {
	var out []segment
	cur := segment{}
	closeAt := func(k int) {
		cur.j = k
		if cur.j > cur.i {
			out = append(out, cur)
		}
	}
	paren := false
	for k, t := range toks {
		switch {
		case !t.word && t.text == "(":
			closeAt(k)
			cur = segment{i: k + 1, sub: true}
			paren = true
		case !t.word && t.text == ")" && paren:
			closeAt(k)
			cur = segment{i: k + 1}
			paren = false
		case !t.word && (t.text == "," || t.text == ";" || t.text == ":" || t.text == "\u2013" || t.text == "\u2014"):
			if paren {
				continue
			}
			closeAt(k)
			cur = segment{i: k + 1, hard: t.text != ","}
		case k == 0 && t.word && frontedAdv[t.low] && commaAhead(toks):
			// "After Russia's invasion of Ukraine, Germany sent ...": a
			// fronted adverbial up to the comma is no part of the main
			// clause
			cur.sub = true
		case t.word && !paren && (isSubordinator(toks, k) || clauseCoord[t.low]):
			coord := clauseCoord[t.low]
			if k > cur.i {
				closeAt(k)
				cur = segment{i: k}
			}
			if coord {
				cur.hard = k > 0
			} else {
				cur.sub = true
				cur.compl = t.low == "that" || t.low == "dat"
			}
		case t.word && !paren && k > cur.i && zeroThat[toks[k-1].low] && zeroThatStart(toks, k):
			closeAt(k)
			cur = segment{i: k, sub: true, compl: true}
		}
	}
	closeAt(len(toks))
	for x := range out {
		out[x].report = attribution(toks, out[x])
		if x > 0 && x == len(out)-1 && !out[x].sub && nameOnly(toks, out[x]) {
			// "..., Svitlana Tsiikhanouskaya.": an apposition
			out[x].sub = true
		}
	}
	return out
}

// attribution reports a segment that attributes what is said: it opens
// with "according to", "volgens", "aldus", or ends in a reporting verb
// with at most a time word and punctuation after it ("the ministry said
// Saturday").
func attribution(toks []token, sg segment) bool {
	if sg.i < sg.j && (toks[sg.i].low == "according" || toks[sg.i].low == "volgens" || toks[sg.i].low == "aldus") {
		return true
	}
	words := 0
	for k := sg.j - 1; k >= sg.i; k-- {
		if !toks[k].word {
			continue
		}
		if reportWords[toks[k].low] {
			return true
		}
		words++
		if words > 3 {
			return false
		}
	}
	return false
}

// nameOnly reports a segment of capitalised words only.
func nameOnly(toks []token, sg segment) bool {
	n := 0
	for k := sg.i; k < sg.j; k++ {
		if toks[k].word {
			if !toks[k].cap {
				return false
			}
			n++
		}
	}
	return n > 0 && n <= 4
}

// zeroThatStart reports whether token k, right after a reporting verb,
// opens its complement clause: a name or a determiner or pronoun, not a
// time word ("said Saturday") or a preposition ("said on Monday").
func zeroThatStart(toks []token, k int) bool {
	t := toks[k]
	if timeWords[t.low] || preps[t.low] || t.low == "that" {
		return false
	}
	return t.cap || afterConj[t.low]
}

// segmentOf is the index of the segment holding token k, -1 if none.
func segmentOf(segs []segment, k int) int {
	for x, sg := range segs {
		if k >= sg.i && k < sg.j {
			return x
		}
	}
	return -1
}

// clauseMask marks the tokens of the clause of segment s (see the
// package comment on clauses); s < 0 marks the whole sentence.
func clauseMask(toks []token, segs []segment, s int) []bool {
	mask := make([]bool, len(toks))
	if s < 0 {
		for x := range mask {
			mask[x] = true
		}
		return mask
	}
	mark := func(sg segment) {
		for x := sg.i; x < sg.j; x++ {
			mask[x] = true
		}
	}
	mark(segs[s])
	if segs[s].sub {
		return mask
	}
	// to the left: plain segments up to a hard boundary, over inserted
	// subordinate clauses
	for x := s - 1; x >= 0; x-- {
		if segs[x+1].hard {
			break
		}
		if segs[x].sub {
			continue
		}
		mark(segs[x])
	}
	// to the right: plain segments that are not an attribution
	for x := s + 1; x < len(segs); x++ {
		if segs[x].hard {
			break
		}
		if segs[x].sub || segs[x].report {
			continue
		}
		mark(segs[x])
	}
	return mask
}

// timeWords are nouns whose phrase is a time adverbial ("in de nacht van
// dinsdag", "on Monday morning"): a preposition governing one does not
// separate a verb from its object.
var timeWords = map[string]bool{
	"night": true, "morning": true, "evening": true, "afternoon": true, "day": true, "days": true,
	"week": true, "weeks": true, "weekend": true, "month": true, "months": true, "year": true, "years": true,
	"hour": true, "hours": true, "time": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
	"nacht": true, "ochtend": true, "morgen": true, "avond": true, "middag": true, "dag": true, "dagen": true,
	"weken": true, "maand": true, "maanden": true, "jaar": true, "jaren": true, "uur": true,
	"maandag": true, "dinsdag": true, "woensdag": true, "donderdag": true, "vrijdag": true, "zaterdag": true, "zondag": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"januari": true, "februari": true, "maart": true, "mei": true, "juni": true, "juli": true,
	"augustus": true, "oktober": true,
}

// prepsBetween counts the prepositions strictly between tokens a and b
// that head a phrase other than a time adverbial: "for the attack on
// Ukraine" puts two between "allowed" and "Ukraine".
func prepsBetween(toks []token, a, b int, timeTok []bool, isVerb func(string) bool) int {
	n := 0
	for k := a + 1; k < b; k++ {
		w := toks[k].low
		if !preps[w] || w == "of" && k > 0 && toks[k-1].low == "out" {
			continue
		}
		if (w == "to" || w == "te") && k+1 < len(toks) && toks[k+1].word && !toks[k+1].cap &&
			!skipBack[toks[k+1].low] && (w == "te" || isVerb(toks[k+1].up) || toks[k+1].low == "be" || toks[k+1].low == "have") {
			continue // an infinitive: "to continue", "om ... te versterken"
		}
		if w == "at" && k+1 < len(toks) && (toks[k+1].low == "least" || toks[k+1].low == "most") {
			continue
		}
		timePP := false
		for x := k + 1; x < b && x <= k+3; x++ {
			if timeWords[toks[x].low] || timeTok != nil && timeTok[x] || toks[x].word && toks[x].text[0] >= '0' && toks[x].text[0] <= '9' {
				timePP = true
				break
			}
			if !skipBack[toks[x].low] && !(toks[x].word && !toks[x].cap) {
				break
			}
		}
		if !timePP {
			n++
		}
	}
	return n
}
