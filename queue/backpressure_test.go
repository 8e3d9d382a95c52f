package queue_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/internal/testnats"
	"dateline/internal/testpg"
	"dateline/model"
	"dateline/pipeline"
	"dateline/queue"
	"dateline/store/postgres"
)

// TestBackpressure throttles PostgreSQL (every ledger insert sleeps 20 ms
// in a trigger) under a backlog of large documents and checks that the
// workers slow down instead of pulling the queue into memory: the
// messages held unacknowledged never exceed MaxAckPending, the worker's
// own in-flight count stays within its bound, most of the backlog stays
// in the stream, the heap does not grow with the backlog, and the queue
// depth is visible on /metrics.
func TestBackpressure(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	url := testpg.DB(t, pg)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := testpg.Exec(ctx, url, `CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN NEW; END $$;
		CREATE TRIGGER slow BEFORE INSERT ON queue_staged FOR EACH ROW EXECUTE FUNCTION slow()`); err != nil {
		t.Fatal(err)
	}

	natsURL := testnats.Embedded(t)
	nc, js := connect(t, natsURL)
	const maxAck, conc = 8, 2
	cfg := queue.Config{MaxAckPending: maxAck, AckWait: 30 * time.Second}
	stream, err := queue.EnsureStream(ctx, nc, js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	const n, size = 1200, 64 << 10 // 75 MiB of documents
	pad := strings.Repeat("Het gesprek ging over handel en veiligheid. ", size/45)
	pub := &queue.Publisher{JS: js, Config: cfg}
	for i := 0; i < n; i++ {
		d := &model.Document{Source: fmt.Sprintf("big/%d.txt", i), Format: model.FormatText,
			Content: fmt.Sprintf("Bericht %d\n\nMINSK (ANP) - Tekst %d.\n\n%s", i, i, pad)}
		if err := pub.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := pub.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	cons, err := queue.EnsureConsumer(ctx, stream, cfg)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	base := heap()
	m := &queue.Metrics{Queue: func(ctx context.Context) (int64, int64, error) {
		info, err := cons.Info(ctx)
		if err != nil {
			return 0, 0, err
		}
		return int64(info.NumPending), int64(info.NumAckPending), nil
	}}
	srv := httptest.NewServer(m)
	defer srv.Close()
	w := &queue.Worker{Consumer: cons, Pipeline: testPipeline(st), Store: st, Concurrency: conc, Metrics: m, MaxBacklog: 1 << 30}
	c := &queue.Committer{Store: st, Stream: stream, Metrics: m,
		NewPipeline: func(ctx context.Context) (*pipeline.Pipeline, error) { return testPipeline(st), nil }}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); w.Run(wctx) }()
	go func() { defer wg.Done(); c.Run(wctx) }()

	var peakHeap uint64
	var peakAck int
	for i := 0; i < 10 || (m.Acked.Load() == 0 && i < 100); i++ {
		time.Sleep(300 * time.Millisecond)
		info, err := cons.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		peakAck = max(peakAck, info.NumAckPending)
		peakHeap = max(peakHeap, heap())
	}
	body := scrape(t, srv.URL)
	stop()
	wg.Wait()

	if peakAck > maxAck {
		t.Errorf("%d messages unacknowledged, above MaxAckPending %d", peakAck, maxAck)
	}
	if got := m.MaxInFlight.Load(); got > 2*conc+1 {
		t.Errorf("worker held %d messages at once, bound %d", got, 2*conc+1)
	}
	acked := m.Acked.Load()
	if acked == 0 || acked > n/2 {
		t.Errorf("acked %d of %d documents while sampling against a throttled store: want some, not most", acked, n)
	}
	pending := metricValue(t, body, "dateline_queue_pending_messages")
	if pending < n/2 {
		t.Errorf("/metrics shows %d pending documents, want most of %d:\n%s", pending, n, body)
	}
	// The heap is the whole test process's, the embedded NATS server's
	// block cache included; the worker's own bound is the message counts
	// checked above.
	growth := int64(peakHeap) - int64(base)
	if growth > 48<<20 {
		t.Errorf("heap grew by %d MiB under a %d MiB backlog", growth>>20, n*size>>20)
	}
	t.Logf("throttled: acked %d while sampling (mean ledger write %v), queue depth on /metrics %d, peak unacked %d, peak in flight %d, heap growth %.1f MiB (backlog %d MiB)",
		acked, m.StoreWrite.Mean(), pending, peakAck, m.MaxInFlight.Load(), float64(growth)/(1<<20), n*size>>20)
}

func scrape(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func metricValue(t *testing.T, body, name string) int {
	t.Helper()
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return int(f)
		}
	}
	t.Fatalf("metric %s missing:\n%s", name, body)
	return 0
}
