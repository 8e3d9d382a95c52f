package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/model"
)

func collect(t *testing.T, r *Reader, paths ...string) (docs []*model.Document, errs []error) {
	t.Helper()
	err := r.Walk(context.Background(), paths, func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it.Err)
		} else {
			docs = append(docs, it.Doc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, errs
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.txt":       []byte("Title\nText."),
		"b.txt.gz":    gz([]byte("Zipped title\nText.")),
		"c.html":      []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>"),
		"d.jsonl":     []byte(`{"url":"https://x.test/1","text":"One","published":"2023-02-25","lang":"nl"}` + "\n\n" + `{"url":"https://x.test/2","html":"<p>Two</p>","fetched":"2023-02-25T10:00:00Z"}` + "\n"),
		"e.json":      []byte(`[{"text":"Array one"},{"text":"Array two"}]`),
		"f.jsonl.gz":  gz([]byte(`{"text":"zipped line"}`)),
		"ignored.md":  []byte("# not a page"),
		".hidden.txt": []byte("hidden"),
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, errs := collect(t, &Reader{}, dir)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	got := map[string]*model.Document{}
	for _, d := range docs {
		got[filepath.Base(d.Source)] = d
	}
	if len(docs) != 8 {
		t.Fatalf("read %d documents: %v", len(docs), got)
	}
	if d := got["c.html"]; d == nil || d.Format != model.FormatHTML || !strings.Contains(d.Content, "Café") {
		t.Errorf("html charset: %+v", d)
	}
	if d := got["b.txt.gz"]; d == nil || !strings.HasPrefix(d.Content, "Zipped") {
		t.Errorf("gzip: %+v", d)
	}
	if d := got["1"]; d == nil || d.Published.String() != "2023-02-25" || d.Lang != "nl" || d.URL != "https://x.test/1" {
		t.Errorf("jsonl record 1: %+v", d)
	}
	if d := got["2"]; d == nil || d.Format != model.FormatHTML || d.Fetched.IsZero() {
		t.Errorf("jsonl record 2: %+v", d)
	}
	if got["e.json#2"] == nil || got["f.jsonl.gz#1"] == nil {
		t.Errorf("array or gzipped jsonl records missing: %v", got)
	}
}

func TestBadRecordsContinue(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.jsonl")
	os.WriteFile(p, []byte("{\"text\":\"ok 1\"}\nnot json\n{\"url\":\"u\"}\n{\"text\":\"ok 2\"}\n{\"text\":\"x\",\"published\":\"yesterday\"}\n"), 0o644)
	docs, errs := collect(t, &Reader{}, p)
	if len(docs) != 2 || len(errs) != 3 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	for i, want := range []string{"x.jsonl#2: bad JSON", `x.jsonl#3: record has neither`, `x.jsonl#5: bad published`} {
		if !strings.Contains(errs[i].Error(), want) {
			t.Errorf("error %d = %v, want %q", i, errs[i], want)
		}
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"spaces.txt", []byte(" \n\t\n"), ErrEmpty},
		{"bin.txt", []byte("ab\x00cd"), ErrBinary},
		{"utf.txt", []byte("ok \xff\xfe bad"), ErrInvalidUTF8},
		{"big.txt", bytes.Repeat([]byte("a"), 2000), ErrTooLarge},
		{"bigline.jsonl", append(bytes.Repeat([]byte("a"), 5000), '\n'), ErrTooLarge},
		{"emptygz.txt.gz", nil, ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			os.WriteFile(p, c.data, 0o644)
			_, errs := collect(t, &Reader{MaxSize: 1000}, p)
			if len(errs) != 1 || !errors.Is(errs[0], c.want) || !strings.Contains(errs[0].Error(), p) {
				t.Errorf("errs = %v, want one %v naming %s", errs, c.want, p)
			}
		})
	}
}

func TestSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\nText"), 0o644)
	os.Symlink("self.txt", filepath.Join(dir, "self.txt"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink("..", filepath.Join(dir, "sub", "up"))
	docs, errs := collect(t, &Reader{}, dir)
	if len(docs) != 1 || len(errs) != 2 {
		t.Fatalf("docs %d, errs %v", len(docs), errs)
	}
	for _, e := range errs {
		if !errors.Is(e, ErrSymlinkLoop) {
			t.Errorf("%v is not a symlink loop", e)
		}
	}
	if n := Count([]string{dir}); n != 3 {
		t.Errorf("Count = %d", n)
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"url":"u","text":"t"}` + "\n" + `{"html":"<p>x</p>","published":"2023-02-25"}`))
	f.Add([]byte(`[{"text":"a"},{"text":"b"}]`))
	f.Add([]byte("\n\n{bad\n"))
	f.Add([]byte(`{"text":"\u0000"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{MaxSize: 4096}
		err := r.readJSON(context.Background(), "f.jsonl", bytes.NewReader(data), func(it Item) error {
			if (it.Doc == nil) == (it.Err == nil) {
				t.Fatalf("item must carry exactly one of doc and error: %+v", it)
			}
			if it.Doc != nil && (!utf8.ValidString(it.Doc.Content) || it.Doc.Content == "") {
				t.Fatalf("bad content %q", it.Doc.Content)
			}
			if !strings.HasPrefix(it.Input, "f.jsonl") {
				t.Fatalf("input %q", it.Input)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
