package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"dateline/model"
	"dateline/store"
	"dateline/store/internal/sqlstore"
)

// putDerived writes the article's entities, events and cluster placement
// inside the article's transaction. Shared rows are written in a fixed
// order (entities by ID, merged events by ID, then cluster, then story).
func putDerived(ctx context.Context, tx pgx.Tx, id int64, a *model.Article) error {
	batch := &pgx.Batch{}
	ents := slices.Clone(a.Entities)
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	for _, e := range ents {
		batch.Queue(`INSERT INTO entities(id, name, type, kind, country) VALUES ($1,$2,$3,$4,$5)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, kind = EXCLUDED.kind, country = EXCLUDED.country`,
			e.ID, e.Name, e.Type, e.Kind, e.Country)
	}
	order := make([]int, len(a.Events))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return a.Events[order[x]].ID < a.Events[order[y]].ID })
	for _, i := range order {
		e := &a.Events[i]
		if e.ID == 0 {
			batch.Queue(`INSERT INTO events(key, type, mode, src_name, src_entity, src_country, src_sector,
				tgt_name, tgt_entity, tgt_country, tgt_sector, place, date, date_end, score, confidence, cluster_id, story_id)
				VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
				store.EventKey(*e), e.Type, e.Mode, e.Source.Name, e.Source.EntityID, e.Source.Country, e.Source.Sector,
				e.Target.Name, e.Target.EntityID, e.Target.Country, e.Target.Sector, e.Place, e.Date, e.DateEnd, e.Score, e.Confidence,
				a.ClusterID, a.StoryID).QueryRow(func(r pgx.Row) error { return r.Scan(&e.ID) })
		} else {
			batch.Queue(`UPDATE events SET mode = $1, place = $2, date = $3, date_end = $4, confidence = $5,
				src_name = $6, src_entity = $7, src_sector = $8, tgt_name = $9, tgt_entity = $10, tgt_sector = $11 WHERE id = $12`,
				e.Mode, e.Place, e.Date, e.DateEnd, e.Confidence,
				e.Source.Name, e.Source.EntityID, e.Source.Sector, e.Target.Name, e.Target.EntityID, e.Target.Sector, e.ID)
		}
	}
	if a.ClusterID != 0 {
		batch.Queue(`INSERT INTO clusters(id, story_id, title, last_article) VALUES ($1,$2,$3,$4)
			ON CONFLICT (id) DO UPDATE SET story_id = EXCLUDED.story_id, last_article = EXCLUDED.last_article`,
			a.ClusterID, a.StoryID, a.Title, id)
	}
	if a.StoryID != 0 {
		batch.Queue(`INSERT INTO stories(id, title, last_article) VALUES ($1,$2,$3)
			ON CONFLICT (id) DO UPDATE SET last_article = EXCLUDED.last_article`, a.StoryID, a.Title, id)
	}
	if batch.Len() > 0 {
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return fmt.Errorf("entities, events, cluster: %w", err)
		}
	}
	// Sources need the IDs of the new events.
	batch = &pgx.Batch{}
	for i := range a.Events {
		e := &a.Events[i]
		for _, s := range e.Sources {
			aid := s.ArticleID
			if aid == 0 {
				aid = id
			}
			batch.Queue(`INSERT INTO event_sources(event_id, article_id, source, sentence, start_off, end_off) VALUES ($1,$2,$3,$4,$5,$6)
				ON CONFLICT DO NOTHING`, e.ID, aid, s.Source, s.Sentence, s.Start, s.End)
		}
	}
	if batch.Len() > 0 {
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return fmt.Errorf("event sources: %w", err)
		}
	}
	return nil
}

// ArticlesAfter implements store.Store. Mentions and events are loaded per
// page of 500 articles, not per article.
func (s *Store) ArticlesAfter(ctx context.Context, after int64, fn func(model.Article) error) error {
	for {
		rows, err := s.pool.Query(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a JOIN documents d ON d.id = a.doc_id WHERE a.id > $1 ORDER BY a.id LIMIT 500`, after)
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		var batch []model.Article
		var ids []int64
		for rows.Next() {
			a, err := sqlstore.ScanArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("articles after %d: %w", after, err)
			}
			batch = append(batch, a)
			ids = append(ids, a.ID)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		if len(batch) == 0 {
			return nil
		}
		ms, err := s.mentions(ctx, ids)
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		evs, err := s.articleEvents(ctx, ids)
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		for i := range batch {
			a := &batch[i]
			a.Mentions, a.Events = ms[a.ID], evs[a.ID]
			if err := fn(*a); err != nil {
				return err
			}
			after = a.ID
		}
	}
}

// mentions returns the mentions of the given articles by article.
func (s *Store) mentions(ctx context.Context, ids []int64) (map[int64][]model.Mention, error) {
	rows, err := s.pool.Query(ctx, `SELECT article_id, entity_id, text, type, start_off, end_off, sentence, score FROM mentions
		WHERE article_id = ANY($1) ORDER BY article_id, start_off`, ids)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	out := map[int64][]model.Mention{}
	for rows.Next() {
		var id int64
		var m model.Mention
		if err := rows.Scan(&id, &m.EntityID, &m.Text, &m.Type, &m.Start, &m.End, &m.Sentence, &m.Score); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		out[id] = append(out[id], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return out, nil
}

// queryEvents runs an event query and fills each event's sources.
func (s *Store) queryEvents(ctx context.Context, q string, args ...any) ([]model.Event, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	var evs []model.Event
	for rows.Next() {
		e, err := sqlstore.ScanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return evs, s.fillSources(ctx, evs)
}

// fillSources loads the sources of the events in one query.
func (s *Store) fillSources(ctx context.Context, evs []model.Event) error {
	if len(evs) == 0 {
		return nil
	}
	idx := map[int64][]int{}
	ids := make([]int64, 0, len(evs))
	for i := range evs {
		evs[i].Sources = []model.EventSource{}
		if _, ok := idx[evs[i].ID]; !ok {
			ids = append(ids, evs[i].ID)
		}
		idx[evs[i].ID] = append(idx[evs[i].ID], i)
	}
	rows, err := s.pool.Query(ctx, `SELECT event_id, article_id, source, sentence, start_off, end_off FROM event_sources
		WHERE event_id = ANY($1) ORDER BY event_id, article_id, start_off`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var eid int64
		var es model.EventSource
		if err := rows.Scan(&eid, &es.ArticleID, &es.Source, &es.Sentence, &es.Start, &es.End); err != nil {
			return err
		}
		for _, i := range idx[eid] {
			evs[i].Sources = append(evs[i].Sources, es)
		}
	}
	return rows.Err()
}

// articleEvents returns the events reported by the given articles, by
// article, each with all its sources.
func (s *Store) articleEvents(ctx context.Context, ids []int64) (map[int64][]model.Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT `+sqlstore.EventCols+`, es.article_id FROM events e JOIN event_sources es ON es.event_id = e.id
		WHERE es.article_id = ANY($1) ORDER BY es.article_id, e.id`, ids)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var evs []model.Event
	var owners []int64
	for rows.Next() {
		var aid int64
		e, err := sqlstore.ScanEvent(rows, &aid)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("events: %w", err)
		}
		evs = append(evs, e)
		owners = append(owners, aid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if err := s.fillSources(ctx, evs); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := map[int64][]model.Event{}
	for i, e := range evs {
		out[owners[i]] = append(out[owners[i]], e)
	}
	return out, nil
}

// EventCandidates implements store.Store.
func (s *Store) EventCandidates(ctx context.Context, key string, clusterID, storyID int64) ([]model.Event, error) {
	if clusterID == 0 && storyID == 0 {
		return nil, nil
	}
	evs, err := s.queryEvents(ctx, `SELECT `+sqlstore.EventCols+` FROM events e WHERE e.key = $1
		AND ((e.cluster_id = $2 AND $2 <> 0) OR (e.story_id = $3 AND $3 <> 0)) ORDER BY e.id`, key, clusterID, storyID)
	if err != nil {
		return nil, fmt.Errorf("event candidates %s: %w", key, err)
	}
	return evs, nil
}

// Events implements store.Store. Events are ordered by date then ID; the
// cursor is the offset of the next page.
func (s *Store) Events(ctx context.Context, q store.EventQuery) (store.EventPage, error) {
	limit := sqlstore.PageLimit(q.Limit, 100)
	off, err := sqlstore.ParseCursor(q.Cursor)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	a := sqlstore.Args{Dollar: true}
	sq := `SELECT ` + sqlstore.EventCols + ` FROM events e`
	if where := sqlstore.EventConds(q, &a); len(where) > 0 {
		sq += " WHERE " + strings.Join(where, " AND ")
	}
	sq += " ORDER BY e.date, e.id LIMIT " + a.Add(limit+1) + " OFFSET " + a.Add(off)
	evs, err := s.queryEvents(ctx, sq, a.Vals...)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	return sqlstore.EventPage(evs, limit, off), nil
}

// Entities implements store.Store; the cursor is the offset of the next page.
func (s *Store) Entities(ctx context.Context, q store.EntityQuery) (store.EntityPage, error) {
	limit := sqlstore.PageLimit(q.Limit, 50)
	off, err := sqlstore.ParseCursor(q.Cursor)
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("entities: %w", err)
	}
	a := sqlstore.Args{Dollar: true}
	where := sqlstore.EntityConds(q, &a)
	sq := `SELECT m.entity_id, COALESCE(MAX(e.name), ''), COALESCE(MAX(e.type), MAX(m.type)), COALESCE(MAX(e.kind), ''), COALESCE(MAX(e.country), ''), COUNT(*) AS n
		FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.entity_id <> ''`
	if len(where) > 0 {
		sq += " AND " + strings.Join(where, " AND ")
	}
	sq += ` GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ` + a.Add(limit+1) + ` OFFSET ` + a.Add(off)
	rows, err := s.pool.Query(ctx, sq, a.Vals...)
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("entities: %w", err)
	}
	ents, err := sqlstore.Entities(rows)
	rows.Close()
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("entities: %w", err)
	}
	return sqlstore.EntityPage(ents, limit, off, func(e *model.Entity) error { return s.describe(ctx, e) })
}

// describe fills an entity's aliases and, when the knowledge base has no
// name for it, its name (see sqlstore.Describe).
func (s *Store) describe(ctx context.Context, e *model.Entity) error {
	return sqlstore.Describe(e, func(id string) ([]model.Alias, error) { return s.aliases(ctx, id) },
		func(id string) string { return s.topText(ctx, id) })
}

// aliases returns the surface forms seen for an entity per language, most
// frequent first. Mentions resolved from role descriptions (score below
// store.AliasMinScore) are not names and are left out.
func (s *Store) aliases(ctx context.Context, id string) ([]model.Alias, error) {
	rows, err := s.pool.Query(ctx, `SELECT text, lang, COUNT(*) AS n FROM mentions WHERE entity_id = $1 AND score >= $2
		GROUP BY text, lang ORDER BY n DESC, lang, text`, id, store.AliasMinScore)
	if err != nil {
		return nil, fmt.Errorf("entity %s: aliases: %w", id, err)
	}
	defer rows.Close()
	out, err := sqlstore.Aliases(rows)
	if err != nil {
		return nil, fmt.Errorf("entity %s: aliases: %w", id, err)
	}
	return out, nil
}

// Entity implements store.Store.
func (s *Store) Entity(ctx context.Context, id string) (store.EntityDetail, error) {
	var d store.EntityDetail
	d.ID = id
	err := s.pool.QueryRow(ctx, `SELECT name, type, kind, country FROM entities WHERE id = $1`, id).Scan(&d.Name, &d.Type, &d.Kind, &d.Country)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM mentions WHERE entity_id = $1`, id).Scan(&d.Mentions); err != nil {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	if d.Mentions == 0 && d.Name == "" {
		return d, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	if err := s.describe(ctx, &d.Entity); err != nil {
		return d, err
	}
	if d.Type == "" {
		err := s.pool.QueryRow(ctx, `SELECT type FROM mentions WHERE entity_id = $1 GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 1`, id).Scan(&d.Type)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return d, fmt.Errorf("entity %s: %w", id, err)
		}
	}
	d.Articles, err = s.refs(ctx, `SELECT a.id, a.source, a.title, a.lang, a.published, a.cluster_id FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = $1) ORDER BY a.id DESC LIMIT 200`, id)
	if err != nil {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	return d, nil
}

func (s *Store) refRows(ctx context.Context, q string, args ...any) ([]sqlstore.Ref, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return sqlstore.Refs(rows)
}

func (s *Store) refs(ctx context.Context, q string, args ...any) ([]model.ArticleRef, error) {
	rs, err := s.refRows(ctx, q, args...)
	return sqlstore.ArticleRefs(rs), err
}

// fillClusters loads the articles of the given clusters and derives their
// languages and time spans.
func (s *Store) fillClusters(ctx context.Context, cs []model.Cluster) error {
	if len(cs) == 0 {
		return nil
	}
	rs, err := s.refRows(ctx, `SELECT a.id, a.source, a.title, a.lang, a.published, a.cluster_id FROM articles a
		WHERE a.cluster_id = ANY($1) ORDER BY a.id`, sqlstore.ClusterIDs(cs))
	if err != nil {
		return err
	}
	sqlstore.FillClusters(cs, rs)
	return nil
}

func (s *Store) clusterRows(ctx context.Context, q string, args ...any) ([]model.Cluster, []int64, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	return sqlstore.Clusters(rows)
}

// Clusters implements store.Store; the cursor is the last_article of the
// previous page's last cluster.
func (s *Store) Clusters(ctx context.Context, q store.ClusterQuery) (store.ClusterPage, error) {
	limit := sqlstore.PageLimit(q.Limit, 50)
	cur, err := sqlstore.ParseCursor(q.Cursor)
	if err != nil {
		return store.ClusterPage{}, fmt.Errorf("clusters: %w", err)
	}
	sq := `SELECT id, story_id, title, last_article FROM clusters WHERE true`
	a := sqlstore.Args{Dollar: true}
	if cur > 0 {
		sq += ` AND last_article < ` + a.Add(cur)
	}
	if q.StoryID != 0 {
		sq += ` AND story_id = ` + a.Add(q.StoryID)
	}
	sq += ` ORDER BY last_article DESC, id DESC LIMIT ` + a.Add(limit+1)
	cs, last, err := s.clusterRows(ctx, sq, a.Vals...)
	if err != nil {
		return store.ClusterPage{}, fmt.Errorf("clusters: %w", err)
	}
	page, err := sqlstore.ClusterPage(cs, last, limit, func(cs []model.Cluster) error { return s.fillClusters(ctx, cs) })
	if err != nil {
		return page, fmt.Errorf("clusters: %w", err)
	}
	return page, nil
}

// Cluster implements store.Store.
func (s *Store) Cluster(ctx context.Context, id int64) (model.Cluster, error) {
	cs, _, err := s.clusterRows(ctx, `SELECT id, story_id, title, last_article FROM clusters WHERE id = $1`, id)
	if err != nil {
		return model.Cluster{}, fmt.Errorf("cluster %d: %w", id, err)
	}
	if len(cs) == 0 {
		return model.Cluster{}, fmt.Errorf("cluster %d: %w", id, store.ErrNotFound)
	}
	if err := s.fillClusters(ctx, cs); err != nil {
		return model.Cluster{}, fmt.Errorf("cluster %d: %w", id, err)
	}
	return cs[0], nil
}

// Stories implements store.Store; the cursor is the last_article of the
// previous page's last story.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) (store.StoryPage, error) {
	limit := sqlstore.PageLimit(q.Limit, 50)
	cur, err := sqlstore.ParseCursor(q.Cursor)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	sq := `SELECT id, title, last_article FROM stories`
	a := sqlstore.Args{Dollar: true}
	if cur > 0 {
		sq += ` WHERE last_article < ` + a.Add(cur)
	}
	sq += ` ORDER BY last_article DESC, id DESC LIMIT ` + a.Add(limit+1)
	rows, err := s.pool.Query(ctx, sq, a.Vals...)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	rs, err := sqlstore.StoryRows(rows)
	rows.Close()
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	return sqlstore.StoryPage(rs, limit, func(id int64) (model.Story, error) { return s.Story(ctx, id) })
}

// Story implements store.Store.
func (s *Store) Story(ctx context.Context, id int64) (model.Story, error) {
	var title string
	err := s.pool.QueryRow(ctx, `SELECT title FROM stories WHERE id = $1`, id).Scan(&title)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Story{}, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	cs, _, err := s.clusterRows(ctx, `SELECT id, story_id, title, last_article FROM clusters WHERE story_id = $1 ORDER BY id`, id)
	if err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	if err := s.fillClusters(ctx, cs); err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	if cs == nil {
		cs = []model.Cluster{}
	}
	return store.StoryFrom(id, title, cs), nil
}

// PutState implements store.Store.
func (s *Store) PutState(ctx context.Context, name string, data []byte, upTo int64) error {
	if data == nil {
		data = []byte{}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO state(name, data, up_to) VALUES ($1,$2,$3)
		ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, up_to = EXCLUDED.up_to`, name, data, upTo)
	if err != nil {
		return fmt.Errorf("put state %s: %w", name, err)
	}
	return nil
}

// State implements store.Store.
func (s *Store) State(ctx context.Context, name string) ([]byte, int64, error) {
	var data []byte
	var upTo int64
	err := s.pool.QueryRow(ctx, `SELECT data, up_to FROM state WHERE name = $1`, name).Scan(&data, &upTo)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, 0, fmt.Errorf("state %s: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("state %s: %w", name, err)
	}
	return data, upTo, nil
}

// topText is the most frequent mention text of an entity ("" when none).
func (s *Store) topText(ctx context.Context, id string) string {
	var name string
	_ = s.pool.QueryRow(ctx, `SELECT text FROM mentions WHERE entity_id = $1 GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT 1`, id).Scan(&name)
	return name
}
