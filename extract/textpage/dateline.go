package textpage

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/model"
)

// knownAgencies are lower-case names of news agencies. Datelines accept any
// agency-shaped credit in their parenthesis; trailing credits, a weaker
// signal, need a known name or an upper-case acronym.
var knownAgencies = map[string]bool{
	"anp": true, "afp": true, "ap": true, "reuters": true, "rtr": true, "dpa": true,
	"belga": true, "efe": true, "ansa": true, "tass": true, "itar-tass": true, "ria": true,
	"ria novosti": true, "interfax": true, "xinhua": true, "kyodo": true, "yonhap": true,
	"pa": true, "pa media": true, "bloomberg": true, "upi": true, "apa": true, "sda": true,
	"ats": true, "kna": true, "epd": true, "ntb": true, "tt": true, "ritzau": true, "lusa": true,
	"anadolu": true, "aa": true, "ukrinform": true, "unian": true, "belta": true, "irna": true,
	"pap": true, "ctk": true, "čtk": true, "mti": true, "sta": true, "hina": true, "tanjug": true,
	"bta": true, "agerpres": true, "europa press": true, "sid": true, "dapd": true, "ddp": true,
	"dpa-afx": true, "epa": true, "aap": true, "cp": true, "the canadian press": true,
	"associated press": true, "the associated press": true, "agence france-presse": true,
	"agence france presse": true, "deutsche presse-agentur": true, "bernama": true,
	"antara": true, "pti": true, "ians": true, "ani": true, "kuna": true, "wafa": true,
	"sana": true, "mena": true, "wam": true, "spa": true, "qna": true, "novosti": true,
	"bno": true, "stt": true,
}

// ParseDateline reads the dateline that opens a wire story and returns it
// with the text after it. It accepts an upper-case or capitalised place,
// optionally followed by a comma and a date, then the agencies in
// parentheses and a dash:
//
//	BEIJING (ANP/RTR) - text      MINSK (ANP/DPA/RTR) - text
//	WASHINGTON (Reuters) - text   LONDON, Feb 25 (Reuters) - text
//	NEW YORK (AP) — text          Berlin (dpa) - text
//	Paris, 25 févr. 2023 (AFP) -  GENÈVE (ANP) text
//
// An upper-case place may also stand without agencies before a dash
// ("KYIV - text"). A capitalised place needs both the agencies and the dash,
// so that an ordinary sentence with a parenthesis is not read as a
// dateline. Agencies are returned as written, split at "/", "," and "&".
func ParseDateline(s string) (d model.Dateline, rest string, ok bool) {
	s = trimSpace(s)
	limit := min(len(s), 120)
	open := strings.IndexByte(s[:limit], '(')
	if open <= 0 {
		return datelineNoAgency(s)
	}
	head := trimSpace(s[:open])
	place, date := head, ""
	if c := strings.IndexByte(head, ','); c >= 0 {
		place, date = trimSpace(head[:c]), trimSpace(head[c+1:])
		if date == "" || !hasDigit(date) || countWords(date) > 5 {
			return d, s, false
		}
	}
	caps, okPlace := placeShape(place)
	if !okPlace {
		return d, s, false
	}
	closing := strings.IndexByte(s[open:min(len(s), open+80)], ')')
	if closing < 0 {
		return d, s, false
	}
	closing += open
	agencies, okAg := splitAgencies(s[open+1:closing], false)
	if !okAg {
		return d, s, false
	}
	after := trimSpace(s[closing+1:])
	switch r, n := utf8.DecodeRuneInString(after); {
	case isDash(r) || r == ':':
		for len(after) > 0 {
			r, n = utf8.DecodeRuneInString(after)
			if !isDash(r) && r != ':' {
				break
			}
			after = after[n:]
		}
		after = trimSpace(after)
	case after == "":
	case caps && (unicode.IsUpper(r) || r == '"' || r == 0x201C || r == 0x201E || unicode.IsDigit(r)):
		// "GENÈVE (ANP) De onderhandelingen ..."
	default:
		return d, s, false
	}
	return model.Dateline{Place: place, Agencies: agencies}, after, true
}

// datelineNoAgency reads "KYIV - text" or "WASHINGTON, Feb 25 - text":
// an upper-case place, an optional date and a spaced dash.
func datelineNoAgency(s string) (model.Dateline, string, bool) {
	limit := min(len(s), 80)
	for i := 1; i < limit; i++ {
		if s[i-1] != ' ' {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isDash(r) || i+n >= len(s) || s[i+n] != ' ' {
			continue
		}
		head := trimSpace(s[:i])
		if c := strings.IndexByte(head, ','); c >= 0 {
			if date := trimSpace(head[c+1:]); !hasDigit(date) || countWords(date) > 5 {
				return model.Dateline{}, s, false
			}
			head = trimSpace(head[:c])
		}
		caps, ok := placeShape(head)
		if !ok || !caps || countLetters(head) < 3 {
			return model.Dateline{}, s, false
		}
		return model.Dateline{Place: head}, trimSpace(s[i+n:]), true
	}
	return model.Dateline{}, s, false
}

// placeConnectors are the lower-case words a place name may hold between
// capitalised ones: "Frankfurt am Main", "Rio de Janeiro", "Bergen op Zoom".
var placeConnectors = map[string]bool{
	"de": true, "del": true, "della": true, "di": true, "da": true, "do": true, "dos": true,
	"das": true, "du": true, "des": true, "la": true, "le": true, "les": true, "am": true,
	"an": true, "der": true, "den": true, "im": true, "in": true, "on": true, "upon": true,
	"sur": true, "en": true, "aan": true, "op": true, "of": true, "y": true, "el": true,
	"al": true, "van": true, "von": true, "zu": true, "bei": true, "ob": true, "'s": true,
}

// placeShape checks that s looks like a place name: one to five words,
// each capitalised (or a connector), letters with - . ' inside. caps
// reports that every letter is upper case.
func placeShape(s string) (caps, ok bool) {
	if s == "" || len(s) > 48 || !unicode.IsUpper(firstRune(s)) && firstRune(s) != '\'' {
		return false, false
	}
	words := 0
	caps = true
	for rest := s; rest != ""; {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		words++
		if words > 5 {
			return false, false
		}
		first := true
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				if first && !unicode.IsUpper(r) && !placeConnectors[w] {
					return false, false
				}
				if unicode.IsLower(r) {
					caps = false
				}
			case r == '-' || r == '.' || r == '\'' || r == 0x2019:
			default:
				return false, false
			}
			first = false
		}
	}
	return caps, words > 0
}

// countLetters counts the letters of s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// splitAgencies splits an agency list ("ANP/RTR", "AFP, Reuters", "AP &
// dpa") into its names. strict demands that each be a known agency or an
// upper-case acronym; otherwise each must merely be shaped like a name.
func splitAgencies(s string, strict bool) ([]string, bool) {
	s = trimSpace(s)
	if s == "" || len(s) > 60 {
		return nil, false
	}
	var out []string
	for s != "" {
		i := strings.IndexAny(s, "/,&;")
		part := s
		if i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		part = trimSpace(part)
		if part == "" {
			continue
		}
		// " and ", " und ", " en ", " et " join the last two.
		for _, j := range [...]string{" and ", " und ", " en ", " et "} {
			if k := strings.Index(part, j); k > 0 {
				s = part[k+len(j):] + "/" + s
				part = trimSpace(part[:k])
				break
			}
		}
		if !agencyShape(part, strict) {
			return nil, false
		}
		out = append(out, part)
	}
	return out, len(out) > 0
}

// agencyShape reports whether s can be an agency name.
func agencyShape(s string, strict bool) bool {
	if len(s) < 2 || len(s) > 30 || countWords(s) > 3 {
		return false
	}
	var buf [32]byte
	if knownAgencies[string(lowerKey(buf[:0], s))] {
		return true
	}
	if strict {
		if len(s) > 6 {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < 'A' || s[i] > 'Z' {
				return false
			}
		}
		return true
	}
	if !unicode.IsUpper(firstRune(s)) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// creditPrefixes open a trailing credit line; matched in lower case.
var creditPrefixes = [...]string{
	"with reporting by ", "additional reporting by ", "reporting by ", "with material from ",
	"with additional reporting from ", "mit material von ", "mit material der ", "mit material des ",
	"material: ", "avec l'", "avec ", "met dank aan ", "bronnen:", "bron:", "bron :", "quellen:", "quelle:",
	"quelle :", "sources:", "sources :", "source:", "source :", "agencies:", "agenturen:", "agences:",
	"©", "(c)", "copyright ", "door ", "par ", "von ", "by ",
}

// ParseCredits reads a trailing credit line and returns the agencies it
// credits, as written, or nil when the line is not a credit. It accepts
// author initials before a parenthesised list ("tg/ar (AFP, Reuters)",
// "dh/sms (dpa, rtr)"), a bare parenthesis ("(dpa, AFP)"), a lone agency
// ("ANP"), and prefixed forms ("Bron: ANP", "© AFP", "Quelle: dpa",
// "with reporting by Reuters", "avec AFP"). Bare lists must name known
// agencies; in parentheses upper-case acronyms are accepted too.
func ParseCredits(line string) []string {
	s := trimSpace(line)
	s = strings.TrimRight(s, ". ")
	if s == "" || len(s) > 120 {
		return nil
	}
	var buf [128]byte
	low := lowerKey(buf[:0], s)
	prefixed := false
	for _, p := range creditPrefixes {
		if bytes.HasPrefix(low, []byte(p)) {
			// low and s have the same length for ASCII prefixes.
			s = trimSpace(s[len(p):])
			prefixed = true
			break
		}
	}
	// Author initials: "tg/ar", "dh/sms", "jj" before a parenthesis.
	if i := strings.IndexByte(s, '('); i > 0 && initials(trimSpace(s[:i])) {
		s = trimSpace(s[i:])
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		ag, ok := splitAgencies(s[1:len(s)-1], true)
		if ok {
			return ag
		}
		return nil
	}
	if strings.HasPrefix(s, "/") { // "/AFP"
		s, prefixed = s[1:], true
	}
	ag, ok := splitAgencies(s, true)
	if !ok {
		return nil
	}
	if !prefixed {
		for _, a := range ag {
			var b [32]byte
			if !knownAgencies[string(lowerKey(b[:0], a))] {
				return nil
			}
		}
	}
	return ag
}

// initials reports whether s is a run of author initials: lower-case
// letters joined by slashes, "tg/ar", "dh/sms", "jj".
func initials(s string) bool {
	if s == "" || len(s) > 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '/' || c == ',' || c == ' ') {
			return false
		}
	}
	return true
}
