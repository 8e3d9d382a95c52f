package textpage

import (
	"strings"
	"time"

	"dateline/model"
)

// monthNames maps lower-case month names and abbreviations of en, nl, de
// and fr (without a final dot) to months.
var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "januari": 1, "januar": 1, "jänner": 1, "janvier": 1, "janv": 1,
	"february": 2, "feb": 2, "febr": 2, "februari": 2, "februar": 2, "février": 2, "févr": 2, "fevrier": 2,
	"march": 3, "mar": 3, "maart": 3, "mrt": 3, "märz": 3, "mär": 3, "mars": 3,
	"april": 4, "apr": 4, "avril": 4, "avr": 4,
	"may": 5, "mei": 5, "mai": 5,
	"june": 6, "jun": 6, "juni": 6, "juin": 6,
	"july": 7, "jul": 7, "juli": 7, "juillet": 7, "juil": 7,
	"august": 8, "aug": 8, "augustus": 8, "août": 8, "aout": 8,
	"september": 9, "sep": 9, "sept": 9, "septembre": 9,
	"october": 10, "oct": 10, "oktober": 10, "okt": 10, "octobre": 10,
	"november": 11, "nov": 11, "novembre": 11,
	"december": 12, "dec": 12, "dezember": 12, "dez": 12, "décembre": 12, "déc": 12, "decembre": 12,
}

// weekdayNames are lower-case weekday names that may open a date.
var weekdayNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true,
	"maandag": true, "dinsdag": true, "woensdag": true, "donderdag": true, "vrijdag": true,
	"zaterdag": true, "zondag": true, "ma": true, "di": true, "wo": true, "do": true, "vr": true,
	"za": true, "zo": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
	"samstag": true, "sonntag": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true,
}

// word returns the run of letters at the start of s (Unicode letters, as
// bytes >= 0x80 are taken to be letters) and its length.
func word(s string) string {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 0x80) {
		i++
	}
	return s[:i]
}

// digits returns the number made by the ASCII digits at the start of s
// (at most max of them) and how many there were.
func digits(s string, max int) (n, count int) {
	for count < len(s) && count < max && s[count] >= '0' && s[count] <= '9' {
		n = n*10 + int(s[count]-'0')
		count++
	}
	return n, count
}

// lookupMonth finds a month name, ignoring case and a final dot.
func lookupMonth(w string) (time.Month, bool) {
	if len(w) < 3 || len(w) > 10 {
		return 0, false
	}
	var buf [24]byte
	m, ok := monthNames[string(lowerKey(buf[:0], w))]
	return m, ok
}

// parseDate reads a calendar date at the start of s: ISO "2023-02-25",
// numeric "25.02.2023" (day first), "January 31, 2023", "Feb. 25, 2023",
// "25 februari 2023", "25. Februar 2023", "samedi 25 février 2023". The
// year must be there (four digits); end is where the date stops. A time
// of day is not read (see parseClock).
func parseDate(s string) (t model.Time, end int, ok bool) {
	i := 0
	// Weekday: "Saturday, ", "zaterdag ", "Samstag, ".
	if w := word(s); w != "" && len(w) <= 10 {
		var buf [16]byte
		if weekdayNames[string(lowerKey(buf[:0], w))] {
			i = len(w)
			if i < len(s) && (s[i] == ',' || s[i] == '.') {
				i++
			}
			i = skipSpaces(s, i)
		}
	}
	rest := s[i:]
	var y, d int
	var m time.Month
	switch n, c := digits(rest, 4); {
	case c == 4 && len(rest) >= 10 && rest[4] == '-' && rest[7] == '-':
		mm, c1 := digits(rest[5:], 2)
		dd, c2 := digits(rest[8:], 2)
		if c1 != 2 || c2 != 2 {
			return t, 0, false
		}
		y, m, d, i = n, time.Month(mm), dd, i+10
	case c == 1 || c == 2:
		d = n
		j := c
		if j < len(rest) && (rest[j] == '.' || rest[j] == '-' || rest[j] == '/') && j+1 < len(rest) && rest[j+1] >= '0' && rest[j+1] <= '9' {
			// 25.02.2023
			sep := rest[j]
			mm, c1 := digits(rest[j+1:], 2)
			j += 1 + c1
			if c1 == 0 || j >= len(rest) || rest[j] != sep {
				return t, 0, false
			}
			yy, c2 := digits(rest[j+1:], 4)
			if c2 != 4 {
				return t, 0, false
			}
			y, m, i = yy, time.Month(mm), i+j+1+4
			break
		}
		if j < len(rest) && rest[j] == '.' {
			j++
		}
		j = skipSpaces(rest, j)
		w := word(rest[j:])
		mo, okm := lookupMonth(w)
		if !okm {
			return t, 0, false
		}
		j += len(w)
		if j < len(rest) && rest[j] == '.' {
			j++
		}
		j = skipSpaces(rest, j)
		yy, c2 := digits(rest[j:], 4)
		if c2 != 4 {
			return t, 0, false
		}
		y, m, i = yy, mo, i+j+4
	case c == 0:
		w := word(rest)
		mo, okm := lookupMonth(w)
		if !okm {
			return t, 0, false
		}
		j := len(w)
		if j < len(rest) && rest[j] == '.' {
			j++
		}
		j = skipSpaces(rest, j)
		dd, c1 := digits(rest[j:], 2)
		if c1 == 0 {
			return t, 0, false
		}
		j += c1
		for _, suf := range [...]string{"st", "nd", "rd", "th"} {
			if strings.HasPrefix(rest[j:], suf) {
				j += 2
				break
			}
		}
		if j < len(rest) && rest[j] == ',' {
			j++
		}
		j = skipSpaces(rest, j)
		yy, c2 := digits(rest[j:], 4)
		if c2 != 4 {
			return t, 0, false
		}
		y, m, d, i = yy, mo, dd, i+j+4
	default:
		return t, 0, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return t, 0, false
	}
	return model.Date(y, m, d), i, true
}

// parseClock reads a time of day at the start of s: "14:03", "14.03 uur",
// "14:03 Uhr", "14h03", optionally after "om", "um", "at", "à", "," or "|".
func parseClock(s string) (h, m, end int, ok bool) {
	i := skipSpaces(s, 0)
	for _, p := range [...]string{",", "|", "-", "·", "om ", "um ", "at ", "à ", "a las "} {
		if strings.HasPrefix(s[i:], p) {
			i = skipSpaces(s, i+len(p))
			break
		}
	}
	hh, c := digits(s[i:], 2)
	if c == 0 || i+c >= len(s) {
		return 0, 0, 0, false
	}
	j := i + c
	if s[j] != ':' && s[j] != '.' && s[j] != 'h' {
		return 0, 0, 0, false
	}
	mm, c2 := digits(s[j+1:], 2)
	if c2 != 2 || hh > 23 || mm > 59 {
		return 0, 0, 0, false
	}
	j += 1 + c2
	if j+3 <= len(s) && s[j] == ':' { // seconds
		if _, c3 := digits(s[j+1:], 2); c3 == 2 {
			j += 3
		}
	}
	k := skipSpaces(s, j)
	for _, suf := range [...]string{"uur", "Uhr", "u.", "h", "CET", "CEST", "UTC", "GMT"} {
		if strings.HasPrefix(s[k:], suf) {
			j = k + len(suf)
			break
		}
	}
	return hh, mm, j, true
}

// parseDuration reads a video duration at the start of s: "02:53",
// "2:53 min", "1:02:03", "3 min" is not one (no colon).
func parseDuration(s string) (end int, ok bool) {
	_, c := digits(s, 2)
	if c == 0 || c >= len(s) || s[c] != ':' {
		return 0, false
	}
	_, c2 := digits(s[c+1:], 2)
	if c2 != 2 {
		return 0, false
	}
	j := c + 1 + c2
	if j < len(s) && s[j] == ':' {
		if _, c3 := digits(s[j+1:], 2); c3 == 2 {
			j += 3
		}
	}
	k := skipSpaces(s, j)
	for _, suf := range [...]string{"minutes", "minuten", "mins", "min.", "min", "Min.", "Min", "mn"} {
		if strings.HasPrefix(s[k:], suf) {
			return k + len(suf), true
		}
	}
	return j, true
}

// parseDateTime reads a date with an optional time of day; the time is
// taken as UTC, since a page rarely says its zone.
func parseDateTime(s string) (t model.Time, end int, ok bool) {
	t, end, ok = parseDate(s)
	if !ok {
		return t, 0, false
	}
	if end < len(s) && s[end] >= '0' && s[end] <= '9' {
		// "202302:53 min": a year glued to a duration, not a clock.
		return t, end, true
	}
	if h, m, j, ok := parseClock(s[end:]); ok {
		t = model.Time{Time: time.Date(t.Year(), t.Month(), t.Day(), h, m, 0, 0, time.UTC)}
		end += j
	}
	return t, end, true
}

// metaKeys open a metadata header line such as " date 2023-02-25".
var metaKeys = [...]string{"date", "published", "pubdate", "datetime", "datum", "date_published", "published_at"}

// parseMeta reads a metadata header line, "date 2023-02-25" or
// "published: 2023-02-25T10:00:00Z", and returns the time and the rest of
// the line.
func parseMeta(s string) (t model.Time, rest string, ok bool) {
	s = trimSpace(s)
	for _, k := range metaKeys {
		if !hasPrefixFold(s, k) || len(s) <= len(k) {
			continue
		}
		i := len(k)
		if c := s[i]; c != ' ' && c != ':' && c != '=' && c != '\t' {
			continue
		}
		for i < len(s) && (s[i] == ' ' || s[i] == ':' || s[i] == '=' || s[i] == '\t') {
			i++
		}
		// An ISO date-time token: digits, -, :, T, Z, +, .
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || strings.IndexByte("-:TZ+.", s[j]) >= 0) {
			j++
		}
		tok := s[i:j]
		if len(tok) < 10 {
			return t, s, false
		}
		p, err := model.ParseTime(tok)
		if err != nil {
			// Maybe a date glued to a clock the parser does not know.
			p, err = model.ParseTime(tok[:10])
			if err != nil {
				return t, s, false
			}
		}
		if p.DateOnly {
			if h, m, e, ok := parseClock(s[j:]); ok && e > 0 {
				p = model.Time{Time: time.Date(p.Year(), p.Month(), p.Day(), h, m, 0, 0, time.UTC)}
				j += e
			}
		}
		return p, trimSpace(s[j:]), true
	}
	return t, s, false
}
