package clustereval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/cluster"
	"dateline/model"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBCubed(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []int
		p, r       float64
	}{
		{"perfect", []int{1, 1, 2}, []int{5, 5, 7}, 1, 1},
		{"all in one", []int{1, 1, 1, 1}, []int{1, 1, 2, 2}, 0.5, 1},
		{"all singletons", []int{1, 2, 3, 4}, []int{1, 1, 2, 2}, 1, 0.5},
		// Amigó et al. style case: gold {a,b,c},{d,e}; pred {a,b},{c,d,e}.
		// P: a,b 1; c 1/3; d,e 2/3 -> (2+1/3+4/3)/5 = 11/15.
		// R: a,b 2/3; c 1/3; d,e 1 -> (4/3+1/3+2)/5 = 11/15.
		{"mixed", []int{1, 1, 2, 2, 2}, []int{1, 1, 1, 2, 2}, 11.0 / 15, 11.0 / 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := BCubed(tc.pred, tc.gold)
			if !near(got.Precision, tc.p) || !near(got.Recall, tc.r) || !near(got.F1, 2*tc.p*tc.r/(tc.p+tc.r)) {
				t.Errorf("BCubed = %+v, want P=%v R=%v", got, tc.p, tc.r)
			}
		})
	}
	if got := BCubed(nil, nil); got != (PRF{}) {
		t.Errorf("empty = %+v", got)
	}
}

func TestPairwise(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []int
		p, r       float64
	}{
		{"perfect", []int{1, 1, 2}, []int{3, 3, 4}, 1, 1},
		// gold pairs: ab ac bc de (4); pred pairs: ab cd ce de (4); shared ab de.
		{"mixed", []int{1, 1, 2, 2, 2}, []int{1, 1, 1, 2, 2}, 0.5, 0.5},
		// pred pairs: all 6; gold pairs ab cd: 2 of 6 right.
		{"all in one", []int{1, 1, 1, 1}, []int{1, 1, 2, 2}, 2.0 / 6, 1},
		{"no pairs predicted", []int{1, 2, 3}, []int{1, 1, 2}, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Pairwise(tc.pred, tc.gold)
			if !near(got.Precision, tc.p) || !near(got.Recall, tc.r) {
				t.Errorf("Pairwise = %+v, want P=%v R=%v", got, tc.p, tc.r)
			}
		})
	}
}

func TestPearson(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want float64
	}{
		{"perfect", []float64{1, 2, 3}, []float64{2, 4, 6}, 1},
		{"inverse", []float64{1, 2, 3}, []float64{3, 2, 1}, -1},
		// x mean 2.5, y mean 2.5: sxy=(-1.5)(-0.5)+(-0.5)(-1.5)+(0.5)(1.5)+(1.5)(0.5)=3, sxx=syy=5 -> 0.6
		{"partial", []float64{1, 2, 3, 4}, []float64{2, 1, 4, 3}, 0.6},
		{"constant", []float64{1, 1}, []float64{1, 2}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Pearson(tc.x, tc.y); !near(got, tc.want) {
				t.Errorf("Pearson = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRidgeRecoversLine(t *testing.T) {
	var X [][]float64
	var y []float64
	for i := range 20 {
		x := float64(i)
		X = append(X, []float64{1, x})
		y = append(y, 3+2*x)
	}
	w := ridge(X, y, 0)
	if !near(w[0], 3) || !near(w[1], 2) {
		t.Errorf("ridge = %v, want [3 2]", w)
	}
}

const catSample = `<Document doc_name="1_1ecb.xml" doc_id="D1">
<token t_id="1" sentence="0" number="0">Tara</token>
<token t_id="2" sentence="0" number="1">Reid</token>
<token t_id="3" sentence="0" number="2">checked</token>
<token t_id="4" sentence="0" number="3">in</token>
<token t_id="5" sentence="0" number="4">.</token>
<token t_id="6" sentence="1" number="0">` + "``" + `</token>
<token t_id="7" sentence="1" number="1">We</token>
<token t_id="8" sentence="1" number="2">appreciate</token>
<token t_id="9" sentence="1" number="3">it</token>
<token t_id="10" sentence="1" number="4">,</token>
<token t_id="11" sentence="1" number="5">''</token>
<token t_id="12" sentence="1" number="6">her</token>
<token t_id="13" sentence="1" number="7">rep</token>
<token t_id="14" sentence="1" number="8">'s</token>
<token t_id="15" sentence="1" number="9">told</token>
<token t_id="16" sentence="1" number="10">People</token>
<token t_id="17" sentence="1" number="11">.</token>
<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE></Markables>
</Document>`

func TestReadCAT(t *testing.T) {
	got, err := ReadCAT(strings.NewReader(catSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Tara Reid checked in.", `"We appreciate it," her rep's told People.`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ReadCAT =\n%q\nwant\n%q", got, want)
	}
}

func FuzzReadCAT(f *testing.F) {
	f.Add(catSample)
	f.Add(`<Document><token sentence="x">a</token><token>`)
	f.Add(`<token sentence="3"></token>`)
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadCAT(strings.NewReader(s))
		if err == nil {
			for _, x := range sents {
				if x == "" {
					t.Errorf("empty sentence from %q", s)
				}
			}
		}
	})
}

const csvSample = "Unnamed: 0,pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone\n" +
	"1,100_200,en,en,\"Title one  Body, with comma\",\"Title two  Body two\",1,1,1,1,1.5,1,1\n" +
	"2,101de_201de,de,de,a,b,4,4,4,4,4.0,4,4\n" +
	"3,102_202,en,de,a,b,4,4,4,4,x,4,4\n"

func TestReadPairs(t *testing.T) {
	ps, err := ReadPairs(strings.NewReader(csvSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("%d pairs, want 2 (a row without a grade is skipped)", len(ps))
	}
	if ps[0].Overall != 1.5 || ps[0].Augmented() || !ps[1].Augmented() {
		t.Errorf("pairs = %+v", ps)
	}
	if a, b := ps[1].ArticleIDs(); a != "101" || b != "201" {
		t.Errorf("ArticleIDs = %s %s", a, b)
	}
	if ti, body := SplitTitle(ps[0].Text1); ti != "Title one" || body != "Body, with comma" {
		t.Errorf("SplitTitle = %q %q", ti, body)
	}
	if _, err := ReadPairs(strings.NewReader("a,b\n1,2\n")); err == nil {
		t.Error("missing columns accepted")
	}
}

func FuzzReadPairs(f *testing.F) {
	f.Add(csvSample)
	f.Add("pair_id,lang1,lang2,text1,text2,Overall\n\"unterminated")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ReadPairs(strings.NewReader(s))
		if err == nil {
			for _, p := range ps {
				if math.IsNaN(p.Overall) && p.ID == "" {
					continue
				}
				p.ArticleIDs()
				p.Augmented()
			}
		}
	})
}

func TestFallbackAnnotator(t *testing.T) {
	a := &model.Article{Lang: "en", Title: "Lindsay Lohan checks into Betty Ford Center",
		Body: "May 03, 2013. The actress arrived in Rancho Mirage on Thursday, 3 May 2013, after 90 days."}
	if err := Fallback(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	var names, dates []string
	for _, m := range a.Mentions {
		names = append(names, m.Text)
	}
	for _, x := range a.Timexes {
		dates = append(dates, x.Value)
	}
	got := strings.Join(names, "|")
	for _, want := range []string{"Lindsay Lohan", "Betty Ford Center", "Rancho Mirage"} {
		if !strings.Contains(got, want) {
			t.Errorf("mentions %q lack %q", got, want)
		}
	}
	if d := strings.Join(dates, "|"); d != "2013-05-03|2013-05-03" {
		t.Errorf("dates = %q", d)
	}
}

// repoRoot walks up from the package directory to the module root.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("module root not found")
		}
		dir = up
	}
}

// TestECBRegression clusters a subset of ECB+ (topics 1-8) and checks a
// floor well below the measured figure; the full figure is `dateline eval
// cluster`.
func TestECBRegression(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "..", "shared", "data", "cluster-ecbplus")
	docs, err := ReadECB(dir)
	if err != nil {
		t.Skipf("ECB+ not available: %v", err)
	}
	var sub []ECBDoc
	for _, d := range docs {
		if d.Topic <= 8 {
			sub = append(sub, d)
		}
	}
	r, err := EvalECB(context.Background(), sub, Fallback, cluster.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("topics 1-8: %d docs, %d clusters, sub-topic B-cubed %+v", r.Docs, r.Clusters, r.SubTopic.BCubed)
	if r.SubTopic.BCubed.F1 < 0.70 {
		t.Errorf("sub-topic B-cubed F1 %.3f below the 0.70 floor", r.SubTopic.BCubed.F1)
	}
}

func TestSimilarityRegression(t *testing.T) {
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "sim-semeval2022t8", "training_set.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("SemEval data not available: %v", err)
	}
	ps, err := ReadPairs(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) > 400 {
		ps = ps[:400]
	}
	r, err := EvalSimilarity(context.Background(), ps, Fallback, 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first 400 pairs: CV Pearson %.3f", r.Pearson)
	if r.Pearson < 0.4 {
		t.Errorf("Pearson %.3f below the 0.4 floor", r.Pearson)
	}
}
