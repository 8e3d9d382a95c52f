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

func TestMeetsPublished(t *testing.T) {
	tests := []struct {
		name           string
		acc, published float64
		decimals       int
		want           bool
	}{
		{"above", 0.979, 0.97, 0, true},
		{"rounds up to 100", 0.995, 1.00, 0, true},
		{"short of 100", 0.994, 1.00, 0, false},
		{"rounds up to 98", 0.975, 0.98, 0, true},
		{"short of 98", 0.974, 0.98, 0, false},
		{"one decimal", 0.9775, 0.978, 1, true},
		{"one decimal short", 0.9774, 0.978, 1, false},
		{"exact", 0.96, 0.96, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MeetsPublished(tt.acc, tt.published, tt.decimals); got != tt.want {
				t.Errorf("MeetsPublished(%v, %v, %d) = %v, want %v", tt.acc, tt.published, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestPublishedDecimals(t *testing.T) {
	tests := []struct {
		name, csv string
		want      int
	}{
		{"whole percent", "language,sentences-lingua-high\nDutch,96\nBokmal,NaN\n", 0},
		{"one decimal", "language,sentences-lingua-high\nDutch,96.4\nEnglish,99\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "aggregated-accuracy-values.csv"), []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := PublishedDecimals(dir)
			if err != nil || got != tt.want {
				t.Errorf("PublishedDecimals = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}
