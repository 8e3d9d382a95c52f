package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"dateline/model"
	"dateline/store"
)

// bulkArticle is scaleArticle with briefs, entities and an event now and
// then, so that every table PutArticle writes gets rows.
func bulkArticle(i int) (*model.Document, *model.Article) {
	doc, a := scaleArticle(i)
	if i%3 == 0 {
		a.Briefs = []model.Brief{{Text: fmt.Sprintf("Kort bericht %d", i%5)}}
	}
	if len(a.Mentions) > 0 {
		a.Entities = []model.Entity{{ID: "Q2280", Name: "Minsk", Type: model.LOC, Country: "BLR"}}
	}
	if i%7 == 0 {
		a.ClusterID, a.StoryID = int64(1+i%2), int64(1+i%2)
	}
	if i%5 == 0 {
		a.Events = []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "BLR"}, Target: model.Actor{Country: "CHN"}, Date: "2023-02-20", Score: 1,
			Sources: []model.EventSource{{Source: doc.Source, Sentence: a.Lead, Start: len(a.Title) + 2, End: len(a.Title) + 2 + len(a.Lead)}}}}
	}
	return doc, a
}

// TestBulkLoaderSameAsPutArticle stores the same articles through
// PutArticle and through a BulkLoader (small batches, a duplicate among
// them) and compares every table and the answers of searches.
func TestBulkLoaderSameAsPutArticle(t *testing.T) {
	const n = 45
	ctx := context.Background()
	dir := t.TempDir()
	one, err := Open(ctx, filepath.Join(dir, "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	bulk, err := Open(ctx, filepath.Join(dir, "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer bulk.Close()
	for i := 0; i < n; i++ {
		doc, a := bulkArticle(i)
		if _, _, err := one.PutArticle(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
	}
	bl, err := bulk.NewBulkLoader(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		doc, a := bulkArticle(i)
		if err := bl.Add(ctx, doc, a); err != nil {
			t.Fatal(err)
		}
		if i == 20 { // stored before: skipped
			doc, a := bulkArticle(3)
			if err := bl.Add(ctx, doc, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := bl.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if bl.Added() != n {
		t.Errorf("added %d, want %d", bl.Added(), n)
	}
	for _, q := range []string{
		`SELECT id, hash, source, url, format, fetched, content FROM documents ORDER BY id`,
		`SELECT * FROM articles ORDER BY id`,
		`SELECT * FROM briefs ORDER BY id`,
		`SELECT * FROM article_briefs ORDER BY article_id, brief_id`,
		`SELECT * FROM mentions ORDER BY article_id, start`,
		`SELECT * FROM entities ORDER BY id`,
		`SELECT * FROM events ORDER BY id`,
		`SELECT * FROM event_sources ORDER BY event_id, article_id`,
		`SELECT * FROM article_facets ORDER BY kind, value, article_id`,
		`SELECT rowid FROM article_fts WHERE article_fts MATCH 'top OR minsk OR bericht OR eq2280' ORDER BY rowid`,
	} {
		a, b := dump(t, one.db, q), dump(t, bulk.db, q)
		if len(a) == 0 {
			t.Errorf("%s: no rows", q)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differs:\nPutArticle %v\nbulk       %v", q, a, b)
		}
	}
	for _, q := range []store.SearchQuery{
		{Text: "top"}, {Text: "Minsk", Facets: true}, {Text: `"top top"`, Sort: store.SortNewest},
		{Text: "bericht", Langs: []string{"nl"}, Limit: 100}, {Entities: []string{"Q2280"}, Facets: true},
		{Text: "top", Group: store.GroupCluster},
	} {
		a, err := one.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := bulk.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Search(%+v) differs:\nPutArticle %+v\nbulk       %+v", q, a, b)
		}
	}
}

func dump(t *testing.T, db *sql.DB, q string) [][]any {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	return out
}
