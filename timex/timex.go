// Package timex finds time expressions in news text and normalises them
// to TIMEX3 values: "zaterdag" in a past-tense sentence of an article
// published on Saturday 25 February 2023 becomes the DATE 2023-02-25,
// "volgende week" 2023-W09, "in september vorig jaar" 2022-09, "van 28
// februari tot en met 2 maart" the range 2023-02-28 .. 2023-03-02,
// "ruim negen maanden" the DURATION P9M, "om 15.00 uur" the TIME
// 2023-02-25T15:00 and "elke week" the SET P1W.
//
// It is a rule grammar over word tokens with a lexicon per language
// (Dutch, English, German, French; other languages use English). Relative
// expressions are resolved against an anchor, normally the article's
// publication date; the tense of the sentence decides the direction of a
// bare weekday or month (the last one before the anchor in a past-tense
// sentence, the next one in a future-tense sentence, the nearest when the
// sentence gives no cue). Without an anchor the unknown parts stay
// unknown: "28 februari" is XXXX-02-28 and "zaterdag" XXXX-WXX-6, with
// Anchored false.
package timex

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"dateline/analysis"
	"dateline/model"
)

// TIMEX3 types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Extractor finds and normalises time expressions. The zero value is
// ready to use and reports ranges as one Timex with an EndValue.
type Extractor struct {
	// SplitRanges reports each end of a range ("from February 28 to March
	// 2") as a Timex of its own, the way TimeML annotates ranges; EndValue
	// is then never set.
	SplitRanges bool
}

// Extract finds the time expressions of text in language lang, resolving
// relative ones against anchor (zero when unknown), with the zero
// Extractor's settings.
func Extract(text, lang string, anchor model.Time) []model.Timex {
	return Extractor{}.Extract(text, lang, anchor)
}

// Extract finds the time expressions of text in language lang (an ISO
// 639-1 code), resolving relative ones against anchor (zero when
// unknown). Start and End are byte offsets into text, Sentence the index
// of the sentence as analysis.Sentences splits it. The timexes come in
// text order and never overlap. Anchored is false when the value keeps a
// part that only an anchor could fill (XXXX-02-28).
func (x Extractor) Extract(text, lang string, anchor model.Time) []model.Timex {
	s := newScanner(text, lang, anchor)
	var out []model.Timex
	for i := 0; i < len(s.toks); {
		p, ok := s.matchAt(i, 0)
		if !ok || p.end <= i {
			i++
			continue
		}
		out = append(out, s.emit(i, p, x.SplitRanges)...)
		s.note(i, p)
		s.prevEnd, s.prevValue = p.end, p.value
		if p.endValue != "" {
			s.prevValue = p.endValue
		}
		i = p.end
	}
	return out
}

// scanner is the state of one Extract call.
type scanner struct {
	lx       *lexicon
	text     string
	toks     []token
	anchor   time.Time
	anchored bool
	// sent is the sentence index of each token; sentStart and sentEnd the
	// token range of each sentence.
	sent               []int
	sentStart, sentEnd []int
	// sentYear is the year a sentence has named so far ("vorig jaar",
	// "in 2019"); lastDay the last day-level date and its sentence: the
	// anchors the text itself sets for what follows.
	sentYear    map[int]int
	sentYearTok map[int]int // the token where sentYear was named
	lastDay     string
	lastDaySent int
	// lastMonth is the last month-level (or finer) date with a known
	// year: "the following month" goes on from it.
	lastMonth string
	// lastYear is the year of the last DATE with a known year; refQY and
	// refQ the reporting quarter the text last named ("third-quarter
	// profit"); quarterWords counts the text's words for quarters.
	lastYear     int
	refQY, refQ  int
	quarterWords int
	// prevEnd and prevValue are the end token and value of the last
	// expression found: "late Thursday or early Friday" goes on from it.
	prevEnd   int
	prevValue string
}

func newScanner(text, lang string, anchor model.Time) *scanner {
	s := &scanner{lx: lexiconFor(lang), text: text, toks: tokenize(text), sentYear: map[int]int{}, sentYearTok: map[int]int{}}
	if !anchor.IsZero() {
		a := anchor.Time
		s.anchor = time.Date(a.Year(), a.Month(), a.Day(), a.Hour(), a.Minute(), 0, 0, time.UTC)
		s.anchored = true
	}
	for i, t := range s.toks {
		// not "quarter-century", "three-quarters", "a quarter of"
		if (t.text == "quarter" || t.text == "quarterly" || t.text == "quarters") && !(i+1 < len(s.toks) && s.toks[i+1].text == "-") &&
			!(i > 0 && (t.text == "quarters" && s.toks[i-1].text == "-" || s.toks[i-1].text == "a")) {
			s.quarterWords++
		}
	}
	spans := analysis.Sentences(text, lang)
	s.sent = make([]int, len(s.toks))
	k := 0
	for i, t := range s.toks {
		for k < len(spans)-1 && t.start >= spans[k].End {
			k++
		}
		s.sent[i] = k
	}
	n := 0
	if len(s.toks) > 0 {
		n = s.sent[len(s.toks)-1] + 1
	}
	s.sentStart = make([]int, n)
	s.sentEnd = make([]int, n)
	for i := len(s.toks) - 1; i >= 0; i-- {
		s.sentStart[s.sent[i]] = i
	}
	for i := range s.toks {
		s.sentEnd[s.sent[i]] = i + 1
	}
	return s
}

// emit turns a matched piece starting at token i into Timexes.
func (s *scanner) emit(i int, p piece, split bool) []model.Timex {
	mk := func(a, b int, typ, v, ev string) model.Timex {
		st, en := s.toks[a].start, s.toks[b-1].end
		return model.Timex{Text: s.text[st:en], Type: typ, Value: v, EndValue: ev, Start: st, End: en,
			Sentence: s.sent[a], Anchored: !((typ == Date || typ == Time) && strings.HasPrefix(v, "X"))}
	}
	if p.endValue != "" && split && p.r1end > i && p.r2start < p.end {
		return []model.Timex{mk(i, p.r1end, p.typ, p.value, ""), mk(p.r2start, p.end, p.typ, p.endValue, "")}
	}
	return []model.Timex{mk(i, p.end, p.typ, p.value, p.endValue)}
}

// note records the anchors a match sets for the text after it.
func (s *scanner) note(i int, p piece) {
	if p.typ != Date {
		return
	}
	v := p.value
	if p.endValue != "" {
		v = p.endValue
	}
	if len(v) == 4 && v[0] != 'X' && (s.toks[i].kind != kNum || s.lx.yearIn[s.word(i-1)]) {
		// "last year", "in 2019": the year the sentence speaks of (not
		// "since 1987", which starts a period)
		if y, err := strconv.Atoi(v); err == nil {
			s.sentYear[s.sent[i]] = y
			s.sentYearTok[s.sent[i]] = i
		}
	}
	if len(v) >= 4 && v[0] != 'X' {
		if y, err := strconv.Atoi(v[:4]); err == nil {
			s.lastYear = y
		}
	}
	if len(v) == 7 && v[5] == 'Q' && v[0] != 'X' && s.anchored {
		y, _ := strconv.Atoi(v[:4])
		q := int(v[6] - '0')
		// only a complete quarter is reported on
		if cur := s.anchor.Year()*4 + (int(s.anchor.Month())-1)/3; y*4+q-1 < cur && y*4+q-1 >= cur-4 {
			s.refQY, s.refQ = y, q
		}
	}
	if len(v) >= 7 && v[0] != 'X' && v[4] == '-' && v[5] >= '0' && v[5] <= '1' && v[6] != 'X' {
		s.lastMonth = v[:7]
	}
	if len(v) == 10 && v[0] != 'X' && v[4] == '-' && v[7] == '-' {
		s.lastDay, s.lastDaySent = v, s.sent[i]
	}
}

// tense returns the direction the sentence around token i points to: -1
// past, +1 future, 0 when no cue is found. The nearest cue wins; at equal
// distance the one before the token.
func (s *scanner) tense(i int) int {
	if i >= len(s.toks) {
		return 0
	}
	k := s.sent[i]
	lo, hi := s.sentStart[k], s.sentEnd[k]
	// The clause of the expression (between commas, semicolons,
	// parentheses) speaks first: "The conference, which opened on Monday,
	// will last four days".
	clo, chi := i, i+1
	for clo > lo && !clauseBreak[s.toks[clo-1].text] {
		clo--
	}
	for chi < hi && !clauseBreak[s.toks[chi].text] {
		chi++
	}
	if v := s.tenseIn(i, clo, chi); v != 0 {
		return v
	}
	if v := s.tenseIn(i, lo, hi); v != 0 {
		return v
	}
	if s.lx.presentFuture {
		return 1
	}
	return 0
}

// clauseBreak are the punctuation marks that end a clause for tense().
var clauseBreak = set(",", ";", "(", ")", ":")

// tenseIn returns the tense cue nearest to token i within tokens [lo,
// hi), 0 when there is none.
func (s *scanner) tenseIn(i, lo, hi int) int {
	weak := 0
	// A cue after a subordinating word that follows the expression
	// belongs to another clause ("told a news conference on Tuesday that
	// the blockade might be widened"): weak.
	sub := hi
	for j := i + 1; j < hi; j++ {
		if s.lx.subordinators[s.toks[j].text] {
			sub = j
			break
		}
	}
	for d := 1; d < hi-lo; d++ {
		for _, j := range [2]int{i - d, i + d} {
			if j < lo || j >= hi {
				continue
			}
			v := s.cue(j)
			if v == 0 {
				continue
			}
			// A reporting verb ("said", "told") some way off tells the
			// time of the report, not of what is reported ("said the
			// dividend is payable Jan. 2"); next to the expression it is
			// the event ("said Tuesday").
			if d > 2 && s.lx.reporting[s.toks[j].text] || j > sub {
				if weak == 0 {
					weak = v
				}
				continue
			}
			return v
		}
	}
	return weak
}

// cue returns the tense cue of token j: +1 future, -1 past, 0 none.
func (s *scanner) cue(j int) int {
	t := s.toks[j]
	if t.kind != kWord && t.text != "'" {
		return 0
	}
	if _, _, ok := s.lx.future.match(s.toks, j); ok {
		return 1
	}
	if s.lx.past[t.text] && !(s.lx.lang == "en" && presentPassive[s.word(j-1)] && !pastAux[t.text]) ||
		s.lx.pastForm != nil && !t.upper() && s.lx.pastForm(t.text, s.word(j-1)) {
		// not "are not going to be left", "is held": a participle
		return -1
	}
	if s.lx.participle != nil && s.lx.participle(t.text) && !s.passive(j) && !s.lx.adjPrev[s.word(j-1)] &&
		!(s.lx.lang == "en" && s.is(j+1, "by")) { // "markets untouched by the crisis": passive

		return -1
	}
	if s.lx.perfectAux[t.text] {
		// "is vertrokken", "est arrivé": past when a participle follows.
		k := s.sent[j]
		for m := j + 1; m < s.sentEnd[k] && m < j+8; m++ {
			if s.lx.participle != nil && s.lx.participle(s.toks[m].text) {
				return -1
			}
		}
	}
	return 0
}

// presentPassive are the English words before a participle that make it
// no past tense ("to be left", "is held", "are sold").
var presentPassive = set("be", "being", "is", "are", "am", "to", "get", "gets")

// pastAux are the English past forms that stay past after any word.
var pastAux = set("was", "were", "had", "did", "said", "told", "ago", "yesterday", "earlier", "last")

// passive reports whether the sentence of token j has a passive or
// future auxiliary ("wordt ... gevormd"), which makes a participle no
// past-tense cue.
func (s *scanner) passive(j int) bool {
	k := s.sent[j]
	for m := s.sentStart[k]; m < s.sentEnd[k]; m++ {
		if s.lx.passiveAux[s.toks[m].text] {
			return true
		}
	}
	return false
}

// ForSpan returns the timex that best dates something said in the byte
// span [start, end) of sentence sentence: a DATE or TIME of that
// sentence (not a vague PRESENT_REF and the like), preferring one inside
// the span, then the nearest to it. ok is false when the sentence has
// none.
func ForSpan(timexes []model.Timex, sentence, start, end int) (model.Timex, bool) {
	type cand struct {
		t    model.Timex
		dist int
	}
	var cs []cand
	for _, t := range timexes {
		if t.Sentence != sentence || (t.Type != Date && t.Type != Time) || strings.HasSuffix(t.Value, "_REF") {
			continue
		}
		d := 0
		switch {
		case t.End <= start:
			d = start - t.End
		case t.Start >= end:
			d = t.Start - end
		}
		cs = append(cs, cand{t, d})
	}
	if len(cs) == 0 {
		return model.Timex{}, false
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].dist < cs[b].dist })
	return cs[0].t, true
}
