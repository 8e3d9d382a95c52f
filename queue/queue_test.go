package queue_test

import (
	"context"

	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dateline/internal/testnats"
	"dateline/internal/testpg"
	"dateline/model"
	"dateline/pipeline"
	"dateline/queue"
	"dateline/source"
	"dateline/store/postgres"
	"dateline/store/sqlite"
)

// pg is the PostgreSQL server shared by this package's tests.
var pg *testpg.Server

func TestMain(m *testing.M) { os.Exit(testpg.Main(m, &pg)) }

func TestEncodeDocument(t *testing.T) {
	tests := []struct {
		name string
		doc  model.Document
	}{
		{"text", model.Document{Source: "a.txt", Format: model.FormatText, Content: "MINSK (ANP) - Tekst."}},
		{"html with hints", model.Document{Source: "https://x.test/1", URL: "https://x.test/1", Format: model.FormatHTML,
			Content: "<p>Één \"quote\"</p>", Title: "T", Lang: "nl", Published: model.Date(2023, 2, 25),
			Fetched: model.Time{Time: time.Date(2023, 2, 25, 10, 0, 0, 0, time.UTC)}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := queue.EncodeDocument(&tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := queue.DecodeDocument(b)
			if err != nil {
				t.Fatal(err)
			}
			if got.Hash() != tc.doc.Hash() || got.Source != tc.doc.Source || got.Title != tc.doc.Title ||
				got.Published.String() != tc.doc.Published.String() || got.Fetched.String() != tc.doc.Fetched.String() {
				t.Errorf("round trip: %+v, want %+v", got, tc.doc)
			}
		})
	}
	if _, err := queue.DecodeDocument([]byte("{")); err == nil {
		t.Error("bad JSON accepted")
	}
}

func FuzzDecodeDocument(f *testing.F) {
	f.Add([]byte(`{"source":"a","format":"text","content":"x","published":"2023-02-25"}`))
	f.Add([]byte(`{"published":"nope"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := queue.DecodeDocument(b)
		if err != nil {
			return
		}
		b2, err := queue.EncodeDocument(d)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := queue.DecodeDocument(b2)
		if err != nil || d2.Hash() != d.Hash() {
			t.Fatalf("re-encoding changed the document: %v", err)
		}
	})
}

// connect opens a JetStream context on url.
func connect(t testing.TB, url string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return nc, js
}

// waitCommitted waits until every message of the stream is committed.
func waitCommitted(t testing.TB, st *postgres.Store, s jetstream.Stream, timeout time.Duration) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		info, err := s.Info(ctx)
		wm, err2 := st.Watermark(ctx)
		if err == nil && err2 == nil && info.State.LastSeq > 0 && uint64(wm) >= info.State.LastSeq && info.State.Msgs == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	info, _ := s.Info(ctx)
	wm, _ := st.Watermark(ctx)
	t.Fatalf("not committed after %v: watermark %d, stream %+v", timeout, wm, info.State)
}

// TestWorkersStoreOnce publishes N documents twice (the second time
// JetStream drops them as duplicates) and some again without message IDs
// (as after the duplicate window), runs two workers and two committers on
// separate connections, and checks that every document is stored once and
// placed in the same cluster as by a single-process run.
func TestWorkersStoreOnce(t *testing.T) {
	url := testpg.DB(t, pg)
	const n = 300
	path := genDocs(t, t.TempDir(), n, 1)
	docs := readDocs(t, path)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	natsURL := testnats.Embedded(t)
	nc, js := connect(t, natsURL)
	cfg := queue.Config{MaxAckPending: 32, AckWait: 5 * time.Second}
	stream, err := queue.EnsureStream(ctx, nc, js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	pub := &queue.Publisher{JS: js, Config: cfg, Window: 64}
	for round := 0; round < 2; round++ {
		for _, d := range docs {
			if err := pub.Publish(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := pub.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if s := pub.Summary(); s.Published != n || s.Duplicates != n {
		t.Errorf("publish summary = %+v, want %d published and %d duplicates", s, n, n)
	}
	for _, d := range docs[:10] { // re-published after the duplicate window
		body, _ := queue.EncodeDocument(d)
		if _, err := js.Publish(ctx, "dateline.docs.0", body); err != nil {
			t.Fatal(err)
		}
	}

	var wg sync.WaitGroup
	wctx, stop := context.WithCancel(ctx)
	metrics := make([]*queue.Metrics, 2)
	for i := 0; i < 2; i++ {
		st, err := postgres.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		_, wjs := connect(t, natsURL)
		ws, err := wjs.Stream(ctx, "DATELINE_DOCS")
		if err != nil {
			t.Fatal(err)
		}
		cons, err := queue.EnsureConsumer(ctx, ws, cfg)
		if err != nil {
			t.Fatal(err)
		}
		metrics[i] = &queue.Metrics{}
		w := &queue.Worker{Consumer: cons, Pipeline: testPipeline(st), Store: st, Concurrency: 2, Metrics: metrics[i], MaxBacklog: 4}
		c := &queue.Committer{Store: st, Stream: ws, Metrics: metrics[i], Poll: 20 * time.Millisecond,
			NewPipeline: func(ctx context.Context) (*pipeline.Pipeline, error) { return testPipeline(st), nil }}
		wg.Add(2)
		go func() { defer wg.Done(); w.Run(wctx) }()
		go func() {
			defer wg.Done()
			if err := c.Run(wctx); err != nil {
				t.Error(err)
			}
		}()
	}
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	waitCommitted(t, st, stream, time.Minute)
	stop()
	wg.Wait()

	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != n || stats.Articles != n {
		t.Errorf("stored %d documents, %d articles; want %d", stats.Documents, stats.Articles, n)
	}
	var acked, committed, dups int64
	for _, m := range metrics {
		acked += m.Acked.Load()
		committed += m.Committed.Load()
		dups += m.Duplicates.Load()
	}
	if acked < n+10 || committed != n {
		t.Errorf("acked %d (want ≥ %d), committed %d (want %d)", acked, n+10, committed, n)
	}
	if n, _ := st.StagedCount(ctx); n != 0 {
		t.Errorf("%d outcomes left in the ledger", n)
	}

	// The single-process run on the same input.
	ref, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	p := testPipeline(ref)
	if _, err := p.Run(ctx, func(ctx context.Context, emit func(source.Item) error) error {
		return (&source.Reader{}).Walk(ctx, []string{path}, emit)
	}); err != nil {
		t.Fatal(err)
	}
	comparePlacements(t, placements(t, st), placements(t, ref))
}

// TestMetricsText checks the /metrics text: gauges read at scrape time,
// counters and histograms.
func TestMetricsText(t *testing.T) {
	m := &queue.Metrics{
		Queue:  func(ctx context.Context) (int64, int64, error) { return 42, 7, nil },
		Ledger: func(ctx context.Context) (int64, int64, error) { return 3, 99, nil },
	}
	m.Acked.Add(5)
	m.Process.Observe(3 * time.Millisecond)
	m.Process.Observe(2 * time.Second)
	var b stringsBuilder
	m.WriteTo(context.Background(), &b)
	for _, want := range []string{
		"dateline_queue_pending_messages 42\n", "dateline_queue_ack_pending_messages 7\n",
		"dateline_queue_staged_messages 3\n", "dateline_queue_watermark 99\n", "dateline_worker_acks_total 5\n",
		`dateline_worker_process_seconds_bucket{le="0.005"} 1` + "\n", `dateline_worker_process_seconds_bucket{le="+Inf"} 2` + "\n",
		"dateline_worker_process_seconds_count 2\n", "# TYPE dateline_worker_process_seconds histogram\n",
	} {
		if !contains(b.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, b.String())
		}
	}
}

type stringsBuilder struct{ b []byte }

func (s *stringsBuilder) Write(p []byte) (int, error) { s.b = append(s.b, p...); return len(p), nil }
func (s *stringsBuilder) String() string              { return string(s.b) }

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
