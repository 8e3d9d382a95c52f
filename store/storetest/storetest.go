// Package storetest is the conformance suite every store driver passes
// unchanged. A driver's test supplies only a function that opens a fresh,
// empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"dateline/model"
	"dateline/store"
)

// Opener opens a fresh, empty store for one test; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"BriefsShared", testBriefsShared},
		{"NotFound", testNotFound},
		{"Pagination", testPagination},
		{"Concurrent", testConcurrent},
		{"UntrustedText", testUntrustedText},
	}
	tests = append(tests, derivedTests()...)
	tests = append(tests, searchTests()...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func age(v int64) *int64 { return &v }

// Sample returns a document and its article, distinct for each n.
func Sample(n int) (*model.Document, *model.Article) {
	doc := &model.Document{Source: fmt.Sprintf("test/%d.txt", n), Format: model.FormatText,
		Content: fmt.Sprintf("Headline %d\nMINSK (ANP) - Text %d.", n, n)}
	a := &model.Article{
		Source: doc.Source, Lang: "nl", Title: fmt.Sprintf("Headline %d", n),
		Lead: fmt.Sprintf("Text %d.", n), Body: "Para one.\n\nPara two.",
		Dateline:  model.Dateline{Place: "MINSK", Agencies: []string{"ANP", "DPA"}},
		Agencies:  []string{"ANP", "DPA", "RTR"},
		Published: model.Date(2023, 2, 25),
		Briefs: []model.Brief{
			{Text: fmt.Sprintf("Teaser A of %d.", n), Dateline: model.Dateline{Place: "BERN", Agencies: []string{"ANP"}}, AgeSeconds: age(7200)},
			{Text: "A teaser shared by every page.", Dateline: model.Dateline{Agencies: []string{}}},
		},
		Mentions: []model.Mention{{Text: "Minsk", Type: model.LOC, EntityID: "Q2280", Start: 0, End: 5}},
	}
	return doc, a
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc, a := Sample(1)
	id, created, err := s.PutArticle(ctx, doc, a)
	if err != nil || !created || id == 0 {
		t.Fatalf("PutArticle = %d, %v, %v", id, created, err)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Lead != a.Lead || got.Body != a.Body || got.Lang != "nl" || got.Source != doc.Source {
		t.Errorf("article fields differ: %+v", got)
	}
	if got.Dateline.Place != "MINSK" || fmt.Sprint(got.Dateline.Agencies) != "[ANP DPA]" || fmt.Sprint(got.Agencies) != "[ANP DPA RTR]" {
		t.Errorf("dateline/agencies differ: %+v %v", got.Dateline, got.Agencies)
	}
	if got.Published.String() != "2023-02-25" {
		t.Errorf("published = %q", got.Published.String())
	}
	if got.Hash != doc.Hash() {
		t.Errorf("hash = %q, want %q", got.Hash, doc.Hash())
	}
	if len(got.Briefs) != 2 || got.Briefs[0].AgeSeconds == nil || *got.Briefs[0].AgeSeconds != 7200 || got.Briefs[1].AgeSeconds != nil {
		t.Fatalf("briefs = %+v", got.Briefs)
	}
	if got.Briefs[0].Dateline.Place != "BERN" {
		t.Errorf("brief dateline = %+v", got.Briefs[0].Dateline)
	}
	if len(got.Mentions) != 1 || got.Mentions[0].EntityID != "Q2280" {
		t.Errorf("mentions = %+v", got.Mentions)
	}
	ok, err := s.HasDocument(ctx, doc.Hash())
	if err != nil || !ok {
		t.Errorf("HasDocument = %v, %v", ok, err)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc, a := Sample(2)
	id1, _, err := s.PutArticle(ctx, doc, a)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	doc2, a2 := Sample(2)
	id2, created, err := s.PutArticle(ctx, doc2, a2)
	if err != nil || created || id2 != id1 {
		t.Fatalf("second PutArticle = %d, %v, %v; want %d, false", id2, created, err, id1)
	}
	after, _ := s.Stats(ctx)
	if before != after {
		t.Errorf("stats changed on re-put: %+v -> %+v", before, after)
	}
	if after.Documents != 1 || after.Articles != 1 || after.Briefs != 2 {
		t.Errorf("stats = %+v", after)
	}
}

func testBriefsShared(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		doc, a := Sample(10 + i)
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// three own teasers plus one shared by all pages
	if st.Briefs != 4 {
		t.Errorf("briefs = %d, want 4", st.Briefs)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	_, err := s.Article(context.Background(), 424242)
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func testPagination(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 23
	for i := 0; i < n; i++ {
		doc, a := Sample(100 + i)
		if i%2 == 1 {
			a.Lang = "en"
		}
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[int64]bool{}
	cursor := ""
	pages := 0
	for {
		p, err := s.Articles(ctx, store.ArticleQuery{Cursor: cursor, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, a := range p.Articles {
			if seen[a.ID] {
				t.Fatalf("article %d listed twice", a.ID)
			}
			seen[a.ID] = true
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if len(seen) != n || pages != 5 {
		t.Errorf("listed %d articles in %d pages, want %d in 5", len(seen), pages, n)
	}
	p, err := s.Articles(ctx, store.ArticleQuery{Lang: "en", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != n/2 {
		t.Errorf("lang filter: %d articles, want %d", len(p.Articles), n/2)
	}
	if _, err := s.Articles(ctx, store.ArticleQuery{Cursor: "x'; DROP TABLE articles; --"}); err == nil {
		t.Errorf("bad cursor accepted")
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ { // every worker puts the same 10 documents
				doc, a := Sample(1000 + i)
				if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, _ := s.Stats(ctx)
	if st.Documents != 10 || st.Articles != 10 {
		t.Errorf("stats = %+v, want 10 documents", st)
	}
}

func testUntrustedText(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc, a := Sample(5)
	a.Title = `Robert'); DROP TABLE articles;-- <script>alert(1)</script>`
	id, _, err := s.PutArticle(ctx, doc, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, id)
	if err != nil || got.Title != a.Title {
		t.Errorf("title = %q, %v", got.Title, err)
	}
}
