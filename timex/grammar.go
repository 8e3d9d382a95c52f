package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// piece is a match of the grammar: the token after its end, its TIMEX3
// type and value, and for ranges the end value and the token bounds of
// the two halves.
type piece struct {
	end                  int
	typ, value, endValue string
	r1end, r2start       int
	// articleOK lets an article precede the match inside the span ("the
	// weekend", "de zomer"); durOK lets a duration modifier precede it
	// ("nearly four years", "ruim drie jaar geleden").
	articleOK, durOK bool
}

// matchAt returns the longest match starting at token i.
func (s *scanner) matchAt(i, depth int) (piece, bool) {
	var best piece
	found := false
	if i >= len(s.toks) {
		return best, false
	}
	try := func(p piece, ok bool) {
		if ok && p.end > i && (!found || p.end > best.end) {
			best, found = p, true
		}
	}
	try(s.narrativeYear(i))
	try(s.periodExpr(i))
	try(s.calendarRange(i))
	try(s.numericDate(i))
	try(s.weekdayExpr(i))
	try(s.dayWordExpr(i))
	try(s.relative(i))
	try(s.clockExpr(i))
	try(s.durationExpr(i))
	try(s.setExpr(i))
	try(s.refExpr(i))
	try(s.decade(i))
	try(s.centuryExpr(i))
	try(s.quarterExpr(i))
	try(s.seasonExpr(i))
	try(s.weekendExpr(i))
	try(s.nightOf(i))
	try(s.partExpr(i))
	try(s.holidayExpr(i))
	if depth >= 3 {
		return best, found
	}
	if s.lx.articles[s.toks[i].text] {
		j := i + 1
		if s.is(j, "'") {
			j++
		}
		if p, ok := s.matchAt(j, depth+1); ok && p.articleOK {
			try(p, true)
		}
	}
	if _, n, ok := s.lx.dateMods.match(s.toks, i); ok {
		if s.is(i+n, "-") {
			n++
		}
		if p, ok := s.matchAt(i+n, depth+1); ok && (p.typ == Date || p.typ == Time) && !strings.HasSuffix(p.value, "_REF") {
			p.durOK = false
			try(p, true)
		} else if code, ok := s.unitAt(i + n + 1); ok && s.lx.articles[s.word(i+n)] && (code == "Y" || code == "M" || code == "W") {
			// "the end of the year", "eind van de maand"
			p, _ := s.relUnit(code, 0, i+n+2, false)
			try(p, true)
		} else if w := s.word(i); (w == "earlier" || w == "later") && s.is(i+n, "in") && s.is(i+n+1, "the") {
			// "earlier in the year": the whole phrase
			if p, ok := s.thePeriod(i + n + 2); ok {
				try(p, true)
			}
		}
	}
	if _, n, ok := s.lx.durMods.match(s.toks, i); ok {
		if p, ok := s.matchAt(i+n, depth+1); ok && p.durOK {
			try(p, true)
		} else if _, ye := s.yearEnd(i + n); ye {
			// "around year end": a date, handled with the date modifiers
		} else if u, ok := s.lx.units[s.word(i+n)]; ok && u.code != "S" && !(s.lx.lang == "en" && s.toks[i+n].upper()) {
			// "the past year", "de afgelopen week": one unit long;
			// "de afgelopen maanden": some.
			c := 1
			if u.plural {
				c = -1
			}
			if w := s.word(i + n - 1); !u.plural && (u.code == "Y" || u.code == "DE") && (w == "past" || w == "last") && s.lx.lang == "en" {
				// "in the past year", "the last decade": TimeML dates
				// the unit before the anchor's
				p, _ := s.relUnit(u.code, -1, i+n+1, false)
				try(p, true)
			} else {
				try(piece{end: i + n + 1, typ: Duration, value: duration(c, u.code, false)}, true)
			}
		}
	}
	return best, found
}

// Token helpers.

func (s *scanner) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].text
}

func (s *scanner) is(i int, w string) bool { return s.word(i) == w }

// adj reports whether token i directly follows token i-1 (no space).
func (s *scanner) adj(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].start == s.toks[i-1].end
}

func (s *scanner) digits(i int) (int, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != kNum || len(s.toks[i].text) > 6 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(s.toks[i].text)
	return v, len(s.toks[i].text), err == nil
}

// num reads a number at i: digits or number words ("twenty-four",
// "twenty four", "vierentwintig"). It returns the value and token count;
// word reports a number word.
func (s *scanner) num(i int) (v, n int, word, ok bool) {
	if d, _, ok := s.digits(i); ok {
		if s.is(i+1, ",") || (s.is(i+1, ".") && s.adj(i+1) && s.toks[min(i+2, len(s.toks)-1)].kind == kNum && s.adj(i+2)) {
			return 0, 0, false, false // 1,000 or 2.5 or a clock time
		}
		return d, 1, false, true
	}
	v, ok = s.lx.numbers[s.word(i)]
	if !ok {
		return 0, 0, false, false
	}
	n = 1
	if v == 1 {
		if m, ok := s.lx.numbers[s.word(i+1)]; ok && (m == 100 || m == 12) { // "a hundred", "a dozen"
			return m, 2, true, true
		}
	}
	if v >= 20 && v%10 == 0 && v < 100 { // "twenty four", "twenty-four"
		j := i + 1
		if s.is(j, "-") {
			j++
		}
		if u, ok := s.lx.numbers[s.word(j)]; ok && u > 0 && u < 10 && s.word(j) != "a" && s.word(j) != "an" {
			v += u
			n = j - i + 1
		}
	}
	return v, n, true, true
}

// monthAt reads a month name at i; abbreviations take an adjacent ".".
func (s *scanner) monthAt(i int) (m, n int, abbrev bool) {
	w := s.word(i)
	m, ok := s.lx.months[w]
	if !ok {
		return 0, 0, false
	}
	if s.lx.lang == "en" && !s.toks[i].upper() {
		return 0, 0, false
	}
	n = 1
	abbrev = s.lx.abbrevs[w]
	if abbrev && s.is(i+1, ".") && s.adj(i+1) {
		n = 2
	}
	return m, n, abbrev
}

// yearAt reads a four-digit year or an abbreviated one ('98).
func (s *scanner) yearAt(i int) (y, n int) {
	if v, l, ok := s.digits(i); ok && l == 4 && v >= 1000 && v < 3000 {
		if (s.is(i+1, ".") || s.is(i+1, ",")) && s.adj(i+1) && s.adj(i+2) && i+2 < len(s.toks) && s.toks[i+2].kind == kNum {
			return 0, 0 // "2082.1", "1462.93": an index level, not a year
		}
		return v, 1
	}
	if s.lx.lang == "en" && s.is(i, "two") && s.is(i+1, "thousand") {
		// "the year two thousand", "two thousand and one"
		k := i + 2
		if s.is(k, "and") {
			k++
		}
		if v, n, word, ok := s.num(k); ok && word && v > 0 && v < 100 && !s.is(k, "a") && !s.is(k, "an") {
			return 2000 + v, k + n - i
		}
		return 2000, 2
	}
	if c, ok := s.lx.numbers[s.word(i)]; ok && (c == 19 || c == 20) && s.lx.lang == "en" && s.toks[i].kind == kWord {
		// spoken years: "nineteen ninety-six"
		if v, n, word, ok := s.num(i + 1); ok && word && v >= 10 && v < 100 {
			return c*100 + v, 1 + n
		}
	}
	if s.is(i, "'") {
		if v, l, ok := s.digits(i + 1); ok && l == 2 && s.adj(i+1) {
			if v <= 30 {
				return 2000 + v, 2
			}
			return 1900 + v, 2
		}
	}
	return 0, 0
}

// dayNum reads a day of the month: 1..31 with an optional ordinal suffix.
func (s *scanner) dayNum(i int) (d, n int) {
	v, l, ok := s.digits(i)
	if !ok || l > 2 || v < 1 || v > 31 || (s.is(i+1, ",") || s.is(i+1, ".") && s.lx.lang != "de") && s.adj(i+1) && i+2 < len(s.toks) && s.toks[i+2].kind == kNum && s.adj(i+2) {
		return 0, 0
	}
	n = 1
	if s.lx.daySuffix[s.word(i+1)] && s.adj(i+1) {
		n = 2
	}
	return v, n
}

// cal is a calendar date as written: y, m, d are 0 when absent.
type cal struct {
	y, m, d int
}

// calendar reads an explicit calendar expression at i: "28 februari
// 2023", "Feb. 28, 1998", "September 2022", "september vorig jaar",
// "March", "2020", optionally after a weekday ("zaterdag 25 februari").
// yearKnown is false when the year must come from the anchor.
func (s *scanner) calendar(i int) (c cal, end int, yearKnown, ok bool) {
	j := i
	if _, isWd := s.lx.weekdays[s.word(j)]; isWd {
		j++
		if s.is(j, ",") {
			j++
		}
		c, end, yearKnown, ok = s.calendar(j)
		if !ok || c.d == 0 {
			return cal{}, 0, false, false
		}
		return c, end, yearKnown, true
	}
	year := func(k int) (int, int) { // optional [,] year
		kk := k
		if s.is(kk, ",") || s.lx.yearOf[s.word(kk)] {
			kk++
		}
		if y, n := s.yearAt(kk); n > 0 {
			return y, kk + n
		}
		return 0, k
	}
	// day month [year]
	if d, n := s.dayNum(j); n > 0 {
		k := j + n
		if s.lx.dayOf[s.word(k)] {
			k++
		}
		if m, mn, _ := s.monthAt(k); mn > 0 && validDay(m, d) {
			c = cal{m: m, d: d}
			y, e := year(k + mn)
			c.y = y
			return c, e, y != 0, true
		}
	}
	m, mn, abbrev := s.monthAt(j)
	if mn == 0 {
		// a year on its own
		if y, n := s.yearAt(j); n > 0 && s.yearAlone(j, n, y) {
			return cal{y: y}, j + n, true, true
		}
		return cal{}, 0, false, false
	}
	k := j + mn
	// month day [year]
	if d, n := s.dayNum(k); n > 0 && validDay(m, d) && !(s.is(k+n, ":") && s.adj(k+n+1)) {
		c = cal{m: m, d: d}
		y, e := year(k + n)
		c.y = y
		return c, e, y != 0, true
	}
	// month year
	if y, e := year(k); y != 0 {
		return cal{y: y, m: m}, e, true, true
	}
	// month [of] last year
	kk := k
	if s.lx.yearOf[s.word(kk)] {
		kk++
	}
	if off, n, ok := s.lx.relPre.match(s.toks, kk); ok {
		if u, ok := s.lx.units[s.word(kk+n)]; ok && u.code == "Y" && !u.plural {
			c = cal{m: m}
			if s.anchored {
				c.y = s.anchor.Year() + off
			}
			return c, kk + n + 1, s.anchored, true
		}
	}
	if abbrev {
		return cal{}, 0, false, false
	}
	if s.lx.lang == "en" && (m == 5 || m == 3) && (j == 0 || s.sent[j-1] != s.sent[j]) {
		return cal{}, 0, false, false // sentence-initial "May", "March"
	}
	return cal{m: m}, k, false, true
}

// yearWords may precede a bare year.
var yearWords = set("in", "since", "of", "for", "by", "until", "from", "during", "before", "after", "to", "between", "through", "year",
	"fiscal", "jaar", "sinds", "van", "tot", "voor", "na", "sedert", "im", "seit", "bis", "vor", "nach", "jahr", "en", "depuis", "année", "dès", "et", "and", "en", "und", "early", "late", "mid", "begin", "eind", "medio", "anfang", "ende", "mitte", "début", "fin", "around", "rond", "circa", "omstreeks")

// yearAlone decides whether a bare number that looks like a year is one:
// after a preposition or time word, or when no noun follows ("2000
// soldiers" is not a year).
func (s *scanner) yearAlone(j, n, y int) bool {
	prev, next := s.word(j-1), s.word(j+n)
	if s.toks[j].kind == kWord {
		// spoken years ("nineteen ninety-six") are years wherever they stand,
		// unless a noun they count follows ("two thousand people")
		return n > 2 || s.is(j-1, "year") || j+n >= len(s.toks) || s.toks[j+n].kind != kWord || connectors[next] || yearWords[next]
	}
	if prev == "$" || prev == "€" || prev == "£" || next == "%" || s.is(j+n, "-") && s.adj(j+n) {
		return false
	}
	if yearWords[prev] {
		return true
	}
	if y < 1900 || y > 2100 {
		return false
	}
	// In English news a number of thousands takes a comma, so 1990 before a
	// noun is a year ("its 1990 invasion"); elsewhere it may be a count.
	if j+n < len(s.toks) && s.toks[j+n].kind == kWord && !yearWords[next] && !connectors[next] && s.lx.lang != "en" {
		return false
	}
	if j+n < len(s.toks) && s.toks[j+n].kind == kNum {
		return false
	}
	return true
}

// sincePrep before a date makes it a start in the past.
var sincePrep = set("since", "sinds", "sedert", "seit", "depuis")

var connectors = set("and", "or", "en", "of", "und", "oder", "et", "ou", "when", "toen", "als", "wanneer", "as", "but", "maar", "aber", "mais", "the", "de", "het", "a", "an", "was", "were", "is", "werd", "war", "had", "has", "have", "heeft", "hebben", "zijn", "is")

// resolveCal turns a calendar expression into a value, taking a missing
// year from the anchor in the direction of the sentence's tense.
func (s *scanner) resolveCal(i int, c cal, yearKnown bool) cal {
	if !yearKnown && c.m > 0 {
		if y, ok := s.sentYear[s.sent[i]]; ok && c.d > 0 && s.sameClause(s.sentYearTok[s.sent[i]], i) {
			c.y = y // "Vorig jaar gingen de scholen op 16 maart dicht."
		} else if s.anchored {
			dir := s.tense(i)
			if s.lx.deadline[s.word(i-1)] {
				// "until June 1" in a past sentence: the nearest;
				// otherwise a deadline lies ahead ("double its flights by
				// August")
				if dir < 0 {
					dir = 0
				} else {
					dir = 1
				}
			}
			if sincePrep[s.word(i-1)] {
				dir = -1 // "sinds maart": a start before now
			}
			c.y = yearFor(s.anchor, c.m, c.d, dir)
		}
	}
	return c
}

func calValue(c cal) string {
	switch {
	case c.m == 0:
		return fmtYear(c.y)
	case c.d == 0:
		return fmtYM(c.y, c.m)
	}
	return fmtYMD(c.y, c.m, c.d)
}

func (c cal) before(o cal) bool {
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// calendarRange reads a calendar expression and, when a range connector
// and a second date follow, the range: "28 februari tot en met 2 maart",
// "from February 28 to March 2", "28-30 maart".
func (s *scanner) calendarRange(i int) (piece, bool) {
	c1, e1, k1, ok := s.calendar(i)
	bare := false
	if !ok {
		d, n := s.dayNum(i)
		if n == 0 {
			return piece{}, false
		}
		c1, e1, bare = cal{d: d}, i+n, true
	}
	if p, ok := s.rangeFrom(i, c1, e1, k1, bare); ok {
		return p, true
	}
	if bare {
		return piece{}, false
	}
	c1 = s.resolveCal(i, c1, k1)
	return piece{end: e1, typ: Date, value: calValue(c1), articleOK: c1.m > 0 && c1.d == 0 && s.lx.lang != "en"}, true
}

func (s *scanner) rangeFrom(i int, c1 cal, e1 int, k1, bare bool) (piece, bool) {
	j := e1
	var n int
	if s.lx.rangeAnd[s.word(j)] {
		if !s.lx.rangeBetween[s.word(i-1)] {
			return piece{}, false
		}
		n = 1
	} else if _, cn, ok := s.lx.rangeTo.match(s.toks, j); ok {
		n = cn
	} else {
		return piece{}, false
	}
	c2, e2, k2, ok := s.calendar(j + n)
	if !ok && !bare && c1.m > 0 && c1.d > 0 && s.is(j, "-") && s.adj(j) && s.adj(j+1) {
		// "Dec. 11-12", "Sept. 17-18, 2024": the month of the first day
		if d2, dn := s.dayNum(j + 1); dn > 0 && d2 > c1.d && validDay(c1.m, d2) {
			c2, e2, k2, ok = cal{y: c1.y, m: c1.m, d: d2}, j+1+dn, k1, true
			if y, yn := s.yearAt(e2 + 1); s.is(e2, ",") && yn > 0 && !k1 {
				c1.y, c2.y, k1, k2, e2 = y, y, true, true, e2+1+yn
			}
		}
	}
	if !ok || (c2.d == 0) != (c1.d == 0) || (c2.m == 0) != (c1.m == 0 && !bare) {
		return piece{}, false
	}
	if bare {
		if c2.d == 0 || c1.d >= c2.d {
			return piece{}, false
		}
		c1.m, c1.y, k1 = c2.m, c2.y, k2
	}
	switch {
	case k1 && !k2:
		c2.y = c1.y
		if c2.before(c1) {
			c2.y++
		}
		k2 = true
	case k2 && !k1:
		c1.y = c2.y
		if c2.before(c1) {
			c1.y--
		}
		k1 = true
	case !k1 && !k2:
		c1 = s.resolveCal(i, c1, false)
		c2.y = c1.y
		if c2.before(c1) && c1.y != 0 {
			c2.y++
		}
	}
	return piece{end: e2, typ: Date, value: calValue(c1), endValue: calValue(c2), r1end: e1, r2start: j + n}, true
}

// numericDate reads 2023-02-25, 25-02-2023, 25/02/2023, 25.02.2023 (and
// 02/25/2023 in English).
func (s *scanner) numericDate(i int) (piece, bool) {
	a, la, ok1 := s.digits(i)
	sep := s.word(i + 1)
	b, lb, ok2 := s.digits(i + 2)
	c, lc, ok3 := s.digits(i + 4)
	if !ok1 || !ok2 || !ok3 || (sep != "-" && sep != "/" && sep != ".") || s.word(i+3) != sep ||
		!s.adj(i+1) || !s.adj(i+2) || !s.adj(i+3) || !s.adj(i+4) || lb > 2 {
		return piece{}, false
	}
	var y, m, d int
	switch {
	case la == 4 && lc <= 2:
		y, m, d = a, b, c
	case la <= 2 && lc == 4 && s.lx.lang == "en" && sep == "/":
		y, m, d = c, a, b
	case la <= 2 && lc == 4:
		y, m, d = c, b, a
	default:
		return piece{}, false
	}
	if !validDay(m, d) {
		return piece{}, false
	}
	return piece{end: i + 5, typ: Date, value: fmtYMD(y, m, d)}, true
}

// weekdayAt reads a weekday at i, also as the head of a compound with a
// part of the day ("dinsdagavond", "Dienstagabend").
func (s *scanner) weekdayAt(i int) (wd int, part string, ok bool) {
	w := s.word(i)
	if wd, ok := s.lx.weekdays[w]; ok {
		return wd, "", true
	}
	if len(w) < 8 {
		return 0, "", false
	}
	for name, wd := range s.lx.weekdays {
		if strings.HasPrefix(w, name) {
			if p, ok := s.lx.partOfDay[w[len(name):]]; ok {
				return wd, p, true
			}
		}
	}
	return 0, "", false
}

// weekdayExpr reads "zaterdag", "last Saturday", "zaterdag a.s.",
// "Friday morning", "dinsdagavond", "Monday at 3 p.m.".
func (s *scanner) weekdayExpr(i int) (piece, bool) {
	rel, hasRel := 0, false
	j := i
	if off, n, ok := s.lx.relPre.match(s.toks, i); ok {
		rel, hasRel, j = off, true, i+n
	}
	wd, part, ok := s.weekdayAt(j)
	if !ok {
		return piece{}, false
	}
	k := j + 1
	if !hasRel {
		if off, n, ok := s.lx.relPost.match(s.toks, k); ok {
			rel, hasRel, k = off, true, k+n
		}
	}
	if part == "" {
		if p, ok := s.lx.partOfDay[s.word(k)]; ok && !(s.lx.lang == "nl" && s.word(k) == "morgen") {
			part, k = p, k+1
		}
	}
	var t time.Time
	if s.anchored {
		switch {
		case hasRel && rel == 0:
			t = s.anchor.AddDate(0, 0, wd-isoWeekday(s.anchor))
		case hasRel:
			t = weekdayFrom(s.anchor, wd, rel, true)
		default:
			if prev, ok := s.coordinatedDay(i); ok {
				// "Thursday or Friday", "late Monday and early Tuesday":
				// the first such day after the one just named
				t = weekdayFrom(prev, wd, 1, true)
				break
			}
			dir := s.tense(i)
			if w := s.word(i - 1); dir == 0 && s.lx.deadline[w] && w != "before" && w != "through" && !s.is(i+1, "'") {
				dir = 1 // "has until Saturday to comply": a deadline lies ahead
			}
			if dir == 0 && s.lx.pastDefault {
				dir = -1
			}
			t = weekdayFrom(s.anchor, wd, dir, false)
		}
	}
	p := s.withTime(i, k, t, fmt.Sprintf("XXXX-WXX-%d", wd), part)
	p.articleOK = hasRel && s.lx.lang == "en" // "the previous Friday"
	return p, true
}

// withTime finishes a day expression ending before token k: an optional
// clock time follows ("om 15.00 uur", "at 3 p.m."); part is a part of
// the day already read. t is the resolved day, zero when unanchored, in
// which case unanchored is the day's value.
func (s *scanner) withTime(i, k int, t time.Time, unanchored, part string) piece {
	v := unanchored
	if !t.IsZero() {
		v = fmtDate(t)
	}
	kk := k
	if joinAt[s.word(kk)] {
		kk++
	}
	if hm, e, ok := s.clock(kk); ok {
		return piece{end: e, typ: Time, value: v + "T" + hm}
	}
	if part != "" {
		return piece{end: k, typ: Time, value: v + "T" + part}
	}
	return piece{end: k, typ: Date, value: v}
}

// dayWordExpr reads "today", "gisteren", "eergisteren", "tonight",
// "gisteravond", "yesterday morning", "morgen om 10 uur".
func (s *scanner) dayWordExpr(i int) (piece, bool) {
	if dp, n, ok := s.lx.dayParts.match(s.toks, i); ok {
		var t time.Time
		if s.anchored {
			if s.word(i) == "overnight" && s.tense(i) < 0 {
				dp.off = -1 // "prices fell overnight": the night that just ended
			}
			t = s.anchor.AddDate(0, 0, dp.off)
		}
		return s.withTime(i, i+n, t, "XXXX-XX-XX", dp.part), true
	}
	off, n, ok := s.lx.dayWords.match(s.toks, i)
	if !ok {
		return piece{}, false
	}
	if w := s.word(i); w == "morgen" {
		if prev := s.word(i - 1); prev == "de" || prev == "deze" || prev == "die" || prev == "s" || prev == "am" || prev == "den" || prev == "elke" || (s.lx.lang == "de" && s.toks[i].upper()) {
			return piece{}, false
		}
	}
	var t time.Time
	if s.anchored {
		t = s.anchor.AddDate(0, 0, off)
	}
	k := i + n
	part := ""
	if p, ok := s.lx.partOfDay[s.word(k)]; ok {
		part, k = p, k+1
	}
	return s.withTime(i, k, t, "XXXX-XX-XX", part), true
}

// unitAt reads a singular unit word at i.
func (s *scanner) unitAt(i int) (string, bool) {
	u, ok := s.lx.units[s.word(i)]
	if !ok || u.plural {
		return "", false
	}
	return u.code, true
}

// relative reads "vorige week", "next month", "dit jaar", "last
// February", "deze zomer", "la semaine dernière".
func (s *scanner) relative(i int) (piece, bool) {
	off, n, ok := s.lx.relPre.match(s.toks, i)
	k := i + n
	if !ok {
		code, isUnit := s.unitAt(i)
		if !isUnit {
			return piece{}, false
		}
		o, pn, ok := s.lx.relPost.match(s.toks, i+1)
		if !ok {
			return piece{}, false
		}
		return s.relUnit(code, o, i+1+pn, true)
	}
	if code, isUnit := s.unitAt(k); isUnit {
		if code == "D" && off == 0 || code == "S" || code == "MIN" || code == "H" || s.lx.lang == "en" && s.toks[k].upper() {
			return piece{}, false // "This Week" is a programme
		}
		if code == "Y" && s.is(k+1, "'") && s.is(k+2, "s") {
			// "this year's third quarter"
			if p, ok := s.quarterExpr(k + 3); ok && s.anchored {
				p.value = fmt.Sprintf("%04d", s.anchor.Year()+off) + p.value[4:]
				return p, true
			}
			if _, q, ok := s.quarterRef(); ok && (s.is(k+3, "quarter") || s.is(k+3, "period") && s.quarterContext()) {
				return piece{end: k + 4, typ: Date, value: quarterValue(s.anchor.Year()+off, q)}, true
			}
		}
		return s.relUnit(code, off, k+1, false)
	}
	if m, mn, abbrev := s.monthAt(k); mn > 0 && !abbrev {
		v := fmtYM(0, m)
		if s.anchored {
			y, am := s.anchor.Year(), int(s.anchor.Month())
			switch {
			case off < 0 && m >= am:
				y--
			case off > 0 && m <= am:
				y++
			}
			v = fmtYM(y, m)
		}
		return piece{end: k + mn, typ: Date, value: v}, true
	}
	if se, ok := s.lx.seasons[s.word(k)]; ok {
		v := "XXXX-" + se
		if s.anchored {
			y := seasonYear(s.anchor, se, off)
			if off == 0 && s.tense(i) < 0 && y > s.anchor.Year()-1 && day(y, seasonStart[se], 1).After(s.anchor) {
				y-- // "began trading this summer", said in November
			}
			v = fmt.Sprintf("%04d-%s", y, se)
		}
		return piece{end: k + 1, typ: Date, value: v}, true
	}
	if s.lx.weekend[s.word(k)] {
		v := "XXXX-WXX-WE"
		if s.anchored {
			v = fmtWeek(s.anchor.AddDate(0, 0, 7*off)) + "-WE"
		}
		return piece{end: k + 1, typ: Date, value: v}, true
	}
	if s.lx.century[s.word(k)] {
		return s.relUnit("CE", off, k+1, false)
	}
	return piece{}, false
}

var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// seasonYear returns the year of season se that is "this" (off 0),
// "last" (-1) or "next" (+1) seen from a; a winter is named by the year
// it starts in (December).
func seasonYear(a time.Time, se string, off int) int {
	start := func(y int) time.Time { return day(y, seasonStart[se], 1) }
	ys := a.Year()
	for start(ys).After(a) {
		ys--
	}
	current := a.Before(start(ys).AddDate(0, 3, 0))
	switch {
	case off < 0 && current:
		return ys - 1
	case off < 0:
		return ys
	case off > 0 || !current:
		return ys + 1
	}
	return ys
}

func (s *scanner) relUnit(code string, off, end int, articleOK bool) (piece, bool) {
	v := unknown(code)
	if s.anchored {
		v = shift(s.anchor, code, off)
	}
	return piece{end: end, typ: Date, value: v, articleOK: articleOK}, true
}

// count reads how many units: a number, a vague count ("several") as -1,
// or "a"/"een" as 1 (word reports a number word).
func (s *scanner) count(i int) (v, n int, article, ok bool) {
	if s.lx.lang == "en" {
		// "a couple of years", "couple of days": two
		k := i
		if s.is(k, "a") {
			k++
		}
		if s.is(k, "couple") && s.is(k+1, "of") {
			return 2, k + 2 - i, false, true
		}
	}
	if _, vn, ok := s.lx.vague.match(s.toks, i); ok {
		return -1, vn, false, true
	}
	v, n, word, ok := s.num(i)
	if !ok {
		return 0, 0, false, false
	}
	return v, n, word && v == 1, true
}

// durationExpr reads "drie jaar", "two-year", "for two weeks" (the span
// starts at the number), "ruim negen maanden" (the modifier is added by
// matchAt), "anderhalf jaar", "two weeks ago", "vor zwei Wochen",
// "jarenlang", "several years".
func (s *scanner) durationExpr(i int) (piece, bool) {
	if s.lx.lang == "en" {
		if u, ok := s.lx.units[s.word(i+1)]; ok && u.plural && s.is(i, "coming") && u.code != "S" {
			// "in coming weeks": when, like "in recent years" (TimeBank
			// 2:1); "the coming weeks" stays a duration (durMods)
			return piece{end: i + 2, typ: Date, value: "FUTURE_REF"}, true
		}
		if u, ok := s.lx.units[s.word(i)]; ok && u.plural && s.is(i-1, "the") && s.is(i+1, "ahead") && u.code != "S" {
			// "the weeks ahead"
			return piece{end: i + 2, typ: Duration, value: duration(-1, u.code, false), articleOK: true}, true
		}
		if s.is(i, "one") && s.is(i+1, "day") && modal[s.word(i-1)] {
			// "Islam will one day be ...": some day ahead
			return piece{end: i + 2, typ: Date, value: "FUTURE_REF"}, true
		}
	}
	sign, pn, pre := s.lx.agoPre.match(s.toks, i)
	j := i
	if pre {
		j = i + pn
	}
	w := s.word(j)
	// "jarenlang", "wekenlang"
	if strings.HasSuffix(w, "lang") && !pre {
		if u, ok := s.lx.units[strings.TrimSuffix(w, "lang")]; ok && u.plural {
			return piece{end: j + 1, typ: Duration, value: duration(-1, u.code, false)}, true
		}
	}
	half := false
	var n, cn int
	var article, ok bool
	switch {
	case w == "anderhalf" || w == "anderhalve":
		n, cn, half, ok = 1, 1, true, true
	case (w == "een" || w == "a" || w == "an" || w == "ein" || w == "un") && (s.is(j+1, "half") || s.is(j+1, "halve") || s.is(j+1, "halbes")):
		n, cn, ok = 0, 2, true
		half = true
	default:
		n, cn, article, ok = s.count(j)
	}
	if !ok {
		// bare plural unit after "for", "al": "for years", "al jaren"
		if u, isU := s.lx.units[w]; isU && u.plural && !pre && barePlural[s.word(j-1)] {
			return piece{end: j + 1, typ: Duration, value: duration(-1, u.code, false)}, true
		}
		return piece{}, false
	}
	k := j + cn
	if n > 0 && !half && (s.is(k, "to") || s.is(k, "or") || s.is(k, "-") && s.adj(k)) {
		// "two to three weeks", "12 to 18 months", "10-15 years": one
		// expression, valued by its lower bound (TimeML mod EQUAL_OR_MORE)
		if m, mn, _, ok := s.count(k + 1); ok && m > n {
			if _, isU := s.lx.units[s.word(k+1+mn)]; isU {
				k += 1 + mn
			}
		}
	}
	if !half && s.is(k+1, "/") && s.is(k, "1") && s.is(k+2, "2") && s.adj(k+1) && s.adj(k+2) {
		half, k = true, k+3 // "2 1/2 years"
	}
	if s.is(k, "-") && s.adj(k) {
		k++
	}
	if moreWords[s.word(k)] {
		k++
	}
	u, isU := s.lx.units[s.word(k)]
	if !isU || n >= 1000 {
		return piece{}, false // "the 1988 quarter" is no duration
	}
	if article && !half && (u.code == "Q" || u.code == "S" || u.plural || !durPrev[s.word(j-1)] && !pre && s.agoAfter(k+1) == 0) {
		return piece{}, false // "$1.76 a year", "four flights a week"
	}
	if ageWords[s.word(k+1)] || s.is(k+1, "-") && ageWords[s.word(k+2)] || u.code == "S" && (s.lx.quarter[s.word(k+1)] || s.lx.half[s.word(k+1)]) {
		return piece{}, false // "52 years old", "the 1988 second quarter"
	}
	if n == 1 && u.plural && !half {
		return piece{}, false
	}
	if s.is(j, "recent") && s.is(j-1, "in") && (u.code == "Y" || u.code == "D" || u.code == "DE") {
		// "in recent years": when, not how long (TimeML PAST_REF)
		return piece{end: k + 1, typ: Date, value: "PAST_REF"}, true
	}
	if u.code == "Q" && u.plural && (s.is(k-1, "-") || s.is(k+1, "of") && fractionOf[s.word(k+2)]) {
		return piece{}, false // "three-quarters of its food": a fraction
	}
	k++
	// "a year and a half", "twee en een half jaar" (the latter not handled)
	if _, hn, ok := halfTail.match(s.toks, k); ok {
		half, k = true, k+hn
	}
	if s.lx.lang == "en" && s.is(k, "or") && s.is(k+1, "so") {
		k += 2 // "a week or so ago", "the next two years or so"
	}
	if pre || s.agoAfter(k) > 0 {
		if !pre {
			sign = -1
			k += s.agoAfter(k)
		}
		v := "PAST_REF"
		if sign > 0 {
			v = "FUTURE_REF"
		}
		if n >= 0 {
			v = unknown(u.code)
			if s.anchored {
				v = shift(s.anchor, u.code, sign*n)
			}
			if y, q, ok := s.quarterRef(); ok && n == 1 && !half && u.code == "Y" && sign < 0 && s.quarterContext() {
				v = quarterValue(y-1, q) // "from $1.2 billion a year earlier": the same quarter
			}
		}
		return piece{end: k, typ: Date, value: v, durOK: true}, true
	}
	// "the nine months", "the four days": TimeML keeps the article of a
	// counted duration inside the span.
	// A singular unit after a count modifies a noun ("the two-week
	// crisis", "the two day rally"): the article is the noun's.
	return piece{end: k, typ: Duration, value: duration(n, u.code, half), durOK: true, articleOK: n >= 2 && !article && (u.plural || s.lx.lang != "en")}, true
}

// modal are the English auxiliaries before "one day" that make it some
// day ahead.
var modal = set("will", "would", "could", "may", "might", "can", "should", "ll", "shall")

// fractionOf are the words after "three quarters of" that make it a
// fraction.
var fractionOf = set("the", "its", "their", "his", "her", "our", "all", "a", "an", "those", "these", "this", "that")

var moreWords = set("more", "additional", "extra", "further", "meer", "extra", "weitere", "de plus")

// durPrev are words after which "a week", "een jaar" is a duration.
var durPrev = set("for", "within", "in", "than", "after", "before", "about", "nearly", "almost", "around", "over", "least", "only", "just",
	"past", "last", "next", "first", "under", "once", "than", "lasting", "voor", "binnen", "na", "ruim", "bijna", "ongeveer", "al", "nog", "slechts",
	"meer", "dan", "sinds", "sedert", "gedurende", "tijdens", "afgelopen", "komende", "eerste", "laatste", "für", "seit", "innerhalb", "nach", "vor", "pendant", "depuis", "durant", "dans", "en", ",", "(", "spent", "took", "lasted", "served", "duurde", "duurt", "takes", "waited", "wachtte", "zeker", "precies", "exact", "exactly", "minstens", "ten minste", "only", "barely", "almost")

var ageWords = set("old", "oud", "oude", "alt", "alte", "alten")

var halfTail = phraseSet("and a half", "en een half", "und ein halb", "et demi", "et demie", "and one half")

var barePlural = set("for", "al", "sinds", "seit", "depuis", "pendant", "over", "in", "within", "binnen", "nog", "voor")

func (s *scanner) agoAfter(k int) int {
	if _, n, ok := s.lx.agoPost.match(s.toks, k); ok {
		return n
	}
	return 0
}

// clock reads a clock time at i and returns it as "15:00" (or a part of
// the day, "MO"), with the end token.
func (s *scanner) clock(i int) (string, int, bool) {
	if v, n, ok := s.lx.noon.match(s.toks, i); ok {
		return v, i + n, true
	}
	h, l, ok := s.digits(i)
	if ok && l == 4 && h/100 < 24 && h%100 < 60 && tz[s.word(i+1)] && s.toks[i+1].upper() {
		return fmt.Sprintf("%02d:%02d", h/100, h%100), i + 2, true // "1200 GMT", wire style
	}
	word := false
	if !ok {
		var n int
		h, n, word, ok = s.num(i)
		if !ok || n != 1 || !word {
			return "", 0, false
		}
		l = 1
	}
	if h > 24 || l > 2 {
		return "", 0, false
	}
	k := i + 1
	m := 0
	sep := false
	if (s.is(k, ":") || (s.is(k, ".") || s.is(k, "h")) && s.lx.lang != "en") && s.adj(k) {
		if mm, ml, ok := s.digits(k + 1); ok && ml == 2 && mm < 60 && s.adj(k+1) {
			m, k, sep = mm, k+2, true
		}
	}
	if s.is(i+1, ":") && !sep {
		return "", 0, false
	}
	marked := false
	if _, n, ok := s.lx.am.match(s.toks, k); ok {
		if h == 12 {
			h = 0
		}
		k, marked = k+n, true
	} else if _, n, ok := s.lx.pm.match(s.toks, k); ok {
		if h < 12 {
			h += 12
		}
		k, marked = k+n, true
	} else if _, n, ok := s.lx.timeMark.match(s.toks, k); ok {
		k, marked = k+n, true
		if _, n, ok := s.lx.pm.match(s.toks, k); ok { // "acht uur 's avonds"
			if h < 12 {
				h += 12
			}
			k += n
		} else if _, n, ok := s.lx.am.match(s.toks, k); ok {
			k += n
		}
	}
	if word && !marked {
		return "", 0, false
	}
	if !marked && !(sep && s.is(i+1, ":")) && !(sep && s.lx.at[s.word(i-1)]) {
		return "", 0, false
	}
	if tz[s.word(k)] {
		k++
	}
	return fmt.Sprintf("%02d:%02d", h, m), k, true
}

// joinAt joins a day and a clock time into one TIME: "Monday at 3 p.m.",
// "zaterdag om 15.00 uur".
var joinAt = set("at", "om", "um", "à", ",")

var tz = set("est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "cet", "cest", "bst", "mez", "mesz")

// clockExpr reads "15.00 uur", "3 p.m.", "noon", "om 15 uur" (the
// preposition stays outside the span), "midnight Friday".
func (s *scanner) clockExpr(i int) (piece, bool) {
	hm, k, ok := s.clock(i)
	if !ok {
		return piece{}, false
	}
	// "N uur" without "om" is a duration in Dutch.
	if (s.lx.lang == "nl") && s.is(k-1, "uur") && !s.lx.at[s.word(i-1)] && !(s.is(i+1, ".") || s.is(i+1, ":")) {
		return piece{}, false
	}
	date := "XXXX-XX-XX"
	if s.anchored {
		date = fmtDate(s.anchor)
	}
	if s.recentDay(i) {
		date = s.lastDay // the day the text just spoke of
	}
	kk := k
	if s.is(kk, "on") || s.is(kk, "op") || s.is(kk, ",") || s.is(kk, "am") {
		kk++
	}
	if p, ok := s.weekdayExpr(kk); ok && p.typ == Date {
		return piece{end: p.end, typ: Time, value: p.value + "T" + hm}, true
	}
	if p, ok := s.dayWordExpr(kk); ok && p.typ == Date {
		return piece{end: p.end, typ: Time, value: p.value + "T" + hm}, true
	}
	if c, e, known, ok := s.calendar(kk); ok && c.d > 0 {
		c = s.resolveCal(kk, c, known)
		return piece{end: e, typ: Time, value: calValue(c) + "T" + hm}, true
	}
	return piece{end: k, typ: Time, value: date + "T" + hm}, true
}

// setExpr reads "every week", "elke maandag", "every two years",
// "'s maandags", "daily", "jaarlijks".
func (s *scanner) setExpr(i int) (piece, bool) {
	if v, n, ok := s.lx.setAdverb.match(s.toks, i); ok {
		if k := i + n; s.lx.lang == "en" && k < len(s.toks) && s.toks[k].kind == kWord && !connectors[s.word(k)] && n == 1 {
			return piece{}, false // "daily flights", "quarterly dividend"
		}
		return piece{end: i + n, typ: Set, value: v}, true
	}
	if p, ok := s.rateSet(i); ok {
		return p, true
	}
	if wd, n, ok := s.lx.weekdaySets.match(s.toks, i); ok {
		return piece{end: i + n, typ: Set, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
	}
	_, n, ok := s.lx.every.match(s.toks, i)
	if !ok {
		return piece{}, false
	}
	k := i + n
	if wd, _, ok := s.weekdayAt(k); ok {
		return piece{end: k + 1, typ: Set, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
	}
	if m, mn, abbrev := s.monthAt(k); mn > 0 && !abbrev {
		return piece{end: k + mn, typ: Set, value: fmtYM(0, m)}, true // "each July"
	}
	if p, ok := s.lx.partOfDay[s.word(k)]; ok {
		return piece{end: k + 1, typ: Set, value: "XXXX-XX-XXT" + p}, true
	}
	if s.lx.weekend[s.word(k)] {
		return piece{end: k + 1, typ: Set, value: "XXXX-WXX-WE"}, true
	}
	cnt := 1
	if v, cn, _, ok := s.count(k); ok && v > 1 {
		cnt, k = v, k+cn
	}
	u, ok := s.lx.units[s.word(k)]
	if !ok || (cnt == 1 && u.plural && s.lx.lang != "fr") {
		return piece{}, false
	}
	return piece{end: k + 1, typ: Set, value: duration(cnt, u.code, false)}, true
}

// refExpr reads "now", "nu", "recently", "onlangs", "binnenkort".
func (s *scanner) refExpr(i int) (piece, bool) {
	v, n, ok := s.lx.refs.match(s.toks, i)
	if !ok || v == "" {
		return piece{}, false
	}
	if _, _, _, counted := s.count(i + n); counted && n > 1 && s.lx.articles[s.word(i)] {
		return piece{}, false // "the past five sessions": a count follows
	}
	return piece{end: i + n, typ: Date, value: v}, true
}

// decade reads "the 1990s", "the '90s", "the nineties", "jaren negentig",
// "de jaren '90", "90er Jahre", "années 1990".
func (s *scanner) decade(i int) (piece, bool) {
	dec := func(v, l int) string {
		if l == 4 {
			return fmt.Sprintf("%03d", v/10)
		}
		return fmt.Sprintf("19%d", v/10)
	}
	if v, l, ok := s.digits(i); ok && (l == 4 || l == 2) && v%10 == 0 && s.is(i+1, "s") && s.adj(i+1) {
		return piece{end: i + 2, typ: Date, value: dec(v, l), articleOK: true}, true
	}
	if s.is(i, "'") {
		if v, l, ok := s.digits(i + 1); ok && l == 2 && v%10 == 0 && s.is(i+2, "s") {
			return piece{end: i + 3, typ: Date, value: dec(v, l), articleOK: true}, true
		}
	}
	if d, ok := s.lx.decadeW[s.word(i)]; ok && s.lx.lang == "en" {
		return piece{end: i + 1, typ: Date, value: fmt.Sprintf("19%d", d), articleOK: true}, true
	}
	if s.lx.decadeJr[s.word(i)] || s.is(i, "années") {
		k := i + 1
		if d, ok := s.lx.decadeW[s.word(k)]; ok {
			return piece{end: k + 1, typ: Date, value: fmt.Sprintf("19%d", d), articleOK: true}, true
		}
		if s.is(k, "'") {
			k++
		}
		if v, l, ok := s.digits(k); ok && (l == 2 || l == 4) && v%10 == 0 {
			return piece{end: k + 1, typ: Date, value: dec(v, l), articleOK: true}, true
		}
	}
	if s.lx.lang == "de" {
		w := s.word(i)
		for name, d := range s.lx.decadeW {
			if w == name && strings.HasPrefix(s.word(i+1), "jahre") || w == name+"jahre" || w == name+"jahren" {
				end := i + 1
				if w == name {
					end++
				}
				return piece{end: end, typ: Date, value: fmt.Sprintf("19%d", d), articleOK: true}, true
			}
		}
		if v, l, ok := s.digits(i); ok && (l == 2 || l == 4) && v%10 == 0 && s.is(i+1, "er") && s.adj(i+1) && strings.HasPrefix(s.word(i+2), "jahre") {
			return piece{end: i + 3, typ: Date, value: dec(v, l), articleOK: true}, true
		}
	}
	return piece{}, false
}

// ordinal reads "20th", "twintigste", "20e", "20.", "third".
func (s *scanner) ordinal(i int) (int, int, bool) {
	if v, ok := s.lx.ordinals[s.word(i)]; ok {
		return v, 1, true
	}
	if v, l, ok := s.digits(i); ok && l <= 2 {
		if (s.lx.daySuffix[s.word(i+1)] || s.is(i+1, "th") || s.is(i+1, "e") || s.is(i+1, "ste") || s.is(i+1, "de")) && s.adj(i+1) {
			return v, 2, true
		}
	}
	return 0, 0, false
}

// centuryExpr reads "the 20th century", "de twintigste eeuw", "20.
// Jahrhundert".
func (s *scanner) centuryExpr(i int) (piece, bool) {
	v, n, ok := s.ordinal(i)
	if !ok || v < 1 || v > 30 || !s.lx.century[s.word(i+n)] {
		return piece{}, false
	}
	return piece{end: i + n + 1, typ: Date, value: fmt.Sprintf("%02d", v-1), articleOK: true}, true
}

// quarterExpr reads "the third quarter", "third-quarter", "het derde
// kwartaal van 2022", "Q3", "the first half of 1998".
func (s *scanner) quarterExpr(i int) (piece, bool) {
	q, n, ok := s.ordinal(i)
	k := i + n
	if s.is(k, "-") {
		k++
	}
	kind := "Q"
	switch {
	case ok && q >= 1 && q <= 4 && s.lx.quarter[s.word(k)]:
	case ok && q >= 1 && q <= 2 && s.lx.half[s.word(k)]:
		kind = "H"
	case (s.is(i, "q") || s.is(i, "h")) && s.adj(i+1):
		v, _, ok := s.digits(i + 1)
		if !ok || v < 1 || (s.is(i, "q") && v > 4) || (s.is(i, "h") && v > 2) {
			return piece{}, false
		}
		q, k, kind = v, i+1, strings.ToUpper(s.word(i))
	default:
		return piece{}, false
	}
	k++
	y := 0
	// "of 1998", "van 2022", "2022", "of the year", "van dit jaar"
	kk := k
	if s.is(kk, "of") || s.is(kk, "van") || s.is(kk, ",") || s.is(kk, "des") || s.is(kk, "de") {
		kk++
	}
	if kind == "H" && s.lx.lang != "en" {
		if _, n := s.yearAt(kk); n == 0 && !s.lx.relPre.has(s.toks, kk) {
			return piece{}, false // "de eerste helft" of a match
		}
	}
	if yy, yn := s.yearAt(kk); yn > 0 {
		y, k = yy, kk+yn
	} else if off, rn, ok := s.lx.relPre.match(s.toks, kk); ok && s.lx.units[s.word(kk+rn)].code == "Y" {
		if s.anchored {
			y = s.anchor.Year() + off
		}
		k = kk + rn + 1
	} else if s.anchored {
		y = s.anchor.Year()
		cur := (int(s.anchor.Month())-1)/3 + 1
		if kind == "H" {
			cur = (int(s.anchor.Month())-1)/6 + 1
		}
		if q > cur && s.tense(i) < 0 {
			y--
		}
	}
	// "the third-quarter loss": the article belongs to the noun
	adjective := s.is(i+n, "-") && k == i+n+2 && k < len(s.toks) && s.toks[k].kind == kWord && !connectors[s.word(k)]
	return piece{end: k, typ: Date, value: fmt.Sprintf("%s-%s%d", fmtYear(y), kind, q), articleOK: !adjective}, true
}

// seasonExpr reads "de zomer", "summer 2022", "the summer of 1998",
// "in het voorjaar" (a season after an article or preposition).
func (s *scanner) seasonExpr(i int) (piece, bool) {
	se, ok := s.lx.seasons[s.word(i)]
	if !ok {
		return piece{}, false
	}
	k := i + 1
	kk := k
	if s.is(kk, "of") || s.is(kk, "van") || s.is(kk, ",") {
		kk++
	}
	if y, n := s.yearAt(kk); n > 0 {
		return piece{end: kk + n, typ: Date, value: fmt.Sprintf("%04d-%s", y, se), articleOK: true}, true
	}
	prev := s.word(i - 1)
	if !s.lx.articles[prev] && !seasonPrep[prev] {
		return piece{}, false
	}
	v := "XXXX-" + se
	if s.anchored {
		v = fmt.Sprintf("%04d-%s", yearFor(s.anchor, seasonStart[se], 0, s.tense(i)), se)
	}
	return piece{end: k, typ: Date, value: v, articleOK: true}, true
}

var seasonPrep = set("in", "during", "this", "im", "en", "au", "tijdens", "deze", "dit", "since", "sinds", "seit", "depuis", "early", "late")

// weekendExpr reads "the weekend", "het weekend", "am Wochenende".
func (s *scanner) weekendExpr(i int) (piece, bool) {
	if !s.lx.weekend[s.word(i)] {
		return piece{}, false
	}
	prev := s.word(i - 1)
	if !s.lx.articles[prev] && prev != "am" && prev != "this" {
		return piece{}, false
	}
	v := "XXXX-WXX-WE"
	if s.anchored {
		t := s.anchor
		if wd := isoWeekday(t); wd < 6 && s.tense(i) < 0 {
			t = t.AddDate(0, 0, -7)
		}
		v = fmtWeek(t) + "-WE"
	}
	return piece{end: i + 1, typ: Date, value: v, articleOK: true}, true
}

// nightOf reads "nacht van dinsdag op woensdag", "the night of Tuesday".
func (s *scanner) nightOf(i int) (piece, bool) {
	part, ok := s.lx.partOfDay[s.word(i)]
	if !ok || !(s.is(i+1, "van") || s.is(i+1, "of") || s.is(i+1, "from") || s.is(i+1, "vom") || s.is(i+1, "du")) {
		return piece{}, false
	}
	wd, _, ok := s.weekdayAt(i + 2)
	if !ok {
		return piece{}, false
	}
	k := i + 3
	if s.is(k, "op") || s.is(k, "to") || s.is(k, "auf") || s.is(k, "au") || s.is(k, "on") {
		if _, _, ok := s.weekdayAt(k + 1); ok {
			k += 2
		}
	}
	v := fmt.Sprintf("XXXX-WXX-%dT%s", wd, part)
	if s.anchored {
		v = fmtDate(weekdayFrom(s.anchor, wd, s.tense(i), false)) + "T" + part
	}
	return piece{end: k, typ: Time, value: v, articleOK: true}, true
}

// partPrep are the words before "the" that make "the morning" a time of
// the day the text speaks of ("in the morning", "by the afternoon").
var partPrep = set("in", "during", "by", "until", "through", "throughout", "early", "late")

// partExpr reads a part of the day on its own: "mid-afternoon",
// "midmorning", "in the morning", optionally followed by the day
// ("mid-afternoon yesterday", "the morning of March 5"). English only.
// The day is the one the text just named, else the anchor's.
func (s *scanner) partExpr(i int) (piece, bool) {
	if s.lx.lang != "en" {
		return piece{}, false
	}
	k := i
	part, ok := "", false
	switch w := s.word(i); {
	case w == "midmorning" || w == "midafternoon":
		part, ok, k = map[string]string{"midmorning": "MO", "midafternoon": "AF"}[w], true, i+1
	case w == "mid":
		k = i + 1
		if s.is(k, "-") {
			k++
		}
		if p, isPart := s.lx.partOfDay[s.word(k)]; isPart && p != "NI" {
			part, ok, k = p, true, k+1
		}
	default:
		if p, isPart := s.lx.partOfDay[w]; isPart && p != "NI" && s.is(i-1, "the") && (partPrep[s.word(i-2)] || s.is(i-2, "on") && s.is(i+1, "of")) {
			part, ok, k = p, true, i+1
		}
	}
	if !ok {
		return piece{}, false
	}
	kk := k
	if s.is(kk, "of") || s.is(kk, "on") {
		kk++
	}
	if p, ok := s.weekdayExpr(kk); ok && p.typ == Date {
		return piece{end: p.end, typ: Time, value: p.value + "T" + part, articleOK: true}, true
	}
	if p, ok := s.dayWordExpr(kk); ok && p.typ == Date {
		return piece{end: p.end, typ: Time, value: p.value + "T" + part, articleOK: true}, true
	}
	if c, e, known, ok := s.calendar(kk); ok && c.d > 0 {
		c = s.resolveCal(kk, c, known)
		return piece{end: e, typ: Time, value: calValue(c) + "T" + part, articleOK: true}, true
	}
	date := "XXXX-XX-XX"
	if s.anchored {
		date = fmtDate(s.anchor)
	}
	if s.recentDay(i) {
		date = s.lastDay
	}
	return piece{end: k, typ: Time, value: date + "T" + part, articleOK: true}, true
}

// freqWords before "a week" make a frequency: "twice a week".
var freqWords = set("once", "twice", "thrice", "times")

// rateSet reads a frequency, a SET in TimeML: "twice a week", "three
// times a year" (the frequency words are part of the span). English
// only; not "a year ago".
func (s *scanner) rateSet(i int) (piece, bool) {
	if s.lx.lang != "en" {
		return piece{}, false
	}
	j := i
	if freqWords[s.word(i)] {
		j = i + 1
	} else if _, _, _, ok := s.count(i); ok && s.is(i+1, "times") {
		j = i + 2
	}
	if !s.is(j, "a") && !s.is(j, "an") {
		return piece{}, false
	}
	u, ok := s.lx.units[s.word(j+1)]
	if !ok || u.plural || u.code == "S" || u.code == "Q" || u.code == "CE" || u.code == "DE" || s.is(j+2, "-") || s.agoAfter(j+2) > 0 || halfTail.has(s.toks, j+2) {
		return piece{}, false
	}
	if j == i {
		// An amount per unit ("$2 million a year", "700 seats a week")
		// is left alone: TimeBank marks only 2 of 7 such rates.
		return piece{}, false
	}
	return piece{end: j + 2, typ: Set, value: duration(1, u.code, false)}, true
}

// coordinated are the words that join two days into a pair or range;
// "and" is not one: "statements made Friday and Thursday".
var coordinated = set("or", "to", "through", "until", "till", "-", "of", "tot", "bis", "oder", "ou", "au")

// coordinatedDay returns the day of the expression that ends just before
// token i with a coordinating word between ("Thursday or Friday"), when
// that expression was a day (also with a time of day).
func (s *scanner) coordinatedDay(i int) (time.Time, bool) {
	b := i - 1
	if b >= 0 && s.lx.dateMods.has(s.toks, b) {
		b--
	}
	if b < 1 || !coordinated[s.word(b)] || s.prevEnd != b || len(s.prevValue) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s.prevValue[:10])
	if err != nil || !s.anchored || t.Sub(s.anchor) > 7*24*time.Hour || s.anchor.Sub(t) > 7*24*time.Hour {
		return time.Time{}, false // "from Sept. 14 to Thursday": not a pair of days
	}
	return t, true
}

// sameClause reports whether no clause break (a comma, semicolon, ...)
// stands between tokens a and b.
func (s *scanner) sameClause(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for j := a + 1; j < b; j++ {
		if clauseBreak[s.toks[j].text] {
			return false
		}
	}
	return true
}

// recentDay reports whether a bare time of day at token i ("at 2 p.m.",
// "until mid-morning") falls on s.lastDay, the last day the text named:
// when that was in this or the previous sentence, or, in a past-tense
// sentence, when it was a day of the week before the anchor ("The final
// on Sunday ... The match began at 2 p.m.").
func (s *scanner) recentDay(i int) bool {
	if s.lastDay == "" {
		return false
	}
	if s.sent[i]-s.lastDaySent <= 1 {
		return true
	}
	if !s.anchored || s.lx.lang != "en" || s.tense(i) >= 0 {
		return false
	}
	d, err := time.Parse("2006-01-02", s.lastDay)
	if err != nil {
		return false
	}
	a := time.Date(s.anchor.Year(), s.anchor.Month(), s.anchor.Day(), 0, 0, 0, 0, time.UTC)
	return d.Before(a) && !d.Before(a.AddDate(0, 0, -7))
}
