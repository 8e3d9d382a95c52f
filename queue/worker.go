package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"dateline/pipeline"
	"dateline/store/postgres"
)

// Worker pulls documents from the workers' consumer, runs extraction and
// the per-article stages of Pipeline, records each outcome in the ledger
// under the message's stream sequence and acknowledges the message after
// that write has committed. Memory is bounded: at most 2×Concurrency
// messages are buffered or processed per Worker, and the consumer's
// MaxAckPending bounds what all workers hold together.
type Worker struct {
	Consumer jetstream.Consumer
	// Pipeline provides Extractor and Stages (its Ordered stages and Store
	// are the committer's business).
	Pipeline *pipeline.Pipeline
	Store    *postgres.Store
	// Concurrency is the number of documents processed at once; 0 means
	// GOMAXPROCS.
	Concurrency int
	// MaxBacklog pauses pulling while more than this many outcomes wait for
	// the committer and the committer can work on them, so a slow
	// committer slows the workers instead of moving the queue into the
	// ledger (default 4×MaxAckPending, at least 1024).
	MaxBacklog int64
	Metrics    *Metrics
	Log        *slog.Logger
}

// Run processes messages until ctx ends; it returns nil then.
func (w *Worker) Run(ctx context.Context) error {
	conc := w.Concurrency
	if conc <= 0 {
		conc = runtime.GOMAXPROCS(0)
	}
	m := w.Metrics
	if m == nil {
		m = &Metrics{}
	}
	log := w.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	maxBacklog := w.MaxBacklog
	if maxBacklog <= 0 {
		maxBacklog = 1024
		if info, err := w.Consumer.Info(ctx); err == nil {
			maxBacklog = max(maxBacklog, 4*int64(info.Config.MaxAckPending))
		}
	}
	msgs := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for msg := range msgs {
				w.handle(ctx, msg, m, log)
			}
		}()
	}
	defer func() { close(msgs); wg.Wait() }()
	for ctx.Err() == nil {
		// The iterator buffers at most conc messages; it is made again if
		// it closes (consumer or server gone) while ctx lasts.
		it, err := w.Consumer.Messages(jetstream.PullMaxMessages(conc))
		if err != nil {
			log.Warn("pull", "err", err)
			sleep(ctx, time.Second)
			continue
		}
		w.pull(ctx, it, msgs, maxBacklog, m, log)
		it.Stop()
	}
	return nil
}

// pull hands messages from it to the processors until ctx ends or the
// iterator closes, pausing while the committer's backlog is too long.
func (w *Worker) pull(ctx context.Context, it jetstream.MessagesContext, msgs chan<- jetstream.Msg, maxBacklog int64, m *Metrics, log *slog.Logger) {
	stop := context.AfterFunc(ctx, it.Stop)
	defer stop()
	var backlogChecked time.Time
	for ctx.Err() == nil {
		if time.Since(backlogChecked) > time.Second {
			backlogChecked = time.Now()
			for ctx.Err() == nil {
				// Pause while the committer is busy with a long backlog, but
				// never while it waits for a message no worker has recorded
				// (it may be in this very iterator's buffer, or due for
				// redelivery): that would stall everyone.
				n, first, wm, err := w.Store.Backlog(ctx)
				if err != nil || n <= maxBacklog || first != wm+1 {
					break
				}
				sleep(ctx, 500*time.Millisecond)
			}
		}
		msg, err := it.Next()
		if err != nil {
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) || ctx.Err() != nil {
				return
			}
			log.Warn("pull", "err", err)
			sleep(ctx, 250*time.Millisecond)
			continue
		}
		if n := m.InFlight.Add(1); n > m.MaxInFlight.Load() {
			m.MaxInFlight.Store(n)
		}
		msgs <- msg
	}
}

// handle processes one message; a failure to record the outcome hands the
// message back for redelivery.
func (w *Worker) handle(ctx context.Context, msg jetstream.Msg, m *Metrics, log *slog.Logger) {
	start := time.Now()
	defer m.InFlight.Add(-1)
	meta, err := msg.Metadata()
	if err != nil {
		log.Error("message without metadata", "err", err)
		msg.Term()
		return
	}
	if meta.NumDelivered > 1 {
		m.Redelivered.Add(1)
	}
	seq := int64(meta.Sequence.Stream)
	out := w.process(ctx, msg.Data())
	if out == nil { // store unavailable
		m.Naked.Add(1)
		msg.NakWithDelay(time.Second)
		return
	}
	payload, err := json.Marshal(out)
	if err != nil {
		out = &outcome{Err: fmt.Sprintf("encode outcome: %v", err), Input: out.Input}
		payload, _ = json.Marshal(out)
	}
	t := time.Now()
	if err := w.Store.Stage(ctx, seq, payload); err != nil {
		if ctx.Err() == nil {
			log.Warn("record outcome", "seq", seq, "err", err)
		}
		m.Naked.Add(1)
		msg.NakWithDelay(time.Second)
		return
	}
	m.StoreWrite.Observe(time.Since(t))
	switch {
	case out.Err != "":
		m.Failed.Add(1)
		log.Error("input failed", "input", out.Input, "err", out.Err)
	case out.Dup:
		m.Duplicates.Add(1)
	}
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	err = msg.DoubleAck(actx)
	cancel()
	if err != nil {
		// The outcome is recorded: a redelivery only records nothing new.
		log.Warn("ack", "seq", seq, "err", err)
		return
	}
	m.Acked.Add(1)
	m.Process.Observe(time.Since(start))
}

// process runs the worker's half of the pipeline on one message body: what
// pipeline.Pipeline does on its concurrent workers. It returns nil when
// the store could not be asked (retry later).
func (w *Worker) process(ctx context.Context, body []byte) *outcome {
	doc, err := DecodeDocument(body)
	if err != nil {
		return &outcome{Err: err.Error()}
	}
	out := &outcome{Input: doc.Source}
	has, err := w.Store.HasDocument(ctx, doc.Hash())
	if err != nil {
		return nil
	}
	if has {
		out.Dup = true
		return out
	}
	a, err := w.Pipeline.Extractor.Extract(ctx, doc)
	if err != nil {
		out.Err = fmt.Sprintf("%s: %v", doc.Source, err)
		return out
	}
	for _, s := range w.Pipeline.Stages {
		if err := s.Process(ctx, &a); err != nil {
			out.Err = fmt.Sprintf("%s: %v", doc.Source, err)
			return out
		}
	}
	out.Doc, out.Article = toWire(doc), &a
	return out
}
