package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, romanised when Cyrillic, without diacritics,
// with ß, æ, ø, ł and similar letters spelt out, and with every run of
// characters other than letters and digits replaced by one space. It is
// the form in which surface names are compared exactly.
func Fold(s, lang string) string {
	s = hacek.Replace(Romanize(s, lang))
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʹ' || r == 'ʺ' || r == 'ʼ' || r == '`':
			continue // apostrophes and primes join: d'Estaing -> destaing
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sp, ok := special[r]; ok {
				b.WriteString(sp)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "d",
}

// hacek spells out, before diacritics are dropped, the háček letters of
// Czech, Slovak, Croatian, Slovenian, Latvian and Lithuanian and Polish ż:
// they write the sounds English romanisations write sh, ch, zh
// ("Lukašenko", "Prigożyn").
var hacek = strings.NewReplacer("š", "sh", "Š", "Sh", "č", "ch", "Č", "Ch", "ž", "zh", "Ž", "Zh", "ż", "zh", "Ż", "Zh")

// rewrite is one spelling rule: a letter group and what it becomes.
type rewrite struct{ from, to string }

// langRules turn a language's spelling of foreign (mostly Slavic) names
// into an English-like romanisation, longest group first. They apply to
// folded tokens, so diacritics are already gone (French ï is i).
var langRules = map[string][]rewrite{
	// Dutch: Loekasjenko, Sjoigoe, Chroesjtsjov, Chrenin, Jevgeni.
	"nl": {{"tsj", "ch"}, {"sj", "sh"}, {"oe", "u"}, {"ch", "kh"}, {"zj", "zh"}},
	// German: Lukaschenko, Schoigu, Chruschtschow, Wladimir, Selenskyj.
	"de": {{"tsch", "ch"}, {"sch", "sh"}, {"ch", "kh"}, {"w", "v"}, {"z", "ts"}},
	// French: Loukachenko, Choïgou, Poutine, Sergueï, Iouchtchenko.
	"fr": {{"tch", "ch"}, {"ch", "sh"}, {"ou", "u"}, {"gue", "ge"}, {"gui", "gi"}, {"dj", "j"}},
	// Polish: Łukaszenka, Szojgu, Czernomyrdin.
	"pl": {{"szcz", "shch"}, {"sz", "sh"}, {"cz", "ch"}, {"rz", "zh"}, {"ch", "kh"}, {"w", "v"}},
	// Spanish and Italian: Shoigú is plain; Italian "sc" before e/i.
	"it": {{"sci", "shi"}, {"sce", "she"}},
	// Czech and Slovak (folded: č -> c, š -> s, lose their sound).
	"cs": {{"ch", "kh"}},
}

// commonRules run after the language rules for every language: they fold
// the remaining spelling freedom of Latin romanisations (x/ks, c/k, w/v,
// y/j/i, ph/f, tz/ts).
var commonRules = []rewrite{
	{"shch", "sh"}, {"sch", "sh"}, {"tch", "ch"}, {"ck", "k"}, {"ph", "f"}, {"th", "t"}, {"tz", "ts"},
	{"x", "ks"}, {"q", "k"}, {"w", "v"}, {"y", "i"}, {"j", "i"}, {"dzh", "i"}, {"zh", "i"}, {"ou", "u"},
}

// Key returns the matching key of a name in lang: its folded tokens
// rewritten by the spelling rules of the language (Dutch oe/sj/tsj/ch,
// German sch/tsch/ch/w, French ou/ch/tch, Polish sz/cz/w, Cyrillic through
// BGN/PCGN), then by rules common to all Latin romanisations, with doubled
// letters collapsed. Spelling variants of one name across languages and
// scripts share a key or have close keys:
//
//	Key("Aleksandr Loekasjenko", "nl") == "aleksandr lukashenko"
//	Key("Лукашенко", "ru") == Key("Lukaschenko", "de") == "lukashenko"
//
// Hyphens split tokens ("Jong-un" -> "iong un"). An empty lang applies the
// common rules only. Key is pure and safe for concurrent use.
func Key(name, lang string) string {
	return strings.Join(KeyTokens(name, lang), " ")
}

// KeyTokens is Key split into its tokens.
func KeyTokens(name, lang string) []string {
	f := Fold(name, lang)
	if f == "" {
		return nil
	}
	toks := strings.Fields(f)
	out := toks[:0]
	for i, t := range toks {
		// The Arabic article inside a name is written al, el, ul or
		// not at all: "Nuri al-Maliki", "Muammar el-Qaddafi".
		if i > 0 && i < len(toks)-1 && arabicArticle[t] {
			continue
		}
		out = append(out, keyToken(t, lang))
	}
	return out
}

// arabicArticle holds the spellings of the Arabic article as a word.
var arabicArticle = map[string]bool{"al": true, "el": true, "ul": true}

// keyToken applies the spelling rules to one folded token.
func keyToken(t, lang string) string {
	if rs := langRules[lang]; rs != nil {
		t = applyRules(t, rs)
	}
	if lang == "de" && len(t) > 1 && t[0] == 's' && isVowel(t[1]) {
		t = "z" + t[1:] // German initial s is voiced: Selenskyj
	}
	if lang == "fr" && len(t) > 4 && t[len(t)-1] == 'e' && !isVowel(t[len(t)-2]) {
		t = t[:len(t)-1] // French mute final e: Poutine, Khrénine
	}
	t = applyRules(t, commonRules)
	t = softC(t)
	return collapse(t)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// applyRules rewrites t left to right, trying the rules in order at each
// position (longest groups are listed first).
func applyRules(t string, rs []rewrite) string {
	var b strings.Builder
	b.Grow(len(t) + 4)
	for i := 0; i < len(t); {
		done := false
		for _, r := range rs {
			if strings.HasPrefix(t[i:], r.from) {
				b.WriteString(r.to)
				i += len(r.from)
				done = true
				break
			}
		}
		if !done {
			b.WriteByte(t[i])
			i++
		}
	}
	return b.String()
}

// softC spells c as s before e and i, as k elsewhere, and keeps ch.
func softC(t string) string {
	if strings.IndexByte(t, 'c') < 0 {
		return t
	}
	b := []byte(t)
	for i := 0; i < len(b); i++ {
		if b[i] != 'c' {
			continue
		}
		switch {
		case i+1 < len(b) && b[i+1] == 'h':
			i++
		case i+1 < len(b) && (b[i+1] == 'e' || b[i+1] == 'i'):
			b[i] = 's'
		default:
			b[i] = 'k'
		}
	}
	return string(b)
}

// collapse removes doubled letters: "zelenskii" -> "zelenski".
func collapse(t string) string {
	if len(t) < 2 {
		return t
	}
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if i > 0 && t[i] == t[i-1] && t[i] < utf8.RuneSelf {
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}

// JaroWinkler returns the Jaro-Winkler similarity of a and b in 0..1,
// comparing bytes (keys are ASCII after folding; other runes compare by
// their bytes).
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	win := max(la, lb)/2 - 1
	if win < 0 {
		win = 0
	}
	var ma, mb [64]bool
	if la > 64 || lb > 64 {
		return jaroLong(a, b)
	}
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-win), min(lb, i+win+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	tr, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			tr++
		}
		k++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(tr)/2)/fm) / 3
	p := 0
	for p < min(4, la, lb) && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

// jaroLong handles long strings by comparing their first 64 bytes.
func jaroLong(a, b string) float64 {
	return JaroWinkler(a[:min(64, len(a))], b[:min(64, len(b))])
}

// SameName reports whether two names (a in language la, b in lb) are
// spelling variants of one name: equal keys ignoring spaces; or, token by
// token, close keys (Jaro-Winkler >= 0.9 on tokens of 5 letters or more,
// equality on shorter ones), where the shorter name's tokens appear in the
// longer one in order with its first and last tokens matching the longer's
// first and last ("Vladimir Putin" ~ "Vladimir V. Putin"); a one-letter
// token matches as an initial. A single token (a bare surname) only
// matches a single token: "Trump" is no variant of "Melania Trump", and
// "Donald Trump" none of "Melania Trump".
//
// Place names whose parts are translated ("Noord-Korea", "Corée du Nord",
// "Северная Корея") also match through their concept forms (see
// NewNameForm and SameForm).
func SameName(a, la, b, lb string) bool {
	return SameForm(NewNameForm(a, la), NewNameForm(b, lb))
}

// SameKeys is SameName on key tokens computed by KeyTokens.
func SameKeys(ka, kb []string) bool {
	if len(ka) == 0 || len(kb) == 0 {
		return false
	}
	if equalJoined(ka, kb) {
		return true
	}
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	if len(ka) == 1 {
		return len(kb) == 1 && (tokenClose(ka[0], kb[0]) || stemClose(ka[0], kb[0]))
	}
	if !tokenClose(ka[0], kb[0]) || !tokenClose(ka[len(ka)-1], kb[len(kb)-1]) {
		return false
	}
	j := 1
	for i := 1; i < len(ka)-1; i++ {
		for j < len(kb)-1 && !tokenClose(ka[i], kb[j]) {
			j++
		}
		if j >= len(kb)-1 {
			return false
		}
		j++
	}
	return true
}

// tokenClose compares two key tokens: initials match words they begin,
// short tokens must be equal, longer ones Jaro-Winkler >= 0.9 or, from six
// letters, one edit (two from ten) after the same first letter.
func tokenClose(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	if JaroWinkler(a, b) >= 0.9 {
		return true
	}
	// One edit (two for words of ten letters or more) after a shared
	// first letter: "dmitri"/"dimitri", "prigoin"/"prigosin".
	if !sameInitial(a[0], b[0]) || len(a) < 6 || len(b) < 6 {
		return false
	}
	lim := 1
	if len(a) >= 10 && len(b) >= 10 {
		lim = 2
	}
	return editDistance(a, b, lim) <= lim
}

// sameInitial reports whether two first letters may spell one sound:
// equal, or s and z (German reads initial s as z: "Sergej", "Selenskyj").
func sameInitial(a, b byte) bool {
	return a == b || (a == 's' || a == 'z') && (b == 's' || b == 'z')
}

// editDistance returns the optimal-string-alignment distance of a and b
// (insertions, deletions, substitutions and swaps of neighbours), or
// lim+1 when it is larger than lim.
func editDistance(a, b string, lim int) int {
	if d := len(a) - len(b); d > lim || -d > lim {
		return lim + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > lim {
			return lim + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// equalJoined reports whether a and b spell the same string without
// spaces ("kim iong un" and "kim iongun").
func equalJoined(a, b []string) bool {
	i, j, pi, pj := 0, 0, 0, 0
	for {
		for i < len(a) && pi == len(a[i]) {
			i, pi = i+1, 0
		}
		for j < len(b) && pj == len(b[j]) {
			j, pj = j+1, 0
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i][pi] != b[j][pj] {
			return false
		}
		pi++
		pj++
	}
}
