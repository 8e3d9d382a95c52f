// Package sqlstore holds what the SQL drivers of package store (sqlite and
// postgres) share: paging, filter building over either placeholder style,
// and the assembly of scanned rows into the portable types. The drivers
// keep their SQL text and transactions; the rows they scan come here.
package sqlstore

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// Rows is what both *sql.Rows and pgx.Rows offer. Callers close the rows
// (defer rows.Close()) after handing them here.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// PageLimit is l, or def when l is not positive.
func PageLimit(l, def int) int {
	if l <= 0 {
		return def
	}
	return l
}

// ParseCursor reads a numeric cursor ("" is 0).
func ParseCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(c, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad cursor %q", c)
	}
	return v, nil
}

// Args collects the arguments of a query under construction. The zero
// value writes "?" placeholders (SQLite); with Dollar set it writes "$n"
// (PostgreSQL).
type Args struct {
	Dollar bool
	Vals   []any
}

// Add appends v and returns its placeholder.
func (a *Args) Add(v any) string {
	a.Vals = append(a.Vals, v)
	if a.Dollar {
		return "$" + strconv.Itoa(len(a.Vals))
	}
	return "?"
}

// EventConds is the WHERE conditions (over events e) of an event query.
func EventConds(q store.EventQuery, a *Args) []string {
	var where []string
	switch {
	case q.Either && q.Source != "" && q.Target != "":
		where = append(where, fmt.Sprintf("((e.src_country = %s AND e.tgt_country = %s) OR (e.src_country = %s AND e.tgt_country = %s))",
			a.Add(q.Source), a.Add(q.Target), a.Add(q.Target), a.Add(q.Source)))
	default:
		if q.Source != "" {
			where = append(where, "e.src_country = "+a.Add(q.Source))
		}
		if q.Target != "" {
			where = append(where, "e.tgt_country = "+a.Add(q.Target))
		}
	}
	if q.Type != "" {
		where = append(where, "e.type = "+a.Add(strings.ToUpper(q.Type)))
	}
	if q.From != "" {
		where = append(where, "e.date >= "+a.Add(q.From))
	}
	if q.To != "" {
		where = append(where, "e.date <= "+a.Add(q.To+"~"))
	}
	return where
}

// EntityConds is the WHERE conditions (over mentions m left joined with
// entities e) of an entity query.
func EntityConds(q store.EntityQuery, a *Args) []string {
	var where []string
	if q.Type != "" {
		where = append(where, "COALESCE(e.type, m.type) = "+a.Add(q.Type))
	}
	if q.Country != "" {
		where = append(where, "e.country = "+a.Add(q.Country))
	}
	return where
}

// EventPage shapes a page of events read with LIMIT limit+1 OFFSET off.
func EventPage(evs []model.Event, limit int, off int64) store.EventPage {
	page := store.EventPage{Events: evs}
	if page.Events == nil {
		page.Events = []model.Event{}
	}
	if len(page.Events) > limit {
		page.Events = page.Events[:limit]
		page.Next = strconv.FormatInt(off+int64(limit), 10)
	}
	return page
}

// Entities scans entity listing rows: id, name, type, kind, country,
// mention count.
func Entities(rows Rows) ([]model.Entity, error) {
	var ents []model.Entity
	for rows.Next() {
		var e model.Entity
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Country, &e.Mentions); err != nil {
			return nil, err
		}
		ents = append(ents, e)
	}
	return ents, rows.Err()
}

// Aliases scans alias rows: text, lang, count.
func Aliases(rows Rows) ([]model.Alias, error) {
	out := []model.Alias{}
	for rows.Next() {
		var a model.Alias
		if err := rows.Scan(&a.Text, &a.Lang, &a.Count); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Ref is an article reference with the article's cluster.
type Ref struct {
	model.ArticleRef
	Cluster int64
}

// Refs scans article reference rows: id, source, title, lang, published,
// cluster_id.
func Refs(rows Rows) ([]Ref, error) {
	var out []Ref
	for rows.Next() {
		var r Ref
		var pub string
		if err := rows.Scan(&r.ID, &r.Source, &r.Title, &r.Lang, &pub, &r.Cluster); err != nil {
			return nil, err
		}
		r.Published, _ = model.ParseTime(pub)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ArticleRefs drops the clusters of refs.
func ArticleRefs(rs []Ref) []model.ArticleRef {
	out := make([]model.ArticleRef, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.ArticleRef)
	}
	return out
}

// Clusters scans cluster rows (id, story_id, title, last_article) and
// returns the clusters with their last_article values.
func Clusters(rows Rows) ([]model.Cluster, []int64, error) {
	var cs []model.Cluster
	var last []int64
	for rows.Next() {
		var c model.Cluster
		var l int64
		if err := rows.Scan(&c.ID, &c.StoryID, &c.Title, &l); err != nil {
			return nil, nil, err
		}
		cs = append(cs, c)
		last = append(last, l)
	}
	return cs, last, rows.Err()
}

// ClusterIDs empties the articles and languages of the clusters and
// returns their IDs, for loading their articles.
func ClusterIDs(cs []model.Cluster) []int64 {
	ids := make([]int64, len(cs))
	for i := range cs {
		cs[i].Articles = []model.ArticleRef{}
		cs[i].Langs = []string{}
		ids[i] = cs[i].ID
	}
	return ids
}

// FillClusters adds the articles rs (read in article order) to the
// clusters they belong to.
func FillClusters(cs []model.Cluster, rs []Ref) {
	idx := map[int64]*model.Cluster{}
	for i := range cs {
		idx[cs[i].ID] = &cs[i]
	}
	for _, r := range rs {
		store.AddToCluster(idx[r.Cluster], r.ArticleRef)
	}
}

// StoryRow is a story as listed: its ID, title and last article.
type StoryRow struct {
	ID, Last int64
	Title    string
}

// StoryRows scans story rows: id, title, last_article.
func StoryRows(rows Rows) ([]StoryRow, error) {
	var rs []StoryRow
	for rows.Next() {
		var r StoryRow
		if err := rows.Scan(&r.ID, &r.Title, &r.Last); err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// FacetValues is how many values of each facet kind a search reports.
const FacetValues = 25

// Facets scans facet count rows (kind, value, count) into the counts of
// every facet kind, most frequent first, FacetValues per kind at most.
func Facets(rows Rows) (map[string][]store.FacetCount, error) {
	out := map[string][]store.FacetCount{}
	for _, k := range search.FacetKinds() {
		out[k] = []store.FacetCount{}
	}
	for rows.Next() {
		var kind string
		var fc store.FacetCount
		if err := rows.Scan(&kind, &fc.Value, &fc.Count); err != nil {
			return nil, err
		}
		out[kind] = append(out[kind], fc)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	store.TopFacets(out, FacetValues)
	return out, nil
}

// IDScores scans (id, score) rows.
func IDScores(rows Rows) ([]int64, []float64, error) {
	var ids []int64
	var scores []float64
	for rows.Next() {
		var id int64
		var sc float64
		if err := rows.Scan(&id, &sc); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		scores = append(scores, sc)
	}
	return ids, scores, rows.Err()
}

// HitRow is an article read for a search hit, with the text highlighting
// needs.
type HitRow struct {
	Hit        store.SearchHit
	Lead, Body string
}

// HitRows scans hit rows by article ID: id, source, url, title, lang,
// published, agencies (JSON), cluster_id, story_id, lead, body.
func HitRows(rows Rows) (map[int64]*HitRow, error) {
	byID := map[int64]*HitRow{}
	for rows.Next() {
		var r HitRow
		var pub, ag string
		if err := rows.Scan(&r.Hit.ID, &r.Hit.Source, &r.Hit.URL, &r.Hit.Title, &r.Hit.Lang, &pub, &ag,
			&r.Hit.ClusterID, &r.Hit.StoryID, &r.Lead, &r.Body); err != nil {
			return nil, err
		}
		r.Hit.Published, _ = model.ParseTime(pub)
		_ = json.Unmarshal([]byte(ag), &r.Hit.Agencies)
		if r.Hit.Agencies == nil {
			r.Hit.Agencies = []string{}
		}
		byID[r.Hit.ID] = &r
	}
	return byID, rows.Err()
}

// MentionSpans scans linked mention rows (article_id, entity_id, start,
// end) by article.
func MentionSpans(rows Rows) (map[int64][]model.Mention, error) {
	out := map[int64][]model.Mention{}
	for rows.Next() {
		var id int64
		var m model.Mention
		if err := rows.Scan(&id, &m.EntityID, &m.Start, &m.End); err != nil {
			return nil, err
		}
		out[id] = append(out[id], m)
	}
	return out, rows.Err()
}

// Hits assembles the hits of ids (in that order) from their rows and
// mentions, highlighted with snippets of size bytes. scores are the
// drivers' (lower is better); a hit's Score is their negation.
func Hits(ids []int64, scores []float64, byID map[int64]*HitRow, ments map[int64][]model.Mention, h *search.Highlighter, size int) []store.SearchHit {
	out := []store.SearchHit{}
	for i, id := range ids {
		r := byID[id]
		if r == nil {
			continue
		}
		hit := r.Hit
		if scores[i] != 0 {
			hit.Score = -scores[i]
		}
		hit.TitleHighlight, hit.Snippet = h.Article(&model.Article{Title: hit.Title, Lead: r.Lead, Body: r.Body, Lang: hit.Lang}, ments[id], size)
		out = append(out, hit)
	}
	return out
}

// GroupHitsMax is how many hits a search group lists at most.
const GroupHitsMax = 10

// GroupCounts scans (group key, count) rows.
func GroupCounts(rows Rows) ([]int64, map[int64]int64, error) {
	var keys []int64
	counts := map[int64]int64{}
	for rows.Next() {
		var g, n int64
		if err := rows.Scan(&g, &n); err != nil {
			return nil, nil, err
		}
		keys = append(keys, g)
		counts[g] = n
	}
	return keys, counts, rows.Err()
}

// GroupMembers scans (id, score, group key) rows in rank order, keeping
// the first GroupHitsMax of each group: the IDs per group, and all kept
// IDs with their scores.
func GroupMembers(rows Rows) (map[int64][]int64, []int64, []float64, error) {
	perGroup := map[int64][]int64{}
	var ids []int64
	var scores []float64
	for rows.Next() {
		var id, g int64
		var sc float64
		if err := rows.Scan(&id, &sc, &g); err != nil {
			return nil, nil, nil, err
		}
		if len(perGroup[g]) >= GroupHitsMax {
			continue
		}
		perGroup[g] = append(perGroup[g], id)
		ids = append(ids, id)
		scores = append(scores, sc)
	}
	return perGroup, ids, scores, rows.Err()
}

// Groups assembles the search groups of keys (cluster or story IDs, or
// negated article IDs for articles in none) from their counts, members
// and hits. title returns a cluster's or story's stored title ("" when
// none); groups without one take their first hit's title.
func Groups(kind string, keys []int64, counts map[int64]int64, perGroup map[int64][]int64, hits []store.SearchHit, title func(id int64) (string, error)) ([]store.SearchGroup, error) {
	byID := map[int64]store.SearchHit{}
	for _, hit := range hits {
		byID[hit.ID] = hit
	}
	out := []store.SearchGroup{}
	for _, k := range keys {
		g := store.SearchGroup{Kind: kind, ID: k, Count: counts[k], Hits: []store.SearchHit{}}
		for _, id := range perGroup[k] {
			if hit, ok := byID[id]; ok {
				g.Hits = append(g.Hits, hit)
			}
		}
		if k < 0 {
			g.Kind, g.ID = "article", -k
		} else {
			t, err := title(k)
			if err != nil {
				return nil, err
			}
			g.Title = t
		}
		if g.Title == "" && len(g.Hits) > 0 {
			g.Title = g.Hits[0].Title
		}
		out = append(out, g)
	}
	return out, nil
}

// Clone returns a copy of a whose values can grow independently.
func (a Args) Clone() Args {
	a.Vals = append([]any(nil), a.Vals...)
	return a
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Search is a search query checked and with its defaults applied.
type Search struct {
	// Node is the parsed query; nil when there is none.
	Node *search.Node
	// Langs are the languages searched: the query's, else the defaults.
	Langs []string
	// Limit is the page size.
	Limit int
	// Sort is store.SortRelevance or store.SortNewest.
	Sort string
}

// CheckSearch parses q's text (unless already parsed) and checks its
// dates, grouping and sort order; errors wrap store.ErrBadQuery.
func CheckSearch(q store.SearchQuery) (Search, error) {
	c := Search{Node: q.Query, Langs: q.Langs, Limit: PageLimit(q.Limit, 20), Sort: q.Sort}
	if c.Node == nil {
		var err error
		if c.Node, err = search.Parse(q.Text); err != nil {
			return c, fmt.Errorf("search: %w: %v", store.ErrBadQuery, err)
		}
	}
	if len(c.Langs) == 0 {
		c.Langs = search.DefaultLangs()
	}
	for _, d := range []string{q.From, q.To} {
		if d != "" && !isoDate.MatchString(d) {
			return c, fmt.Errorf("search: %w: date %q is not YYYY-MM-DD", store.ErrBadQuery, d)
		}
	}
	switch q.Group {
	case "", store.GroupCluster, store.GroupStory:
	default:
		return c, fmt.Errorf("search: %w: unknown grouping %q", store.ErrBadQuery, q.Group)
	}
	switch c.Sort {
	case "":
		c.Sort = store.SortNewest
		if c.Node != nil {
			c.Sort = store.SortRelevance
		}
	case store.SortNewest, store.SortRelevance:
	default:
		return c, fmt.Errorf("search: %w: unknown sort %q", store.ErrBadQuery, q.Sort)
	}
	return c, nil
}

// EntityPage shapes a page of entities read with LIMIT limit+1 OFFSET off,
// describing each entity of the page with describe (aliases, name).
func EntityPage(ents []model.Entity, limit int, off int64, describe func(*model.Entity) error) (store.EntityPage, error) {
	page := store.EntityPage{Entities: []model.Entity{}}
	if len(ents) > limit {
		ents = ents[:limit]
		page.Next = strconv.FormatInt(off+int64(limit), 10)
	}
	for i := range ents {
		if err := describe(&ents[i]); err != nil {
			return page, err
		}
	}
	page.Entities = append(page.Entities, ents...)
	return page, nil
}

// Briefs scans brief rows: id, hash, text, place, agencies (JSON),
// age_seconds (NULL when unknown).
func Briefs(rows Rows) ([]model.Brief, error) {
	out := []model.Brief{}
	for rows.Next() {
		var b model.Brief
		var ag string
		if err := rows.Scan(&b.ID, &b.Hash, &b.Text, &b.Dateline.Place, &ag, &b.AgeSeconds); err != nil {
			return out, err
		}
		_ = json.Unmarshal([]byte(ag), &b.Dateline.Agencies)
		out = append(out, b)
	}
	return out, rows.Err()
}

// ExpandFromMentions adds to every word and phrase of the query the
// entities that entities(name) finds stored mentions with that surface
// form linked to. It returns the first error of entities.
func ExpandFromMentions(n *search.Node, entities func(name string) ([]string, error)) error {
	var firstErr error
	search.Expand(n, func(name string) ([]string, []search.Alias) {
		ids, err := entities(name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return nil, nil
		}
		return ids, nil
	})
	return firstErr
}

// Strings scans rows of one text column, passing over rows that do not
// scan.
func Strings(rows Rows) []string {
	var out []string
	for rows.Next() {
		var v string
		if rows.Scan(&v) == nil {
			out = append(out, v)
		}
	}
	return out
}

// Migrate brings a store at schema version v up to len(migrations):
// apply runs each missing migration's statements and records its version
// (1-based). A store newer than the migrations is an error.
func Migrate(v int, migrations []string, apply func(version int, stmts string) error) error {
	if v > len(migrations) {
		return fmt.Errorf("migrate: store schema version %d is newer than this program (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		if err := apply(i+1, migrations[i]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", i+1, err)
		}
	}
	return nil
}

// ClusterPage shapes a page of clusters read with LIMIT limit+1, with
// their last_article values (the cursor), filling the page's clusters
// with fill.
func ClusterPage(cs []model.Cluster, last []int64, limit int, fill func([]model.Cluster) error) (store.ClusterPage, error) {
	page := store.ClusterPage{Clusters: []model.Cluster{}}
	if len(cs) > limit {
		cs = cs[:limit]
		page.Next = strconv.FormatInt(last[limit-1], 10)
	}
	if err := fill(cs); err != nil {
		return page, err
	}
	page.Clusters = append(page.Clusters, cs...)
	return page, nil
}

// StoryPage shapes a page of stories read with LIMIT limit+1, reading
// each story of the page with story.
func StoryPage(rs []StoryRow, limit int, story func(id int64) (model.Story, error)) (store.StoryPage, error) {
	page := store.StoryPage{Stories: []model.Story{}}
	if len(rs) > limit {
		rs = rs[:limit]
		page.Next = strconv.FormatInt(rs[limit-1].Last, 10)
	}
	for _, r := range rs {
		st, err := story(r.ID)
		if err != nil {
			return page, err
		}
		page.Stories = append(page.Stories, st)
	}
	return page, nil
}

// Describe fills an entity's aliases (read with aliases) and, when the
// knowledge base has no name for it, names it by its most frequent alias,
// else (an entity seen only through role descriptions) by its most
// frequent mention text (read with topText).
func Describe(e *model.Entity, aliases func(id string) ([]model.Alias, error), topText func(id string) string) error {
	var err error
	if e.Aliases, err = aliases(e.ID); err != nil {
		return err
	}
	if e.Name != "" {
		return nil
	}
	if len(e.Aliases) > 0 {
		e.Name = e.Aliases[0].Text
	} else {
		e.Name = topText(e.ID)
	}
	return nil
}
