package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"dateline/model"
	"dateline/store"
	"dateline/store/internal/sqlstore"
)

// putDerived writes the article's entities, events and cluster placement
// inside the article's transaction.
func putDerived(ctx context.Context, tx *sql.Tx, id int64, a *model.Article) error {
	for _, e := range a.Entities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entities(id, name, type, kind, country) VALUES (?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, kind = excluded.kind, country = excluded.country`,
			e.ID, e.Name, e.Type, e.Kind, e.Country); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
	}
	for i := range a.Events {
		e := &a.Events[i]
		if e.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO events(key, type, mode, src_name, src_entity, src_country, src_sector,
				tgt_name, tgt_entity, tgt_country, tgt_sector, place, date, date_end, score, confidence, cluster_id, story_id)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
				store.EventKey(*e), e.Type, e.Mode, e.Source.Name, e.Source.EntityID, e.Source.Country, e.Source.Sector,
				e.Target.Name, e.Target.EntityID, e.Target.Country, e.Target.Sector, e.Place, e.Date, e.DateEnd, e.Score, e.Confidence,
				a.ClusterID, a.StoryID)
			if err != nil {
				return fmt.Errorf("event: %w", err)
			}
			e.ID, _ = res.LastInsertId()
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE events SET mode = ?, place = ?, date = ?, date_end = ?, confidence = ?,
				src_name = ?, src_entity = ?, src_sector = ?, tgt_name = ?, tgt_entity = ?, tgt_sector = ? WHERE id = ?`,
				e.Mode, e.Place, e.Date, e.DateEnd, e.Confidence,
				e.Source.Name, e.Source.EntityID, e.Source.Sector, e.Target.Name, e.Target.EntityID, e.Target.Sector, e.ID); err != nil {
				return fmt.Errorf("event %d: %w", e.ID, err)
			}
		}
		for _, s := range e.Sources {
			aid := s.ArticleID
			if aid == 0 {
				aid = id
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO event_sources(event_id, article_id, source, sentence, start, end) VALUES (?,?,?,?,?,?)`,
				e.ID, aid, s.Source, s.Sentence, s.Start, s.End); err != nil {
				return fmt.Errorf("event %d source: %w", e.ID, err)
			}
		}
	}
	if a.ClusterID != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO clusters(id, story_id, title, last_article) VALUES (?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, last_article = excluded.last_article`,
			a.ClusterID, a.StoryID, a.Title, id); err != nil {
			return fmt.Errorf("cluster %d: %w", a.ClusterID, err)
		}
	}
	if a.StoryID != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, title, last_article) VALUES (?,?,?)
			ON CONFLICT(id) DO UPDATE SET last_article = excluded.last_article`, a.StoryID, a.Title, id); err != nil {
			return fmt.Errorf("story %d: %w", a.StoryID, err)
		}
	}
	return nil
}

// ArticlesAfter implements store.Store.
func (s *Store) ArticlesAfter(ctx context.Context, after int64, fn func(model.Article) error) error {
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a JOIN documents d ON d.id = a.doc_id WHERE a.id > ? ORDER BY a.id LIMIT 500`, after)
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		var batch []model.Article
		for rows.Next() {
			a, err := sqlstore.ScanArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("articles after %d: %w", after, err)
			}
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			a := &batch[i]
			if a.Mentions, err = s.mentions(ctx, a.ID); err != nil {
				return err
			}
			if a.Events, err = s.articleEvents(ctx, a.ID); err != nil {
				return err
			}
			if err := fn(*a); err != nil {
				return err
			}
			after = a.ID
		}
	}
}

func (s *Store) mentions(ctx context.Context, id int64) ([]model.Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entity_id, text, type, start, end, sentence, score FROM mentions WHERE article_id = ? ORDER BY start`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: mentions: %w", id, err)
	}
	defer rows.Close()
	var out []model.Mention
	for rows.Next() {
		var m model.Mention
		if err := rows.Scan(&m.EntityID, &m.Text, &m.Type, &m.Start, &m.End, &m.Sentence, &m.Score); err != nil {
			return nil, fmt.Errorf("article %d: mentions: %w", id, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// queryEvents runs an event query and fills each event's sources.
func (s *Store) queryEvents(ctx context.Context, q string, args ...any) ([]model.Event, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
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
	for i := range evs {
		srows, err := s.db.QueryContext(ctx, `SELECT article_id, source, sentence, start, end FROM event_sources WHERE event_id = ? ORDER BY article_id, start`, evs[i].ID)
		if err != nil {
			return nil, err
		}
		evs[i].Sources = []model.EventSource{}
		for srows.Next() {
			var es model.EventSource
			if err := srows.Scan(&es.ArticleID, &es.Source, &es.Sentence, &es.Start, &es.End); err != nil {
				srows.Close()
				return nil, err
			}
			evs[i].Sources = append(evs[i].Sources, es)
		}
		srows.Close()
		if err := srows.Err(); err != nil {
			return nil, err
		}
	}
	return evs, nil
}

func (s *Store) articleEvents(ctx context.Context, id int64) ([]model.Event, error) {
	evs, err := s.queryEvents(ctx, `SELECT DISTINCT `+sqlstore.EventCols+` FROM events e JOIN event_sources es ON es.event_id = e.id WHERE es.article_id = ? ORDER BY e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: events: %w", id, err)
	}
	return evs, nil
}

// EventCandidates implements store.Store.
func (s *Store) EventCandidates(ctx context.Context, key string, clusterID, storyID int64) ([]model.Event, error) {
	if clusterID == 0 && storyID == 0 {
		return nil, nil
	}
	evs, err := s.queryEvents(ctx, `SELECT `+sqlstore.EventCols+` FROM events e WHERE e.key = ? AND ((e.cluster_id = ? AND ? != 0) OR (e.story_id = ? AND ? != 0)) ORDER BY e.id`,
		key, clusterID, clusterID, storyID, storyID)
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
	var a sqlstore.Args
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
	var a sqlstore.Args
	where := sqlstore.EntityConds(q, &a)
	sq := `SELECT m.entity_id, COALESCE(e.name, ''), COALESCE(e.type, MAX(m.type)), COALESCE(e.kind, ''), COALESCE(e.country, ''), COUNT(*) AS n
		FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.entity_id != ''`
	if len(where) > 0 {
		sq += " AND " + strings.Join(where, " AND ")
	}
	sq += ` GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ` + a.Add(limit+1) + ` OFFSET ` + a.Add(off)
	rows, err := s.db.QueryContext(ctx, sq, a.Vals...)
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
// frequent first. Mentions resolved from role descriptions ("the Russian
// defence minister", score below store.AliasMinScore) are not names and
// are left out.
func (s *Store) aliases(ctx context.Context, id string) ([]model.Alias, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT text, lang, COUNT(*) AS n FROM mentions WHERE entity_id = ? AND score >= ? GROUP BY text, lang ORDER BY n DESC, lang, text`, id, store.AliasMinScore)
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
	err := s.db.QueryRowContext(ctx, `SELECT name, type, kind, country FROM entities WHERE id = ?`, id).Scan(&d.Name, &d.Type, &d.Kind, &d.Country)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM mentions WHERE entity_id = ?`, id).Scan(&d.Mentions); err != nil {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	if d.Mentions == 0 && d.Name == "" {
		return d, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	if err := s.describe(ctx, &d.Entity); err != nil {
		return d, err
	}
	if d.Type == "" {
		s.db.QueryRowContext(ctx, `SELECT type FROM mentions WHERE entity_id = ? GROUP BY type ORDER BY COUNT(*) DESC LIMIT 1`, id).Scan(&d.Type)
	}
	d.Articles, err = s.refs(ctx, `SELECT a.id, a.source, a.title, a.lang, a.published, a.cluster_id FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?) ORDER BY a.id DESC LIMIT 200`, id)
	if err != nil {
		return d, fmt.Errorf("entity %s: %w", id, err)
	}
	return d, nil
}

func (s *Store) refRows(ctx context.Context, q string, args ...any) ([]sqlstore.Ref, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
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
	ids := sqlstore.ClusterIDs(cs)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rs, err := s.refRows(ctx, `SELECT a.id, a.source, a.title, a.lang, a.published, a.cluster_id FROM articles a
		WHERE a.cluster_id IN (`+placeholders(len(ids))+`) ORDER BY a.id`, args...)
	if err != nil {
		return err
	}
	sqlstore.FillClusters(cs, rs)
	return nil
}

func (s *Store) clusterRows(ctx context.Context, q string, args ...any) ([]model.Cluster, []int64, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
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
	sq := `SELECT id, story_id, title, last_article FROM clusters WHERE 1=1`
	var args []any
	if cur > 0 {
		sq += ` AND last_article < ?`
		args = append(args, cur)
	}
	if q.StoryID != 0 {
		sq += ` AND story_id = ?`
		args = append(args, q.StoryID)
	}
	sq += ` ORDER BY last_article DESC LIMIT ?`
	args = append(args, limit+1)
	cs, last, err := s.clusterRows(ctx, sq, args...)
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
	cs, _, err := s.clusterRows(ctx, `SELECT id, story_id, title, last_article FROM clusters WHERE id = ?`, id)
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
	var args []any
	if cur > 0 {
		sq += ` WHERE last_article < ?`
		args = append(args, cur)
	}
	sq += ` ORDER BY last_article DESC LIMIT ?`
	args = append(args, limit+1)
	rows, err := s.db.QueryContext(ctx, sq, args...)
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
	err := s.db.QueryRowContext(ctx, `SELECT title FROM stories WHERE id = ?`, id).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Story{}, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	cs, _, err := s.clusterRows(ctx, `SELECT id, story_id, title, last_article FROM clusters WHERE story_id = ? ORDER BY id`, id)
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
	_, err := s.db.ExecContext(ctx, `INSERT INTO state(name, data, up_to) VALUES (?,?,?)
		ON CONFLICT(name) DO UPDATE SET data = excluded.data, up_to = excluded.up_to`, name, data, upTo)
	if err != nil {
		return fmt.Errorf("put state %s: %w", name, err)
	}
	return nil
}

// State implements store.Store.
func (s *Store) State(ctx context.Context, name string) ([]byte, int64, error) {
	var data []byte
	var upTo int64
	err := s.db.QueryRowContext(ctx, `SELECT data, up_to FROM state WHERE name = ?`, name).Scan(&data, &upTo)
	if errors.Is(err, sql.ErrNoRows) {
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
	_ = s.db.QueryRowContext(ctx, `SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT 1`, id).Scan(&name)
	return name
}
