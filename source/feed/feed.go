// Package feed watches RSS and Atom feeds and fetches the article pages
// they announce, politely: conditional GET for feeds (ETag and
// Last-Modified), robots.txt obeyed, a delay between requests to one host
// and a cap on requests in flight per host, exponential backoff for hosts
// that fail, a User-Agent naming the tool, and hard limits on body size,
// redirects and time. What was polled and fetched is kept in a State (the
// store, in the dateline command), so a restart fetches nothing twice;
// fetched pages go to a Sink as model.Documents.
package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"dateline/model"
)

// DefaultUserAgent names the tool in every request.
const DefaultUserAgent = "Dateline/0.1 (+https://example.invalid/dateline)"

// FeedState is what is remembered about one feed between polls.
type FeedState struct {
	URL string `json:"url"`
	// ETag and LastModified are the validators of the last 200 response,
	// sent back as If-None-Match and If-Modified-Since.
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled,omitempty"`
	// Failures counts consecutive failed polls.
	Failures int `json:"failures,omitempty"`
}

// State keeps what the watcher has seen, so that a restart fetches nothing
// twice. Implementations must be safe for concurrent use.
type State interface {
	// Feed returns the saved state of a feed; a feed never saved gives a
	// FeedState with only URL set and a nil error.
	Feed(ctx context.Context, feedURL string) (FeedState, error)
	// SaveFeed saves a feed's state.
	SaveFeed(ctx context.Context, s FeedState) error
	// Seen reports whether an article URL was fetched (or given up on).
	Seen(ctx context.Context, articleURL string) (bool, error)
	// MarkSeen records an article URL as done.
	MarkSeen(ctx context.Context, articleURL string) error
}

// Sink receives fetched article pages.
type Sink interface {
	Ingest(ctx context.Context, doc model.Document) error
}

// Watcher polls feeds and fetches their new articles. Set State and Sink;
// every other field has a working default.
type Watcher struct {
	State State
	Sink  Sink
	// Client makes the requests; nil means one with Timeout and the
	// redirect limit. A given client's CheckRedirect is replaced.
	Client *http.Client
	// UserAgent defaults to DefaultUserAgent.
	UserAgent string
	// Delay is the pause between two requests to one host (default 1s);
	// a longer robots.txt Crawl-delay wins.
	Delay time.Duration
	// PerHost caps requests in flight per host (default 1).
	PerHost int
	// Workers caps requests in flight overall (default 8).
	Workers int
	// Timeout bounds one request, body included (default 30s).
	Timeout time.Duration
	// MaxBody caps a feed or page body (default 10 MiB); larger ones are
	// refused.
	MaxBody int64
	// MaxRedirects caps the redirects followed per request (default 5).
	MaxRedirects int
	// Backoff is the first wait after a host fails, doubled per further
	// consecutive failure up to MaxBackoff (defaults 5s and 1h).
	Backoff, MaxBackoff time.Duration
	// Interval is the time between passes in Run (default 15 min).
	Interval time.Duration
	// Log receives one line per fault; nil means slog.Default().
	Log *slog.Logger

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
}

// Stats counts what one pass did.
type Stats struct {
	Feeds       int `json:"feeds"`
	NotModified int `json:"not_modified"`
	FeedErrors  int `json:"feed_errors"`
	Items       int `json:"items"`
	New         int `json:"new"`
	Ingested    int `json:"ingested"`
	PageErrors  int `json:"page_errors"`
	Disallowed  int `json:"disallowed"`
}

func (w *Watcher) init() {
	w.once.Do(func() {
		if w.UserAgent == "" {
			w.UserAgent = DefaultUserAgent
		}
		if w.Delay == 0 {
			w.Delay = time.Second
		}
		if w.PerHost <= 0 {
			w.PerHost = 1
		}
		if w.Workers <= 0 {
			w.Workers = 8
		}
		if w.Timeout <= 0 {
			w.Timeout = 30 * time.Second
		}
		if w.MaxBody <= 0 {
			w.MaxBody = 10 << 20
		}
		if w.MaxRedirects <= 0 {
			w.MaxRedirects = 5
		}
		if w.Backoff <= 0 {
			w.Backoff = 5 * time.Second
		}
		if w.MaxBackoff <= 0 {
			w.MaxBackoff = time.Hour
		}
		if w.Interval <= 0 {
			w.Interval = 15 * time.Minute
		}
		if w.Log == nil {
			w.Log = slog.Default()
		}
		c := http.Client{Timeout: w.Timeout}
		if w.Client != nil {
			c = *w.Client
			if c.Timeout == 0 {
				c.Timeout = w.Timeout
			}
		}
		max := w.MaxRedirects
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("redirect loop at %s", req.URL)
				}
			}
			if len(via) > max {
				return fmt.Errorf("more than %d redirects", max)
			}
			req.Header.Set("User-Agent", w.UserAgent)
			return nil
		}
		w.client = &c
		w.hosts = map[string]*host{}
	})
}

// Run polls the feeds every Interval until ctx ends.
func (w *Watcher) Run(ctx context.Context, feeds []string) error {
	w.init()
	for {
		st, err := w.Poll(ctx, feeds)
		if err != nil {
			return err
		}
		w.Log.Info("watch pass done", "feeds", st.Feeds, "new", st.New, "ingested", st.Ingested, "errors", st.FeedErrors+st.PageErrors)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(w.Interval):
		}
	}
}

// job is one article page to fetch.
type job struct {
	url  string
	item *gofeed.Item
	lang string
}

// Poll makes one pass: polls every feed, then fetches and ingests the
// articles not seen before. Faults of single feeds or pages are logged and
// counted, not returned; the error is for the context ending or the State
// or Sink failing.
func (w *Watcher) Poll(ctx context.Context, feeds []string) (Stats, error) {
	w.init()
	var st Stats
	var mu sync.Mutex
	var fatal error
	setFatal := func(err error) {
		mu.Lock()
		if fatal == nil {
			fatal = err
		}
		mu.Unlock()
	}
	var jobs []job
	queued := map[string]bool{}
	parallel(ctx, w.Workers, len(feeds), func(i int) {
		items, lang, err := w.pollFeed(ctx, feeds[i], &st, &mu)
		if err != nil {
			setFatal(err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		for _, it := range items {
			u := resolveLink(feeds[i], it.Link)
			if u == "" || queued[u] {
				continue
			}
			queued[u] = true
			jobs = append(jobs, job{url: u, item: it, lang: lang})
		}
	})
	if fatal != nil {
		return st, fatal
	}
	// Drop what was seen before.
	var fresh []job
	for _, j := range jobs {
		seen, err := w.State.Seen(ctx, j.url)
		if err != nil {
			return st, fmt.Errorf("watch: state: %w", err)
		}
		if !seen {
			fresh = append(fresh, j)
		}
	}
	st.New = len(fresh)
	parallel(ctx, w.Workers, len(fresh), func(i int) {
		if err := w.fetchArticle(ctx, fresh[i], &st, &mu); err != nil {
			setFatal(err)
		}
	})
	if fatal != nil {
		return st, fatal
	}
	return st, ctx.Err()
}

// parallel runs f(0..n-1) on at most k goroutines.
func parallel(ctx context.Context, k, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(k, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// pollFeed fetches and parses one feed. Faults are logged and counted.
func (w *Watcher) pollFeed(ctx context.Context, feedURL string, st *Stats, mu *sync.Mutex) ([]*gofeed.Item, string, error) {
	fs, err := w.State.Feed(ctx, feedURL)
	if err != nil {
		return nil, "", fmt.Errorf("watch: state of %s: %w", feedURL, err)
	}
	fs.URL = feedURL
	count := func(f func()) { mu.Lock(); f(); mu.Unlock() }
	count(func() { st.Feeds++ })
	hdr := http.Header{}
	if fs.ETag != "" {
		hdr.Set("If-None-Match", fs.ETag)
	}
	if fs.LastModified != "" {
		hdr.Set("If-Modified-Since", fs.LastModified)
	}
	res, err := w.get(ctx, feedURL, hdr)
	fs.LastPolled = time.Now().UTC()
	if err == nil && res.status != http.StatusNotModified && (res.status < 200 || res.status > 299) {
		err = &statusError{res.status}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, "", nil
		}
		fs.Failures++
		count(func() { st.FeedErrors++ })
		if errors.Is(err, errDisallowed) {
			count(func() { st.Disallowed++ })
		}
		w.Log.Warn("feed fetch failed", "feed", feedURL, "err", err)
		return nil, "", w.saveFeed(ctx, fs)
	}
	if res.status == http.StatusNotModified {
		count(func() { st.NotModified++ })
		w.Log.Debug("feed not modified", "feed", feedURL)
		fs.Failures = 0
		return nil, "", w.saveFeed(ctx, fs)
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(res.body))
	if err != nil {
		fs.Failures++
		count(func() { st.FeedErrors++ })
		w.Log.Warn("feed unreadable", "feed", feedURL, "content_type", res.contentType, "err", err)
		return nil, "", w.saveFeed(ctx, fs)
	}
	fs.Failures = 0
	fs.ETag = res.header.Get("ETag")
	fs.LastModified = res.header.Get("Last-Modified")
	count(func() { st.Items += len(parsed.Items) })
	return parsed.Items, parsed.Language, w.saveFeed(ctx, fs)
}

func (w *Watcher) saveFeed(ctx context.Context, fs FeedState) error {
	if err := w.State.SaveFeed(ctx, fs); err != nil {
		return fmt.Errorf("watch: save state of %s: %w", fs.URL, err)
	}
	return nil
}

// fetchArticle fetches one page and hands it to the sink. A page that
// cannot be had for good (4xx, not HTML, too large, redirect loop,
// disallowed) is marked seen so it is not tried again; transient faults
// (5xx, timeouts, network) are retried on the next pass.
func (w *Watcher) fetchArticle(ctx context.Context, j job, st *Stats, mu *sync.Mutex) error {
	count := func(f func()) { mu.Lock(); f(); mu.Unlock() }
	res, err := w.get(ctx, j.url, nil)
	if err == nil && (res.status < 200 || res.status > 299) {
		err = &statusError{res.status}
	}
	if err == nil && !isHTML(res.contentType, res.body) {
		err = fmt.Errorf("%w: %q", errNotHTML, res.contentType)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		count(func() { st.PageErrors++ })
		if errors.Is(err, errDisallowed) {
			count(func() { st.Disallowed++ })
		}
		permanent := isPermanent(err)
		w.Log.Warn("article fetch failed", "url", j.url, "err", err, "retry", !permanent)
		if permanent {
			return w.markSeen(ctx, j.url)
		}
		return nil
	}
	doc := model.Document{
		Source:  j.url,
		URL:     res.finalURL,
		Format:  model.FormatHTML,
		Content: string(toUTF8(res.body, res.contentType)),
		Lang:    normLang(j.lang),
		Fetched: model.Time{Time: time.Now().UTC()},
	}
	if j.item != nil {
		doc.Title = strings.TrimSpace(j.item.Title)
		if p := j.item.PublishedParsed; p != nil {
			doc.Published = model.Time{Time: *p}
		}
	}
	if err := w.Sink.Ingest(ctx, doc); err != nil {
		return fmt.Errorf("watch: ingest %s: %w", j.url, err)
	}
	count(func() { st.Ingested++ })
	if err := w.markSeen(ctx, j.url); err != nil {
		return err
	}
	if res.finalURL != j.url {
		return w.markSeen(ctx, res.finalURL)
	}
	return nil
}

func (w *Watcher) markSeen(ctx context.Context, u string) error {
	if err := w.State.MarkSeen(ctx, u); err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	return nil
}

var (
	errNotHTML    = errors.New("not an HTML page")
	errTooLarge   = errors.New("body over the size cap")
	errDisallowed = errors.New("disallowed by robots.txt")
	errRedirect   = errors.New("redirects")
)

type statusError struct{ code int }

func (e *statusError) Error() string { return fmt.Sprintf("HTTP status %d", e.code) }

func isPermanent(err error) bool {
	var se *statusError
	if errors.As(err, &se) {
		return se.code >= 400 && se.code < 500 && se.code != http.StatusTooManyRequests && se.code != http.StatusRequestTimeout
	}
	return errors.Is(err, errNotHTML) || errors.Is(err, errTooLarge) || errors.Is(err, errDisallowed) || errors.Is(err, errRedirect)
}

// resolveLink makes an item link absolute against the feed URL and drops
// its fragment; "" when it is no http(s) URL.
func resolveLink(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func isHTML(contentType string, body []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// toUTF8 decodes a page by the charset its header, BOM or <meta> name.
func toUTF8(body []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	return out
}

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

// maybeGunzip decompresses a body a server sent gzipped without saying so.
func maybeGunzip(b []byte, limit int64) ([]byte, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return b, nil
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, errTooLarge
	}
	return out, nil
}

func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return s
}
