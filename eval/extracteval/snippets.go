package extracteval

import "strings"

// SnippetScore counts trafilatura's boilerplate test: a snippet that must
// be kept ("with") and is found in the extracted text is a true positive,
// missing a false negative; a snippet that must be dropped ("without") and
// is found is a false positive, absent a true negative. Its zero value is
// ready to use.
type SnippetScore struct {
	TP, FP, FN, TN int
}

// Add scores one page's extracted text against its snippets and returns the
// page's own counts.
func (s *SnippetScore) Add(text string, with, without []string) SnippetScore {
	var c SnippetScore
	for _, w := range with {
		if text != "" && strings.Contains(text, w) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, w := range without {
		if text != "" && strings.Contains(text, w) {
			c.FP++
		} else {
			c.TN++
		}
	}
	s.TP += c.TP
	s.FP += c.FP
	s.FN += c.FN
	s.TN += c.TN
	return c
}

// Precision is TP/(TP+FP).
func (s SnippetScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s SnippetScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is 2TP/(2TP+FP+FN).
func (s SnippetScore) F1() float64 { return ratio(2*s.TP, 2*s.TP+s.FP+s.FN) }

// Accuracy is (TP+TN) over all snippets.
func (s SnippetScore) Accuracy() float64 { return ratio(s.TP+s.TN, s.TP+s.TN+s.FP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
