package langid

import (
	"math"
	"strings"
	"testing"
)

// linguaProbs counts a corpus the way lingua-go builds its models: n-grams
// inside letter runs only, P(c | h) = count(hc) / count(h) over every
// position of h, unigrams count(c) / letters.
func linguaProbs(corpus string) []map[string]float64 {
	counts := make([]map[string]float64, 6)
	for n := 1; n <= 5; n++ {
		counts[n] = map[string]float64{}
	}
	for _, w := range strings.Fields(corpus) {
		rs := []rune(w)
		for n := 1; n <= 5; n++ {
			for i := 0; i+n <= len(rs); i++ {
				counts[n][string(rs[i:i+n])]++
			}
		}
	}
	total := 0.0
	for _, c := range counts[1] {
		total += c
	}
	probs := make([]map[string]float64, 6)
	for n := 1; n <= 5; n++ {
		probs[n] = map[string]float64{}
		for g, c := range counts[n] {
			if n == 1 {
				probs[n][g] = c / total
				continue
			}
			rs := []rune(g)
			probs[n][g] = c / counts[n-1][string(rs[:n-1])]
		}
	}
	return probs
}

func TestBoundaryNgrams(t *testing.T) {
	// 10 words, 25 letters
	corpus := "de de het de kat zat op de mat het"
	bnd := boundaryNgrams(jointTables(linguaProbs(corpus)))
	tests := []struct {
		name  string
		order int
		ngram string
		want  float64
	}{
		{"boundary unigram: 10 of 25+10", 1, " ", 10.0 / 35},
		{"word starts with d: 4 of 10", 2, " d", 0.4},
		{"word starts with h: 2 of 10", 2, " h", 0.2},
		{"t ends a word: 5 of 5", 2, "t ", 1},
		{"e ends a word: 4 of 6", 2, "e ", 4.0 / 6},
		{"de after a boundary is the word de", 4, " de ", 1},
		{"h then e at a word start", 3, " he", 1},
		{"het: t after ' he'", 4, " het", 1},
		{"het is a word: 2 of 2", 5, " het ", 1},
		{"at ends: 3 of 3", 3, "at ", 1},
		{"k starts a word: 1 of 10", 2, " k", 0.1},
		{"op is a word", 4, " op ", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := bnd.prob[tt.order][tt.ngram]
			if !ok {
				t.Fatalf("P(%q) missing", tt.ngram)
			}
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("P(%q) = %v, want %v", tt.ngram, got, tt.want)
			}
		})
	}
	for _, absent := range []string{" e", "d ", " a", "k "} {
		for n := 1; n <= 5; n++ {
			if p, ok := bnd.prob[n][absent]; ok {
				t.Errorf("P(%q) = %v, want absent (never seen)", absent, p)
			}
		}
	}
}

func TestSampleTextWeights(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []word
	}{
		{"lowercase", "de kat", []word{{" de ", 1}, {" kat ", 1}}},
		{"sentence start is not a name", "De kat zat.", []word{{" de ", 1}, {" kat ", 1}, {" zat ", 1}}},
		{"name inside a sentence", "de kat van Müller", []word{{" de ", 1}, {" kat ", 1}, {" van ", 1}, {" müller ", capWeight}}},
		{"after a full stop", "Ja. Nee, Jan!", []word{{" ja ", 1}, {" nee ", 1}, {" jan ", capWeight}}},
		{"acronym", "het VN-verdrag", []word{{" het ", 1}, {" vn ", capWeight}, {" verdrag ", 1}}},
		{"digits split words", "a1b", []word{{" a ", 1}, {" b ", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sampleText(tt.text, 1000)
			if len(s.words) != len(tt.want) {
				t.Fatalf("words = %+v, want %+v", s.words, tt.want)
			}
			for i, w := range tt.want {
				if s.words[i] != w {
					t.Errorf("word %d = %+v, want %+v", i, s.words[i], w)
				}
			}
		})
	}
}
