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

// ErrNotFound is returned when a requested item does not exist.
var ErrNotFound = errors.New("not found")

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
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store.
	Close() error
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
}
