package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"dateline/pipeline"
	"dateline/source"
)

func runIngest(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "ingest", "PATH...")
	db := fs.String("db", defaultDB(), "SQLite store file")
	workers := fs.Int("workers", 0, "concurrent workers (0: one per core)")
	maxSize := fs.Int64("max-size", source.DefaultMaxSize, "largest file or record to read, in bytes")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress bar")
	natsURL := fs.String("nats", "", "publish the documents to this NATS JetStream server for workers instead of processing them here")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs at least one PATH", errUsage)
	}
	if *natsURL != "" {
		return publishIngest(ctx, a, *natsURL, paths, &source.Reader{MaxSize: *maxSize, Open: openExtraFormats}, *asJSON)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		return err
	}
	p.Workers = *workers
	p.OnError = func(input string, err error) { fmt.Fprintf(a.stderr, "error: %v\n", err) }
	rd := &source.Reader{MaxSize: *maxSize, Open: openExtraFormats}
	var bar *progressBar
	if a.tty && !*quiet {
		bar = newProgressBar(a.stderr, source.Count(paths))
		p.OnProgress = bar.update
		defer bar.done()
	}
	start := time.Now()
	sum, err := p.Run(ctx, func(ctx context.Context, emit func(source.Item) error) error {
		return rd.Walk(ctx, paths, emit)
	})
	bar.done()
	elapsed := time.Since(start)
	if *asJSON {
		writeJSON(a.stdout, struct {
			pipeline.Summary
			Seconds float64 `json:"seconds"`
			DB      string  `json:"db"`
		}{sum, elapsed.Seconds(), *db})
	} else {
		fmt.Fprintf(a.stdout, "documents read %d, articles %d, briefs %d, duplicates skipped %d, errors %d (%.1fs, store %s)\n",
			sum.Read, sum.Articles, sum.Briefs, sum.Duplicates, sum.Errors, elapsed.Seconds(), *db)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if sum.Errors > 0 {
		return fmt.Errorf("%w: %d failed", errPartial, sum.Errors)
	}
	return nil
}

// progressBar draws a one-line progress bar on a terminal.
type progressBar struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	start time.Time
	last  time.Time
	shown bool
	fin   bool
}

func newProgressBar(w io.Writer, total int) *progressBar {
	return &progressBar{w: w, total: total, start: time.Now()}
}

func (b *progressBar) update(s pipeline.Summary) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.fin || time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.shown = true
	rate := float64(s.Inputs) / time.Since(b.start).Seconds()
	const width = 30
	bar := strings.Repeat("·", width)
	if b.total > 0 {
		n := int(float64(width) * float64(min(int(s.Inputs), b.total)) / float64(b.total))
		bar = strings.Repeat("█", n) + strings.Repeat("·", width-n)
	}
	fmt.Fprintf(b.w, "\r%s %d docs  %.0f/s  %d new  %d dup  %d err ", bar, s.Inputs, rate, s.Articles, s.Duplicates, s.Errors)
}

func (b *progressBar) done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shown && !b.fin {
		fmt.Fprint(b.w, "\r\033[K")
	}
	b.fin = true
}
