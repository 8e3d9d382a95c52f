package timex

import "time"

// holiday is a named day: a fixed month and day, or a rule computing it
// for a year.
type holiday struct {
	m, d int
	rule func(y int) time.Time
}

// holidays maps holiday names (phrases, lower case) to their day. The
// names are English and Dutch; fixed dates and the rules of the
// Gregorian Easter and of the American federal holidays.
var holidays = makePhrases(map[string]holiday{
	"christmas": {m: 12, d: 25}, "christmas day": {m: 12, d: 25}, "christmas eve": {m: 12, d: 24},
	"new year's day": {m: 1, d: 1}, "new year's eve": {m: 12, d: 31}, "boxing day": {m: 12, d: 26},
	"independence day": {m: 7, d: 4}, "the fourth of july": {m: 7, d: 4}, "valentine's day": {m: 2, d: 14},
	"halloween": {m: 10, d: 31}, "veterans day": {m: 11, d: 11}, "armistice day": {m: 11, d: 11},
	"may day": {m: 5, d: 1}, "bastille day": {m: 7, d: 14}, "st. patrick's day": {m: 3, d: 17},
	"easter": {rule: easter}, "easter sunday": {rule: easter}, "easter monday": {rule: func(y int) time.Time { return easter(y).AddDate(0, 0, 1) }},
	"good friday":            {rule: func(y int) time.Time { return easter(y).AddDate(0, 0, -2) }},
	"thanksgiving":           {rule: func(y int) time.Time { return nthWeekday(y, 11, 4, 4) }},
	"thanksgiving day":       {rule: func(y int) time.Time { return nthWeekday(y, 11, 4, 4) }},
	"labor day":              {rule: func(y int) time.Time { return nthWeekday(y, 9, 1, 1) }},
	"memorial day":           {rule: func(y int) time.Time { return nthWeekday(y, 6, 1, 1).AddDate(0, 0, -7) }},
	"martin luther king day": {rule: func(y int) time.Time { return nthWeekday(y, 1, 1, 3) }},
	"presidents' day":        {rule: func(y int) time.Time { return nthWeekday(y, 2, 1, 3) }},
	"election day":           {rule: func(y int) time.Time { return nthWeekday(y, 11, 1, 1).AddDate(0, 0, 1) }},
	"kerstmis":               {m: 12, d: 25}, "eerste kerstdag": {m: 12, d: 25}, "tweede kerstdag": {m: 12, d: 26},
	"kerstavond": {m: 12, d: 24}, "nieuwjaarsdag": {m: 1, d: 1}, "oudejaarsavond": {m: 12, d: 31},
	"oudjaarsavond": {m: 12, d: 31}, "koningsdag": {m: 4, d: 27}, "bevrijdingsdag": {m: 5, d: 5},
	"pasen": {rule: easter}, "eerste paasdag": {rule: easter}, "tweede paasdag": {rule: func(y int) time.Time { return easter(y).AddDate(0, 0, 1) }},
	"goede vrijdag": {rule: func(y int) time.Time { return easter(y).AddDate(0, 0, -2) }},
})

// easter returns Easter Sunday of year y (Gregorian, anonymous
// algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return day(y, month, (h+l-7*m+114)%31+1)
}

// nthWeekday returns the n-th ISO weekday wd of month m in year y.
func nthWeekday(y, m, wd, n int) time.Time {
	t := day(y, m, 1)
	for isoWeekday(t) != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// holidayExpr reads a holiday name, optionally with a year ("Christmas
// 1998", "Easter of 2021"): the year from the anchor in the direction of
// the sentence's tense when none is given.
func (s *scanner) holidayExpr(i int) (piece, bool) {
	h, n, ok := holidays.match(s.toks, i)
	if !ok || (s.lx.lang == "en" && !s.toks[i].upper() && s.word(i) != "the") {
		return piece{}, false
	}
	k := i + n
	y := 0
	kk := k
	if s.is(kk, "of") || s.is(kk, ",") {
		kk++
	}
	if yy, yn := s.yearAt(kk); yn > 0 {
		y, k = yy, kk+yn
	}
	at := func(y int) time.Time {
		if h.rule != nil {
			return h.rule(y)
		}
		return day(y, h.m, h.d)
	}
	if y == 0 {
		if !s.anchored {
			if h.rule != nil {
				return piece{end: k, typ: Date, value: "XXXX-XX-XX"}, true
			}
			return piece{end: k, typ: Date, value: fmtYMD(0, h.m, h.d)}, true
		}
		t := at(s.anchor.Year())
		y = yearFor(s.anchor, int(t.Month()), t.Day(), s.tense(i))
	}
	return piece{end: k, typ: Date, value: fmtDate(at(y)), articleOK: true}, true
}
