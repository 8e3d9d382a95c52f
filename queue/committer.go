package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"dateline/pipeline"
	"dateline/store/postgres"
)

// Committer writes the workers' outcomes to the store in stream-sequence
// order, running the pipeline's ordered half (duplicate check, Ordered
// stages, PutArticle) exactly as pipeline.Pipeline does after its
// workers. Any number of processes run a Committer; one at a time holds
// the lease and commits, the others wait to take over.
type Committer struct {
	Store *postgres.Store
	// NewPipeline builds the pipeline whose Ordered stages and Store the
	// committer uses. It is called afresh on every lease, so stateful
	// stages restore their state from the store as it is at that moment.
	NewPipeline func(ctx context.Context) (*pipeline.Pipeline, error)
	// Stream is the document stream, asked when a sequence number has no
	// outcome, to tell a message still being worked on from one that no
	// longer exists (never stored, or removed by the stream's limits).
	Stream jetstream.Stream
	// Batch is the number of outcomes read at once (default 256).
	Batch int
	// Poll is the wait when there is nothing to commit (default 100ms).
	Poll time.Duration
	// SnapshotEvery is how often the pipeline's Finish hook (which
	// snapshots stage state, such as the clustering engine) runs while
	// committing, so that a takeover replays little (default 1 minute).
	// It also runs when the committer stops.
	SnapshotEvery time.Duration
	Metrics       *Metrics
	Log           *slog.Logger
}

// Run commits while holding the lease, and waits for it otherwise, until
// ctx ends (it returns nil then) or committing fails on something other
// than a lost lease or an unavailable store.
func (c *Committer) Run(ctx context.Context) error {
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for ctx.Err() == nil {
		lease, err := c.Store.TryLease(ctx)
		if err != nil {
			log.Warn("committer lease", "err", err)
		}
		if lease == nil {
			sleep(ctx, time.Second)
			continue
		}
		log.Info("committer lease taken", "epoch", lease.Epoch)
		err = c.lead(ctx, lease, log)
		lease.Release()
		if ctx.Err() != nil {
			return nil
		}
		log.Warn("committer stopped", "err", err)
		var fatal *stageError
		if errors.As(err, &fatal) {
			return err
		}
		sleep(ctx, time.Second)
	}
	return nil
}

// stageError is an ordered stage failing: the single-process pipeline
// stops on it too, so the committer stops rather than skip the document.
type stageError struct{ err error }

func (e *stageError) Error() string { return e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// lead commits until the lease is lost or ctx ends.
func (c *Committer) lead(ctx context.Context, lease *postgres.Lease, log *slog.Logger) error {
	p, err := c.NewPipeline(ctx)
	if err != nil {
		return fmt.Errorf("committer: pipeline: %w", err)
	}
	m := c.Metrics
	if m == nil {
		m = &Metrics{}
	}
	batch := c.Batch
	if batch <= 0 {
		batch = 256
	}
	poll := c.Poll
	if poll <= 0 {
		poll = 100 * time.Millisecond
	}
	wm, err := c.Store.Watermark(ctx)
	if err != nil {
		return err
	}
	every := c.SnapshotEvery
	if every <= 0 {
		every = time.Minute
	}
	snapshotted, dirty := time.Now(), false
	snapshot := func(ctx context.Context) error {
		if p.Finish == nil || !dirty {
			return nil
		}
		if err := p.Finish(ctx); err != nil {
			return fmt.Errorf("committer: snapshot: %w", err)
		}
		snapshotted, dirty = time.Now(), false
		return nil
	}
	defer func() {
		// Snapshot on the way out when stopped (not failed), if the lease
		// is still ours.
		if ctx.Err() == nil {
			return
		}
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if lease.Check(sctx) == nil {
			if err := snapshot(sctx); err != nil {
				log.Warn("committer", "err", err)
			}
		}
	}()
	for ctx.Err() == nil {
		if err := lease.Check(ctx); err != nil {
			return err
		}
		next := wm
		err := c.Store.Staged(ctx, wm, batch, func(seq int64, payload []byte) error {
			if seq != next+1 {
				return errGap
			}
			if err := c.commit(ctx, p, payload, m, log); err != nil {
				return err
			}
			next = seq
			return nil
		})
		progressed := next > wm
		if progressed {
			if aerr := c.Store.Advance(ctx, next, lease.Epoch); aerr != nil {
				return aerr
			}
			wm, dirty = next, true
			// Only after a clean batch: a failed commit may have left
			// stage state ahead of the store.
			if (err == nil || errors.Is(err, errGap)) && time.Since(snapshotted) >= every {
				if err := snapshot(ctx); err != nil {
					return err
				}
			}
		}
		if err != nil && !errors.Is(err, errGap) {
			return err
		}
		if progressed {
			continue
		}
		// Nothing (more) to commit right after the watermark.
		skip, err := c.vanished(ctx, wm+1)
		if err != nil {
			log.Warn("committer: stream", "err", err)
		}
		if skip {
			log.Warn("committer: message without outcome no longer in the stream: skipped", "seq", wm+1)
			if err := c.Store.Advance(ctx, wm+1, lease.Epoch); err != nil {
				return err
			}
			wm++
			continue
		}
		sleep(ctx, poll)
	}
	return nil
}

var errGap = errors.New("gap in the ledger")

// vanished reports whether stream message seq has no outcome and will
// never get one: it is not in the stream (acknowledged messages are
// removed only after their outcome committed, so it was never stored, or
// the stream's limits removed it) and still has no outcome.
func (c *Committer) vanished(ctx context.Context, seq int64) (bool, error) {
	if c.Stream == nil {
		return false, nil
	}
	info, err := c.Stream.Info(ctx)
	if err != nil {
		return false, err
	}
	if uint64(seq) > info.State.LastSeq {
		return false, nil // not published yet
	}
	if _, err := c.Stream.GetMsg(ctx, uint64(seq)); err == nil || !errors.Is(err, jetstream.ErrMsgNotFound) {
		return false, err // still queued or being worked on
	}
	staged, err := c.Store.IsStaged(ctx, seq)
	if err != nil || staged {
		return false, err
	}
	return true, nil
}

// commit runs the ordered half of the pipeline for one outcome: what
// pipeline.Pipeline.finish does.
func (c *Committer) commit(ctx context.Context, p *pipeline.Pipeline, payload []byte, m *Metrics, log *slog.Logger) error {
	var out outcome
	if err := json.Unmarshal(payload, &out); err != nil {
		log.Error("committer: unreadable outcome", "err", err)
		return nil
	}
	if out.Err != "" || out.Dup || out.Doc == nil || out.Article == nil {
		return nil
	}
	start := time.Now()
	doc, a := out.Doc.document(), out.Article
	has, err := p.Store.HasDocument(ctx, doc.Hash())
	if err != nil {
		return err
	}
	if has {
		return nil // repeated in the stream (published again after the duplicate window)
	}
	for _, s := range p.Ordered {
		if err := s.Process(ctx, a); err != nil {
			return &stageError{fmt.Errorf("%s: %w", doc.Source, err)}
		}
	}
	if _, created, err := p.Store.PutArticle(ctx, doc, a); err != nil {
		return err
	} else if created {
		m.Committed.Add(1)
	}
	m.Commit.Observe(time.Since(start))
	return nil
}
