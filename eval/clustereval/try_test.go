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
	w := cluster.Weights{0, 0.5, 0.5, 1, 0.5, 5, 0.5}
	best := 0.0
	bthr := 0.15
	vals := []float64{0, 0.25, 0.5, 1, 2, 3, 5, 8}
	for round := 0; round < 2; round++ {
		for c := range cluster.NumChannels {
			for _, v := range vals {
				w2 := w
				w2[c] = v
				for _, thr := range []float64{0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22} {
					b := run(w2, thr)
					if b.F1 > best {
						best, w, bthr = b.F1, w2, thr
						fmt.Printf("best %.4f w=%v thr=%.2f %+v\n", best, w, thr, b)
					}
				}
			}
		}
	}
	_ = bthr
	_ = all
}
