package clustereval

import (
	"context"
	"fmt"
	"sort"
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
	for _, we := range []float64{2, 3, 5} {
		for _, wt := range []float64{2, 3, 5} {
			for _, wg := range []float64{0, 0.5, 1} {
				for _, wn := range []float64{0, 0.5, 1} {
					for _, wd := range []float64{0, 1, 2} {
						for _, wp := range []float64{0, 1} {
							for _, thr := range []float64{0.12, 0.15, 0.18, 0.21, 0.24} {
								w := cluster.Weights{we, wp, wd, 1, wn, wg, wt}
								eng := cluster.Engine{Config: cluster.Config{Threshold: thr, Weights: w}}
								pred := make([]int, len(docs))
								for n, i := range order {
									c, _ := eng.Add(int64(n+1), feats[i])
									pred[i] = int(c)
								}
								b := BCubed(pred, sub)
								all = append(all, res{fmt.Sprintf("w=%v thr=%.2f %+v", w, thr, b), b.F1})
							}
						}
					}
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].f > all[j].f })
	for _, r := range all[:15] {
		fmt.Println(r.s)
	}
}
