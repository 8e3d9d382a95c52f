package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// host is the politeness state of one host (scheme://host:port).
type host struct {
	slots chan struct{} // PerHost tokens
	mu    sync.Mutex
	next  time.Time // no request before this
	fails int       // consecutive failures
	// robots is the parsed robots.txt; nil until fetched.
	robots      *robotstxt.RobotsData
	robotsUntil time.Time
}

// fetched is a response read under the limits.
type fetched struct {
	status      int
	header      http.Header
	contentType string
	body        []byte
	finalURL    string
}

func (w *Watcher) host(u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	w.mu.Lock()
	defer w.mu.Unlock()
	h := w.hosts[key]
	if h == nil {
		h = &host{slots: make(chan struct{}, w.PerHost)}
		w.hosts[key] = h
	}
	return h
}

// get fetches rawURL politely: robots.txt checked, a host slot taken, the
// host's delay and backoff waited out, the body capped.
func (w *Watcher) get(ctx context.Context, rawURL string, hdr http.Header) (*fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("bad URL %q", rawURL)
	}
	h := w.host(u)
	delay, err := w.robotsCheck(ctx, h, u)
	if err != nil {
		return nil, err
	}
	return w.request(ctx, h, u, hdr, delay)
}

// request waits for a slot and the host's next allowed time, then does
// the request and updates the host's backoff.
func (w *Watcher) request(ctx context.Context, h *host, u *url.URL, hdr http.Header, delay time.Duration) (*fetched, error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.slots }()
	h.mu.Lock()
	wait := time.Until(h.next)
	h.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
	res, err := w.do(ctx, u, hdr)
	h.mu.Lock()
	defer h.mu.Unlock()
	next := time.Now().Add(delay)
	if err != nil || res.status >= 500 || res.status == http.StatusTooManyRequests {
		h.fails++
		back := w.Backoff << min(h.fails-1, 20)
		if back > w.MaxBackoff || back <= 0 {
			back = w.MaxBackoff
		}
		next = time.Now().Add(max(back, delay))
		if h.fails > 1 {
			w.Log.Warn("host backing off", "host", u.Host, "failures", h.fails, "wait", back)
		}
	} else {
		h.fails = 0
	}
	h.next = next
	return res, err
}

// do makes one GET and reads the body under the cap.
func (w *Watcher) do(ctx context.Context, u *url.URL, hdr http.Header) (*fetched, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", w.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
	resp, err := w.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && ue.Err != nil && !ue.Timeout() && ctx.Err() == nil && isRedirectErr(ue.Err) {
			return nil, fmt.Errorf("%w: %v", errRedirect, ue.Err)
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.ContentLength > w.MaxBody {
		return nil, fmt.Errorf("%w: Content-Length %d > %d", errTooLarge, resp.ContentLength, w.MaxBody)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > w.MaxBody {
		return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, w.MaxBody)
	}
	if body, err = maybeGunzip(body, w.MaxBody); err != nil {
		return nil, err
	}
	return &fetched{
		status:      resp.StatusCode,
		header:      resp.Header,
		contentType: resp.Header.Get("Content-Type"),
		body:        body,
		finalURL:    resp.Request.URL.String(),
	}, nil
}

func isRedirectErr(err error) bool {
	s := err.Error()
	return strings.Contains(s, "redirect loop") || strings.Contains(s, "redirects")
}

// robotsCheck fetches the host's robots.txt when not cached (for a day)
// and reports whether u may be fetched, with the delay to keep.
func (w *Watcher) robotsCheck(ctx context.Context, h *host, u *url.URL) (time.Duration, error) {
	h.mu.Lock()
	r, fresh := h.robots, time.Now().Before(h.robotsUntil)
	h.mu.Unlock()
	if r == nil || !fresh {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		res, err := w.request(ctx, h, ru, nil, w.Delay)
		var status int
		var body []byte
		switch {
		case err != nil && ctx.Err() != nil:
			return 0, ctx.Err()
		case err != nil:
			// Unreachable robots.txt: treat as a server error, which
			// robotstxt reads as "disallow all" for now.
			w.Log.Warn("robots.txt unreachable", "host", u.Host, "err", err)
			status = http.StatusServiceUnavailable
		default:
			status, body = res.status, res.body
		}
		r, err = robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			w.Log.Warn("robots.txt unreadable, allowing all", "host", u.Host, "err", err)
			r, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
		ttl := 24 * time.Hour
		if status >= 500 {
			ttl = w.Backoff // retry soon
		}
		h.mu.Lock()
		h.robots, h.robotsUntil = r, time.Now().Add(ttl)
		h.mu.Unlock()
	}
	g := r.FindGroup(w.UserAgent)
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "" {
		path = "/"
	}
	if !g.Test(path) {
		return 0, fmt.Errorf("%w: %s", errDisallowed, u)
	}
	return max(w.Delay, g.CrawlDelay), nil
}
