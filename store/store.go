// Package store defines what the pipeline and the server ask of storage,
// independent of the engine. Drivers live in subpackages (store/sqlite for
// the embedded default, store/postgres for server mode) and all pass the
// same conformance suite in store/storetest.
package store

import (
	"context"
	"errors"

	"dateline/model"
)

// AliasMinScore is the lowest mention score that counts as a name of its
// entity: mentions resolved from role descriptions ("de Russische
// defensieminister") score lower and are not listed as aliases.
const AliasMinScore = 0.75

// ErrNotFound is returned when a requested item does not exist.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is wrapped by errors caused by what the caller asked for: a
// search query that does not parse, a cursor that is not one the store
// handed out.
var ErrBadQuery = errors.New("bad query")

// Store is Dateline's storage. Implementations are safe for concurrent use.
type Store interface {
	// PutArticle stores an article, the document it came from and
	// everything derived from it (briefs, mentions, ...) atomically. The
	// document is identified by doc.Hash(): when a document with that hash
	// is already stored nothing is written and created is false; id is the
	// stored article's ID either way. On success a.ID and the briefs' IDs
	// are set.
	PutArticle(ctx context.Context, doc *model.Document, a *model.Article) (id int64, created bool, err error)
	// HasDocument reports whether a document with the hash is stored.
	HasDocument(ctx context.Context, hash string) (bool, error)
	// Article returns one stored article with its briefs and mentions.
	Article(ctx context.Context, id int64) (model.Article, error)
	// Articles lists stored articles, newest first, one page at a time.
	Articles(ctx context.Context, q ArticleQuery) (ArticlePage, error)
	// ArticlesAfter calls fn for every article with an ID above after, in
	// ID order, with mentions, timexes and events (no briefs): the replay
	// log for stateful stages restoring from a snapshot.
	ArticlesAfter(ctx context.Context, after int64, fn func(model.Article) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Entities lists entities by mention count, most mentioned first.
	Entities(ctx context.Context, q EntityQuery) (EntityPage, error)
	// Entity returns one entity with the aliases seen per language, its
	// mention count and the articles that mention it.
	Entity(ctx context.Context, id string) (EntityDetail, error)

	// EventCandidates returns stored events with the merge key
	// (event.Key) reported in the given cluster or story, with sources:
	// the events a newly coded event may be the same as.
	EventCandidates(ctx context.Context, key string, clusterID, storyID int64) ([]model.Event, error)
	// Events lists stored events, oldest event date first.
	Events(ctx context.Context, q EventQuery) (EventPage, error)

	// Clusters lists event clusters, most recently updated first.
	Clusters(ctx context.Context, q ClusterQuery) (ClusterPage, error)
	// Cluster returns one cluster with its articles.
	Cluster(ctx context.Context, id int64) (model.Cluster, error)
	// Stories lists storylines, most recently updated first.
	Stories(ctx context.Context, q StoryQuery) (StoryPage, error)
	// Story returns one story with its clusters and their articles.
	Story(ctx context.Context, id int64) (model.Story, error)

	// Search finds articles by full text (query language of package
	// search) and filters, with facet counts, highlighting and optional
	// grouping by cluster or story. Errors caused by the query (syntax, a
	// bad cursor) wrap ErrBadQuery.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)

	// PutState saves a named blob of stage state (a clustering snapshot)
	// covering every article up to and including article ID upTo.
	PutState(ctx context.Context, name string, data []byte, upTo int64) error
	// State returns a named blob and its upTo; ErrNotFound when absent.
	State(ctx context.Context, name string) (data []byte, upTo int64, err error)

	// Close releases the store.
	Close() error
}

// EntityQuery selects a page of entities.
type EntityQuery struct {
	// Type keeps one entity type (PER, ORG, LOC, MISC) when set.
	Type string
	// Country keeps entities of one ISO 3166 alpha-3 country when set.
	Country string
	Cursor  string
	// Limit is the page size; 0 means 50.
	Limit int
}

// EntityPage is one page of entities (aliases filled, articles not).
type EntityPage struct {
	Entities []model.Entity `json:"entities"`
	Next     string         `json:"next,omitempty"`
}

// EntityDetail is an entity with the articles mentioning it.
type EntityDetail struct {
	model.Entity
	// Articles mention the entity, newest first (at most 200).
	Articles []model.ArticleRef `json:"articles"`
}

// EventQuery selects events. Countries are ISO 3166 alpha-3 codes; dates
// are ISO dates compared with the event's date.
type EventQuery struct {
	Source, Target string
	// Either matches events between Source and Target in both directions.
	Either   bool
	Type     string
	From, To string
	Cursor   string
	// Limit is the page size; 0 means 100.
	Limit int
}

// EventPage is one page of events.
type EventPage struct {
	Events []model.Event `json:"events"`
	Next   string        `json:"next,omitempty"`
}

// ClusterQuery selects clusters.
type ClusterQuery struct {
	StoryID int64
	Cursor  string
	// Limit is the page size; 0 means 50.
	Limit int
}

// ClusterPage is one page of clusters.
type ClusterPage struct {
	Clusters []model.Cluster `json:"clusters"`
	Next     string          `json:"next,omitempty"`
}

// StoryQuery selects stories.
type StoryQuery struct {
	Cursor string
	// Limit is the page size; 0 means 50.
	Limit int
}

// StoryPage is one page of stories (clusters listed without articles).
type StoryPage struct {
	Stories []model.Story `json:"stories"`
	Next    string        `json:"next,omitempty"`
}

// ArticleQuery selects a page of articles.
type ArticleQuery struct {
	// Lang keeps articles in this language when set.
	Lang string
	// Cursor continues a listing: the Next value of the previous page.
	Cursor string
	// Limit is the page size; 0 means 50.
	Limit int
}

// ArticlePage is one page of an article listing. Articles carry no body
// and no briefs.
type ArticlePage struct {
	Articles []model.Article `json:"articles"`
	// Next is the cursor of the following page, "" on the last page.
	Next string `json:"next,omitempty"`
}

// Stats counts stored items.
type Stats struct {
	Documents int64 `json:"documents"`
	Articles  int64 `json:"articles"`
	Briefs    int64 `json:"briefs"`
	Mentions  int64 `json:"mentions"`
	Entities  int64 `json:"entities"`
	Events    int64 `json:"events"`
	Clusters  int64 `json:"clusters"`
	Stories   int64 `json:"stories"`
}
