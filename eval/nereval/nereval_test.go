package nereval

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func tags(s string) []string { return strings.Fields(s) }

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"iob2", "B-PER I-PER O B-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 starts with I", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 B splits same type", "I-LOC B-LOC I-LOC", []Chunk{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"type change splits", "I-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"stray I after O starts a chunk", "O I-MISC I-MISC O", []Chunk{{1, 3, "MISC"}}},
		{"B then B", "B-PER B-PER", []Chunk{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"iobes", "S-PER B-LOC E-LOC", []Chunk{{0, 1, "PER"}, {1, 3, "LOC"}}},
		{"all O", "O O O", nil},
		{"empty", "", nil},
		{"entity at end", "O B-ORG I-ORG", []Chunk{{1, 3, "ORG"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Chunks(tags(tc.tags)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Chunks(%q) = %v, want %v", tc.tags, got, tc.want)
			}
		})
	}
}

func TestToIOB2(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"iob1", "I-PER I-PER O I-LOC B-LOC", "B-PER I-PER O B-LOC B-LOC"},
		{"iob2 unchanged", "B-ORG I-ORG O", "B-ORG I-ORG O"},
		{"type switch", "I-ORG I-MISC", "B-ORG B-MISC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(ToIOB2(tags(tc.in)), " "); got != tc.want {
				t.Errorf("ToIOB2(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestScorer(t *testing.T) {
	tests := []struct {
		name      string
		gold      []string
		pred      []string
		p, r, f   float64
		byTypeF1  map[string]float64
		wantError bool
	}{
		{
			name: "perfect, iob1 gold against iob2 prediction",
			gold: []string{"I-PER I-PER O I-LOC"}, pred: []string{"B-PER I-PER O B-LOC"},
			p: 1, r: 1, f: 1, byTypeF1: map[string]float64{"PER": 1, "LOC": 1},
		},
		{
			name: "partial span is wrong",
			gold: []string{"B-PER I-PER O B-LOC"}, pred: []string{"B-PER O O B-LOC"},
			p: 0.5, r: 0.5, f: 0.5, byTypeF1: map[string]float64{"PER": 0, "LOC": 1},
		},
		{
			name: "wrong type is wrong",
			gold: []string{"B-ORG O"}, pred: []string{"B-LOC O"},
			p: 0, r: 0, f: 0, byTypeF1: map[string]float64{"ORG": 0, "LOC": 0},
		},
		{
			name: "two sentences, one missed, one spurious",
			gold: []string{"B-PER O O", "O B-MISC I-MISC"}, pred: []string{"B-PER O B-ORG", "O O O"},
			p: 0.5, r: 0.5, f: 0.5, byTypeF1: map[string]float64{"PER": 1, "MISC": 0, "ORG": 0},
		},
		{
			name: "nothing predicted",
			gold: []string{"B-PER"}, pred: []string{"O"},
			p: 0, r: 0, f: 0, byTypeF1: map[string]float64{"PER": 0},
		},
		{
			name: "length mismatch", gold: []string{"B-PER O"}, pred: []string{"O"}, wantError: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s Scorer
			var err error
			for i := range tc.gold {
				if e := s.Add(tags(tc.gold[i]), tags(tc.pred[i])); e != nil {
					err = e
				}
			}
			if tc.wantError {
				if err == nil {
					t.Fatal("want error for mismatched lengths")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := s.Result()
			if !near(r.Precision, tc.p) || !near(r.Recall, tc.r) || !near(r.F1, tc.f) {
				t.Errorf("P/R/F = %.3f/%.3f/%.3f, want %.3f/%.3f/%.3f", r.Precision, r.Recall, r.F1, tc.p, tc.r, tc.f)
			}
			for typ, f := range tc.byTypeF1 {
				if got := r.ByType[typ].F1; !near(got, f) {
					t.Errorf("%s F1 = %.3f, want %.3f", typ, got, f)
				}
			}
			if len(r.ByType) != len(tc.byTypeF1) {
				t.Errorf("types %v, want %v", r.ByType, tc.byTypeF1)
			}
		})
	}
}

func TestTokenAccuracy(t *testing.T) {
	var s Scorer
	if err := s.Add(tags("B-PER I-PER O O"), tags("B-PER O O B-LOC")); err != nil {
		t.Fatal(err)
	}
	if got := s.Result().Accuracy; !near(got, 0.5) {
		t.Errorf("accuracy = %v, want 0.5", got)
	}
	if !strings.Contains(s.Result().Table(), "overall") {
		t.Error("table lacks the overall row")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
