// Package extracteval scores article extraction against the two public
// benchmarks Dateline uses: the Article Extraction Benchmark's token-shingle
// measure of a page's body (ShingleScore, AEB) and trafilatura's
// snippet-based boilerplate test (SnippetScore). The cmd/dateline eval
// commands and the extractor's regression tests share this code.
package extracteval

import (
	"unicode"
)

// Tokens returns the runs of word characters in s, as Python's `\w+`
// (Unicode letters, digits and the underscore) finds them. Case is kept:
// the benchmark does not lowercase.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Counts is one document's shingle match, normalised so that TP+FP+FN is 1
// (or all zero when both texts are empty): long pages weigh no more than
// short ones.
type Counts struct {
	TP, FP, FN float64
}

// shingles counts the n-token shingles of s; a text shorter than n tokens
// gives one shingle of all its tokens, as the benchmark does.
func shingles(s string, n int) map[string]int {
	toks := Tokens(s)
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	last := max(1, len(toks)-n+1)
	for i := 0; i < last; i++ {
		end := min(i+n, len(toks))
		key := ""
		for j, t := range toks[i:end] {
			if j > 0 {
				key += "\x00"
			}
			key += t
		}
		m[key]++
	}
	return m
}

// ShingleMatch compares a predicted body with the gold one on 4-token
// shingles (multisets), the AEB measure, and returns normalised counts.
func ShingleMatch(gold, pred string) Counts {
	g, p := shingles(gold, 4), shingles(pred, 4)
	var c Counts
	for k, gc := range g {
		pc := p[k]
		c.TP += float64(min(gc, pc))
		c.FN += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		c.FP += float64(max(0, pc-g[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Precision is the document's shingle precision under the benchmark's
// conventions (1 when nothing was missed or added).
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is the document's shingle recall under the benchmark's conventions.
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// ShingleScore accumulates per-document shingle matches; its zero value is
// ready to use.
type ShingleScore struct {
	precSum, recSum float64
	precN, recN     int
	exact, docs     int
}

// Add scores one document.
func (s *ShingleScore) Add(gold, pred string) Counts {
	c := ShingleMatch(gold, pred)
	s.docs++
	if c.TP+c.FP > 0 {
		s.precSum += c.Precision()
		s.precN++
	}
	if c.TP+c.FN > 0 {
		s.recSum += c.Recall()
		s.recN++
	}
	if equalTokens(gold, pred) {
		s.exact++
	}
	return c
}

func equalTokens(a, b string) bool {
	ta, tb := Tokens(a), Tokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

// Docs is the number of documents added.
func (s *ShingleScore) Docs() int { return s.docs }

// Precision is the mean document precision over documents that predicted
// something.
func (s *ShingleScore) Precision() float64 {
	if s.precN == 0 {
		return 0
	}
	return s.precSum / float64(s.precN)
}

// Recall is the mean document recall over documents with a gold body.
func (s *ShingleScore) Recall() float64 {
	if s.recN == 0 {
		return 0
	}
	return s.recSum / float64(s.recN)
}

// F1 is the harmonic mean of Precision and Recall.
func (s *ShingleScore) F1() float64 { return f1(s.Precision(), s.Recall()) }

// Accuracy is the fraction of documents whose tokens match the gold exactly.
func (s *ShingleScore) Accuracy() float64 {
	if s.docs == 0 {
		return 0
	}
	return float64(s.exact) / float64(s.docs)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
