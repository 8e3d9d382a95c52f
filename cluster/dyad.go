package cluster

import (
	"sort"
	"time"

	"dateline/model"
)

// Granularity is the period of a dyad series.
type Granularity string

// Granularities.
const (
	Day   Granularity = "day"
	Week  Granularity = "week" // ISO weeks, starting on Monday
	Month Granularity = "month"
)

// DyadPoint is one period of a country-pair relation timeline.
type DyadPoint struct {
	// Period is the first day of the period, "2023-02-27".
	Period string `json:"period"`
	// Count is the number of events in the period.
	Count int `json:"count"`
	// Sum and Mean are the total and mean cooperation (+) / conflict (-)
	// score of the events.
	Sum  float64 `json:"sum"`
	Mean float64 `json:"mean"`
	// Events are the period's events in input order.
	Events []model.Event `json:"events"`
}

// Dyad aggregates the events between countries a and b (ISO alpha-3, in
// either direction) per period, oldest first. Events without a parseable
// Date, or not between a and b, are skipped; periods without events are
// left out. An unknown granularity is treated as Day.
func Dyad(events []model.Event, a, b string, g Granularity) []DyadPoint {
	idx := make(map[string]int)
	var out []DyadPoint
	for _, e := range events {
		s, t := e.Source.Country, e.Target.Country
		if !((s == a && t == b) || (s == b && t == a)) {
			continue
		}
		d, ok := eventDay(e.Date)
		if !ok {
			continue
		}
		p := periodStart(d, g).Format("2006-01-02")
		i, ok := idx[p]
		if !ok {
			i = len(out)
			idx[p] = i
			out = append(out, DyadPoint{Period: p})
		}
		pt := &out[i]
		pt.Count++
		pt.Sum += e.Score
		pt.Events = append(pt.Events, e)
	}
	for i := range out {
		out[i].Mean = out[i].Sum / float64(out[i].Count)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// eventDay reads a TIMEX3 date value to the day ("2023-02-28", or a month
// "2023-02" as its first day).
func eventDay(v string) (time.Time, bool) {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, true
		}
	}
	if len(v) >= 7 {
		if t, err := time.Parse("2006-01", v[:7]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func periodStart(d time.Time, g Granularity) time.Time {
	switch g {
	case Week:
		wd := (int(d.Weekday()) + 6) % 7 // Monday = 0
		return d.AddDate(0, 0, -wd)
	case Month:
		return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}
