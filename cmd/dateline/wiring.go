package main

import (
	"context"
	"io"
	"os"

	"dateline/extract"
	"dateline/pipeline"
	"dateline/source"
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

// openStore opens the store named by a --db value.
func openStore(ctx context.Context, db string) (store.Store, error) {
	return sqlite.Open(ctx, db)
}

// newPipeline builds the document pipeline with every stage.
func newPipeline(ctx context.Context, a *app, st store.Store) (*pipeline.Pipeline, error) {
	ex := extract.New()
	return &pipeline.Pipeline{
		Extractor: ex,
		Store:     st,
		Log:       a.log,
	}, nil
}

// openExtraFormats reads formats that need their own reader (WARC).
func openExtraFormats(ctx context.Context, path string, r io.Reader, emit func(source.Item) error) (bool, error) {
	return false, nil
}
