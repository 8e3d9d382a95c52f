package timex

import "strings"

// lexicon holds the words of one language that the grammar looks up. All
// keys are lower case; multi-word keys are phrases matched token by token
// (see phraseTable). A lexicon is read-only once built.
type lexicon struct {
	lang string
	// months maps month names and abbreviations to 1..12; abbrevs marks
	// the abbreviations, which stand alone only inside a full date.
	months  map[string]int
	abbrevs map[string]bool
	// weekdays maps day names to ISO weekday numbers, 1 = Monday; plural
	// or adverbial forms ("Mondays", "maandags") are in weekdaySets.
	weekdays    map[string]int
	weekdaySets phraseTable[int]
	numbers     map[string]int
	// vague are counts without a number: "several", "enkele".
	vague    phraseTable[bool]
	ordinals map[string]int
	// units maps unit words to TIMEX3 unit letters: Y M W D H MIN S DE CE
	// (and Q for quarter, WE for weekend where the word allows it).
	units map[string]unit
	// dayWords: today 0, yesterday -1, ...; dayParts: "tonight" = 0 NI.
	dayWords phraseTable[int]
	dayParts phraseTable[dayPart]
	// dayPrefixes are compound heads of day-part words: "gister" in
	// "gisteravond" (-1), "van" in "vanavond" (0).
	dayPrefixes map[string]int
	partOfDay   map[string]string
	seasons     map[string]string
	// relPre are modifiers before a unit ("last week" = -1); relPost after
	// it ("la semaine dernière").
	relPre  phraseTable[int]
	relPost phraseTable[int]
	// agoPost follows a duration ("two weeks ago"); agoPre precedes it
	// ("vor zwei Wochen" = -1, Dutch "over twee weken" = +1).
	agoPost   phraseTable[bool]
	agoPre    phraseTable[int]
	every     phraseTable[bool]
	setAdverb phraseTable[string]
	refs      phraseTable[string]
	// dateMods and durMods are included in a timex span before a date
	// ("early March", "begin maart") or a duration ("nearly four years").
	dateMods phraseTable[bool]
	durMods  phraseTable[bool]
	articles map[string]bool
	// rangeTo joins two dates of a range; rangeFrom may open it (not part
	// of either span); rangeAnd joins after a rangeBetween opener.
	rangeTo      phraseTable[bool]
	rangeFrom    map[string]bool
	rangeBetween map[string]bool
	rangeAnd     map[string]bool
	// daySuffix follows a day number ("28th", "1er", "28e").
	daySuffix map[string]bool
	// dayOf sits between a day and its month ("the 28th of February").
	dayOf    map[string]bool
	yearOf   map[string]bool
	quarter  map[string]bool
	half     map[string]bool
	weekend  map[string]bool
	century  map[string]bool
	decadeW  map[string]int
	decadeJr map[string]bool   // "jaren" in "jaren negentig"
	timeMark phraseTable[bool] // "uur", "Uhr", "o'clock", "h"
	am, pm   phraseTable[bool]
	noon     phraseTable[string]
	// at introduces a clock time ("om", "at", "um", "à"); not in the span.
	at map[string]bool
	// tense cues.
	future     phraseTable[bool]
	past       map[string]bool
	participle func(w string) bool
	perfectAux map[string]bool
	// passiveAux makes participles in its sentence no past cue.
	passiveAux map[string]bool
	// pastForm recognises regular past-tense forms given the word before.
	pastForm func(w, prev string) bool
	// reporting verbs ("said") are weak tense cues away from the
	// expression; adjPrev words before a participle make it an adjective
	// ("the unspecified date"), no tense cue.
	reporting, adjPrev map[string]bool
	// subordinators open a clause whose tense cues are weak for an
	// expression before them ("that", "because").
	subordinators map[string]bool
	// pastDefault: a weekday without tense cue is the last one (news
	// reports what happened).
	pastDefault bool
	// deadline prepositions before a month or date make its year the
	// nearest, whatever the tense ("was to be repaid by February").
	deadline map[string]bool
	// yearIn are the prepositions that make a bare year the time of the
	// sentence ("in 2019"), so that its day-month dates take that year.
	yearIn map[string]bool
	// presentFuture: a sentence without tense cue speaks of the future
	// (Dutch, German, French present tense for planned events).
	presentFuture bool
}

// unit is a time unit word.
type unit struct {
	code   string // Y M W D H MIN S DE CE
	plural bool
}

// dayPart is a day offset with a part of the day: "tonight" = {0, NI}.
type dayPart struct {
	off  int
	part string
}

// phraseTable maps phrases (sequences of tokens) to values.
type phraseTable[V any] struct {
	byFirst map[string][]phraseEntry[V]
}

type phraseEntry[V any] struct {
	toks []string
	v    V
}

// makePhrases builds a phrase table; phrases are tokenised like text.
func makePhrases[V any](m map[string]V) phraseTable[V] {
	t := phraseTable[V]{byFirst: map[string][]phraseEntry[V]{}}
	for k, v := range m {
		toks := phraseToks(strings.ToLower(k))
		if len(toks) == 0 {
			continue
		}
		t.byFirst[toks[0]] = append(t.byFirst[toks[0]], phraseEntry[V]{toks, v})
	}
	return t
}

// match returns the value of the longest phrase starting at token i and
// the number of tokens it spans.
func (t phraseTable[V]) match(toks []token, i int) (V, int, bool) {
	var best V
	bn := 0
	if i < 0 || i >= len(toks) {
		return best, 0, false
	}
	for _, e := range t.byFirst[toks[i].text] {
		if len(e.toks) <= bn || i+len(e.toks) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.toks); k++ {
			if toks[i+k].text != e.toks[k] {
				ok = false
				break
			}
		}
		if ok {
			best, bn = e.v, len(e.toks)
		}
	}
	return best, bn, bn > 0
}

// has reports whether a phrase of t starts at token i.
func (t phraseTable[V]) has(toks []token, i int) bool {
	_, _, ok := t.match(toks, i)
	return ok
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func phraseSet(words ...string) phraseTable[bool] { return makePhrases(set(words...)) }

// lexicons holds the built lexicons; read-only after package init.
var lexicons = map[string]*lexicon{
	"en": english(),
	"nl": dutch(),
	"de": german(),
	"fr": french(),
}

// lexiconFor returns the lexicon of lang, English for unknown languages.
func lexiconFor(lang string) *lexicon {
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if lx := lexicons[strings.ToLower(lang)]; lx != nil {
		return lx
	}
	return lexicons["en"]
}

// Languages lists the language codes with a lexicon of their own; other
// languages are read with the English one.
func Languages() []string { return []string{"de", "en", "fr", "nl"} }

func numberMap(small []string, tens map[string]int, join func(u, t string) []string) map[string]int {
	m := map[string]int{}
	for i, w := range small {
		if w != "" {
			m[w] = i
		}
	}
	for tw, tv := range tens {
		m[tw] = tv
		if join == nil {
			continue
		}
		for u := 1; u <= 9; u++ {
			for _, f := range join(small[u], tw) {
				m[f] = tv + u
			}
		}
	}
	return m
}
