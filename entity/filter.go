package entity

import (
	"strings"
	"unicode"

	"dateline/analysis"
	"dateline/model"
)

// calendarWords are the folded names of weekdays and months (and their
// usual abbreviations) in the languages the taggers cover. Taggers often
// take a capitalised "Saturday" or "Maandag" for a name. Read-only.
var calendarWords = func() map[string]map[string]bool {
	src := map[string]string{
		"en": "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat " +
			"january february march april may june july august september october november december " +
			"jan feb apr jun jul aug sep sept oct nov dec",
		"nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag " +
			"januari februari maart april mei juni juli augustus september oktober november december " +
			"maandagochtend maandagavond dinsdagochtend dinsdagavond woensdagochtend woensdagavond " +
			"donderdagochtend donderdagavond vrijdagochtend vrijdagavond zaterdagochtend zaterdagavond " +
			"zondagochtend zondagavond",
		"de": "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag " +
			"januar jaenner februar marz april mai juni juli august september oktober november dezember",
		"fr": "lundi mardi mercredi jeudi vendredi samedi dimanche " +
			"janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
		"es": "lunes martes miercoles jueves viernes sabado domingo " +
			"enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
		"it": "lunedi martedi mercoledi giovedi venerdi sabato domenica " +
			"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
	}
	m := map[string]map[string]bool{}
	for l, ws := range src {
		m[l] = map[string]bool{}
		for _, w := range strings.Fields(ws) {
			m[l][w] = true
		}
	}
	return m
}()

// isCalendarWord reports whether the folded word names a weekday or month
// in lang or in English (news in every language quotes English datelines).
func isCalendarWord(lang, fold string) bool {
	return calendarWords[lang][fold] || calendarWords["en"][fold]
}

// spanFilter drops tagger spans that are not names: weekday and month
// names, spans made only of stop words, digits or calendar words, and a
// single capitalised word at the start of a sentence that the text also
// writes in lower case or that is a stop word (a common word capitalised
// by its position: "Daarom", "However"). A name the knowledge base knows
// is never dropped: the gazetteer found it before the tagger's spans are
// read.
type spanFilter struct {
	text   string
	lang   string
	toks   []token
	starts map[int]bool   // byte offsets where sentences start
	lower  map[string]int // folded words written in lower case in the text
}

func newSpanFilter(text string, toks []token, lang string, sents []analysis.Span) *spanFilter {
	f := &spanFilter{text: text, lang: lang, toks: toks, starts: map[int]bool{}, lower: map[string]int{}}
	for _, s := range sents {
		f.starts[s.Start] = true
	}
	for _, t := range toks {
		if !t.upper && t.fold != "" {
			f.lower[t.fold]++
		}
	}
	return f
}

// drop reports whether span s is not a name.
func (f *spanFilter) drop(s model.Mention) bool {
	from, to := tokenRange(f.toks, s.Start, s.End)
	if from >= to {
		return true
	}
	content := 0
	hasUpper := false
	for _, t := range f.toks[from:to] {
		if t.upper {
			hasUpper = true
		}
		if isDigits(t.fold) || isCalendarWord(f.lang, t.fold) || f.stop(t.fold) {
			continue
		}
		content++
	}
	if content == 0 {
		return true
	}
	if !hasUpper && hasCase(f.text[s.Start:s.End]) {
		return true // a lower-case span in a cased script is no name
	}
	if to-from == 1 {
		t := f.toks[from]
		if len([]rune(t.fold)) < 2 {
			return true
		}
		if f.sentenceInitial(t.start) && !t.allCaps && f.lower[t.fold] > 0 {
			return true
		}
	}
	return false
}

func (f *spanFilter) stop(fold string) bool {
	return analysis.IsStopWord(f.lang, fold) || analysis.IsStopWord("en", fold)
}

// sentenceInitial reports whether the word at byte off begins its
// sentence (only quotes and brackets before it).
func (f *spanFilter) sentenceInitial(off int) bool {
	i := off
	for i > 0 {
		c := f.text[i-1]
		if c == '"' || c == '\'' || c == '(' || c == '[' {
			i--
			continue
		}
		break
	}
	if f.starts[i] {
		return true
	}
	// Typographic opening quotes (multi-byte).
	for _, q := range []string{"“", "„", "«", "‘", "« "} {
		if strings.HasSuffix(f.text[:off], q) && f.starts[off-len(q)] {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hasCase reports whether s has a letter of a script with case.
func hasCase(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && (unicode.IsUpper(r) || unicode.IsLower(r)) && unicode.ToUpper(r) != unicode.ToLower(r) {
			return true
		}
	}
	return false
}
