package event

import (
	"strconv"
	"strings"
	"time"

	"dateline/model"
)

// Key returns the bucket an event is merged within: its normalised type
// and the source and target countries ("CONSULT|BLR|CHN"). Events with
// different keys are never the same event; events with one key are the
// same when SameEvent says their dates agree.
func Key(e model.Event) string {
	return Normalize(e.Type) + "|" + e.Source.Country + "|" + e.Target.Country
}

// SameEvent reports whether two coded events are reports of one
// real-world event: same type, same source and target countries (at least
// one of them known), the same mode when both have one, and compatible
// dates. Dates are compatible when
// their spans overlap (with a day's tolerance, since reports date an event
// by the day they were written), when one has an unknown year
// ("XXXX-02-28") and its month and day fall in the other's span, or when
// either is unknown; Merge gives such uncertain matches less confidence.
func SameEvent(a, b model.Event) bool {
	if Key(a) != Key(b) || a.Source.Country == "" && a.Target.Country == "" {
		return false
	}
	if a.Mode != "" && b.Mode != "" && a.Mode != b.Mode { // a visit is not the invitation to one
		return false
	}
	return datesCompatible(a.Date, a.DateEnd, b.Date, b.DateEnd)
}

// span is a date interval; year unknown when yearless.
type span struct {
	lo, hi   time.Time
	yearless bool
}

// parseSpan reads TIMEX3 date values: YYYY, YYYY-MM, YYYY-MM-DD,
// YYYY-Www, and XXXX-MM(-DD) with an unknown year (kept in year 2000).
func parseSpan(v string) (span, bool) {
	v = dateValue(strings.TrimSpace(v))
	if len(v) < 4 {
		return span{}, false
	}
	var s span
	year := 2000
	if strings.HasPrefix(v, "XXXX") {
		s.yearless = true
	} else {
		y, err := strconv.Atoi(v[:4])
		if err != nil {
			return span{}, false
		}
		year = y
	}
	rest := v[4:]
	switch {
	case rest == "":
		if s.yearless {
			return span{}, false
		}
		s.lo = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		s.hi = s.lo.AddDate(1, 0, -1)
	case len(rest) == 4 && strings.HasPrefix(rest, "-W"):
		w, err := strconv.Atoi(rest[2:])
		if err != nil || s.yearless {
			return span{}, false
		}
		// ISO week: the week with January 4th is week 1
		jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		s.lo = mon.AddDate(0, 0, 7*(w-1))
		s.hi = s.lo.AddDate(0, 0, 6)
	case len(rest) == 3 && rest[0] == '-':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return span{}, false
		}
		s.lo = time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		s.hi = s.lo.AddDate(0, 1, -1)
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, err1 := strconv.Atoi(rest[1:3])
		d, err2 := strconv.Atoi(rest[4:])
		if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
			return span{}, false
		}
		s.lo = time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		s.hi = s.lo
	default:
		return span{}, false
	}
	return s, true
}

// eventSpan is the span of an event's Date..DateEnd.
func eventSpan(date, end string) (span, bool) {
	s, ok := parseSpan(date)
	if !ok {
		return span{}, false
	}
	if e, ok := parseSpan(end); ok && e.yearless == s.yearless {
		if e.hi.Before(s.lo) && s.yearless {
			e.hi = e.hi.AddDate(1, 0, 0) // "XXXX-12-30 .. XXXX-01-02"
		}
		if e.hi.After(s.hi) {
			s.hi = e.hi
		}
	}
	return s, true
}

func datesCompatible(ad, ae, bd, be string) bool {
	a, okA := eventSpan(ad, ae)
	b, okB := eventSpan(bd, be)
	if !okA || !okB {
		return true // unknown dates do not tell events apart
	}
	if a.yearless != b.yearless {
		// move the yearless span into the other's year(s)
		if a.yearless {
			a, b = b, a
		}
		for y := a.lo.Year() - 1; y <= a.hi.Year(); y++ {
			if overlaps(a, shiftYear(b, y)) {
				return true
			}
		}
		return false
	}
	return overlaps(a, b)
}

func shiftYear(s span, y int) span {
	d := y - s.lo.Year()
	return span{lo: s.lo.AddDate(d, 0, 0), hi: s.hi.AddDate(d, 0, 0)}
}

func overlaps(a, b span) bool {
	const day = 24 * time.Hour
	return !a.lo.After(b.hi.Add(day)) && !b.lo.After(a.hi.Add(day))
}

// dateQuality ranks how much a date says: known year and a range beat a
// yearless or open date.
func dateQuality(date, end string) int {
	s, ok := eventSpan(date, end)
	if !ok {
		return 0
	}
	q := 1
	if !s.yearless {
		q += 4
	}
	if len(dateValue(date)) == 10 {
		q += 2
	}
	if end != "" {
		q++
	}
	return q
}

// Merge folds e, another report of the same event, into into: sources are
// united (a source is one article and span), the more precise date wins
// (a known year over "XXXX", a range over a single day), missing actor
// details and place are filled, and confidence rises with corroboration
// unless a date was unknown.
func Merge(into *model.Event, e model.Event) {
	uncertain := into.Date == "" || e.Date == "" || strings.HasPrefix(into.Date, "X") || strings.HasPrefix(e.Date, "X")
	added := 0
	for _, s := range e.Sources {
		dup := false
		for _, t := range into.Sources {
			if t.ArticleID == s.ArticleID && t.Source == s.Source && t.Start == s.Start && t.End == s.End {
				dup = true
				break
			}
		}
		if !dup {
			into.Sources = append(into.Sources, s)
			added++
		}
	}
	if dateQuality(e.Date, e.DateEnd) > dateQuality(into.Date, into.DateEnd) {
		into.Date, into.DateEnd = e.Date, e.DateEnd
	}
	fill := func(a *model.Actor, b model.Actor) {
		if a.Name == "" {
			a.Name = b.Name
		}
		if a.EntityID == "" {
			a.EntityID = b.EntityID
		}
		if a.Country == "" {
			a.Country = b.Country
		}
		if a.Sector == "" {
			a.Sector = b.Sector
		}
	}
	fill(&into.Source, e.Source)
	fill(&into.Target, e.Target)
	if into.Place == "" {
		into.Place = e.Place
	}
	if into.Mode == "" {
		into.Mode = e.Mode
	}
	into.Score = Score(into.Type, into.Mode)
	conf := max(into.Confidence, e.Confidence)
	if added > 0 && !uncertain {
		conf += 0.05 * float64(added)
	}
	if uncertain {
		conf -= 0.05
	}
	into.Confidence = clamp01(conf)
}
