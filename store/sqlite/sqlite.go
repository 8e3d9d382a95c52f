// Package sqlite is the embedded store: one SQLite file (pure Go driver,
// no cgo) in WAL mode. Every article is written in one transaction with its
// document, so a crash at any point leaves each document either fully
// stored or absent, and re-running the same input stores the rest.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"dateline/model"
	"dateline/search"
	"dateline/store"
	"dateline/store/internal/sqlstore"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a store.Store on one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// read is the pool of read-only connections searches run on (see
	// openReadPool); nil means db.
	read *sql.DB
	// stmts caches the prepared statements of the read pool.
	stmts readStmts
	// countCap and rankWindow bound the counting and the ranking of
	// searches (see SetSearchLimits); 0 means the default.
	countCap, rankWindow int
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the store at path and migrates it to the
// current schema.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := s.backfillSearch(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.read, err = openReadPool(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// DB returns the underlying database handle, for drivers' own extensions.
func (s *Store) DB() *sql.DB { return s.db }

// Close implements store.Store.
func (s *Store) Close() error {
	if s.read != nil {
		s.read.Close()
	}
	return s.db.Close()
}

// migrations are applied in order; the schema version is their count.
var migrations = []string{
	`CREATE TABLE documents (
		id INTEGER PRIMARY KEY,
		hash TEXT NOT NULL UNIQUE,
		source TEXT NOT NULL,
		url TEXT NOT NULL DEFAULT '',
		format TEXT NOT NULL,
		fetched TEXT NOT NULL DEFAULT '',
		ingested TEXT NOT NULL,
		content TEXT NOT NULL
	);
	CREATE INDEX documents_url ON documents(url) WHERE url != '';
	CREATE TABLE articles (
		id INTEGER PRIMARY KEY,
		doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
		source TEXT NOT NULL,
		url TEXT NOT NULL DEFAULT '',
		lang TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		lead TEXT NOT NULL DEFAULT '',
		body TEXT NOT NULL DEFAULT '',
		place TEXT NOT NULL DEFAULT '',
		dateline_agencies TEXT NOT NULL DEFAULT '[]',
		agencies TEXT NOT NULL DEFAULT '[]',
		published TEXT NOT NULL DEFAULT '',
		modified TEXT NOT NULL DEFAULT '',
		fetched TEXT NOT NULL DEFAULT '',
		author TEXT NOT NULL DEFAULT '',
		site_name TEXT NOT NULL DEFAULT '',
		canonical TEXT NOT NULL DEFAULT '',
		annotations TEXT NOT NULL DEFAULT '{}',
		cluster_id INTEGER NOT NULL DEFAULT 0,
		story_id INTEGER NOT NULL DEFAULT 0,
		duplicate_of INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX articles_lang ON articles(lang, id);
	CREATE TABLE briefs (
		id INTEGER PRIMARY KEY,
		hash TEXT NOT NULL UNIQUE,
		text TEXT NOT NULL,
		place TEXT NOT NULL DEFAULT '',
		agencies TEXT NOT NULL DEFAULT '[]'
	);
	CREATE TABLE article_briefs (
		article_id INTEGER NOT NULL REFERENCES articles(id),
		brief_id INTEGER NOT NULL REFERENCES briefs(id),
		position INTEGER NOT NULL,
		age_seconds INTEGER,
		PRIMARY KEY (article_id, brief_id)
	);
	CREATE INDEX article_briefs_brief ON article_briefs(brief_id);
	CREATE TABLE mentions (
		article_id INTEGER NOT NULL REFERENCES articles(id),
		entity_id TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL,
		type TEXT NOT NULL,
		lang TEXT NOT NULL DEFAULT '',
		start INTEGER NOT NULL,
		end INTEGER NOT NULL,
		sentence INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX mentions_article ON mentions(article_id);
	CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
	CREATE TABLE entities (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		type TEXT NOT NULL,
		kind TEXT NOT NULL DEFAULT '',
		country TEXT NOT NULL DEFAULT ''
	);`,
	`CREATE TABLE events (
		id INTEGER PRIMARY KEY,
		key TEXT NOT NULL,
		type TEXT NOT NULL,
		mode TEXT NOT NULL DEFAULT '',
		src_name TEXT NOT NULL DEFAULT '', src_entity TEXT NOT NULL DEFAULT '', src_country TEXT NOT NULL DEFAULT '', src_sector TEXT NOT NULL DEFAULT '',
		tgt_name TEXT NOT NULL DEFAULT '', tgt_entity TEXT NOT NULL DEFAULT '', tgt_country TEXT NOT NULL DEFAULT '', tgt_sector TEXT NOT NULL DEFAULT '',
		place TEXT NOT NULL DEFAULT '',
		date TEXT NOT NULL DEFAULT '',
		date_end TEXT NOT NULL DEFAULT '',
		score REAL NOT NULL DEFAULT 0,
		confidence REAL NOT NULL DEFAULT 0,
		cluster_id INTEGER NOT NULL DEFAULT 0,
		story_id INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX events_key ON events(key);
	CREATE INDEX events_dyad ON events(src_country, tgt_country, date);
	CREATE INDEX events_date ON events(date, id);
	CREATE TABLE event_sources (
		event_id INTEGER NOT NULL REFERENCES events(id),
		article_id INTEGER NOT NULL REFERENCES articles(id),
		source TEXT NOT NULL,
		sentence TEXT NOT NULL,
		start INTEGER NOT NULL,
		end INTEGER NOT NULL,
		PRIMARY KEY (event_id, article_id, start)
	);
	CREATE INDEX event_sources_article ON event_sources(article_id);
	CREATE TABLE clusters (
		id INTEGER PRIMARY KEY,
		story_id INTEGER NOT NULL DEFAULT 0,
		title TEXT NOT NULL,
		last_article INTEGER NOT NULL
	);
	CREATE INDEX clusters_last ON clusters(last_article);
	CREATE INDEX clusters_story ON clusters(story_id);
	CREATE TABLE stories (
		id INTEGER PRIMARY KEY,
		title TEXT NOT NULL,
		last_article INTEGER NOT NULL
	);
	CREATE INDEX stories_last ON stories(last_article);
	CREATE INDEX articles_cluster ON articles(cluster_id);
	CREATE TABLE state (
		name TEXT PRIMARY KEY,
		data BLOB NOT NULL,
		up_to INTEGER NOT NULL
	);`,
	// search: an FTS5 index of pre-analysed terms (package search), facet
	// values per article, and a queue of articles stored before the index
	// existed, which Open indexes (see backfillSearch).
	`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, ents, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
	CREATE TABLE article_facets (
		kind TEXT NOT NULL,
		value TEXT NOT NULL,
		article_id INTEGER NOT NULL,
		PRIMARY KEY (kind, value, article_id)
	) WITHOUT ROWID;
	CREATE INDEX article_facets_article ON article_facets(article_id, kind, value);
	CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
	CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY);
	INSERT INTO search_pending SELECT id FROM articles;`,
	`ALTER TABLE mentions ADD COLUMN score REAL NOT NULL DEFAULT 1;`,
	// search at scale: a narrow index of the article columns searches
	// filter and group on (probed per full-text match instead of the
	// wide article rows), and mention surface forms with their entities
	// (an index seek per distinct entity when expanding a query word).
	`CREATE INDEX articles_meta ON articles(id, lang, published, cluster_id, story_id);
	CREATE INDEX mentions_text_entity ON mentions(text COLLATE NOCASE, entity_id);
	DROP INDEX mentions_text;`,
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	err = sqlstore.Migrate(v, migrations, func(version int, stmts string) error {
		if _, err := tx.ExecContext(ctx, stmts); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (?)`, version)
		return err
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// HasDocument implements store.Store.
func (s *Store) HasDocument(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE hash = ?`, hash).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("has document: %w", err)
	}
	return n > 0, nil
}

// PutArticle implements store.Store.
func (s *Store) PutArticle(ctx context.Context, doc *model.Document, a *model.Article) (int64, bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, fmt.Errorf("put %s: %w", doc.Source, err)
	}
	defer tx.Rollback()
	id, created, err := putArticle(ctx, tx, tx, doc, a, nil)
	if err != nil || !created {
		return id, created, err
	}
	if err := tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("put %s: commit: %w", doc.Source, err)
	}
	a.ID = id
	return id, true, nil
}

// execer runs statements inside a transaction: the *sql.Tx itself, or a
// cache of its prepared statements (see BulkLoader).
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// putArticle writes a document and its article through x, a view of tx.
// idx is the article's search document when already computed (nil: it is
// computed here). created is false when the document was stored before.
func putArticle(ctx context.Context, x execer, tx *sql.Tx, doc *model.Document, a *model.Article, idx *search.Doc) (id int64, created bool, err error) {
	hash := doc.Hash()
	var existing int64
	err = x.QueryRowContext(ctx, `SELECT a.id FROM documents d JOIN articles a ON a.doc_id = d.id WHERE d.hash = ?`, hash).Scan(&existing)
	switch {
	case err == nil:
		a.ID = existing
		return existing, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("put %s: %w", doc.Source, err)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	res, err := x.ExecContext(ctx, `INSERT INTO documents(hash, source, url, format, fetched, ingested, content) VALUES (?,?,?,?,?,?,?)`,
		hash, doc.Source, doc.URL, string(doc.Format), doc.Fetched.String(), now, doc.Content)
	if err != nil {
		return 0, false, fmt.Errorf("put %s: document: %w", doc.Source, err)
	}
	docID, _ := res.LastInsertId()
	a.Hash = hash
	ann := sqlstore.AnnotationsJSON(a)
	res, err = x.ExecContext(ctx, `INSERT INTO articles(doc_id, source, url, lang, title, lead, body, place, dateline_agencies, agencies,
		published, modified, fetched, author, site_name, canonical, annotations, cluster_id, story_id, duplicate_of)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		docID, a.Source, a.URL, a.Lang, a.Title, a.Lead, a.Body, a.Dateline.Place, sqlstore.JSONList(a.Dateline.Agencies), sqlstore.JSONList(a.Agencies),
		a.Published.String(), a.Modified.String(), a.Fetched.String(), a.Author, a.SiteName, a.Canonical, ann,
		a.ClusterID, a.StoryID, a.DuplicateOf)
	if err != nil {
		return 0, false, fmt.Errorf("put %s: article: %w", doc.Source, err)
	}
	id, _ = res.LastInsertId()
	for i := range a.Briefs {
		b := &a.Briefs[i]
		if b.Hash == "" {
			b.Hash = model.TextHash(b.Text)
		}
		var bid int64
		err := x.QueryRowContext(ctx, `INSERT INTO briefs(hash, text, place, agencies) VALUES (?,?,?,?)
			ON CONFLICT(hash) DO UPDATE SET hash = excluded.hash RETURNING id`,
			b.Hash, b.Text, b.Dateline.Place, sqlstore.JSONList(b.Dateline.Agencies)).Scan(&bid)
		if err != nil {
			return 0, false, fmt.Errorf("put %s: brief: %w", doc.Source, err)
		}
		b.ID = bid
		if _, err := x.ExecContext(ctx, `INSERT OR IGNORE INTO article_briefs(article_id, brief_id, position, age_seconds) VALUES (?,?,?,?)`,
			id, bid, i, b.AgeSeconds); err != nil {
			return 0, false, fmt.Errorf("put %s: brief: %w", doc.Source, err)
		}
	}
	for _, m := range a.Mentions {
		score := m.Score
		if score == 0 {
			score = 1
		}
		if _, err := x.ExecContext(ctx, `INSERT INTO mentions(article_id, entity_id, text, type, lang, start, end, sentence, score) VALUES (?,?,?,?,?,?,?,?,?)`,
			id, m.EntityID, m.Text, m.Type, a.Lang, m.Start, m.End, m.Sentence, score); err != nil {
			return 0, false, fmt.Errorf("put %s: mention: %w", doc.Source, err)
		}
	}
	if err := putDerived(ctx, tx, id, a); err != nil {
		return 0, false, fmt.Errorf("put %s: %w", doc.Source, err)
	}
	if idx == nil {
		d := search.Index(a)
		idx = &d
	}
	if err := putSearch(ctx, x, id, idx); err != nil {
		return 0, false, fmt.Errorf("put %s: %w", doc.Source, err)
	}
	return id, true, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id int64) (model.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a JOIN documents d ON d.id = a.doc_id WHERE a.id = ?`, id)
	a, err := sqlstore.ScanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.hash, b.text, b.place, b.agencies, ab.age_seconds FROM article_briefs ab
		JOIN briefs b ON b.id = ab.brief_id WHERE ab.article_id = ? ORDER BY ab.position`, id)
	if err != nil {
		return a, fmt.Errorf("article %d: briefs: %w", id, err)
	}
	defer rows.Close()
	if a.Briefs, err = sqlstore.Briefs(rows); err != nil {
		return a, fmt.Errorf("article %d: briefs: %w", id, err)
	}
	if a.Mentions, err = s.mentions(ctx, id); err != nil {
		return a, err
	}
	if a.Events, err = s.articleEvents(ctx, id); err != nil {
		return a, err
	}
	return a, nil
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) (store.ArticlePage, error) {
	limit := sqlstore.PageLimit(q.Limit, 50)
	var a sqlstore.Args
	sq, err := sqlstore.ArticlesSQL(q, limit, &a)
	if err != nil {
		return store.ArticlePage{}, err
	}
	rows, err := s.db.QueryContext(ctx, sq, a.Vals...)
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	return sqlstore.ArticlePage(rows, limit)
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM briefs),
		(SELECT COUNT(*) FROM mentions), (SELECT COUNT(DISTINCT entity_id) FROM mentions WHERE entity_id != ''),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM clusters), (SELECT COUNT(*) FROM stories)`).
		Scan(&st.Documents, &st.Articles, &st.Briefs, &st.Mentions, &st.Entities, &st.Events, &st.Clusters, &st.Stories)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
