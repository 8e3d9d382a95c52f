package ner

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"dateline/entity"
	"dateline/eval/nereval"
)

func sent(toks, tags string) Sentence {
	return Sentence{Tokens: strings.Fields(toks), Tags: strings.Fields(tags)}
}

// validIOB2 reports whether tags are IOB2 with one tag per token.
func validIOB2(s Sentence) bool {
	if len(s.Tokens) != len(s.Tags) {
		return false
	}
	return reflect.DeepEqual(nereval.ToIOB2(s.Tags), s.Tags)
}

func TestRelabelEvents(t *testing.T) {
	tests := []struct {
		name, lang, toks, tags, want string
	}{
		{"english cup", "en", "the FIFA World Cup final", "O B-ORG I-ORG I-ORG O", "O B-MISC I-MISC I-MISC O"},
		{"english war", "en", "after the Gulf War", "O O B-LOC I-LOC", "O O B-MISC I-MISC"},
		{"person untouched", "en", "Tom Open said", "B-PER I-PER O", "B-PER I-PER O"},
		{"single word untouched", "en", "the Cup", "O B-ORG", "O B-ORG"},
		{"dutch games", "nl", "de Olympische Spelen", "O B-LOC I-LOC", "O B-MISC I-MISC"},
		{"french head first", "fr", "la Coupe du monde", "O B-ORG I-ORG I-ORG", "O B-MISC I-MISC I-MISC"},
		{"no list", "xx", "the World Cup", "O B-ORG I-ORG", "O B-ORG I-ORG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(tc.toks, tc.tags)
			RelabelEvents([]Sentence{s}, tc.lang)
			if got := strings.Join(s.Tags, " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestTrimYears(t *testing.T) {
	tests := []struct{ name, toks, tags, want string }{
		{"year opens", "the 1998 FIFA World Cup", "O B-MISC I-MISC I-MISC I-MISC", "O O B-MISC I-MISC I-MISC"},
		{"year alone kept", "in 1998 there", "O B-MISC O", "O B-MISC O"},
		{"not a year", "the 747 Jumbo", "O B-MISC I-MISC", "O B-MISC I-MISC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(tc.toks, tc.tags)
			trimYears(s)
			if got := strings.Join(s.Tags, " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

var silverTiny = []Sentence{
	sent("Pete Sampras won in New York .", "B-PER I-PER O O B-LOC I-LOC O"),
	sent("Ajax played in Amsterdam", "B-ORG O O B-LOC"),
	sent("Angela Merkel visited Paris", "B-PER I-PER O B-LOC"),
}

func TestAugmentations(t *testing.T) {
	tests := []struct {
		name string
		fn   func() []Sentence
		want string // a token sequence every copy holds
		none bool
	}{
		{"possessive en", func() []Sentence { return AugmentPossessive(silverTiny, "en", 1, 1) }, "'s", false},
		{"possessive nl", func() []Sentence { return AugmentPossessive(silverTiny, "nl", 1, 1) }, "", true},
		{"news en", func() []Sentence { return AugmentNews(silverTiny, "en", 1, 1) }, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.fn()
			if tc.none {
				if len(out) != 0 {
					t.Fatalf("got %d copies, want none", len(out))
				}
				return
			}
			if len(out) == 0 {
				t.Fatal("no copies")
			}
			for _, s := range out {
				if !validIOB2(s) {
					t.Errorf("invalid copy %v %v", s.Tokens, s.Tags)
				}
				if tc.want != "" && !strings.Contains(strings.Join(s.Tokens, " "), tc.want) {
					t.Errorf("copy %v lacks %q", s.Tokens, tc.want)
				}
				for i, w := range s.Tokens {
					if w == "'s" && s.Tags[i] != "O" {
						t.Errorf("possessive tagged %s in %v", s.Tags[i], s.Tokens)
					}
				}
			}
		})
	}
	// news copies hold a dateline in capitals tagged LOC
	dl := false
	for _, s := range AugmentNews(silverTiny, "en", 1, 1) {
		for i, w := range s.Tokens {
			if w == strings.ToUpper(w) && s.Tags[i] == "B-LOC" && len(w) > 2 && i == 0 {
				dl = true
			}
		}
	}
	if !dl {
		t.Error("no dateline copy")
	}
}

func TestKBNames(t *testing.T) {
	kb, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := KBNames(kb, "nl")
	tests := []struct {
		name string
		toks string
		want string
	}{
		{"country", "Rusland", "LOC"},
		{"country in capitals", "RUSLAND", "LOC"},
		{"english name", "Russia", "LOC"},
		{"demonym", "Russische", "MISC"},
		{"organisation", "NAVO", "ORG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := strings.Fields(tc.toks)
			var got []string
			for _, m := range d.Lookup(toks, 0) {
				if m.Len == len(toks) {
					got = append(got, m.Type)
				}
			}
			found := false
			for _, g := range got {
				found = found || g == tc.want
			}
			if !found {
				t.Errorf("Lookup(%q) types %v, want %s", tc.toks, got, tc.want)
			}
		})
	}
	if KBNames(nil, "nl").Len() != 0 {
		t.Error("nil KB gave names")
	}
}

func TestNonNamesNeverStart(t *testing.T) {
	tg, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("I met Tony Blair in London on Friday .")
	tags := tg.Tag(toks)
	for i, w := range toks {
		if (w == "I" || w == "Friday") && tags[i] != "O" {
			t.Errorf("%s tagged %s in %v", w, tags[i], tags)
		}
	}
}

func TestLearnClusters(t *testing.T) {
	var text [][]string
	animals := []string{"cat", "dog", "horse", "cow"}
	cities := []string{"paris", "london", "berlin", "rome"}
	for i := range 40 {
		a, c := animals[i%4], cities[(i/4)%4]
		text = append(text,
			strings.Fields("the "+a+" sat on the mat"),
			strings.Fields("a "+a+" ran home"),
			strings.Fields("we flew to "+c+" yesterday"),
			strings.Fields("she lives in "+c+" now"))
	}
	cl, err := LearnClusters(context.Background(), text, ClusterOptions{Seed: 1, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	common := func(a, b string) int {
		x, y := cl[a], cl[b]
		n := 0
		for n < len(x) && n < len(y) && x[n] == y[n] {
			n++
		}
		return n
	}
	if cl["cat"] == "" || cl["paris"] == "" {
		t.Fatalf("missing classes: %v", cl)
	}
	if common("cat", "dog") <= common("cat", "paris") || common("paris", "rome") <= common("rome", "cow") {
		t.Errorf("classes do not group alike words: cat %s dog %s paris %s rome %s cow %s",
			cl["cat"], cl["dog"], cl["paris"], cl["rome"], cl["cow"])
	}
	if _, err := LearnClusters(context.Background(), nil, ClusterOptions{}); err == nil {
		t.Error("no error on empty text")
	}
}

func TestTrainWithKBAndClustersRoundTrip(t *testing.T) {
	kb := &Dict{}
	kb.Add([]string{"Amsterdam"}, "LOC")
	cl := map[string]string{"jan": "0101", "piet": "0100", "amsterdam": "1100"}
	m, err := Train(context.Background(), tiny, TrainOptions{Lang: "nl", Epochs: 5, MinCount: 1, KB: kb, KBDropout: -1, Clusters: cl})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.kb == nil || m2.kb.Len() != 1 || !reflect.DeepEqual(m2.clusters, cl) {
		t.Errorf("round trip lost the knowledge-base names or classes: kb %v clusters %v", m2.kb, m2.clusters)
	}
	for _, s := range tiny {
		if a, b := New(m).Tag(s.Tokens), New(m2).Tag(s.Tokens); !reflect.DeepEqual(a, b) {
			t.Errorf("after round trip Tag(%v) = %v, before %v", s.Tokens, b, a)
		}
	}
}
