package cluster

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cyrillic maps Cyrillic letters (Russian, Ukrainian, Belarusian) to a
// simple Latin transcription; NameKey folds the remaining spelling
// differences between transcription traditions.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i",
	'ї': "i", 'є': "e", 'ў': "u", 'ґ': "g",
}

// folds rewrite transcription variants to one spelling, longest first:
// Dutch "Loekasjenko" and German "Lukaschenko" meet English "Lukashenko".
var folds = []struct{ from, to string }{
	{"shch", "sh"}, {"tsch", "ch"}, {"tsj", "ch"}, {"sch", "sh"}, {"sj", "sh"},
	{"zj", "zh"}, {"kh", "ch"}, {"oe", "u"}, {"ou", "u"}, {"ph", "f"},
	{"ck", "k"}, {"w", "v"}, {"y", "i"}, {"j", "i"}, {"q", "k"}, {"c", "k"},
}

// NameKey returns a language- and script-independent key for a proper
// name: lowercased, diacritics removed, Cyrillic transcribed, the common
// Dutch/German/English/French transcription variants folded, doubled
// letters collapsed and a final vowel of long words dropped (a crude
// inflection fold: "Putina" and "Putin" meet). Words are joined by one
// space. It returns "" for text without letters or digits. The entity
// linker's IDs are better; NameKey is the fallback for unlinked mentions.
func NameKey(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if k := wordKey(w); k != "" {
			words = append(words, k)
		}
	}
	return strings.Join(words, " ")
}

func wordKey(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		case cyrillic[r] != "":
			b.WriteString(cyrillic[r])
		case r == 'ъ' || r == 'ь':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	s := b.String()
	if !isASCII(s) {
		return s // other scripts (Arabic, Han, Greek...) are kept as written
	}
	for _, f := range folds {
		s = strings.ReplaceAll(s, f.from, f.to)
	}
	// collapse doubled letters
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		out = append(out, s[i])
	}
	if n := len(out); n >= 5 && strings.IndexByte("aeiou", out[n-1]) >= 0 {
		out = out[:n-1]
	}
	return string(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
