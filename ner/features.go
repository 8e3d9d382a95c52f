package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. The numbers are part of the model format: append,
// never renumber.
const (
	fBias = iota
	fWord
	fLower
	fShape
	fShort
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevW
	fNextW
	fPrev2W
	fNext2W
	fShapePrev
	fShapeNext
	fBigramPrev
	fBigramNext
	fFirst
	fFlags
	fCase
	fHeadline
	fGaz
	fGazPrev
	fGazNext
	fShortTri
	fCluster
	fClusterPrev
	fClusterNext
	fPrevSuf3
	fCasePrev
	fCaseNext
	fKB
	fKBPrev
	fKBNext
	fRunFirst
	fRunLast
	fRunLen
	fRunPrev
	fRunNext
)

// tokInfo caches what the feature templates need of one token.
type tokInfo struct {
	word, lower, shape, short string
	flags                     string
	caseBin                   byte
	cluster                   string
	gaz                       []string // "B-LOC", "I-PER" ...
	kb                        []string // knowledge-base matches, same form
	// runStart, runEnd: the capitalised run (a name candidate: capitalised
	// words, with short connectors such as "of" or "van der" inside) that
	// holds the token, as [runStart, runEnd); runEnd == runStart when none
	runStart, runEnd int
}

// shapes returns the long shape ("Xxxxx-dd") and the short shape, where
// runs of one character class collapse ("Xx-d").
func shapes(w string) (long, short string) {
	var lb, sb strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'o'
		default:
			c = r
			if c > 0x7f {
				c = '*'
			}
		}
		if n < 8 {
			lb.WriteRune(c)
		}
		n++
		if c != last {
			sb.WriteRune(c)
			last = c
		}
	}
	return lb.String(), sb.String()
}

// tokenFlags summarises capitalisation, digits and punctuation of w.
func tokenFlags(w string) string {
	var upper, lower, digit, hyphen, dot, other int
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		case r == '-':
			hyphen++
		case r == '.':
			dot++
		default:
			other++
		}
	}
	var b [6]byte
	b[0] = '-'
	first, _ := utf8.DecodeRuneInString(w)
	switch {
	case upper > 0 && lower == 0:
		b[0] = 'A' // all caps
	case unicode.IsUpper(first):
		b[0] = 'C' // initial capital
	case upper > 0:
		b[0] = 'M' // mixed
	}
	b[1] = bit(digit > 0, 'd')
	b[2] = bit(hyphen > 0, 'h')
	b[3] = bit(dot > 0, '.')
	b[4] = bit(other > 0, 'o')
	b[5] = bit(utf8.RuneCountInString(w) == 1, '1')
	return string(b[:])
}

func bit(ok bool, c byte) byte {
	if ok {
		return c
	}
	return '_'
}

// hasher hashes a template id and strings with FNV-1a, without allocating.
type hasher uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newHash(tmpl int) hasher {
	h := hasher(fnvOffset)
	h = (h ^ hasher(tmpl)) * fnvPrime
	return h
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator
}

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * fnvPrime }

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return ""
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return ""
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// prepare fills the per-token cache of a sentence. Matches of gaz fire
// the gazetteer features of names seen in training data, matches of kb
// the separate knowledge-base features.
func (m *Model) prepare(tokens []string, gaz, kb []Gazetteer) []tokInfo {
	info := make([]tokInfo, len(tokens))
	for i, w := range tokens {
		t := &info[i]
		t.word = w
		t.lower = strings.ToLower(w)
		t.shape, t.short = shapes(w)
		t.flags = tokenFlags(w)
		t.caseBin = m.casing[t.lower]
		t.cluster = m.clusters[t.lower]
	}
	markRuns(info)
	mark(info, tokens, gaz, func(t *tokInfo) *[]string { return &t.gaz })
	mark(info, tokens, kb, func(t *tokInfo) *[]string { return &t.kb })
	return info
}

// runConnectors may stand inside a name between capitalised words.
var runConnectors = map[string]bool{
	"of": true, "the": true, "and": true, "&": true, "for": true, "de": true, "du": true,
	"des": true, "la": true, "le": true, "van": true, "der": true, "den": true, "het": true,
	"voor": true, "en": true, "von": true, "und": true, "y": true, "di": true, "da": true,
	"del": true, "al": true, "'s": true,
}

// markRuns finds the capitalised runs of a sentence.
func markRuns(info []tokInfo) {
	capital := func(j int) bool {
		r, _ := utf8.DecodeRuneInString(info[j].word)
		return unicode.IsUpper(r)
	}
	for i := 0; i < len(info); {
		if !capital(i) {
			info[i].runStart, info[i].runEnd = i, i
			i++
			continue
		}
		e := i + 1
		for e < len(info) {
			if capital(e) {
				e++
				continue
			}
			k := e
			for k < len(info) && k < e+2 && runConnectors[info[k].lower] && !capital(k) {
				k++
			}
			if k > e && k < len(info) && capital(k) {
				e = k
				continue
			}
			break
		}
		for j := i; j < e; j++ {
			info[j].runStart, info[j].runEnd = i, e
		}
		i = e
	}
}

// mark records the matches of each gazetteer in the list field picks.
func mark(info []tokInfo, tokens []string, gaz []Gazetteer, field func(*tokInfo) *[]string) {
	for _, g := range gaz {
		if g == nil {
			continue
		}
		for i := range tokens {
			for _, mt := range g.Lookup(tokens, i) {
				if mt.Len <= 0 || i+mt.Len > len(tokens) {
					continue
				}
				l := field(&info[i])
				*l = appendUniq(*l, "B-"+mt.Type)
				for j := i + 1; j < i+mt.Len; j++ {
					l := field(&info[j])
					*l = appendUniq(*l, "I-"+mt.Type)
				}
			}
		}
	}
}

func appendUniq(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// headline reports whether a sentence is written in capitals (a headline):
// most of its letters are upper case.
func headline(info []tokInfo) bool {
	up, all := 0, 0
	for _, t := range info {
		switch t.flags[0] {
		case 'A':
			up++
			all++
		case 'C', 'M', '-':
			if t.shape != "" && strings.ContainsAny(t.shape, "Xx") {
				all++
			}
		}
	}
	return all >= 2 && up*4 >= all*3
}

// featureHashes appends the hashed features of token i to dst.
func featureHashes(info []tokInfo, i int, head bool, dst []uint64) []uint64 {
	t := &info[i]
	add := func(h hasher) { dst = append(dst, uint64(h)) }
	word := func(j int) string {
		switch {
		case j < 0:
			return "<s>"
		case j >= len(info):
			return "</s>"
		}
		return info[j].lower
	}
	shape := func(j int) string {
		switch {
		case j < 0:
			return "<s>"
		case j >= len(info):
			return "</s>"
		}
		return info[j].short
	}
	add(newHash(fBias))
	add(newHash(fWord).str(t.word))
	add(newHash(fLower).str(t.lower))
	add(newHash(fShape).str(t.shape))
	add(newHash(fShort).str(t.short))
	for k := 1; k <= 4; k++ {
		if p := prefix(t.lower, k); p != "" {
			add(newHash(fPre1 + k - 1).str(p))
		}
		if s := suffix(t.lower, k); s != "" {
			add(newHash(fSuf1 + k - 1).str(s))
		}
	}
	add(newHash(fPrevW).str(word(i - 1)))
	add(newHash(fNextW).str(word(i + 1)))
	add(newHash(fPrev2W).str(word(i - 2)))
	add(newHash(fNext2W).str(word(i + 2)))
	add(newHash(fShapePrev).str(shape(i - 1)).str(t.short))
	add(newHash(fShapeNext).str(t.short).str(shape(i + 1)))
	add(newHash(fShortTri).str(shape(i - 1)).str(t.short).str(shape(i + 1)))
	add(newHash(fBigramPrev).str(word(i - 1)).str(t.lower))
	add(newHash(fBigramNext).str(t.lower).str(word(i + 1)))
	pos := byte('m')
	if i == 0 {
		pos = 'f'
	} else if i == len(info)-1 {
		pos = 'l'
	}
	add(newHash(fFirst).byte(pos).str(t.flags))
	add(newHash(fFlags).str(t.flags))
	add(newHash(fCase).byte(t.caseBin).str(t.flags[:1]).byte(pos))
	if i > 0 {
		add(newHash(fCasePrev).byte(info[i-1].caseBin).str(info[i-1].flags[:1]))
		add(newHash(fPrevSuf3).str(suffix(info[i-1].lower, 3)))
	}
	if i+1 < len(info) {
		add(newHash(fCaseNext).byte(info[i+1].caseBin).str(info[i+1].flags[:1]))
	}
	if head {
		add(newHash(fHeadline).str(t.lower))
		add(newHash(fHeadline).byte(t.caseBin))
	}
	for _, g := range t.gaz {
		add(newHash(fGaz).str(g))
		add(newHash(fGaz).str(g).str(t.flags[:1]))
	}
	if i > 0 {
		for _, g := range info[i-1].gaz {
			add(newHash(fGazPrev).str(g))
		}
	}
	if i+1 < len(info) {
		for _, g := range info[i+1].gaz {
			add(newHash(fGazNext).str(g))
		}
	}
	for _, g := range t.kb {
		add(newHash(fKB).str(g))
		add(newHash(fKB).str(g).str(t.flags[:1]))
	}
	if i > 0 {
		for _, g := range info[i-1].kb {
			add(newHash(fKBPrev).str(g))
		}
	}
	if i+1 < len(info) {
		for _, g := range info[i+1].kb {
			add(newHash(fKBNext).str(g))
		}
	}
	if n := t.runEnd - t.runStart; n >= 2 {
		at := byte('m')
		switch i {
		case t.runStart:
			at = 'f'
		case t.runEnd - 1:
			at = 'l'
		}
		add(newHash(fRunFirst).str(info[t.runStart].lower).byte(at))
		add(newHash(fRunLast).str(info[t.runEnd-1].lower).byte(at))
		add(newHash(fRunLen).byte(byte(min(n, 5))).byte(at))
		add(newHash(fRunPrev).str(word(t.runStart - 1)).byte(at))
		add(newHash(fRunNext).str(word(t.runEnd)).byte(at))
	}
	if t.cluster != "" {
		for _, n := range []int{4, 8, 12, 20} {
			if n <= len(t.cluster) {
				add(newHash(fCluster).str(t.cluster[:n]))
			}
		}
	}
	if i > 0 && info[i-1].cluster != "" {
		add(newHash(fClusterPrev).str(info[i-1].cluster[:min(8, len(info[i-1].cluster))]))
	}
	if i+1 < len(info) && info[i+1].cluster != "" {
		add(newHash(fClusterNext).str(info[i+1].cluster[:min(8, len(info[i+1].cluster))]))
	}
	return dst
}
