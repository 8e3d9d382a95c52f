// Package clustereval scores Dateline's clustering: it reads the ECB+
// corpus (CAT XML) and the SemEval-2022 task 8 article pairs (CSV), and
// computes B-cubed and pairwise precision/recall/F1 and Pearson
// correlation. The cmd package's `eval cluster` and `eval similarity` and
// the cluster tests share it.
package clustereval

import "math"

// PRF is precision, recall and their harmonic mean.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// BCubed scores a clustering against a gold partition (Bagga and Baldwin
// 1998): for each item, precision is the share of its predicted cluster
// that shares its gold class, recall the share of its gold class that
// shares its predicted cluster; both are averaged over items. pred[i] and
// gold[i] are the cluster and class labels of item i; the slices must have
// the same length. Empty input scores 0.
func BCubed(pred, gold []int) PRF {
	n := len(pred)
	if n == 0 || len(gold) != n {
		return PRF{}
	}
	type pair struct{ p, g int }
	joint := make(map[pair]int)
	np := make(map[int]int)
	ng := make(map[int]int)
	for i := range pred {
		joint[pair{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	var p, r float64
	for i := range pred {
		j := float64(joint[pair{pred[i], gold[i]}])
		p += j / float64(np[pred[i]])
		r += j / float64(ng[gold[i]])
	}
	return prf(p/float64(n), r/float64(n))
}

// Pairwise scores a clustering by item pairs: precision is the share of
// pairs put together that belong together, recall the share of pairs that
// belong together that were put together. With no predicted pairs
// precision is 1; with no gold pairs recall is 1.
func Pairwise(pred, gold []int) PRF {
	n := len(pred)
	if len(gold) != n {
		return PRF{}
	}
	type pair struct{ p, g int }
	joint := make(map[pair]int)
	np := make(map[int]int)
	ng := make(map[int]int)
	for i := range pred {
		joint[pair{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	c2 := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, pp, gp float64
	for _, k := range joint {
		tp += c2(k)
	}
	for _, k := range np {
		pp += c2(k)
	}
	for _, k := range ng {
		gp += c2(k)
	}
	ratio := func(a, b float64) float64 {
		if b == 0 {
			if a == 0 {
				return 1
			}
			return 0
		}
		return a / b
	}
	return prf(ratio(tp, pp), ratio(tp, gp))
}

// Pearson returns the Pearson correlation of x and y, or 0 when either
// has no variance or the lengths differ.
func Pearson(x, y []float64) float64 {
	n := len(x)
	if n == 0 || len(y) != n {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}
