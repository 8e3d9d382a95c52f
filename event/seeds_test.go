package event_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"dateline/entity"
	"dateline/event"
	"dateline/extract"
	"dateline/langid"
	"dateline/model"
	"dateline/ner"
	"dateline/timex"
)

// nerFinder adapts the statistical taggers of package ner to
// entity.Finder, as the pipeline does.
type nerFinder map[string]*ner.Tagger

func (f nerFinder) Find(text, lang string) []model.Mention {
	if t := f[lang]; t != nil {
		return t.Find(text)
	}
	return nil
}

// chain is the document path up to the events stage: extract, language,
// linked entities (knowledge base and NER), time expressions, events.
type chain struct {
	ex     *extract.Extractor
	det    *langid.Detector
	linker *entity.Linker
	kb     *entity.KB
	coder  *event.Coder
}

var (
	chainOnce sync.Once
	chainVal  *chain
	chainErr  error
)

func loadChain(t testing.TB) *chain {
	t.Helper()
	chainOnce.Do(func() {
		c := &chain{ex: extract.New()}
		if c.det, chainErr = langid.New(langid.Options{}); chainErr != nil {
			return
		}
		if c.kb, chainErr = entity.Embedded(); chainErr != nil {
			return
		}
		f := nerFinder{}
		for _, l := range ner.Languages() {
			tg, err := ner.Load(l)
			if err != nil {
				chainErr = err
				return
			}
			f[l] = tg
		}
		c.linker = &entity.Linker{KB: c.kb, Finder: f}
		c.coder, chainErr = event.NewCoder()
		chainVal = c
	})
	if chainErr != nil {
		t.Fatal(chainErr)
	}
	return chainVal
}

// process runs the chain on one document.
func (c *chain) process(t testing.TB, doc *model.Document) *model.Article {
	t.Helper()
	a, err := c.ex.Extract(context.Background(), doc)
	if err != nil {
		t.Fatalf("%s: %v", doc.Source, err)
	}
	if a.Lang == "" {
		a.Lang, _ = c.det.Detect(a.Text())
	}
	a.Mentions = c.linker.Link(a.Text(), a.Lang, a.Published, nil)
	anchor := a.Published
	if !anchor.IsZero() {
		anchor = model.Time{Time: anchor.Time, DateOnly: true}
	}
	a.Timexes = timex.Extract(a.Text(), a.Lang, anchor)
	a.Events = c.coder.Code(&a, a.Lang, c.kb)
	return &a
}

// sharedDir finds ../shared/NAME beside the module root.
func sharedDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent", p)
	}
	return p
}

func TestSeedsDump(t *testing.T) {
	dir := sharedDir(t, "seeds")
	c := loadChain(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := c.process(t, &model.Document{Source: p, Format: model.FormatText, Content: string(b)})
		t.Logf("=== %s lang=%s pub=%v dateline=%q", filepath.Base(p), a.Lang, a.Published, a.Dateline.Place)
		text := a.Text()
		for _, e := range a.Events {
			s := e.Sources[0]
			t.Logf("  %s/%s %s[%s %s] -> %s[%s %s] place=%q date=%s..%s conf=%.2f\n      %q", e.Type, e.Mode,
				e.Source.Name, e.Source.Country, e.Source.Sector, e.Target.Name, e.Target.Country, e.Target.Sector,
				e.Place, e.Date, e.DateEnd, e.Confidence, strings.TrimSpace(text[s.Start:s.End]))
		}
	}
}
