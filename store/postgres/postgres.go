// Package postgres is the server-mode store: PostgreSQL through a pgx
// connection pool. It implements store.Store with the semantics of the
// embedded SQLite store (and passes the same conformance suite,
// store/storetest): every article is written in one transaction with its
// document, PutArticle is idempotent by document hash even when many
// processes put the same document at once, briefs are shared by text hash,
// events merge by ID.
//
// The schema is created and upgraded by numbered migrations recorded in a
// version table; Open takes a PostgreSQL advisory lock while migrating, so
// any number of processes may start at once. Each article carries a
// tsvector of its title (weight A), lead (B) and body (C) built with the
// text search configuration of its language (TextSearchConfig), under a
// GIN index, for full-text search.
//
// Besides store.Store, the package keeps the work-queue ledger that
// `dateline worker` processes share (see Stage, Staged, Advance, Leader
// and docs/scale.md).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"dateline/model"
	"dateline/store"
	"dateline/store/internal/sqlstore"
)

// Store is a store.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to the database at url (postgres://user@host:port/db?...;
// pgxpool settings such as pool_max_conns may be given in the URL) and
// migrates it to the current schema.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// Pool returns the connection pool, for extensions and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close implements store.Store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// retryable reports whether a transaction failed on a deadlock or a
// serialization conflict and may simply be run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// HasDocument implements store.Store.
func (s *Store) HasDocument(ctx context.Context, hash string) (bool, error) {
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE hash = $1)`, hash).Scan(&ok); err != nil {
		return false, fmt.Errorf("has document: %w", err)
	}
	return ok, nil
}

// PutArticle implements store.Store. A document with the same hash being
// put by another transaction at the same moment makes this one wait for
// it and then return its article (ON CONFLICT DO NOTHING); rows shared
// between articles (briefs, entities) are locked in a fixed order so that
// concurrent puts cannot deadlock, and a transaction that still fails on a
// deadlock or serialization error is retried.
func (s *Store) PutArticle(ctx context.Context, doc *model.Document, a *model.Article) (int64, bool, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var id int64
		var created bool
		id, created, err = s.putArticle(ctx, doc, a)
		if err == nil {
			return id, created, nil
		}
		if !retryable(err) {
			break
		}
	}
	return 0, false, fmt.Errorf("put %s: %w", doc.Source, err)
}

func (s *Store) putArticle(ctx context.Context, doc *model.Document, a *model.Article) (int64, bool, error) {
	hash := doc.Hash()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback(ctx)
	ann := sqlstore.AnnotationsJSON(a)
	var id int64
	err = tx.QueryRow(ctx, `WITH d AS (
			INSERT INTO documents(hash, source, url, format, fetched, ingested, content) VALUES ($1,$2,$3,$4,$5,$6,$7)
			ON CONFLICT (hash) DO NOTHING RETURNING id)
		INSERT INTO articles(doc_id, source, url, lang, title, lead, body, place, dateline_agencies, agencies,
			published, modified, fetched, author, site_name, canonical, annotations, cluster_id, story_id, duplicate_of, ts_config)
		SELECT d.id, $8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27::regconfig FROM d
		RETURNING id`,
		hash, doc.Source, doc.URL, string(doc.Format), doc.Fetched.String(), time.Now().UTC().Format(time.RFC3339), doc.Content,
		a.Source, a.URL, a.Lang, a.Title, a.Lead, a.Body, a.Dateline.Place, sqlstore.JSONList(a.Dateline.Agencies), sqlstore.JSONList(a.Agencies),
		a.Published.String(), a.Modified.String(), a.Fetched.String(), a.Author, a.SiteName, a.Canonical, ann,
		a.ClusterID, a.StoryID, a.DuplicateOf, TextSearchConfig(a.Lang)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		// Stored before, or by a transaction that committed while this one
		// waited on the conflicting row.
		var existing int64
		err := tx.QueryRow(ctx, `SELECT a.id FROM documents d JOIN articles a ON a.doc_id = d.id WHERE d.hash = $1`, hash).Scan(&existing)
		if err != nil {
			return 0, false, fmt.Errorf("existing document: %w", err)
		}
		a.ID = existing
		return existing, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("article: %w", err)
	}
	a.Hash = hash
	if err := putBriefs(ctx, tx, id, a); err != nil {
		return 0, false, err
	}
	if err := putDerived(ctx, tx, id, a); err != nil {
		return 0, false, err
	}
	if err := putSearch(ctx, tx, id, a); err != nil {
		return 0, false, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, false, fmt.Errorf("commit: %w", err)
	}
	a.ID = id
	return id, true, nil
}

// putBriefs upserts the article's briefs (in hash order, the lock order)
// and links them, and inserts the mentions, in one round trip.
func putBriefs(ctx context.Context, tx pgx.Tx, id int64, a *model.Article) error {
	order := make([]int, len(a.Briefs))
	for i := range a.Briefs {
		b := &a.Briefs[i]
		if b.Hash == "" {
			b.Hash = model.TextHash(b.Text)
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return strings.Compare(a.Briefs[x].Hash, a.Briefs[y].Hash) })
	batch := &pgx.Batch{}
	for _, i := range order {
		b := &a.Briefs[i]
		batch.Queue(`WITH b AS (
				INSERT INTO briefs(hash, text, place, agencies) VALUES ($1,$2,$3,$4)
				ON CONFLICT (hash) DO UPDATE SET hash = EXCLUDED.hash RETURNING id),
			ab AS (INSERT INTO article_briefs(article_id, brief_id, position, age_seconds) SELECT $5, b.id, $6, $7 FROM b ON CONFLICT DO NOTHING)
			SELECT id FROM b`,
			b.Hash, b.Text, b.Dateline.Place, sqlstore.JSONList(b.Dateline.Agencies), id, i, b.AgeSeconds).QueryRow(func(r pgx.Row) error {
			return r.Scan(&b.ID)
		})
	}
	for _, m := range a.Mentions {
		score := m.Score
		if score == 0 { // unscored: a name
			score = 1
		}
		batch.Queue(`INSERT INTO mentions(article_id, entity_id, text, type, lang, start_off, end_off, sentence, score) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
			id, m.EntityID, m.Text, m.Type, a.Lang, m.Start, m.End, m.Sentence, score)
	}
	if batch.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("briefs and mentions: %w", err)
	}
	return nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id int64) (model.Article, error) {
	a, err := sqlstore.ScanArticle(s.pool.QueryRow(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a JOIN documents d ON d.id = a.doc_id WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT b.id, b.hash, b.text, b.place, b.agencies, ab.age_seconds FROM article_briefs ab
		JOIN briefs b ON b.id = ab.brief_id WHERE ab.article_id = $1 ORDER BY ab.position`, id)
	if err != nil {
		return a, fmt.Errorf("article %d: briefs: %w", id, err)
	}
	a.Briefs, err = sqlstore.Briefs(rows)
	rows.Close()
	if err != nil {
		return a, fmt.Errorf("article %d: briefs: %w", id, err)
	}
	ms, err := s.mentions(ctx, []int64{id})
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	a.Mentions = ms[id]
	evs, err := s.articleEvents(ctx, []int64{id})
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	a.Events = evs[id]
	return a, nil
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) (store.ArticlePage, error) {
	limit := sqlstore.PageLimit(q.Limit, 50)
	a := sqlstore.Args{Dollar: true}
	sq, err := sqlstore.ArticlesSQL(q, limit, &a)
	if err != nil {
		return store.ArticlePage{}, err
	}
	rows, err := s.pool.Query(ctx, sq, a.Vals...)
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	return sqlstore.ArticlePage(rows, limit)
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM briefs),
		(SELECT COUNT(*) FROM mentions), (SELECT COUNT(DISTINCT entity_id) FROM mentions WHERE entity_id <> ''),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM clusters), (SELECT COUNT(*) FROM stories)`).
		Scan(&st.Documents, &st.Articles, &st.Briefs, &st.Mentions, &st.Entities, &st.Events, &st.Clusters, &st.Stories)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
