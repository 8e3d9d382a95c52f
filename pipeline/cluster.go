package pipeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"dateline/cluster"
	"dateline/model"
	"dateline/store"
)

// Clusterer is the ordered stage that places each article in a same-event
// cluster and a storyline. A near-duplicate of an earlier article
// (syndicated agency copy, a page re-published under another URL) joins
// the original's cluster without being counted again (cluster.Dedup,
// Engine.AddDuplicate) and gets Article.DuplicateOf set to the original's
// store ID. The engine and near-duplicate states are saved in the store as
// snapshots after each run (Save) and restored on start (Restore),
// followed by a replay of the articles stored after the snapshot, so
// placements survive restarts and crashes and re-ingesting changes
// nothing.
type Clusterer struct {
	Engine *cluster.Engine
	// Dedup finds near-duplicates; the zero value is ready (threshold 0.8
	// on word 4-shingles).
	Dedup cluster.Dedup

	// st is the store given to Restore: it resolves an original's store ID.
	st store.Store
	// ids caches store IDs by engine key.
	ids map[int64]int64
}

// State names in the store.
const (
	clusterState = "cluster"
	dedupState   = "cluster-dedup"
)

// articleKey is the engine's ID of an article: derived from the document
// hash, so it is known before the store assigns an ID and is the same
// for every process.
func articleKey(hash string) int64 {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) < 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b[:8]) >> 1)
}

// Process implements Stage.
func (c *Clusterer) Process(ctx context.Context, a *model.Article) error {
	f := cluster.Extract(a)
	raw, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("cluster features: %w", err)
	}
	a.ClusterFeatures = raw
	key := articleKey(a.Hash)
	var of int64
	a.ClusterID, a.StoryID, of = c.place(key, a, f)
	if of != 0 {
		id, err := c.storeID(ctx, of, a.ClusterID)
		if err != nil {
			return err
		}
		a.DuplicateOf = id
	}
	return nil
}

// place puts an article in the engine, as a near-duplicate when it is
// one, and returns its placement and the key of its original (0 when it
// is none). Process and the replay in Restore both use it, so a replay
// gives the same placements.
func (c *Clusterer) place(key int64, a *model.Article, f cluster.Features) (clusterID, storyID, of int64) {
	if o, dup := c.Dedup.AddSignature(key, cluster.Signature(a.Text())); dup {
		if cl, st, ok := c.Engine.AddDuplicate(key, o); ok {
			return cl, st, o
		}
	}
	cl, st := c.Engine.Add(key, f)
	return cl, st, 0
}

// storeID returns the store ID of the article with engine key of, placed
// in cluster clusterID: from the cache, else from the stored members of
// the cluster. 0 when it cannot be found (no store).
func (c *Clusterer) storeID(ctx context.Context, of, clusterID int64) (int64, error) {
	if id, ok := c.ids[of]; ok {
		return id, nil
	}
	if c.st == nil {
		return 0, nil
	}
	cl, err := c.st.Cluster(ctx, clusterID)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("near-duplicate original: %w", err)
	}
	for _, r := range cl.Articles {
		a, err := c.st.Article(ctx, r.ID)
		if err != nil {
			return 0, fmt.Errorf("near-duplicate original: %w", err)
		}
		c.remember(articleKey(a.Hash), a.ID)
	}
	return c.ids[of], nil
}

func (c *Clusterer) remember(key, id int64) {
	if c.ids == nil {
		c.ids = make(map[int64]int64)
	}
	c.ids[key] = id
}

// Restore loads the last snapshots and replays the articles stored after
// them, in store order. A store written before near-duplicates were kept
// has no near-duplicate snapshot: its signatures are rebuilt from every
// stored article's text.
func (c *Clusterer) Restore(ctx context.Context, st store.Store) error {
	c.st = st
	data, upTo, err := st.State(ctx, clusterState)
	switch {
	case errors.Is(err, store.ErrNotFound):
		upTo = 0
	case err != nil:
		return err
	default:
		if err := c.Engine.Restore(bytes.NewReader(data)); err != nil {
			// A snapshot this program cannot read (another version):
			// rebuild the whole state by replaying every stored article,
			// which gives the same placements.
			*c.Engine = cluster.Engine{Config: c.Engine.Config}
			upTo = 0
		}
	}
	ddata, dupTo, err := st.State(ctx, dedupState)
	switch {
	case upTo == 0:
		// A full replay rebuilds the near-duplicate signatures too, in
		// input order, as the original ingest saw them.
		dupTo = 0
	case errors.Is(err, store.ErrNotFound):
		dupTo = 0
	case err != nil:
		return err
	default:
		if err := c.Dedup.Restore(bytes.NewReader(ddata)); err != nil {
			c.Dedup = cluster.Dedup{Threshold: c.Dedup.Threshold, MaxItems: c.Dedup.MaxItems}
			dupTo = 0
		}
	}
	if dupTo < upTo {
		// Signatures of the articles the engine snapshot already covers.
		err := st.ArticlesAfter(ctx, dupTo, func(a model.Article) error {
			if a.ID <= upTo {
				c.Dedup.AddSignature(articleKey(a.Hash), cluster.Signature(a.Text()))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Articles after the engine snapshot (re-adding what a newer
	// near-duplicate snapshot already holds changes nothing).
	return st.ArticlesAfter(ctx, upTo, func(a model.Article) error {
		var f cluster.Features
		if len(a.ClusterFeatures) == 0 {
			f = cluster.Extract(&a)
		} else if err := json.Unmarshal(a.ClusterFeatures, &f); err != nil {
			return fmt.Errorf("replay article %d: %w", a.ID, err)
		}
		key := articleKey(a.Hash)
		c.remember(key, a.ID)
		c.place(key, &a, f)
		return nil
	})
}

// Save stores snapshots of the engine and of the near-duplicate
// signatures covering every stored article.
func (c *Clusterer) Save(ctx context.Context, st store.Store) error {
	page, err := st.Articles(ctx, store.ArticleQuery{Limit: 1})
	if err != nil {
		return err
	}
	var upTo int64
	if len(page.Articles) > 0 {
		upTo = page.Articles[0].ID
	}
	var buf bytes.Buffer
	if err := c.Dedup.Snapshot(&buf); err != nil {
		return err
	}
	if err := st.PutState(ctx, dedupState, buf.Bytes(), upTo); err != nil {
		return err
	}
	buf.Reset()
	if err := c.Engine.Snapshot(&buf); err != nil {
		return err
	}
	return st.PutState(ctx, clusterState, buf.Bytes(), upTo)
}
