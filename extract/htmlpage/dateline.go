package htmlpage

import (
	"regexp"
	"strconv"
	"strings"

	"dateline/model"
)

// The plain-text segmenter (dateline/extract/textpage) is being written in
// parallel and will export ParseDateline, ParseCredits and ParseAge with the
// signatures below; until it lands, these local versions stand in so that
// HTML and text pages read datelines the same way. Swap them for the
// textpage calls once that package exists.

var (
	// "BEIJING (ANP/RTR) -", "Berlin, 12. März (dpa) -", "WASHINGTON (Reuters) —"
	datelineParen = regexp.MustCompile(`^([\p{Lu}][\p{L}.'’\- ]{1,40}?)(?:\s*,\s*[^()\n]{1,30}?)?\s*\(([^()\n]{2,40})\)\s*[-–—:]+\s*`)
	// "LONDON — ", "NEW YORK - "
	datelineCaps = regexp.MustCompile(`^(\p{Lu}[\p{Lu}.'’\- ]{1,30}?)(?:\s*,\s*[^\n]{1,25}?)?\s+[-–—]+\s+`)
	// "(AP) — "
	datelineAgency = regexp.MustCompile(`^\(([^()\n]{2,30})\)\s*[-–—:]+\s*`)
	// trailing credits: "(ANP, Reuters)", "Bron: ANP", "© dpa", "/AFP"
	creditParen = regexp.MustCompile(`\(([^()\n]{2,60})\)\s*\.?$`)
	creditTail  = regexp.MustCompile(`(?i)(?:bron|quelle|source|sources|©|\(c\)|copyright|/)\s*:?\s*([\p{L}/,&\- ]{2,60})\.?$`)
)

// knownAgencies are news agencies recognised in trailing credits, where a
// parenthesis alone is too weak a signal. Keys are lower case.
var knownAgencies = map[string]string{
	"anp": "ANP", "afp": "AFP", "ap": "AP", "reuters": "Reuters", "rtr": "RTR", "dpa": "dpa",
	"belga": "Belga", "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "ria novosti": "RIA Novosti",
	"interfax": "Interfax", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap", "pa": "PA",
	"bloomberg": "Bloomberg", "upi": "UPI", "apa": "APA", "sda": "SDA", "kna": "KNA", "epd": "epd",
	"ntb": "NTB", "tt": "TT", "ritzau": "Ritzau", "lusa": "Lusa", "anadolu": "Anadolu", "aa": "AA",
	"ukrinform": "Ukrinform", "unian": "UNIAN", "belta": "BelTA", "irna": "IRNA", "pap": "PAP",
	"ctk": "ČTK", "čtk": "ČTK", "mti": "MTI", "sta": "STA", "hina": "Hina", "tanjug": "Tanjug",
	"bta": "BTA", "agerpres": "Agerpres", "europa press": "Europa Press", "sid": "SID",
	"dapd": "dapd", "novum": "Novum", "ipa": "IPA", "wafa": "WAFA", "kuna": "KUNA", "sana": "SANA",
	"ap/dpa": "", "associated press": "AP", "agence france-presse": "AFP", "nos": "", "cnn": "CNN",
}

// parseDateline reads a wire dateline at the start of s and returns it with
// the rest of the text.
func parseDateline(s string) (model.Dateline, string, bool) {
	if m := datelineParen.FindStringSubmatch(s); m != nil {
		ag := splitAgencies(m[2], false)
		if len(ag) > 0 {
			return model.Dateline{Place: strings.TrimSpace(m[1]), Agencies: ag}, s[len(m[0]):], true
		}
	}
	if m := datelineAgency.FindStringSubmatch(s); m != nil {
		if ag := splitAgencies(m[1], false); len(ag) > 0 {
			return model.Dateline{Agencies: ag}, s[len(m[0]):], true
		}
	}
	if m := datelineCaps.FindStringSubmatch(s); m != nil {
		place := strings.TrimSpace(m[1])
		if len([]rune(place)) >= 3 && strings.ToUpper(place) == place {
			return model.Dateline{Place: place}, s[len(m[0]):], true
		}
	}
	return model.Dateline{}, s, false
}

// splitAgencies splits "ANP/RTR", "dpa, AFP" into agency names; with known
// set, only names in knownAgencies are kept.
func splitAgencies(s string, known bool) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == ';' || r == '&' || r == '|' })
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "and "))
		if p == "" {
			continue
		}
		canon, ok := knownAgencies[strings.ToLower(p)]
		switch {
		case ok && canon != "":
			out = appendUnique(out, canon)
		case ok:
		case !known && len([]rune(p)) <= 20 && len(strings.Fields(p)) <= 3 && !strings.ContainsAny(p, "0123456789"):
			out = appendUnique(out, p)
		case !known:
			return nil // not an agency credit ("(photo: John Smith, 2019)")
		}
	}
	return out
}

// parseCredits returns the known agencies credited at the end of line.
func parseCredits(line string) []string {
	line = strings.TrimSpace(line)
	if m := creditParen.FindStringSubmatch(line); m != nil {
		if ag := splitAgencies(m[1], true); len(ag) > 0 {
			return ag
		}
	}
	if m := creditTail.FindStringSubmatch(line); m != nil {
		return splitAgencies(m[1], true)
	}
	return nil
}

var ageRe = regexp.MustCompile(`(?i)(\d+|een|één|an?|one)\s*(sec|seconds?|seconden|sekunden|s|min|minutes?|minuten|minuut|m|uur|hours?|hrs?|h|stunden?|std|days?|dagen|dag|tagen?|d|weeks?|weken|wochen?)\b\.?\s*(ago|geleden|her)?`)
var agePrefixRe = regexp.MustCompile(`(?i)\bvor\s+(\d+|einer|einem)\s*(sekunden|minuten|minute|stunden|stunde|tagen|tag|wochen|woche)\b`)

// parseAge reads a teaser's relative age ("2 uur geleden", "5 hours ago",
// "vor 3 Stunden", "gisteren") in seconds.
func parseAge(s string) (int64, bool) {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "gisteren"), strings.Contains(low, "yesterday"), strings.Contains(low, "gestern"):
		return 86400, true
	}
	var num, unit string
	if m := agePrefixRe.FindStringSubmatch(s); m != nil {
		num, unit = m[1], m[2]
	} else if m := ageRe.FindStringSubmatch(s); m != nil && m[3] != "" {
		num, unit = m[1], m[2]
	} else {
		return 0, false
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		n = 1
	}
	u := strings.ToLower(unit)
	var sec int64
	switch {
	case strings.HasPrefix(u, "st"), strings.HasPrefix(u, "u"), strings.HasPrefix(u, "h"):
		sec = 3600
	case strings.HasPrefix(u, "s"):
		sec = 1
	case strings.HasPrefix(u, "m"):
		sec = 60
	case strings.HasPrefix(u, "d"), strings.HasPrefix(u, "t"):
		sec = 86400
	case strings.HasPrefix(u, "w"):
		sec = 7 * 86400
	default:
		return 0, false
	}
	return n * sec, true
}
