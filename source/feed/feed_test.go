package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/model"
)

// memState is an in-memory State for tests only.
type memState struct {
	mu    sync.Mutex
	feeds map[string]FeedState
	seen  map[string]bool
}

func newMemState() *memState {
	return &memState{feeds: map[string]FeedState{}, seen: map[string]bool{}}
}

func (m *memState) Feed(_ context.Context, u string) (FeedState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.feeds[u]; ok {
		return s, nil
	}
	return FeedState{URL: u}, nil
}

func (m *memState) SaveFeed(_ context.Context, s FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[s.URL] = s
	return nil
}

func (m *memState) Seen(_ context.Context, u string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen[u], nil
}

func (m *memState) MarkSeen(_ context.Context, u string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen[u] = true
	return nil
}

// memSink collects ingested documents.
type memSink struct {
	mu   sync.Mutex
	docs []model.Document
}

func (s *memSink) Ingest(_ context.Context, d model.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs = append(s.docs, d)
	return nil
}

// testServer serves feeds, pages and faults, and logs every request.
type testServer struct {
	*httptest.Server
	mu  sync.Mutex
	log []string // "METHOD PATH STATUS UA"
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(c int) { r.status = c; r.ResponseWriter.WriteHeader(c) }

func (s *testServer) requests(prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, l := range s.log {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

func page(title, body string) string {
	return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + body + "</p></article></body></html>"
}

func newTestServer(t *testing.T) *testServer {
	ts := &testServer{}
	mux := http.NewServeMux()
	const lastMod = "Mon, 04 Mar 2024 10:00:00 GMT"
	rss := func(base string) string {
		return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><language>nl-NL</language>` +
			`<item><title>One</title><link>` + base + `/a1</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0100</pubDate></item>` +
			`<item><title>One again</title><link>` + base + `/a1#comments</link></item>` +
			`<item><title>Latin</title><link>` + base + `/a2</link></item>` +
			`<item><title>Gzip</title><link>` + base + `/a3</link></item>` +
			`<item><title>Private</title><link>` + base + `/private/x</link></item>` +
			`<item><title>Error</title><link>` + base + `/err500</link></item>` +
			`<item><title>Slow</title><link>` + base + `/slow</link></item>` +
			`<item><title>Loop</title><link>` + base + `/loop</link></item>` +
			`<item><title>Big</title><link>` + base + `/big</link></item>` +
			`<item><title>PDF</title><link>` + base + `/doc.pdf</link></item>` +
			`<item><title>Gone</title><link>` + base + `/gone</link></item>` +
			`</channel></rss>`
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, rss(ts.URL))
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "text/plain") // wrong, but a feed
		io.WriteString(w, `<?xml version="1.0" encoding="iso-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>`+
			"<entry><title>Caf\xe9</title><link href=\"/b1\"/><updated>2024-03-04T10:00:00Z</updated></entry></feed>")
	})
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, "<rss><channel><item><title>broken")
	})
	mux.HandleFunc("/feed500.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/a1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page("One", "First article."))
	})
	mux.HandleFunc("/a2", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		io.WriteString(w, page("Latin", "Caf\xe9 cr\xe8me."))
	})
	mux.HandleFunc("/a3", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, page("Gzip", "Compressed article."))
		zw.Close()
	})
	mux.HandleFunc("/b1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page("Atom", "From the Atom feed."))
	})
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("robots.txt disallowed path fetched")
	})
	mux.HandleFunc("/err500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		// 100 MB streamed, never allocated.
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</p>\n"), 1024)
		for sent := 0; sent < 100<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4")
	})
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		mux.ServeHTTP(rec, r)
		ts.mu.Lock()
		ts.log = append(ts.log, fmt.Sprintf("%s %s %d %s", r.Method, r.URL.Path, rec.status, r.UserAgent()))
		ts.mu.Unlock()
	}))
	t.Cleanup(ts.Close)
	return ts
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWatcherPoll(t *testing.T) {
	ts := newTestServer(t)
	state, sink := newMemState(), &memSink{}
	var logs syncBuffer
	w := &Watcher{
		State: state, Sink: sink,
		Delay: time.Millisecond, Backoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
		Timeout: 300 * time.Millisecond, MaxBody: 1 << 20, PerHost: 2, Workers: 4,
		Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	feeds := []string{ts.URL + "/feed.xml", ts.URL + "/atom.xml", ts.URL + "/bad.xml", ts.URL + "/feed500.xml"}
	ctx := context.Background()

	st, err := w.Poll(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Document{}
	for _, d := range sink.docs {
		if _, dup := got[d.Source]; dup {
			t.Errorf("%s ingested twice", d.Source)
		}
		got[d.Source] = d
	}
	want := map[string]string{"/a1": "First article.", "/a2": "Café crème.", "/a3": "Compressed article.", "/b1": "From the Atom feed."}
	if len(got) != len(want) {
		t.Errorf("ingested %d documents, want %d: %v", len(got), len(want), st)
	}
	for path, text := range want {
		d, ok := got[ts.URL+path]
		if !ok {
			t.Errorf("%s not ingested", path)
			continue
		}
		if !strings.Contains(d.Content, text) || d.Format != model.FormatHTML || d.Fetched.IsZero() {
			t.Errorf("%s: %+v", path, d)
		}
	}
	if d := got[ts.URL+"/a1"]; d.Title != "One" || d.Published.IsZero() || d.Lang != "nl" {
		t.Errorf("feed hints not carried: title %q published %v lang %q", d.Title, d.Published, d.Lang)
	}
	// Every fault leaves a clear log line.
	for _, line := range []string{
		`msg="feed unreadable" feed=` + ts.URL + `/bad.xml`,
		`msg="feed fetch failed" feed=` + ts.URL + `/feed500.xml`,
		`url=` + ts.URL + `/err500 err="HTTP status 500"`,
		`url=` + ts.URL + `/gone err="HTTP status 410"`,
		`url=` + ts.URL + `/slow`,
		`url=` + ts.URL + `/loop err="redirects: `,
		`url=` + ts.URL + `/big err="body over the size cap`,
		`url=` + ts.URL + `/doc.pdf err="not an HTML page`,
		`url=` + ts.URL + `/private/x err="disallowed by robots.txt`,
	} {
		if !strings.Contains(logs.String(), line) {
			t.Errorf("no log line with %q", line)
		}
	}
	for _, l := range ts.requests("GET") {
		if !strings.HasSuffix(l, DefaultUserAgent) {
			t.Errorf("request without the tool's User-Agent: %s", l)
		}
	}

	// Second pass: conditional GETs answer 304, no page is fetched again.
	before := len(ts.requests("GET"))
	st2, err := w.Poll(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.docs) != len(want) {
		t.Errorf("second pass ingested %d more documents", len(sink.docs)-len(want))
	}
	ts.mu.Lock()
	second := append([]string(nil), ts.log[before:]...)
	ts.mu.Unlock()
	var notModified int
	for _, l := range second {
		f := strings.Fields(l)
		switch f[1] {
		case "/feed.xml", "/atom.xml":
			if f[2] != "304" {
				t.Errorf("second pass: %s, want a 304", l)
			}
			notModified++
		case "/a1", "/a2", "/a3", "/b1", "/gone", "/loop", "/big", "/doc.pdf":
			t.Errorf("second pass fetched %s again", l)
		}
	}
	if notModified != 2 || st2.NotModified != 2 {
		t.Errorf("second pass: %d 304s in the server log, %d counted; want 2", notModified, st2.NotModified)
	}
	if st2.Ingested != 0 || st.Ingested != 4 {
		t.Errorf("stats: first %+v second %+v", st, st2)
	}
}

func TestReadList(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      bool
	}{
		{"lines", "# news\nhttps://a.example/feed\n\nhttps://b.example/rss.xml  comment\nhttps://a.example/feed\n", []string{"https://a.example/feed", "https://b.example/rss.xml"}, false},
		{"opml", `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="News"><outline type="rss" xmlUrl="https://a.example/feed"/><outline xmlUrl="https://c.example/atom"/></outline></body></opml>`, []string{"https://a.example/feed", "https://c.example/atom"}, false},
		{"bad url", "ftp://x.example/feed\n", nil, true},
		{"not opml", "<html><body/></html>", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadList(strings.NewReader(tc.in))
			if (err != nil) != tc.err {
				t.Fatalf("err = %v, want error %v", err, tc.err)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzReadList(f *testing.F) {
	f.Add("https://a.example/feed\n# c\n")
	f.Add(`<opml><body><outline xmlUrl="https://a.example/f"><outline xmlUrl="http://b.example/g"/></outline></body></opml>`)
	f.Fuzz(func(t *testing.T, s string) {
		urls, err := ReadList(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, u := range urls {
			if !strings.HasPrefix(u, "http") {
				t.Fatalf("non-http URL %q accepted", u)
			}
		}
	})
}

// FuzzFeedPoll serves fuzzed bytes as a feed and polls it: the watcher
// must not panic, and must fetch nothing but http(s) links on the server.
func FuzzFeedPoll(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><link>/p</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="x"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"/p"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/feed" {
				w.Write(body)
				return
			}
			io.WriteString(w, "<html><body><p>x</p></body></html>")
		}))
		defer srv.Close()
		w := &Watcher{State: newMemState(), Sink: &memSink{}, Delay: time.Microsecond, Timeout: time.Second, Workers: 2,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := w.Poll(ctx, []string{srv.URL + "/feed"}); err != nil && ctx.Err() == nil {
			t.Fatal(err)
		}
	})
}
