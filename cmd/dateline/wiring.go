package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"dateline/cluster"
	"dateline/entity"
	"dateline/event"
	"dateline/extract"
	"dateline/langid"
	"dateline/pipeline"
	"dateline/source"
	"dateline/source/warc"
	"dateline/store"
	"dateline/store/sqlite"
)

// defaultDB is the store used when --db is not given: $DATELINE_DB or
// ./dateline.db.
func defaultDB() string {
	if v := os.Getenv("DATELINE_DB"); v != "" {
		return v
	}
	return "dateline.db"
}

// openStore opens the store named by a --db value: a postgres:// or
// postgresql:// URL opens PostgreSQL, anything else is a SQLite file.
func openStore(ctx context.Context, db string) (store.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return openPostgres(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// newPipeline builds the document pipeline with every stage.
func newPipeline(ctx context.Context, a *app, st store.Store) (*pipeline.Pipeline, error) {
	det, err := langid.New(langid.Options{})
	if err != nil {
		return nil, fmt.Errorf("language identification: %w", err)
	}
	coder, err := event.NewCoder()
	if err != nil {
		return nil, fmt.Errorf("event coder: %w", err)
	}
	kb, err := loadKB()
	if err != nil {
		return nil, err
	}
	finder, err := pipeline.LoadNER()
	if err != nil {
		return nil, err
	}
	reg := &entity.Registry{}
	if err := reg.Load(ctx, pipeline.NameStore(st)); err != nil {
		return nil, fmt.Errorf("learnt names: %w", err)
	}
	// The linker runs on concurrent workers without the registry; names
	// are learnt in input order by the ordered LearnNames stage.
	linker := &entity.Linker{KB: kb, Finder: finder}
	clu := &pipeline.Clusterer{Engine: &cluster.Engine{}}
	if err := clu.Restore(ctx, st); err != nil {
		return nil, fmt.Errorf("restore clusters: %w", err)
	}
	return &pipeline.Pipeline{
		Extractor: extract.New(),
		Stages: []pipeline.Stage{
			pipeline.Named("langid", pipeline.Language{Detector: det}),
			pipeline.Named("entities", pipeline.Entities{Linker: linker}),
			pipeline.Named("timex", pipeline.Times{}),
			pipeline.Named("events", pipeline.Events{Coder: coder, Actors: kb}),
		},
		Ordered: []pipeline.Stage{
			pipeline.Named("learn names", pipeline.LearnNames{KB: kb, Registry: reg}),
			pipeline.Named("cluster", clu),
			pipeline.Named("merge events", pipeline.MergeEvents{Store: st}),
		},
		Store: st,
		Log:   a.log,
		Finish: func(ctx context.Context) error {
			if err := clu.Save(ctx, st); err != nil {
				return fmt.Errorf("save clusters: %w", err)
			}
			return reg.Save(ctx, pipeline.NameStore(st))
		},
	}, nil
}

// loadKB loads the embedded knowledge base plus the user's imported
// entities ($DATELINE_KB, else ./dateline-kb.jsonl when present).
func loadKB() (*entity.KB, error) {
	var files []string
	if p := os.Getenv("DATELINE_KB"); p != "" {
		files = append(files, p)
	} else if _, err := os.Stat("dateline-kb.jsonl"); err == nil {
		files = append(files, "dateline-kb.jsonl")
	}
	kb, err := entity.LoadKB(files...)
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	return kb, nil
}

// openExtraFormats reads formats that need their own reader: WARC files
// (.warc, .warc.gz, already decompressed by the source reader) are
// streamed record by record; each HTML response record is a document.
func openExtraFormats(ctx context.Context, path string, r io.Reader, emit func(source.Item) error) (bool, error) {
	l := strings.ToLower(path)
	if !strings.HasSuffix(l, ".warc") && !strings.HasSuffix(l, ".warc.gz") {
		return false, nil
	}
	wr := warc.NewReader(r)
	for {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		if err != nil {
			return true, fmt.Errorf("WARC record %d: %w", rec.Index, err)
		}
		doc := rec.Document(path)
		if err := emit(source.Item{Input: doc.Source, Doc: &doc}); err != nil {
			return true, err
		}
	}
}
