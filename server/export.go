package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dateline/event"
	"dateline/model"
	"dateline/store"
)

var errStop = errors.New("stop")

// articleColumns are the CSV columns of an article export.
var articleColumns = []string{"id", "source", "url", "lang", "published", "title", "lead", "body", "place", "agencies", "cluster_id", "story_id"}

func exportFormat(v url.Values) (string, error) {
	f := v.Get("format")
	switch f {
	case "":
		return "jsonl", nil
	case "jsonl", "csv":
		return f, nil
	}
	return "", errBadRequestf("format must be jsonl or csv")
}

func startExport(w http.ResponseWriter, format, name string) {
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, format))
}

// apiExportArticles streams every article (with body, mentions, events)
// in ID order, optionally from an ID on and in some languages.
func (s *Server) apiExportArticles(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	format, err := exportFormat(v)
	if err != nil {
		return err
	}
	langs := listParam(v, "lang")
	if err := checkAll(langs, langRe, "language"); err != nil {
		return err
	}
	var after int64
	if a := v.Get("after"); a != "" {
		if after, err = parseID("after", a, 0); err != nil {
			return err
		}
	}
	startExport(w, format, "articles")
	rc := http.NewResponseController(w)
	enc := json.NewEncoder(w)
	cw := csv.NewWriter(w)
	if format == "csv" {
		cw.Write(articleColumns)
	}
	n := 0
	ctx := r.Context()
	err = s.cfg.Store.ArticlesAfter(ctx, after, func(a model.Article) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(langs) > 0 && !contains(langs, a.Lang) {
			return nil
		}
		if format == "csv" {
			cw.Write([]string{strconv.FormatInt(a.ID, 10), a.Source, a.URL, a.Lang, a.Published.String(), a.Title, a.Lead, a.Body,
				a.Dateline.Place, strings.Join(a.Agencies, " "), strconv.FormatInt(a.ClusterID, 10), strconv.FormatInt(a.StoryID, 10)})
		} else {
			normArticle(&a)
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		if n++; n%200 == 0 {
			cw.Flush()
			rc.Flush()
		}
		return nil
	})
	cw.Flush()
	return err
}

// apiExportEvents streams every event matching the filters.
func (s *Server) apiExportEvents(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	format, err := exportFormat(v)
	if err != nil {
		return err
	}
	q, err := eventQuery(v)
	if err != nil {
		return err
	}
	q.Limit = 500
	startExport(w, format, "events")
	rc := http.NewResponseController(w)
	first := true
	for {
		p, err := s.cfg.Store.Events(r.Context(), q)
		if err != nil {
			if first {
				return badCursor(err, q.Cursor)
			}
			return err
		}
		if format == "csv" {
			var buf bytes.Buffer
			if err := event.WriteCSV(&buf, p.Events); err != nil {
				return err
			}
			b := buf.Bytes()
			if !first { // one header line only
				if i := bytes.IndexByte(b, '\n'); i >= 0 {
					b = b[i+1:]
				}
			}
			w.Write(b)
		} else if err := event.WriteJSONL(w, p.Events); err != nil {
			return err
		}
		first = false
		rc.Flush()
		if p.Next == "" {
			return nil
		}
		q.Cursor = p.Next
	}
}

// atom feed types (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Link    atomLink  `xml:"link"`
	Summary atomText  `xml:"summary"`
	Author  atomAuthr `xml:"author"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomAuthr struct {
	Name string `xml:"name"`
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// feed writes an Atom feed of the newest stories (clusters, articles)
// matching q.
func (s *Server) feed(ctx context.Context, w http.ResponseWriter, r *http.Request, title, id string, q store.SearchQuery) error {
	q.Group, q.Sort, q.Limit, q.Facets, q.Cursor = store.GroupStory, store.SortNewest, 50, false, ""
	res, err := s.cfg.Store.Search(ctx, q)
	if err != nil {
		return err
	}
	base := baseURL(r)
	f := atomFeed{Title: title, ID: id, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Link: []atomLink{{Rel: "self", Href: base + r.URL.RequestURI()}, {Href: base + "/"}}}
	for _, g := range res.Groups {
		var updated time.Time
		var lines []string
		for _, h := range g.Hits {
			if h.Published.After(updated) {
				updated = h.Published.Time
			}
			lines = append(lines, fmt.Sprintf("[%s] %s", h.Lang, h.Title))
		}
		if updated.IsZero() {
			updated = time.Unix(0, 0)
		}
		link := fmt.Sprintf("%s/stories/%d", base, g.ID)
		if g.Kind == "article" {
			link = fmt.Sprintf("%s/articles/%d", base, g.ID)
		}
		e := atomEntry{Title: g.Title, ID: fmt.Sprintf("urn:dateline:%s:%d", g.Kind, g.ID), Updated: updated.UTC().Format(time.RFC3339),
			Link: atomLink{Href: link}, Summary: atomText{Type: "text", Text: fmt.Sprintf("%d articles: %s", g.Count, strings.Join(lines, "; "))},
			Author: atomAuthr{Name: "Dateline"}}
		if e.Updated > f.Updated {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(f)
}

// apiFeed is an Atom feed for a query given in the URL (the search
// parameters).
func (s *Server) apiFeed(w http.ResponseWriter, r *http.Request) error {
	q, err := s.searchQuery(r.URL.Query())
	if err != nil {
		return err
	}
	title := "Dateline"
	if q.Text != "" {
		title = "Dateline: " + q.Text
	}
	return s.feed(r.Context(), w, r, title, "urn:dateline:feed:"+url.QueryEscape(r.URL.RawQuery), q)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
