// Package server is Dateline's HTTP face: a JSON API under /api/v1
// (described by the OpenAPI 3 document at /api/v1/openapi.json), a web UI
// rendered on the server from embedded templates and assets, an Atom feed
// and webhooks for watchlists, /healthz and Prometheus /metrics.
//
// Security: the command binds to localhost by default; endpoints that
// change state (ingest, watchlists) need the operator's bearer token
// (compared in constant time); every page is rendered with html/template,
// so article text is escaped; responses carry a strict
// Content-Security-Policy (no inline script or style); request bodies are
// size-limited and each client is rate-limited by a token bucket.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"dateline/entity"
	"dateline/model"
	"dateline/store"
)

// IngestFunc runs documents through the pipeline into the store; the
// command wires it to the same pipeline as `dateline ingest`.
type IngestFunc func(ctx context.Context, docs []*model.Document) (IngestResult, error)

// IngestResult counts what an ingest request did.
type IngestResult struct {
	Read       int64 `json:"documents_read"`
	Articles   int64 `json:"articles"`
	Duplicates int64 `json:"duplicates_skipped"`
	Errors     int64 `json:"errors"`
}

// Config configures a Server. Only Store is required.
type Config struct {
	Store store.Store
	// KB, when set, resolves query words to entities and their names in
	// other languages (cross-lingual search).
	KB *entity.KB
	// Token is the bearer token state-changing endpoints require; when
	// empty they answer 401 to everyone.
	Token string
	// Ingest, when set, serves POST /api/v1/documents.
	Ingest IngestFunc
	// Log receives one line per request and errors; nil discards.
	Log *slog.Logger
	// Metrics collects the figures /metrics serves; nil makes a new one.
	Metrics *Metrics
	// RateLimit is the sustained requests per second allowed per client
	// address (0 means 50; negative disables limiting); Burst is the
	// bucket size (0 means 2 × RateLimit).
	RateLimit float64
	Burst     int
	// MaxBody caps request bodies of ingest in bytes (0 means 8 MiB);
	// other bodies are capped at 64 KiB.
	MaxBody int64
	// WebhookPoll is how often new articles are checked against
	// watchlists (0 means 5 s); WebhookBackoff is the first retry delay
	// of a failed delivery, doubled on each of up to WebhookAttempts
	// attempts (0 means 1 s and 6).
	WebhookPoll     time.Duration
	WebhookBackoff  time.Duration
	WebhookAttempts int
	// Client sends webhooks; nil means a client with a 10 s timeout.
	Client *http.Client
}

// Server serves the API and the UI.
type Server struct {
	cfg     Config
	log     *slog.Logger
	metrics *Metrics
	limiter *limiter
	handler http.Handler
	ui      *ui
	openapi []byte
	watchMu sync.Mutex // serialises watchlist read-modify-write
	wg      sync.WaitGroup
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = 50
	}
	if cfg.Burst <= 0 {
		cfg.Burst = int(2 * cfg.RateLimit)
		if cfg.Burst < 1 {
			cfg.Burst = 1
		}
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.WebhookPoll <= 0 {
		cfg.WebhookPoll = 5 * time.Second
	}
	if cfg.WebhookBackoff <= 0 {
		cfg.WebhookBackoff = time.Second
	}
	if cfg.WebhookAttempts <= 0 {
		cfg.WebhookAttempts = 6
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	s := &Server{cfg: cfg, log: cfg.Log, metrics: cfg.Metrics}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.metrics == nil {
		s.metrics = &Metrics{}
	}
	if cfg.RateLimit > 0 {
		s.limiter = newLimiter(cfg.RateLimit, cfg.Burst)
	}
	u, err := newUI(s)
	if err != nil {
		return nil, err
	}
	s.ui = u
	s.openapi = OpenAPI()
	s.handler = s.routes()
	return s, nil
}

// Metrics returns the server's metrics, for feeding queue depths.
func (s *Server) Metrics() *Metrics { return s.metrics }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ListenAndServe serves on addr until ctx is cancelled, then shuts down
// gracefully (in-flight requests get up to 10 s). It also runs the
// webhook notifier. ready, when not nil, is called with the bound address.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln, ready)
}

// Serve is ListenAndServe on a listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(net.Addr)) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	nctx, stopNotify := context.WithCancel(ctx)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.notifyLoop(nctx)
	}()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String())
	if ready != nil {
		ready(ln.Addr())
	}
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = hs.Shutdown(sctx)
		cancel()
		<-errc
	}
	stopNotify()
	s.wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// routes builds the handler tree.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.apiHandler(h))
	}
	api("GET /api/v1/search", s.apiSearch)
	api("GET /api/v1/articles", s.apiArticles)
	api("GET /api/v1/articles/{id}", s.apiArticle)
	api("GET /api/v1/articles/{id}/briefs", s.apiBriefs)
	api("GET /api/v1/entities", s.apiEntities)
	api("GET /api/v1/entities/{id}", s.apiEntity)
	api("GET /api/v1/events", s.apiEvents)
	api("GET /api/v1/clusters", s.apiClusters)
	api("GET /api/v1/clusters/{id}", s.apiCluster)
	api("GET /api/v1/stories", s.apiStories)
	api("GET /api/v1/stories/{id}", s.apiStory)
	api("GET /api/v1/dyads/{a}/{b}", s.apiDyad)
	api("GET /api/v1/stats", s.apiStats)
	api("GET /api/v1/export/articles", s.apiExportArticles)
	api("GET /api/v1/export/events", s.apiExportEvents)
	api("GET /api/v1/feed", s.apiFeed)
	api("GET /api/v1/openapi.json", s.apiOpenAPI)
	api("GET /api/v1/watchlists/{id}/feed", s.apiWatchlistFeed)
	api("POST /api/v1/documents", s.auth(s.apiIngest))
	api("GET /api/v1/watchlists", s.auth(s.apiWatchlists))
	api("POST /api/v1/watchlists", s.auth(s.apiCreateWatchlist))
	api("GET /api/v1/watchlists/{id}", s.auth(s.apiWatchlist))
	api("DELETE /api/v1/watchlists/{id}", s.auth(s.apiDeleteWatchlist))
	api("/api/", func(w http.ResponseWriter, r *http.Request) error {
		return errNotFoundf("no such endpoint: %s %s", r.Method, r.URL.Path)
	})
	api("GET /healthz", s.apiHealth)
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	s.ui.register(mux)
	return s.middleware(mux)
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += int64(n)
	return n, err
}

// Flush lets streaming handlers flush through the wrapper.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// contentSecurityPolicy allows only the server's own scripts, styles and
// images: no inline script, no inline style, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// middleware adds security headers, rate limiting, panic recovery,
// metrics and a log line per request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(p))
				if sw.status == 0 {
					writeError(sw, errInternal(fmt.Errorf("internal error")))
				}
			}
			route := r.Pattern
			if route == "" {
				route = "other"
			}
			d := time.Since(start)
			s.metrics.observe(route, sw.status, d)
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status,
				"bytes", sw.size, "ms", float64(d.Microseconds())/1000, "client", clientAddr(r))
		}()
		if s.limiter != nil && !s.limiter.allow(clientAddr(r), start) {
			sw.Header().Set("Retry-After", "1")
			writeError(sw, &apiError{Status: http.StatusTooManyRequests, Code: "rate_limited", Message: "too many requests; slow down"})
			return
		}
		next.ServeHTTP(sw, r)
	})
}

// clientAddr is the client's IP address (the connection's; proxies'
// headers are not trusted).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// auth wraps a handler that changes state: it needs the bearer token.
func (s *Server) auth(h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if s.cfg.Token == "" || !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
			if s.cfg.Token == "" {
				return &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "this server has no token configured; state-changing endpoints are disabled"}
			}
			return &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "missing or wrong bearer token"}
		}
		return h(w, r)
	}
}
