package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"dateline/model"
	"dateline/search"
	"dateline/store"
	"dateline/store/internal/sqlstore"
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

// searchPlan is the FROM and WHERE of a search, with its arguments.
type searchPlan struct {
	from  string
	where []string
	args  sqlstore.Args
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
	c, err := sqlstore.CheckSearch(q)
	if err != nil {
		return res, err
	}
	node, langs, limit, sortBy := c.Node, c.Langs, c.Limit, c.Sort
	plan := &searchPlan{from: "articles a", score: "0", args: sqlstore.Args{Dollar: true}}
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
		p := plan.args.Add(expr)
		plan.where = append(plan.where, "x.tsv @@ to_tsquery('simple', "+p+")")
		plan.score = "-ts_rank_cd(" + rankWeights + ", x.tsv, to_tsquery('simple', " + p + "))"
	} else {
		sortBy = store.SortNewest
	}
	if len(q.Langs) > 0 {
		plan.where = append(plan.where, "a.lang = ANY("+plan.args.Add(q.Langs)+"::text[])")
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
		plan.where = append(plan.where, "a.id IN (SELECT article_id FROM article_facets WHERE kind = "+plan.args.Add(f.kind)+
			" AND value = ANY("+plan.args.Add(vals)+"::text[]))")
	}
	if q.From != "" {
		plan.where = append(plan.where, "a.published >= "+plan.args.Add(q.From))
	}
	if q.To != "" {
		plan.where = append(plan.where, "a.published <> '' AND a.published <= "+plan.args.Add(q.To+"~"))
	}
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM `+plan.from+plan.whereSQL(), plan.args.Vals...).Scan(&res.Total); err != nil {
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
	a := plan.args.Clone()
	sq := `SELECT m.id, m.score FROM ` + plan.matches()
	if q.Cursor != "" {
		kind, score, id, err := parseSearchCursor(q.Cursor)
		if err != nil || (kind == 'r') != (sortBy == store.SortRelevance) {
			return res, fmt.Errorf("search: %w: bad cursor %q", store.ErrBadQuery, q.Cursor)
		}
		if kind == 'r' {
			sc, ip := a.Add(score), a.Add(id)
			sq += " WHERE (m.score > " + sc + " OR (m.score = " + sc + " AND m.id > " + ip + "))"
		} else {
			sq += " WHERE m.id < " + a.Add(id)
		}
	}
	if sortBy == store.SortRelevance {
		sq += " ORDER BY m.score, m.id"
	} else {
		sq += " ORDER BY m.id DESC"
	}
	sq += " LIMIT " + a.Add(limit+1)
	ids, scores, err := s.idScores(ctx, sq, a.Vals...)
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
	return sqlstore.IDScores(rows)
}

// expandFromMentions adds to every word and phrase of the query the
// entities that stored mentions with that surface form link to.
func (s *Store) expandFromMentions(ctx context.Context, n *search.Node) error {
	return sqlstore.ExpandFromMentions(n, func(name string) ([]string, error) {
		rows, err := s.pool.Query(ctx, `SELECT DISTINCT entity_id FROM mentions WHERE lower(text) = lower($1) AND entity_id <> '' ORDER BY entity_id LIMIT 5`, name)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		return sqlstore.Strings(rows), nil
	})
}

func (s *Store) facets(ctx context.Context, plan *searchPlan) (map[string][]store.FacetCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT f.kind, f.value, COUNT(*) FROM article_facets f
		WHERE f.article_id IN (SELECT a.id FROM `+plan.from+plan.whereSQL()+`) GROUP BY f.kind, f.value`, plan.args.Vals...)
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
	byID, err := sqlstore.HitRows(rows)
	rows.Close()
	if err != nil {
		return nil, err
	}
	mrows, err := s.pool.Query(ctx, `SELECT article_id, entity_id, start_off, end_off FROM mentions
		WHERE article_id = ANY($1) AND entity_id <> ''`, ids)
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
	a := plan.args.Clone()
	rows, err := s.pool.Query(ctx, `SELECT `+gexpr+` AS g, COUNT(*) FROM `+plan.matches()+`
		GROUP BY g ORDER BY `+order+` LIMIT `+a.Add(limit+1)+` OFFSET `+a.Add(off), a.Vals...)
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
	ga := plan.args.Clone()
	hq := `SELECT m.id, m.score, ` + gexpr + ` AS g FROM ` + plan.matches() + ` WHERE ` + gexpr + ` = ANY(` + ga.Add(keys) + `)`
	if sortBy == store.SortRelevance {
		hq += " ORDER BY m.score, m.id"
	} else {
		hq += " ORDER BY m.id DESC"
	}
	hrows, err := s.pool.Query(ctx, hq, ga.Vals...)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	perGroup, ids, scores, err := sqlstore.GroupMembers(hrows)
	hrows.Close()
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	hits, err := s.hits(ctx, ids, scores, h, q.SnippetSize)
	if err != nil {
		return fmt.Errorf("search: groups: %w", err)
	}
	table := "clusters"
	if q.Group == store.GroupStory {
		table = "stories"
	}
	groups, err := sqlstore.Groups(q.Group, keys, counts, perGroup, hits, func(id int64) (string, error) {
		var title string
		err := s.pool.QueryRow(ctx, `SELECT title FROM `+table+` WHERE id = $1`, id).Scan(&title)
		if errors.Is(err, pgx.ErrNoRows) {
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
