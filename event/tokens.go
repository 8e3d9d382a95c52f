package event

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence, with byte offsets.
type token struct {
	text, up, low string
	start, end    int
	word          bool   // letters or digits
	cap           bool   // starts with an upper-case letter
	hyph          bool   // joined to the previous word by a hyphen ("Vietnamese-led")
	pre           string // the text between the previous token and this one
}

// tokenize cuts text into words and punctuation. Hyphens split words
// ("Jong-un" is two words); a possessive "'s" is a token of its own;
// abbreviations with inner periods ("U.S.", "U.N.") and initials ("V.")
// keep their periods.
func tokenize(text string) []token {
	var toks []token
	emit := func(s, e int, word bool) {
		t := text[s:e]
		r, _ := utf8.DecodeRuneInString(t)
		pre := ""
		if n := len(toks); n > 0 && toks[n-1].end < s {
			pre = text[toks[n-1].end:s]
		}
		toks = append(toks, token{text: t, up: strings.ToUpper(t), low: strings.ToLower(t),
			start: s, end: e, word: word, cap: unicode.IsUpper(r), pre: pre})
	}
	i := 0
	hyph := false
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '-' || r == '\u2010' || r == '\u2011':
			hyph = len(toks) > 0 && toks[len(toks)-1].end == i
			i += sz
			continue
		case unicode.IsSpace(r):
			i += sz
		case r == '\'' || r == '\u2019':
			// possessive 's / '
			if i+sz < len(text) && (text[i+sz] == 's' || text[i+sz] == 'S') && (i+sz+1 == len(text) || !isWordByte(text[i+sz+1])) {
				emit(i, i+sz+1, true)
				toks[len(toks)-1].up, toks[len(toks)-1].low = "'S", "'s"
				i += sz + 1
				continue
			}
			i += sz
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
					j += s2
					continue
				}
				// inner period of an abbreviation: U.S. / U.N.
				if r2 == '.' && j+1 < len(text) && isUpperASCII(text[j+1]) && j-i == 1 {
					j++
					continue
				}
				// inner apostrophe in names (O'Brien) and decimal separators
				if (r2 == '.' || r2 == ',') && j+1 < len(text) && j > i && isDigitByte(text[j-1]) && isDigitByte(text[j+1]) {
					j++
					continue
				}
				break
			}
			// keep the period of "U.S." and of a single-letter initial
			if j < len(text) && text[j] == '.' && (j-i == 1 || strings.Contains(text[i:j], ".")) && isUpperASCII(text[i]) {
				j++
			}
			emit(i, j, true)
			toks[len(toks)-1].hyph = hyph && toks[len(toks)-1].start == i && i > 0 && (text[i-1] == '-' || text[i-1] >= 0x80)
			i = j
		default:
			emit(i, i+sz, false)
			i += sz
		}
		hyph = false
	}
	return toks
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }

// rule is a curated trigger pattern: a sequence of word tests.
type rule struct {
	typ, mode string
	host      bool // the grammatical object is the source (a host receives a visitor)
	intent    bool // the pattern itself states intent (no future->AGREE shift)
	// nominal: an event noun ("invasion", "arrest"), a trigger only when
	// no verb of the sentence codes an event, and only with an actor as
	// its possessor ("Russia's invasion") or in a phrase after it ("the
	// arrest of ... by ...")
	nominal bool
	elems   []relem
}

type relem struct {
	alts []string
	pre  []bool // prefix match
	far  bool   // may occur anywhere after the previous element
}

// parseRules reads data/rules-LANG.txt: "TYPE[/mode][!flag...]<TAB>pattern"
// where a pattern is space-separated elements, each "a|b*|c" (a trailing *
// matches a prefix); "~" before an element lets it occur anywhere later in
// the sentence, otherwise at most three tokens after the previous one.
func (lx *lexicon) parseRules(lang string, b []byte) error {
	for n, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		head, pat, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			if strings.TrimSpace(line) != "" {
				return fmt.Errorf("line %d: no tab", n+1)
			}
			continue
		}
		var r rule
		flags := strings.Split(strings.TrimSpace(head), "!")
		r.typ, r.mode, _ = strings.Cut(flags[0], "/")
		for _, f := range flags[1:] {
			switch f {
			case "host":
				r.host = true
			case "intent":
				r.intent = true
			case "nominal":
				r.nominal = true
			default:
				return fmt.Errorf("line %d: unknown flag %q", n+1, f)
			}
		}
		for _, f := range strings.Fields(pat) {
			var e relem
			if strings.HasPrefix(f, "~") {
				e.far = true
				f = f[1:]
			}
			for _, a := range strings.Split(f, "|") {
				p := strings.HasSuffix(a, "*")
				e.alts = append(e.alts, strings.ToLower(strings.TrimSuffix(a, "*")))
				e.pre = append(e.pre, p)
			}
			r.elems = append(r.elems, e)
		}
		if len(r.elems) == 0 {
			return fmt.Errorf("line %d: empty pattern", n+1)
		}
		lx.rules[lang] = append(lx.rules[lang], r)
	}
	return nil
}

func (e relem) match(w string) bool {
	for i, a := range e.alts {
		if e.pre[i] {
			if strings.HasPrefix(w, a) {
				return true
			}
		} else if w == a {
			return true
		}
	}
	return false
}

// matchRule finds the rule's elements in order starting at token i;
// it returns the index of the last matched token.
func (r *rule) matchAt(toks []token, i int) (end int, ok bool) {
	if !r.elems[0].match(toks[i].low) {
		return 0, false
	}
	pos := i
	for _, e := range r.elems[1:] {
		limit := pos + 4
		if e.far {
			limit = len(toks)
		}
		found := -1
		for j := pos + 1; j < len(toks) && j < limit; j++ {
			if !toks[j].word && (toks[j].text == "." || toks[j].text == ";") {
				break
			}
			if e.match(toks[j].low) {
				found = j
				break
			}
		}
		if found < 0 {
			return 0, false
		}
		pos = found
	}
	return pos, true
}
