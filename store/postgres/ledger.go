package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The work-queue ledger. Workers record the outcome of each queue message
// under its stream sequence number (Stage) before they acknowledge it; the
// one committer (the process holding the Lease) reads the outcomes in
// sequence order (Staged), writes the articles, and moves the watermark
// past them (Advance). See docs/scale.md.

// leaderLock is the advisory lock key of the committer's lease ("dl-commit").
const leaderLock int64 = 0x646c2d636f6d6d69

// ledgerName is the queue_state row of the document queue.
const ledgerName = "docs"

// ErrLeaseLost is returned by Advance and Lease.Check when the caller no
// longer holds the committer's lease.
var ErrLeaseLost = errors.New("committer lease lost")

// Stage records payload as the outcome of queue message seq. It does
// nothing when seq is already recorded or at or below the watermark (a
// redelivered message), so it is safe to repeat.
func (s *Store) Stage(ctx context.Context, seq int64, payload []byte) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO queue_staged(seq, payload)
		SELECT $1, $2 WHERE $1 > COALESCE((SELECT watermark FROM queue_state WHERE name = $3), 0)
		ON CONFLICT (seq) DO NOTHING`, seq, payload, ledgerName)
	if err != nil {
		return fmt.Errorf("stage %d: %w", seq, err)
	}
	return nil
}

// IsStaged reports whether message seq is recorded and not yet committed.
func (s *Store) IsStaged(ctx context.Context, seq int64) (bool, error) {
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM queue_staged WHERE seq = $1)`, seq).Scan(&ok); err != nil {
		return false, fmt.Errorf("staged %d: %w", seq, err)
	}
	return ok, nil
}

// Staged calls fn for at most limit recorded messages above after, in
// sequence order.
func (s *Store) Staged(ctx context.Context, after int64, limit int, fn func(seq int64, payload []byte) error) error {
	rows, err := s.pool.Query(ctx, `SELECT seq, payload FROM queue_staged WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit)
	if err != nil {
		return fmt.Errorf("staged after %d: %w", after, err)
	}
	type rec struct {
		seq int64
		p   []byte
	}
	var recs []rec
	for rows.Next() {
		var r rec
		if err := rows.Scan(&r.seq, &r.p); err != nil {
			rows.Close()
			return fmt.Errorf("staged after %d: %w", after, err)
		}
		recs = append(recs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("staged after %d: %w", after, err)
	}
	for _, r := range recs {
		if err := fn(r.seq, r.p); err != nil {
			return err
		}
	}
	return nil
}

// StagedCount counts recorded messages not yet committed: the committer's
// backlog.
func (s *Store) StagedCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM queue_staged`).Scan(&n); err != nil {
		return 0, fmt.Errorf("staged count: %w", err)
	}
	return n, nil
}

// Backlog returns the number of recorded outcomes waiting for the
// committer, the lowest of their sequence numbers (0 when none) and the
// watermark. When first is above watermark+1 the committer is waiting for
// a message that no worker has recorded yet.
func (s *Store) Backlog(ctx context.Context) (n, first, watermark int64, err error) {
	err = s.pool.QueryRow(ctx, `SELECT COUNT(*), COALESCE(MIN(seq), 0),
		COALESCE((SELECT watermark FROM queue_state WHERE name = $1), 0) FROM queue_staged`, ledgerName).Scan(&n, &first, &watermark)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("backlog: %w", err)
	}
	return n, first, watermark, nil
}

// Watermark returns the sequence number up to which every queue message
// has been committed to the store (0 at first).
func (s *Store) Watermark(ctx context.Context) (int64, error) {
	var w int64
	err := s.pool.QueryRow(ctx, `SELECT COALESCE((SELECT watermark FROM queue_state WHERE name = $1), 0)`, ledgerName).Scan(&w)
	if err != nil {
		return 0, fmt.Errorf("watermark: %w", err)
	}
	return w, nil
}

// Advance moves the watermark to seq and forgets the recorded outcomes up
// to it, if the lease of epoch is still the current one (ErrLeaseLost
// otherwise: another process has taken over committing).
func (s *Store) Advance(ctx context.Context, seq, epoch int64) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("advance to %d: %w", seq, err)
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, `UPDATE queue_state SET watermark = GREATEST(watermark, $1) WHERE name = $2 AND epoch = $3`, seq, ledgerName, epoch)
	if err != nil {
		return fmt.Errorf("advance to %d: %w", seq, err)
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("advance to %d: %w", seq, ErrLeaseLost)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM queue_staged WHERE seq <= $1`, seq); err != nil {
		return fmt.Errorf("advance to %d: %w", seq, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("advance to %d: %w", seq, err)
	}
	return nil
}

// Lease is the committer's exclusive right to write articles from the
// queue: a session advisory lock held on one dedicated connection, so it
// ends when the holder's process or connection dies.
type Lease struct {
	// Epoch increases with every new lease; Advance checks it.
	Epoch int64
	conn  *pgxpool.Conn
}

// TryLease takes the committer's lease if no other process holds it; it
// returns nil and no error when another does.
func (s *Store) TryLease(ctx context.Context) (*Lease, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("lease: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, leaderLock).Scan(&ok); err != nil {
		conn.Release()
		return nil, fmt.Errorf("lease: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, nil
	}
	l := &Lease{conn: conn}
	err = conn.QueryRow(ctx, `INSERT INTO queue_state(name, epoch) VALUES ($1, 1)
		ON CONFLICT (name) DO UPDATE SET epoch = queue_state.epoch + 1 RETURNING epoch`, ledgerName).Scan(&l.Epoch)
	if err != nil {
		l.Release()
		return nil, fmt.Errorf("lease: %w", err)
	}
	return l, nil
}

// Check returns ErrLeaseLost when the lease's connection is gone (the
// server then released the lock).
func (l *Lease) Check(ctx context.Context) error {
	if err := l.conn.Ping(ctx); err != nil {
		return fmt.Errorf("%w: %v", ErrLeaseLost, err)
	}
	return nil
}

// Release gives the lease up.
func (l *Lease) Release() {
	if l == nil || l.conn == nil {
		return
	}
	ctx := context.Background()
	if _, err := l.conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, leaderLock); err != nil {
		// The lock may be gone with the session: do not reuse the connection.
		l.conn.Hijack().Close(ctx)
	} else {
		l.conn.Release()
	}
	l.conn = nil
}
