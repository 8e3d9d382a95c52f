package htmlpage

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dateline/model"
)

// pageMeta is what the page's head, JSON-LD and <time> elements say about it.
type pageMeta struct {
	title, author, siteName, canonical, ogURL, lang string
	description                                     string
	published, modified                             model.Time
	// titles are every headline the page gives (JSON-LD, Open Graph,
	// Twitter, <title>, <h1>), entities decoded.
	titles []string
	// body is the JSON-LD articleBody, paragraph breaks kept; "" when the
	// page gives none.
	body string
}

// Metadata sources, strongest first for each field.
var (
	publishedKeys = []string{"article:published_time", "og:article:published_time", "datepublished", "article.published", "published_time", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date", "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", "og:published_time", "citation_publication_date"}
	modifiedKeys  = []string{"article:modified_time", "og:updated_time", "datemodified", "article.updated", "modified_time", "lastmod", "last-modified", "dcterms.modified", "dc.date.modified", "article:modified"}
	authorKeys    = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"}
)

// readMeta collects metadata from the whole document.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var ldBlocks []string
	var times []*html.Node
	var htmlLang, ogTitle, docTitle string
	var h1s []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				htmlLang = attr(n, "lang")
				if htmlLang == "" {
					htmlLang = attr(n, "xml:lang")
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				val := firstNonEmpty(attr(n, "content"), attr(n, "datetime"))
				if key != "" && val != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = val
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ldBlocks = append(ldBlocks, n.FirstChild.Data)
				}
				return
			case atom.Title:
				if docTitle == "" && n.FirstChild != nil {
					docTitle = collapse(n.FirstChild.Data)
				}
			case atom.H1:
				if len(h1s) < 3 {
					h1s = append(h1s, collapse(textOf(n)))
				}
			case atom.Time:
				if attr(n, "datetime") != "" {
					times = append(times, n)
				}
			default:
				// itemprop dates on any element (span itemprop=datePublished content=...)
				if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" || ip == "datemodified" {
					if v := firstNonEmpty(attr(n, "content"), attr(n, "datetime")); v != "" {
						if _, ok := metas[ip]; !ok {
							metas[ip] = v
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	ld := readJSONLD(ldBlocks)
	ogTitle = metas["og:title"]
	m.title = firstNonEmpty(ld.headline, ogTitle, metas["twitter:title"], docTitle)
	for _, t := range append([]string{ld.headline, ogTitle, metas["twitter:title"], docTitle}, h1s...) {
		if t = collapse(html.UnescapeString(t)); t != "" {
			m.titles = append(m.titles, t)
		}
	}
	m.siteName = firstNonEmpty(metas["og:site_name"], ld.publisher, metas["application-name"])
	m.ogURL = metas["og:url"]
	m.description = collapse(firstNonEmpty(metas["og:description"], metas["description"], metas["twitter:description"]))
	m.author = firstNonEmpty(ld.author, pick(metas, authorKeys))
	if strings.HasPrefix(m.author, "http") || strings.HasPrefix(m.author, "@") && !strings.Contains(m.author, " ") {
		// a profile URL or a bare handle is no name
		if ld.author == "" {
			m.author = ""
		}
	}

	m.body = ld.body
	m.published = firstTime(ld.published, pick(metas, publishedKeys))
	m.modified = firstTime(ld.modified, pick(metas, modifiedKeys))
	if m.published.IsZero() {
		m.published = timeElement(times)
	}

	m.lang = normLang(htmlLang)
	if m.lang == "" {
		m.lang = normLang(firstNonEmpty(metas["content-language"], metas["og:locale"], metas["language"], metas["dc.language"], ld.lang))
	}
	return m
}

func pick(metas map[string]string, keys []string) string {
	for _, k := range keys {
		if v := metas[k]; v != "" {
			return v
		}
	}
	return ""
}

// firstTime parses the first value that reads as a date or date-time.
func firstTime(vals ...string) model.Time {
	for _, v := range vals {
		if t, ok := ParseDate(v); ok {
			return t
		}
	}
	return model.Time{}
}

// timeElement returns the date of the first <time datetime> marked as the
// publication date (pubdate, itemprop, class), or else of the first one.
func timeElement(times []*html.Node) model.Time {
	var first model.Time
	for _, n := range times {
		t, ok := ParseDate(attr(n, "datetime"))
		if !ok {
			continue
		}
		hint := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
		if hasAttr(n, "pubdate") || strings.Contains(hint, "publish") || strings.Contains(hint, "pubdate") {
			return t
		}
		if first.IsZero() && !strings.Contains(hint, "modif") && !strings.Contains(hint, "updat") {
			first = t
		}
	}
	return first
}

// dateLayouts are the forms ParseDate reads beyond model.ParseTime's.
var dateLayouts = []string{
	"2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05 -0700",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05 MST", "2006-01-02 15:04Z07:00", "2006-01-02 15:04",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon Jan 02 2006 15:04:05 GMT-0700",
	"January 2, 2006 15:04", "January 2, 2006, 3:04 PM", "Jan 2, 2006 3:04 PM", "02.01.2006 15:04",
}

var dateOnlyLayouts = []string{"2006-01-02", "2006/01/02", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006", "2006-1-2"}

// ParseDate reads a date or date-time as pages write them (ISO 8601 with or
// without zone, RFC 1123, and a few English forms). A value without a time
// of day gives a date-only Time; one without a zone is taken as UTC.
func ParseDate(s string) (model.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 64 {
		return model.Time{}, false
	}
	if t, err := model.ParseTime(s); err == nil && plausible(t.Time) {
		return t, true
	}
	for _, l := range dateLayouts {
		if v, err := time.Parse(l, s); err == nil && plausible(v) {
			return model.Time{Time: v}, true
		}
	}
	for _, l := range dateOnlyLayouts {
		if v, err := time.Parse(l, s); err == nil && plausible(v) {
			return model.Time{Time: v, DateOnly: true}, true
		}
	}
	// A date-time with trailing text ("2019-11-19T12:00:00+00:00 (updated)").
	if len(s) > 25 {
		if t, err := model.ParseTime(s[:25]); err == nil && plausible(t.Time) {
			return t, true
		}
	}
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		if v, err := time.Parse("2006-01-02", s[:10]); err == nil && plausible(v) {
			return model.Time{Time: v, DateOnly: true}, true
		}
	}
	return model.Time{}, false
}

func plausible(t time.Time) bool { return t.Year() >= 1990 && t.Year() <= 2100 }

// normLang turns "en-US", "en_GB", "nl" into a lowercase two- or
// three-letter base code.
func normLang(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// ldMeta is what the page's JSON-LD says about its article.
type ldMeta struct {
	headline, author, publisher, lang string
	published, modified               string
	body                              string
}

// articleTypes are the schema.org types whose fields describe the story.
var articleTypes = []string{"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "BackgroundNewsArticle", "TechArticle", "WebPage"}

// readJSONLD reads the JSON-LD blocks and returns the fields of the most
// article-like object (an Article type over a WebPage over anything else).
func readJSONLD(blocks []string) ldMeta {
	var best map[string]any
	bestRank := len(articleTypes) + 1
	var body string
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if b, ok := x["articleBody"].(string); ok && len(b) > len(body) {
				body = b
			}
			if r := typeRank(x["@type"]); r < bestRank && (x["datePublished"] != nil || x["headline"] != nil || r < len(articleTypes)-1) {
				best, bestRank = x, r
			}
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			if me, ok := x["mainEntity"]; ok {
				visit(me)
			}
		}
	}
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(b)), &v); err != nil {
			continue
		}
		visit(v)
	}
	if best == nil {
		return ldMeta{body: bodyText(body)}
	}
	return ldMeta{
		headline:  str(best["headline"]),
		author:    names(best["author"]),
		publisher: names(best["publisher"]),
		lang:      str(best["inLanguage"]),
		published: str(best["datePublished"]),
		modified:  str(best["dateModified"]),
		body:      bodyText(body),
	}
}

func typeRank(t any) int {
	var types []string
	switch x := t.(type) {
	case string:
		types = []string{x}
	case []any:
		for _, e := range x {
			types = append(types, str(e))
		}
	}
	rank := len(articleTypes) + 1
	for _, ty := range types {
		for i, at := range articleTypes {
			if strings.EqualFold(ty, at) && i < rank {
				rank = i
			}
		}
	}
	return rank
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return collapse(x)
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case map[string]any:
		return str(x["@value"])
	}
	return ""
}

// names reads a schema.org Person/Organization or a list of them.
func names(v any) string {
	switch x := v.(type) {
	case string:
		return collapse(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		var out []string
		for _, e := range x {
			if n := names(e); n != "" {
				out = appendUnique(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

// bodyText turns a JSON-LD articleBody into paragraphs joined by blank
// lines: publishers write it as plain text with line breaks or as HTML.
func bodyText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	var paras []string
	if strings.Contains(s, "</") || strings.Contains(s, "<br") || strings.Contains(s, "<p") {
		if doc, err := html.Parse(strings.NewReader(s)); err == nil {
			paras = Paragraphs(doc)
		}
	} else {
		for _, line := range strings.Split(html.UnescapeString(s), "\n") {
			if p := collapse(line); p != "" {
				paras = append(paras, p)
			}
		}
	}
	return strings.Join(paras, "\n\n")
}
