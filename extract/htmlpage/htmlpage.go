// Package htmlpage turns an HTML news page into a clean model.Article: the
// article's own text in paragraphs, its title, publication and modification
// date-times with their time zones, author, canonical URL, site name and
// language hint, with teasers for other stories split off as Briefs and the
// opening dateline and agency credits recognised.
//
// The main text comes from go-trafilatura (see
// docs/decisions/0001-html-extractor.md); this package adds what it lacks:
// paragraph structure (trafilatura's plain text joins paragraphs with
// spaces, so the body is rebuilt from its output tree), full date-times from
// JSON-LD, Open Graph and <time> elements, image captions removed, the
// standfirst recovered, teasers split off, page furniture around the story
// trimmed (headline, byline and date lines, calls to action, advertisement
// labels, hover cards), word boundaries kept through trafilatura's
// trimming, and go-readability and go-domdistiller candidates compared
// when trafilatura's text looks short.
package htmlpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"dateline/model"
)

// ErrNoContent is returned when a page holds no extractable article text.
var ErrNoContent = errors.New("no article text found")

// Extractor extracts articles from HTML pages. Its zero value is ready to
// use and safe for concurrent use.
type Extractor struct {
	// Plain disables Dateline's additions to go-trafilatura's text
	// selection (the fallback comparison, the DOM passes before it, head
	// and tail trimming, standfirst recovery and teaser splitting),
	// leaving go-trafilatura's own choice; metadata,
	// paragraphs and teaser-block briefs are still produced. Used to
	// measure what the additions bring.
	Plain bool
	// NoStandfirst leaves out the standfirst (a lead paragraph beside the
	// headline, outside the story container, recognised because it
	// repeats the page's meta description). By default it is recovered
	// and becomes the Lead; with NoStandfirst the text matches
	// schema.org's articleBody, which the AEB gold follows: a standfirst
	// trafilatura kept is dropped too when the page marks it as one.
	NoStandfirst bool
	// MaxBriefs caps the briefs kept per page; 0 means 50.
	MaxBriefs int
	// MaxBytes caps the HTML size processed; longer pages are cut. 0
	// means 8 MiB.
	MaxBytes int
}

// Extract extracts the article of one HTML page with a zero Extractor.
// pageURL, when known, resolves relative links and names the article.
func Extract(ctx context.Context, page []byte, pageURL string) (model.Article, error) {
	var e Extractor
	return e.Extract(ctx, page, pageURL)
}

// ExtractDocument extracts the article of an HTML Document, carrying over
// its source, URL, hash, fetch time and hints.
func (e *Extractor) ExtractDocument(ctx context.Context, d model.Document) (model.Article, error) {
	a, err := e.Extract(ctx, []byte(d.Content), d.URL)
	if err != nil {
		return a, fmt.Errorf("extract %s: %w", d.Source, err)
	}
	a.Source = d.Source
	a.Hash = d.Hash()
	a.Fetched = d.Fetched
	if a.URL == "" {
		a.URL = d.URL
	}
	if a.Title == "" {
		a.Title = d.Title
	}
	if a.Published.IsZero() {
		a.Published = d.Published
	}
	if a.Lang == "" {
		a.Lang = d.Lang
	}
	return a, nil
}

// Extract extracts the article of one HTML page. The page may be in any
// charset its bytes or <meta> declare; it is read as UTF-8 when valid.
func (e *Extractor) Extract(ctx context.Context, page []byte, pageURL string) (model.Article, error) {
	if err := ctx.Err(); err != nil {
		return model.Article{}, err
	}
	limit := e.MaxBytes
	if limit <= 0 {
		limit = 8 << 20
	}
	if len(page) > limit {
		page = page[:limit]
	}
	page = ToUTF8(page, "")
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return model.Article{}, fmt.Errorf("parse html: %w", err)
	}
	meta := readMeta(doc)
	var u *nurl.URL
	if pageURL != "" {
		if pu, err := nurl.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	briefs := findBriefs(doc, u, e.maxBriefs())
	links := linkTexts(doc, u)
	pruneCaptions(doc)
	if !e.Plain {
		prunePopups(doc)
		unwrapCustomInline(doc)
		promoteTextDivs(doc)
		markSpaces(doc)
	}

	paras, tm, err := e.mainText(ctx, doc, u)
	if err != nil {
		return model.Article{}, err
	}

	var teasers []model.Brief
	var credits []string // from a closing byline that trimTail removes
	if !e.Plain {
		paras = preferPublisherBody(paras, meta.body)
		paras, teasers = splitTeasers(paras, links)
		paras = trimHead(paras, meta.titles)
		paras = dropAdLabels(paras)
		for _, p := range trimmedTail(paras) {
			credits = appendUnique(credits, parseCredits(p)...)
		}
		paras = trimTail(paras)
		briefs = append(teasers, briefs...)
		if e.NoStandfirst && len(paras) > 2 {
			if sf := markedStandfirst(doc, meta.description); sf != "" && sameText(paras[0], sf) {
				paras = paras[1:]
			}
		}
		if !e.NoStandfirst {
			if lead := visibleLead(doc, meta.description); lead != "" && !containsText(paras, lead) {
				paras = append([]string{lead}, paras...)
			}
		}
	}
	a := model.Article{URL: pageURL, Briefs: []model.Brief{}}
	a.Title = firstNonEmpty(meta.title, tm.Title)
	if len(paras) > 0 && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	if len(paras) == 0 {
		return a, ErrNoContent
	}
	a.Lead = paras[0]
	a.Body = strings.Join(paras[1:], "\n\n")
	a.Published, a.Modified = meta.published, meta.modified
	if a.Published.IsZero() && !tm.Date.IsZero() {
		d := tm.Date
		a.Published = model.Date(d.Year(), d.Month(), d.Day())
	}
	a.Author = firstNonEmpty(meta.author, tm.Author)
	a.SiteName = firstNonEmpty(meta.siteName, tm.Sitename)
	a.Canonical = resolve(u, firstNonEmpty(meta.canonical, meta.ogURL, tm.URL))
	a.Lang = firstNonEmpty(meta.lang, normLang(tm.Language))
	if a.URL == "" {
		a.URL = a.Canonical
	}

	if dl, _, ok := parseDateline(a.Lead); ok {
		a.Dateline = dl
	}
	a.Agencies = appendUnique(nil, a.Dateline.Agencies...)
	if n := len(paras); n > 1 {
		a.Agencies = appendUnique(a.Agencies, parseCredits(paras[n-1])...)
	}
	a.Agencies = appendUnique(a.Agencies, credits...)
	body := a.Lead + "\n" + a.Body
	seen := map[string]bool{}
	for _, b := range briefs {
		if !seen[b.Hash] && !strings.Contains(body, b.Text) && len(a.Briefs) < e.maxBriefs() {
			seen[b.Hash] = true
			a.Briefs = append(a.Briefs, b)
		}
	}
	return a, nil
}

func (e *Extractor) maxBriefs() int {
	if e.MaxBriefs > 0 {
		return e.MaxBriefs
	}
	return 50
}

// ToUTF8 returns page as UTF-8: unchanged when it already is valid UTF-8,
// otherwise decoded from the charset named by contentType (an HTTP
// Content-Type value, may be empty), the page's BOM or <meta> declaration,
// or windows-1252 as browsers assume.
func ToUTF8(page []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	if utf8.Valid(page) && (name == "utf-8" || contentType == "" || !declared(contentType)) {
		return page
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	return out
}

func declared(contentType string) bool {
	return strings.Contains(strings.ToLower(contentType), "charset=")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func appendUnique(list []string, add ...string) []string {
	for _, s := range add {
		dup := false
		for _, have := range list {
			if strings.EqualFold(have, s) {
				dup = true
				break
			}
		}
		if !dup && s != "" {
			list = append(list, s)
		}
	}
	return list
}

func resolve(base *nurl.URL, ref string) string {
	if ref == "" {
		return ""
	}
	r, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	if !r.IsAbs() {
		return ""
	}
	r.Fragment = ""
	return r.String()
}

// sameText reports whether two strings are equal ignoring case, spacing and
// punctuation.
func sameText(a, b string) bool {
	na, nb := squash(a), squash(b)
	return na != "" && na == nb
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
