package server

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds (seconds) of the request latency
// histogram.
var latencyBuckets = [...]float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics holds the figures served at /metrics in the Prometheus text
// format. The zero value is ready to use; it is safe for concurrent use.
// Queue consumers (the NATS worker) feed SetQueueDepth; ingest feeds
// AddIngested.
type Metrics struct {
	mu       sync.Mutex
	requests map[reqKey]uint64
	latency  map[string]*histogram
	ingested map[string]uint64
	queues   map[string]float64
	webhooks map[string]uint64
}

type reqKey struct {
	route string
	code  int
}

type histogram struct {
	counts [len(latencyBuckets)]uint64
	count  uint64
	sum    float64
}

func (m *Metrics) observe(route string, code int, d time.Duration) {
	if code == 0 {
		code = http.StatusOK
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.requests == nil {
		m.requests = map[reqKey]uint64{}
		m.latency = map[string]*histogram{}
	}
	m.requests[reqKey{route, code}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{}
		m.latency[route] = h
	}
	sec := d.Seconds()
	for i, b := range latencyBuckets {
		if sec <= b {
			h.counts[i]++
		}
	}
	h.count++
	h.sum += sec
}

// AddIngested counts n documents that ended with result ("article",
// "duplicate", "error").
func (m *Metrics) AddIngested(result string, n int64) {
	if n <= 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ingested == nil {
		m.ingested = map[string]uint64{}
	}
	m.ingested[result] += uint64(n)
}

// SetQueueDepth records how many items wait in a named queue.
func (m *Metrics) SetQueueDepth(queue string, n int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.queues == nil {
		m.queues = map[string]float64{}
	}
	m.queues[queue] = float64(n)
}

func escLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// WriteTo writes the metrics in the Prometheus text exposition format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	b.WriteString("# HELP dateline_http_requests_total HTTP requests by route pattern and status code.\n# TYPE dateline_http_requests_total counter\n")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].code < keys[j].code
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "dateline_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", escLabel(k.route), k.code, m.requests[k])
	}
	b.WriteString("# HELP dateline_http_request_duration_seconds HTTP request latency by route pattern.\n# TYPE dateline_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		for i, ub := range latencyBuckets {
			fmt.Fprintf(&b, "dateline_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %d\n", escLabel(r), strconv.FormatFloat(ub, 'g', -1, 64), h.counts[i])
		}
		fmt.Fprintf(&b, "dateline_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", escLabel(r), h.count)
		fmt.Fprintf(&b, "dateline_http_request_duration_seconds_sum{route=\"%s\"} %g\n", escLabel(r), h.sum)
		fmt.Fprintf(&b, "dateline_http_request_duration_seconds_count{route=\"%s\"} %d\n", escLabel(r), h.count)
	}
	b.WriteString("# HELP dateline_ingested_documents_total Documents ingested through the API by result.\n# TYPE dateline_ingested_documents_total counter\n")
	for _, k := range sortedKeys(m.ingested) {
		fmt.Fprintf(&b, "dateline_ingested_documents_total{result=\"%s\"} %d\n", escLabel(k), m.ingested[k])
	}
	b.WriteString("# HELP dateline_queue_depth Items waiting in a queue.\n# TYPE dateline_queue_depth gauge\n")
	for _, k := range sortedKeys(m.queues) {
		fmt.Fprintf(&b, "dateline_queue_depth{queue=\"%s\"} %g\n", escLabel(k), m.queues[k])
	}
	b.WriteString("# HELP dateline_webhook_deliveries_total Webhook deliveries by result.\n# TYPE dateline_webhook_deliveries_total counter\n")
	for _, k := range sortedKeys(m.webhooks) {
		fmt.Fprintf(&b, "dateline_webhook_deliveries_total{result=\"%s\"} %d\n", escLabel(k), m.webhooks[k])
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.WriteTo(w)
}

func (m *Metrics) addWebhook(result string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.webhooks == nil {
		m.webhooks = map[string]uint64{}
	}
	m.webhooks[result]++
}
