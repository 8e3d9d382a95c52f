package main

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestWARC ingests a generated CC-NEWS style WARC (one gzip member
// per record): each HTML response becomes an article keeping its target
// URI, and a second ingest adds nothing.
func TestIngestWARC(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "crawl.warc.gz")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		html := fmt.Sprintf("<html><body><article><h1>Harbour plan %d approved</h1><p>ROTTERDAM (ANP) - The city council approved harbour plan number %d on Monday after a long debate about costs and the environment in the region.</p><p>The plan foresees a new quay and a larger terminal, to be built over the next five years with public and private money.</p></article></body></html>", i, i)
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(html), html)
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/p/%d\r\nWARC-Date: 2024-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", i, i, len(http), http)
		zw := gzip.NewWriter(f)
		zw.Write([]byte(rec))
		zw.Close()
	}
	f.Close()
	db := filepath.Join(dir, "w.db")
	s, r := ingestJSON(t, dir, "--db", db, p)
	if r.code != 0 || s.Articles != 3 {
		t.Fatalf("ingest: %+v exit %d %s", s.Summary, r.code, r.stderr)
	}
	out := dl(t, dir, "articles", "--db", db, "--json").stdout
	if !strings.Contains(out, "https://example.test/p/2") {
		t.Errorf("target URI not kept: %s", out)
	}
	if s, _ := ingestJSON(t, dir, "--db", db, p); s.Articles != 0 || s.Duplicates != 3 {
		t.Errorf("second ingest: %+v", s.Summary)
	}
}
