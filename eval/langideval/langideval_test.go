package langideval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestScore(t *testing.T) {
	cases := []Case{
		{"nl", "sentences", "a"}, {"nl", "sentences", "b"}, {"nl", "single-words", "c"}, {"nl", "single-words", "d"},
		{"en", "sentences", "e"}, {"en", "single-words", "f"},
	}
	pred := []string{"nl", "af", "nl", "nl", "en", ""}
	r := Score(cases, pred)
	tests := []struct {
		name      string
		got, want float64
	}{
		{"nl sentences", r.ByLanguage["nl"]["sentences"], 0.5},
		{"nl single", r.ByLanguage["nl"]["single-words"], 1},
		{"nl mean", r.ByLanguage["nl"]["mean"], 0.75},
		{"en mean", r.ByLanguage["en"]["mean"], 0.5},
		{"by kind sentences", r.ByKind["sentences"], 2.0 / 3},
		{"overall", r.Accuracy, 0.625},
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if r.N != 6 {
		t.Errorf("N = %d", r.N)
	}
}

func TestLoadPublished(t *testing.T) {
	dir := t.TempDir()
	csv := "language,average-cld3,sentences-cld3,average-lingua-high,single-words-lingua-high,word-pairs-lingua-high,sentences-lingua-high\n" +
		"Dutch,58,97,77,55,81,96\nBokmal,NaN,NaN,58,39,59,77\nKlingon,1,1,1,1,1,1\n"
	if err := os.WriteFile(filepath.Join(dir, "aggregated-accuracy-values.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPublished(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := p["lingua-high"]["nl"]["sentences"]; math.Abs(got-0.96) > 1e-9 {
		t.Errorf("nl sentences = %v", got)
	}
	if _, ok := p["cld3"]["nb"]["sentences"]; ok {
		t.Error("NaN kept")
	}
	if got := p["lingua-high"]["nb"]["word-pairs"]; math.Abs(got-0.59) > 1e-9 {
		t.Errorf("nb word pairs = %v", got)
	}
	if len(p["lingua-high"]) != 2 {
		t.Errorf("languages = %v", p["lingua-high"])
	}
	empty, err := LoadPublished(t.TempDir())
	if err != nil || len(empty) != 0 {
		t.Errorf("missing file: %v %v", empty, err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sentences"), 0o755)
	os.WriteFile(filepath.Join(dir, "sentences", "nl.txt"), []byte("Een zin.\n\nNog een.\n"), 0o644)
	cases, err := Load(dir)
	if err != nil || len(cases) != 2 || cases[0].Lang != "nl" || cases[0].Kind != "sentences" {
		t.Errorf("Load = %v, %v", cases, err)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("empty dir: no error")
	}
}
