package timex

import (
	"fmt"
	"strconv"
	"time"
)

// Reporting-period and narrative references, as TimeML annotates them in
// news: a company report speaks of "the quarter", "the latest period",
// "the year-ago quarter" and compares with "a year earlier", all of which
// name the reported fiscal quarter (or the one a year before it); a
// narrative names "that year" or "the following year" relative to the
// last year it mentioned.

// quarterRef returns the reporting quarter as of token i: the last quarter
// of the anchor's year (or the year before) that the text named, else
// the last complete quarter before the anchor. ok is false without an
// anchor.
func (s *scanner) quarterRef() (y, q int, ok bool) {
	if !s.anchored {
		return 0, 0, false
	}
	if s.refQY != 0 {
		return s.refQY, s.refQ, true
	}
	y, q = s.anchor.Year(), (int(s.anchor.Month())-1)/3
	if q == 0 {
		y, q = y-1, 4
	}
	return y, q, true
}

// quarterContext reports whether the text speaks of fiscal quarters, so
// that "a year ago" compares with the same quarter of the year before.
func (s *scanner) quarterContext() bool { return s.quarterWords > 0 }

// quarterValue formats a quarter, XXXX-QX parts when unknown.
func quarterValue(y, q int) string {
	if q == 0 {
		return fmtYear(y) + "-QX"
	}
	return fmt.Sprintf("%s-Q%d", fmtYear(y), q)
}

// yearAgo reads "year-ago", "year-earlier" (tokens year - ago) at i and
// returns the token after it.
func (s *scanner) yearAgo(i int) (int, bool) {
	if s.is(i, "year") && s.is(i+1, "-") && (s.is(i+2, "ago") || s.is(i+2, "earlier")) && s.adj(i+1) && s.adj(i+2) {
		return i + 3, true
	}
	return 0, false
}

// periodExpr reads the reporting-period idioms of business news: "the
// quarter", "the latest quarter", "the latest period", "the year-ago
// quarter", "the comparable year-earlier period", "year-earlier"
// (before a noun), "the year-ago third quarter", "the 1988 quarter",
// "the 1988 second quarter", "the year ended Sept. 30", "the full year".
func (s *scanner) periodExpr(i int) (piece, bool) {
	if s.lx.lang != "en" {
		return piece{}, false
	}
	if p, ok := s.yearEnd(i); ok {
		return p, true
	}
	if s.is(i, "year") {
		// "the year 2000", "the year two thousand"
		if y, n := s.yearAt(i + 1); n > 0 {
			return piece{end: i + 1 + n, typ: Date, value: fmtYear(y), articleOK: true}, true
		}
	}
	j := i
	if s.is(j, "comparable") || s.is(j, "corresponding") || s.is(j, "same") {
		j++
	}
	// year-ago [third] quarter|period
	if k, ok := s.yearAgo(j); ok {
		y, q, anch := s.quarterRef()
		if !anch {
			return piece{end: k, typ: Date, value: "XXXX", articleOK: true}, true
		}
		if oq, n, ok := s.ordinal(k); ok && oq >= 1 && oq <= 4 {
			kk := k + n
			if s.is(kk, "-") {
				kk++
			}
			if s.lx.quarter[s.word(kk)] {
				return piece{end: kk + 1, typ: Date, value: quarterValue(s.anchor.Year()-1, oq), articleOK: true}, true
			}
		}
		if s.is(k, "quarter") || s.is(k, "period") {
			return piece{end: k + 1, typ: Date, value: quarterValue(y-1, q), articleOK: true}, true
		}
		if _, _, _, ok := s.count(k); ok {
			return piece{}, false // "the year-earlier nine months": the duration
		}
		if s.quarterContext() {
			return piece{end: k, typ: Date, value: quarterValue(y-1, q), articleOK: true}, true
		}
		return piece{end: k, typ: Date, value: fmtYear(s.anchor.Year() - 1), articleOK: true}, true
	}
	if !s.is(i-1, "the") && !s.is(i-1, "its") {
		return piece{}, false
	}
	// the [latest|most recent|current] quarter|period
	k := i
	cur := false
	switch {
	case s.is(k, "latest") || s.is(k, "recent"):
		k++
	case s.is(k, "most") && s.is(k+1, "recent"):
		k += 2
	case s.is(k, "current"):
		cur = true
		k++
	}
	if s.is(k, "fiscal") {
		k++
	}
	if (s.is(k, "quarter") || s.is(k, "period") && k > i) && !s.is(k+1, "-") {
		if y, q, ok := s.quarterEnded(k + 1); ok && s.is(k, "quarter") {
			// "the quarter ended Sept. 30": the calendar quarter that
			// holds most of the three months before that day
			return piece{end: k + 1, typ: Date, value: quarterValue(y, q), articleOK: true}, true
		}
		y, q, ok := s.quarterRef()
		if !ok {
			return piece{end: k + 1, typ: Date, value: "XXXX-QX", articleOK: true}, true
		}
		if cur {
			y, q = s.anchor.Year(), (int(s.anchor.Month())-1)/3+1
		}
		if s.is(k, "period") && !s.quarterContext() {
			return piece{}, false
		}
		return piece{end: k + 1, typ: Date, value: quarterValue(y, q), articleOK: true}, true
	}
	// the 1988 [second] quarter|period
	if v, l, ok := s.digits(i); ok && l == 4 && v >= 1900 && v < 2100 {
		k := i + 1
		if oq, n, ok := s.ordinal(k); ok && oq >= 1 && oq <= 4 {
			kk := k + n
			if s.is(kk, "-") {
				kk++
			}
			if s.lx.quarter[s.word(kk)] {
				return piece{end: kk + 1, typ: Date, value: quarterValue(v, oq), articleOK: true}, true
			}
		}
		if s.is(k, "quarter") || s.is(k, "period") && s.quarterContext() {
			_, q, _ := s.quarterRef()
			return piece{end: k + 1, typ: Date, value: quarterValue(v, q), articleOK: true}, true
		}
		if s.is(k, "period") {
			return piece{end: k + 1, typ: Date, value: strconv.Itoa(v), articleOK: true}, true
		}
	}
	// the [fiscal] year ended|ending ...: a year's duration; the full year:
	// the current year
	k = i
	if s.is(k, "fiscal") {
		k++
	}
	if s.is(k, "year") && (s.is(k+1, "ended") || s.is(k+1, "ending")) {
		return piece{end: k + 1, typ: Duration, value: "P1Y", articleOK: true}, true
	}
	if s.is(i, "full") && s.is(i+1, "year") && s.anchored {
		return piece{end: i + 2, typ: Date, value: fmtYear(s.anchor.Year()), articleOK: true}, true
	}
	if s.is(i, "new") && s.is(i+1, "year") && s.is(i-1, "the") && !s.toks[i].upper() && !s.toks[i+1].upper() && !s.is(i+2, "'") {
		// "into the new year": the next year (not the holiday "New Year")
		return s.relUnit("Y", 1, i+2, true)
	}
	return s.thePeriod(i)
}

// thePeriodPrep are the prepositions before "the year", "the week", "the
// month" that make it the period the text speaks of: "for the year",
// "the first nine months of the year", "earlier in the year".
var thePeriodPrep = set("for", "of", "in", "during", "throughout", "through")

// thePeriodStop are the words after "the year" that make it another
// period: "the year before", "the year ended Sept. 30", "the year since
// the attack", "the year in which".
var thePeriodStop = set("before", "after", "since", "when", "that", "in", "to", "which", "ago", "earlier", "later", "ended", "ending",
	"of", "-", "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "following", "prior", "between", "from")

// thePeriod reads a bare "the year", "the week", "the month" after a
// preposition (TimeML marks them as the DATE of the current period,
// TimeBank every time): the year the sentence has named, else the
// anchor's; the week or month of the day the text just named, else the
// anchor's.
func (s *scanner) thePeriod(i int) (piece, bool) {
	w := s.word(i)
	if w != "year" && w != "week" && w != "month" || !s.is(i-1, "the") || !thePeriodPrep[s.word(i-2)] || thePeriodStop[s.word(i+1)] ||
		s.toks[i].upper() {
		return piece{}, false
	}
	if i+1 < len(s.toks) && s.toks[i+1].kind == kNum {
		return piece{}, false // "the year 2000" is read elsewhere
	}
	if !s.anchored {
		return piece{end: i + 1, typ: Date, value: unknown(map[string]string{"year": "Y", "week": "W", "month": "M"}[w]), articleOK: true}, true
	}
	t := s.anchor
	if s.lastDay != "" && s.sent[i]-s.lastDaySent <= 1 {
		if d, err := time.Parse("2006-01-02", s.lastDay); err == nil {
			t = d
		}
	}
	v := ""
	switch w {
	case "year":
		v = fmtYear(t.Year())
		if y, ok := s.sentYear[s.sent[i]]; ok && s.sentYearTok[s.sent[i]] < i {
			v = fmtYear(y)
		}
	case "week":
		v = fmtWeek(t)
	case "month":
		v = fmtYM(t.Year(), int(t.Month()))
	}
	return piece{end: i + 1, typ: Date, value: v, articleOK: true}, true
}

// narrativeYear reads "that year", "the following year", "the previous
// year": relative to the last year the text named, else to the anchor.
func (s *scanner) narrativeYear(i int) (piece, bool) {
	if p, ok := s.narrativeDay(i); ok {
		return p, true
	}
	off := 0
	k := i
	switch {
	case s.is(i, "that") && s.lastYear != 0:
		k++
	case s.is(i, "the") && (s.is(i+1, "following") || s.is(i+1, "next")) && s.lastYear != 0:
		off, k = 1, i+2
	case s.is(i, "the") && (s.is(i+1, "previous") || s.is(i+1, "preceding")) && s.lastYear != 0:
		off, k = -1, i+2
	case s.is(i, "the") && (s.is(i+1, "following") || s.is(i+1, "previous") || s.is(i+1, "preceding")):
		// no year named yet: the anchor's neighbours
		if !s.is(i+2, "year") {
			return piece{}, false
		}
		o := 1
		if !s.is(i+1, "following") {
			o = -1
		}
		return s.relUnit("Y", o, i+3, false)
	default:
		return piece{}, false
	}
	if !s.is(k, "year") || s.lx.lang != "en" {
		return piece{}, false
	}
	if s.is(k+1, "'") || s.is(k+1, "-") && s.adj(k+1) {
		return piece{}, false
	}
	return piece{end: k + 1, typ: Date, value: fmtYear(s.lastYear + off)}, true
}

// yearEnd reads "year-end", "year end", "year's end": the end of the
// anchor's year (mod END), the year before after "since".
func (s *scanner) yearEnd(i int) (piece, bool) {
	if !s.is(i, "year") {
		return piece{}, false
	}
	k := i + 1
	switch {
	case s.is(k, "-") && s.adj(k) && s.is(k+1, "end") && s.adj(k+1):
		k += 2
	case s.is(k, "end"):
		k++
	case s.is(k, "'") && s.is(k+1, "s") && s.is(k+2, "end"):
		k += 3
	default:
		return piece{}, false
	}
	v := "XXXX"
	if s.anchored {
		y := s.anchor.Year()
		if sincePrep[s.word(i-1)] {
			y--
		}
		v = fmtYear(y)
	}
	return piece{end: k, typ: Date, value: v, articleOK: true}, true
}

// quarterEnded reads "ended|ending <day> [year]" at i and returns the
// calendar quarter that holds most of the three months up to that day.
func (s *scanner) quarterEnded(i int) (y, q int, ok bool) {
	if !s.is(i, "ended") && !s.is(i, "ending") {
		return 0, 0, false
	}
	c, _, known, ok := s.calendar(i + 1)
	if !ok || c.d == 0 {
		return 0, 0, false
	}
	if !known {
		if !s.anchored {
			return 0, 0, false
		}
		c.y = yearFor(s.anchor, c.m, c.d, -1)
	}
	mid := day(c.y, c.m, c.d).AddDate(0, 0, -45)
	return mid.Year(), (int(mid.Month())-1)/3 + 1, true
}

// narrativeDay reads "the next day", "the following day", "the previous
// day", "that day", "the same day", "the following week", "the
// following month", "the previous month": relative to the last day (or
// month) the text named, as TimeML anchors them, else to the anchor.
// "over the next day" stays a duration.
func (s *scanner) narrativeDay(i int) (piece, bool) {
	if s.lx.lang != "en" {
		return piece{}, false
	}
	off, k := 0, i
	switch {
	case s.is(i, "that") || s.is(i, "the") && s.is(i+1, "same"):
		k = i + 1
		if s.is(i, "the") {
			k++
		}
		if !s.is(k, "day") || s.lastDay == "" {
			return piece{}, false // "that week" is left to the anchor's rules
		}
	case s.is(i, "the") && (s.is(i+1, "following") || s.is(i+1, "next")):
		off, k = 1, i+2
	case s.is(i, "the") && (s.is(i+1, "previous") || s.is(i+1, "preceding")):
		off, k = -1, i+2
	default:
		return piece{}, false
	}
	u := s.word(k)
	if u != "day" && u != "week" && u != "month" || s.is(k+1, "-") || s.is(k+1, "'") || durationPrep[s.word(i-1)] {
		return piece{}, false
	}
	if s.is(i+1, "next") && u != "day" {
		return piece{}, false // "the next week": the anchor's next week, read elsewhere
	}
	if !s.anchored {
		return piece{}, false
	}
	base := s.anchor
	if u == "month" && s.lastMonth != "" {
		if t, err := time.Parse("2006-01", s.lastMonth); err == nil {
			base = t
		}
	} else if s.lastDay != "" {
		if t, err := time.Parse("2006-01-02", s.lastDay); err == nil {
			base = t
		}
	}
	v := ""
	switch u {
	case "day":
		v = fmtDate(base.AddDate(0, 0, off))
	case "week":
		v = fmtWeek(base.AddDate(0, 0, 7*off))
	case "month":
		v = fmtYM(base.AddDate(0, off, 0).Year(), int(base.AddDate(0, off, 0).Month()))
	}
	return piece{end: k + 1, typ: Date, value: v}, true
}

// durationPrep before "the next day" make it a stretch of time ("over
// the next day or two").
var durationPrep = set("over", "for", "within", "during", "throughout")
