package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// putSearch indexes an article inside its transaction: the analysed terms
// of package search (as the SQLite store indexes them) and the facets.
func putSearch(ctx context.Context, tx pgx.Tx, id int64, a *model.Article) error {
	d := search.Index(a)
	batch := &pgx.Batch{}
	batch.Queue(`INSERT INTO article_search(article_id, title, text, ents) VALUES ($1,$2,$3,$4)`, id, d.Title, d.Text, d.Entities)
	for _, f := range d.Facets {
		batch.Queue(`INSERT INTO article_facets(kind, value, article_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, f.Kind, f.Value, id)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// searchPlan is the FROM and WHERE of a search, with its arguments.
type searchPlan struct {
	from  string
	where []string
	args  args
	score string // SQL expression (float8), lower is better
}

func (p *searchPlan) whereSQL() string {
	if len(p.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(p.where, " AND ")
}

// matches is the plan as a subquery of matching articles: id, score,
// cluster_id, story_id.
func (p *searchPlan) matches() string {
	return `(SELECT a.id, (` + p.score + `)::float8 AS score, a.cluster_id, a.story_id FROM ` + p.from + p.whereSQL() + `) m`
}

// rankWeights weigh the tsvector's classes {D, C, B, A}: body text 1,
// entity tokens 2, title 4 (as the SQLite store's bm25 weights).
const rankWeights = `'{0.25, 0.4, 0.5, 1.0}'`

// Search implements store.Store.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	res := store.SearchResult{Hits: []store.SearchHit{}}
	node := q.Query
	if node == nil {
		var err error
		if node, err = search.Parse(q.Text); err != nil {
			return res, fmt.Errorf("search: %w: %v", store.ErrBadQuery, err)
		}
	}
	langs := q.Langs
	if len(langs) == 0 {
		langs = search.DefaultLangs()
	}
	limit := pageLimit(q.Limit, 20)
	for _, d := range []string{q.From, q.To} {
		if d != "" && !isoDate.MatchString(d) {
			return res, fmt.Errorf("search: %w: date %q is not YYYY-MM-DD", store.ErrBadQuery, d)
		}
	}
	switch q.Group {
	case "", store.GroupCluster, store.GroupStory:
	default:
		return res, fmt.Errorf("search: %w: unknown grouping %q", store.ErrBadQuery, q.Group)
	}
	sortBy := q.Sort
	switch sortBy {
	case "":
		sortBy = store.SortNewest
		if node != nil {
			sortBy = store.SortRelevance
		}
	case store.SortNewest, store.SortRelevance:
	default:
		return res, fmt.Errorf("search: %w: unknown sort %q", store.ErrBadQuery, q.Sort)
	}
	plan := &searchPlan{from: "articles a", score: "0"}
	if node != nil {
		if err := s.expandFromMentions(ctx, node); err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		res.Query = node.String()
		expr, ok := search.TSQuery(node, langs)
		if !ok { // nothing but stop words: nothing matches
			return res, nil
		}
		plan.from = "article_search x JOIN articles a ON a.id = x.article_id"
		p := plan.args.add(expr)
		plan.where = append(plan.where, "x.tsv @@ to_tsquery('simple', "+p+")")
		plan.score = "-ts_rank_cd(" + rankWeights + ", x.tsv, to_tsquery('simple', " + p + "))"
	} else {
		sortBy = store.SortNewest
	}
	if len(q.Langs) > 0 {
		plan.where = append(plan.where, "a.lang = ANY("+plan.args.add(q.Langs)+"::text[])")
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
		vals := make([]string, len(f.values))
		for i, v := range f.values {
			if f.upper {
				v = strings.ToUpper(v)
			}
			vals[i] = v
		}
		plan.where = append(plan.where, "a.id IN (SELECT article_id FROM article_facets WHERE kind = "+plan.args.add(f.kind)+
			" AND value = ANY("+plan.args.add(vals)+"::text[]))")
	}
	if q.From != "" {
		plan.where = append(plan.where, "a.published >= "+plan.args.add(q.From))
	}
	if q.To != "" {
		plan.where = append(plan.where, "a.published <> '' AND a.published <= "+plan.args.add(q.To+"~"))
	}
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM `+plan.from+plan.whereSQL(), plan.args...).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("search: count: %w", err)
	}
	if q.Facets {
		f, err := s.facets(ctx, plan)
		if err != nil {
			return res, fmt.Errorf("search: facets: %w", err)
		}
		res.Facets = f
	}
	h := search.NewHighlighter(node, langs)
	if q.Group != "" {
		if err := s.searchGroups(ctx, q, plan, sortBy, limit, h, &res); err != nil {
			return res, err
		}
		return res, nil
	}
	a := append(args(nil), plan.args...)
	sq := `SELECT m.id, m.score FROM ` + plan.matches()
	if q.Cursor != "" {
		kind, score, id, err := parseSearchCursor(q.Cursor)
		if err != nil || (kind == 'r') != (sortBy == store.SortRelevance) {
			return res, fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, q.Cursor)
		}
		if kind == 'r' {
			sc, ip := a.add(score), a.add(id)
			sq += " WHERE (m.score > " + sc + " OR (m.score = " + sc + " AND m.id > " + ip + "))"
		} else {
			sq += " WHERE m.id < " + a.add(id)
		}
	}
	if sortBy == store.SortRelevance {
		sq += " ORDER BY m.score, m.id"
	} else {
		sq += " ORDER BY m.id DESC"
	}
	sq += " LIMIT " + a.add(limit+1)
	ids, scores, err := s.idScores(ctx, sq, a...)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if len(ids) > limit {
		ids, scores = ids[:limit], scores[:limit]
		last := len(ids) - 1
		if sortBy == store.SortRelevance {
			res.Next = "r:" + strconv.FormatFloat(scores[last], 'g', -1, 64) + ":" + strconv.FormatInt(ids[last], 10)
		} else {
			res.Next = "n:" + strconv.FormatInt(ids[last], 10)
		}
	}
	hits, err := s.hits(ctx, ids, scores, h, q.SnippetSize)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	res.Hits = hits
	return res, nil
}

// parseSearchCursor reads "r:SCORE:ID", "n:ID" or "g:OFFSET".
func parseSearchCursor(c string) (kind byte, score float64, id int64, err error) {
	parts := strings.Split(c, ":")
	bad := errors.New("bad cursor")
	switch {
	case len(parts) == 3 && parts[0] == "r":
		if score, err = strconv.ParseFloat(parts[1], 64); err != nil {
			return 0, 0, 0, bad
		}
		kind = 'r'
	case len(parts) == 2 && (parts[0] == "n" || parts[0] == "g"):
		kind = parts[0][0]
	default:
		return 0, 0, 0, bad
	}
	if id, err = strconv.ParseInt(parts[len(parts)-1], 10, 64); err != nil || id < 0 {
		return 0, 0, 0, bad
	}
	return kind, score, id, nil
}

func (s *Store) idScores(ctx context.Context, q string, a ...any) ([]int64, []float64, error) {
	rows, err := s.pool.Query(ctx, q, a...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
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

// expandFromMentions adds to every word and phrase of the query the
// entities that stored mentions with that surface form link to.
func (s *Store) expandFromMentions(ctx context.Context, n *search.Node) error {
	var firstErr error
	search.Expand(n, func(name string) ([]string, []search.Alias) {
		rows, err := s.pool.Query(ctx, `SELECT DISTINCT entity_id FROM mentions WHERE lower(text) = lower($1) AND entity_id <> '' ORDER BY entity_id LIMIT 5`, name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return nil, nil
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if rows.Scan(&id) == nil {
				ids = append(ids, id)
			}
		}
		return ids, nil
	})
	return firstErr
}

const facetValues = 25

func (s *Store) facets(ctx context.Context, plan *searchPlan) (map[string][]store.FacetCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT f.kind, f.value, COUNT(*) FROM article_facets f
		WHERE f.article_id IN (SELECT a.id FROM `+plan.from+plan.whereSQL()+`) GROUP BY f.kind, f.value`, plan.args...)
	if err != nil {
		return nil, err
	}
	out := map[string][]store.FacetCount{}
	for _, k := range search.FacetKinds() {
		out[k] = []store.FacetCount{}
	}
	for rows.Next() {
		var kind string
		var fc store.FacetCount
		if err := rows.Scan(&kind, &fc.Value, &fc.Count); err != nil {
			rows.Close()
			return nil, err
		}
		out[kind] = append(out[kind], fc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	store.TopFacets(out, facetValues)
	for i := range out[search.FacetEntity] {
		fc := &out[search.FacetEntity][i]
		err := s.pool.QueryRow(ctx, `SELECT name FROM entities WHERE id = $1`, fc.Value).Scan(&fc.Label)
		if errors.Is(err, pgx.ErrNoRows) || fc.Label == "" {
			err = s.pool.QueryRow(ctx, `SELECT text FROM mentions WHERE entity_id = $1 GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT 1`, fc.Value).Scan(&fc.Label)
		}
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return nil, err
		}
	}
	return out, nil
}

// hits loads the articles of a page with highlighting, in ids order.
func (s *Store) hits(ctx context.Context, ids []int64, scores []float64, h *search.Highlighter, size int) ([]store.SearchHit, error) {
	out := []store.SearchHit{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id, source, url, title, lang, published, agencies, cluster_id, story_id, lead, body
		FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	type row struct {
		hit        store.SearchHit
		lead, body string
	}
	byID := map[int64]*row{}
	for rows.Next() {
		var r row
		var pub, ag string
		if err := rows.Scan(&r.hit.ID, &r.hit.Source, &r.hit.URL, &r.hit.Title, &r.hit.Lang, &pub, &ag,
			&r.hit.ClusterID, &r.hit.StoryID, &r.lead, &r.body); err != nil {
			rows.Close()
			return nil, err
		}
		r.hit.Published, _ = model.ParseTime(pub)
		_ = json.Unmarshal([]byte(ag), &r.hit.Agencies)
		if r.hit.Agencies == nil {
			r.hit.Agencies = []string{}
		}
		byID[r.hit.ID] = &r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ments := map[int64][]model.Mention{}
	mrows, err := s.pool.Query(ctx, `SELECT article_id, entity_id, start_off, end_off FROM mentions
		WHERE article_id = ANY($1) AND entity_id <> ''`, ids)
	if err != nil {
		return nil, err
	}
	for mrows.Next() {
		var id int64
		var m model.Mention
		if err := mrows.Scan(&id, &m.EntityID, &m.Start, &m.End); err != nil {
			mrows.Close()
			return nil, err
		}
		ments[id] = append(ments[id], m)
	}
	mrows.Close()
	if err := mrows.Err(); err != nil {
		return nil, err
	}
	for i, id := range ids {
		r := byID[id]
		if r == nil {
			continue
		}
		hit := r.hit
		if scores[i] != 0 {
			hit.Score = -scores[i]
		}
		hit.TitleHighlight, hit.Snippet = h.Article(&model.Article{Title: hit.Title, Lead: r.lead, Body: r.body, Lang: hit.Lang}, ments[id], size)
		out = append(out, hit)
	}
	return out, nil
}

// searchGroups pages over clusters or stories of matching articles.
func (s *Store) searchGroups(ctx context.Context, q store.SearchQuery, plan *searchPlan, sortBy string, limit int, h *search.Highlighter, res *store.SearchResult) error {
	col := "m.cluster_id"
	if q.Group == store.GroupStory {
		col = "m.story_id"
	}
	gexpr := "CASE WHEN " + col + " <> 0 THEN " + col + " ELSE -m.id END"
	off := int64(0)
	if q.Cursor != "" {
		kind, _, v, err := parseSearchCursor(q.Cursor)
		if err != nil || kind != 'g' {
			return fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, q.Cursor)
		}
		off = v
	}
	order := "MIN(m.score), g"
	if sortBy == store.SortNewest {
		order = "MAX(m.id) DESC"
	}
	a := append(args(nil), plan.args...)
	rows, err := s.pool.Query(ctx, `SELECT `+gexpr+` AS g, COUNT(*) FROM `+plan.matches()+`
		GROUP BY g ORDER BY `+order+` LIMIT `+a.add(limit+1)+` OFFSET `+a.add(off), a...)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	var keys []int64
	counts := map[int64]int64{}
	for rows.Next() {
		var g, n int64
		if err := rows.Scan(&g, &n); err != nil {
			rows.Close()
			return fmt.Errorf("search: groups: %w", err)
		}
		keys = append(keys, g)
		counts[g] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
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
	ga := append(args(nil), plan.args...)
	hq := `SELECT m.id, m.score, ` + gexpr + ` AS g FROM ` + plan.matches() + ` WHERE ` + gexpr + ` = ANY(` + ga.add(keys) + `)`
	if sortBy == store.SortRelevance {
		hq += " ORDER BY m.score, m.id"
	} else {
		hq += " ORDER BY m.id DESC"
	}
	hrows, err := s.pool.Query(ctx, hq, ga...)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	perGroup := map[int64][]int64{}
	var ids []int64
	var scores []float64
	for hrows.Next() {
		var id, g int64
		var sc float64
		if err := hrows.Scan(&id, &sc, &g); err != nil {
			hrows.Close()
			return fmt.Errorf("search: groups: %w", err)
		}
		if len(perGroup[g]) >= 10 {
			continue
		}
		perGroup[g] = append(perGroup[g], id)
		ids = append(ids, id)
		scores = append(scores, sc)
	}
	hrows.Close()
	if err := hrows.Err(); err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	hits, err := s.hits(ctx, ids, scores, h, q.SnippetSize)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	byID := map[int64]store.SearchHit{}
	for _, hit := range hits {
		byID[hit.ID] = hit
	}
	table := "clusters"
	if q.Group == store.GroupStory {
		table = "stories"
	}
	for _, k := range keys {
		g := store.SearchGroup{Kind: q.Group, ID: k, Count: counts[k], Hits: []store.SearchHit{}}
		for _, id := range perGroup[k] {
			if hit, ok := byID[id]; ok {
				g.Hits = append(g.Hits, hit)
			}
		}
		if k < 0 {
			g.Kind, g.ID = "article", -k
			if len(g.Hits) > 0 {
				g.Title = g.Hits[0].Title
			}
		} else if err := s.pool.QueryRow(ctx, `SELECT title FROM `+table+` WHERE id = $1`, k).Scan(&g.Title); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("search: groups: %w", err)
		}
		if g.Title == "" && len(g.Hits) > 0 {
			g.Title = g.Hits[0].Title
		}
		res.Groups = append(res.Groups, g)
	}
	return nil
}
