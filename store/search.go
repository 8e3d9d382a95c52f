package store

import (
	"dateline/model"
	"dateline/search"
)

// Sort orders of search results.
const (
	SortRelevance = "relevance" // best match first (default when there is a query)
	SortNewest    = "newest"    // highest article ID first (default without a query)
)

// Groupings of search results.
const (
	GroupCluster = "cluster" // one group per same-event cluster
	GroupStory   = "story"   // one group per storyline
)

// SearchQuery selects articles by full text and filters. Filters of one
// kind match any of their values; filters of different kinds must all
// match. The zero value lists every article, newest first.
type SearchQuery struct {
	// Text is the query in the language of package search: words,
	// "phrases", AND, OR, NOT, -word, parentheses. Each word matches its
	// stem in every language searched (Langs, else search.DefaultLangs).
	// Empty Text matches every article that passes the filters.
	Text string
	// Query, when set, is the parsed and expanded form of Text (see
	// search.Parse and search.Expand: the caller resolves words to
	// entities and their names in other languages through the knowledge
	// base); drivers then ignore Text. Drivers also expand words that
	// equal the surface form of stored mentions to their entities.
	Query *search.Node

	// Langs keeps articles in these languages (ISO 639-1).
	Langs []string
	// Agencies keeps articles crediting one of these agencies (ANP, RTR).
	Agencies []string
	// Entities keeps articles mentioning one of these entity IDs.
	Entities []string
	// Countries keeps articles with a linked entity or an event actor of
	// one of these countries (ISO 3166 alpha-3).
	Countries []string
	// EventTypes keeps articles reporting an event of one of these PLOVER
	// types.
	EventTypes []string
	// From and To keep articles published in the date range (ISO dates,
	// inclusive); articles without a publication date are left out when
	// either is set.
	From, To string

	// Sort is SortRelevance or SortNewest; "" picks relevance when there
	// is a query and newest otherwise.
	Sort string
	// Group, when GroupCluster or GroupStory, pages over groups of hits
	// instead of hits; an article not in any cluster (story) is a group
	// of its own.
	Group string
	// Facets asks for facet counts over every matching article.
	Facets bool
	// Cursor continues a listing: the Next value of the previous page.
	// Paging has no end other than the last match.
	Cursor string
	// Limit is the page size (hits, or groups when grouping); 0 means 20.
	Limit int
	// SnippetSize is the length of snippets in bytes; 0 means 240.
	SnippetSize int
}

// SearchResult is one page of search results.
type SearchResult struct {
	// Total counts every matching article (not only this page), or
	// stops at the driver's count limit when TotalCapped is set.
	Total int64 `json:"total"`
	// TotalCapped reports that the query matches more than Total
	// articles: the store stopped counting at its limit (10,000 in the
	// SQLite store) and counted Facets over the newest Total matches.
	TotalCapped bool `json:"total_capped,omitempty"`
	// Hits are the page's articles when not grouping.
	Hits []SearchHit `json:"hits"`
	// Groups are the page's groups when grouping.
	Groups []SearchGroup `json:"groups,omitempty"`
	// Facets counts matching articles per facet kind (search.FacetKinds)
	// and value, most frequent first, at most 25 values per kind; set
	// when asked for.
	Facets map[string][]FacetCount `json:"facets,omitempty"`
	// Query is the query as understood, normalised ("" when none).
	Query string `json:"query"`
	// Next is the cursor of the following page, "" on the last page.
	Next string `json:"next,omitempty"`
}

// SearchHit is one matching article.
type SearchHit struct {
	model.ArticleRef
	URL       string   `json:"url,omitempty"`
	Agencies  []string `json:"agencies"`
	ClusterID int64    `json:"cluster_id,omitempty"`
	StoryID   int64    `json:"story_id,omitempty"`
	// Score is the relevance (higher is better; 0 without a query).
	Score float64 `json:"score"`
	// TitleHighlight is the title with the query's words marked.
	TitleHighlight []search.Fragment `json:"title_highlight"`
	// Snippet is a passage of the lead and body around the matches.
	Snippet []search.Fragment `json:"snippet"`
}

// SearchGroup is a cluster or story with its matching articles.
type SearchGroup struct {
	// Kind is GroupCluster or GroupStory; "article" for an article that
	// is in no cluster (story).
	Kind string `json:"kind"`
	// ID is the cluster or story ID (the article ID for Kind "article").
	ID    int64  `json:"id"`
	Title string `json:"title"`
	// Count is the number of matching articles in the group.
	Count int64 `json:"count"`
	// Hits are the group's best matching articles (at most 10).
	Hits []SearchHit `json:"hits"`
}

// FacetCount is how many matching articles have one facet value.
type FacetCount struct {
	Value string `json:"value"`
	// Label is a display name (the entity's name for entity facets).
	Label string `json:"label,omitempty"`
	Count int64  `json:"count"`
}
