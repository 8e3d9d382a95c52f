package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// genWARC writes a per-record-gzipped WARC of about total uncompressed
// bytes to w: HTML pages of 20-200 KB, every 50th a 40 MB page that the
// reader must cut. It returns the uncompressed and compressed sizes.
func genWARC(w io.Writer, total int64) (raw, packed int64, records int, err error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestSpeed)
	para := []byte("<p>Lorem ipsum dolor sit amet, the minister said on Tuesday in Brussels, adding that talks would go on. </p>\n")
	for raw < total {
		size := 20<<10 + (records*7919)%(180<<10)
		if records%50 == 49 {
			size = 40 << 20
		}
		open := "<html><body><h1>Page " + strconv.Itoa(records) + "</h1>"
		nPara := size/len(para) + 1
		bodyLen := len(open) + nPara*len(para) + len("</body></html>")
		httpHead := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", bodyLen)
		blockLen := len(httpHead) + bodyLen
		head := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Target-URI: https://news.example/%d\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", records, records, blockLen)
		zw.Reset(cw)
		// The body is streamed paragraph by paragraph, never held whole.
		parts := [][]byte{[]byte(head), []byte(httpHead), []byte(open)}
		for _, b := range parts {
			zw.Write(b)
		}
		for range nPara {
			if _, err := zw.Write(para); err != nil {
				return raw, cw.n, records, err
			}
		}
		zw.Write([]byte("</body></html>\r\n\r\n"))
		if err := zw.Close(); err != nil {
			return raw, cw.n, records, err
		}
		raw += int64(len(head) + blockLen + 4)
		records++
	}
	return raw, cw.n, records, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// peakRSS returns the process's peak resident set (VmHWM) in bytes, 0
// where /proc is not available.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// TestStream2GB streams a generated 2 GiB WARC (never stored) through the
// reader and checks that peak RSS stays under 300 MB. It takes minutes, so
// it runs only with DATELINE_WARC_2GB=1:
//
//	DATELINE_WARC_2GB=1 go test ./source/warc -run Stream2GB -v
func TestStream2GB(t *testing.T) {
	if os.Getenv("DATELINE_WARC_2GB") == "" {
		t.Skip("set DATELINE_WARC_2GB=1 to stream a generated 2 GiB WARC")
	}
	pr, pw := io.Pipe()
	type genResult struct {
		raw, packed int64
		records     int
		err         error
	}
	done := make(chan genResult, 1)
	go func() {
		raw, packed, n, err := genWARC(pw, 2<<30)
		pw.CloseWithError(err)
		done <- genResult{raw, packed, n, err}
	}()
	start := time.Now()
	r := NewReader(pr)
	var n, truncated int
	var bytesOut int64
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		bytesOut += int64(len(rec.HTML))
		if rec.Truncated {
			truncated++
		}
	}
	g := <-done
	if g.err != nil {
		t.Fatal(g.err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := peakRSS()
	t.Logf("streamed %d records (%d truncated), %.2f GiB WARC (%.2f GiB gzipped), %.0f MiB payload kept, in %v; peak RSS %.1f MiB (Go heap sys %.1f MiB)",
		n, truncated, float64(g.raw)/(1<<30), float64(g.packed)/(1<<30), float64(bytesOut)/(1<<20), time.Since(start).Round(time.Second), float64(peak)/(1<<20), float64(ms.HeapSys)/(1<<20))
	if n != g.records {
		t.Errorf("read %d records, wrote %d", n, g.records)
	}
	if peak > 300<<20 {
		t.Errorf("peak RSS %.1f MiB, want < 300 MiB", float64(peak)/(1<<20))
	}
}

// BenchmarkReader measures reading a generated per-record-gzipped WARC.
func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	raw, _, _, err := genWARC(&buf, 32<<20)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(raw)
	b.ResetTimer()
	for range b.N {
		r := NewReader(bytes.NewReader(buf.Bytes()))
		for {
			if _, err := r.Next(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}
