package clustereval

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dateline/similarity"
)

func TestSimDiag(t *testing.T) {
	if os.Getenv("SIMDIAG") == "" {
		t.Skip()
	}
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "sim-semeval2022t8", "training_set.csv")
	b, _ := os.ReadFile(path)
	ps, _ := ReadPairs(bytes.NewReader(b))
	sd, err := SimFeatures(context.Background(), ps, Fallback)
	if err != nil {
		t.Fatal(err)
	}
	fold := groupFolds(ps, 5)
	pred := make([]float64, len(ps))
	for k := range 5 {
		var tx [][]float64
		var ty []float64
		for i := range ps {
			if fold[i] != k {
				tx, ty = append(tx, sd.X[i]), append(ty, sd.Y[i])
			}
		}
		m, _ := similarity.Train(tx, ty, nil, similarity.Params{})
		for i := range ps {
			if fold[i] == k {
				pred[i] = m.Predict(sd.X[i])
			}
		}
	}
	pf, _ := os.Create("/tmp/simpred.tsv")
	defer pf.Close()
	for i, p := range ps {
		fmt.Fprintf(pf, "%s\t%s-%s\t%g\t%.3f\t%q\t%q\n", p.ID, p.Lang1, p.Lang2, sd.Y[i], pred[i], trunc(p.Text1), trunc(p.Text2))
	}
	f, _ := os.Create("/tmp/simfeat.tsv")
	defer f.Close()
	fmt.Fprint(f, "id\tlp\ty")
	for _, n := range similarity.FeatureNames {
		fmt.Fprint(f, "\t", n)
	}
	fmt.Fprintln(f)
	for i, p := range ps {
		fmt.Fprintf(f, "%s\t%s-%s\t%g", p.ID, p.Lang1, p.Lang2, sd.Y[i])
		for _, v := range sd.X[i] {
			fmt.Fprintf(f, "\t%.4f", v)
		}
		fmt.Fprintln(f)
	}
}

func trunc(s string) string {
	r := []rune(s)
	if len(r) > 160 {
		r = r[:160]
	}
	return string(r)
}

func TestSimMulti(t *testing.T) {
	if os.Getenv("SIMDIAG") == "" {
		t.Skip()
	}
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "sim-semeval2022t8", "training_set.csv")
	b, _ := os.ReadFile(path)
	ps, _ := ReadPairs(bytes.NewReader(b))
	cr := csv.NewReader(bytes.NewReader(b))
	cr.LazyQuotes = true
	recs, _ := cr.ReadAll()
	sub := map[string][]float64{}
	for _, r := range recs[1:] {
		var v []float64
		for _, c := range []int{6, 7, 8, 9, 10} {
			f, _ := strconv.ParseFloat(r[c], 64)
			v = append(v, f)
		}
		sub[r[1]] = v
	}
	sd, err := SimFeatures(context.Background(), ps, Fallback)
	if err != nil {
		t.Fatal(err)
	}
	fold := groupFolds(ps, 5)
	for _, mix := range [][]float64{{0, 0, 0, 0, 1}, {0, 0, 0, 0.5, 0.5}, {0.1, 0.1, 0.1, 0.2, 0.5}, {0.15, 0.15, 0.1, 0.3, 0.3}, {0, 0.2, 0, 0.3, 0.5}} {
		ty := make([]float64, len(ps))
		for i, p := range ps {
			for j, w := range mix {
				ty[i] -= w * sub[p.ID][j]
			}
		}
		pred := make([]float64, len(ps))
		for k := range 5 {
			var tx [][]float64
			var yy []float64
			for i := range ps {
				if fold[i] != k {
					tx, yy = append(tx, sd.X[i]), append(yy, ty[i])
				}
			}
			m, _ := similarity.Train(tx, yy, nil, similarity.Params{})
			for i := range ps {
				if fold[i] == k {
					pred[i] = m.Predict(sd.X[i])
				}
			}
		}
		t.Logf("mix %v: %.4f", mix, Pearson(pred, sd.Y))
	}
}
