package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"dateline/extract"
	"dateline/model"
	"dateline/source"
)

// benches lists what `dateline bench` can measure.
func benches() map[string]func(ctx context.Context, a *app, args []string) error {
	return map[string]func(ctx context.Context, a *app, args []string) error{
		"extract": runBenchExtract,
		"serve":   runBenchServe,
	}
}

func runBench(ctx context.Context, a *app, args []string) error {
	b := benches()
	if len(args) == 0 || b[args[0]] == nil {
		fmt.Fprintln(a.stderr, "usage: dateline bench WHAT [flags]; WHAT is one of:")
		for n := range b {
			fmt.Fprintln(a.stderr, "  "+n)
		}
		return fmt.Errorf("%w: bench needs a target", errUsage)
	}
	return b[args[0]](ctx, a, args[1:])
}

// runBenchExtract measures page segmentation speed on one core.
func runBenchExtract(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "bench extract", "[PATH...]")
	dur := fs.Duration("time", 3*time.Second, "how long to measure")
	asJSON := fs.Bool("json", false, "print JSON")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"examples"}
	}
	var docs []*model.Document
	rd := &source.Reader{}
	if err := rd.Walk(ctx, paths, func(it source.Item) error {
		if it.Err == nil {
			docs = append(docs, it.Doc)
		}
		return nil
	}); err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("bench extract: no pages under %v", paths)
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	ex := extract.New()
	var pages, bytes int64
	start := time.Now()
	for time.Since(start) < *dur && ctx.Err() == nil {
		for _, d := range docs {
			if _, err := ex.Extract(ctx, d); err != nil {
				continue
			}
			pages++
			bytes += int64(len(d.Content))
		}
	}
	sec := time.Since(start).Seconds()
	res := map[string]any{
		"pages":              pages,
		"distinct_pages":     len(docs),
		"seconds":            sec,
		"pages_per_sec_core": float64(pages) / sec,
		"mb_per_sec_core":    float64(bytes) / sec / 1e6,
		"us_per_page":        sec / float64(pages) * 1e6,
	}
	if *asJSON {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "extract: %d distinct pages, %.0f pages/s/core (%.1f µs/page, %.1f MB/s/core)\n",
		len(docs), res["pages_per_sec_core"], res["us_per_page"], res["mb_per_sec_core"])
	return nil
}
