package clustereval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"dateline/model"
	"dateline/similarity"
)

// SimResult is the outcome of the similarity eval.
type SimResult struct {
	Pairs int `json:"pairs"`
	// Pearson is the cross-validated correlation of the fitted score
	// (similarity.Model, gradient-boosted trees) with the negated Overall
	// grade, over all pairs.
	Pearson float64 `json:"pearson"`
	// PearsonOriginal leaves out the machine-translated augmentation rows.
	PearsonOriginal float64 `json:"pearson_original"`
	// PearsonAugmented is over the augmentation rows only.
	PearsonAugmented float64 `json:"pearson_augmented"`
	// PearsonLinear is the cross-validated correlation of a ridge
	// regression over the same features (a linear baseline).
	PearsonLinear float64 `json:"pearson_linear"`
	// PearsonUnfitted is the correlation of the clusterer's own score
	// (cluster.DefaultWeights) without any fitting.
	PearsonUnfitted         float64 `json:"pearson_unfitted"`
	PearsonUnfittedOriginal float64 `json:"pearson_unfitted_original"`
	// PearsonEmbedded is the correlation of the embedded default model
	// (similarity.DefaultModel) with no refitting: it was trained on this
	// data set, so on it the figure is not a held-out one.
	PearsonEmbedded float64 `json:"pearson_embedded"`
	// Folds is the number of cross-validation folds (pairs sharing an
	// article always fall in one fold).
	Folds int `json:"folds"`
	// ByLangPair holds the cross-validated figures per language pair.
	ByLangPair map[string]LangPairScore `json:"by_lang_pair"`
	// Predicted holds the cross-validated prediction of every pair, in
	// the order of the pairs.
	Predicted []float64 `json:"-"`
}

// LangPairScore is one language pair's figure.
type LangPairScore struct {
	Pairs           int     `json:"pairs"`
	Pearson         float64 `json:"pearson"`
	OriginalPairs   int     `json:"original_pairs"`
	PearsonOriginal float64 `json:"pearson_original"`
}

// SimOptions are the settings of EvalSimilarityWith.
type SimOptions struct {
	// Folds is the number of cross-validation folds (at least 2).
	Folds int
	// Params are the boosting settings (zero: similarity.DefaultParams).
	Params similarity.Params
}

// SimData is the annotated pair set: one feature row per pair and the
// targets (-Overall). Annotation is the slow part; Features reuses it
// across model settings.
type SimData struct {
	Pairs []Pair
	X     [][]float64
	Y     []float64
}

// SimFeatures annotates every text once (per language and text), observes
// each article once in a similarity.Corpus (the texts' own rarity
// statistics: no labels are used) and returns the pairs' feature rows.
func SimFeatures(ctx context.Context, pairs []Pair, ann Annotator) (*SimData, error) {
	if len(pairs) == 0 {
		return nil, fmt.Errorf("similarity eval: no pairs")
	}
	gaz, err := similarity.EmbeddedGazetteer()
	if err != nil {
		return nil, fmt.Errorf("similarity eval: %w", err)
	}
	cache := make(map[[2]string]*similarity.Doc)
	doc := func(text, lang string) (*similarity.Doc, error) {
		if d, ok := cache[[2]string{lang, text}]; ok {
			return d, nil
		}
		t, b := splitPairTitle(text)
		a := &model.Article{Lang: lang, Title: t, Body: b}
		if err := ann(ctx, a); err != nil {
			return nil, err
		}
		d := similarity.NewDoc(a, gaz)
		cache[[2]string{lang, text}] = d
		return d, nil
	}
	var corpus similarity.Corpus
	docs := make([][2]*similarity.Doc, len(pairs))
	counted := make(map[string]bool)
	for i, p := range pairs {
		id1, id2 := p.ArticleIDs()
		for k, x := range []struct{ text, lang, id string }{{p.Text1, p.Lang1, id1}, {p.Text2, p.Lang2, id2}} {
			d, err := doc(x.text, x.lang)
			if err != nil {
				return nil, fmt.Errorf("annotate pair %s: %w", p.ID, err)
			}
			docs[i][k] = d
			if key := x.id + "/" + x.lang; !counted[key] {
				counted[key] = true
				corpus.Observe(d)
			}
		}
	}
	sd := &SimData{Pairs: pairs, X: make([][]float64, len(pairs)), Y: make([]float64, len(pairs))}
	for i := range pairs {
		sd.X[i] = similarity.Features(&corpus, docs[i][0], docs[i][1])
		sd.Y[i] = -pairs[i].Overall
	}
	return sd, nil
}

// EvalSimilarity is EvalSimilarityWith under the default boosting
// settings.
func EvalSimilarity(ctx context.Context, pairs []Pair, ann Annotator, folds int) (SimResult, error) {
	return EvalSimilarityWith(ctx, pairs, ann, SimOptions{Folds: folds})
}

// EvalSimilarityWith scores every pair with a similarity.Model trained by
// k-fold cross-validation grouped by article (the model never sees the
// fold it predicts, nor any pair sharing an article with it, translations
// included), and correlates the scores with -Overall.
func EvalSimilarityWith(ctx context.Context, pairs []Pair, ann Annotator, o SimOptions) (SimResult, error) {
	sd, err := SimFeatures(ctx, pairs, ann)
	if err != nil {
		return SimResult{}, err
	}
	return sd.Eval(o)
}

// Eval cross-validates a model over the data's feature rows.
func (sd *SimData) Eval(o SimOptions) (SimResult, error) {
	pairs, X, y := sd.Pairs, sd.X, sd.Y
	folds := o.Folds
	if folds < 2 {
		return SimResult{}, fmt.Errorf("similarity eval: %d folds", folds)
	}
	fold := groupFolds(pairs, folds)
	pred := make([]float64, len(pairs))
	lin := make([]float64, len(pairs))
	withBias := func(x []float64) []float64 { return append([]float64{1}, x...) }
	for k := range folds {
		var tx, bx [][]float64
		var ty []float64
		for i := range pairs {
			if fold[i] != k {
				tx, ty = append(tx, X[i]), append(ty, y[i])
				bx = append(bx, withBias(X[i]))
			}
		}
		if len(tx) == 0 {
			continue
		}
		m, err := similarity.Train(tx, ty, similarity.FeatureNames, o.Params)
		if err != nil {
			return SimResult{}, err
		}
		w := ridge(bx, ty, 1.0)
		for i := range pairs {
			if fold[i] == k {
				pred[i] = m.Predict(X[i])
				lin[i] = dotv(w, withBias(X[i]))
			}
		}
	}
	engine := slices.Index(similarity.FeatureNames, "cl_engine")
	unfit := make([]float64, len(pairs))
	embedded := make([]float64, len(pairs))
	dm := similarity.DefaultModel()
	for i := range pairs {
		unfit[i] = X[i][engine]
		embedded[i] = dm.Predict(X[i])
	}
	res := SimResult{Pairs: len(pairs), Folds: folds, ByLangPair: make(map[string]LangPairScore), Predicted: pred}
	sel := func(keep func(p Pair) bool, v []float64) (float64, int) {
		var a, b []float64
		for i, p := range pairs {
			if keep(p) {
				a, b = append(a, v[i]), append(b, y[i])
			}
		}
		return Pearson(a, b), len(a)
	}
	all := func(Pair) bool { return true }
	orig := func(p Pair) bool { return !p.Augmented() }
	res.Pearson, _ = sel(all, pred)
	res.PearsonOriginal, _ = sel(orig, pred)
	res.PearsonAugmented, _ = sel(Pair.Augmented, pred)
	res.PearsonLinear, _ = sel(all, lin)
	res.PearsonUnfitted, _ = sel(all, unfit)
	res.PearsonUnfittedOriginal, _ = sel(orig, unfit)
	res.PearsonEmbedded, _ = sel(all, embedded)
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

// splitPairTitle splits a task text into title and body: the first line
// when it is short, else SplitTitle's two-space rule, else the first
// sentence when it is short (the texts' titles run into the body).
func splitPairTitle(text string) (title, body string) {
	text = strings.TrimSpace(text)
	if t, b, ok := strings.Cut(text, "\n"); ok && len(t) < 300 {
		return strings.TrimSpace(t), strings.TrimSpace(b)
	}
	if t, b := SplitTitle(text); t != "" {
		return t, b
	}
	return "", text
}

// WriteTSV writes the data as a tab-separated table for analysis: pair id,
// language pair, target (-Overall), the prediction pred[i] (when pred is
// not nil) and the features.
func (sd *SimData) WriteTSV(w io.Writer, pred []float64) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "id\tlang_pair\ttarget\tpredicted")
	for _, n := range similarity.FeatureNames {
		fmt.Fprint(bw, "\t", n)
	}
	fmt.Fprintln(bw)
	for i, p := range sd.Pairs {
		v := 0.0
		if i < len(pred) {
			v = pred[i]
		}
		fmt.Fprintf(bw, "%s\t%s-%s\t%g\t%.4f", p.ID, p.Lang1, p.Lang2, sd.Y[i], v)
		for _, x := range sd.X[i] {
			fmt.Fprintf(bw, "\t%.4f", x)
		}
		fmt.Fprintln(bw)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write features: %w", err)
	}
	return nil
}
