package clustereval

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"

	"dateline/cluster"
	"dateline/model"
)

// ClusterScores are the scores of one clustering against one gold level.
type ClusterScores struct {
	BCubed   PRF `json:"bcubed"`
	Pairwise PRF `json:"pairwise"`
}

// ECBResult is the outcome of clustering an ECB+ folder.
type ECBResult struct {
	Docs     int `json:"docs"`
	Clusters int `json:"clusters"`
	Stories  int `json:"stories"`
	// GoldSubTopics and GoldTopics count the gold classes.
	GoldSubTopics int `json:"gold_subtopics"`
	GoldTopics    int `json:"gold_topics"`
	// SubTopic scores the event clusters against (topic, half).
	SubTopic ClusterScores `json:"subtopic"`
	// Topic scores the event clusters against the topic alone.
	Topic ClusterScores `json:"topic"`
	// StoryTopic scores the storylines against the topic.
	StoryTopic ClusterScores `json:"story_topic"`
}

// StreamOrder returns the order in which the eval feeds the documents: a
// fixed pseudo-random permutation (by FNV hash of the file name), so that
// the documents of a topic do not arrive together.
func StreamOrder(docs []ECBDoc) []int {
	idx := make([]int, len(docs))
	h := make([]uint64, len(docs))
	for i, d := range docs {
		idx[i] = i
		f := fnv.New64a()
		f.Write([]byte(d.Name))
		h[i] = f.Sum64()
	}
	sort.Slice(idx, func(a, b int) bool { return h[idx[a]] < h[idx[b]] })
	return idx
}

// ArticleOf makes the article the clusterer sees from an ECB+ document:
// English text only, no date, no source name.
func ArticleOf(d ECBDoc) *model.Article {
	return &model.Article{Lang: "en", Title: d.Title, Body: d.Body}
}

// EvalECB clusters the documents in StreamOrder with a fresh Engine of the
// given Config, each annotated by ann, and scores the clusters.
func EvalECB(ctx context.Context, docs []ECBDoc, ann Annotator, cfg cluster.Config) (ECBResult, error) {
	arts, err := AnnotateECB(ctx, docs, ann)
	if err != nil {
		return ECBResult{}, err
	}
	r, _ := ClusterECB(docs, arts, cfg)
	return r, nil
}

// AnnotateECB returns the articles of the documents (ArticleOf), each
// annotated by ann, in the documents' order.
func AnnotateECB(ctx context.Context, docs []ECBDoc, ann Annotator) ([]*model.Article, error) {
	arts := make([]*model.Article, len(docs))
	for _, i := range StreamOrder(docs) {
		a := ArticleOf(docs[i])
		if err := ann(ctx, a); err != nil {
			return nil, fmt.Errorf("annotate %s: %w", docs[i].Name, err)
		}
		arts[i] = a
	}
	return arts, nil
}

// ECBPlacement is where one document went.
type ECBPlacement struct {
	Cluster, Story int
}

// ClusterECB clusters already annotated articles (arts[i] is docs[i]) in
// StreamOrder with a fresh Engine and scores the clusters. It also
// returns each document's placement, for error analysis.
func ClusterECB(docs []ECBDoc, arts []*model.Article, cfg cluster.Config) (ECBResult, []ECBPlacement) {
	eng := cluster.Engine{Config: cfg}
	pred := make([]int, len(docs))
	story := make([]int, len(docs))
	pl := make([]ECBPlacement, len(docs))
	for n, i := range StreamOrder(docs) {
		c, s := eng.Add(int64(n+1), cluster.Extract(arts[i]))
		pred[i], story[i] = int(c), int(s)
		pl[i] = ECBPlacement{int(c), int(s)}
	}
	sub := make([]int, len(docs))
	top := make([]int, len(docs))
	for i, d := range docs {
		sub[i], top[i] = d.SubTopic(), d.Topic
	}
	r := ECBResult{Docs: len(docs), Clusters: distinct(pred), Stories: distinct(story),
		GoldSubTopics: distinct(sub), GoldTopics: distinct(top)}
	r.SubTopic = ClusterScores{BCubed(pred, sub), Pairwise(pred, sub)}
	r.Topic = ClusterScores{BCubed(pred, top), Pairwise(pred, top)}
	r.StoryTopic = ClusterScores{BCubed(story, top), Pairwise(story, top)}
	return r, pl
}

func distinct(xs []int) int {
	m := make(map[int]bool)
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}
