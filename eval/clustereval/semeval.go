package clustereval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Pair is one SemEval-2022 task 8 article pair with its graded similarity.
type Pair struct {
	// ID is the pair id, "1484039360it_1484180228it"; a language suffix
	// on an article id marks a machine-translated augmentation row.
	ID           string
	Lang1, Lang2 string
	Text1, Text2 string
	// Overall is the gold grade: 1 (same story) .. 4 (unrelated).
	Overall float64
}

// Augmented reports whether the pair is a machine-translated augmentation
// row (an article id carries a language suffix).
func (p Pair) Augmented() bool {
	return strings.IndexFunc(p.ID, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0
}

// ArticleIDs returns the numeric article ids of the pair, suffixes removed.
func (p Pair) ArticleIDs() (string, string) {
	a, b, _ := strings.Cut(p.ID, "_")
	trim := func(s string) string { return strings.TrimRight(s, "abcdefghijklmnopqrstuvwxyz") }
	return trim(a), trim(b)
}

// ReadPairs reads the task's CSV (columns pair_id, lang1, lang2, text1,
// text2, Overall, others ignored). Rows without a numeric Overall are
// skipped.
func ReadPairs(r io.Reader) ([]Pair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read pairs header: %w", err)
	}
	col := make(map[string]int)
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"pair_id", "lang1", "lang2", "text1", "text2", "Overall"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("read pairs: no column %q", need)
		}
	}
	get := func(rec []string, name string) string {
		if i := col[name]; i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var out []Pair
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read pairs line %d: %w", line, err)
		}
		o, err := strconv.ParseFloat(strings.TrimSpace(get(rec, "Overall")), 64)
		if err != nil {
			continue
		}
		out = append(out, Pair{ID: get(rec, "pair_id"), Lang1: get(rec, "lang1"), Lang2: get(rec, "lang2"),
			Text1: get(rec, "text1"), Text2: get(rec, "text2"), Overall: o})
	}
}

// SplitTitle splits a task text into title and body: the task's texts
// put two spaces after the title.
func SplitTitle(text string) (title, body string) {
	text = strings.TrimSpace(text)
	if t, b, ok := strings.Cut(text, "  "); ok && len(t) < 400 {
		return strings.TrimSpace(t), strings.TrimSpace(b)
	}
	return "", text
}
