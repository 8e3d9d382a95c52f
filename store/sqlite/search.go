package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"dateline/model"
	"dateline/search"
	"dateline/store"
	"dateline/store/internal/sqlstore"
)

// putSearch writes an article's search document (search.Index) inside
// its transaction: the FTS5 row and the facet rows.
func putSearch(ctx context.Context, x execer, id int64, d *search.Doc) error {
	if _, err := x.ExecContext(ctx, `INSERT INTO article_fts(rowid, title, text, ents) VALUES (?,?,?,?)`, id, d.Title, d.Text, d.Entities); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	for _, f := range d.Facets {
		if _, err := x.ExecContext(ctx, `INSERT OR IGNORE INTO article_facets(kind, value, article_id) VALUES (?,?,?)`, f.Kind, f.Value, id); err != nil {
			return fmt.Errorf("search facets: %w", err)
		}
	}
	return nil
}

// backfillSearch indexes the articles stored before the search index
// existed (queued by the migration that created it).
func (s *Store) backfillSearch(ctx context.Context) error {
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT article_id FROM search_pending ORDER BY article_id LIMIT 200`)
		if err != nil {
			return fmt.Errorf("search backfill: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("search backfill: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if len(ids) == 0 {
			return nil
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("search backfill: %w", err)
		}
		for _, id := range ids {
			a, err := s.Article(ctx, id)
			if err != nil {
				tx.Rollback()
				return fmt.Errorf("search backfill: %w", err)
			}
			if a.Entities, err = s.entitiesOf(ctx, a.Mentions); err != nil {
				tx.Rollback()
				return fmt.Errorf("search backfill: %w", err)
			}
			d := search.Index(&a)
			if err := putSearch(ctx, tx, id, &d); err != nil {
				tx.Rollback()
				return fmt.Errorf("search backfill: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM search_pending WHERE article_id = ?`, id); err != nil {
				tx.Rollback()
				return fmt.Errorf("search backfill: %w", err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("search backfill: %w", err)
		}
	}
}

// entitiesOf returns the stored entities the mentions link to.
func (s *Store) entitiesOf(ctx context.Context, ms []model.Mention) ([]model.Entity, error) {
	var out []model.Entity
	seen := map[string]bool{}
	for _, m := range ms {
		if m.EntityID == "" || seen[m.EntityID] {
			continue
		}
		seen[m.EntityID] = true
		var e model.Entity
		err := s.db.QueryRowContext(ctx, `SELECT id, name, type, kind, country FROM entities WHERE id = ?`, m.EntityID).Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Country)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// defaultCountCap is how many matches a search counts exactly: a query
// that matches more articles reports Total = defaultCountCap with
// TotalCapped and counts facets over its newest defaultCountCap matches.
const defaultCountCap = 10000

// defaultRankWindow is how many matches a search ranks by relevance at a
// time. bm25 costs a lookup of the document's length per ranked match
// (about 2 µs each with this driver), so a query with more matches is
// ranked window by window, newest window first (see rankPage). With the
// count cap this bounds every cost of a search, however common its words.
const defaultRankWindow = 2000

// readConns is the size of the read-only connection pool searches run on:
// twice the CPUs, at least 4 and at most 64. SQLite in WAL mode lets
// readers run beside each other and beside the one writer, but a search
// is CPU-bound: more connections than that only interleave the same
// work, and on a 2-CPU machine 32 connections for 32 clients gave a
// worse tail than 4 (docs/performance.md).
func readConns() int {
	return min(64, max(4, 2*runtime.GOMAXPROCS(0)))
}

// openReadPool opens the read-only connection pool of a store file, with
// a larger page cache per connection and memory-mapped reads (of the
// first 2 GiB: the most the driver maps). It returns
// nil, nil for in-memory databases, which cannot be shared between pools.
func openReadPool(path string) (*sql.DB, error) {
	if path == "" || strings.Contains(path, ":memory:") || strings.Contains(path, "mode=memory") {
		return nil, nil
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "query_only(1)", "cache_size(-16384)", "mmap_size(2147418112)", "temp_store(memory)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("read pool: %w", err)
	}
	db.SetMaxOpenConns(readConns())
	db.SetMaxIdleConns(readConns())
	return db, nil
}

// readStmts caches prepared statements of the read pool by SQL text
// (database/sql prepares each on a connection once, when first used
// there): searches run the same few statements over and over.
type readStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxReadStmts bounds the cache: statements differ by the number of
// filter values, and a query with unusual ones runs unprepared.
const maxReadStmts = 256

// query runs q on db, through a cached prepared statement when db is the
// read pool.
func (s *Store) query(ctx context.Context, db *sql.DB, q string, args ...any) (*sql.Rows, error) {
	if st := s.stmt(ctx, db, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.query(ctx, db, q, args...)
}

// queryRow is query for one row.
func (s *Store) queryRow(ctx context.Context, db *sql.DB, q string, args ...any) *sql.Row {
	if st := s.stmt(ctx, db, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.queryRow(ctx, db, q, args...)
}

func (s *Store) stmt(ctx context.Context, db *sql.DB, q string) *sql.Stmt {
	if db != s.read || db == nil {
		return nil
	}
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	if st, ok := s.stmts.m[q]; ok {
		return st
	}
	if len(s.stmts.m) >= maxReadStmts {
		return nil
	}
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil // running it unprepared reports the error
	}
	if s.stmts.m == nil {
		s.stmts.m = map[string]*sql.Stmt{}
	}
	s.stmts.m[q] = st
	return st
}

// reader is the pool searches use.
func (s *Store) reader() *sql.DB {
	if s.read != nil {
		return s.read
	}
	return s.db
}

// SetSearchLimits sets how many matches a search counts exactly (see
// defaultCountCap) and how many it ranks at a time (defaultRankWindow);
// a value <= 0 keeps the default. Call it before searching: it is not
// synchronised with running searches.
func (s *Store) SetSearchLimits(count, rank int) { s.countCap, s.rankWindow = count, rank }

func (s *Store) cap() int {
	if s.countCap > 0 {
		return s.countCap
	}
	return defaultCountCap
}

func (s *Store) window() int {
	if s.rankWindow > 0 {
		return s.rankWindow
	}
	return defaultRankWindow
}

// searchPlan is the FROM and WHERE of a search, with its arguments. A
// full-text search reads article_fts alone (ranking, counting and paging
// never touch the wide article rows); filters are probes into narrow
// indexes per match.
type searchPlan struct {
	from  string
	id    string // the article ID expression
	where []string
	args  []any
	score string // SQL expression, lower is better
	text  bool
}

func (p *searchPlan) whereSQL(extra ...string) string {
	w := append(append([]string(nil), p.where...), extra...)
	if len(w) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w, " AND ")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Search implements store.Store.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	res := store.SearchResult{Hits: []store.SearchHit{}}
	c, err := sqlstore.CheckSearch(q)
	if err != nil {
		return res, err
	}
	node, langs, limit, sortBy := c.Node, c.Langs, c.Limit, c.Sort
	db := s.reader()
	plan := &searchPlan{from: "articles a INDEXED BY articles_meta", id: "a.id", score: "0"}
	var meta []string // conditions on the columns of articles_meta
	var metaArgs []any
	if len(q.Langs) > 0 {
		meta = append(meta, "lang IN ("+placeholders(len(q.Langs))+")")
		for _, l := range q.Langs {
			metaArgs = append(metaArgs, l)
		}
	}
	if q.From != "" {
		meta = append(meta, "published >= ?")
		metaArgs = append(metaArgs, q.From)
	}
	if q.To != "" {
		meta = append(meta, "published != '' AND published <= ?")
		metaArgs = append(metaArgs, q.To+"~")
	}
	if node != nil {
		if err := s.expandFromMentions(ctx, db, node); err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		res.Query = node.String()
		expr, ok := search.FTS5(node, langs)
		if !ok { // nothing but stop words: nothing matches
			return res, nil
		}
		plan.text = true
		plan.from, plan.id = "article_fts", "article_fts.rowid"
		plan.where = append(plan.where, "article_fts MATCH ?")
		plan.args = append(plan.args, expr)
		plan.score = "bm25(article_fts, 4.0, 1.0, 2.0)"
		if len(meta) > 0 {
			plan.where = append(plan.where, "EXISTS (SELECT 1 FROM articles m INDEXED BY articles_meta WHERE m.id = article_fts.rowid AND "+
				strings.Join(meta, " AND ")+")")
			plan.args = append(plan.args, metaArgs...)
		}
	} else {
		sortBy = store.SortNewest
		for _, c := range meta {
			plan.where = append(plan.where, "a."+c)
		}
		plan.args = append(plan.args, metaArgs...)
	}
	for _, f := range []struct {
		kind   string
		values []string
		upper  bool
	}{
		{search.FacetAgency, q.Agencies, true}, {search.FacetEntity, q.Entities, false},
		{search.FacetCountry, q.Countries, true}, {search.FacetType, q.EventTypes, true},
	} {
		if len(f.values) == 0 {
			continue
		}
		if plan.text { // a probe per match
			plan.where = append(plan.where, "EXISTS (SELECT 1 FROM article_facets x WHERE x.kind = ? AND x.value IN ("+placeholders(len(f.values))+
				") AND x.article_id = article_fts.rowid)")
		} else { // the facet's articles drive the listing
			plan.where = append(plan.where, "a.id IN (SELECT article_id FROM article_facets WHERE kind = ? AND value IN ("+placeholders(len(f.values))+"))")
		}
		plan.args = append(plan.args, f.kind)
		for _, v := range f.values {
			if f.upper {
				v = strings.ToUpper(v)
			}
			plan.args = append(plan.args, v)
		}
	}
	// Count up to the cap, newest first: the (cap+1)-th newest match,
	// when there is one, bounds the first ranking window and the facets.
	var n, low int64
	var lowN sql.NullInt64
	capN := s.cap()
	if err := s.queryRow(ctx, db, `SELECT COUNT(*), MIN(id) FROM (SELECT `+plan.id+` AS id FROM `+plan.from+plan.whereSQL()+
		` ORDER BY `+plan.id+` DESC LIMIT ?)`, append(plan.args, capN+1)...).Scan(&n, &lowN); err != nil {
		return res, fmt.Errorf("search: count: %w", err)
	}
	res.Total = n
	if n > int64(capN) {
		res.Total, res.TotalCapped, low = int64(capN), true, lowN.Int64
	}
	// The first ranking window: the newest window() matches.
	var rankLow int64
	if w := s.window(); n > int64(w) {
		if w >= capN {
			rankLow = low
		} else if err := s.queryRow(ctx, db, `SELECT `+plan.id+` FROM `+plan.from+plan.whereSQL()+` ORDER BY `+plan.id+` DESC LIMIT 1 OFFSET ?`,
			append(plan.args, w)...).Scan(&rankLow); err != nil {
			return res, fmt.Errorf("search: rank window: %w", err)
		}
	}
	if q.Facets {
		f, err := s.facets(ctx, db, plan, low)
		if err != nil {
			return res, fmt.Errorf("search: facets: %w", err)
		}
		res.Facets = f
	}
	h := search.NewHighlighter(node, langs)
	if q.Group != "" {
		if err := s.searchGroups(ctx, db, q, plan, sortBy, limit, h, &res); err != nil {
			return res, err
		}
		return res, nil
	}
	var ids []int64
	var scores []float64
	if sortBy == store.SortRelevance {
		ids, scores, res.Next, err = s.rankPage(ctx, db, plan, q.Cursor, rankLow, limit)
	} else {
		ids, scores, res.Next, err = s.newestPage(ctx, db, plan, q.Cursor, limit)
	}
	if err != nil {
		return res, err
	}
	hits, err := s.hits(ctx, db, ids, scores, h, q.SnippetSize)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	res.Hits = hits
	return res, nil
}

// newestPage returns a page of matches, highest ID first, with their
// scores (computed for the page's rows only).
func (s *Store) newestPage(ctx context.Context, db *sql.DB, plan *searchPlan, cursor string, limit int) ([]int64, []float64, string, error) {
	var extra []string
	args := append([]any(nil), plan.args...)
	if cursor != "" {
		c, err := parseSearchCursor(cursor)
		if err != nil || c.kind != 'n' {
			return nil, nil, "", fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, cursor)
		}
		extra = append(extra, plan.id+" < ?")
		args = append(args, c.id)
	}
	ids, scores, err := s.idScores(ctx, db, `SELECT `+plan.id+`, `+plan.score+` FROM `+plan.from+plan.whereSQL(extra...)+
		` ORDER BY `+plan.id+` DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, nil, "", fmt.Errorf("search: %w", err)
	}
	next := ""
	if len(ids) > limit {
		ids, scores = ids[:limit], scores[:limit]
		next = "n:" + strconv.FormatInt(ids[limit-1], 10)
	}
	return ids, scores, next, nil
}

// rankPage returns a page of matches in relevance order. Matches are
// ranked in windows of IDs: the window (lo, hi] holds at most window()
// matches (hi 0: no upper bound; lo 0: no lower bound). When the query
// matches at most window() articles, there is one window, (0, 0], and
// the order is exact relevance. Otherwise the newest window() matches are
// ranked first, then the next window() older ones, and so on: a page
// costs at most one or two windows of bm25, and paging still reaches
// every match. low is the lower bound of the first window (0: the only
// window).
func (s *Store) rankPage(ctx context.Context, db *sql.DB, plan *searchPlan, cursor string, low int64, limit int) ([]int64, []float64, string, error) {
	w := searchCursor{kind: 'r', lo: low}
	after := false
	if cursor != "" {
		c, err := parseSearchCursor(cursor)
		if err != nil || c.kind != 'r' {
			return nil, nil, "", fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, cursor)
		}
		w, after = c, true
	}
	var ids []int64
	var scores []float64
	var wins []searchCursor // the window of each hit
	for {
		var extra []string
		args := append([]any(nil), plan.args...)
		if w.lo > 0 {
			extra = append(extra, plan.id+" > ?")
			args = append(args, w.lo)
		}
		if w.hi > 0 {
			extra = append(extra, plan.id+" <= ?")
			args = append(args, w.hi)
		}
		if after {
			extra = append(extra, "(score > ? OR (score = ? AND "+plan.id+" > ?))")
			args = append(args, w.score, w.score, w.id)
		}
		want := limit + 1 - len(ids)
		wi, ws, err := s.idScores(ctx, db, `SELECT `+plan.id+`, `+plan.score+` AS score FROM `+plan.from+plan.whereSQL(extra...)+
			` ORDER BY score, `+plan.id+` LIMIT ?`, append(args, want)...)
		if err != nil {
			return nil, nil, "", fmt.Errorf("search: %w", err)
		}
		ids, scores = append(ids, wi...), append(scores, ws...)
		for range wi {
			wins = append(wins, searchCursor{kind: 'r', hi: w.hi, lo: w.lo})
		}
		// Stop when the page is full, when this was the last window, or
		// when the page is exactly full: lo itself matches, so a next
		// page exists and starts by finding this window done.
		if len(ids) >= limit || w.lo == 0 {
			break
		}
		// This window is done: the next one ends where it began.
		var n int64
		var lo sql.NullInt64
		if err := s.queryRow(ctx, db, `SELECT COUNT(*), MIN(id) FROM (SELECT `+plan.id+` AS id FROM `+plan.from+plan.whereSQL(plan.id+" <= ?")+
			` ORDER BY `+plan.id+` DESC LIMIT ?)`, append(append([]any(nil), plan.args...), w.lo, s.window()+1)...).Scan(&n, &lo); err != nil {
			return nil, nil, "", fmt.Errorf("search: %w", err)
		}
		w = searchCursor{kind: 'r', hi: w.lo}
		if n > int64(s.window()) {
			w.lo = lo.Int64
		}
		after = false
	}
	next := ""
	if len(ids) > limit || (len(ids) == limit && wins[limit-1].lo > 0) {
		ids, scores = ids[:limit], scores[:limit]
		c := wins[limit-1]
		c.score, c.id = scores[limit-1], ids[limit-1]
		next = c.String()
	}
	return ids, scores, next, nil
}

// searchCursor is a position in a listing: "n:ID" (newest first, below
// ID), "r:SCORE:ID" (relevance, after SCORE and ID), "r:SCORE:ID:HI:LO"
// (relevance inside the window (LO, HI] of IDs) or "g:OFFSET" (groups).
type searchCursor struct {
	kind   byte
	score  float64
	id     int64
	hi, lo int64
}

func (c searchCursor) String() string {
	sc := "r:" + strconv.FormatFloat(c.score, 'g', -1, 64) + ":" + strconv.FormatInt(c.id, 10)
	if c.hi == 0 && c.lo == 0 {
		return sc
	}
	return sc + ":" + strconv.FormatInt(c.hi, 10) + ":" + strconv.FormatInt(c.lo, 10)
}

// parseSearchCursor reads a searchCursor.
func parseSearchCursor(c string) (searchCursor, error) {
	parts := strings.Split(c, ":")
	bad := fmt.Errorf("bad cursor")
	var out searchCursor
	num := func(s string) (int64, bool) {
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil && v >= 0
	}
	var ok bool
	switch {
	case (len(parts) == 3 || len(parts) == 5) && parts[0] == "r":
		var err error
		if out.score, err = strconv.ParseFloat(parts[1], 64); err != nil || math.IsNaN(out.score) {
			return out, bad
		}
		if out.id, ok = num(parts[2]); !ok {
			return out, bad
		}
		if len(parts) == 5 {
			if out.hi, ok = num(parts[3]); !ok {
				return out, bad
			}
			if out.lo, ok = num(parts[4]); !ok || (out.hi > 0 && out.lo >= out.hi) {
				return out, bad
			}
		}
	case len(parts) == 2 && (parts[0] == "n" || parts[0] == "g"):
		if out.id, ok = num(parts[1]); !ok {
			return out, bad
		}
	default:
		return out, bad
	}
	out.kind = parts[0][0]
	return out, nil
}

func (s *Store) idScores(ctx context.Context, db *sql.DB, q string, args ...any) ([]int64, []float64, error) {
	rows, err := s.query(ctx, db, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	return sqlstore.IDScores(rows)
}

// mentionEntities lists the distinct entities (at most 5) that mentions
// with a surface form (case-insensitive) link to: a skip-scan of the
// index on (text, entity_id), one seek per entity, however often the
// form occurs.
const mentionEntities = `WITH RECURSIVE d(e) AS (
	SELECT (SELECT MIN(entity_id) FROM mentions WHERE text = ?1 COLLATE NOCASE AND entity_id > '')
	UNION ALL
	SELECT (SELECT MIN(entity_id) FROM mentions WHERE text = ?1 COLLATE NOCASE AND entity_id > d.e) FROM d WHERE d.e IS NOT NULL
	LIMIT 6)
SELECT e FROM d WHERE e IS NOT NULL LIMIT 5`

// expandFromMentions adds to every word and phrase of the query the
// entities that stored mentions with that surface form link to.
func (s *Store) expandFromMentions(ctx context.Context, db *sql.DB, n *search.Node) error {
	return sqlstore.ExpandFromMentions(n, func(name string) ([]string, error) {
		rows, err := s.query(ctx, db, mentionEntities, name)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		return sqlstore.Strings(rows), nil
	})
}

// facets counts facet values over the matches with IDs above low (all
// matches when low is 0).
func (s *Store) facets(ctx context.Context, db *sql.DB, plan *searchPlan, low int64) (map[string][]store.FacetCount, error) {
	var extra []string
	args := append([]any(nil), plan.args...)
	if low > 0 {
		extra = append(extra, plan.id+" > ?")
		args = append(args, low)
	}
	rows, err := s.query(ctx, db, `SELECT f.kind, f.value, COUNT(*) FROM article_facets f INDEXED BY article_facets_article
		WHERE f.article_id IN (SELECT `+plan.id+` FROM `+plan.from+plan.whereSQL(extra...)+`) GROUP BY f.kind, f.value`, args...)
	if err != nil {
		return nil, err
	}
	out, err := sqlstore.Facets(rows)
	rows.Close()
	if err != nil {
		return nil, err
	}
	for i := range out[search.FacetEntity] {
		fc := &out[search.FacetEntity][i]
		err := s.queryRow(ctx, db, `SELECT name FROM entities WHERE id = ?`, fc.Value).Scan(&fc.Label)
		if err == sql.ErrNoRows || fc.Label == "" {
			err = s.queryRow(ctx, db, `SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT 1`, fc.Value).Scan(&fc.Label)
		}
		if err != nil && err != sql.ErrNoRows {
			return nil, err
		}
	}
	return out, nil
}

// hits loads the articles of a page with highlighting, in ids order.
func (s *Store) hits(ctx context.Context, db *sql.DB, ids []int64, scores []float64, h *search.Highlighter, size int) ([]store.SearchHit, error) {
	out := []store.SearchHit{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(ctx, db, `SELECT id, source, url, title, lang, published, agencies, cluster_id, story_id, lead, body
		FROM articles WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID, err := sqlstore.HitRows(rows)
	rows.Close()
	if err != nil {
		return nil, err
	}
	mrows, err := s.query(ctx, db, `SELECT article_id, entity_id, start, end FROM mentions
		WHERE article_id IN (`+placeholders(len(ids))+`) AND entity_id != ''`, args...)
	if err != nil {
		return nil, err
	}
	ments, err := sqlstore.MentionSpans(mrows)
	mrows.Close()
	if err != nil {
		return nil, err
	}
	return sqlstore.Hits(ids, scores, byID, ments, h, size), nil
}

// searchGroups pages over clusters or stories of matching articles.
func (s *Store) searchGroups(ctx context.Context, db *sql.DB, q store.SearchQuery, plan *searchPlan, sortBy string, limit int, h *search.Highlighter, res *store.SearchResult) error {
	col := "a.cluster_id"
	if q.Group == store.GroupStory {
		col = "a.story_id"
	}
	gexpr := "CASE WHEN " + col + " != 0 THEN " + col + " ELSE -a.id END"
	from := plan.from
	if plan.text { // the cluster and story of each match, from the narrow index
		from += " CROSS JOIN articles a INDEXED BY articles_meta ON a.id = article_fts.rowid"
	}
	off := int64(0)
	if q.Cursor != "" {
		c, err := parseSearchCursor(q.Cursor)
		if err != nil || c.kind != 'g' {
			return fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, q.Cursor)
		}
		off = c.id
	}
	order := "MIN(score), g"
	if sortBy == store.SortNewest {
		order = "MAX(id) DESC"
	}
	args := append(append([]any(nil), plan.args...), limit+1, off)
	rows, err := s.query(ctx, db, `WITH m AS MATERIALIZED (SELECT `+gexpr+` AS g, `+plan.score+` AS score, a.id AS id FROM `+from+plan.whereSQL()+`)
		SELECT g, COUNT(*) FROM m GROUP BY g ORDER BY `+order+` LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	keys, counts, err := sqlstore.GroupCounts(rows)
	rows.Close()
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	if len(keys) > limit {
		keys = keys[:limit]
		res.Next = "g:" + strconv.FormatInt(off+int64(limit), 10)
	}
	res.Groups = []store.SearchGroup{}
	if len(keys) == 0 {
		return nil
	}
	gargs := append([]any(nil), plan.args...)
	for _, k := range keys {
		gargs = append(gargs, k)
	}
	hq := `SELECT a.id, ` + plan.score + ` AS score, ` + gexpr + ` AS g FROM ` + from
	where := append(append([]string(nil), plan.where...), gexpr+" IN ("+placeholders(len(keys))+")")
	hq += " WHERE " + strings.Join(where, " AND ")
	if sortBy == store.SortRelevance {
		hq += " ORDER BY score, a.id"
	} else {
		hq += " ORDER BY a.id DESC"
	}
	hrows, err := s.query(ctx, db, hq, gargs...)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	perGroup, ids, scores, err := sqlstore.GroupMembers(hrows)
	hrows.Close()
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	hits, err := s.hits(ctx, db, ids, scores, h, q.SnippetSize)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	table := "clusters"
	if q.Group == store.GroupStory {
		table = "stories"
	}
	groups, err := sqlstore.Groups(q.Group, keys, counts, perGroup, hits, func(id int64) (string, error) {
		var title string
		err := s.queryRow(ctx, db, `SELECT title FROM `+table+` WHERE id = ?`, id).Scan(&title)
		if err == sql.ErrNoRows {
			return "", nil
		}
		return title, err
	})
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	res.Groups = groups
	return nil
}
