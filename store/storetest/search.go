package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// searchTests are the suite's cases for Search; Run includes them.
func searchTests() []struct {
	name string
	fn   func(t *testing.T, s store.Store)
} {
	return []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"SearchText", testSearchText},
		{"SearchFilters", testSearchFilters},
		{"SearchPaging", testSearchPaging},
		{"SearchGroups", testSearchGroups},
		{"SearchHostile", testSearchHostile},
	}
}

// searchCorpus stores four articles about two events in two languages.
func searchCorpus(t *testing.T, s store.Store) []*model.Article {
	luka := model.Entity{ID: "Q38789", Name: "Alexander Lukashenko", Type: model.PER, Kind: "person", Country: "BLR"}
	xi := model.Entity{ID: "Q15031", Name: "Xi Jinping", Type: model.PER, Kind: "person", Country: "CHN"}
	visit := model.Event{Type: "CONSULT", Source: model.Actor{Name: "Belarus", Country: "BLR", EntityID: luka.ID},
		Target: model.Actor{Name: "China", Country: "CHN"}, Date: "2023-02-28", Score: 1,
		Sources: []model.EventSource{{Sentence: "visit"}}}
	nlTitle := "President Belarus reist af naar China"
	nlLead := "De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China."
	var out []*model.Article
	out = append(out, put(t, s, 1, func(a *model.Article) {
		a.Lang, a.Title, a.Lead, a.Body = "nl", nlTitle, nlLead, "Hij spreekt met president Xi Jinping over de oorlog."
		a.Agencies, a.Dateline.Agencies = []string{"ANP", "RTR"}, []string{"ANP", "RTR"}
		a.Published = model.Date(2023, 2, 25)
		off := len(nlTitle) + 2 + strings.Index(nlLead, "Loekasjenko")
		a.Mentions = []model.Mention{{Text: "Loekasjenko", Type: model.PER, EntityID: luka.ID, Start: off, End: off + len("Loekasjenko")}}
		a.Entities = []model.Entity{luka}
		a.Events = []model.Event{visit}
		a.ClusterID, a.StoryID = 11, 5
	}))
	out = append(out, put(t, s, 2, func(a *model.Article) {
		a.Lang, a.Title, a.Lead, a.Body = "en", "Lukashenko visits Beijing", "Belarusian leader Alexander Lukashenko will visit China next week.", "He meets Xi Jinping."
		a.Agencies, a.Dateline.Agencies = []string{"AFP"}, []string{"AFP"}
		a.Published = model.Date(2023, 2, 26)
		a.Mentions = []model.Mention{{Text: "Lukashenko", Type: model.PER, EntityID: luka.ID}, {Text: "Xi Jinping", Type: model.PER, EntityID: xi.ID}}
		a.Entities = []model.Entity{luka, xi}
		a.ClusterID, a.StoryID = 11, 5
	}))
	out = append(out, put(t, s, 3, func(a *model.Article) {
		a.Lang, a.Title, a.Lead, a.Body = "nl", "Aardbeving in Ecuador", "Bij een aardbeving in Ecuador zijn doden gevallen.", "De politie zocht naar overlevenden."
		a.Agencies, a.Dateline.Agencies = []string{"ANP"}, []string{"ANP"}
		a.Published = model.Date(2023, 3, 18)
		a.Mentions, a.Entities = nil, nil
		a.ClusterID, a.StoryID = 12, 6
	}))
	out = append(out, put(t, s, 4, func(a *model.Article) {
		a.Lang, a.Title, a.Lead, a.Body = "nl", "Rusland en China praten", "Poetin en Xi Jinping spraken over de oorlog in Oekraïne.", ""
		a.Agencies, a.Dateline.Agencies = []string{"ANP"}, []string{}
		a.Published = model.Date(2023, 3, 20)
		a.Mentions = []model.Mention{{Text: "Xi Jinping", Type: model.PER, EntityID: xi.ID}}
		a.Entities = []model.Entity{xi}
	}))
	return out
}

func hitIDs(r store.SearchResult) []int64 {
	var ids []int64
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func sameIDs(got []int64, want ...*model.Article) bool {
	if len(got) != len(want) {
		return false
	}
	set := map[int64]bool{}
	for _, g := range got {
		set[g] = true
	}
	for _, w := range want {
		if !set[w.ID] {
			return false
		}
	}
	return true
}

func testSearchText(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := searchCorpus(t, s)
	tests := []struct {
		name  string
		query string
		langs []string
		want  []*model.Article
	}{
		{"stem", "bezoeken", nil, []*model.Article{as[0]}},
		{"english stem", "visiting", nil, []*model.Article{as[1]}},
		{"title word", "aardbeving", nil, []*model.Article{as[2]}},
		{"and", "China oorlog", nil, []*model.Article{as[0], as[3]}},
		{"or", "Ecuador OR Beijing", nil, []*model.Article{as[1], as[2]}},
		{"not", "China -Poetin", nil, []*model.Article{as[0], as[1]}},
		{"phrase", `"Xi Jinping spraken"`, nil, []*model.Article{as[3]}},
		{"phrase across stop word", `"aardbeving in Ecuador"`, nil, []*model.Article{as[2]}},
		{"phrase order", `"Jinping Xi"`, nil, nil},
		{"entity via mentions", "Loekasjenko", nil, []*model.Article{as[0], as[1]}},
		{"diacritics", "Oekraine", nil, []*model.Article{as[3]}},
		{"parentheses", "(Ecuador OR Poetin) politie", nil, []*model.Article{as[2]}},
		{"lang narrows analysis", "visiting", []string{"nl"}, nil},
		{"stop words only", "de het een", nil, nil},
		{"no match", "zeppelin", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Search(ctx, store.SearchQuery{Text: tc.query, Langs: tc.langs})
			if err != nil {
				t.Fatal(err)
			}
			if !sameIDs(hitIDs(r), tc.want...) || r.Total != int64(len(tc.want)) {
				t.Errorf("Search(%q) = %v (total %d), want %d articles", tc.query, hitIDs(r), r.Total, len(tc.want))
			}
		})
	}
	// the caller's expansion: a name resolved through a knowledge base
	n, _ := search.Parse("Lukasjenka")
	search.Expand(n, func(string) ([]string, []search.Alias) { return []string{"Q38789"}, nil })
	r, err := s.Search(ctx, store.SearchQuery{Query: n})
	if err != nil || !sameIDs(hitIDs(r), as[0], as[1]) {
		t.Errorf("expanded query: %v, %v", hitIDs(r), err)
	}
	n, _ = search.Parse("Lukasjenka")
	search.Expand(n, func(string) ([]string, []search.Alias) {
		return nil, []search.Alias{{Text: "Aleksandr Loekasjenko", Lang: "nl"}}
	})
	r, err = s.Search(ctx, store.SearchQuery{Query: n})
	if err != nil || !sameIDs(hitIDs(r), as[0]) {
		t.Errorf("alias expansion: %v, %v", hitIDs(r), err)
	}
	// relevance: the title match ranks first, and highlighting marks the words
	r, err = s.Search(ctx, store.SearchQuery{Text: "Lukashenko"})
	if err != nil || len(r.Hits) != 2 || r.Hits[0].ID != as[1].ID || r.Hits[0].Score <= 0 {
		t.Fatalf("ranking: %+v, %v", r.Hits, err)
	}
	if marks(r.Hits[0].TitleHighlight) != "Lukashenko" || marks(r.Hits[1].Snippet) != "Loekasjenko" {
		t.Errorf("highlights: title %+v, nl snippet %+v", r.Hits[0].TitleHighlight, r.Hits[1].Snippet)
	}
	if r.Hits[1].Title != as[0].Title || r.Hits[1].Lang != "nl" || fmt.Sprint(r.Hits[1].Agencies) != "[ANP RTR]" || r.Hits[1].ClusterID != 11 {
		t.Errorf("hit fields: %+v", r.Hits[1])
	}
	if r.Query != "Lukashenko" {
		t.Errorf("query = %q", r.Query)
	}
}

func marks(fs []search.Fragment) string {
	var m []string
	for _, f := range fs {
		if f.Match {
			m = append(m, f.Text)
		}
	}
	return strings.Join(m, ",")
}

func testSearchFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := searchCorpus(t, s)
	tests := []struct {
		name string
		q    store.SearchQuery
		want []*model.Article
	}{
		{"all", store.SearchQuery{}, as},
		{"lang", store.SearchQuery{Langs: []string{"en"}}, as[1:2]},
		{"agency", store.SearchQuery{Agencies: []string{"rtr"}}, as[:1]},
		{"agencies any", store.SearchQuery{Agencies: []string{"AFP", "RTR"}}, as[:2]},
		{"entity", store.SearchQuery{Entities: []string{"Q15031"}}, []*model.Article{as[1], as[3]}},
		{"country from entity", store.SearchQuery{Countries: []string{"CHN"}}, []*model.Article{as[0], as[1], as[3]}},
		{"event type", store.SearchQuery{EventTypes: []string{"consult"}}, as[:1]},
		{"from", store.SearchQuery{From: "2023-03-01"}, as[2:]},
		{"range", store.SearchQuery{From: "2023-02-26", To: "2023-03-18"}, as[1:3]},
		{"text and filter", store.SearchQuery{Text: "China", Langs: []string{"nl"}, Agencies: []string{"ANP"}}, []*model.Article{as[0], as[3]}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !sameIDs(hitIDs(r), tc.want...) || r.Total != int64(len(tc.want)) {
				t.Errorf("got %v (total %d), want %d articles", hitIDs(r), r.Total, len(tc.want))
			}
		})
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: "China", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		search.FacetLang:    "nl=2 en=1",
		search.FacetAgency:  "ANP=2 AFP=1 RTR=1",
		search.FacetEntity:  "Q15031=2 Q38789=2",
		search.FacetCountry: "CHN=3 BLR=2",
		search.FacetType:    "CONSULT=1",
	}
	for kind, w := range want {
		var got []string
		for _, f := range r.Facets[kind] {
			got = append(got, fmt.Sprintf("%s=%d", f.Value, f.Count))
		}
		if strings.Join(got, " ") != w {
			t.Errorf("facet %s = %v, want %s", kind, got, w)
		}
	}
	for _, f := range r.Facets[search.FacetEntity] {
		if f.Value == "Q38789" && f.Label != "Alexander Lukashenko" {
			t.Errorf("entity facet label = %q", f.Label)
		}
	}
}

func testSearchPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 37
	for i := 0; i < n; i++ {
		put(t, s, 500+i, func(a *model.Article) {
			a.Title = fmt.Sprintf("Bericht %d over de top", i)
			a.Lead = strings.Repeat("top ", 1+i%5) + "in Minsk."
			a.Mentions = nil
		})
	}
	for _, sortBy := range []string{store.SortRelevance, store.SortNewest} {
		t.Run(sortBy, func(t *testing.T) {
			seen := map[int64]bool{}
			cursor := ""
			pages := 0
			for {
				r, err := s.Search(ctx, store.SearchQuery{Text: "top", Sort: sortBy, Cursor: cursor, Limit: 5})
				if err != nil {
					t.Fatal(err)
				}
				if r.Total != n {
					t.Fatalf("total = %d", r.Total)
				}
				pages++
				for i, h := range r.Hits {
					if seen[h.ID] {
						t.Fatalf("hit %d listed twice", h.ID)
					}
					seen[h.ID] = true
					if i > 0 && sortBy == store.SortRelevance && h.Score > r.Hits[i-1].Score {
						t.Errorf("page not in relevance order")
					}
				}
				if r.Next == "" {
					break
				}
				cursor = r.Next
				if pages > 20 {
					t.Fatal("paging does not end")
				}
			}
			if len(seen) != n || pages != 8 {
				t.Errorf("saw %d hits in %d pages, want %d in 8", len(seen), pages, n)
			}
		})
	}
}

func testSearchGroups(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := searchCorpus(t, s)
	r, err := s.Search(ctx, store.SearchQuery{Text: "China", Group: store.GroupCluster})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Groups) != 2 || r.Total != 3 {
		t.Fatalf("groups = %+v (total %d)", r.Groups, r.Total)
	}
	var c11 *store.SearchGroup
	for i := range r.Groups {
		if r.Groups[i].Kind == store.GroupCluster && r.Groups[i].ID == 11 {
			c11 = &r.Groups[i]
		}
	}
	if c11 == nil || c11.Count != 2 || len(c11.Hits) != 2 || c11.Title == "" {
		t.Fatalf("cluster 11 group = %+v", c11)
	}
	other := r.Groups[0]
	if other.ID == 11 {
		other = r.Groups[1]
	}
	if other.Kind != "article" || other.ID != as[3].ID {
		t.Errorf("unclustered article group = %+v", other)
	}
	p1, err := s.Search(ctx, store.SearchQuery{Group: store.GroupStory, Limit: 1})
	if err != nil || len(p1.Groups) != 1 || p1.Next == "" {
		t.Fatalf("story groups page 1 = %+v, %v", p1, err)
	}
	seen := map[int64]bool{p1.Groups[0].ID: true}
	cursor := p1.Next
	for cursor != "" {
		p, err := s.Search(ctx, store.SearchQuery{Group: store.GroupStory, Limit: 1, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range p.Groups {
			seen[g.ID] = true
		}
		cursor = p.Next
	}
	if len(seen) != 3 { // stories 5 and 6 and the unclustered article
		t.Errorf("story groups = %v", seen)
	}
}

func testSearchHostile(t *testing.T, s store.Store) {
	ctx := context.Background()
	searchCorpus(t, s)
	for _, q := range []string{
		`'; DROP TABLE articles; --`, `" OR 1=1 --`, `China" OR "`, `NEAR(China Belarus, 2)`, `title:China`,
		`China*`, `^China`, `{title}: China`, `China AND`, `\x00`, `)))(((`, `-- /* */`, `Robert'); DELETE FROM articles;--`,
	} {
		r, err := s.Search(ctx, store.SearchQuery{Text: q})
		if err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%q): %v (want a result or ErrBadQuery)", q, err)
		}
		_ = r
	}
	if r, err := s.Search(ctx, store.SearchQuery{}); err != nil || r.Total != 4 {
		t.Fatalf("store damaged: %+v, %v", r.Total, err)
	}
	for _, q := range []store.SearchQuery{
		{Cursor: "x'; DROP TABLE articles; --"}, {Text: "China", Cursor: "n:5"}, {Text: "a OR -b"},
		{From: "2023-02-30' OR 1=1"}, {Sort: "random()"}, {Group: "lang"},
	} {
		if _, err := s.Search(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%+v) = %v, want ErrBadQuery", q, err)
		}
	}
}
