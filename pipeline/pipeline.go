// Package pipeline runs documents through Dateline's stages and into a
// store: extraction and the per-article annotation stages run concurrently
// on a pool of workers; results are put back in input order and the
// ordered stages (clustering) and the store writes happen on one goroutine,
// so a run is deterministic for a given input order.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"dateline/model"
	"dateline/source"
	"dateline/store"
)

// Extractor turns a document into an article.
type Extractor interface {
	Extract(ctx context.Context, doc *model.Document) (model.Article, error)
}

// Stage annotates an article in place (language, entities, dates, events).
// Stages run concurrently on different articles and must be safe for that.
type Stage interface {
	Process(ctx context.Context, a *model.Article) error
}

// StageFunc adapts a function to Stage.
type StageFunc func(ctx context.Context, a *model.Article) error

// Process implements Stage.
func (f StageFunc) Process(ctx context.Context, a *model.Article) error { return f(ctx, a) }

// Named gives a stage a name for error messages.
func Named(name string, s Stage) Stage { return named{name, s} }

type named struct {
	name string
	s    Stage
}

func (n named) Process(ctx context.Context, a *model.Article) error {
	if err := n.s.Process(ctx, a); err != nil {
		return fmt.Errorf("%s: %w", n.name, err)
	}
	return nil
}

// Pipeline wires the stages. Extractor and Store are required.
type Pipeline struct {
	Extractor Extractor
	// Stages run on the workers, in order, for each article.
	Stages []Stage
	// Ordered stages run one article at a time in input order, right before
	// the article is stored (stateful stages such as clustering).
	Ordered []Stage
	Store   store.Store
	// Workers is the number of concurrent workers; 0 means GOMAXPROCS.
	Workers int
	// Log receives one line per failed input when OnError is nil.
	Log *slog.Logger
	// OnError, when set, is called for each failed input instead of logging.
	OnError func(input string, err error)
	// OnProgress is called after each input is finished.
	OnProgress func(Summary)
	// Finish, when set, runs at the end of every Run that was not stopped
	// by an error (saving stage state).
	Finish func(ctx context.Context) error
}

// Summary counts what a run did.
type Summary struct {
	// Read counts documents read (inputs that failed to read are errors).
	Read int64 `json:"documents_read"`
	// Articles counts articles newly stored.
	Articles int64 `json:"articles"`
	// Briefs counts briefs on the newly stored articles.
	Briefs int64 `json:"briefs"`
	// Duplicates counts documents already stored (or repeated in the input).
	Duplicates int64 `json:"duplicates_skipped"`
	// Errors counts inputs that failed.
	Errors int64 `json:"errors"`
	// Inputs counts finished inputs (documents and failures).
	Inputs int64 `json:"-"`
}

type job struct {
	seq   int64
	item  source.Item
	art   model.Article
	dup   bool
	err   error
	input string
}

// Run reads every item from feed (the source's Walk or any producer) and
// processes it. It returns the summary and the first error that stopped
// the run (cancellation or a store failure); per-input failures are only
// counted, logged and passed to OnError.
func (p *Pipeline) Run(ctx context.Context, feed func(ctx context.Context, emit func(source.Item) error) error) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	in := make(chan *job, workers*2)
	out := make(chan *job, workers*2)
	var feedErr error
	go func() {
		defer close(in)
		var seq int64
		feedErr = feed(ctx, func(it source.Item) error {
			j := &job{seq: seq, item: it, input: it.Input}
			seq++
			select {
			case in <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				p.work(ctx, j)
				select {
				case out <- j:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	var sum Summary
	var runErr error
	pending := map[int64]*job{}
	var next int64
	for j := range out {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if runErr == nil {
				if err := p.finish(ctx, j, &sum); err != nil {
					runErr = err
					cancel()
				}
			}
		}
	}
	if runErr == nil {
		if err := ctx.Err(); err != nil {
			runErr = err
		} else if feedErr != nil && !errors.Is(feedErr, context.Canceled) {
			runErr = feedErr
		}
	}
	if runErr == nil && p.Finish != nil {
		if err := p.Finish(ctx); err != nil {
			runErr = fmt.Errorf("finish: %w", err)
		}
	}
	return sum, runErr
}

// work runs extraction and the concurrent stages for one job.
func (p *Pipeline) work(ctx context.Context, j *job) {
	if j.item.Err != nil {
		j.err = j.item.Err
		return
	}
	doc := j.item.Doc
	if has, err := p.Store.HasDocument(ctx, doc.Hash()); err == nil && has {
		j.dup = true
		return
	}
	a, err := p.Extractor.Extract(ctx, doc)
	if err != nil {
		j.err = fmt.Errorf("%s: %w", j.input, err)
		return
	}
	for _, s := range p.Stages {
		if err := s.Process(ctx, &a); err != nil {
			j.err = fmt.Errorf("%s: %w", j.input, err)
			return
		}
	}
	j.art = a
}

// finish runs the ordered stages and stores one job, in input order. It
// returns an error only when the run must stop.
func (p *Pipeline) finish(ctx context.Context, j *job, sum *Summary) error {
	defer func() {
		atomic.AddInt64(&sum.Inputs, 1)
		if p.OnProgress != nil {
			p.OnProgress(*sum)
		}
	}()
	if j.item.Err == nil {
		sum.Read++
	}
	switch {
	case j.err != nil:
		sum.Errors++
		if p.OnError != nil {
			p.OnError(j.input, j.err)
		} else if p.Log != nil {
			p.Log.Error("input failed", "input", j.input, "err", j.err)
		}
		return nil
	case j.dup:
		sum.Duplicates++
		return nil
	}
	if has, err := p.Store.HasDocument(ctx, j.item.Doc.Hash()); err == nil && has {
		sum.Duplicates++ // repeated within this run
		return nil
	}
	for _, s := range p.Ordered {
		if err := s.Process(ctx, &j.art); err != nil {
			return fmt.Errorf("%s: %w", j.input, err)
		}
	}
	_, created, err := p.Store.PutArticle(ctx, j.item.Doc, &j.art)
	if err != nil {
		return err
	}
	if !created {
		sum.Duplicates++
		return nil
	}
	sum.Articles++
	sum.Briefs += int64(len(j.art.Briefs))
	return nil
}

// Name returns the name given to a stage by Named, or "".
func Name(s Stage) string {
	if n, ok := s.(named); ok {
		return n.name
	}
	return ""
}
