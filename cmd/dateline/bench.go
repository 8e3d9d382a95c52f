package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"dateline/analysis"
	"dateline/extract"
	"dateline/model"
	"dateline/pipeline"
	"dateline/source"
	"dateline/store/sqlite"
)

// benches lists what `dateline bench` can measure.
func benches() map[string]func(ctx context.Context, a *app, args []string) error {
	return map[string]func(ctx context.Context, a *app, args []string) error{
		"extract":  runBenchExtract,
		"annotate": runBenchAnnotate,
		"serve":    runBenchServe,
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

// loadPages reads every page under paths (default: the shipped examples).
func loadPages(ctx context.Context, paths []string) ([]*model.Document, error) {
	if len(paths) == 0 {
		paths = []string{"examples"}
	}
	var docs []*model.Document
	rd := &source.Reader{Open: openExtraFormats}
	if err := rd.Walk(ctx, paths, func(it source.Item) error {
		if it.Err == nil {
			docs = append(docs, it.Doc)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no pages under %v", paths)
	}
	return docs, nil
}

// runBenchAnnotate measures the language stages on one core: analysis +
// NER + entity linking in tokens/s, time expressions + event coding in
// sentences/s.
func runBenchAnnotate(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "bench annotate", "[PATH...]")
	dur := fs.Duration("time", 5*time.Second, "how long to measure each stage group")
	asJSON := fs.Bool("json", false, "print JSON")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	docs, err := loadPages(ctx, paths)
	if err != nil {
		return fmt.Errorf("bench annotate: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(os.TempDir(), fmt.Sprintf("dateline-bench-%d.db", os.Getpid())))
	if err != nil {
		return err
	}
	defer func() {
		st.Close()
		os.Remove(filepath.Join(os.TempDir(), fmt.Sprintf("dateline-bench-%d.db", os.Getpid())))
	}()
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		return err
	}
	ex := extract.New()
	var arts []model.Article
	tokens, sentences := 0, 0
	for _, d := range docs {
		art, err := ex.Extract(ctx, d)
		if err != nil {
			continue
		}
		if err := p.Stages[0].Process(ctx, &art); err != nil { // language
			return err
		}
		tokens += len(analysis.Tokenize(art.Text()))
		sentences += len(analysis.Sentences(art.Text(), art.Lang))
		arts = append(arts, art)
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	// measure runs the named stages over every article until dur passes.
	measure := func(names ...string) (rounds int, sec float64, err error) {
		start := time.Now()
		for time.Since(start) < *dur && ctx.Err() == nil {
			for _, art := range arts {
				c := art
				for _, s := range p.Stages {
					for _, n := range names {
						if pipeline.Name(s) == n {
							if err := s.Process(ctx, &c); err != nil {
								return 0, 0, err
							}
						}
					}
				}
			}
			rounds++
		}
		return rounds, time.Since(start).Seconds(), nil
	}
	r1, s1, err := measure("entities")
	if err != nil {
		return err
	}
	r2, s2, err := measure("timex", "events")
	if err != nil {
		return err
	}
	res := map[string]any{
		"articles":                            len(arts),
		"tokens":                              tokens,
		"sentences":                           sentences,
		"entities_tokens_per_sec_core":        float64(tokens*r1) / s1,
		"timex_events_sentences_per_sec_core": float64(sentences*r2) / s2,
	}
	if *asJSON {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "%d articles, %d tokens, %d sentences\n", len(arts), tokens, sentences)
	fmt.Fprintf(a.stdout, "analysis + NER + entity linking: %.0f tokens/s/core\n", res["entities_tokens_per_sec_core"])
	fmt.Fprintf(a.stdout, "time expressions + event coding: %.0f sentences/s/core\n", res["timex_events_sentences_per_sec_core"])
	return nil
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
	cpu0 := cpuTime()
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
	cpu := (cpuTime() - cpu0).Seconds()
	res := map[string]any{
		"cpu_seconds":          cpu,
		"pages_per_cpu_second": float64(pages) / cpu,
		"pages":                pages,
		"distinct_pages":       len(docs),
		"seconds":              sec,
		"pages_per_sec_core":   float64(pages) / sec,
		"mb_per_sec_core":      float64(bytes) / sec / 1e6,
		"us_per_page":          sec / float64(pages) * 1e6,
	}
	if *asJSON {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "extract: %d distinct pages, %.0f pages/s/core wall-clock (%.1f µs/page, %.1f MB/s/core), %.0f pages per CPU-second\n",
		len(docs), res["pages_per_sec_core"], res["us_per_page"], res["mb_per_sec_core"], res["pages_per_cpu_second"])
	return nil
}

// cpuTime returns the CPU time (user + system) the process has used: a
// measure of work that other load on the machine does not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
