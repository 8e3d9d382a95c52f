package entity

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// translitTSV is the romanisation table compiled from the CLDR BGN/PCGN
// transforms by CompileTranslit: lines "lang<TAB>cyrillic<TAB>latin".
//
//go:embed data/translit.tsv
var translitTSV string

// translitTable maps a language to its Cyrillic-to-Latin rules, longest
// source first.
type translitTable map[string][]translitRule

type translitRule struct{ from, to string }

// translitTables parses the embedded table once; the result is read-only.
var translitTables = sync.OnceValue(func() translitTable {
	t, err := parseTranslit(strings.NewReader(translitTSV))
	if err != nil {
		panic(fmt.Sprintf("entity: embedded translit table: %v", err))
	}
	return t
})

func parseTranslit(r io.Reader) (translitTable, error) {
	t := translitTable{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want 3 fields, got %d", n, len(f))
		}
		t[f[0]] = append(t[f[0]], translitRule{f[1], f[2]})
	}
	for l := range t {
		rs := t[l]
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].from) > len(rs[j].from) })
	}
	return t, sc.Err()
}

// HasCyrillic reports whether s holds any Cyrillic letter.
func HasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// Romanize transliterates the Cyrillic letters of s to Latin with the
// BGN/PCGN system of lang ("ru", "uk" or "be"; anything else uses the
// Russian rules), in lower case. Other characters are lower-cased and kept.
// Russian е is "ye" at the start of a word and after a vowel, ъ or ь (BGN
// rule 1). Ukrainian letters (і, ї, є, ґ) and Belarusian ў are also read in
// a Russian text, since names are often quoted in their own spelling.
func Romanize(s, lang string) string {
	if !HasCyrillic(s) {
		return strings.ToLower(s)
	}
	tables := translitTables()
	switch lang {
	case "uk", "be":
	default:
		lang = "ru"
	}
	rules := tables[lang]
	s = strings.ToLower(s)
	var b strings.Builder
	prevVowelOrStart := true
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if !unicode.Is(unicode.Cyrillic, r) {
			b.WriteString(s[i : i+size])
			prevVowelOrStart = !unicode.IsLetter(r)
			i += size
			continue
		}
		if lang == "ru" && (r == 'е' || r == 'ё') && prevVowelOrStart {
			b.WriteString("ye")
			i += size
			prevVowelOrStart = false
			continue
		}
		matched := false
		for _, rl := range rules {
			if strings.HasPrefix(s[i:], rl.from) {
				b.WriteString(rl.to)
				i += len(rl.from)
				matched = true
				break
			}
		}
		if !matched {
			// A letter of another Cyrillic alphabet: try the other tables.
			for _, l := range []string{"uk", "be", "ru"} {
				for _, rl := range tables[l] {
					if strings.HasPrefix(s[i:], rl.from) {
						b.WriteString(rl.to)
						i += len(rl.from)
						matched = true
						break
					}
				}
				if matched {
					break
				}
			}
		}
		if !matched {
			b.WriteRune(r)
			i += size
		}
		prevVowelOrStart = strings.ContainsRune("аеёэиоуыюяіїєъь", r)
	}
	return b.String()
}

func decodeRune(s string) (rune, int) {
	for i, r := range s {
		_ = i
		return r, len(string(r))
	}
	return 0, 1
}

// ruleLine matches an unconditional lower-case rule of a CLDR transform
// file: "ш → sh ; # comment".
var ruleLine = regexp.MustCompile(`^(\p{Cyrillic}+)\s*→\s*([^;]*);`)

// CompileTranslit reads the CLDR BGN/PCGN transform files for Russian,
// Ukrainian and Belarusian from dir (../shared/data/names-cldr-transforms)
// and returns the table embedded as data/translit.tsv: the unconditional
// rules for lower-case letters, with the prime marks and the "·" separator
// of the BGN system removed. Context rules (Russian е after vowels) are
// applied in code by Romanize.
func CompileTranslit(dir string) (string, error) {
	var b strings.Builder
	b.WriteString("# Compiled from the Unicode CLDR transforms (Unicode License v3) by entity.CompileTranslit.\n")
	for _, f := range []struct{ lang, file string }{
		{"ru", "Russian-Latin-BGN.txt"}, {"uk", "Ukrainian-Latin-BGN.txt"}, {"be", "Belarusian-Latin-BGN.txt"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, f.file))
		if err != nil {
			return "", fmt.Errorf("compile translit: %w", err)
		}
		seen := map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			m := ruleLine.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil || strings.ToLower(m[1]) != m[1] || seen[m[1]] {
				continue
			}
			to := strings.TrimSpace(m[2])
			to = strings.NewReplacer("$prime", "", "$doublePrime", "", "·", "", " ", "").Replace(to)
			seen[m[1]] = true
			fmt.Fprintf(&b, "%s\t%s\t%s\n", f.lang, m[1], strings.ToLower(to))
		}
	}
	return b.String(), nil
}
