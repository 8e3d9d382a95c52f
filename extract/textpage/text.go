package textpage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpace reports whether r is white space as scraped pages spell it,
// including no-break, thin and zero-width spaces and the byte-order mark.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\v', '\f', 0xA0, 0x2007, 0x202F, 0x200B, 0xFEFF, 0x3000, 0x205F:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// trimSpace trims white space (see isSpace) from both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
				s = s[1:]
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s)
		if !isSpace(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
				s = s[:len(s)-1]
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// cleanSpaces returns s with every run of white space turned into one
// ASCII space; it allocates only when s needs it.
func cleanSpaces(s string) string {
	dirty := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\r' || c == '\n' || c >= utf8.RuneSelf || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			if c >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if !isSpace(r) {
					continue
				}
			}
			dirty = true
			break
		}
	}
	if !dirty {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// skipSpaces returns the first index at or after i where s has no ASCII space.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p,
// ignoring ASCII case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// lowerASCII appends s to buf with ASCII letters lowered and returns it as
// a string; used for map look-ups, which do not keep the string.
func lowerASCII(buf []byte, s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// lowerKey lowers s fully (Unicode) into buf; for short phrase look-ups.
func lowerKey(buf []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			continue
		}
		if r == 0x2019 { // ’ reads as '
			buf = append(buf, '\'')
			continue
		}
		if isSpace(r) {
			buf = append(buf, ' ')
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// countWords counts the space-separated words of s.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// ending classifies how a line ends.
type ending uint8

const (
	endNone     ending = iota // a headline or label: no final punctuation
	endSentence               // . or …
	endQuestion               // ? or !
	endPause                  // : ; ,
)

// lineEnding reads the final punctuation of s, looking through closing
// quotes and brackets. quoted reports that a closing quote ends the line.
func lineEnding(s string) (e ending, quoted bool) {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', 0x201D, 0x2019, 0xBB, 0x201C:
			quoted = true
			s = s[:len(s)-n]
			continue
		case ')', ']':
			s = s[:len(s)-n]
			continue
		case '.', 0x2026:
			return endSentence, quoted
		case '?', '!':
			return endQuestion, quoted
		case ':', ';', ',':
			return endPause, quoted
		}
		return endNone, quoted
	}
	return endNone, quoted
}

// firstRune returns the first rune of s, or 0.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// hasLower reports whether s holds a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// isDash reports whether r is one of the dashes a dateline ends with.
func isDash(r rune) bool {
	switch r {
	case '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
		return true
	}
	return false
}

// toLower lowers one rune.
func toLower(r rune) rune { return unicode.ToLower(r) }
