package ner

import (
	"strings"
	"testing"
)

func TestMarkRuns(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		at    int
		start int
		end   int
	}{
		{"single capitalised word", "he met Smith today", 2, 2, 3},
		{"two words", "shares of Deutsche Bank rose", 3, 2, 4},
		{"connector inside", "the Bank of England said", 3, 1, 4},
		{"two connectors", "the Bank of the Netherlands said", 1, 1, 5},
		{"connector at the end is left out", "Smith of the year", 0, 0, 1},
		{"lower-case word has no run", "shares of Deutsche Bank rose", 0, 0, 0},
		{"Dutch particles", "met Jan van der Berg gesproken", 2, 1, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := strings.Fields(tc.text)
			info := make([]tokInfo, len(toks))
			for i, w := range toks {
				info[i].word, info[i].lower = w, strings.ToLower(w)
			}
			markRuns(info)
			got := info[tc.at]
			if got.runStart != tc.start || got.runEnd != tc.end {
				t.Errorf("token %d: run [%d,%d), want [%d,%d)", tc.at, got.runStart, got.runEnd, tc.start, tc.end)
			}
		})
	}
}
