package sqlstore

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"dateline/model"
	"dateline/store"
)

// Scanner is a row to scan: *sql.Row, *sql.Rows, pgx.Row or pgx.Rows.
type Scanner interface {
	Scan(dest ...any) error
}

// ArticleCols are the columns ScanArticle reads, over articles a joined
// with documents d.
const ArticleCols = `a.id, d.hash, a.source, a.url, a.lang, a.title, a.lead, a.body, a.place, a.dateline_agencies, a.agencies,
	a.published, a.modified, a.fetched, a.author, a.site_name, a.canonical, a.annotations, a.cluster_id, a.story_id, a.duplicate_of`

// Annotations is the JSON column holding derived data that is read with
// the article but not queried by column.
type Annotations struct {
	Timexes []model.Timex `json:"timexes,omitempty"`
	// Cluster is the clustering stage's features (Article.ClusterFeatures),
	// replayed when the stage restores its state.
	Cluster json.RawMessage `json:"cluster,omitempty"`
}

// AnnotationsJSON is the annotations column of an article.
func AnnotationsJSON(a *model.Article) string {
	b, _ := json.Marshal(Annotations{Timexes: a.Timexes, Cluster: a.ClusterFeatures})
	return string(b)
}

// JSONList is v as a JSON array ("[]" when nil).
func JSONList(v []string) string {
	if v == nil {
		v = []string{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// ScanArticle reads an article row of ArticleCols.
func ScanArticle(r Scanner) (model.Article, error) {
	var a model.Article
	var dag, ag, pub, mod, fet, ann string
	if err := r.Scan(&a.ID, &a.Hash, &a.Source, &a.URL, &a.Lang, &a.Title, &a.Lead, &a.Body, &a.Dateline.Place, &dag, &ag,
		&pub, &mod, &fet, &a.Author, &a.SiteName, &a.Canonical, &ann, &a.ClusterID, &a.StoryID, &a.DuplicateOf); err != nil {
		return a, err
	}
	_ = json.Unmarshal([]byte(dag), &a.Dateline.Agencies)
	_ = json.Unmarshal([]byte(ag), &a.Agencies)
	a.Published, _ = model.ParseTime(pub)
	a.Modified, _ = model.ParseTime(mod)
	a.Fetched, _ = model.ParseTime(fet)
	var an Annotations
	_ = json.Unmarshal([]byte(ann), &an)
	a.Timexes, a.ClusterFeatures = an.Timexes, an.Cluster
	return a, nil
}

// ArticlesSQL is the query of an article listing, newest first, reading
// one article more than the page (limit) holds.
func ArticlesSQL(q store.ArticleQuery, limit int, a *Args) (string, error) {
	var where []string
	if q.Cursor != "" {
		c, err := strconv.ParseInt(q.Cursor, 10, 64)
		if err != nil {
			return "", fmt.Errorf("articles: bad cursor %q", q.Cursor)
		}
		where = append(where, "a.id < "+a.Add(c))
	}
	if q.Lang != "" {
		where = append(where, "a.lang = "+a.Add(q.Lang))
	}
	sq := `SELECT ` + ArticleCols + ` FROM articles a JOIN documents d ON d.id = a.doc_id`
	if len(where) > 0 {
		sq += " WHERE " + strings.Join(where, " AND ")
	}
	return sq + " ORDER BY a.id DESC LIMIT " + a.Add(limit+1), nil
}

// ArticlePage scans the rows of an ArticlesSQL query into a page (the
// articles without their bodies).
func ArticlePage(rows Rows, limit int) (store.ArticlePage, error) {
	page := store.ArticlePage{Articles: []model.Article{}}
	for rows.Next() {
		a, err := ScanArticle(rows)
		if err != nil {
			return page, fmt.Errorf("articles: %w", err)
		}
		a.Body = ""
		page.Articles = append(page.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("articles: %w", err)
	}
	if len(page.Articles) > limit {
		page.Articles = page.Articles[:limit]
		page.Next = strconv.FormatInt(page.Articles[limit-1].ID, 10)
	}
	return page, nil
}

// EventCols are the columns ScanEvent reads, over events e.
const EventCols = `e.id, e.type, e.mode, e.src_name, e.src_entity, e.src_country, e.src_sector,
	e.tgt_name, e.tgt_entity, e.tgt_country, e.tgt_sector, e.place, e.date, e.date_end, e.score, e.confidence`

// ScanEvent reads an event row of EventCols, then the extra columns.
func ScanEvent(r Scanner, extra ...any) (model.Event, error) {
	var e model.Event
	dest := []any{&e.ID, &e.Type, &e.Mode, &e.Source.Name, &e.Source.EntityID, &e.Source.Country, &e.Source.Sector,
		&e.Target.Name, &e.Target.EntityID, &e.Target.Country, &e.Target.Sector, &e.Place, &e.Date, &e.DateEnd, &e.Score, &e.Confidence}
	err := r.Scan(append(dest, extra...)...)
	return e, err
}
