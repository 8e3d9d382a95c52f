package similarity

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"dateline/model"
)

func pearson(a, b []float64) float64 {
	n := float64(len(a))
	var ma, mb float64
	for i := range a {
		ma += a[i] / n
		mb += b[i] / n
	}
	var sab, saa, sbb float64
	for i := range a {
		sab += (a[i] - ma) * (b[i] - mb)
		saa += (a[i] - ma) * (a[i] - ma)
		sbb += (b[i] - mb) * (b[i] - mb)
	}
	return sab / math.Sqrt(saa*sbb)
}

// synthetic returns rows whose target is a step in column 0 plus a line
// in column 1; column 2 is noise-free but irrelevant.
func synthetic(n int) ([][]float64, []float64) {
	var X [][]float64
	var y []float64
	for i := range n {
		a, b, c := float64(i%17)/17, float64(i%11)/11, float64(i%5)
		X = append(X, []float64{a, b, c})
		v := 2 * b
		if a > 0.5 {
			v += 1
		}
		y = append(y, v)
	}
	return X, y
}

func TestTrainFitsNonlinearTarget(t *testing.T) {
	X, y := synthetic(600)
	for _, tc := range []struct {
		name string
		p    Params
	}{
		{"defaults", Params{}},
		{"stumps", Params{Depth: 1, Trees: 600, Rate: 0.1}},
		{"bagged", Params{Bags: 3, Trees: 200}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Train(X, y, []string{"a", "b", "c"}, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			pred := make([]float64, len(X))
			for i, x := range X {
				pred[i] = m.Predict(x)
			}
			if r := pearson(pred, y); r < 0.97 {
				t.Errorf("Pearson of fit %.3f, want >= 0.97", r)
			}
			// The step at a = 0.5 must be found: a row just above it
			// scores about 1 more than one just below.
			lo, hi := m.Predict([]float64{0.45, 0.5, 0}), m.Predict([]float64{0.6, 0.5, 0})
			if d := hi - lo; d < 0.6 || d > 1.4 {
				t.Errorf("step learnt as %.2f, want about 1", d)
			}
		})
	}
}

func TestTrainDeterministicAndErrors(t *testing.T) {
	X, y := synthetic(200)
	a, err := Train(X, y, nil, Params{Trees: 50})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Train(X, y, nil, Params{Trees: 50})
	for i, x := range X {
		if a.Predict(x) != b.Predict(x) {
			t.Fatalf("row %d: two trainings differ", i)
		}
	}
	for _, tc := range []struct {
		name string
		X    [][]float64
		y    []float64
	}{
		{"empty", nil, nil},
		{"length mismatch", X, y[:3]},
		{"ragged", [][]float64{{1, 2}, {1}}, []float64{1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Train(tc.X, tc.y, nil, Params{}); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestModelRoundTrip(t *testing.T) {
	X, y := synthetic(100)
	m, err := Train(X, y, []string{"a", "b", "c"}, Params{Trees: 20})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	r, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range X {
		if r.Predict(x) != m.Predict(x) {
			t.Fatal("read model predicts differently")
		}
	}
}

func FuzzReadModel(f *testing.F) {
	var buf bytes.Buffer
	X, y := synthetic(50)
	m, _ := Train(X, y, nil, Params{Trees: 3})
	if err := WriteModel(&buf, m); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Add([]byte("\x1f\x8b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		m.Predict([]float64{0.5, 0.5, 0.5}) // must not panic or loop
	})
}

func TestDefaultModelMatchesFeatures(t *testing.T) {
	m := DefaultModel()
	if !slices.Equal(m.Features, FeatureNames) {
		t.Fatalf("embedded model features %v\nwant %v (retrain: dateline eval similarity --train similarity/data/model.json.gz)", m.Features, FeatureNames)
	}
	if len(m.Trees) == 0 {
		t.Fatal("embedded model has no trees")
	}
}

func TestGazetteer(t *testing.T) {
	g, err := EmbeddedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	de := g.Find("Die Kanzlerin reiste nach Frankreich.")
	fr := g.Find("La chancelière s'est rendue en France.")
	zh := g.Find("德国总理访问法国。")
	if shared := sharedKeys(de, fr); len(shared) == 0 {
		t.Errorf("German %v and French %v name no common entity", de, fr)
	}
	if shared := sharedKeys(zh, fr); len(shared) == 0 {
		t.Errorf("Chinese %v and French %v name no common entity", zh, fr)
	}
	if got := g.Find("the warm weather"); len(got) != 0 {
		t.Errorf("plain words found as entities: %v", got)
	}
	var zero *Gazetteer
	if got := zero.Find("France"); len(got) != 0 {
		t.Errorf("nil gazetteer found %v", got)
	}
}

func sharedKeys(a, b map[string]float64) []string {
	var out []string
	for k := range a {
		if _, ok := b[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

func TestConcepts(t *testing.T) {
	g, err := EmbeddedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"en", "A wildfire destroyed homes", "fire"},
		{"es", "El incendio destruyó casas", "fire"},
		{"de inflected", "Bei dem Brand starben zwei Menschen", "fire"},
		{"zh", "山火摧毁了房屋", "fire"},
		{"pl prefix", "Szczepionka jest gotowa", "vaccine"},
		{"fr phrase", "Le nouvel an à Paris", "newyear"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := g.Concepts(tc.text); got[tc.want] == 0 {
				t.Errorf("Concepts(%q) = %v, want %q", tc.text, got, tc.want)
			}
		})
	}
	if got := g.Concepts("a warm and warning award"); got["war"] != 0 {
		t.Errorf("whole word 'war' matched inside other words: %v", got)
	}
}

func article(lang, title, body string) *model.Article {
	return &model.Article{Lang: lang, Title: title, Body: body}
}

func TestScoreRanksRelatedPairs(t *testing.T) {
	en := article("en", "Fire at Krefeld zoo kills monkeys",
		"A fire at the zoo in Krefeld, Germany, killed more than 30 monkeys on New Year's Eve. Police said sky lanterns may have started the blaze.")
	de := article("de", "Brand im Krefelder Zoo tötet Affen",
		"Bei einem Brand im Zoo Krefeld sind in der Silvesternacht mehr als 30 Affen gestorben. Die Polizei vermutet Himmelslaternen als Ursache.")
	other := article("en", "Central bank raises interest rates",
		"The central bank raised its key interest rate by a quarter point on Wednesday, citing inflation in the housing market.")
	g, err := EmbeddedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := DefaultModel()
	var c Corpus
	docs := []*Doc{NewDoc(en, g), NewDoc(de, g), NewDoc(other, g)}
	for _, d := range docs {
		c.Observe(d)
	}
	same, unrelated := m.Score(&c, docs[0], docs[1]), m.Score(&c, docs[0], docs[2])
	t.Logf("en-de same story %.3f, en-en unrelated %.3f", same, unrelated)
	if same <= unrelated {
		t.Errorf("same story across languages %.3f not above unrelated %.3f", same, unrelated)
	}
	for _, s := range []float64{same, unrelated} {
		if s < 0 || s > 1 {
			t.Errorf("score %.3f outside [0, 1]", s)
		}
	}
	s, err := Score(en, en)
	if err != nil {
		t.Fatal(err)
	}
	if s <= unrelated {
		t.Errorf("identical articles %.3f not above unrelated %.3f", s, unrelated)
	}
}

func TestFeaturesSymmetric(t *testing.T) {
	a := NewDoc(article("en", "Fire at Krefeld zoo", "A fire killed 30 monkeys in 2020."), nil)
	b := NewDoc(article("de", "Brand im Zoo Krefeld", "30 Affen starben 2020 bei einem Brand."), nil)
	var c Corpus
	c.Observe(a)
	c.Observe(b)
	x, y := Features(&c, a, b), Features(&c, b, a)
	if len(x) != len(FeatureNames) {
		t.Fatalf("%d features, %d names", len(x), len(FeatureNames))
	}
	for i, n := range FeatureNames {
		if len(n) > 3 && n[:3] == "cl_" {
			continue // the clusterer's channels are its own
		}
		if math.Abs(x[i]-y[i]) > 1e-9 {
			t.Errorf("%s: %.4f one way, %.4f the other", n, x[i], y[i])
		}
	}
}

func BenchmarkNewDoc(b *testing.B) {
	g, err := EmbeddedGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	a := article("en", "Fire at Krefeld zoo kills monkeys",
		"A fire at the zoo in Krefeld, Germany, killed more than 30 monkeys on New Year's Eve. Police said sky lanterns may have started the blaze.")
	for b.Loop() {
		NewDoc(a, g)
	}
}

func BenchmarkScore(b *testing.B) {
	g, err := EmbeddedGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	m := DefaultModel()
	x := NewDoc(article("en", "Fire at Krefeld zoo", "A fire killed 30 monkeys in 2020."), g)
	y := NewDoc(article("de", "Brand im Zoo Krefeld", "30 Affen starben 2020 bei einem Brand."), g)
	var c Corpus
	c.Observe(x)
	c.Observe(y)
	for b.Loop() {
		m.Score(&c, x, y)
	}
}
