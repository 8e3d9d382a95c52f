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
// cluster and a storyline. Its engine state is saved in the store as a
// snapshot after each run (Save) and restored on start (Restore), followed
// by a replay of the articles stored after the snapshot, so placements
// survive restarts and crashes and re-ingesting changes nothing.
type Clusterer struct {
	Engine *cluster.Engine
}

// clusterState names the engine snapshot in the store.
const clusterState = "cluster"

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
	a.ClusterID, a.StoryID = c.Engine.Add(articleKey(a.Hash), f)
	return nil
}

// Restore loads the last snapshot and replays the articles stored after
// it, in store order.
func (c *Clusterer) Restore(ctx context.Context, st store.Store) error {
	data, upTo, err := st.State(ctx, clusterState)
	switch {
	case errors.Is(err, store.ErrNotFound):
		upTo = 0
	case err != nil:
		return err
	default:
		if err := c.Engine.Restore(bytes.NewReader(data)); err != nil {
			return err
		}
	}
	return st.ArticlesAfter(ctx, upTo, func(a model.Article) error {
		var f cluster.Features
		if len(a.ClusterFeatures) == 0 {
			f = cluster.Extract(&a)
		} else if err := json.Unmarshal(a.ClusterFeatures, &f); err != nil {
			return fmt.Errorf("replay article %d: %w", a.ID, err)
		}
		c.Engine.Add(articleKey(a.Hash), f)
		return nil
	})
}

// Save stores a snapshot of the engine covering every stored article.
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
	if err := c.Engine.Snapshot(&buf); err != nil {
		return err
	}
	return st.PutState(ctx, clusterState, buf.Bytes(), upTo)
}
