package server

import (
	"fmt"
	"sort"
	"time"

	"dateline/cluster"
	"dateline/model"
)

// Charts are drawn on the server as inline SVG: numbers only, no script,
// nothing fetched.

// chart is a bar chart ready for the template.
type chart struct {
	Width, Height int
	Zero          float64 // y of the baseline
	Bars          []chartBar
	Labels        []chartLabel
	Empty         bool
}

type chartBar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type chartLabel struct {
	X, Y float64
	Text string
}

const (
	chartW = 640
	chartH = 180
	padL   = 8
	padB   = 22
)

// countChart is a bar chart of how many dates fall in each month.
func countChart(dates []model.Time) chart {
	counts := map[string]int{}
	for _, d := range dates {
		if !d.IsZero() {
			counts[d.Format("2006-01")]++
		}
	}
	if len(counts) == 0 {
		return chart{Width: chartW, Height: chartH, Empty: true}
	}
	months := monthRange(counts)
	maxN := 1
	for _, n := range counts {
		maxN = max(maxN, n)
	}
	c := chart{Width: chartW, Height: chartH, Zero: chartH - padB}
	bw := float64(chartW-2*padL) / float64(len(months))
	for i, m := range months {
		n := counts[m]
		h := float64(n) / float64(maxN) * float64(chartH-padB-10)
		x := padL + float64(i)*bw
		c.Bars = append(c.Bars, chartBar{X: x + bw*0.1, Y: c.Zero - h, W: bw * 0.8, H: h, Class: "bar", Title: fmt.Sprintf("%s: %d", m, n)})
		if i == 0 || i == len(months)-1 || len(months) <= 12 {
			c.Labels = append(c.Labels, chartLabel{X: x + bw/2, Y: chartH - 6, Text: m})
		}
	}
	return c
}

// monthRange lists every month from the first to the last key.
func monthRange(counts map[string]int) []string {
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	first, _ := time.Parse("2006-01", keys[0])
	last, _ := time.Parse("2006-01", keys[len(keys)-1])
	var out []string
	for m := first; !m.After(last) && len(out) < 240; m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// dyadChart draws each period's summed cooperation (up, green) or
// conflict (down, red) score.
func dyadChart(points []cluster.DyadPoint) chart {
	if len(points) == 0 {
		return chart{Width: chartW, Height: chartH, Empty: true}
	}
	maxAbs := 1.0
	for _, p := range points {
		maxAbs = max(maxAbs, p.Sum, -p.Sum)
	}
	c := chart{Width: chartW, Height: chartH, Zero: float64(chartH-padB) / 2}
	half := c.Zero - 8
	bw := float64(chartW-2*padL) / float64(len(points))
	for i, p := range points {
		h := p.Sum / maxAbs * half
		x := padL + float64(i)*bw
		b := chartBar{X: x + bw*0.1, W: bw * 0.8, Title: fmt.Sprintf("%s: %d events, score %+.1f", p.Period, p.Count, p.Sum)}
		if h >= 0 {
			b.Y, b.H, b.Class = c.Zero-h, max(h, 1), "coop"
		} else {
			b.Y, b.H, b.Class = c.Zero, -h, "conflict"
		}
		c.Bars = append(c.Bars, b)
		if i == 0 || i == len(points)-1 || len(points) <= 12 {
			c.Labels = append(c.Labels, chartLabel{X: x + bw/2, Y: chartH - 6, Text: p.Period})
		}
	}
	return c
}

// timelineItem is an event placed on a story's timeline.
type timelineItem struct {
	X     float64
	Label string
	Title string
	Class string
}

// eventTimeline places dated events on a horizontal axis.
func eventTimeline(evs []model.Event) chart {
	var days []time.Time
	var idx []int
	for i, e := range evs {
		d, err := time.Parse("2006-01-02", firstN(e.Date, 10))
		if err != nil {
			continue
		}
		days = append(days, d)
		idx = append(idx, i)
	}
	if len(days) == 0 {
		return chart{Width: chartW, Height: 80, Empty: true}
	}
	lo, hi := days[0], days[0]
	for _, d := range days {
		if d.Before(lo) {
			lo = d
		}
		if d.After(hi) {
			hi = d
		}
	}
	lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
	spanDays := hi.Sub(lo).Hours() / 24
	c := chart{Width: chartW, Height: 80, Zero: 40}
	for k, d := range days {
		e := evs[idx[k]]
		x := padL + d.Sub(lo).Hours()/24/spanDays*float64(chartW-2*padL)
		class := "coop"
		if e.Score < 0 {
			class = "conflict"
		}
		c.Bars = append(c.Bars, chartBar{X: x - 5, Y: 30 - float64(k%3)*8, W: 10, H: 10, Class: class,
			Title: fmt.Sprintf("%s %s: %s → %s", e.Date, e.Type, e.Source.Name, e.Target.Name)})
	}
	c.Labels = []chartLabel{{X: padL + 30, Y: 72, Text: lo.AddDate(0, 0, 1).Format("2006-01-02")}, {X: chartW - padL - 30, Y: 72, Text: hi.AddDate(0, 0, -1).Format("2006-01-02")}}
	return c
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
