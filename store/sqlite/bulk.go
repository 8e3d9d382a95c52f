package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"

	"dateline/model"
	"dateline/search"
)

// BulkLoader stores many articles quickly, for building large stores
// (`dateline bench serve`). Each article is written by the same code as
// PutArticle, so the tables, the full-text index and the facets hold
// exactly what PutArticle would write (only the ingest timestamps differ).
// What changes is how: the search documents (search.Index, the analysis)
// are computed on every CPU before the writes; articles are written in
// transactions of a batch each, with prepared statements, on one
// connection with synchronous=OFF (a crash during the load can lose the
// last batches, but not corrupt the file); the FTS5 index buffers more
// terms in memory between segment flushes and does not merge during the
// load, then Close merges it into one segment ('optimize') and writes
// back the default automerge and hashsize settings. A BulkLoader is not
// safe for concurrent use; ordinary writers may run beside it.
type BulkLoader struct {
	conn  *sql.Conn
	batch int
	docs  []*model.Document
	arts  []*model.Article
	added int
}

// bulkHashSize is the FTS5 in-memory term buffer during a bulk load
// (the default is 1 MiB).
const bulkHashSize = 64 << 20

// NewBulkLoader starts a bulk load that writes batch articles per
// transaction (0 means 2,000). Close must be called to finish it.
func (s *Store) NewBulkLoader(ctx context.Context, batch int) (*BulkLoader, error) {
	if batch <= 0 {
		batch = 2000
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	for _, q := range []string{
		`PRAGMA synchronous = OFF`,
		`PRAGMA cache_size = -262144`,
		`INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 0)`,
		fmt.Sprintf(`INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', %d)`, bulkHashSize),
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.Close()
			return nil, fmt.Errorf("bulk load: %s: %w", q, err)
		}
	}
	return &BulkLoader{conn: conn, batch: batch}, nil
}

// Add queues an article; a full batch is written at once. Documents
// stored before are skipped, as PutArticle skips them.
func (b *BulkLoader) Add(ctx context.Context, doc *model.Document, a *model.Article) error {
	b.docs = append(b.docs, doc)
	b.arts = append(b.arts, a)
	if len(b.docs) >= b.batch {
		return b.Flush(ctx)
	}
	return nil
}

// Added returns how many new articles were stored so far.
func (b *BulkLoader) Added() int { return b.added }

// Flush writes the queued articles in one transaction.
func (b *BulkLoader) Flush(ctx context.Context) error {
	if len(b.docs) == 0 {
		return nil
	}
	idx := indexAll(b.arts)
	tx, err := b.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	defer tx.Rollback()
	x := &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
	for i, doc := range b.docs {
		_, created, err := putArticle(ctx, x, tx, doc, b.arts[i], &idx[i])
		if err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
		if created {
			b.added++
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("bulk load: commit: %w", err)
	}
	b.docs, b.arts = b.docs[:0], b.arts[:0]
	return nil
}

// Close writes what is queued, merges the full-text index into one
// segment and restores the connection's and the index's settings.
func (b *BulkLoader) Close(ctx context.Context) error {
	defer b.conn.Close()
	if err := b.Flush(ctx); err != nil {
		return err
	}
	for _, q := range []string{
		`INSERT INTO article_fts(article_fts) VALUES ('optimize')`,
		`INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 4)`,
		`INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', 1048576)`,
		`PRAGMA synchronous = NORMAL`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := b.conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("bulk load: %s: %w", q, err)
		}
	}
	return nil
}

// indexAll computes the search documents of articles on every CPU.
func indexAll(arts []*model.Article) []search.Doc {
	out := make([]search.Doc, len(arts))
	next := make(chan int, len(arts))
	for i := range arts {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = search.Index(arts[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// stmtCache runs statements of a transaction through prepared
// statements, prepared once per query text.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := c.stmts[q]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = st
	return st, nil
}

// ExecContext implements execer.
func (c *stmtCache) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext implements execer.
func (c *stmtCache) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return c.tx.QueryRowContext(ctx, q, args...) // reports the error
	}
	return st.QueryRowContext(ctx, args...)
}
