package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dateline/extract"
	"dateline/model"
	"dateline/pipeline"
	"dateline/source"
	"dateline/store/sqlite"
)

func page(i int) string {
	return fmt.Sprintf("Headline number %d on the city council\nDELFT (ANP) - The council met for session %d.\nA second paragraph %d.", i, i, i)
}

func feedOf(items []source.Item) func(context.Context, func(source.Item) error) error {
	return func(ctx context.Context, emit func(source.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunOrderAndCounts(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var items []source.Item
	for i := 0; i < 40; i++ {
		items = append(items, source.Item{Input: fmt.Sprint(i), Doc: &model.Document{Source: fmt.Sprint(i), Format: model.FormatText, Content: page(i)}})
	}
	items = append(items, source.Item{Input: "dup", Doc: &model.Document{Source: "dup", Format: model.FormatText, Content: page(3)}})
	items = append(items, source.Item{Input: "bad", Err: errors.New("bad: unreadable")})
	var order []string
	var failed []string
	p := &pipeline.Pipeline{
		Extractor: extract.New(),
		Workers:   4,
		Store:     st,
		Stages: []pipeline.Stage{pipeline.StageFunc(func(ctx context.Context, a *model.Article) error {
			a.Lang = "en"
			return nil
		})},
		Ordered: []pipeline.Stage{pipeline.StageFunc(func(ctx context.Context, a *model.Article) error {
			order = append(order, a.Source)
			return nil
		})},
		OnError: func(in string, err error) { failed = append(failed, in) },
	}
	sum, err := p.Run(ctx, feedOf(items))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 41 || sum.Articles != 40 || sum.Duplicates != 1 || sum.Errors != 1 || sum.Inputs != 42 {
		t.Errorf("summary %+v", sum)
	}
	for i, s := range order {
		if s != fmt.Sprint(i) {
			t.Fatalf("ordered stage saw %v, want input order", order)
		}
	}
	if strings.Join(failed, ",") != "bad" {
		t.Errorf("failed = %v", failed)
	}
	sum, err = p.Run(ctx, feedOf(items))
	if err != nil || sum.Articles != 0 || sum.Duplicates != 41 {
		t.Errorf("second run %+v, %v", sum, err)
	}
}

func TestRunCancel(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	p := &pipeline.Pipeline{Extractor: extract.New(), Store: st}
	_, err = p.Run(ctx, func(ctx context.Context, emit func(source.Item) error) error {
		for i := 0; ; i++ {
			if i == 10 {
				cancel()
			}
			n++
			if err := emit(source.Item{Input: "x", Doc: &model.Document{Source: fmt.Sprint(i), Format: model.FormatText, Content: page(i)}}); err != nil {
				return err
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want canceled", err)
	}
}
