package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// scaleArticle is article i of the capping tests: every one says "top"
// a varying number of times, so relevance differs from ID order.
func scaleArticle(i int) (*model.Document, *model.Article) {
	doc := &model.Document{Source: fmt.Sprint("scale/", i), Format: model.FormatText, Content: fmt.Sprint("scale ", i)}
	lang := []string{"nl", "en"}[i%2]
	a := &model.Article{Source: doc.Source, Lang: lang, Title: fmt.Sprintf("Bericht %d", i),
		Lead: strings.Repeat("top ", 1+(i*7)%5) + "in Minsk.", Body: "Meer over de zaak " + fmt.Sprint(i%3) + ".",
		Agencies: []string{[]string{"ANP", "RTR", "AFP"}[i%3]}, Published: model.Date(2023, time.Month(1+i%12), 1+i%28)}
	if i%4 == 0 {
		a.Mentions = []model.Mention{{Text: "Minsk", Type: "LOC", EntityID: "Q2280", Start: strings.Index(a.Text(), "Minsk"), End: strings.Index(a.Text(), "Minsk") + 5}}
	}
	return doc, a
}

func openScale(t *testing.T, n int) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i := 0; i < n; i++ {
		doc, a := scaleArticle(i)
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestSearchCapped checks the bounded counting and the window-by-window
// relevance order of queries that match more than the count limit:
// every match is listed once, each window in relevance order, newest
// window first.
func TestSearchCapped(t *testing.T) {
	const n, capN, win, limit = 57, 10, 4, 7
	s := openScale(t, n)
	ctx := context.Background()
	exact, err := s.Search(ctx, store.SearchQuery{Text: "top", Facets: true, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if exact.Total != n || exact.TotalCapped || len(exact.Hits) != n {
		t.Fatalf("uncapped: total %d capped %v hits %d", exact.Total, exact.TotalCapped, len(exact.Hits))
	}
	s.SetSearchLimits(capN, win)
	for _, sortBy := range []string{store.SortRelevance, store.SortNewest} {
		t.Run(sortBy, func(t *testing.T) {
			seen := map[int64]bool{}
			var order []store.SearchHit
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 20 {
					t.Fatal("paging does not end")
				}
				r, err := s.Search(ctx, store.SearchQuery{Text: "top", Sort: sortBy, Cursor: cursor, Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				if r.Total != capN || !r.TotalCapped {
					t.Fatalf("total = %d, capped %v; want %d, capped", r.Total, r.TotalCapped, capN)
				}
				if r.Next != "" && len(r.Hits) != limit {
					t.Fatalf("page %d has %d hits and a next page", pages, len(r.Hits))
				}
				for _, h := range r.Hits {
					if seen[h.ID] {
						t.Fatalf("hit %d listed twice", h.ID)
					}
					seen[h.ID] = true
					order = append(order, h)
				}
				if r.Next == "" {
					break
				}
				cursor = r.Next
			}
			if len(seen) != n {
				t.Fatalf("saw %d hits, want %d", len(seen), n)
			}
			if sortBy == store.SortNewest {
				for i := 1; i < len(order); i++ {
					if order[i].ID >= order[i-1].ID {
						t.Fatalf("newest order broken at %d", i)
					}
				}
				return
			}
			// Windows of win matches, newest first, relevance inside.
			for w := 0; w*win < n; w++ {
				ws := order[w*win : min(n, (w+1)*win)]
				for i, h := range ws {
					if h.ID > int64(n-w*win) || h.ID <= int64(n-(w+1)*win) {
						t.Fatalf("window %d holds article %d", w, h.ID)
					}
					if i > 0 && h.Score > ws[i-1].Score {
						t.Fatalf("window %d not in relevance order at %d", w, i)
					}
				}
			}
		})
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: "top", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	var langs int64
	for _, f := range r.Facets[search.FacetLang] {
		langs += f.Count
	}
	if langs != capN {
		t.Errorf("capped facets count %d articles, want the newest %d", langs, capN)
	}
	// Filters and no text are capped the same way.
	for _, q := range []store.SearchQuery{{}, {Langs: []string{"nl"}}, {Text: "top", Agencies: []string{"anp"}}, {Text: "top", From: "2023-01-01"}} {
		r, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != capN || !r.TotalCapped {
			t.Errorf("%+v: total %d capped %v", q, r.Total, r.TotalCapped)
		}
	}
}

// TestSearchFilters checks that the per-match probes of the filters
// select what the article columns say.
func TestSearchFilters(t *testing.T) {
	const n = 40
	s := openScale(t, n)
	ctx := context.Background()
	want := func(keep func(a *model.Article) bool) []int64 {
		var ids []int64
		for i := n - 1; i >= 0; i-- {
			if _, a := scaleArticle(i); keep(a) {
				ids = append(ids, int64(i+1))
			}
		}
		return ids
	}
	for _, tc := range []struct {
		name string
		q    store.SearchQuery
		keep func(a *model.Article) bool
	}{
		{"lang", store.SearchQuery{Text: "top", Langs: []string{"en"}}, func(a *model.Article) bool { return a.Lang == "en" }},
		{"agency", store.SearchQuery{Text: "top", Agencies: []string{"rtr"}}, func(a *model.Article) bool { return a.Agencies[0] == "RTR" }},
		{"dates", store.SearchQuery{Text: "minsk", From: "2023-03-01", To: "2023-05-31"}, func(a *model.Article) bool {
			p := a.Published.String()
			return p >= "2023-03-01" && p <= "2023-05-31~"
		}},
		{"entity", store.SearchQuery{Text: "top", Entities: []string{"Q2280"}}, func(a *model.Article) bool { return len(a.Mentions) > 0 }},
		{"lang no text", store.SearchQuery{Langs: []string{"nl"}, From: "2023-06-01"}, func(a *model.Article) bool {
			return a.Lang == "nl" && a.Published.String() >= "2023-06-01"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Sort, q.Limit = store.SortNewest, 100
			r, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, h := range r.Hits {
				got = append(got, h.ID)
			}
			if w := want(tc.keep); !reflect.DeepEqual(got, w) || r.Total != int64(len(w)) {
				t.Errorf("got %v (total %d), want %v", got, r.Total, w)
			}
		})
	}
}

// TestMentionEntities checks the skip-scan of mention surface forms.
func TestMentionEntities(t *testing.T) {
	s := openScale(t, 0)
	ctx := context.Background()
	for i, e := range []string{"Q1", "Q2", "Q2", "Q3", "", "Q4", "Q5", "Q6", "Q1"} {
		doc := &model.Document{Source: fmt.Sprint("m/", i), Format: model.FormatText, Content: fmt.Sprint("m ", i)}
		a := &model.Article{Source: doc.Source, Lang: "en", Title: "Paris", Mentions: []model.Mention{{Text: "Paris", Type: "LOC", EntityID: e, End: 5}}}
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		want []string
	}{{"paris", []string{"Q1", "Q2", "Q3", "Q4", "Q5"}}, {"PARIS", []string{"Q1", "Q2", "Q3", "Q4", "Q5"}}, {"Lyon", nil}} {
		rows, err := s.reader().QueryContext(ctx, mentionEntities, tc.name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var e string
			rows.Scan(&e)
			got = append(got, e)
		}
		rows.Close()
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func FuzzSearchCursor(f *testing.F) {
	for _, s := range []string{"r:-1.5:3", "r:-1.5:3:100:50", "n:7", "g:20", "r:1e-05:1:0:9", "r:x:1", "r:1:2:3:3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseSearchCursor(s)
		if err != nil || c.kind != 'r' {
			return
		}
		back, err := parseSearchCursor(c.String())
		if err != nil || back != c {
			t.Fatalf("%q -> %+v -> %q -> %+v, %v", s, c, c.String(), back, err)
		}
	})
}
