package ner

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// ClusterOptions configure LearnClusters. The zero value uses defaults.
type ClusterOptions struct {
	// MinCount is the fewest occurrences a word needs to get a class;
	// 0 means 3.
	MinCount int
	// MaxWords caps the vocabulary (the most frequent words win); 0 means
	// 60000.
	MaxWords int
	// Contexts is the number of frequent words used as context features;
	// rarer context words count by their shape only. 0 means 1000.
	Contexts int
	// Dim is the width of the random projection of the context vectors;
	// 0 means 96.
	Dim int
	// Depth is the deepest split, the longest bit string; 0 means 14.
	Depth int
	// Seed makes the clustering reproducible.
	Seed uint64
}

// LearnClusters learns hierarchical word classes from unlabeled text, for
// TrainOptions.Clusters: each word is described by the positive pointwise
// mutual information of the words at -2..+2 around it (frequent words by
// identity, rarer ones by shape), projected to a few dozen dimensions
// with a fixed random projection, and the vocabulary is split in two
// again and again by spherical 2-means. A word's class is its path down
// the tree as a bit string ("0110..."), so prefixes name coarser classes,
// as with Brown clusters. Keys are lower-case.
func LearnClusters(ctx context.Context, text [][]string, opt ClusterOptions) (map[string]string, error) {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.MaxWords <= 0 {
		opt.MaxWords = 60000
	}
	if opt.Contexts <= 0 {
		opt.Contexts = 1000
	}
	if opt.Dim <= 0 {
		opt.Dim = 96
	}
	if opt.Depth <= 0 {
		opt.Depth = 14
	}
	// vocabulary
	freq := map[string]int{}
	lower := make([][]string, len(text))
	for i, s := range text {
		l := make([]string, len(s))
		for k, w := range s {
			l[k] = strings.ToLower(w)
			freq[l[k]]++
		}
		lower[i] = l
	}
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c >= opt.MinCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(a, b int) bool {
		if freq[words[a]] != freq[words[b]] {
			return freq[words[a]] > freq[words[b]]
		}
		return words[a] < words[b]
	})
	if len(words) > opt.MaxWords {
		words = words[:opt.MaxWords]
	}
	if len(words) < 2 {
		return nil, fmt.Errorf("learn clusters: only %d words occur %d times", len(words), opt.MinCount)
	}
	wid := make(map[string]int32, len(words))
	for i, w := range words {
		wid[w] = int32(i)
	}
	nctx := min(opt.Contexts, len(words))
	shapeID := map[string]int32{}
	ctxOf := func(s []string, orig []string, j int) int32 {
		switch {
		case j < 0:
			return int32(nctx)
		case j >= len(s):
			return int32(nctx + 1)
		}
		if id, ok := wid[s[j]]; ok && int(id) < nctx {
			return id
		}
		_, short := shapes(orig[j])
		id, ok := shapeID[short]
		if !ok {
			id = int32(len(shapeID))
			shapeID[short] = id
		}
		return int32(nctx+2) + id
	}
	// co-occurrence counts per word: (offset, context) -> count
	co := make([]map[int32]float32, len(words))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	const width = 1 << 20 // context ids per offset
	for si, s := range lower {
		if si%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for i, w := range s {
			id, ok := wid[w]
			if !ok {
				continue
			}
			for k, off := range [...]int{-2, -1, 1, 2} {
				c := ctxOf(s, text[si], i+off)
				co[id][int32(k)*width+c]++
			}
		}
	}
	// context marginals and total
	cm := map[int32]float64{}
	for _, m := range co {
		for c, n := range m {
			cm[c] += math.Pow(float64(n), 0.75)
		}
	}
	var cmTotal float64
	for _, v := range cm {
		cmTotal += v
	}
	// PPMI rows over compact context ids, normalised; contexts two
	// words away weigh half
	ctxIdx := map[int32]int32{}
	rows := make([]sparseRow, len(words))
	for i, m := range co {
		var wn float64
		for _, n := range m {
			wn += float64(n)
		}
		r := sparseRow{}
		for c, n := range m {
			pmi := math.Log(float64(n) * cmTotal / (wn * cm[c]))
			if pmi <= 0 {
				continue
			}
			if k := c / width; k == 0 || k == 3 {
				pmi /= 2
			}
			id, ok := ctxIdx[c]
			if !ok {
				id = int32(len(ctxIdx))
				ctxIdx[c] = id
			}
			r.idx = append(r.idx, id)
			r.val = append(r.val, float32(pmi))
		}
		normalise(r.val)
		rows[i] = r
		co[i] = nil
	}
	dim := len(ctxIdx)
	// divisive clustering
	codes := make([]string, len(words))
	rng := rand.New(rand.NewPCG(opt.Seed, 0xc105))
	idx := make([]int32, len(words))
	for i := range idx {
		idx[i] = int32(i)
	}
	type node struct {
		idx  []int32
		code string
	}
	stack := []node{{idx: idx}}
	for len(stack) > 0 {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(n.code) >= opt.Depth || len(n.idx) < 4 {
			for _, i := range n.idx {
				codes[i] = n.code
			}
			continue
		}
		a, b := bisect(rows, dim, n.idx, rng)
		if len(a) == 0 || len(b) == 0 {
			for _, i := range n.idx {
				codes[i] = n.code
			}
			continue
		}
		stack = append(stack, node{a, n.code + "0"}, node{b, n.code + "1"})
	}
	out := make(map[string]string, len(words))
	for i, w := range words {
		if codes[i] != "" {
			out[w] = codes[i]
		}
	}
	return out, nil
}

func normalise(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	f := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= f
	}
}

// sparseRow is a sparse vector.
type sparseRow struct {
	idx []int32
	val []float32
}

// bisect splits the unit rows idx in two by spherical 2-means over dense
// centroids of width dim.
func bisect(rows []sparseRow, dim int, idx []int32, rng *rand.Rand) (a, b []int32) {
	dot := func(r sparseRow, c []float32) float32 {
		var s float32
		for k, j := range r.idx {
			s += r.val[k] * c[j]
		}
		return s
	}
	dense := func(r sparseRow) []float32 {
		c := make([]float32, dim)
		for k, j := range r.idx {
			c[j] = r.val[k]
		}
		return c
	}
	c0 := dense(rows[idx[rng.IntN(len(idx))]])
	// second seed: the point least similar to the first among a sample
	var c1 []float32
	worst := float32(2)
	for range min(64, len(idx)) {
		i := idx[rng.IntN(len(idx))]
		if s := dot(rows[i], c0); s < worst {
			worst, c1 = s, dense(rows[i])
		}
	}
	side := make([]bool, len(idx))
	n0 := make([]float32, dim)
	n1 := make([]float32, dim)
	for it := 0; it < 10; it++ {
		changed := false
		clear(n0)
		clear(n1)
		for k, i := range idx {
			r := rows[i]
			s := dot(r, c1) > dot(r, c0)
			if s != side[k] || it == 0 {
				changed = true
			}
			side[k] = s
			dst := n0
			if s {
				dst = n1
			}
			for q, j := range r.idx {
				dst[j] += r.val[q]
			}
		}
		normalise(n0)
		normalise(n1)
		c0, n0 = n0, c0
		c1, n1 = n1, c1
		if len(n0) != dim {
			n0 = make([]float32, dim)
		}
		if len(n1) != dim {
			n1 = make([]float32, dim)
		}
		if !changed {
			break
		}
	}
	for k, i := range idx {
		if side[k] {
			b = append(b, i)
		} else {
			a = append(a, i)
		}
	}
	return a, b
}
