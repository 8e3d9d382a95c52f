package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"slices"

	"dateline/model"
)

// snapshotVersion is written first in every snapshot; Restore refuses
// others (the caller rebuilds the state by replaying the articles).
// Version 2: interned feature keys. Version 3: year keys have their own
// class (YearConflict), stories keep their central terms.
const snapshotVersion = 3

// Snapshot writes the Engine's whole state (rarity statistics, open
// clusters and stories, index, placed articles, ID counters) as a gzipped
// gob stream. Restore of a snapshot followed by the same Adds gives the
// same IDs as the uninterrupted Engine: the store saves a snapshot after
// each ingest batch and restores it on start.
func (e *Engine) Snapshot(w io.Writer) error {
	e.init()
	zw := gzip.NewWriter(w)
	enc := gob.NewEncoder(zw)
	if err := enc.Encode(snapshotVersion); err != nil {
		return fmt.Errorf("cluster snapshot: %w", err)
	}
	if err := enc.Encode(&e.st); err != nil {
		return fmt.Errorf("cluster snapshot: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("cluster snapshot: %w", err)
	}
	return nil
}

// Restore replaces the Engine's state by a snapshot written by Snapshot.
// The Config is kept.
func (e *Engine) Restore(r io.Reader) error {
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		return fmt.Errorf("cluster restore: %w", err)
	}
	dec := gob.NewDecoder(zr)
	var v int
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("cluster restore: %w", err)
	}
	if v != snapshotVersion {
		return fmt.Errorf("cluster restore: snapshot version %d, want %d", v, snapshotVersion)
	}
	var st state
	if err := dec.Decode(&st); err != nil {
		return fmt.Errorf("cluster restore: %w", err)
	}
	e.st = st
	// gob drops empty maps: make sure they exist.
	if e.st.Clusters == nil {
		e.st.Clusters = make(map[int64]*clusterRec)
	}
	if e.st.Stories == nil {
		e.st.Stories = make(map[int64]*storyRec)
	}
	if e.st.Seen == nil {
		e.st.Seen = make(map[int64]seen)
	}
	if e.st.Buckets == nil {
		e.st.Buckets = make(map[int64]*bucket)
	}
	if e.st.StoryIndex == nil {
		e.st.StoryIndex = make(map[uint32][]int64)
	}
	if e.st.StoryDays == nil {
		e.st.StoryDays = make(map[int64][]int64)
	}
	e.st.Vocab.rebuild()
	return nil
}

// Placement returns where an article was placed while its cluster is open.
func (e *Engine) Placement(articleID int64) (clusterID, storyID int64, ok bool) {
	s, ok := e.st.Seen[articleID]
	return s.Cluster, s.Story, ok
}

// Len returns the numbers of open clusters and open stories.
func (e *Engine) Len() (clusters, stories int) {
	return len(e.st.Clusters), len(e.st.Stories)
}

// Cluster returns an open cluster: its title (its first article's), story,
// languages, time span and articles (IDs only, in order of arrival,
// duplicates included). ok is false for unknown or closed clusters.
func (e *Engine) Cluster(id int64) (c model.Cluster, ok bool) {
	cl := e.st.Clusters[id]
	if cl == nil {
		return model.Cluster{}, false
	}
	c = model.Cluster{ID: cl.ID, Title: cl.Title, StoryID: cl.Story, Langs: slices.Clone(cl.Langs),
		First: model.Time{Time: cl.First}, Last: model.Time{Time: cl.Last}}
	for _, a := range cl.Articles {
		c.Articles = append(c.Articles, model.ArticleRef{ID: a})
	}
	return c, true
}

// Story returns an open story: title (its first cluster's), time span,
// languages, central entity keys, and its clusters that are still open
// (the store keeps the closed ones). ok is false for unknown or closed
// stories.
func (e *Engine) Story(id int64) (s model.Story, ok bool) {
	st := e.st.Stories[id]
	if st == nil {
		return model.Story{}, false
	}
	s = model.Story{ID: st.ID, Title: st.Title, Start: model.Time{Time: st.First}, End: model.Time{Time: st.Last},
		Langs: slices.Clone(st.Langs)}
	for _, w := range central(nil, st.Ents, storyCentral) {
		s.Entities = append(s.Entities, e.st.Vocab.keyString(ChEntities, w.K))
	}
	ids := make([]int64, 0)
	for cid, cl := range e.st.Clusters {
		if cl.Story == id {
			ids = append(ids, cid)
		}
	}
	slices.Sort(ids)
	for _, cid := range ids {
		c, _ := e.Cluster(cid)
		s.Clusters = append(s.Clusters, c)
	}
	return s, true
}
