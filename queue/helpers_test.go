package queue_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dateline/cluster"
	"dateline/extract"
	"dateline/model"
	"dateline/pipeline"
	"dateline/source"
	"dateline/store"
)

// genDocs writes n generated news documents to a JSONL file in dir and
// returns its path. Documents come in topics (an actor, a place, an event
// and a date), several reports per topic in Dutch and English, so that
// clustering has real work; the output depends on n and seed only.
func genDocs(t testing.TB, dir string, n int, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	actors := []string{"Loekasjenko", "Macron", "Scholz", "Xi Jinping", "Zelensky", "Rutte", "Erdogan", "Modi", "Lula", "Biden", "Poetin", "Meloni"}
	places := []string{"MINSK", "PARIJS", "BERLIJN", "PEKING", "KYIV", "DEN HAAG", "ANKARA", "NEW DELHI", "BRASILIA", "WASHINGTON", "MOSKOU", "ROME"}
	verbs := []string{"bezoekt", "ontmoet", "bekritiseert", "steunt", "dreigt", "tekent akkoord met"}
	verbsEN := []string{"visits", "meets", "criticises", "supports", "threatens", "signs deal with"}
	path := filepath.Join(dir, "docs.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	topics := max(n/6, 1)
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		k := r.IntN(topics)
		tr := rand.New(rand.NewPCG(uint64(k), 11)) // the topic's own facts
		a, b := tr.IntN(len(actors)), tr.IntN(len(actors))
		p, v := tr.IntN(len(places)), tr.IntN(len(verbs))
		day := start.Add(time.Duration(k*len(places)/max(topics/365, 1)) * time.Hour).Add(time.Duration(r.IntN(48)) * time.Hour)
		var title, text, lang string
		if r.IntN(3) == 0 {
			lang = "en"
			title = fmt.Sprintf("%s %s %s", actors[a], verbsEN[v], actors[b])
			text = fmt.Sprintf("%s\n\n%s (Reuters) - %s %s %s in %s on %s, officials said. Report %d of topic %d.\n\nThe talks covered trade and security.",
				title, places[p], actors[a], verbsEN[v], actors[b], strings.ToLower(places[p]), day.Format("January 2"), i, k)
		} else {
			lang = "nl"
			title = fmt.Sprintf("%s %s %s", actors[a], verbs[v], actors[b])
			text = fmt.Sprintf("%s\n\n%s (ANP) - %s %s %s op %s, meldden ingewijden. Bericht %d over onderwerp %d.\n\nHet gesprek ging over handel en veiligheid.",
				title, places[p], actors[a], verbs[v], actors[b], day.Format("2 January"), i, k)
		}
		rec := map[string]string{"url": fmt.Sprintf("https://gen.test/%d/%d", k, i), "text": text, "lang": lang, "published": day.Format(time.RFC3339)}
		b2, _ := json.Marshal(rec)
		w.Write(b2)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// readDocs reads the documents of a file in input order.
func readDocs(t testing.TB, path string) []*model.Document {
	t.Helper()
	var docs []*model.Document
	err := (&source.Reader{}).Walk(context.Background(), []string{path}, func(it source.Item) error {
		if it.Err != nil {
			return it.Err
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// testPipeline is a pipeline with real extraction and a real, stateful
// clustering stage (ordered, in-memory: enough for runs that keep one
// committer).
func testPipeline(st store.Store) *pipeline.Pipeline {
	var n int64
	eng := &cluster.Engine{}
	return &pipeline.Pipeline{
		Extractor: extract.New(),
		Store:     st,
		Ordered: []pipeline.Stage{pipeline.StageFunc(func(ctx context.Context, a *model.Article) error {
			n++
			a.ClusterID, a.StoryID = eng.Add(n, cluster.Extract(a))
			return nil
		})},
	}
}

// placement is where an article went.
type placement struct{ Cluster, Story int64 }

// placements returns every stored article's cluster and story by document
// hash.
func placements(t testing.TB, st store.Store) map[string]placement {
	t.Helper()
	out := map[string]placement{}
	cursor := ""
	for {
		p, err := st.Articles(context.Background(), store.ArticleQuery{Cursor: cursor, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Articles {
			if _, dup := out[a.Hash]; dup {
				t.Errorf("document %s stored twice", a.Hash)
			}
			out[a.Hash] = placement{a.ClusterID, a.StoryID}
		}
		if p.Next == "" {
			return out
		}
		cursor = p.Next
	}
}

// comparePlacements checks that two runs placed every document alike
// and that the clustering did group articles (so equality means
// something).
func comparePlacements(t *testing.T, got, want map[string]placement) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d articles stored, want %d", len(got), len(want))
	}
	diff := 0
	sizes := map[int64]int{}
	for h, w := range want {
		sizes[w.Cluster]++
		if got[h] != w {
			if diff < 5 {
				t.Errorf("document %s placed in %+v, single-process run %+v", h[:12], got[h], w)
			}
			diff++
		}
	}
	if diff > 0 {
		t.Errorf("%d of %d documents placed differently", diff, len(want))
	}
	multi := 0
	for _, n := range sizes {
		if n > 1 {
			multi++
		}
	}
	if multi == 0 {
		t.Errorf("no cluster has more than one article: the comparison is vacuous")
	}
	t.Logf("%d articles in %d clusters (%d with several articles)", len(want), len(sizes), multi)
}
