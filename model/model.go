// Package model holds the nouns every Dateline stage shares: documents as
// they arrive, the articles and briefs segmented from them, and the
// mentions, entities, time expressions, events, clusters and stories the
// later stages derive. It has no behaviour beyond small helpers and JSON
// encodings, so that every stage can depend on it and on nothing else.
package model

import (
	"crypto/sha256"
	"encoding/json"
	"encoding/hex"
	"strings"
	"time"
)

// Format names the kind of content a Document carries.
type Format string

// Document formats.
const (
	FormatText Format = "text" // plain text, as scraped
	FormatHTML Format = "html" // an HTML page
)

// Document is one unit of input: a page as it arrived, before any
// segmentation. Its identity is its content hash (see Hash).
type Document struct {
	// Source is where the document came from: a file path (with
	// "path#line" for lines of a JSONL file, "path#record" for WARC
	// records) or the URL it was fetched from.
	Source string `json:"source"`
	// URL is the page's own address when known.
	URL string `json:"url,omitempty"`
	// Format says how to read Content.
	Format Format `json:"format"`
	// Content is the raw page text or HTML, valid UTF-8.
	Content string `json:"-"`
	// Title, Published and Lang are hints given by the container
	// (a JSONL line, a feed item); the extractor may override them.
	Title     string `json:"title,omitempty"`
	Published Time   `json:"published"`
	Lang      string `json:"lang,omitempty"`
	// Fetched is when the page was crawled; brief ages count back from it.
	Fetched Time `json:"fetched"`
}

// Hash returns the document's identity: the hex SHA-256 of its URL (when
// known) and content. The same bytes from the same URL are one document.
func (d *Document) Hash() string {
	h := sha256.New()
	h.Write([]byte(d.URL))
	h.Write([]byte{0})
	h.Write([]byte(d.Content))
	return hex.EncodeToString(h.Sum(nil))
}

// Dateline is the place and agency credit that opens a wire story:
// "BEIJING (ANP/RTR) -" gives Place "BEIJING" and Agencies [ANP RTR].
type Dateline struct {
	Place    string   `json:"place"`
	Agencies []string `json:"agencies"`
}

// IsZero reports whether the dateline carries nothing.
func (d Dateline) IsZero() bool { return d.Place == "" && len(d.Agencies) == 0 }

// Article is the clean content of a page: its own story, without the page
// furniture and without the teasers for other stories, which become Briefs.
type Article struct {
	// ID is the store's identifier, 0 before the article is stored.
	ID int64 `json:"id,omitempty"`
	// Hash is the identity of the Document the article came from.
	Hash   string `json:"hash,omitempty"`
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Lang   string `json:"lang"`
	Title  string `json:"title"`
	Lead   string `json:"lead"`
	// Body holds the paragraphs after the lead, separated by a blank line.
	Body     string   `json:"body"`
	Dateline Dateline `json:"dateline"`
	// Agencies are all agencies credited anywhere in the article
	// (dateline and trailing credits), deduplicated, in order of appearance.
	Agencies  []string `json:"agencies"`
	Published Time     `json:"published"`
	Modified  Time     `json:"modified,omitempty"`
	Fetched   Time     `json:"fetched,omitempty"`
	Author    string   `json:"author,omitempty"`
	SiteName  string   `json:"site_name,omitempty"`
	Canonical string   `json:"canonical_url,omitempty"`
	Briefs    []Brief  `json:"briefs"`

	// Derived by later stages.
	Mentions []Mention `json:"mentions,omitempty"`
	Timexes  []Timex   `json:"timexes,omitempty"`
	Events   []Event   `json:"events,omitempty"`
	// Entities are the canonical entities the mentions link to, so that
	// the store can keep their names and types with the article.
	Entities []Entity `json:"entities,omitempty"`
	// ClusterID and StoryID are set once the article is clustered.
	ClusterID int64 `json:"cluster_id,omitempty"`
	StoryID   int64 `json:"story_id,omitempty"`
	// DuplicateOf is the ID of an earlier article this one near-duplicates.
	DuplicateOf int64 `json:"duplicate_of,omitempty"`
	// ClusterFeatures is the clustering stage's own encoding of what it
	// used to place the article, stored with it so that a restart can
	// replay placements exactly. Opaque to every other stage.
	ClusterFeatures json.RawMessage `json:"-"`
}

// Text returns the article's title, lead and body as one text, paragraphs
// separated by blank lines; the input of the language stages.
func (a *Article) Text() string {
	var parts []string
	for _, p := range []string{a.Title, a.Lead, a.Body} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "\n\n")
}

// Brief is a teaser for another story found on a page (a "Meer uit
// Buitenland" item, a sidebar link). Its age, when the page gives one, is
// relative to the crawl, not to the article it was found beside.
type Brief struct {
	ID       int64    `json:"id,omitempty"`
	Text     string   `json:"text"`
	Dateline Dateline `json:"dateline"`
	// AgeSeconds is how old the teaser said it was ("2 uur geleden" is
	// 7200), nil when the page gives no age.
	AgeSeconds *int64 `json:"age_seconds"`
	// Hash identifies the brief's text; a brief repeated on a page is kept once.
	Hash string `json:"hash,omitempty"`
}

// Entity types.
const (
	PER  = "PER"  // person
	ORG  = "ORG"  // organisation
	LOC  = "LOC"  // location: country, city, region
	MISC = "MISC" // anything else named
)

// Alias is one name of an entity in one language.
type Alias struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
	// Count is how often the alias was seen in stored articles.
	Count int `json:"count,omitempty"`
}

// Entity is a canonical thing the world talks about under many names.
type Entity struct {
	// ID is stable: a Wikidata QID where known ("Q1747"), otherwise a
	// generated "D..." identifier.
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Kind refines Type: "country", "city", "person", "igo", "gov" ...
	Kind string `json:"kind,omitempty"`
	// Country is the ISO 3166 alpha-3 code the entity belongs to (its own
	// code for a country).
	Country string  `json:"country,omitempty"`
	Aliases []Alias `json:"aliases"`
	// Mentions counts stored mentions; filled by read queries.
	Mentions int `json:"mentions,omitempty"`
}

// Mention is a span of an article's text that names an entity.
type Mention struct {
	// Text is the surface form as written.
	Text string `json:"text"`
	Type string `json:"type"`
	// EntityID links the mention to a canonical Entity; empty when unlinked.
	EntityID string `json:"entity_id,omitempty"`
	// Start and End are byte offsets into Article.Text().
	Start int `json:"start"`
	End   int `json:"end"`
	// Sentence is the index of the sentence holding the mention.
	Sentence int     `json:"sentence"`
	Score    float64 `json:"score,omitempty"`
}

// Timex is a normalised time expression (TIMEX3-like).
type Timex struct {
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: "2023-02-25", "2022-09", "P1M",
	// "XXXX-WXX-6" when it could not be anchored.
	Value string `json:"value"`
	// End is set for ranges: the value of the range's last day.
	EndValue string `json:"end_value,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
	// Anchored says whether the value was resolved against an anchor date.
	Anchored bool `json:"anchored"`
}

// Actor is one side of an event.
type Actor struct {
	Name     string `json:"name"`
	EntityID string `json:"entity_id,omitempty"`
	// Country is the ISO 3166 alpha-3 code of the actor's country.
	Country string `json:"country,omitempty"`
	// Sector is the actor's role: GOV, MIL, REB, CVL, BUS, MED ...
	Sector string `json:"sector,omitempty"`
}

// EventSource is one article reporting an event, with the provenance span.
type EventSource struct {
	ArticleID int64  `json:"article_id,omitempty"`
	Source    string `json:"source"`
	Sentence  string `json:"sentence"`
	// Start and End are byte offsets of the sentence in Article.Text().
	Start int `json:"start"`
	End   int `json:"end"`
}

// Event is a coded who-did-what-to-whom, PLOVER style.
type Event struct {
	ID int64 `json:"id,omitempty"`
	// Type is a PLOVER event type: CONSULT, AGREE, SUPPORT, ...
	Type string `json:"type"`
	// Mode refines the type ("visit" for a CONSULT by visit).
	Mode   string `json:"mode,omitempty"`
	Source Actor  `json:"source_actor"`
	Target Actor  `json:"target_actor"`
	Place  string `json:"place,omitempty"`
	// Date and DateEnd are TIMEX3 date values; DateEnd is set for ranges.
	Date    string `json:"date,omitempty"`
	DateEnd string `json:"date_end,omitempty"`
	// Score is the cooperation (+) / conflict (-) weight of the type, -10..10.
	Score      float64       `json:"score"`
	Confidence float64       `json:"confidence"`
	Sources    []EventSource `json:"sources"`
}

// ArticleRef is a short reference to an article, used in lists.
type ArticleRef struct {
	ID        int64  `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published Time   `json:"published"`
}

// Cluster is a group of articles about one real-world event.
type Cluster struct {
	ID       int64        `json:"id"`
	Title    string       `json:"title"`
	StoryID  int64        `json:"story_id,omitempty"`
	Langs    []string     `json:"langs"`
	First    Time         `json:"first"`
	Last     Time         `json:"last"`
	Articles []ArticleRef `json:"articles"`
}

// Story is a chain of event clusters over weeks and months sharing central
// actors and theme.
type Story struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Start    Time      `json:"start"`
	End      Time      `json:"end"`
	Langs    []string  `json:"langs"`
	Clusters []Cluster `json:"clusters"`
	// Entities are the story's central entity IDs.
	Entities []string `json:"entities,omitempty"`
}

// Time is a point in time that may be known to the day only. Its JSON form
// is null when zero, "2006-01-02" for a date and RFC 3339 for a date-time.
type Time struct {
	time.Time
	// DateOnly says the time of day is unknown.
	DateOnly bool
}

// Date returns a date-only Time.
func Date(y int, m time.Month, d int) Time {
	return Time{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), DateOnly: true}
}

// String returns the ISO form, or "" for the zero Time.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	if t.DateOnly {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// MarshalJSON implements json.Marshaler.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.String() + `"`), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*t = Time{}
		return nil
	}
	p, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = p
	return nil
}

// ParseTime reads an ISO 8601 date or date-time in the common forms.
func ParseTime(s string) (Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", time.RFC1123Z, time.RFC1123} {
		if v, err := time.Parse(l, s); err == nil {
			return Time{Time: v}, nil
		}
	}
	v, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Time{}, err
	}
	return Time{Time: v, DateOnly: true}, nil
}

// TextHash returns a hex SHA-256 of text after whitespace normalisation and
// lowercasing: the identity of a brief, so a teaser repeated on a page or
// across pages is one brief.
func TextHash(text string) string {
	norm := strings.ToLower(strings.Join(strings.Fields(text), " "))
	h := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(h[:])
}
