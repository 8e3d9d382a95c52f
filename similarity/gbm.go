package similarity

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Model is a gradient-boosted ensemble of small regression trees over the
// pair features: prediction = Base + the sum of the trees' leaf values.
type Model struct {
	// Features names the input columns (FeatureNames when trained here).
	Features []string `json:"features"`
	// Base is the starting prediction (the mean target).
	Base float64 `json:"base"`
	// Trees are applied in order; each leaf value already carries the
	// learning rate.
	Trees []Tree `json:"trees"`
}

// Tree is one regression tree, nodes in an array, the root first.
type Tree struct {
	Nodes []Node `json:"n"`
}

// Node is a split (Feature >= 0: go Left when x[Feature] < Threshold,
// else Right) or a leaf (Feature < 0) of value Value.
type Node struct {
	Feature   int     `json:"f"`
	Threshold float64 `json:"t,omitempty"`
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// Predict returns the model's output for one feature vector.
func (m *Model) Predict(x []float64) float64 {
	s := m.Base
	for i := range m.Trees {
		s += m.Trees[i].predict(x)
	}
	return s
}

func (t *Tree) predict(x []float64) float64 {
	i := 0
	for {
		n := &t.Nodes[i]
		if n.Feature < 0 {
			return n.Value
		}
		if n.Feature < len(x) && x[n.Feature] < n.Threshold {
			i = n.Left
		} else {
			i = n.Right
		}
	}
}

// Params are the boosting settings. Zero fields take the defaults of
// DefaultParams.
type Params struct {
	// Trees is the number of boosting rounds.
	Trees int
	// Depth is the maximum depth of each tree.
	Depth int
	// Rate is the learning rate (shrinkage).
	Rate float64
	// MinLeaf is the least number of rows in a leaf.
	MinLeaf int
	// Subsample is the fraction of rows each tree is fitted on.
	Subsample float64
	// Lambda is the L2 penalty on leaf values (a leaf's value is the sum
	// of its residuals over count+Lambda).
	Lambda float64
	// Bins is the number of candidate thresholds per feature (quantiles).
	Bins int
	// Seed seeds the row sampling.
	Seed uint64
	// Bags is the number of ensembles trained with different seeds and
	// averaged (merged into one Model); 0 or 1: one.
	Bags int
}

// DefaultParams are the settings of the embedded model.
func DefaultParams() Params {
	return Params{Trees: 400, Depth: 3, Rate: 0.03, MinLeaf: 12, Subsample: 0.7, Lambda: 5, Bins: 32, Seed: 1}
}

func (p Params) withDefaults() Params {
	d := DefaultParams()
	if p.Trees <= 0 {
		p.Trees = d.Trees
	}
	if p.Depth <= 0 {
		p.Depth = d.Depth
	}
	if p.Rate <= 0 {
		p.Rate = d.Rate
	}
	if p.MinLeaf <= 0 {
		p.MinLeaf = d.MinLeaf
	}
	if p.Subsample <= 0 || p.Subsample > 1 {
		p.Subsample = d.Subsample
	}
	if p.Lambda < 0 {
		p.Lambda = 0
	}
	if p.Bins <= 1 {
		p.Bins = d.Bins
	}
	return p
}

// Train fits a model to rows X (all of one width) and targets y by
// gradient boosting with squared loss. names labels the columns (may be
// nil). It is deterministic for a given Params.Seed. With Params.Bags > 1
// it averages that many ensembles of consecutive seeds.
func Train(X [][]float64, y []float64, names []string, p Params) (*Model, error) {
	if p.Bags <= 1 {
		return train(X, y, names, p)
	}
	out := &Model{Features: names}
	for b := range p.Bags {
		q := p
		q.Seed = p.Seed + uint64(b)
		m, err := train(X, y, names, q)
		if err != nil {
			return nil, err
		}
		out.Base += m.Base / float64(p.Bags)
		for _, t := range m.Trees {
			for i := range t.Nodes {
				t.Nodes[i].Value /= float64(p.Bags)
			}
			out.Trees = append(out.Trees, t)
		}
	}
	return out, nil
}

func train(X [][]float64, y []float64, names []string, p Params) (*Model, error) {
	if len(X) == 0 || len(X) != len(y) {
		return nil, fmt.Errorf("similarity train: %d rows, %d targets", len(X), len(y))
	}
	d := len(X[0])
	for i, x := range X {
		if len(x) != d {
			return nil, fmt.Errorf("similarity train: row %d has %d columns, want %d", i, len(x), d)
		}
	}
	p = p.withDefaults()
	// Candidate thresholds: the distinct quantiles of each column.
	thr := make([][]float64, d)
	bin := make([][]uint8, len(X)) // bin[i][f]: index of the first threshold > x
	col := make([]float64, len(X))
	for f := range d {
		for i, x := range X {
			col[i] = x[f]
		}
		s := slices.Clone(col)
		slices.Sort(s)
		var ts []float64
		for q := 1; q < p.Bins && q < 256; q++ {
			v := s[q*len(s)/p.Bins]
			if v > s[0] && (len(ts) == 0 || v > ts[len(ts)-1]) {
				ts = append(ts, v)
			}
		}
		thr[f] = ts
	}
	for i, x := range X {
		bin[i] = make([]uint8, d)
		for f := range d {
			b, _ := slices.BinarySearch(thr[f], x[f])
			// x < thr[b] goes left of split b; equal goes right.
			for b < len(thr[f]) && x[f] >= thr[f][b] {
				b++
			}
			bin[i][f] = uint8(b)
		}
	}
	var mean float64
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	m := &Model{Features: names, Base: mean}
	pred := make([]float64, len(y))
	for i := range pred {
		pred[i] = mean
	}
	rng := rand.New(rand.NewPCG(p.Seed, 0x5eed))
	res := make([]float64, len(y))
	idx := make([]int, len(y))
	for i := range idx {
		idx[i] = i
	}
	for range p.Trees {
		for i := range y {
			res[i] = y[i] - pred[i]
		}
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		n := int(p.Subsample * float64(len(idx)))
		if n < 2*p.MinLeaf {
			n = len(idx)
		}
		sample := slices.Clone(idx[:n])
		tb := treeBuilder{p: p, thr: thr, bin: bin, res: res}
		tb.grow(sample, 0)
		t := Tree{Nodes: tb.nodes}
		m.Trees = append(m.Trees, t)
		for i, x := range X {
			pred[i] += t.predict(x)
		}
	}
	return m, nil
}

type treeBuilder struct {
	p     Params
	thr   [][]float64
	bin   [][]uint8
	res   []float64
	nodes []Node
}

// grow appends the subtree over rows and returns its index.
func (tb *treeBuilder) grow(rows []int, depth int) int {
	id := len(tb.nodes)
	var sum float64
	for _, r := range rows {
		sum += tb.res[r]
	}
	tb.nodes = append(tb.nodes, Node{Feature: -1, Value: tb.p.Rate * sum / (float64(len(rows)) + tb.p.Lambda)})
	if depth >= tb.p.Depth || len(rows) < 2*tb.p.MinLeaf {
		return id
	}
	bestGain, bestF, bestB := 0.0, -1, 0
	total := float64(len(rows))
	parent := sum * sum / (total + tb.p.Lambda)
	var hs [257]float64
	var hc [257]int
	for f, ts := range tb.thr {
		if len(ts) == 0 {
			continue
		}
		clear(hs[:len(ts)+1])
		clear(hc[:len(ts)+1])
		for _, r := range rows {
			b := tb.bin[r][f]
			hs[b] += tb.res[r]
			hc[b]++
		}
		var ls float64
		var lc int
		for b := range len(ts) { // split b: bins 0..b left
			ls += hs[b]
			lc += hc[b]
			rc := len(rows) - lc
			if lc < tb.p.MinLeaf || rc < tb.p.MinLeaf {
				continue
			}
			rs := sum - ls
			g := ls*ls/(float64(lc)+tb.p.Lambda) + rs*rs/(float64(rc)+tb.p.Lambda) - parent
			if g > bestGain+1e-12 {
				bestGain, bestF, bestB = g, f, b
			}
		}
	}
	if bestF < 0 {
		return id
	}
	var left, right []int
	for _, r := range rows {
		if int(tb.bin[r][bestF]) <= bestB {
			left = append(left, r)
		} else {
			right = append(right, r)
		}
	}
	l := tb.grow(left, depth+1)
	rr := tb.grow(right, depth+1)
	tb.nodes[id] = Node{Feature: bestF, Threshold: tb.thr[bestF][bestB], Left: l, Right: rr}
	return id
}
