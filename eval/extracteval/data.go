package extracteval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// AEBPage is one page of the Article Extraction Benchmark.
type AEBPage struct {
	ID   string
	URL  string
	Gold string // the gold articleBody
}

type aebItem struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// LoadAEB reads dir/ground-truth.json and returns the pages sorted by id.
func LoadAEB(dir string) ([]AEBPage, error) {
	m, err := readItems(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	pages := make([]AEBPage, 0, len(m))
	for id, it := range m {
		pages = append(pages, AEBPage{ID: id, URL: it.URL, Gold: it.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// readItems reads an AEB JSON file: a map of id to item, optionally wrapped
// as {"version": ..., "output": {...}}.
func readItems(path string) (map[string]aebItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	var wrapped struct {
		Output map[string]aebItem `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && len(wrapped.Output) > 0 {
		return wrapped.Output, nil
	}
	var m map[string]aebItem
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return m, nil
}

// AEBHTML returns the page's HTML (the benchmark stores it gzipped, UTF-8).
func AEBHTML(dir, id string) ([]byte, error) {
	return readGzip(filepath.Join(dir, "html", id+".html.gz"))
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !strings.HasSuffix(path, ".gz") {
		return io.ReadAll(f)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

// AEBOutputs reads every stored extractor output in dir/output, keyed by
// extractor name (the file name without .json), each a map of page id to
// predicted body.
func AEBOutputs(dir string) (map[string]map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "output", "*.json"))
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(files))
	for _, f := range files {
		m, err := readItems(f)
		if err != nil {
			return nil, err
		}
		bodies := make(map[string]string, len(m))
		for id, it := range m {
			bodies[id] = it.ArticleBody
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = bodies
	}
	return out, nil
}

// ScoreAEB scores predicted bodies (page id to text) against the gold; a
// page missing from pred counts as an empty prediction.
func ScoreAEB(pages []AEBPage, pred map[string]string) *ShingleScore {
	var s ShingleScore
	for _, p := range pages {
		s.Add(p.Gold, pred[p.ID])
	}
	return &s
}

// BoilerplatePage is one page of trafilatura's evaluation set.
type BoilerplatePage struct {
	URL     string
	File    string
	With    []string
	Without []string
}

// LoadBoilerplate reads dir/evaldata.json, pages sorted by file name.
func LoadBoilerplate(dir string) ([]BoilerplatePage, error) {
	path := filepath.Join(dir, "evaldata.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	var m map[string]struct {
		File    string   `json:"file"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	pages := make([]BoilerplatePage, 0, len(m))
	for u, e := range m {
		pages = append(pages, BoilerplatePage{URL: u, File: e.File, With: e.With, Without: e.Without})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
	return pages, nil
}

// BoilerplateHTML returns the page's raw HTML bytes (stored as
// html/FILE.gz or html/FILE); the charset is left to the extractor.
func BoilerplateHTML(dir string, p BoilerplatePage) ([]byte, error) {
	for _, name := range []string{p.File + ".gz", p.File} {
		path := filepath.Join(dir, "html", name)
		if _, err := os.Stat(path); err == nil {
			return readGzip(path)
		}
	}
	return nil, fmt.Errorf("page %s: no file in %s", p.File, filepath.Join(dir, "html"))
}
