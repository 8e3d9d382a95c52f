package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of a text.
type Span struct{ Start, End int }

// Sentences splits text into sentence spans, ordered and non-overlapping.
//
// A sentence ends at . ! ? ؟ । (with any closing quotes and brackets after
// them) followed by space and then an upper-case or uncased letter, a
// digit or an opening quote or bracket; at 。！？ (no space needed); and
// at a blank line. A period does not end a sentence after a known
// abbreviation of lang ("Dr.", "bijv.", "bzw.", "Jan. 5"), an initial
// ("A. Loekasjenko"), an acronym with periods ("U.S.", "o.a.", "d.w.z.",
// "z.g.a.n."), or, in languages that write ordinals with a period (de, da,
// nb, fi, cs, sk, pl, hu, tr, ...), a one- or two-digit number ("am 3. März").
// Leading and trailing space is trimmed from spans.
func Sentences(text, lang string) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > s {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			// blank line (only spaces between two newlines)
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				i = j + 1
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '。', '！', '？', '｡':
			j := skipClosers(text, i+n)
			emit(j)
			i = j
			continue
		case '.', '!', '?', '؟', '।', '…':
		default:
			i += n
			continue
		}
		j := skipClosers(text, i+n)
		if j >= len(text) {
			break
		}
		if r2, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsSpace(r2) {
			i = j
			continue
		}
		k := j
		for k < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		if k >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !startsSentence(next) {
			i = j
			continue
		}
		if r == '.' && j == i+1 && noBoundaryBefore(text[start:i], text[k:], lang) {
			i = j
			continue
		}
		emit(j)
		i = j
	}
	emit(len(text))
	return spans
}

// skipClosers returns the offset after the run of terminators, closing
// quotes and brackets starting at i.
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(".!?\"')]»”’」』）؟…", r) {
			break
		}
		i += n
	}
	return i
}

// startsSentence reports whether r may begin a new sentence.
func startsSentence(r rune) bool {
	if unicode.IsLetter(r) {
		return !unicode.IsLower(r) // upper case, or a script without case
	}
	return unicode.IsDigit(r) || strings.ContainsRune("\"'„“«‘(‹[¿¡–-", r)
}

// noBoundaryBefore reports whether the period ending before (text up to
// the period) does not end a sentence, given the text after it.
func noBoundaryBefore(before, after, lang string) bool {
	w := before
	if i := strings.LastIndexFunc(before, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("([\"'„“«‘", r)
	}); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		w = before[i+n:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			return true // initial
		}
	}
	if strings.Contains(w, ".") && !strings.HasSuffix(w, ".") { // "U.S", "o.a", "z.g.a.n"
		parts := strings.Split(w, ".")
		short := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 3 {
				short = false
			}
		}
		if short {
			return true
		}
	}
	lw := strings.ToLower(w)
	if inAbbrev(lang, lw) {
		return true
	}
	nextDigit := after != "" && after[0] >= '0' && after[0] <= '9'
	if nextDigit && inSet(beforeNumber, lang, lw) {
		return true
	}
	if ordinalDot[lang] && len(w) <= 2 && allDigits(w) {
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func inAbbrev(lang, w string) bool {
	return inSet(abbreviations, lang, w)
}

func inSet(m map[string]map[string]struct{}, lang, w string) bool {
	if _, ok := m[lang][w]; ok {
		return true
	}
	_, ok := m[""][w]
	return ok
}

// ordinalDot lists languages that write ordinal numbers with a period
// ("3. März", "2. verdenskrig"). Read-only.
var ordinalDot = map[string]bool{
	"de": true, "da": true, "nb": true, "no": true, "nn": true, "fi": true, "cs": true, "sk": true,
	"pl": true, "hu": true, "tr": true, "hr": true, "sr": true, "sl": true, "et": true, "lv": true, "is": true,
}

// abbreviations per language (lowercase, without the final period) that
// never end a sentence; the "" entry applies to every language. Words that
// are also ordinary words ("zo", "me", "no") are left out. Read-only.
var abbreviations = map[string]map[string]struct{}{
	"":   set("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "ca", "resp", "approx", "cf"),
	"en": set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "mt", "ft", "dept", "est", "rev", "hon", "pres", "adm", "cmdr", "supt", "messrs", "univ", "ave", "blvd", "gen", "maj", "brig", "sgt", "rep", "etc"),
	"nl": set("dhr", "mevr", "mw", "drs", "ir", "ing", "mr", "jhr", "bijv", "bv", "ca", "enz", "evt", "jl", "zgn", "zg", "zog", "vnl", "mln", "mld", "mrd", "min", "max", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "plm", "vgl", "incl", "excl", "blz", "pag", "afd", "gem", "ong", "mgr", "ds", "kol", "luit", "gen", "adj", "etc", "nl"),
	"de": set("hr", "fr", "frl", "bzw", "ca", "usw", "vgl", "mio", "mrd", "bspw", "dt", "ggf", "inkl", "str", "abs", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "evtl", "sog", "jh", "jhd", "mind", "bzgl", "gem", "ehem", "gegr", "geb", "verh", "insb", "zzgl", "etc", "usf", "dipl", "tel"),
	"fr": set("m", "mm", "mme", "mmes", "mlle", "mgr", "pr", "env", "av", "bd", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "ste", "cie", "hab", "éd", "etc", "gén", "lt", "cdt", "col"),
	"es": set("sr", "sra", "srta", "dña", "d", "ud", "uds", "etc", "ee", "uu", "gral", "avda", "pág", "núm"),
	"it": set("sig", "sigg", "sig.ra", "dott", "ing", "avv", "on", "ecc", "pag", "gen"),
	"ru": set("г", "гг", "им", "ул", "др", "проф", "руб", "млн", "млрд", "тыс", "св", "см", "стр", "акад", "ген", "пр", "т", "н"),
	"uk": set("р", "рр", "ім", "вул", "проф", "грн", "млн", "млрд", "тис", "див", "ген"),
}

// beforeNumber holds abbreviations that never end a sentence when a digit
// follows ("No. 5", "nr. 3", "art. 12", "Jan. 5"). Read-only.
var beforeNumber = map[string]map[string]struct{}{
	"":   set("no", "nos", "nr", "art", "p", "pp", "fig", "vol", "ch", "par", "sec", "tel"),
	"en": set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
	"fr": set("n°", "no"),
}

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
