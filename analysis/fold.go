package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and removes diacritics ("Über" -> "uber", "Łódź" ->
// "lodz", "Straße" -> "strasse", "Ærø" -> "aero"): a search and matching
// key. Scripts without Latin diacritics pass through lowercased; Greek
// tonos and Cyrillic й/ё are folded too (й -> и, ё -> е).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	d := norm.NFD.String(s)
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if x, ok := foldSpecial[r]; ok {
			b.WriteString(x)
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !utf8.ValidString(out) {
		return strings.ToLower(s)
	}
	return norm.NFC.String(out)
}

// foldSpecial spells out letters that NFD does not decompose. Read-only.
var foldSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŀ': "l", 'ſ': "s", 'ĳ': "ij",
}

// FoldFilter folds token text with Fold (lowercase, no diacritics).
type FoldFilter struct{}

// Filter implements TokenFilter.
func (FoldFilter) Filter(toks []Token) []Token {
	for i := range toks {
		toks[i].Text = Fold(toks[i].Text)
	}
	return toks
}
