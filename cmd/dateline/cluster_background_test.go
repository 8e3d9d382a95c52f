package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"dateline/cluster"
	"dateline/eval/clustereval"
	"dateline/model"
)

// TestWriteClusterBackground regenerates the clusterer's background table
// (cluster/data/background.tsv.gz): the document frequencies of entity
// IDs, places and event keys over the distinct texts of the SemEval-2022
// task 8 pairs (news in ten languages), annotated by the pipeline's own
// stages. Only counts are kept, no text. Run it with
//
//	DATELINE_WRITE_BACKGROUND=1 go test -run WriteClusterBackground ./cmd/dateline
func TestWriteClusterBackground(t *testing.T) {
	if os.Getenv("DATELINE_WRITE_BACKGROUND") == "" {
		t.Skip("set DATELINE_WRITE_BACKGROUND=1 to regenerate the table")
	}
	csv := sharedDir(t, "data/sim-semeval2022t8/training_set.csv")
	f, err := os.Open(csv)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := clustereval.ReadPairs(f)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ann, done, err := clusterAnnotator(ctx, &app{stdout: os.Stdout, stderr: os.Stderr}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	var st cluster.Stats
	seen := make(map[string]bool)
	for _, p := range pairs {
		id1, id2 := p.ArticleIDs()
		for _, x := range []struct{ id, text, lang string }{{id1, p.Text1, p.Lang1}, {id2, p.Text2, p.Lang2}} {
			// one document per article (its machine translations are
			// the same article)
			if seen[x.id] || seen[x.text] {
				continue
			}
			seen[x.id], seen[x.text] = true, true
			title, body := clustereval.SplitTitle(x.text)
			a := &model.Article{Lang: x.lang, Title: title, Body: body}
			if err := ann(ctx, a); err != nil {
				t.Fatal(err)
			}
			fe := cluster.Extract(a)
			st.Observe(&fe)
		}
	}
	var buf bytes.Buffer
	if err := st.WriteBackground(&buf, 2); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(repoRoot(t), "cluster", "data", "background.tsv.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d bytes -> %s", st.N, buf.Len(), out)
}
