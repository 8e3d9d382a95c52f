package queue

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Metrics counts a worker process's work and serves it in the Prometheus
// text format (version 0.0.4) on /metrics. The zero value is ready; the
// gauges read at scrape time are optional functions.
type Metrics struct {
	// Acked counts messages acknowledged after their outcome was recorded.
	Acked atomic.Int64
	// Naked counts messages handed back for redelivery (store errors).
	Naked atomic.Int64
	// Failed counts documents whose processing failed (recorded, acked).
	Failed atomic.Int64
	// Duplicates counts documents found already stored.
	Duplicates atomic.Int64
	// Redelivered counts messages received more than once.
	Redelivered atomic.Int64
	// Committed counts articles written by this process as committer.
	Committed atomic.Int64
	// InFlight is the number of messages this process has pulled and not
	// yet acknowledged or handed back; MaxInFlight is its peak.
	InFlight, MaxInFlight atomic.Int64
	// Process is the time from receiving a message to acknowledging it.
	Process Histogram
	// StoreWrite is the time of the ledger write (the PostgreSQL commit).
	StoreWrite Histogram
	// Commit is the committer's time per article (ordered stages + PutArticle).
	Commit Histogram
	// Queue reports, at scrape time, the messages not yet delivered to any
	// worker and those delivered but unacknowledged.
	Queue func(ctx context.Context) (pending, ackPending int64, err error)
	// Ledger reports, at scrape time, the committer's backlog (recorded,
	// not yet committed) and the watermark.
	Ledger func(ctx context.Context) (backlog, watermark int64, err error)
}

// Histogram is a cumulative latency histogram with fixed buckets from 1 ms
// to 30 s, safe for concurrent use. The zero value is ready.
type Histogram struct {
	counts [len(buckets) + 1]atomic.Int64
	sumNs  atomic.Int64
}

var buckets = [...]float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// Observe records one duration.
func (h *Histogram) Observe(d time.Duration) {
	s := d.Seconds()
	i := 0
	for i < len(buckets) && s > buckets[i] {
		i++
	}
	h.counts[i].Add(1)
	h.sumNs.Add(int64(d))
}

// Count returns the number of observations.
func (h *Histogram) Count() int64 {
	var n int64
	for i := range h.counts {
		n += h.counts[i].Load()
	}
	return n
}

// Mean returns the mean observed duration (0 before any).
func (h *Histogram) Mean() time.Duration {
	n := h.Count()
	if n == 0 {
		return 0
	}
	return time.Duration(h.sumNs.Load() / n)
}

func (h *Histogram) write(w io.Writer, name, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	var cum int64
	for i, b := range buckets {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", name, strconv.FormatFloat(b, 'g', -1, 64), cum)
	}
	cum += h.counts[len(buckets)].Load()
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", name, cum, name, float64(h.sumNs.Load())/1e9, name, cum)
}

func metric(w io.Writer, name, typ, help string, v float64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", name, help, name, typ, name, strconv.FormatFloat(v, 'g', -1, 64))
}

// ServeHTTP writes the metrics.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.WriteTo(r.Context(), w)
}

// WriteTo writes the metrics in the Prometheus text format.
func (m *Metrics) WriteTo(ctx context.Context, w io.Writer) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if m.Queue != nil {
		if p, ap, err := m.Queue(ctx); err == nil {
			metric(w, "dateline_queue_pending_messages", "gauge", "Documents in the stream not yet delivered to a worker.", float64(p))
			metric(w, "dateline_queue_ack_pending_messages", "gauge", "Documents delivered to workers and not yet acknowledged.", float64(ap))
		}
	}
	if m.Ledger != nil {
		if b, wm, err := m.Ledger(ctx); err == nil {
			metric(w, "dateline_queue_staged_messages", "gauge", "Processed documents waiting for the committer.", float64(b))
			metric(w, "dateline_queue_watermark", "gauge", "Stream sequence up to which every document is committed.", float64(wm))
		}
	}
	metric(w, "dateline_worker_acks_total", "counter", "Messages acknowledged after their outcome was recorded.", float64(m.Acked.Load()))
	metric(w, "dateline_worker_naks_total", "counter", "Messages handed back for redelivery.", float64(m.Naked.Load()))
	metric(w, "dateline_worker_failed_total", "counter", "Documents whose processing failed.", float64(m.Failed.Load()))
	metric(w, "dateline_worker_duplicates_total", "counter", "Documents found already stored.", float64(m.Duplicates.Load()))
	metric(w, "dateline_worker_redelivered_total", "counter", "Messages received more than once.", float64(m.Redelivered.Load()))
	metric(w, "dateline_worker_in_flight_messages", "gauge", "Messages pulled by this process and not yet acknowledged.", float64(m.InFlight.Load()))
	metric(w, "dateline_committer_articles_total", "counter", "Articles committed by this process.", float64(m.Committed.Load()))
	m.Process.write(w, "dateline_worker_process_seconds", "Time from receiving a message to acknowledging it.")
	m.StoreWrite.write(w, "dateline_worker_store_write_seconds", "Time of the PostgreSQL write of one outcome.")
	m.Commit.write(w, "dateline_committer_commit_seconds", "Committer time per article (ordered stages and store write).")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	metric(w, "go_memstats_heap_alloc_bytes", "gauge", "Bytes of allocated heap objects.", float64(ms.HeapAlloc))
	metric(w, "go_goroutines", "gauge", "Number of goroutines.", float64(runtime.NumGoroutine()))
	if rss := RSS(); rss > 0 {
		metric(w, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", float64(rss))
	}
}

// RSS returns the process's resident set size in bytes from
// /proc/self/status (0 where unavailable).
func RSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}
