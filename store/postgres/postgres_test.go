package postgres_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"

	"dateline/internal/testpg"
	"dateline/model"
	"dateline/store"
	"dateline/store/postgres"
	"dateline/store/storetest"
)

// pg is the server shared by this package's tests (see TestMain).
var pg *testpg.Server

func TestMain(m *testing.M) { os.Exit(testpg.Main(m, &pg)) }

func open(t *testing.T) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), testpg.DB(t, pg))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestConcurrentMigrations opens the same fresh database from several
// goroutines at once: the advisory lock makes one of them migrate and the
// others find the schema current.
func TestConcurrentMigrations(t *testing.T) {
	url := testpg.DB(t, pg)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, max int
	if err := s.Pool().QueryRow(ctx, `SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != postgres.SchemaVersion() || max != postgres.SchemaVersion() {
		t.Errorf("schema_migrations has %d rows up to %d, want %d", n, max, postgres.SchemaVersion())
	}
}

func TestTextSearchConfig(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"nl", "dutch"}, {"nl-NL", "dutch"}, {"EN", "english"}, {"de", "german"}, {"fr", "french"},
		{"ru", "russian"}, {"es", "spanish"}, {"it", "italian"}, {"pt_BR", "portuguese"},
		{"zh", "simple"}, {"", "simple"}, {"'; DROP TABLE x; --", "simple"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			if got := postgres.TextSearchConfig(tc.lang); got != tc.want {
				t.Errorf("TextSearchConfig(%q) = %q, want %q", tc.lang, got, tc.want)
			}
		})
	}
}

// TestTextSearchConfigsExist checks every configuration the driver names
// against the running server.
func TestTextSearchConfigsExist(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	for _, lang := range []string{"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy", "id",
		"it", "lt", "nb", "ne", "nl", "nn", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"} {
		cfg := postgres.TextSearchConfig(lang)
		var ok bool
		if err := s.Pool().QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = $1)`, cfg).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		if !ok || cfg == "simple" {
			t.Errorf("%s: configuration %q missing on the server", lang, cfg)
		}
	}
}

// TestFullTextVector checks the tsvector column: stemmed with the
// article's language configuration and used through the GIN index.
func TestFullTextVector(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	put := func(n int, lang, title, body string) int64 {
		doc, a := storetest.Sample(n)
		a.Lang, a.Title, a.Lead, a.Body = lang, title, "", body
		id, _, err := s.PutArticle(ctx, doc, a)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	nl := put(1, "nl", "Verkiezingen in Wit-Rusland", "De oppositie boycotte de verkiezingen.")
	en := put(2, "en", "Elections in Belarus", "The opposition boycotted the elections.")
	zh := put(3, "zh", "白俄罗斯选举", "")
	tests := []struct {
		name, cfg, query string
		want             []int64
	}{
		{"dutch stem", "dutch", "verkiezing", []int64{nl}},
		{"english stem", "english", "election & oppositions", []int64{en}},
		{"simple", "simple", "白俄罗斯选举", []int64{zh}},
		{"no match", "english", "football", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Pool().Query(ctx, `SELECT id FROM articles WHERE tsv @@ to_tsquery($1::regconfig, $2) ORDER BY id`, tc.cfg, tc.query)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				got = append(got, id)
			}
			rows.Close()
			if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
				t.Errorf("matches = %v, want %v", got, tc.want)
			}
		})
	}
	var cfg string
	if err := s.Pool().QueryRow(ctx, `SELECT ts_config::text FROM articles WHERE id = $1`, nl).Scan(&cfg); err != nil || cfg != "dutch" {
		t.Errorf("ts_config = %q, %v", cfg, err)
	}
	var idx bool
	if err := s.Pool().QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'articles_tsv' AND indexdef LIKE '%gin%')`).Scan(&idx); err != nil || !idx {
		t.Errorf("GIN index articles_tsv missing: %v", err)
	}
}

// TestLedger covers the work-queue ledger: staging is idempotent, the
// watermark forgets committed outcomes and refuses stale stages, and only
// one lease holder can advance.
func TestLedger(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	for _, seq := range []int64{3, 1, 2, 2} {
		if err := s.Stage(ctx, seq, []byte{byte(seq)}); err != nil {
			t.Fatal(err)
		}
	}
	var got []int64
	if err := s.Staged(ctx, 0, 10, func(seq int64, p []byte) error {
		if p[0] != byte(seq) {
			t.Errorf("payload of %d = %v", seq, p)
		}
		got = append(got, seq)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != 1 || got[2] != 3 {
		t.Fatalf("staged = %v", got)
	}
	l1, err := s.TryLease(ctx)
	if err != nil || l1 == nil {
		t.Fatalf("first lease: %v, %v", l1, err)
	}
	if l2, err := s.TryLease(ctx); err != nil || l2 != nil {
		t.Fatalf("second lease granted while the first is held: %v, %v", l2, err)
	}
	if err := s.Advance(ctx, 2, l1.Epoch); err != nil {
		t.Fatal(err)
	}
	if err := s.Stage(ctx, 1, []byte{9}); err != nil { // a late redelivery
		t.Fatal(err)
	}
	if n, _ := s.StagedCount(ctx); n != 1 {
		t.Errorf("staged after advance = %d, want 1", n)
	}
	if w, _ := s.Watermark(ctx); w != 2 {
		t.Errorf("watermark = %d", w)
	}
	if err := l1.Check(ctx); err != nil {
		t.Error(err)
	}
	l1.Release()
	l3, err := s.TryLease(ctx)
	if err != nil || l3 == nil || l3.Epoch <= l1.Epoch {
		t.Fatalf("lease after release: %+v, %v", l3, err)
	}
	defer l3.Release()
	if err := s.Advance(ctx, 3, l1.Epoch); !errors.Is(err, postgres.ErrLeaseLost) {
		t.Errorf("advance with a stale epoch: %v", err)
	}
}

func BenchmarkPutArticle(b *testing.B) {
	s, err := postgres.Open(context.Background(), testpg.DB(b, pg))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, a := storetest.Sample(i)
		a.Events = []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "BLR"}, Target: model.Actor{Country: "CHN"},
			Sources: []model.EventSource{{Sentence: "s", Start: 0, End: 1}}}}
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSearch runs store.Search on PostgreSQL: analysed-term matching,
// filters, facets, paging and grouping.
func TestSearch(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	put := func(n int, lang, title, body string, cluster int64) {
		doc, a := storetest.Sample(n)
		a.Lang, a.Title, a.Lead, a.Body, a.ClusterID, a.StoryID = lang, title, "", body, cluster, 1
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	put(1, "nl", "Verkiezingen in Wit-Rusland", "De oppositie boycotte de verkiezingen.", 1)
	put(2, "en", "Elections in Belarus", "The opposition boycotted the elections.", 1)
	put(3, "en", "Football results", "Ajax won.", 2)
	tests := []struct {
		name  string
		q     store.SearchQuery
		total int64
	}{
		{"stemmed dutch", store.SearchQuery{Text: "verkiezing"}, 1},
		{"stemmed english", store.SearchQuery{Text: "election"}, 1},
		{"or", store.SearchQuery{Text: "verkiezing OR election"}, 2},
		{"language filter", store.SearchQuery{Text: "verkiezing OR election", Langs: []string{"en"}}, 1},
		{"no query lists all", store.SearchQuery{}, 3},
		{"not", store.SearchQuery{Text: "opposition -belarus"}, 0},
		{"agency facet filter", store.SearchQuery{Agencies: []string{"rtr"}}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tc.total || int64(len(res.Hits)) != tc.total {
				t.Errorf("total %d, %d hits; want %d", res.Total, len(res.Hits), tc.total)
			}
		})
	}
	res, err := s.Search(ctx, store.SearchQuery{Limit: 2, Facets: true})
	if err != nil || len(res.Hits) != 2 || res.Next == "" || len(res.Facets["lang"]) != 2 {
		t.Fatalf("page 1 = %+v, %v", res, err)
	}
	res2, err := s.Search(ctx, store.SearchQuery{Limit: 2, Cursor: res.Next})
	if err != nil || len(res2.Hits) != 1 || res2.Next != "" {
		t.Fatalf("page 2 = %+v, %v", res2, err)
	}
	g, err := s.Search(ctx, store.SearchQuery{Text: "opposition OR oppositie OR ajax", Group: store.GroupCluster})
	if err != nil || len(g.Groups) != 2 || g.Groups[0].Count+g.Groups[1].Count != 3 {
		t.Fatalf("groups = %+v, %v", g, err)
	}
	if _, err := s.Search(ctx, store.SearchQuery{Cursor: "x"}); !errors.Is(err, store.ErrBadQuery) {
		t.Errorf("bad cursor: %v", err)
	}
}
