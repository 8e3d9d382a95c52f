// Package nameseval scores name-variant matching: given groups of names
// that denote one entity each (in several languages and scripts), it asks
// a Matcher whether each pair of names is the same entity and reports
// pairwise precision, recall and F1 (a pair within one group is positive).
package nameseval

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
	"unicode"
)

// Name is one entry of a test set.
type Name struct {
	Group  string // the entity the name denotes
	Lang   string
	Text   string
	Source string // which public list it came from
}

// Set is a name-variant test set.
type Set []Name

// ReadSet reads TSV lines "group<TAB>lang<TAB>name<TAB>source" ("#" lines
// are comments).
func ReadSet(r io.Reader) (Set, error) {
	var s Set
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("names set line %d: want 4 tab-separated fields, got %d", n, len(f))
		}
		s = append(s, Name{Group: f[0], Lang: f[1], Text: f[2], Source: f[3]})
	}
	return s, sc.Err()
}

// ReadSetFile reads a set from a file.
func ReadSetFile(path string) (Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("names set: %w", err)
	}
	defer f.Close()
	s, err := ReadSet(f)
	if err != nil {
		return nil, fmt.Errorf("names set %s: %w", path, err)
	}
	return s, nil
}

// WriteSet writes a set in the format ReadSet reads.
func WriteSet(w io.Writer, s Set) error {
	bw := bufio.NewWriter(w)
	for _, n := range s {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", n.Group, n.Lang, n.Text, n.Source)
	}
	return bw.Flush()
}

// Matcher decides whether two names of a set denote one entity. Prepare
// is called once with the whole set; Same with indices into it.
type Matcher interface {
	Same(i, j int) bool
}

// PRF holds pairwise counts and figures.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Positive  int     `json:"positive_pairs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	p.Positive = p.TP + p.FN
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Result is the outcome of Score.
type Result struct {
	Groups        int `json:"groups"`
	Names         int `json:"names"`
	Pairs         int `json:"pairs"`
	PositivePairs int `json:"positive_pairs"`
	PRF
	// Breakdowns: a pair counts under a source (or language) when both
	// names are from it, under "mixed" otherwise; scripts likewise
	// ("latin", "cyrillic", "cross" for a Latin-Cyrillic pair, "other").
	BySource map[string]PRF `json:"by_source"`
	ByLang   map[string]PRF `json:"by_lang"`
	ByScript map[string]PRF `json:"by_script"`
	// Errors lists up to 40 wrong decisions, for reading.
	Errors []string `json:"errors,omitempty"`
}

// Score asks m about every pair of names in s.
func Score(ctx context.Context, s Set, m Matcher) Result {
	res := Result{Names: len(s), BySource: map[string]PRF{}, ByLang: map[string]PRF{}, ByScript: map[string]PRF{}}
	groups := map[string]bool{}
	scripts := make([]string, len(s))
	for i, n := range s {
		groups[n.Group] = true
		scripts[i] = script(n.Text)
	}
	res.Groups = len(groups)
	bump := func(m map[string]PRF, k string, tp, fp, fn int) {
		p := m[k]
		p.TP += tp
		p.FP += fp
		p.FN += fn
		m[k] = p
	}
	for i := range s {
		if i%256 == 0 && ctx.Err() != nil {
			break
		}
		for j := i + 1; j < len(s); j++ {
			gold := s[i].Group == s[j].Group
			got := m.Same(i, j)
			res.Pairs++
			var tp, fp, fn int
			switch {
			case gold && got:
				tp = 1
			case got:
				fp = 1
			case gold:
				fn = 1
			default:
				continue
			}
			res.TP += tp
			res.FP += fp
			res.FN += fn
			if (fp == 1 || fn == 1) && len(res.Errors) < 40 {
				kind := "FN"
				if fp == 1 {
					kind = "FP"
				}
				res.Errors = append(res.Errors, fmt.Sprintf("%s %q(%s) %q(%s)", kind, s[i].Text, s[i].Lang, s[j].Text, s[j].Lang))
			}
			src := s[i].Source
			if s[j].Source != src {
				src = "mixed"
			}
			bump(res.BySource, src, tp, fp, fn)
			lang := s[i].Lang
			if s[j].Lang != lang {
				lang = "cross-language"
			}
			bump(res.ByLang, lang, tp, fp, fn)
			sc := scripts[i]
			if scripts[j] != sc {
				sc = "cross-script"
			}
			bump(res.ByScript, sc, tp, fp, fn)
		}
	}
	res.PRF.finish()
	res.PositivePairs = res.Positive
	for _, m := range []map[string]PRF{res.BySource, res.ByLang, res.ByScript} {
		for k, p := range m {
			p.finish()
			m[k] = p
		}
	}
	return res
}

// script names the writing system of a name: latin, cyrillic or other.
func script(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Latin, r):
			return "latin"
		case unicode.IsLetter(r):
			return "other"
		}
	}
	return "other"
}

// Mistake is one wrong decision of a Matcher: a missed pair of one group
// (FN) or a pair of two groups called the same (FP).
type Mistake struct {
	Kind string // "FN" or "FP"
	A, B Name
}

// Mistakes asks m about every pair of names in s, like Score, and returns
// all wrong decisions in pair order.
func Mistakes(ctx context.Context, s Set, m Matcher) []Mistake {
	var out []Mistake
	for i := range s {
		if i%256 == 0 && ctx.Err() != nil {
			break
		}
		for j := i + 1; j < len(s); j++ {
			gold := s[i].Group == s[j].Group
			if got := m.Same(i, j); got != gold {
				kind := "FN"
				if got {
					kind = "FP"
				}
				out = append(out, Mistake{Kind: kind, A: s[i], B: s[j]})
			}
		}
	}
	return out
}

// Half returns the names of s whose group falls in one half of a fixed
// split of the groups by an FNV-1a hash of the group id: part 0 ("even",
// for tuning) or 1 ("odd", held out for reporting).
func Half(s Set, part int) Set {
	var out Set
	for _, n := range s {
		h := fnv.New32a()
		h.Write([]byte(n.Group))
		if int(h.Sum32()%2) == part {
			out = append(out, n)
		}
	}
	return out
}
