package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dateline/pipeline"
	"dateline/queue"
	"dateline/source"
	"dateline/store"
	"dateline/store/postgres"
)

// connectNATS connects to a NATS server (or several, comma-separated),
// reconnecting for as long as the process runs.
func connectNATS(url, name string) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(250*time.Millisecond))
	if err != nil {
		return nil, nil, fmt.Errorf("connect %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("jetstream %s: %w", url, err)
	}
	return nc, js, nil
}

// publishIngest publishes the documents under paths to a JetStream work
// queue for `dateline worker` processes.
func publishIngest(ctx context.Context, a *app, natsURL string, paths []string, rd *source.Reader, asJSON bool) error {
	nc, js, err := connectNATS(natsURL, "dateline-ingest")
	if err != nil {
		return err
	}
	defer nc.Close()
	cfg := queue.Config{}
	if _, err := queue.EnsureStream(ctx, nc, js, cfg); err != nil {
		return err
	}
	pub := &queue.Publisher{JS: js, Config: cfg}
	start := time.Now()
	var read, failed int64
	err = rd.Walk(ctx, paths, func(it source.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(a.stderr, "error: %v\n", it.Err)
			return nil
		}
		read++
		return pub.Publish(ctx, it.Doc)
	})
	if err == nil {
		err = pub.Flush(ctx)
	}
	sum := pub.Summary()
	elapsed := time.Since(start)
	if asJSON {
		writeJSON(a.stdout, struct {
			queue.PublishSummary
			Read    int64   `json:"documents_read"`
			Errors  int64   `json:"errors"`
			Seconds float64 `json:"seconds"`
		}{sum, read, failed, elapsed.Seconds()})
	} else {
		fmt.Fprintf(a.stdout, "documents read %d, published %d, duplicates %d, errors %d (%.1fs, nats %s)\n",
			read, sum.Published, sum.Duplicates, failed, elapsed.Seconds(), natsURL)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d failed", errPartial, failed)
	}
	return nil
}

// openPostgres opens the PostgreSQL store at a postgres:// URL.
func openPostgres(ctx context.Context, url string) (store.Store, error) {
	return postgres.Open(ctx, url)
}

func runWorker(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "worker", "")
	natsURL := fs.String("nats", "", "NATS server URL(s), comma-separated (required)")
	db := fs.String("db", defaultDB(), "PostgreSQL store URL (postgres://...)")
	metricsAddr := fs.String("metrics-addr", "", "serve Prometheus metrics on this address (host:port) at /metrics")
	conc := fs.Int("concurrency", 0, "documents processed at once (0: one per core)")
	maxAck := fs.Int("max-ack-pending", 256, "documents handed out to all workers and not yet acknowledged")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "redeliver a document not acknowledged within this time")
	replicas := fs.Int("replicas", 0, "stream replicas when creating the stream (0: 3 in a cluster, else 1)")
	commit := fs.Bool("commit", true, "take part in the election of the committer (the one process that writes articles in stream order)")
	exitIdle := fs.Duration("exit-idle", 0, "exit once the queue has been empty and fully committed for this long (0: run until stopped)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *natsURL == "" {
		return fmt.Errorf("%w: worker needs --nats", errUsage)
	}
	if !strings.HasPrefix(*db, "postgres://") && !strings.HasPrefix(*db, "postgresql://") {
		return fmt.Errorf("%w: worker needs a PostgreSQL store: --db postgres://...", errUsage)
	}
	st, err := postgres.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	nc, js, err := connectNATS(*natsURL, "dateline-worker")
	if err != nil {
		return err
	}
	defer nc.Close()
	cfg := queue.Config{Replicas: *replicas, MaxAckPending: *maxAck, AckWait: *ackWait}
	stream, err := queue.EnsureStream(ctx, nc, js, cfg)
	if err != nil {
		return err
	}
	cons, err := queue.EnsureConsumer(ctx, stream, cfg)
	if err != nil {
		return err
	}
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		return err
	}
	m := &queue.Metrics{
		Queue: func(ctx context.Context) (int64, int64, error) {
			info, err := cons.Info(ctx)
			if err != nil {
				return 0, 0, err
			}
			return int64(info.NumPending), int64(info.NumAckPending), nil
		},
		Ledger: func(ctx context.Context) (int64, int64, error) {
			n, err := st.StagedCount(ctx)
			if err != nil {
				return 0, 0, err
			}
			wm, err := st.Watermark(ctx)
			return n, wm, err
		},
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if *metricsAddr != "" {
		ln, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			return fmt.Errorf("metrics: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("/metrics", m)
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		a.log.Info("metrics", "addr", ln.Addr().String())
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	w := &queue.Worker{Consumer: cons, Pipeline: p, Store: st, Concurrency: *conc, Metrics: m, Log: a.log}
	wg.Add(1)
	go func() { defer wg.Done(); errs <- w.Run(ctx) }()
	if *commit {
		c := &queue.Committer{Store: st, Stream: stream, Metrics: m, Log: a.log,
			NewPipeline: func(ctx context.Context) (*pipeline.Pipeline, error) { return newPipeline(ctx, a, st) }}
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := c.Run(ctx)
			if err != nil {
				cancel()
			}
			errs <- err
		}()
	}
	if *exitIdle > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			idleSince := time.Time{}
			for ctx.Err() == nil {
				if drained(ctx, stream, st) {
					if idleSince.IsZero() {
						idleSince = time.Now()
					} else if time.Since(idleSince) >= *exitIdle {
						cancel()
						return
					}
				} else {
					idleSince = time.Time{}
				}
				select {
				case <-ctx.Done():
				case <-time.After(200 * time.Millisecond):
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var first error
	for err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) && first == nil {
			first = err
		}
	}
	fmt.Fprintf(a.stderr, "worker: acked %d, failed %d, duplicates %d, committed %d, mean processing %.1f ms, mean ledger write %.1f ms, mean commit %.1f ms\n",
		m.Acked.Load(), m.Failed.Load(), m.Duplicates.Load(), m.Committed.Load(),
		float64(m.Process.Mean().Microseconds())/1000, float64(m.StoreWrite.Mean().Microseconds())/1000, float64(m.Commit.Mean().Microseconds())/1000)
	return first
}

// drained reports whether the stream is empty and every message in it
// has been committed.
func drained(ctx context.Context, s jetstream.Stream, st *postgres.Store) bool {
	info, err := s.Info(ctx)
	if err != nil || info.State.Msgs > 0 {
		return false
	}
	wm, err := st.Watermark(ctx)
	return err == nil && uint64(wm) >= info.State.LastSeq
}
