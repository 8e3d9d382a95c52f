package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// record is a WARC record the tests write.
type record struct {
	typ, uri string
	block    string // the HTTP message for responses
}

// httpMsg builds an HTTP response message.
func httpMsg(status int, headers, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\n%sContent-Length: %d\r\n\r\n%s", status, headers, len(body), body)
}

// writeWARC writes records, each gzip-compressed on its own when gz is set
// (CC-NEWS style).
func writeWARC(t testing.TB, w io.Writer, gz bool, recs ...record) {
	t.Helper()
	for i, r := range recs {
		var buf bytes.Buffer
		ct := "application/http; msgtype=response"
		if r.typ == "warcinfo" {
			ct = "application/warc-fields"
		} else if r.typ == "request" {
			ct = "application/http; msgtype=request"
		}
		fmt.Fprintf(&buf, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2024-03-0%dT10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			r.typ, i%9+1, i, r.uri, ct, len(r.block), r.block)
		if !gz {
			w.Write(buf.Bytes())
			continue
		}
		zw := gzip.NewWriter(w)
		zw.Write(buf.Bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

func TestReader(t *testing.T) {
	page := "<html><body><p>Hello WARC</p></body></html>"
	latin1 := "<html><body><p>Caf\xe9 cr\xe8me</p></body></html>"
	recs := []record{
		{"warcinfo", "", "software: test\r\n"},
		{"request", "https://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		{"response", "https://a.example/1", httpMsg(200, "Content-Type: text/html; charset=utf-8\r\n", page)},
		{"response", "https://a.example/img.png", httpMsg(200, "Content-Type: image/png\r\n", "\x89PNG....")},
		{"response", "https://a.example/missing", httpMsg(404, "Content-Type: text/html\r\n", "<p>not found</p>")},
		{"response", "https://a.example/gz", httpMsg(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipped(page))},
		{"response", "https://a.example/latin1", httpMsg(200, "Content-Type: text/html; charset=iso-8859-1\r\n", latin1)},
		{"response", "https://a.example/big", httpMsg(200, "Content-Type: text/html\r\n", "<p>"+strings.Repeat("x", 5000)+"</p>")},
		{"response", "https://a.example/bad-http", "this is no HTTP message"},
	}
	tests := []struct {
		name string
		gz   bool
	}{{"per-record gzip", true}, {"uncompressed", false}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			writeWARC(t, &buf, tc.gz, recs...)
			r := NewReader(&buf)
			r.MaxPayload = 1000
			var got []Record
			for {
				rec, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, rec)
			}
			want := []struct {
				uri, text string
				trunc     bool
			}{
				{"https://a.example/1", "Hello WARC", false},
				{"https://a.example/gz", "Hello WARC", false},
				{"https://a.example/latin1", "Café crème", false},
				{"https://a.example/big", "xxxx", true},
			}
			if len(got) != len(want) {
				t.Fatalf("got %d records, want %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				if got[i].URI != w.uri || !strings.Contains(string(got[i].HTML), w.text) || got[i].Truncated != w.trunc {
					t.Errorf("record %d: %s %q truncated=%v; want %s containing %q truncated=%v", i, got[i].URI, got[i].HTML, got[i].Truncated, w.uri, w.text, w.trunc)
				}
			}
			if len(got[3].HTML) != 1000 {
				t.Errorf("capped payload is %d bytes, want 1000", len(got[3].HTML))
			}
			if d := got[0].Date; !d.Equal(time.Date(2024, 3, 3, 10, 0, 0, 0, time.UTC)) {
				t.Errorf("date %v", d)
			}
			if r.Skipped() != 5 {
				t.Errorf("skipped %d records, want 5", r.Skipped())
			}
			doc := got[0].Document("crawl.warc.gz")
			if doc.Source != "crawl.warc.gz#2" || doc.URL != "https://a.example/1" || doc.Format != "html" || doc.Fetched.IsZero() {
				t.Errorf("document %+v", doc)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"not warc", "GET / HTTP/1.1\r\n\r\n"},
		{"bad length", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n"},
		{"truncated header", "WARC/1.0\r\nWARC-Type: response\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tc.in)).Next()
			if err == nil || errors.Is(err, io.EOF) {
				t.Fatalf("Next() = %v, want a framing error", err)
			}
		})
	}
	if _, err := NewReader(strings.NewReader("")).Next(); !errors.Is(err, io.EOF) {
		t.Errorf("empty stream: %v, want io.EOF", err)
	}
}

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	writeWARC(f, &buf, false, record{"response", "https://a.example/", httpMsg(200, "Content-Type: text/html\r\n", "<p>x</p>")})
	f.Add(buf.Bytes())
	buf.Reset()
	writeWARC(f, &buf, true, record{"response", "https://a.example/", httpMsg(200, "Content-Type: text/html\r\n", "<p>x</p>")})
	f.Add(buf.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxPayload = 1 << 16
		for range 1000 {
			rec, err := r.Next()
			if err != nil {
				return
			}
			if int64(len(rec.HTML)) > 4*r.MaxPayload {
				t.Fatalf("payload %d bytes over cap", len(rec.HTML))
			}
		}
	})
}
