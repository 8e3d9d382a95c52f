package server

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dateline/entity"
	"dateline/model"
	"dateline/store"
	"dateline/store/sqlite"
)

const testToken = "test-token-0123456789abcdef"

// xssTitle and xssBody would run script if they were not escaped.
const (
	xssTitle = `Loekasjenko <script>window.__pwned=1</script> bezoekt China`
	xssBody  = `Tekst <img src=x onerror="window.__pwned=2"> en <svg onload="window.__pwned=3"></svg> "quotes" & 'apos' </p><a href="javascript:alert(1)">x</a>`
)

// fixture stores a few articles (one carrying XSS payloads), with
// entities, events, a cluster and a story.
func fixture(t *testing.T) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	luka := model.Entity{ID: "Q38789", Name: "Alexander Lukashenko", Type: model.PER, Kind: "person", Country: "BLR"}
	put := func(n int, edit func(a *model.Article)) {
		doc := &model.Document{Source: fmt.Sprintf("test/%d.txt", n), Format: model.FormatText, Content: fmt.Sprint("doc ", n)}
		a := &model.Article{Source: doc.Source, Lang: "nl", Agencies: []string{"ANP"}, Published: model.Date(2023, 2, 20+n),
			Briefs: []model.Brief{{Text: fmt.Sprintf("Teaser %d <b>bold</b>", n)}}}
		edit(a)
		if _, _, err := st.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	visit := model.Event{Type: "CONSULT", Source: model.Actor{Name: "Belarus", Country: "BLR", EntityID: luka.ID},
		Target: model.Actor{Name: "China", Country: "CHN"}, Date: "2023-02-28", Score: 1, Confidence: 0.8,
		Sources: []model.EventSource{{Sentence: "bezoek"}}}
	put(1, func(a *model.Article) {
		a.Title, a.Lead, a.Body = "President Belarus reist af naar China", "Aleksandr Loekasjenko brengt een bezoek aan China.", "Hij spreekt met Xi."
		off := len(a.Title) + 2
		a.Mentions = []model.Mention{{Text: "Aleksandr Loekasjenko", Type: model.PER, EntityID: luka.ID, Start: off, End: off + len("Aleksandr Loekasjenko")}}
		a.Entities = []model.Entity{luka}
		a.Events = []model.Event{visit}
		a.ClusterID, a.StoryID = 1, 1
	})
	put(2, func(a *model.Article) {
		a.Lang, a.Title, a.Lead, a.Body = "en", "Lukashenko visits Beijing", "Alexander Lukashenko will visit China.", ""
		a.Agencies = []string{"AFP"}
		a.Mentions = []model.Mention{{Text: "Alexander Lukashenko", Type: model.PER, EntityID: luka.ID, Start: 27, End: 47}}
		a.Entities = []model.Entity{luka}
		a.ClusterID, a.StoryID = 1, 1
	})
	put(3, func(a *model.Article) {
		a.Title, a.Lead, a.Body = xssTitle, "Een artikel met een aanval.", xssBody
	})
	return st
}

func newTestServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = fixture(t)
	}
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

type resp struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, method, url, token string, body io.Reader) resp {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}
}

// checkError asserts that r is the documented error JSON with status.
func checkError(t *testing.T, v *validator, r resp, status int, what string) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: status %d, want %d (%s)", what, r.status, status, r.body)
		return
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: content type %q", what, ct)
	}
	var body any
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Errorf("%s: not JSON: %q", what, r.body)
		return
	}
	if err := v.validate(body, map[string]any{"$ref": "#/components/schemas/ErrorBody"}, "error"); err != nil {
		t.Errorf("%s: %v", what, err)
	}
	if e, _ := body.(map[string]any)["error"].(map[string]any); e == nil || e["status"] != float64(status) {
		t.Errorf("%s: error body %s", what, r.body)
	}
}

func TestOpenAPIMatchesLiveResponses(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	doc := do(t, "GET", ts.URL+"/api/v1/openapi.json", "", nil)
	v, err := newValidator(doc.body)
	if err != nil || doc.status != 200 {
		t.Fatalf("openapi.json: %d %v", doc.status, err)
	}
	wl := do(t, "POST", ts.URL+"/api/v1/watchlists", testToken, strings.NewReader(`{"name":"Belarus","query":"Loekasjenko","entities":["Q38789"]}`))
	var created Watchlist
	json.Unmarshal(wl.body, &created)
	tests := []struct {
		name, method, path, url, token string
		status                         int
	}{
		{"search", "get", "/api/v1/search", "/api/v1/search?q=Lukashenko&facets=true", "", 200},
		{"search grouped", "get", "/api/v1/search", "/api/v1/search?q=China&group=story&facets=true", "", 200},
		{"search filters", "get", "/api/v1/search", "/api/v1/search?lang=nl&agency=ANP&country=BLR&type=CONSULT&from=2023-01-01&to=2023-12-31&sort=newest&limit=1", "", 200},
		{"search empty", "get", "/api/v1/search", "/api/v1/search?q=zeppelin", "", 200},
		{"search bad", "get", "/api/v1/search", "/api/v1/search?q=-only", "", 400},
		{"articles", "get", "/api/v1/articles", "/api/v1/articles?limit=2", "", 200},
		{"article", "get", "/api/v1/articles/{id}", "/api/v1/articles/1", "", 200},
		{"article missing", "get", "/api/v1/articles/{id}", "/api/v1/articles/999", "", 404},
		{"briefs", "get", "/api/v1/articles/{id}/briefs", "/api/v1/articles/1/briefs", "", 200},
		{"entities", "get", "/api/v1/entities", "/api/v1/entities", "", 200},
		{"entity", "get", "/api/v1/entities/{id}", "/api/v1/entities/Q38789", "", 200},
		{"events", "get", "/api/v1/events", "/api/v1/events?actor=BLR", "", 200},
		{"clusters", "get", "/api/v1/clusters", "/api/v1/clusters", "", 200},
		{"cluster", "get", "/api/v1/clusters/{id}", "/api/v1/clusters/1", "", 200},
		{"stories", "get", "/api/v1/stories", "/api/v1/stories", "", 200},
		{"story", "get", "/api/v1/stories/{id}", "/api/v1/stories/1", "", 200},
		{"dyad", "get", "/api/v1/dyads/{a}/{b}", "/api/v1/dyads/BLR/CHN?per=week", "", 200},
		{"stats", "get", "/api/v1/stats", "/api/v1/stats", "", 200},
		{"watchlists", "get", "/api/v1/watchlists", "/api/v1/watchlists", testToken, 200},
		{"watchlist", "get", "/api/v1/watchlists/{id}", "/api/v1/watchlists/" + created.ID, testToken, 200},
		{"watchlists no token", "get", "/api/v1/watchlists", "/api/v1/watchlists", "", 401},
		{"health", "get", "/healthz", "/healthz", "", 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, strings.ToUpper(tc.method), ts.URL+tc.url, tc.token, nil)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			s, err := v.responseSchema(tc.path, tc.method, tc.status)
			if err != nil {
				t.Fatal(err)
			}
			var body any
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if err := v.validate(body, s, "body"); err != nil {
				t.Errorf("response does not match the document: %v\n%s", err, r.body)
			}
		})
	}
	s, _ := v.responseSchema("/api/v1/watchlists", "post", 201)
	var body any
	json.Unmarshal(wl.body, &body)
	if wl.status != 201 || v.validate(body, s, "body") != nil {
		t.Errorf("create watchlist: %d %s", wl.status, wl.body)
	}
}

func TestSearchCrossLingual(t *testing.T) {
	kb, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Config{KB: kb})
	r := do(t, "GET", ts.URL+"/api/v1/search?q=Lukashenko", "", nil)
	var res store.SearchResult
	json.Unmarshal(r.body, &res)
	langs := map[string]bool{}
	for _, h := range res.Hits {
		langs[h.Lang] = true
	}
	if !langs["nl"] || !langs["en"] {
		t.Errorf("Lukashenko found %v, want Dutch and English articles: %s", langs, r.body)
	}
}

func TestSecurity(t *testing.T) {
	s, ts := newTestServer(t, Config{MaxBody: 1 << 10, Ingest: func(ctx context.Context, docs []*model.Document) (IngestResult, error) {
		return IngestResult{Read: int64(len(docs))}, nil
	}})
	_ = s
	v, _ := newValidator(OpenAPI())
	t.Run("injection", func(t *testing.T) {
		for _, q := range []string{`'; DROP TABLE articles; --`, `" OR 1=1 --`, `China" OR "`, `NEAR(a b)`, `title:x*`, `{title}:x`,
			`x' UNION SELECT hash FROM documents --`, `)))`, `"`, strings.Repeat("a ", 600)} {
			r := do(t, "GET", ts.URL+"/api/v1/search?q="+urlq(q), "", nil)
			if r.status == 200 {
				continue
			}
			checkError(t, v, r, 400, "q="+q)
		}
		for _, u := range []string{"/api/v1/articles?cursor=1%27%20OR%201=1", "/api/v1/search?cursor=r:1:1%27", "/api/v1/events?actor=BL%27R",
			"/api/v1/search?lang=nl%27--", "/api/v1/search?from=2023%27", "/api/v1/articles/1%20OR%201=1", "/api/v1/entities/Q1%27%3B--",
			"/api/v1/search?limit=100000", "/api/v1/search?sort=random()"} {
			checkError(t, v, do(t, "GET", ts.URL+u, "", nil), 400, u)
		}
		if r := do(t, "GET", ts.URL+"/api/v1/stats", "", nil); !strings.Contains(string(r.body), `"articles":3`) {
			t.Errorf("store damaged: %s", r.body)
		}
	})
	t.Run("xss escaped", func(t *testing.T) {
		for _, u := range []string{"/articles/3", "/search?q=aanval", "/search?q=" + urlq(`<script>alert(1)</script>`), "/", "/entities/Q38789"} {
			r := do(t, "GET", ts.URL+u, "", nil)
			body := string(r.body)
			for _, bad := range []string{"<script>window", "<script>alert", "<img src=x", "<svg onload", `href="javascript:`} {
				if strings.Contains(body, bad) {
					t.Errorf("%s: unescaped %q in page", u, bad)
				}
			}
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("%s: CSP %q", u, csp)
			}
		}
		page := string(do(t, "GET", ts.URL+"/articles/3", "", nil).body)
		if !strings.Contains(page, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=") {
			t.Errorf("payload not shown escaped:\n%s", page)
		}
		api := string(do(t, "GET", ts.URL+"/api/v1/articles/3", "", nil).body)
		if strings.Contains(api, "<script>") {
			t.Errorf("JSON not HTML-escaped: %s", api)
		}
	})
	t.Run("path traversal", func(t *testing.T) {
		for _, p := range []string{"/static/../server.go", "/static/..%2fserver.go", "/static/%2e%2e/%2e%2e/go.mod", "/static/.%2e/web/templates/layout.html",
			"/static//etc/passwd", "/static/web/templates/layout.html", "/static/..\\server.go", "/static/app.css/.."} {
			r := rawGet(t, ts.URL, p)
			if strings.Contains(r, "package server") || strings.Contains(r, "module dateline") || strings.Contains(r, "root:") || strings.Contains(r, "{{define") {
				t.Errorf("%s leaked a file", p)
			}
			st := statusOf(r)
			if st != 404 && st != 400 && st != 301 && st != 307 {
				t.Errorf("%s: status %d", p, st)
			}
			if st == 404 && strings.HasPrefix(p, "/static/") && !strings.Contains(r, `"code":"not_found"`) && !strings.Contains(r, "404 Not Found") {
				t.Errorf("%s: not the documented error: %s", p, r)
			}
		}
		checkError(t, v, do(t, "GET", ts.URL+"/static/nope.js", "", nil), 404, "missing asset")
		if r := do(t, "GET", ts.URL+"/static/app.js", "", nil); r.status != 200 {
			t.Errorf("asset: %d", r.status)
		}
	})
	t.Run("tokens", func(t *testing.T) {
		body := `{"documents":[{"content":"x"}]}`
		for _, tok := range []string{"", "wrong", testToken + "x", testToken[:10]} {
			checkError(t, v, do(t, "POST", ts.URL+"/api/v1/documents", tok, strings.NewReader(body)), 401, "ingest token "+tok)
			checkError(t, v, do(t, "POST", ts.URL+"/api/v1/watchlists", tok, strings.NewReader(`{"name":"x","query":"a"}`)), 401, "watchlist token "+tok)
			checkError(t, v, do(t, "DELETE", ts.URL+"/api/v1/watchlists/abc", tok, nil), 401, "delete token "+tok)
		}
		if r := do(t, "POST", ts.URL+"/api/v1/documents", testToken, strings.NewReader(body)); r.status != 200 {
			t.Errorf("ingest with token: %d %s", r.status, r.body)
		}
	})
	t.Run("oversize", func(t *testing.T) {
		big := `{"documents":[{"content":"` + strings.Repeat("x", 4<<10) + `"}]}`
		checkError(t, v, do(t, "POST", ts.URL+"/api/v1/documents", testToken, strings.NewReader(big)), 413, "oversize ingest")
		big = `{"name":"` + strings.Repeat("x", 70<<10) + `"}`
		checkError(t, v, do(t, "POST", ts.URL+"/api/v1/watchlists", testToken, strings.NewReader(big)), 413, "oversize watchlist")
		checkError(t, v, do(t, "POST", ts.URL+"/api/v1/documents", testToken, strings.NewReader(`{"documents":[{"content":"x","evil":1}]}`)), 400, "unknown field")
		checkError(t, v, do(t, "POST", ts.URL+"/api/v1/watchlists", testToken, strings.NewReader(`{"name":"x","query":"a","webhook":"file:///etc/passwd"}`)), 400, "bad webhook")
	})
	t.Run("not found and methods", func(t *testing.T) {
		checkError(t, v, do(t, "GET", ts.URL+"/api/v1/nothing", "", nil), 404, "unknown endpoint")
		checkError(t, v, do(t, "GET", ts.URL+"/api/v1/stories/77", "", nil), 404, "missing story")
		r := do(t, "DELETE", ts.URL+"/api/v1/articles/1", testToken, nil)
		if r.status != 404 && r.status != 405 {
			t.Errorf("DELETE article: %d", r.status)
		}
	})
}

func TestRateLimit(t *testing.T) {
	_, ts := newTestServer(t, Config{RateLimit: 1, Burst: 3})
	v, _ := newValidator(OpenAPI())
	var limited resp
	for i := 0; i < 10; i++ {
		r := do(t, "GET", ts.URL+"/healthz", "", nil)
		if r.status == 429 {
			limited = r
			break
		}
	}
	checkError(t, v, limited, 429, "rate limit")
}

func urlq(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", "&", "%26", "#", "%23", "+", "%2B", "?", "%3F", `"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", "{", "%7B", "}", "%7D", "\\", "%5C")
	return r.Replace(s)
}

// rawGet sends a request line as written (no client-side path cleaning).
func rawGet(t *testing.T, base, path string) string {
	t.Helper()
	host := strings.TrimPrefix(base, "http://")
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, host)
	b, _ := io.ReadAll(c)
	return string(b)
}

func statusOf(raw string) int {
	var proto string
	var code int
	fmt.Sscanf(raw, "%s %d", &proto, &code)
	return code
}

func TestExportAndFeed(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	r := do(t, "GET", ts.URL+"/api/v1/export/articles", "", nil)
	lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	if r.status != 200 || len(lines) != 3 {
		t.Fatalf("jsonl export: %d, %d lines", r.status, len(lines))
	}
	var a model.Article
	if err := json.Unmarshal([]byte(lines[2]), &a); err != nil || a.Title != xssTitle || a.Body != xssBody {
		t.Errorf("exported article: %+v %v", a, err)
	}
	r = do(t, "GET", ts.URL+"/api/v1/export/articles?format=csv&lang=en", "", nil)
	if !strings.HasPrefix(string(r.body), "id,source,url,lang") || strings.Count(string(r.body), "\n") != 2 {
		t.Errorf("csv export: %q", r.body)
	}
	r = do(t, "GET", ts.URL+"/api/v1/export/events?format=csv", "", nil)
	if strings.Count(string(r.body), "\n") != 2 {
		t.Errorf("events csv: %q", r.body)
	}
	r = do(t, "GET", ts.URL+"/api/v1/feed?q=Lukashenko", "", nil)
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(r.body, &feed); err != nil || len(feed.Entries) != 1 || feed.Entries[0].ID != "urn:dateline:story:1" {
		t.Errorf("feed: %v %+v\n%s", err, feed, r.body)
	}
}

func TestWebhookRetries(t *testing.T) {
	var calls atomic.Int32
	got := make(chan WebhookEvent, 1)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "busy", 503)
			return
		}
		if !strings.HasPrefix(r.Header.Get("X-Dateline-Signature"), "sha256=") {
			t.Errorf("unsigned delivery")
		}
		var ev WebhookEvent
		json.NewDecoder(r.Body).Decode(&ev)
		got <- ev
	}))
	defer hook.Close()
	st := fixture(t)
	s, ts := newTestServer(t, Config{Store: st, WebhookPoll: 20 * time.Millisecond, WebhookBackoff: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	last, err := s.notifyStart(ctx)
	if err != nil || last != 3 {
		t.Fatalf("notifyStart = %d, %v", last, err)
	}
	r := do(t, "POST", ts.URL+"/api/v1/watchlists", testToken, strings.NewReader(`{"name":"Luka","entities":["Q38789"],"webhook":"`+hook.URL+`","secret":"s3"}`))
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	doc := &model.Document{Source: "new.txt", Format: model.FormatText, Content: "new"}
	a := &model.Article{Source: "new.txt", Lang: "nl", Title: "Nieuw bezoek", Events: []model.Event{{Type: "CONSULT",
		Source: model.Actor{Country: "BLR", EntityID: "Q38789"}, Target: model.Actor{Country: "CHN"}, Date: "2023-03-01", Sources: []model.EventSource{{Sentence: "x"}}}}}
	if _, _, err := st.PutArticle(ctx, doc, a); err != nil {
		t.Fatal(err)
	}
	mark, err := s.notifyOnce(ctx, last)
	if err != nil || mark != a.ID {
		t.Fatalf("notifyOnce = %d, %v", mark, err)
	}
	select {
	case ev := <-got:
		if ev.ArticleID != a.ID || ev.Event.Type != "CONSULT" || len(ev.Entities) != 1 || ev.Entities[0] != "Q38789" {
			t.Errorf("delivered %+v", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no delivery")
	}
	if calls.Load() != 3 {
		t.Errorf("%d attempts, want 3", calls.Load())
	}
	s.wg.Wait()
	m := &strings.Builder{}
	s.Metrics().WriteTo(m)
	if !strings.Contains(m.String(), `dateline_webhook_deliveries_total{result="delivered"} 1`) {
		t.Errorf("metrics:\n%s", m)
	}
}

func TestMetricsAndShutdown(t *testing.T) {
	st := fixture(t)
	s, err := New(Config{Store: st, RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	s.Metrics().SetQueueDepth("documents", 7)
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addr <- a }) }()
	base := "http://" + (<-addr).String()
	do(t, "GET", base+"/api/v1/search?q=China", "", nil)
	m := string(do(t, "GET", base+"/metrics", "", nil).body)
	for _, want := range []string{`dateline_http_requests_total{route="GET /api/v1/search",code="200"} 1`, `dateline_queue_depth{queue="documents"} 7`,
		`dateline_http_request_duration_seconds_bucket{route="GET /api/v1/search",le="+Inf"} 1`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q:\n%s", want, m)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no graceful shutdown")
	}
}

func TestEmptyStore(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ts := newTestServer(t, Config{Store: st})
	r := do(t, "GET", ts.URL+"/", "", nil)
	if r.status != 200 || !strings.Contains(string(r.body), "No articles yet") {
		t.Errorf("empty state: %d %s", r.status, r.body)
	}
	for _, u := range []string{"/search?q=x", "/dyads?a=BLR&b=CHN", "/dyads"} {
		if r := do(t, "GET", ts.URL+u, "", nil); r.status != 200 {
			t.Errorf("%s on empty store: %d", u, r.status)
		}
	}
}

// TestOpenAPICappedSearch validates a search whose count stopped at the
// store's limit (total_capped) against the document, and pages through
// its window-by-window relevance order with the cursors it returns.
func TestOpenAPICappedSearch(t *testing.T) {
	st := fixture(t)
	sq, ok := st.(*sqlite.Store)
	if !ok {
		t.Skip("not the SQLite store")
	}
	sq.SetSearchLimits(1, 1)
	_, ts := newTestServer(t, Config{Store: st})
	v, err := newValidator(OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	s, err := v.responseSchema("/api/v1/search", "get", 200)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[float64]bool{}
	next := ""
	for page := 0; page < 10; page++ {
		u := ts.URL + "/api/v1/search?q=China&facets=true&limit=1"
		if next != "" {
			u += "&cursor=" + url.QueryEscape(next)
		}
		r := do(t, "GET", u, "", nil)
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		var body map[string]any
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		if err := v.validate(body, s, "body"); err != nil {
			t.Fatalf("response does not match the document: %v\n%s", err, r.body)
		}
		if body["total_capped"] != true || body["total"] != float64(1) {
			t.Fatalf("total %v, total_capped %v; want 1, true", body["total"], body["total_capped"])
		}
		for _, h := range body["hits"].([]any) {
			id := h.(map[string]any)["id"].(float64)
			if seen[id] {
				t.Fatalf("hit %v listed twice", id)
			}
			seen[id] = true
		}
		next, _ = body["next"].(string)
		if next == "" {
			break
		}
	}
	if len(seen) < 2 {
		t.Errorf("paged through %d hits, want every match of China (at least 2)", len(seen))
	}
}
