package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token kinds.
const (
	kWord  = 'w' // a run of letters
	kNum   = 'n' // a run of ASCII digits
	kPunct = 'p' // any other single character
)

// token is one word, number or punctuation mark of a text, with its byte
// offsets. Text is lower-cased; raw keeps the original spelling.
type token struct {
	text, raw  string
	start, end int
	kind       byte
}

// upper reports whether the token's original spelling starts with an
// upper-case letter.
func (t token) upper() bool {
	r, _ := utf8.DecodeRuneInString(t.raw)
	return unicode.IsUpper(r)
}

// tokenize splits s into words (letters and combining marks), numbers
// (ASCII digits) and single punctuation characters; spaces separate
// tokens and are dropped. Invalid UTF-8 bytes become punctuation tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/4)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			toks = append(toks, token{text: s[i : i+1], raw: s[i : i+1], start: i, end: i + 1, kind: kPunct})
			i++
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{text: s[i:j], raw: s[i:j], start: i, end: j, kind: kNum})
			i = j
		case unicode.IsLetter(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !(unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2)) || (r2 == utf8.RuneError && n2 <= 1) {
					break
				}
				j += n2
			}
			raw := s[i:j]
			toks = append(toks, token{text: strings.ToLower(raw), raw: raw, start: i, end: j, kind: kWord})
			i = j
		default:
			raw := s[i : i+n]
			t := raw
			switch r { // fold typographic variants
			case '’', '‘', '`', '´':
				t = "'"
			case '–', '—', '‐', '‑':
				t = "-"
			}
			toks = append(toks, token{text: t, raw: raw, start: i, end: i + n, kind: kPunct})
			i += n
		}
	}
	return toks
}

// phraseToks splits a lexicon phrase into its lower-case token texts the
// way tokenize would.
func phraseToks(p string) []string {
	ts := tokenize(p)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}
