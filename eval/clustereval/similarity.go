package clustereval

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"dateline/cluster"
	"dateline/model"
)

// PairFeatureNames names the columns of PairFeatures.
var PairFeatureNames = []string{
	"entities", "places", "dates", "events", "numbers", "grams", "terms",
	"sqrt_entities", "sqrt_grams", "sqrt_terms", "sqrt_numbers",
	"title_terms", "title_grams", "same_lang", "date_conflict", "engine_score",
	"text_char4", "sqrt_text_char4",
}

// PairFeatures returns the similarity features of two articles' Features
// under stats, and of their titles' (the first columns of
// PairFeatureNames; EvalSimilarity appends the text's character 4-gram
// cosine).
func PairFeatures(st *cluster.Stats, a, b, ta, tb *cluster.Features) []float64 {
	s := st.Compare(a, b)
	t := st.Compare(ta, tb)
	c := s.Cos
	b2f := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	return []float64{
		c[cluster.ChEntities], c[cluster.ChPlaces], c[cluster.ChDates], c[cluster.ChEvents], c[cluster.ChNumbers],
		c[cluster.ChGrams], c[cluster.ChTerms],
		math.Sqrt(c[cluster.ChEntities]), math.Sqrt(c[cluster.ChGrams]), math.Sqrt(c[cluster.ChTerms]), math.Sqrt(c[cluster.ChNumbers]),
		t.Cos[cluster.ChTerms], t.Cos[cluster.ChGrams], b2f(s.SameLang), b2f(s.DateConflict),
		cluster.DefaultWeights().Score(s),
	}
}

// SimResult is the outcome of the similarity eval.
type SimResult struct {
	Pairs int `json:"pairs"`
	// Pearson is the cross-validated correlation of the fitted linear
	// score with the negated Overall grade, over all pairs.
	Pearson float64 `json:"pearson"`
	// PearsonOriginal leaves out the machine-translated augmentation rows.
	PearsonOriginal float64 `json:"pearson_original"`
	// PearsonAugmented is over the augmentation rows only.
	PearsonAugmented float64 `json:"pearson_augmented"`
	// PearsonUnfitted is the correlation of the clusterer's own score
	// (cluster.DefaultWeights) without any fitting.
	PearsonUnfitted         float64 `json:"pearson_unfitted"`
	PearsonUnfittedOriginal float64 `json:"pearson_unfitted_original"`
	// Folds is the number of cross-validation folds (pairs sharing an
	// article always fall in one fold).
	Folds int `json:"folds"`
	// ByLangPair holds the cross-validated figures per language pair.
	ByLangPair map[string]LangPairScore `json:"by_lang_pair"`
	// Weights are the linear model's weights fitted on all pairs, by
	// feature name ("bias" first).
	Weights map[string]float64 `json:"weights"`
}

// LangPairScore is one language pair's figure.
type LangPairScore struct {
	Pairs           int     `json:"pairs"`
	Pearson         float64 `json:"pearson"`
	OriginalPairs   int     `json:"original_pairs"`
	PearsonOriginal float64 `json:"pearson_original"`
}

// EvalSimilarity scores every pair with a linear model over PairFeatures,
// fitted by ridge regression and evaluated by k-fold cross-validation
// grouped by article, and correlates the scores with -Overall.
func EvalSimilarity(ctx context.Context, pairs []Pair, ann Annotator, folds int) (SimResult, error) {
	if len(pairs) == 0 {
		return SimResult{}, fmt.Errorf("similarity eval: no pairs")
	}
	type featPair struct{ full, title cluster.Features }
	cache := make(map[[2]string]featPair) // texts recur across pairs: annotate once
	feat := func(text, lang string) (full, title cluster.Features, err error) {
		if c, ok := cache[[2]string{lang, text}]; ok {
			return c.full, c.title, nil
		}
		defer func() {
			if err == nil {
				cache[[2]string{lang, text}] = featPair{full, title}
			}
		}()
		t, b := SplitTitle(text)
		a := &model.Article{Lang: lang, Title: t, Body: b}
		if err := ann(ctx, a); err != nil {
			return full, title, err
		}
		full = cluster.Extract(a)
		ta := &model.Article{Lang: lang, Title: t}
		if err := ann(ctx, ta); err != nil {
			return full, title, err
		}
		return full, cluster.Extract(ta), nil
	}
	type side struct{ f, t cluster.Features }
	sides := make([][2]side, len(pairs))
	var st cluster.Stats
	counted := make(map[string]bool)
	for i, p := range pairs {
		id1, id2 := p.ArticleIDs()
		for k, x := range []struct{ text, lang, id string }{{p.Text1, p.Lang1, id1}, {p.Text2, p.Lang2, id2}} {
			f, t, err := feat(x.text, x.lang)
			if err != nil {
				return SimResult{}, fmt.Errorf("annotate pair %s: %w", p.ID, err)
			}
			sides[i][k] = side{f, t}
			if key := x.id + "/" + x.lang; !counted[key] {
				counted[key] = true
				st.Observe(&f)
			}
		}
	}
	// Character 4-grams of every word's key (transliterated, folded): a
	// cheap cross-lingual channel for cognates and names in any Latin or
	// Cyrillic script text; the IDF comes from the pairs' texts.
	c4 := make([][2]map[string]float64, len(pairs))
	df := make(map[string]int)
	ndocs := 0
	seenText := make(map[string]bool)
	for i, p := range pairs {
		for k, text := range []string{p.Text1, p.Text2} {
			c4[i][k] = char4(text)
			if !seenText[text] {
				seenText[text] = true
				ndocs++
				for g := range c4[i][k] {
					df[g]++
				}
			}
		}
	}
	X := make([][]float64, len(pairs))
	y := make([]float64, len(pairs))
	for i := range pairs {
		X[i] = append([]float64{1}, PairFeatures(&st, &sides[i][0].f, &sides[i][1].f, &sides[i][0].t, &sides[i][1].t)...)
		cc := cosMap(c4[i][0], c4[i][1], df, ndocs)
		X[i] = append(X[i], cc, math.Sqrt(cc))
		y[i] = -pairs[i].Overall
	}
	fold := groupFolds(pairs, folds)
	pred := make([]float64, len(pairs))
	for k := range folds {
		var tx [][]float64
		var ty []float64
		for i := range pairs {
			if fold[i] != k {
				tx, ty = append(tx, X[i]), append(ty, y[i])
			}
		}
		w := ridge(tx, ty, 1.0)
		for i := range pairs {
			if fold[i] == k {
				pred[i] = dotv(w, X[i])
			}
		}
	}
	unfit := make([]float64, len(pairs))
	for i := range pairs {
		unfit[i] = X[i][len(PairFeatureNames)-2] // engine_score
	}
	res := SimResult{Pairs: len(pairs), Folds: folds, ByLangPair: make(map[string]LangPairScore), Weights: make(map[string]float64)}
	sel := func(keep func(p Pair) bool, v []float64) (float64, int) {
		var a, b []float64
		for i, p := range pairs {
			if keep(p) {
				a, b = append(a, v[i]), append(b, y[i])
			}
		}
		return Pearson(a, b), len(a)
	}
	orig := func(p Pair) bool { return !p.Augmented() }
	res.Pearson, _ = sel(func(Pair) bool { return true }, pred)
	res.PearsonOriginal, _ = sel(orig, pred)
	res.PearsonAugmented, _ = sel(Pair.Augmented, pred)
	res.PearsonUnfitted, _ = sel(func(Pair) bool { return true }, unfit)
	res.PearsonUnfittedOriginal, _ = sel(orig, unfit)
	langs := make(map[string]bool)
	for _, p := range pairs {
		langs[p.Lang1+"-"+p.Lang2] = true
	}
	for lp := range langs {
		in := func(p Pair) bool { return p.Lang1+"-"+p.Lang2 == lp }
		var s LangPairScore
		s.Pearson, s.Pairs = sel(in, pred)
		s.PearsonOriginal, s.OriginalPairs = sel(func(p Pair) bool { return in(p) && !p.Augmented() }, pred)
		res.ByLangPair[lp] = s
	}
	w := ridge(X, y, 1.0)
	res.Weights["bias"] = w[0]
	for i, n := range PairFeatureNames {
		res.Weights[n] = w[i+1]
	}
	return res, nil
}

// groupFolds assigns pairs to k folds so that pairs sharing an article
// (also through its translations) share a fold: connected components of
// the article graph, dealt round-robin in order of first appearance.
func groupFolds(pairs []Pair, k int) []int {
	parent := make(map[string]string)
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			parent[x] = x
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	for _, p := range pairs {
		a, b := p.ArticleIDs()
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[ra] = rb
		}
	}
	comp := make(map[string]int)
	out := make([]int, len(pairs))
	for i, p := range pairs {
		a, _ := p.ArticleIDs()
		r := find(a)
		c, ok := comp[r]
		if !ok {
			c = len(comp)
			comp[r] = c
		}
		out[i] = c % k
	}
	return out
}

// ridge fits w minimising |Xw - y|^2 + lambda |w|^2 (bias, column 0, not
// penalised) by solving the normal equations.
func ridge(X [][]float64, y []float64, lambda float64) []float64 {
	if len(X) == 0 {
		return nil
	}
	d := len(X[0])
	A := make([][]float64, d)
	for i := range A {
		A[i] = make([]float64, d+1)
	}
	for r, x := range X {
		for i := range d {
			for j := range d {
				A[i][j] += x[i] * x[j]
			}
			A[i][d] += x[i] * y[r]
		}
	}
	for i := 1; i < d; i++ {
		A[i][i] += lambda
	}
	// Gauss-Jordan with partial pivoting.
	for c := range d {
		p := c
		for r := c + 1; r < d; r++ {
			if math.Abs(A[r][c]) > math.Abs(A[p][c]) {
				p = r
			}
		}
		A[c], A[p] = A[p], A[c]
		if math.Abs(A[c][c]) < 1e-12 {
			continue
		}
		for r := range d {
			if r == c {
				continue
			}
			f := A[r][c] / A[c][c]
			for j := c; j <= d; j++ {
				A[r][j] -= f * A[c][j]
			}
		}
	}
	w := make([]float64, d)
	for i := range d {
		if math.Abs(A[i][i]) > 1e-12 {
			w[i] = A[i][d] / A[i][i]
		}
	}
	return w
}

func dotv(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// SortedLangPairs returns the keys of a by-language-pair map in order.
func SortedLangPairs(m map[string]LangPairScore) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// char4 returns the counts of the character 4-grams of the keys of a
// text's words of four or more letters.
func char4(text string) map[string]float64 {
	out := make(map[string]float64)
	for _, w := range strings.Fields(cluster.NameKey(text)) {
		rs := []rune(w)
		if len(rs) < 4 {
			continue
		}
		for i := 0; i+4 <= len(rs); i++ {
			out[string(rs[i:i+4])]++
		}
	}
	return out
}

// cosMap is the tf-idf cosine of two count maps.
func cosMap(a, b map[string]float64, df map[string]int, n int) float64 {
	idf := func(k string) float64 { return math.Log(float64(n+1)/float64(df[k]+1)) + 1 }
	var na, nb, d float64
	for k, x := range a {
		w := (1 + math.Log(x)) * idf(k)
		na += w * w
		if y, ok := b[k]; ok {
			d += w * (1 + math.Log(y)) * idf(k)
		}
	}
	for k, y := range b {
		w := (1 + math.Log(y)) * idf(k)
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}
