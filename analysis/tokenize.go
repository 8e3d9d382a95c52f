package analysis

import (
	"unicode"
	"unicode/utf8"
)

// WordTokenizer cuts text at Unicode word boundaries in the spirit of
// UAX #29, tuned for news text:
//   - runs of letters, marks and digits are one token, keeping inner
//     apostrophes and hyphens ("aujourd'hui", "Noord-Korea", "COVID-19");
//   - numbers keep inner periods, commas and hyphens between digits
//     ("1.000.000", "3,5", "2024-05-01") and are of Kind Number;
//   - acronyms written with periods stay whole ("U.S.", "o.a.", "d.w.z.");
//   - every Han ideograph and Hiragana character is a token of its own
//     (no dictionary segmentation); Katakana, Hangul and Thai runs stay
//     together;
//   - every other non-space rune is a Punct token.
type WordTokenizer struct{}

// Tokenize implements Tokenizer.
func (WordTokenizer) Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < 0x80 && asciiSpace[r]:
			i += n
		case r >= 0x80 && unicode.IsSpace(r):
			i += n
		case isIdeograph(r):
			toks = append(toks, Token{Text: text[i : i+n], Start: i, End: i + n, Kind: Word})
			i += n
		case isWordRune(r):
			if end := acronymEnd(text, i); end > 0 {
				toks = append(toks, Token{Text: text[i:end], Start: i, End: end, Kind: Word})
				i = end
				continue
			}
			start := i
			letters := false
			for i < len(text) {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) && !isIdeograph(r) {
					if !isDigit(r) {
						letters = true
					}
					i += n
					continue
				}
				if i+n >= len(text) {
					break
				}
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if !isWordRune(r2) || isIdeograph(r2) {
					break
				}
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				if r == '\'' || r == '’' || r == '-' || r == '‐' {
					i += n
					continue
				}
				if (r == '.' || r == ',') && !letters && isDigit(prev) && isDigit(r2) {
					i += n
					continue
				}
				break
			}
			k := Word
			if !letters {
				k = Number
			}
			toks = append(toks, Token{Text: text[start:i], Start: start, End: i, Kind: k})
		default:
			toks = append(toks, Token{Text: text[i : i+n], Start: i, End: i + n, Kind: Punct})
			i += n
		}
	}
	return toks
}

var asciiSpace = [128]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isIdeograph reports runes that are words on their own: Han ideographs
// and Hiragana.
func isIdeograph(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r))
}

// acronymEnd returns the end of an acronym written with periods starting
// at i ("U.S.", "o.a.", "z.g.a.n.", "d.w.z."): at least two single letters
// each followed by a period. It returns 0 when there is none.
func acronymEnd(text string, i int) int {
	count := 0
	for {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) || i+n >= len(text) || text[i+n] != '.' {
			break
		}
		i += n + 1
		count++
		if i >= len(text) {
			break
		}
	}
	if count < 2 {
		return 0
	}
	// the next rune must not continue a word ("U.S.A" without final dot is fine)
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
			return 0
		}
	}
	return i
}

// Tokenize cuts text with the WordTokenizer.
func Tokenize(text string) []Token { return WordTokenizer{}.Tokenize(text) }
