package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of a text.
type Span struct{ Start, End int }

// Sentences splits text into sentence spans. A sentence ends at . ! ? (and
// closing quotes/brackets after them) followed by space and an upper-case
// letter, digit or opening quote, unless the word before the period is a
// known abbreviation of lang or a single letter (an initial); a blank line
// always ends a sentence. Leading and trailing space is trimmed from spans.
func Sentences(text, lang string) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			emit(i)
			i += 2
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(".!?\"')]»”’", text[j]) >= 0 {
			j++
		}
		for j < len(text) && text[j] >= 0x80 { // multi-byte closing quotes
			r, n := utf8.DecodeRuneInString(text[j:])
			if r != '”' && r != '’' && r != '»' {
				break
			}
			j += n
		}
		if j >= len(text) {
			break
		}
		if !isSpaceByte(text[j]) {
			i = j
			continue
		}
		k := j
		for k < len(text) && isSpaceByte(text[k]) {
			k++
		}
		if k >= len(text) {
			break
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'„“«‘(", r)) {
			i = j
			continue
		}
		if c == '.' && isAbbreviation(text[:i], lang) {
			i = j
			continue
		}
		emit(j)
		i = j
	}
	emit(len(text))
	return spans
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isAbbreviation reports whether the word ending text (before a period) is
// an abbreviation or an initial.
func isAbbreviation(text, lang string) bool {
	w := text
	if i := strings.LastIndexFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '(' }); i >= 0 {
		w = text[i+1:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	if strings.Contains(w, ".") { // "U.S", "o.a"
		return true
	}
	_, ok := abbreviations[lang][strings.ToLower(w)]
	if !ok {
		_, ok = abbreviations[""][strings.ToLower(w)]
	}
	return ok
}

// abbreviations per language (lowercase, without the final period); the
// "" entry applies to every language. Read-only.
var abbreviations = map[string]map[string]struct{}{
	"":   set("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "nr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep"),
	"en": set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "mt", "ft", "approx", "dept", "est", "fig", "rev", "hon", "pres"),
	"nl": set("dhr", "mevr", "mw", "drs", "ir", "ing", "mr", "blz", "bijv", "bv", "ca", "resp", "jl", "nl", "enz", "evt", "zgn", "mln", "mld", "mrd", "min", "max", "jan", "feb", "aug", "sept", "okt", "nov", "dec", "plm", "vgl", "zg"),
	"de": set("hr", "fr", "bzw", "ca", "usw", "vgl", "nr", "mio", "mrd", "bspw", "z", "dt", "ggf", "inkl", "jan", "feb", "aug", "sept", "okt", "nov", "dez", "str", "abs"),
	"fr": set("m", "mm", "mme", "mlle", "mgr", "env", "cf", "av", "bd", "etc", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"),
}

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
