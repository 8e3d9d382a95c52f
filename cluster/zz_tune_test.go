package cluster_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"dateline/cluster"
	"dateline/eval/clustereval"
	"dateline/model"
)

type zzrec struct {
	Topic, Sub int
	A          *model.Article
}

func zzECB(t *testing.T, cfg cluster.Config, fs []cluster.Features, recs []zzrec) (float64, float64) {
	var e cluster.Engine
	e.Config = cfg
	pred, sub, top, story := make([]int, len(fs)), make([]int, len(fs)), make([]int, len(fs)), make([]int, len(fs))
	for i := range fs {
		c, s := e.Add(int64(i+1), fs[i])
		pred[i], story[i] = int(c), int(s)
		sub[i], top[i] = recs[i].Sub, recs[i].Topic
	}
	b := clustereval.BCubed(pred, sub)
	st := clustereval.BCubed(story, top)
	fmt.Printf("  sub P %.3f R %.3f F %.3f | story-topic F %.3f\n", b.Precision, b.Recall, b.F1, st.F1)
	return b.F1, st.F1
}

func TestZZTune(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	var seeds []model.Article
	b, _ := os.ReadFile("/tmp/ann_seeds.json")
	json.Unmarshal(b, &seeds)
	var sf []cluster.Features
	for i := range seeds {
		sf = append(sf, cluster.Extract(&seeds[i]))
	}
	var st cluster.Stats
	for i := range sf {
		st.Observe(&sf[i])
	}
	w := cluster.DefaultWeights()
	for i := range sf {
		for j := range sf {
			if i >= j {
				continue
			}
			s := st.Compare(&sf[j], &sf[i])
			fmt.Printf("%d-%d score %.3f cos %.2v dc %v edc %v\n", i, j, w.Score(s), s.Cos, s.DateConflict, s.EventDayConflict)
		}
	}
	var e cluster.Engine
	for i := range sf {
		c, s := e.Add(int64(i+1), sf[i])
		fmt.Println("seed", i, c, s)
	}
	if os.Getenv("ZZ") == "seeds" {
		return
	}
	var recs []zzrec
	b, _ = os.ReadFile("/tmp/ann_ecb.json")
	json.Unmarshal(b, &recs)
	fs := make([]cluster.Features, len(recs))
	for i := range recs {
		fs[i] = cluster.Extract(recs[i].A)
	}
	zzECB(t, cluster.Config{}, fs, recs)
	for _, thr := range []float64{0.1, 0.15, 0.2, 0.25, 0.3} {
		fmt.Println("thr", thr)
		zzECB(t, cluster.Config{Threshold: thr}, fs, recs)
	}
}
