package timex

import (
	"fmt"
	"time"
)

// Date arithmetic and TIMEX3 value formatting. A year of 0 means unknown
// and prints as XXXX.

func fmtYear(y int) string {
	if y == 0 {
		return "XXXX"
	}
	return fmt.Sprintf("%04d", y)
}

func fmtYM(y, m int) string { return fmtYear(y) + fmt.Sprintf("-%02d", m) }

func fmtYMD(y, m, d int) string { return fmtYM(y, m) + fmt.Sprintf("-%02d", d) }

func fmtDate(t time.Time) string { return t.Format("2006-01-02") }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether d is a day of month m (year-independent, so
// 29 February is valid).
func validDay(m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= []int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}

// isoWeekday returns 1 (Monday) .. 7 (Sunday).
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// yearFor picks the year of month m (day d, 0 for the whole month) seen
// from anchor a in direction dir: the year that puts the date inside a
// one-year window around the anchor reaching 60 days into the future for
// the past tense (-1), 60 days into the past for the future tense (+1)
// and half a year either way otherwise (0).
func yearFor(a time.Time, m, d, dir int) int {
	fut := 182
	switch {
	case dir < 0:
		fut = 60
	case dir > 0:
		fut = 365 - 60
	}
	if d == 0 {
		d = 15
	}
	an := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	for _, y := range []int{a.Year(), a.Year() - 1, a.Year() + 1} {
		diff := int(day(y, m, min(d, 28)).Sub(an).Hours() / 24)
		if diff <= fut && diff > fut-365 {
			return y
		}
	}
	return a.Year()
}

// weekdayFrom resolves ISO weekday wd from anchor a: dir -1 the latest on
// or before the anchor, +1 the earliest after it, 0 the nearest (ties go
// to the past); the anchor day itself counts as its own weekday in every
// direction ("woensdag" in a Wednesday paper is that day) unless strict.
func weekdayFrom(a time.Time, wd, dir int, strict bool) time.Time {
	cur := isoWeekday(a)
	back := (cur - wd + 7) % 7 // days back to the previous wd (0 = today)
	fwd := (wd - cur + 7) % 7  // days forward to the next wd (0 = today)
	if strict && back == 0 {
		back = 7
	}
	if fwd == 0 && strict {
		fwd = 7
	}
	switch {
	case dir < 0:
		return a.AddDate(0, 0, -back)
	case dir > 0:
		return a.AddDate(0, 0, fwd)
	}
	if fwd < back {
		return a.AddDate(0, 0, fwd)
	}
	return a.AddDate(0, 0, -back)
}

// shift moves anchor a by n units (Y M W D Q DE CE) and formats the result
// at that unit's granularity.
func shift(a time.Time, code string, n int) string {
	switch code {
	case "Y":
		return fmtYear(a.Year() + n)
	case "M":
		t := time.Date(a.Year(), a.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return fmtYM(t.Year(), int(t.Month()))
	case "W":
		return fmtWeek(a.AddDate(0, 0, 7*n))
	case "2W":
		return fmtWeek(a.AddDate(0, 0, 14*n))
	case "D":
		return fmtDate(a.AddDate(0, 0, n))
	case "Q":
		q := (int(a.Month())-1)/3 + n
		y := a.Year()
		for q < 0 {
			q += 4
			y--
		}
		y += q / 4
		return fmt.Sprintf("%04d-Q%d", y, q%4+1)
	case "DE":
		return fmt.Sprintf("%03d", a.Year()/10+n)
	case "CE":
		return fmt.Sprintf("%02d", a.Year()/100+n)
	case "H":
		t := a.Add(time.Duration(n) * time.Hour)
		return fmtDate(t) + fmt.Sprintf("T%02d", t.Hour())
	case "MIN", "S":
		t := a.Add(time.Duration(n) * time.Minute)
		return fmtDate(t) + fmt.Sprintf("T%02d:%02d", t.Hour(), t.Minute())
	}
	return ""
}

// unknown returns the unanchored value for a relative unit.
func unknown(code string) string {
	switch code {
	case "Y":
		return "XXXX"
	case "M":
		return "XXXX-XX"
	case "W", "2W":
		return "XXXX-WXX"
	case "Q":
		return "XXXX-QX"
	case "DE":
		return "XXX"
	case "CE":
		return "XX"
	case "H", "MIN", "S":
		return "XXXX-XX-XXTXX"
	}
	return "XXXX-XX-XX"
}

// duration formats a TIMEX3 duration of n units; n < 0 means unknown (X).
// halves adds half a unit.
func duration(n int, code string, half bool) string {
	if half {
		switch code {
		case "Y":
			return duration(n*12+6, "M", false)
		case "D":
			return duration(n*24+12, "H", false)
		case "H":
			return duration(n*60+30, "MIN", false)
		case "W":
			return duration(n*7+3, "D", false) // approximate; TIMEX3 has no half weeks
		case "M":
			return duration(n*30+15, "D", false)
		case "MIN":
			return fmt.Sprintf("PT%dM30S", n)
		case "CE":
			return duration(n*100+50, "Y", false)
		case "DE":
			return duration(n*10+5, "Y", false)
		}
	}
	num := "X"
	if n >= 0 {
		num = fmt.Sprint(n)
	}
	switch code {
	case "H", "MIN", "S":
		c := code
		if c == "MIN" {
			c = "M"
		}
		return "PT" + num + c
	case "Q":
		if n >= 0 {
			return fmt.Sprintf("P%dM", 3*n)
		}
		return "PXM"
	case "2W":
		if n >= 0 {
			return fmt.Sprintf("P%dW", 2*n)
		}
		return "PXW"
	}
	return "P" + num + code
}
