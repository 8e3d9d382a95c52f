package clustereval

import (
	"context"
	"fmt"

	"testing"

	"dateline/cluster"
)

func TestTryECB(t *testing.T) {
	docs, err := ReadECB("/work/shared/data/cluster-ecbplus")
	if err != nil {
		t.Skip(err)
	}
	order := StreamOrder(docs)
	feats := make([]cluster.Features, len(docs))
	for _, i := range order {
		a := ArticleOf(docs[i])
		Fallback(context.Background(), a)
		feats[i] = cluster.Extract(a)
	}
	sub := make([]int, len(docs))
	for i, d := range docs {
		sub[i] = d.SubTopic()
	}
	type res struct {
		s string
		f float64
	}
	var all []res
	run := func(w cluster.Weights, thr float64) PRF {
		eng := cluster.Engine{Config: cluster.Config{Threshold: thr, Weights: w}}
		pred := make([]int, len(docs))
		for n, i := range order {
			c, _ := eng.Add(int64(n+1), feats[i])
			pred[i] = int(c)
		}
		return BCubed(pred, sub)
	}
	for _, we := range []float64{0, 0.5, 1, 2} {
		for _, wg := range []float64{3, 5, 8} {
			for _, thr := range []float64{0.13, 0.14, 0.16} {
				w := cluster.Weights{we, 0.25, 0.5, 1, 0.5, wg, 0.5}
				b := run(w, thr)
				fmt.Printf("%.4f w=%v thr=%.2f %+v\n", b.F1, w, thr, b)
			}
		}
	}
	bthr := 0.0
	_ = bthr
	_ = all
}
