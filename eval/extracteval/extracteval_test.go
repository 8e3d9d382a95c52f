package extracteval

import (
	"dateline/internal/shared"

	"math"
	"testing"
)

// sharedData finds ../shared/data/NAME beside the module root.
func sharedData(t testing.TB, name string) string { return shared.Data(t, name) }

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation", "Hello, world! It's 2019.", []string{"Hello", "world", "It", "s", "2019"}},
		{"unicode", "Ünïcode ßtraße — Москва_1", []string{"Ünïcode", "ßtraße", "Москва_1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Tokens(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
				}
			}
		})
	}
}

func TestShingleMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		p, r       float64
	}{
		{"identical", "a b c d e f", "a b c d e f", 1, 1},
		{"both empty", "", "", 1, 1},
		{"nothing predicted", "a b c d e", "", 0, 0},
		// gold has 3 shingles; pred adds 2 tokens at the end: 5 shingles, 3 shared.
		{"extra tail", "a b c d e f", "a b c d e f g h", 0.6, 1},
		{"short texts", "a b", "a b", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ShingleMatch(tc.gold, tc.pred)
			if math.Abs(c.Precision()-tc.p) > 1e-9 || math.Abs(c.Recall()-tc.r) > 1e-9 {
				t.Errorf("P/R = %.3f/%.3f, want %.3f/%.3f (%+v)", c.Precision(), c.Recall(), tc.p, tc.r, c)
			}
		})
	}
}

// TestStoredOutputsMatchPublished checks the scorer against the figures the
// benchmark publishes for stored extractor outputs.
func TestStoredOutputsMatchPublished(t *testing.T) {
	dir := sharedData(t, "extract-aeb")
	pages, err := LoadAEB(dir)
	if err != nil {
		t.Fatal(err)
	}
	outs, err := AEBOutputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	published := map[string][3]float64{ // F1, P, R from the benchmark's README
		"go_trafilatura": {0.960, 0.940, 0.980},
		"rs_trafilatura": {0.970, 0.951, 0.990},
		"go_readability": {0.934, 0.900, 0.971},
	}
	for name, want := range published {
		s := ScoreAEB(pages, outs[name])
		got := [3]float64{s.F1(), s.Precision(), s.Recall()}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 0.0015 {
				t.Errorf("%s: F1/P/R = %.4f/%.4f/%.4f, published %.3f/%.3f/%.3f", name, got[0], got[1], got[2], want[0], want[1], want[2])
				break
			}
		}
	}
}

func TestSnippetScore(t *testing.T) {
	var s SnippetScore
	s.Add("the kept text and an Impressum", []string{"kept text", "lost"}, []string{"Impressum", "Twitter"})
	if s.TP != 1 || s.FN != 1 || s.FP != 1 || s.TN != 1 {
		t.Fatalf("counts %+v", s)
	}
	if s.F1() != 0.5 || s.Accuracy() != 0.5 {
		t.Errorf("F1 %.3f accuracy %.3f, want 0.5 0.5", s.F1(), s.Accuracy())
	}
}
