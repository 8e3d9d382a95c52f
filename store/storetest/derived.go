package storetest

import (
	"context"
	"errors"
	"testing"

	"dateline/model"
	"dateline/store"
)

// DerivedTests are the suite's cases for entities, events, clusters,
// stories and stage state; Run includes them.
func derivedTests() []struct {
	name string
	fn   func(t *testing.T, s store.Store)
} {
	return []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"Entities", testEntities},
		{"EventsMerge", testEventsMerge},
		{"ClustersStories", testClustersStories},
		{"StateAndReplay", testStateAndReplay},
		{"ClusterFeaturesReplay", testClusterFeaturesReplay},
	}
}

func put(t *testing.T, s store.Store, n int, edit func(a *model.Article)) *model.Article {
	t.Helper()
	doc, a := Sample(n)
	if edit != nil {
		edit(a)
	}
	if _, _, err := s.PutArticle(context.Background(), doc, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func testEntities(t *testing.T, s store.Store) {
	ctx := context.Background()
	luka := model.Entity{ID: "Q38789", Name: "Alexander Lukashenko", Type: model.PER, Kind: "person", Country: "BLR"}
	put(t, s, 1, func(a *model.Article) {
		a.Lang = "nl"
		a.Mentions = []model.Mention{{Text: "Loekasjenko", Type: model.PER, EntityID: luka.ID}, {Text: "Loekasjenko", Type: model.PER, EntityID: luka.ID, Start: 20},
			{Text: "de Belarussische president", Type: model.PER, EntityID: luka.ID, Start: 40, Score: 0.7}}
		a.Entities = []model.Entity{luka}
	})
	put(t, s, 2, func(a *model.Article) {
		a.Lang = "en"
		a.Mentions = []model.Mention{{Text: "Lukashenko", Type: model.PER, EntityID: luka.ID}, {Text: "Khrenin", Type: model.PER, EntityID: "Dkhrenin"}}
		a.Entities = []model.Entity{luka}
	})
	page, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entities) != 2 || page.Entities[0].ID != luka.ID || page.Entities[0].Mentions != 4 {
		t.Fatalf("entities = %+v", page.Entities)
	}
	if page.Entities[1].Name != "Khrenin" {
		t.Errorf("unknown entity named %q, want its surface form", page.Entities[1].Name)
	}
	d, err := s.Entity(ctx, luka.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != luka.Name || d.Country != "BLR" || len(d.Articles) != 2 || len(d.Aliases) != 2 {
		t.Fatalf("entity = %+v", d)
	}
	if d.Aliases[0] != (model.Alias{Text: "Loekasjenko", Lang: "nl", Count: 2}) {
		t.Errorf("aliases = %+v", d.Aliases)
	}
	put(t, s, 3, func(a *model.Article) {
		a.Mentions = []model.Mention{{Text: "de Duitse regering", Type: model.ORG, EntityID: "Dgov", Score: 0.4}}
	})
	if d, err := s.Entity(ctx, "Dgov"); err != nil || d.Name != "de Duitse regering" || len(d.Aliases) != 0 {
		t.Errorf("entity seen only through a role description: %+v, %v", d, err)
	}
	if _, err := s.Entity(ctx, "Qnone"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
	if p, _ := s.Entities(ctx, store.EntityQuery{Country: "BLR"}); len(p.Entities) != 1 {
		t.Errorf("country filter: %+v", p.Entities)
	}
}

func visit(date, end string) model.Event {
	return model.Event{Type: "CONSULT", Mode: "visit", Source: model.Actor{Name: "Belarus", Country: "BLR"},
		Target: model.Actor{Name: "China", Country: "CHN"}, Date: date, DateEnd: end, Score: 1, Confidence: 0.6,
		Sources: []model.EventSource{{Sentence: "visit", Start: 0, End: 5}}}
}

func testEventsMerge(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := put(t, s, 1, func(a *model.Article) {
		a.ClusterID, a.StoryID = 7, 3
		a.Events = []model.Event{visit("XXXX-02-28", "XXXX-03-02")}
	})
	if a1.Events[0].ID == 0 {
		t.Fatal("event ID not set")
	}
	cands, err := s.EventCandidates(ctx, "CONSULT|BLR|CHN", 7, 3)
	if err != nil || len(cands) != 1 || len(cands[0].Sources) != 1 || cands[0].Sources[0].Source == "" && cands[0].Sources[0].ArticleID != a1.ID {
		t.Fatalf("candidates = %+v, %v", cands, err)
	}
	if c, _ := s.EventCandidates(ctx, "CONSULT|BLR|CHN", 99, 98); len(c) != 0 {
		t.Errorf("candidates from another story: %+v", c)
	}
	a2 := put(t, s, 2, func(a *model.Article) {
		a.ClusterID, a.StoryID = 7, 3
		e := cands[0]
		e.Date, e.DateEnd, e.Confidence = "2023-02-28", "2023-03-02", 0.9
		e.Sources = append(e.Sources, model.EventSource{Sentence: "state visit", Start: 10, End: 21})
		a.Events = []model.Event{e}
	})
	page, err := s.Events(ctx, store.EventQuery{Source: "BLR", Target: "CHN"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 1 {
		t.Fatalf("events = %+v", page.Events)
	}
	e := page.Events[0]
	if e.Date != "2023-02-28" || e.DateEnd != "2023-03-02" || len(e.Sources) != 2 || e.ID != a2.Events[0].ID {
		t.Fatalf("merged event = %+v", e)
	}
	got, err := s.Article(ctx, a2.ID)
	if err != nil || len(got.Events) != 1 || got.Events[0].ID != e.ID {
		t.Errorf("article events = %+v, %v", got.Events, err)
	}
	if p, _ := s.Events(ctx, store.EventQuery{Source: "CHN", Target: "BLR", Either: true}); len(p.Events) != 1 {
		t.Errorf("either direction: %+v", p.Events)
	}
	if p, _ := s.Events(ctx, store.EventQuery{Type: "ASSAULT"}); len(p.Events) != 0 {
		t.Errorf("type filter: %+v", p.Events)
	}
	if p, _ := s.Events(ctx, store.EventQuery{From: "2023-03-01"}); len(p.Events) != 0 {
		t.Errorf("from filter: %+v", p.Events)
	}
	if p, _ := s.Events(ctx, store.EventQuery{From: "2023-02-01", To: "2023-02-28"}); len(p.Events) != 1 {
		t.Errorf("date range: %+v", p.Events)
	}
}

func testClustersStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, 1, func(a *model.Article) {
		a.ClusterID, a.StoryID, a.Lang = 1, 1, "nl"
		a.Published = model.Date(2023, 2, 25)
	})
	put(t, s, 2, func(a *model.Article) {
		a.ClusterID, a.StoryID, a.Lang = 1, 1, "en"
		a.Published = model.Date(2023, 2, 26)
	})
	put(t, s, 3, func(a *model.Article) {
		a.ClusterID, a.StoryID, a.Lang = 2, 1, "nl"
		a.Published = model.Date(2023, 3, 1)
	})
	put(t, s, 4, func(a *model.Article) { a.ClusterID, a.StoryID, a.Lang = 3, 2, "nl" })
	cp, err := s.Clusters(ctx, store.ClusterQuery{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(cp.Clusters) != 2 || cp.Clusters[0].ID != 3 || cp.Next == "" {
		t.Fatalf("clusters page 1 = %+v", cp)
	}
	cp2, err := s.Clusters(ctx, store.ClusterQuery{Limit: 2, Cursor: cp.Next})
	if err != nil || len(cp2.Clusters) != 1 || cp2.Clusters[0].ID != 1 || cp2.Next != "" {
		t.Fatalf("clusters page 2 = %+v, %v", cp2, err)
	}
	c := cp2.Clusters[0]
	if len(c.Articles) != 2 || len(c.Langs) != 2 || c.First.String() != "2023-02-25" || c.Last.String() != "2023-02-26" || c.Title != "Headline 1" {
		t.Errorf("cluster 1 = %+v", c)
	}
	st, err := s.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Clusters) != 2 || st.Start.String() != "2023-02-25" || st.End.String() != "2023-03-01" || len(st.Langs) != 2 {
		t.Errorf("story = %+v", st)
	}
	sp, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil || len(sp.Stories) != 2 || sp.Stories[0].ID != 2 {
		t.Errorf("stories = %+v, %v", sp, err)
	}
	if _, err := s.Cluster(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing cluster: %v", err)
	}
	if _, err := s.Story(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing story: %v", err)
	}
}

func testStateAndReplay(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, _, err := s.State(ctx, "cluster"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("empty state: %v", err)
	}
	var ids []int64
	for i := 0; i < 5; i++ {
		a := put(t, s, i, func(a *model.Article) {
			a.Timexes = []model.Timex{{Text: "zaterdag", Type: "DATE", Value: "2023-02-25"}}
		})
		ids = append(ids, a.ID)
	}
	if err := s.PutState(ctx, "cluster", []byte("snap1"), ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.PutState(ctx, "cluster", []byte("snap2"), ids[2]); err != nil {
		t.Fatal(err)
	}
	data, upTo, err := s.State(ctx, "cluster")
	if err != nil || string(data) != "snap2" || upTo != ids[2] {
		t.Fatalf("state = %q %d %v", data, upTo, err)
	}
	var replay []int64
	err = s.ArticlesAfter(ctx, upTo, func(a model.Article) error {
		if len(a.Timexes) != 1 || len(a.Mentions) != 1 {
			t.Errorf("replayed article lacks annotations: %+v", a)
		}
		replay = append(replay, a.ID)
		return nil
	})
	if err != nil || len(replay) != 2 || replay[0] != ids[3] || replay[1] != ids[4] {
		t.Errorf("replay = %v, %v; want %v", replay, err, ids[3:])
	}
}
