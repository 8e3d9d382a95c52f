package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"dateline/analysis"
	"dateline/model"
	"dateline/server"
	"dateline/store/sqlite"
)

// runBenchServe builds a store of realistic articles (resampled from the
// sentences of ../shared/data) and measures search latency over HTTP on
// loopback with concurrent clients.
func runBenchServe(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "bench serve", "")
	n := fs.Int("n", 1000000, "articles in the store")
	db := fs.String("db", "", "store to build or reuse (default: a temporary file, removed after)")
	data := fs.String("data", filepath.Join("..", "shared", "data"), "data folder to resample texts from")
	clients := fs.Int("clients", 32, "concurrent clients")
	dur := fs.Duration("time", 60*time.Second, "how long to measure")
	facets := fs.Bool("facets", false, "ask for facet counts in every search")
	seed := fs.Int64("seed", 1, "random seed")
	asJSON := fs.Bool("json", false, "print JSON")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measurement to this file")
	slow := fs.Bool("putarticle", false, "build the store through PutArticle, one transaction per article (default: the SQLite bulk loader)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	pools, err := loadSentencePools(*data)
	if err != nil {
		return err
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "dateline-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	st, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(*seed))
	buildStart := time.Now()
	built := 0
	progress := func(i int) {
		if a.tty && built%1000 == 0 {
			el := time.Since(buildStart).Seconds()
			fmt.Fprintf(a.stderr, "\rbuilding: %d/%d articles (%.0f/s)   ", i+1, *n, float64(built)/el)
		}
	}
	if sq, ok := st.(*sqlite.Store); ok && !*slow {
		// The bulk path: the same rows as PutArticle, written in large
		// transactions (see sqlite.BulkLoader).
		bl, err := sq.NewBulkLoader(ctx, 2000)
		if err != nil {
			return err
		}
		for i := int(stats.Articles); i < *n; i++ {
			if ctx.Err() != nil {
				bl.Close(context.Background())
				return ctx.Err()
			}
			doc, art := benchArticle(rng, pools, i)
			if err := bl.Add(ctx, doc, art); err != nil {
				bl.Close(context.Background())
				return err
			}
			built++
			progress(i)
		}
		if a.tty && built > 0 {
			fmt.Fprint(a.stderr, "\rbuilding: merging the full-text index   ")
		}
		if err := bl.Close(ctx); err != nil {
			return err
		}
	} else {
		for i := int(stats.Articles); i < *n; i++ {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			doc, art := benchArticle(rng, pools, i)
			if _, _, err := st.PutArticle(ctx, doc, art); err != nil {
				return err
			}
			built++
			progress(i)
		}
	}
	buildSec := time.Since(buildStart).Seconds()
	if a.tty && built > 0 {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	queries := benchQueries(rng, pools, 5000)
	kb, err := loadKB()
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{Store: st, KB: kb, RateLimit: -1, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(sctx, "127.0.0.1:0", func(ad net.Addr) { addrc <- ad }) }()
	var base string
	select {
	case ad := <-addrc:
		base = "http://" + ad.String()
	case err := <-done:
		stop()
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			stop()
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
	}
	loadBefore := loadAvg()
	res := loadTest(ctx, base, queries, *clients, *dur, *facets)
	res["load_before"], res["load_after"] = loadBefore, loadAvg()
	res["cpus"] = runtime.NumCPU()
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	stop()
	<-done
	res["articles"] = *n
	res["built"] = built
	res["build_seconds"] = buildSec
	res["facets"] = *facets
	if fi, err := os.Stat(path); err == nil {
		res["db_bytes"] = fi.Size()
	}
	if *asJSON {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "serve: %d articles (built %d in %.0fs), %d clients, %.0fs: %d searches, %d errors, %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; hits/query median %v (%.0f%% capped at the count limit); load average %s before, %s after (%d CPUs)\n",
		*n, built, buildSec, *clients, res["seconds"], res["requests"], res["errors"], res["req_per_sec"], res["p50_ms"], res["p90_ms"], res["p99_ms"], res["max_ms"], res["median_total"], 100*res["capped_share"].(float64), res["load_before"], res["load_after"], res["cpus"])
	if res["errors"].(int64) > 0 {
		return fmt.Errorf("bench serve: %d errors (first: %v)", res["errors"], res["first_error"])
	}
	return nil
}

// loadTest runs clients issuing searches for dur and returns the figures.
func loadTest(ctx context.Context, base string, queries []string, clients int, dur time.Duration, facets bool) map[string]any {
	tr := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2}
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var mu sync.Mutex
	var lat []time.Duration
	var totals []int
	var errs, capped int64
	var firstErr error
	deadline := time.Now().Add(dur)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(int64(c) + 100))
			var my []time.Duration
			var myTotals []int
			var myErrs, myCapped int64
			var myFirst error
			for time.Now().Before(deadline) && ctx.Err() == nil {
				q := queries[rng.Intn(len(queries))]
				u := base + "/api/v1/search?q=" + url.QueryEscape(q)
				if facets {
					u += "&facets=true"
				}
				t := time.Now()
				resp, err := hc.Get(u)
				if err == nil {
					var body []byte
					body, err = io.ReadAll(resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("status %d for %q: %.200s", resp.StatusCode, q, body)
					}
					if err == nil {
						var total int
						fmt.Sscanf(string(body), `{"total":%d`, &total)
						myTotals = append(myTotals, total)
						if bytes.Contains(body[:min(len(body), 64)], []byte(`"total_capped":true`)) {
							myCapped++
						}
					}
				}
				my = append(my, time.Since(t))
				if err != nil {
					myErrs++
					if myFirst == nil {
						myFirst = err
					}
				}
			}
			mu.Lock()
			lat = append(lat, my...)
			totals = append(totals, myTotals...)
			errs += myErrs
			capped += myCapped
			if firstErr == nil {
				firstErr = myFirst
			}
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	sec := time.Since(start).Seconds()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	sort.Ints(totals)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		i := int(p * float64(len(lat)-1))
		return float64(lat[i].Microseconds()) / 1000
	}
	med := 0
	if len(totals) > 0 {
		med = totals[len(totals)/2]
	}
	res := map[string]any{
		"clients": clients, "seconds": sec, "requests": int64(len(lat)), "errors": errs,
		"req_per_sec": float64(len(lat)) / sec, "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": pct(1),
		"median_total": med, "capped_share": float64(capped) / float64(max(1, len(totals))),
	}
	if firstErr != nil {
		res["first_error"] = firstErr.Error()
	}
	return res
}

// loadAvg returns the machine's 1-minute load average ("" where
// /proc/loadavg is missing).
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// sentencePools holds sentences per language.
type sentencePools struct {
	langs []string
	sents map[string][]string
	words map[string][]string
}

// loadSentencePools reads WikiANN sentences (nl, en, de, fr) and the news
// texts of SemEval-2022 task 8 split into sentences.
func loadSentencePools(dir string) (*sentencePools, error) {
	p := &sentencePools{sents: map[string][]string{}, words: map[string][]string{}}
	for _, l := range []string{"nl", "en", "de", "fr"} {
		if err := readWikiANN(filepath.Join(dir, "ner-wikiann", l, "train"), l, p); err != nil {
			return nil, err
		}
	}
	if err := readSemEval(filepath.Join(dir, "sim-semeval2022t8", "training_set.csv"), p); err != nil {
		return nil, err
	}
	for l, ss := range p.sents {
		if len(ss) >= 200 {
			p.langs = append(p.langs, l)
		}
	}
	sort.Strings(p.langs)
	if len(p.langs) == 0 {
		return nil, fmt.Errorf("bench serve: no sentences under %s", dir)
	}
	for _, l := range p.langs {
		seen := map[string]bool{}
		for _, s := range p.sents[l] {
			for _, t := range analysis.Tokenize(s) {
				w := strings.ToLower(t.Text)
				if t.Kind == analysis.Word && len(w) >= 5 && !analysis.IsStopWord(l, w) && !seen[w] {
					seen[w] = true
					p.words[l] = append(p.words[l], w)
				}
			}
		}
	}
	return p, nil
}

func readWikiANN(path, lang string, p *sentencePools) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("bench serve: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var toks []string
	flush := func() {
		if len(toks) >= 6 {
			s := strings.Join(toks, " ")
			for _, r := range []string{" .", " ,", " )", "( ", " :", " ;"} {
				s = strings.ReplaceAll(s, r, strings.TrimSpace(r))
			}
			p.sents[lang] = append(p.sents[lang], s)
		}
		toks = toks[:0]
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		tok, _, _ := strings.Cut(line, "\t")
		toks = append(toks, strings.TrimPrefix(tok, lang+":"))
	}
	flush()
	return sc.Err()
}

func readSemEval(path string, p *sentencePools) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("bench serve: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("bench serve: %s: %w", path, err)
	}
	for _, row := range rows[1:] {
		if len(row) < 6 {
			continue
		}
		for k, lang := range []string{row[2], row[3]} {
			text := row[4+k]
			for _, sp := range analysis.Sentences(text, lang) {
				s := strings.TrimSpace(text[sp.Start:sp.End])
				if len(s) > 30 && len(s) < 400 {
					p.sents[lang] = append(p.sents[lang], s)
				}
			}
		}
	}
	return nil
}

var benchAgencies = []string{"ANP", "AFP", "RTR", "DPA", "AP", "Belga", "EFE", "ANSA"}

// benchArticle makes article i: a title, lead and body of sentences
// drawn from one language's pool.
func benchArticle(rng *rand.Rand, p *sentencePools, i int) (*model.Document, *model.Article) {
	lang := p.langs[rng.Intn(len(p.langs))]
	ss := p.sents[lang]
	pick := func() string { return ss[rng.Intn(len(ss))] }
	title := pick()
	if w := strings.Fields(title); len(w) > 12 {
		title = strings.Join(w[:12], " ")
	}
	lead := pick()
	var body []string
	for k := 0; k < 3+rng.Intn(6); k++ {
		body = append(body, pick()+" "+pick())
	}
	ag := benchAgencies[rng.Intn(len(benchAgencies))]
	src := fmt.Sprintf("bench/%d.txt", i)
	doc := &model.Document{Source: src, Format: model.FormatText, Content: title + "\n" + lead + "\n" + strings.Join(body, "\n")}
	pub := model.Date(2022, time.Month(1+rng.Intn(12)), 1+rng.Intn(28))
	a := &model.Article{Source: src, Lang: lang, Title: title, Lead: lead, Body: strings.Join(body, "\n\n"),
		Dateline: model.Dateline{Agencies: []string{ag}}, Agencies: []string{ag}, Published: pub}
	return doc, a
}

// benchQueries draws queries: one or two content words of a language,
// now and then a two-word phrase or an OR.
func benchQueries(rng *rand.Rand, p *sentencePools, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		l := p.langs[rng.Intn(len(p.langs))]
		ws := p.words[l]
		if len(ws) == 0 {
			continue
		}
		w := func() string { return ws[rng.Intn(len(ws))] }
		switch k := rng.Intn(10); {
		case k < 5:
			out = append(out, w())
		case k < 8:
			out = append(out, w()+" "+w())
		case k < 9:
			out = append(out, w()+" OR "+w())
		default:
			out = append(out, `"`+w()+" "+w()+`"`)
		}
	}
	return out
}
