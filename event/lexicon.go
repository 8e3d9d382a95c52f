package event

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

//go:embed data/*.gz data/*.txt
var dataFS embed.FS

// lexicon is the coder's read-only knowledge: CAMEO verb patterns (English),
// curated rules (English and Dutch), and actor and agent dictionaries.
type lexicon struct {
	verbs  map[string][]verbRef // upper-case first word of a verb form
	blocks []verbBlock
	syn    map[string][][]string // &SET -> members (each a word sequence)

	rules map[string][]rule // by language

	actors    map[string][]actorCode // key: upper-case words joined by ' '
	maxActor  int
	agents    map[string]agentCode // key: lower-case words joined by ' '
	maxAgent  int
	suffixAgt []suffixAgent // Dutch compounds: "*minister"
}

type verbRef struct {
	block int
	rest  []string // further words of a multi-word verb ("OUT" in CARRY_OUT)
	// own is the verb's own default code within its synonym block
	// ("ORDER [100]" under COMMAND): "" inherits the block's, "-" is none
	own string
	// base is the verb's dictionary form ("CARRY OUT")
	base string
}

type verbBlock struct {
	name     string
	code     string // default CAMEO code, "" for none
	patterns []cpattern
}

type cpattern struct {
	pre, post []elem
	code      string
	// verb is the block verb the pattern was written for (its comment,
	// "# ORDER"), "" when unnamed
	verb string
}

// elem is one pattern element: any of its alternatives (word sequences).
type elem [][]string

type actorCode struct {
	country, sector string
	from, to        time.Time // zero when open
}

type agentCode struct {
	country, sector string
}

type suffixAgent struct {
	suffix string
	agentCode
}

func readData(name string) ([]byte, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("read embedded %s: %w", name, err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("gunzip %s: %w", name, err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("gunzip %s: %w", name, err)
		}
	}
	return b, nil
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		verbs:  map[string][]verbRef{},
		syn:    map[string][][]string{},
		rules:  map[string][]rule{},
		actors: map[string][]actorCode{},
		agents: map[string]agentCode{},
	}
	steps := []struct {
		name string
		fn   func([]byte) error
	}{
		{"cameo-verbs.txt.gz", lx.parseCAMEO},
		{"phoenix-actors.txt.gz", lx.parseActors},
		{"phoenix-agents.txt.gz", lx.parseAgents},
		{"actors.txt", lx.parseOwnActors},
		{"agents.txt", lx.parseOwnAgents},
		{"rules-en.txt", func(b []byte) error { return lx.parseRules("en", b) }},
		{"rules-nl.txt", func(b []byte) error { return lx.parseRules("nl", b) }},
	}
	for _, s := range steps {
		b, err := readData(s.name)
		if err != nil {
			return nil, err
		}
		if err := s.fn(b); err != nil {
			return nil, fmt.Errorf("parse %s: %w", s.name, err)
		}
	}
	return lx, nil
}

var (
	reBlockHead = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]\s+---`)
	reCode      = regexp.MustCompile(`\[([^\]]*)\]`)
)

// cameoCode reads "042", "042:043", ":173", "---" and returns the source
// code, "" when the pattern codes no event for the subject.
func cameoCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.Trim(s, "- ")
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return s
}

func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "_") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// inflect returns the regular forms of an English verb (upper case).
func inflect(v string) []string {
	forms := []string{v}
	n := len(v)
	if n == 0 {
		return forms
	}
	last := v[n-1]
	isVowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	switch {
	case last == 'E':
		forms = append(forms, v+"S", v+"D", v[:n-1]+"ING")
	case last == 'Y' && n > 1 && !isVowel(v[n-2]):
		forms = append(forms, v[:n-1]+"IES", v[:n-1]+"IED", v+"ING")
	case last == 'S' || last == 'X' || last == 'Z' || strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "SH"):
		forms = append(forms, v+"ES", v+"ED", v+"ING")
	default:
		forms = append(forms, v+"S", v+"ED", v+"ING")
		if n >= 3 && !isVowel(last) && isVowel(v[n-2]) && !isVowel(v[n-3]) && strings.IndexByte("WXY", last) < 0 {
			forms = append(forms, v+string(last)+"ED", v+string(last)+"ING")
		}
	}
	return forms
}

// sameVerb reports whether the verb named in a pattern's comment (any
// form: "CALLED OFF") is the verb of ref.
func (lx *lexicon) sameVerb(named string, ref verbRef) bool {
	if named == ref.base {
		return true
	}
	w := strings.Fields(named)
	if len(w) == 0 {
		return false
	}
	for _, r := range lx.verbs[w[0]] {
		if r.block == ref.block && r.base == ref.base {
			return true
		}
	}
	return false
}

func (lx *lexicon) addVerb(words []string, block int, irregular []string, own string) {
	if len(words) == 0 {
		return
	}
	ref := verbRef{block: block, rest: words[1:], own: own, base: strings.Join(words, " ")}
	seen := map[string]bool{}
	for _, f := range append(inflect(words[0]), irregular...) {
		if seen[f] {
			continue
		}
		seen[f] = true
		lx.verbs[f] = append(lx.verbs[f], ref)
	}
}

func (lx *lexicon) parseCAMEO(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	inVerbs := false
	var curSyn string
	block := -1
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "####### VERB PATTERNS") {
			inVerbs = true
			continue
		}
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			comment = line[i+1:]
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !inVerbs {
			if strings.HasPrefix(line, "&") {
				curSyn = strings.TrimSpace(line)
				continue
			}
			if strings.HasPrefix(line, "+") && curSyn != "" {
				lx.syn[curSyn] = append(lx.syn[curSyn], splitWords(strings.TrimSpace(line[1:])))
			}
			continue
		}
		if m := reBlockHead.FindStringSubmatch(line); m != nil {
			lx.blocks = append(lx.blocks, verbBlock{name: m[1], code: cameoCode(m[2])})
			block = len(lx.blocks) - 1
			continue
		}
		if block < 0 {
			continue
		}
		if strings.HasPrefix(line, "-") {
			m := reCode.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			code := cameoCode(line[m[2]:m[3]])
			body := strings.TrimSpace(line[1:m[0]])
			pre, post, ok := lx.parsePattern(body)
			if !ok {
				continue
			}
			bl := &lx.blocks[block]
			verb := ""
			if f := strings.Fields(comment); len(f) > 0 && strings.ToUpper(f[0]) == f[0] {
				verb = strings.ReplaceAll(f[0], "_", " ")
			}
			bl.patterns = append(bl.patterns, cpattern{pre: pre, post: post, code: code, verb: verb})
			continue
		}
		// a verb line: "VERB {IRREGULAR FORMS}" or "+MULTI_WORD {}"
		s := strings.TrimSpace(strings.TrimPrefix(line, "+"))
		var irr []string
		if i := strings.IndexByte(s, '{'); i >= 0 {
			j := strings.IndexByte(s, '}')
			if j > i {
				irr = strings.Fields(s[i+1 : j])
			}
			s = strings.TrimSpace(s[:i])
		}
		words := splitWords(strings.Fields(s + " ")[0])
		own := ""
		if m := reCode.FindStringSubmatch(line); m != nil {
			own = cameoCode(m[1])
			if own == "" {
				own = "-" // "[---]": the verb codes nothing by default
			}
		}
		lx.addVerb(words, block, irr, own)
	}
	return sc.Err()
}

// parsePattern flattens a PETRARCH pattern into elements before and after
// the verb ("*"). Grouping, source/target markers and skips are dropped:
// the coder matches words in order, allowing gaps.
func (lx *lexicon) parsePattern(body string) (pre, post []elem, ok bool) {
	body = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(body)
	star := false
	for _, f := range strings.Fields(body) {
		switch {
		case f == "*":
			star = true
			continue
		case f == "$" || f == "+" || f == "^" || f == "%" || f == "=":
			continue
		}
		var e elem
		if strings.HasPrefix(f, "&") {
			for _, m := range lx.syn[f] {
				e = append(e, m)
			}
			if len(e) == 0 {
				continue
			}
		} else {
			w := splitWords(f)
			if len(w) == 0 {
				continue
			}
			e = elem{w}
		}
		if star {
			post = append(post, e)
		} else {
			pre = append(pre, e)
		}
	}
	return pre, post, star
}

// normCountry maps CAMEO country codes that are not ISO 3166 alpha-3 to
// their ISO successors.
func normCountry(c string) string {
	switch c {
	case "TMP":
		return "TLS"
	case "KSV":
		return "XKX"
	case "ROM":
		return "ROU"
	case "ZAR":
		return "COD"
	case "DDR":
		return "DEU"
	case "USR", "SUN":
		return "RUS"
	case "YUG", "SCG", "FRY", "SRP":
		return "SRB"
	case "CSK":
		return "CZE"
	}
	return c
}

func splitCode(code string) (country, sector string) {
	code = strings.TrimSpace(code)
	if len(code) < 3 {
		return "", ""
	}
	country = normCountry(code[:3])
	if len(code) >= 6 {
		sector = code[3:6]
	}
	return country, sector
}

// parseYYMMDD reads TABARI dates: 6-digit (two-digit year, 00-30 is 20xx)
// or 8-digit.
func parseYYMMDD(s string) time.Time {
	if len(s) == 8 {
		t, _ := time.Parse("20060102", s)
		return t
	}
	if len(s) != 6 {
		return time.Time{}
	}
	yy, err := strconv.Atoi(s[:2])
	if err != nil {
		return time.Time{}
	}
	y := 1900 + yy
	if yy <= 30 {
		y = 2000 + yy
	}
	t, _ := time.Parse("20060102", strconv.Itoa(y)+s[2:])
	return t
}

func parseActorCode(s string) (actorCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return actorCode{}, false
	}
	var ac actorCode
	ac.country, ac.sector = splitCode(f[0])
	if ac.country == "" {
		return actorCode{}, false
	}
	if len(f) > 1 {
		r := f[1]
		switch {
		case strings.HasPrefix(r, "<"):
			ac.to = parseYYMMDD(r[1:])
		case strings.HasPrefix(r, ">"):
			ac.from = parseYYMMDD(r[1:])
		case strings.Contains(r, "-"):
			p := strings.SplitN(r, "-", 2)
			ac.from, ac.to = parseYYMMDD(p[0]), parseYYMMDD(p[1])
		}
	}
	return ac, true
}

func (lx *lexicon) addActor(words []string, codes []actorCode) {
	if len(words) == 0 || len(codes) == 0 {
		return
	}
	k := strings.Join(words, " ")
	if _, dup := lx.actors[k]; dup {
		return
	}
	lx.actors[k] = codes
	if len(words) > lx.maxActor {
		lx.maxActor = len(words)
	}
}

// parseActors reads a Phoenix/TABARI .actors file: a name line, "+"
// synonym lines, and "[CODE dates]" lines (or the code on the name line).
func (lx *lexicon) parseActors(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var names [][]string
	var codes []actorCode
	flush := func() {
		for _, n := range names {
			lx.addActor(n, codes)
		}
		names, codes = nil, nil
	}
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "["):
			if ac, ok := parseActorCode(strings.Trim(t, "[]")); ok {
				codes = append(codes, ac)
			}
		case strings.HasPrefix(t, "+"):
			names = append(names, splitWords(strings.Fields(t[1:])[0]))
		default:
			if len(codes) > 0 {
				flush()
			} else if len(names) > 0 {
				names = nil
			}
			name := strings.Fields(t)[0]
			names = append(names, splitWords(name))
			if m := reCode.FindStringSubmatch(t); m != nil {
				if ac, ok := parseActorCode(m[1]); ok {
					codes = append(codes, ac)
				}
			}
		}
	}
	flush()
	return sc.Err()
}

// parseAgents reads the Phoenix agents file: "NAME {PLURALS} [~SEC]".
func (lx *lexicon) parseAgents(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		m := reCode.FindStringSubmatch(line)
		if m == nil || strings.Contains(line, "!") {
			continue
		}
		code := strings.TrimSpace(m[1])
		var ac agentCode
		switch {
		case strings.HasPrefix(code, "~"):
			if len(code) >= 4 {
				ac.sector = code[1:4]
			}
		case strings.HasSuffix(code, "~"):
			ac.country = normCountry(strings.TrimSuffix(code, "~"))
		default:
			continue
		}
		name := strings.Fields(line)[0]
		words := splitWords(name)
		var plurals []string
		if i := strings.IndexByte(line, '{'); i >= 0 {
			if j := strings.IndexByte(line, '}'); j > i {
				plurals = strings.Fields(line[i+1 : j])
			}
		}
		lx.addAgent(words, ac, true)
		for _, p := range plurals {
			lx.addAgent(splitWords(p), ac, false)
		}
	}
	return sc.Err()
}

func (lx *lexicon) addAgent(words []string, ac agentCode, plural bool) {
	if len(words) == 0 {
		return
	}
	for i := range words {
		words[i] = strings.ToLower(words[i])
	}
	add := func(ws []string) {
		k := strings.Join(ws, " ")
		if _, dup := lx.agents[k]; !dup {
			lx.agents[k] = ac
		}
		if len(ws) > lx.maxAgent {
			lx.maxAgent = len(ws)
		}
	}
	add(words)
	if plural {
		last := words[len(words)-1]
		var pl string
		switch {
		case strings.HasSuffix(last, "y") && len(last) > 2 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
			pl = last[:len(last)-1] + "ies"
		case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
			pl = last + "es"
		case strings.HasSuffix(last, "man"):
			pl = last[:len(last)-3] + "men"
		default:
			pl = last + "s"
		}
		ws := append(append([]string(nil), words[:len(words)-1]...), pl)
		add(ws)
	}
}

// parseOwnActors reads data/actors.txt: "CODE[/SECTOR]<TAB>name|name|...".
// Names are matched case-insensitively and tokenised like text.
func (lx *lexicon) parseOwnActors(b []byte) error {
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		code, names, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		country, sector, _ := strings.Cut(strings.TrimSpace(code), "/")
		ac := actorCode{country: country, sector: sector}
		for _, n := range strings.Split(names, "|") {
			var words []string
			for _, t := range tokenize(strings.TrimSpace(n)) {
				words = append(words, t.up)
			}
			k := strings.Join(words, " ")
			if k == "" {
				continue
			}
			lx.actors[k] = []actorCode{ac} // own entries override Phoenix
			if len(words) > lx.maxActor {
				lx.maxActor = len(words)
			}
		}
	}
	return nil
}

// parseOwnAgents reads data/agents.txt: "SECTOR<TAB>word|word|*suffix".
func (lx *lexicon) parseOwnAgents(b []byte) error {
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		code, names, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		ac := agentCode{sector: strings.TrimSpace(code)}
		for _, n := range strings.Split(names, "|") {
			n = strings.ToLower(strings.TrimSpace(n))
			if n == "" {
				continue
			}
			if strings.HasPrefix(n, "*") {
				lx.suffixAgt = append(lx.suffixAgt, suffixAgent{suffix: n[1:], agentCode: ac})
				continue
			}
			var words []string
			for _, t := range tokenize(n) {
				words = append(words, t.low)
			}
			k := strings.Join(words, " ")
			lx.agents[k] = ac
			if len(words) > lx.maxAgent {
				lx.maxAgent = len(words)
			}
		}
	}
	return nil
}
