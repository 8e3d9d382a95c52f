package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dateline/server"
	"dateline/store"
)

// chromiumPath finds Debian's chromium (scripts/setup-chromium.sh
// installs it). Without it the browser test skips, except under CI=true,
// where it fails.
func chromiumPath(t *testing.T) string {
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not installed (run scripts/setup-chromium.sh)")
	}
	t.Skip("chromium not installed (run scripts/setup-chromium.sh)")
	return ""
}

// TestBrowserUI ingests ../shared/seeds with the real pipeline, serves the
// store and drives headless chromium through the UI: search
// "Lukashenko", open the story (or the article when no story is formed),
// open the entity page, and check that an XSS payload ingested through the
// API does not run. Screenshots go to test-output/.
func TestBrowserUI(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	chrome := chromiumPath(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if r := dl(t, dir, "ingest", "--db", db, "--quiet", seeds); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	kb, err := loadKB()
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
	const token = "browser-test-token-0123456789"
	srv, err := server.New(server.Config{Store: st, KB: kb, Token: token, Ingest: ingestFunc(a, st), RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(sctx, "127.0.0.1:0", func(ad net.Addr) { addrc <- ad }) }()
	defer func() { stop(); <-done }()
	base := "http://" + (<-addrc).String()

	out := filepath.Join(repoRoot(t), "test-output")
	os.MkdirAll(out, 0o755)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "chrome")), chromedp.WindowSize(1280, 900))
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	t0 := time.Now()
	shot := func(name string) {
		t.Helper()
		t.Logf("%s at %.1fs", name, time.Since(t0).Seconds())
		b, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		os.WriteFile(filepath.Join(out, "browser-"+name+".png"), b, 0o644)
	}

	// The front page, then a search typed into the search box.
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	shot("home")
	if err := chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS("#q"), "Lukashenko"), chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS("#total"))); err != nil {
		t.Fatal(err)
	}
	shot("search")
	type hit struct {
		Lang, Title, Story string
		Marks              []string
	}
	hits, err := chromedp.Run(bctx, chromedp.Evaluate[[]hit](`Array.from(document.querySelectorAll("li.hit")).map(li => ({
		Lang: li.querySelector(".badge").textContent, Title: li.querySelector("a.title").textContent,
		Story: (li.querySelector("a.storylink") || {}).href || "",
		Marks: Array.from(li.querySelectorAll("mark")).map(m => m.textContent)}))`))
	if err != nil {
		t.Fatal(err)
	}
	// The Dutch articles that spell the name "Loekasjenko" must be found
	// by the English spelling; which ones they are is read from the store.
	wantNL := map[string]bool{}
	all, err := st.Search(ctx, store.SearchQuery{Langs: []string{"nl"}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range all.Hits {
		art, err := st.Article(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(art.Title+" "+art.Lead, "Loekasjenko") {
			wantNL[art.Title] = true
		}
	}
	if len(wantNL) == 0 {
		t.Fatal("no Dutch seed article names Loekasjenko in its title or lead")
	}
	gotNL := map[string]bool{}
	markedNL := false
	for _, h := range hits {
		if h.Lang == "nl" {
			gotNL[h.Title] = true
			for _, m := range h.Marks {
				if strings.Contains(m, "Loekasjenko") {
					markedNL = true
				}
			}
		}
	}
	for title := range wantNL {
		if !gotNL[title] {
			t.Errorf("Dutch article %q not in the results for Lukashenko; got %+v", title, hits)
		}
	}
	if !markedNL {
		t.Errorf("no Dutch result highlights Loekasjenko: %+v", hits)
	}

	// The story of the first result, or its article when the pipeline
	// formed no stories.
	stats, _ := st.Stats(ctx)
	var storyURL string
	for _, h := range hits {
		if h.Story != "" {
			storyURL = h.Story
			break
		}
	}
	if stats.Stories > 0 {
		if storyURL == "" {
			t.Fatalf("the store has %d stories but no result links one", stats.Stories)
		}
		if err := chromedp.Do(bctx, chromedp.Navigate(storyURL), chromedp.WaitVisible(chromedp.CSS("article.story h1"))); err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll(".langgroup li").length`))
		if err != nil || n == 0 {
			t.Errorf("story page lists %d articles (%v)", n, err)
		}
		shot("story")
	} else {
		t.Log("no stories formed by the pipeline (clustering not wired): opening the first result's article instead")
		if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS("li.hit a.title")), chromedp.WaitVisible(chromedp.CSS("article.article h1"))); err != nil {
			t.Fatal(err)
		}
		h1, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("article.article h1")))
		if err != nil || h1 != hits[0].Title {
			t.Errorf("article page h1 %q, want %q (%v)", h1, hits[0].Title, err)
		}
		shot("article")
	}

	// The entity page: from the story's entities when there is a story,
	// else through the entity facet of the search.
	href, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(Array.from(document.querySelectorAll('article.story .chips a')).find(a => /Lukashenko/.test(a.textContent)) || {}).href || ""`))
	if err != nil {
		t.Fatal(err)
	}
	if href == "" {
		if err := chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS("#q"), "Lukashenko"), chromedp.Submit(chromedp.CSS("#q")),
			chromedp.WaitVisible(chromedp.CSS("#total"))); err != nil {
			t.Fatal(err)
		}
		href, err = chromedp.Run(bctx, chromedp.Evaluate[string](`(Array.from(document.querySelectorAll('.facet[data-kind="entity"] a')).find(a => /Lukashenko/.test(a.textContent)) || {}).href || ""`))
		if err != nil || href == "" {
			t.Fatalf("no Lukashenko entity link (%v)", err)
		}
	}
	id := href[strings.LastIndexAny(href, "=/")+1:]
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/entities/"+id), chromedp.WaitVisible(chromedp.CSS("article.entity h1"))); err != nil {
		t.Fatal(err)
	}
	h1, _ := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("article.entity h1")))
	names, _ := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("table.names")))
	if !strings.Contains(h1, "Lukashenko") || !strings.Contains(names, "Loekasjenko") {
		t.Errorf("entity page: h1 %q, names %q", h1, names)
	}
	if n, _ := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart rect").length`)); n == 0 {
		t.Errorf("entity page has no mention chart")
	}
	shot("entity")

	// An XSS payload ingested through the API is shown, not run.
	payload := `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`
	body, _ := json.Marshal(server.IngestRequest{Documents: []server.DocumentInput{{Source: "xss", Format: "text", Lang: "nl",
		Content: "Loekasjenko " + payload + " bezoekt China\nMINSK (ANP) - Loekasjenko " + payload + " zei dat hij China bezoekt.\nDe president reist volgende week af."}}})
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/documents", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	rb, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var ir server.IngestResult
	if json.Unmarshal(rb, &ir); res.StatusCode != 200 || ir.Articles != 1 {
		t.Fatalf("ingest by API: %d %s", res.StatusCode, rb)
	}
	last, err := st.Articles(ctx, store.ArticleQuery{Limit: 1})
	if err != nil || len(last.Articles) == 0 {
		t.Fatal(err)
	}
	for _, u := range []string{fmt.Sprintf("/articles/%d", last.Articles[0].ID), "/search?q=bezoekt"} {
		if err := chromedp.Do(bctx, chromedp.Navigate(base+u), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		pwned, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`typeof window.__pwned !== "undefined"`))
		if err != nil || pwned {
			t.Errorf("%s: payload ran (pwned=%v, %v)", u, pwned, err)
		}
		text, _ := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("main")))
		if !strings.Contains(text, "<script>window.__pwned=1</script>") {
			t.Errorf("%s: payload not shown as text: %q", u, text)
		}
	}
	shot("xss")
}
