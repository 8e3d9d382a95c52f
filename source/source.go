// Package source reads documents from where they come from: files and
// folders (recursively), plain text, HTML, JSON/JSONL, any of them gzipped.
// Each input that cannot be read yields an Item with an error naming the
// input and the reason; reading goes on with the rest.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"dateline/model"
)

// DefaultMaxSize is the largest input file (after decompression) read
// when Reader.MaxSize is zero.
const DefaultMaxSize = 32 << 20

// Item is one document read, or the failure to read one input.
type Item struct {
	// Doc is the document; nil when Err is set.
	Doc *model.Document
	// Input names what was read: a path, or "path#N" for record N.
	Input string
	// Err says why Input could not be read.
	Err error
}

// Reader reads documents from paths. Its zero value is ready to use.
type Reader struct {
	// MaxSize caps the size of one file or record, after decompression;
	// 0 means DefaultMaxSize.
	MaxSize int64
	// Open, when set, handles formats the Reader does not know itself
	// (such as WARC): it is asked first for every file and returns
	// ok=false to decline.
	Open func(ctx context.Context, path string, r io.Reader, emit func(Item) error) (ok bool, err error)
}

// Errors that name the reason an input was refused.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary content, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("too large")
	ErrSymlinkLoop = errors.New("symlink loop")
)

func (r *Reader) maxSize() int64 {
	if r.MaxSize > 0 {
		return r.MaxSize
	}
	return DefaultMaxSize
}

// Walk reads every document under paths (files, or folders walked
// recursively in name order, following symbolic links) and calls emit for
// each document or failure. It stops early only when ctx is done or emit
// returns an error.
func (r *Reader) Walk(ctx context.Context, paths []string, emit func(Item) error) error {
	for _, p := range paths {
		if err := r.walk(ctx, p, map[string]bool{}, true, emit); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many files Walk would open under paths (for progress).
func Count(paths []string) int {
	n := 0
	var visit func(p string, seen map[string]bool, top bool)
	visit = func(p string, seen map[string]bool, top bool) {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			if top || known(p) {
				n++
			}
			return
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil || seen[real] {
			n++
			return
		}
		seen[real] = true
		ents, _ := os.ReadDir(p)
		for _, e := range ents {
			visit(filepath.Join(p, e.Name()), seen, false)
		}
		delete(seen, real)
	}
	for _, p := range paths {
		visit(p, map[string]bool{}, true)
	}
	return n
}

// walk visits p; ancestors holds the resolved folders on the current path,
// to detect symlink loops.
func (r *Reader) walk(ctx context.Context, p string, ancestors map[string]bool, top bool, emit func(Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	fi, err := os.Stat(p)
	if err != nil {
		if isLoop(err) {
			err = ErrSymlinkLoop
		} else if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := os.Lstat(p); lerr == nil {
				err = errors.New("broken symbolic link")
			} else {
				err = errors.New("no such file or folder")
			}
		}
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, unwrapPath(err))})
	}
	if !fi.IsDir() {
		if !top && !known(p) {
			return nil // folders may hold other files; only named files must be documents
		}
		return r.readFile(ctx, p, fi, emit)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, unwrapPath(err))})
	}
	if ancestors[real] {
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w (leads back to %s)", p, ErrSymlinkLoop, real)})
	}
	ents, err := os.ReadDir(p)
	if err != nil {
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, unwrapPath(err))})
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	ancestors[real] = true
	defer delete(ancestors, real)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := r.walk(ctx, filepath.Join(p, e.Name()), ancestors, false, emit); err != nil {
			return err
		}
	}
	return nil
}

func isLoop(err error) bool {
	return err != nil && strings.Contains(err.Error(), "too many levels of symbolic links")
}

// unwrapPath drops the *PathError wrapper, whose path the caller names anyway.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if isLoop(pe.Err) {
			return ErrSymlinkLoop
		}
		return pe.Err
	}
	return err
}

// kind returns the format of a path by its extension, without ".gz".
func kind(p string) string {
	l := strings.ToLower(p)
	l = strings.TrimSuffix(l, ".gz")
	switch ext := filepath.Ext(l); ext {
	case ".txt", ".text":
		return "txt"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".json", ".jsonl", ".ndjson":
		return "jsonl"
	case ".warc":
		return "warc"
	}
	return ""
}

func known(p string) bool { return kind(p) != "" }

func (r *Reader) readFile(ctx context.Context, p string, fi fs.FileInfo, emit func(Item) error) error {
	fail := func(err error) error { return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, err)}) }
	if !fi.Mode().IsRegular() {
		return fail(fmt.Errorf("not a regular file (%s)", fi.Mode().Type()))
	}
	f, err := os.Open(p)
	if err != nil {
		return fail(unwrapPath(err))
	}
	defer f.Close()
	var in io.Reader = bufio.NewReaderSize(f, 64<<10)
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return fail(ErrEmpty)
			}
			return fail(fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		in = zr
	}
	if r.Open != nil {
		ok, err := r.Open(ctx, p, in, emit)
		if ok || err != nil {
			if err != nil && ctx.Err() == nil {
				return fail(err)
			}
			return err
		}
	}
	switch kind(p) {
	case "jsonl":
		return r.readJSON(ctx, p, in, emit)
	case "warc":
		return fail(errors.New("WARC input is not supported by this reader"))
	}
	data, err := readLimited(in, r.maxSize())
	if err != nil {
		return fail(err)
	}
	doc := &model.Document{Source: p, Format: model.FormatText}
	if kind(p) == "html" || (kind(p) == "" && looksHTML(data)) {
		doc.Format = model.FormatHTML
	}
	text, err := decode(data, doc.Format)
	if err != nil {
		return fail(err)
	}
	doc.Content = text
	return emit(Item{Input: p, Doc: doc})
}

// readLimited reads all of in, failing when it exceeds max bytes.
func readLimited(in io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// decode checks and converts content to UTF-8 text. Plain text must be
// UTF-8; HTML is converted from the charset it declares.
func decode(data []byte, f model.Format) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	if isBinary(data) {
		return "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if f == model.FormatHTML {
		enc, name, _ := charset.DetermineEncoding(data, "text/html")
		if name != "utf-8" {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil && utf8.Valid(out) {
				return string(out), nil
			}
		}
	}
	return "", fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(data))
}

// isBinary reports NUL bytes or a high share of control characters in
// the first 8 KB.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// jsonDoc is one document in a JSON or JSONL file.
type jsonDoc struct {
	URL       string `json:"url"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Fetched   string `json:"fetched"`
	Lang      string `json:"lang"`
}

// readJSON reads a stream of JSON objects (JSONL, or a JSON array of
// objects). A bad record is reported as path#N and reading goes on with
// the next line.
func (r *Reader) readJSON(ctx context.Context, p string, in io.Reader, emit func(Item) error) error {
	br := bufio.NewReaderSize(in, 1<<20)
	first, err := peekNonSpace(br)
	if err == io.EOF {
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, ErrEmpty)})
	}
	if first == '[' {
		return r.readJSONArray(ctx, p, br, emit)
	}
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, r.maxSize())
		if len(line) > 0 || (err != nil && err != io.EOF) {
			n++
		}
		input := fmt.Sprintf("%s#%d", p, n)
		switch {
		case errors.Is(err, ErrTooLarge):
			if e := emit(Item{Input: input, Err: fmt.Errorf("%s: %w", input, err)}); e != nil {
				return e
			}
			continue
		case err != nil && err != io.EOF:
			return emit(Item{Input: input, Err: fmt.Errorf("%s: %w", input, err)})
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if e := emit(r.jsonItem(input, t)); e != nil {
				return e
			}
		} else if len(line) > 0 {
			n-- // blank line
		}
		if err == io.EOF {
			return nil
		}
	}
}

func (r *Reader) readJSONArray(ctx context.Context, p string, br *bufio.Reader, emit func(Item) error) error {
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return emit(Item{Input: p, Err: fmt.Errorf("%s: %w", p, err)})
	}
	for n := 1; dec.More(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		input := fmt.Sprintf("%s#%d", p, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return emit(Item{Input: input, Err: fmt.Errorf("%s: %w", input, err)})
		}
		if err := emit(r.jsonItem(input, raw)); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) jsonItem(input string, raw []byte) Item {
	fail := func(err error) Item { return Item{Input: input, Err: fmt.Errorf("%s: %w", input, err)} }
	if !utf8.Valid(raw) {
		return fail(fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(raw)))
	}
	var jd jsonDoc
	if err := json.Unmarshal(raw, &jd); err != nil {
		return fail(fmt.Errorf("bad JSON: %w", err))
	}
	doc := &model.Document{Source: input, URL: jd.URL, Title: jd.Title, Lang: jd.Lang}
	if jd.URL != "" {
		doc.Source = jd.URL
	}
	switch {
	case jd.HTML != "":
		doc.Format, doc.Content = model.FormatHTML, jd.HTML
	case jd.Text != "":
		doc.Format, doc.Content = model.FormatText, jd.Text
	default:
		return fail(errors.New(`record has neither "text" nor "html"`))
	}
	if int64(len(doc.Content)) > r.maxSize() {
		return fail(fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.maxSize()))
	}
	if strings.TrimSpace(doc.Content) == "" {
		return fail(ErrEmpty)
	}
	var err error
	if jd.Published != "" {
		if doc.Published, err = model.ParseTime(jd.Published); err != nil {
			return fail(fmt.Errorf("bad published %q", jd.Published))
		}
	}
	if jd.Fetched != "" {
		if doc.Fetched, err = model.ParseTime(jd.Fetched); err != nil {
			return fail(fmt.Errorf("bad fetched %q", jd.Fetched))
		}
	}
	return Item{Input: input, Doc: doc}
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, io.EOF
		}
		switch b[0] {
		case ' ', '\n', '\r', '\t':
			br.ReadByte()
		default:
			return b[0], nil
		}
	}
}

// readLine reads one line of at most max bytes; a longer line is consumed
// and reported as ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(line)+len(chunk)) <= max {
			line = append(line, chunk...)
		} else {
			line = append(line[:0], 'x') // keep non-empty for counting
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, max)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return line, err
	}
}
