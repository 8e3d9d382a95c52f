package textpage

import "strings"

// Seconds per unit of a relative age.
const (
	minute = 60
	hour   = 60 * minute
	day    = 24 * hour
	week   = 7 * day
	month  = 30 * day
	year   = 365 * day
)

// ageUnits maps lower-case time units of nl, en, de and fr (full words,
// plurals and the usual abbreviations) to their length in seconds.
var ageUnits = map[string]int64{
	"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "seconde": 1, "seconden": 1,
	"secondes": 1, "sek": 1, "sekunde": 1, "sekunden": 1,
	"m": minute, "min": minute, "mins": minute, "mn": minute, "minute": minute, "minutes": minute,
	"minuut": minute, "minuten": minute,
	"h": hour, "u": hour, "hr": hour, "hrs": hour, "hour": hour, "hours": hour, "uur": hour,
	"uren": hour, "std": hour, "stunde": hour, "stunden": hour, "heure": hour, "heures": hour,
	"d": day, "day": day, "days": day, "dag": day, "dagen": day, "tag": day, "tage": day,
	"tagen": day, "jour": day, "jours": day,
	"w": week, "wk": week, "wks": week, "week": week, "weeks": week, "weken": week,
	"woche": week, "wochen": week, "semaine": week, "semaines": week,
	"mo": month, "mos": month, "month": month, "months": month, "maand": month, "maanden": month,
	"monat": month, "monate": month, "monaten": month, "mois": month,
	"y": year, "yr": year, "yrs": year, "year": year, "years": year, "jaar": year, "jaren": year,
	"jahr": year, "jahre": year, "jahren": year, "an": year, "ans": year,
}

// oneWords are the words that stand for the number one in "an hour ago",
// "een uur geleden", "vor einer Stunde", "il y a une heure".
var oneWords = map[string]bool{
	"a": true, "an": true, "one": true, "een": true, "één": true, "ein": true, "eine": true,
	"einer": true, "einem": true, "einen": true, "un": true, "une": true,
}

// dayWords are whole-line relative ages without a number: "yesterday" is
// read as one day, "just now" as zero.
var dayWords = map[string]int64{
	"gisteren": day, "yesterday": day, "gestern": day, "hier": day,
	"eergisteren": 2 * day, "vorgestern": 2 * day, "avant-hier": 2 * day,
	"zojuist": 0, "just now": 0, "gerade eben": 0, "soeben": 0,
	"à l'instant": 0, "a l'instant": 0, "à l’instant": 0,
}

// ParseAge reads a relative age such as "2 uur geleden", "32 minuten
// geleden", "5 hours ago", "an hour ago", "vor 3 Stunden", "vor einem Tag",
// "il y a 2 heures" or "3h ago" and returns it in seconds. The whole of s
// (trimmed) must be the age. Months count 30 days and years 365; the
// number-less "yesterday" words (gisteren, gestern, hier) count one day and
// "just now" words zero. Ages are relative to the moment the page was
// crawled, which the caller knows and this package does not.
func ParseAge(s string) (seconds int64, ok bool) {
	s = strings.TrimRight(trimSpace(s), ".")
	if s == "" {
		return 0, false
	}
	if len(s) <= 16 {
		var buf [32]byte
		if v, ok := dayWords[lowerASCII(buf[:0], s)]; ok {
			return v, true
		}
	}
	end, secs, ok := ageAt(s)
	if !ok || trimSpace(s[end:]) != "" {
		return 0, false
	}
	return secs, true
}

// ageAt parses a relative age at the start of s and returns where it ends.
// The age may be glued to what follows ("2 uur geledenGUAYAQUIL") as long as
// that does not continue the last word in lower case.
func ageAt(s string) (end int, secs int64, ok bool) {
	for _, pre := range [...]string{"vor ", "il y a "} {
		if hasPrefixFold(s, pre) {
			j, v, ok := numUnit(s[len(pre):])
			end = len(pre) + j
			return end, v, ok && wordEnd(s, end)
		}
	}
	j, v, ok := numUnit(s)
	if !ok {
		return 0, 0, false
	}
	k := skipSpaces(s, j)
	switch {
	case hasPrefixFold(s[k:], "geleden"):
		end = k + len("geleden")
	case hasPrefixFold(s[k:], "ago"):
		end = k + len("ago")
	default:
		return 0, 0, false
	}
	return end, v, wordEnd(s, end)
}

// wordEnd reports whether position i of s ends a word: the end of s, or a
// byte that is not a lower-case ASCII letter.
func wordEnd(s string, i int) bool {
	return i >= len(s) || !(s[i] >= 'a' && s[i] <= 'z')
}

// numUnit reads "<number> <unit>" at the start of s ("2 uur", "42min",
// "een uur", "3 Std.") and returns the end and the value in seconds.
func numUnit(s string) (end int, secs int64, ok bool) {
	var n int64
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if i >= 6 {
			return 0, 0, false
		}
		n = n*10 + int64(s[i]-'0')
		i++
	}
	if i == 0 {
		// A word meaning one.
		j := 0
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j == 0 || j > 6 {
			return 0, 0, false
		}
		var buf [16]byte
		if !oneWords[lowerASCII(buf[:0], s[:j])] {
			return 0, 0, false
		}
		n, i = 1, j
	}
	i = skipSpaces(s, i)
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		if j > i && s[j] <= 'Z' && s[j-1] >= 'a' {
			break // "StundenWien": the unit is glued to the next teaser
		}
		j++
	}
	if j == i || j-i > 10 {
		return 0, 0, false
	}
	var buf [16]byte
	u, ok := ageUnits[lowerASCII(buf[:0], s[i:j])]
	if !ok {
		return 0, 0, false
	}
	if j < len(s) && s[j] == '.' {
		j++
	}
	return j, n * u, true
}

// findAge looks for a relative age that ends a short line, possibly after a
// glued category word ("Politics5 hours ago", "Wereld | 2 uur geleden"), and
// returns where it starts.
func findAge(s string) (start int, secs int64, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		digitStart := c >= '0' && c <= '9' && (i == 0 || s[i-1] < '0' || s[i-1] > '9')
		wordStart := i == 0 || s[i-1] == ' '
		if !digitStart && !wordStart {
			continue
		}
		end, v, ok := ageAt(s[i:])
		if ok && trimSpace(strings.TrimRight(s[i+end:], ".")) == "" {
			return i, v, true
		}
	}
	return 0, 0, false
}
