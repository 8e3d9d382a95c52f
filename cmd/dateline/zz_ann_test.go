package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"dateline/eval/clustereval"
	"dateline/model"
)

func TestZZAnnotate(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	a := &app{stdout: os.Stdout, stderr: os.Stderr}
	ann, done, err := clusterAnnotator(ctx, a, false)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	// seeds
	files, _ := filepath.Glob("/work/shared/seeds/*.txt")
	dir, _ := os.MkdirTemp("", "zz")
	st, _ := openStore(ctx, filepath.Join(dir, "x.db"))
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		t.Fatal(err)
	}
	var seeds []model.Article
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc := model.Document{Source: f, Format: model.FormatText, Content: string(b)}
		art, err := p.Extractor.Extract(ctx, &doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Stages {
			if err := s.Process(ctx, &art); err != nil {
				t.Fatal(err)
			}
		}
		seeds = append(seeds, art)
	}
	b, _ := json.Marshal(seeds)
	os.WriteFile("/tmp/ann_seeds.json", b, 0o644)
	if os.Getenv("ZZ") == "seeds" {
		return
	}
	docs, err := clustereval.ReadECB("/work/shared/data/cluster-ecbplus")
	if err != nil {
		t.Fatal(err)
	}
	type rec struct {
		Topic, Sub int
		A          *model.Article
	}
	var out []rec
	for _, i := range clustereval.StreamOrder(docs) {
		art := clustereval.ArticleOf(docs[i])
		if err := ann(ctx, art); err != nil {
			t.Fatal(err)
		}
		out = append(out, rec{docs[i].Topic, docs[i].SubTopic(), art})
	}
	b, _ = json.Marshal(out)
	os.WriteFile("/tmp/ann_ecb.json", b, 0o644)
}
