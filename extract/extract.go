// Package extract turns a Document into an Article: plain-text pages go
// through the page segmenter (extract/textpage), HTML pages through the
// HTML extractor (extract/htmlpage). The container's hints (URL, title,
// publication and fetch times, language) fill what the page does not say.
package extract

import (
	"context"
	"fmt"
	"strings"

	"dateline/extract/htmlpage"
	"dateline/extract/textpage"
	"dateline/model"
)

// Extractor dispatches documents to the extractor for their format. Its
// zero value is ready to use and safe for concurrent use.
type Extractor struct {
	Text textpage.Segmenter
	HTML htmlpage.Extractor
}

// New returns an Extractor with default settings.
func New() *Extractor { return &Extractor{} }

// Extract implements pipeline.Extractor.
func (e *Extractor) Extract(ctx context.Context, doc *model.Document) (model.Article, error) {
	var a model.Article
	switch doc.Format {
	case model.FormatHTML:
		var err error
		a, err = e.HTML.ExtractDocument(ctx, *doc)
		if err != nil {
			return a, fmt.Errorf("extract html: %w", err)
		}
	case model.FormatText, "":
		a = e.Text.Segment(doc.Content)
	default:
		return a, fmt.Errorf("extract: unknown format %q", doc.Format)
	}
	a.Source = doc.Source
	a.Hash = doc.Hash()
	if a.URL == "" {
		a.URL = doc.URL
	}
	if strings.TrimSpace(a.Title) == "" {
		a.Title = doc.Title
	}
	if a.Published.IsZero() {
		a.Published = doc.Published
	}
	if a.Fetched.IsZero() {
		a.Fetched = doc.Fetched
	}
	if doc.Lang != "" {
		a.Lang = doc.Lang
	}
	if a.Briefs == nil {
		a.Briefs = []model.Brief{}
	}
	if a.Agencies == nil {
		a.Agencies = []string{}
	}
	if a.Dateline.Agencies == nil {
		a.Dateline.Agencies = []string{}
	}
	for i := range a.Briefs {
		if a.Briefs[i].Dateline.Agencies == nil {
			a.Briefs[i].Dateline.Agencies = []string{}
		}
	}
	if strings.TrimSpace(a.Title+a.Lead+a.Body) == "" {
		return a, fmt.Errorf("extract: no article text found")
	}
	return a, nil
}
