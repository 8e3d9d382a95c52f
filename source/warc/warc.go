// Package warc streams HTML pages out of WARC files as Common Crawl's
// CC-NEWS publishes them: records gzip-compressed one by one (or an
// uncompressed file), response records holding an HTTP response. Only the
// current record is ever held in memory, and a payload is capped
// (MaxPayload), so memory stays constant whatever the file size.
//
// It is a small reader of its own rather than github.com/nlnwa/gowarc: see
// docs/decisions/0001-html-extractor.md ("WARC reader").
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"dateline/model"
)

// DefaultMaxPayload is the payload cap used when Reader.MaxPayload is 0.
const DefaultMaxPayload = 10 << 20

// maxHeaderBytes bounds a WARC or HTTP header block.
const maxHeaderBytes = 1 << 20

// Record is one HTML page from a WARC response record.
type Record struct {
	// Index counts records in the file from 0, all types included.
	Index int
	// ID is the WARC-Record-ID.
	ID string
	// URI is the WARC-Target-URI.
	URI string
	// Date is the WARC-Date: when the page was crawled.
	Date time.Time
	// Status is the HTTP status code.
	Status int
	// ContentType is the HTTP Content-Type header.
	ContentType string
	// HTML is the payload decoded to UTF-8, HTTP headers and any
	// Content-Encoding removed.
	HTML []byte
	// Truncated says the payload was longer than the cap and was cut.
	Truncated bool
}

// Document returns the record as a model.Document; source names the file
// and the record index is appended ("crawl.warc.gz#17").
func (r Record) Document(source string) model.Document {
	return model.Document{
		Source:  fmt.Sprintf("%s#%d", source, r.Index),
		URL:     r.URI,
		Format:  model.FormatHTML,
		Content: string(r.HTML),
		Fetched: model.Time{Time: r.Date},
	}
}

// Reader reads HTML response records from a WARC stream. Set its fields
// before the first call to Next.
type Reader struct {
	// MaxPayload caps the payload bytes kept per record; the rest is
	// skipped. 0 means DefaultMaxPayload.
	MaxPayload int64
	// AllStatuses keeps non-2xx responses too.
	AllStatuses bool

	src     io.Reader
	br      *bufio.Reader
	started bool
	index   int
	skipped int
}

// NewReader returns a Reader over a WARC stream, gzip-compressed (per
// record or as a whole) or not; the compression is detected.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// Skipped is the number of records passed over so far: request, metadata
// and warcinfo records, non-HTML and (unless AllStatuses) non-2xx responses.
func (r *Reader) Skipped() int { return r.skipped }

func (r *Reader) start() error {
	r.started = true
	br := bufio.NewReaderSize(r.src, 64<<10)
	magic, err := br.Peek(2)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return io.EOF
		}
		return fmt.Errorf("warc: %w", err)
	}
	if magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("warc: gzip: %w", err)
		}
		zr.Multistream(true) // one gzip member per record, read as one stream
		r.br = bufio.NewReaderSize(zr, 64<<10)
		return nil
	}
	r.br = br
	return nil
}

// Next returns the next HTML response record, or io.EOF at the end of the
// stream. Errors in a record's framing end the stream (the error says
// where); a malformed HTTP payload only skips that record.
func (r *Reader) Next() (Record, error) {
	if !r.started {
		if err := r.start(); err != nil {
			return Record{}, err
		}
	}
	if r.br == nil {
		return Record{}, io.EOF
	}
	for {
		h, err := r.readHeader()
		if err != nil {
			return Record{}, err
		}
		idx := r.index
		r.index++
		n, err := strconv.ParseInt(h["content-length"], 10, 64)
		if err != nil || n < 0 {
			return Record{}, fmt.Errorf("warc record %d: bad Content-Length %q", idx, h["content-length"])
		}
		block := io.LimitReader(r.br, n)
		rec, ok := r.parseRecord(idx, h, block)
		// Skip what the parser left of the block, then the CRLF CRLF.
		if _, err := io.Copy(io.Discard, block); err != nil {
			return Record{}, fmt.Errorf("warc record %d: %w", idx, err)
		}
		if err := r.skipTrailer(); err != nil {
			return Record{}, fmt.Errorf("warc record %d: %w", idx, err)
		}
		if ok {
			return rec, nil
		}
		r.skipped++
	}
}

// readHeader reads "WARC/1.x" and the named fields up to the blank line;
// field names come back lower-cased.
func (r *Reader) readHeader() (map[string]string, error) {
	var line string
	var err error
	// Skip blank lines between records.
	for {
		line, err = r.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("warc record %d header: %w", r.index, err)
		}
		if line != "" {
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("warc record %d: expected WARC/ version line, got %.40q", r.index, line)
	}
	h := map[string]string{}
	size := len(line)
	for {
		line, err = r.readLine()
		if err != nil {
			return nil, fmt.Errorf("warc record %d header: %w", r.index, io.ErrUnexpectedEOF)
		}
		if line == "" {
			return h, nil
		}
		if size += len(line); size > maxHeaderBytes {
			return nil, fmt.Errorf("warc record %d: header too long", r.index)
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue // continuation or junk: ignore
		}
		h[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
}

// readLine reads one line without its CRLF, refusing lines over the
// header bound.
func (r *Reader) readLine() (string, error) {
	var buf []byte
	for {
		chunk, isPrefix, err := r.br.ReadLine()
		buf = append(buf, chunk...)
		if err != nil {
			return string(buf), err
		}
		if len(buf) > maxHeaderBytes {
			return "", fmt.Errorf("line too long")
		}
		if !isPrefix {
			return string(buf), nil
		}
	}
}

func (r *Reader) skipTrailer() error {
	for range 2 {
		b, err := r.br.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if b[0] == '\r' {
			r.br.ReadByte()
			b, err = r.br.Peek(1)
			if err != nil {
				return nil
			}
		}
		if b[0] != '\n' {
			return nil
		}
		r.br.ReadByte()
	}
	return nil
}

// parseRecord reads a response record's HTTP message; ok is false for
// records that carry no HTML page.
func (r *Reader) parseRecord(idx int, h map[string]string, block io.Reader) (Record, bool) {
	if !strings.EqualFold(h["warc-type"], "response") {
		return Record{}, false
	}
	if ct := strings.ToLower(h["content-type"]); ct != "" && !strings.HasPrefix(ct, "application/http") {
		return Record{}, false
	}
	rec := Record{Index: idx, ID: h["warc-record-id"], URI: strings.Trim(h["warc-target-uri"], "<>")}
	if d, err := time.Parse(time.RFC3339Nano, h["warc-date"]); err == nil {
		rec.Date = d
	}
	resp, err := http.ReadResponse(bufio.NewReaderSize(block, 16<<10), nil)
	if err != nil {
		return Record{}, false
	}
	defer resp.Body.Close()
	rec.Status = resp.StatusCode
	rec.ContentType = resp.Header.Get("Content-Type")
	if !r.AllStatuses && (resp.StatusCode < 200 || resp.StatusCode > 299) {
		return Record{}, false
	}
	if !isHTML(rec.ContentType) {
		return Record{}, false
	}
	body := io.Reader(resp.Body)
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return Record{}, false
		}
		body = zr
	}
	limit := r.MaxPayload
	if limit <= 0 {
		limit = DefaultMaxPayload
	}
	// Read into a buffer sized from Content-Length where given, so that a
	// capped payload never grows past the cap by doubling.
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 && resp.Header.Get("Content-Encoding") == "" {
		buf.Grow(int(min(n, limit+1)))
	}
	_, err = buf.ReadFrom(io.LimitReader(body, limit+1))
	payload := buf.Bytes()
	if err != nil && len(payload) == 0 {
		return Record{}, false
	}
	if int64(len(payload)) > limit {
		payload = payload[:limit]
		rec.Truncated = true
	}
	rec.HTML = toUTF8(payload, rec.ContentType)
	return rec, true
}

func isHTML(ct string) bool {
	if ct == "" {
		return true // many crawls omit it; the extractor copes with non-HTML
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.Contains(strings.ToLower(ct), "html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// toUTF8 decodes payload by the charset the header, BOM or <meta> name.
func toUTF8(payload []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(payload, contentType)
	if name == "utf-8" || (utf8.Valid(payload) && !strings.Contains(strings.ToLower(contentType), "charset=")) {
		return bytes.ToValidUTF8(payload, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(payload)
	if err != nil {
		return bytes.ToValidUTF8(payload, []byte("\uFFFD"))
	}
	return out
}
