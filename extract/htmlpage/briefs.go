package htmlpage

import (
	"crypto/sha256"
	"encoding/hex"
	nurl "net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dateline/model"
)

// teaserHint matches class names, ids, labels and headings of blocks that
// list other stories: "related", "Meer uit Buitenland", "Lees ook", "Mehr
// zum Thema", "Most read".
var teaserHint = regexp.MustCompile(`(?i)related|teaser|recommend|more[-_ ]?(from|on|stories|news|articles|in)|\bmeer\b|lees ook|ook interessant|mehr zum|weitere|das könnte|also read|read more|read also|see also|you may|you might|popular|most[-_ ]?(read|viewed|popular)|latest|trending|top[-_ ]?stories|headlines|à lire|lire aussi|sur le même|other[-_ ]?news|mas noticias|más noticias|leer más|читайте|новости|meest gelezen|laatste nieuws|net binnen|up[-_ ]?next|further reading|in other news`)

// findBriefs returns teasers for other stories found in teaser blocks:
// asides and blocks whose class, id, label or heading names them as related
// or more stories, holding at least two headline-like links. Each link's
// text, with a short summary beside it when the block gives one, becomes a
// Brief; an age such as "2 uur geleden" next to it becomes AgeSeconds.
func findBriefs(doc *html.Node, page *nurl.URL, limit int) []model.Brief {
	var briefs []model.Brief
	seen := map[string]bool{}
	used := map[*html.Node]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if len(briefs) >= limit {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Nav, atom.Header, atom.Footer, atom.Form:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		// Post-order: inner blocks claim their links before outer ones.
		if n.Type != html.ElementNode || !isTeaserBlock(n) {
			return
		}
		links := headlineLinks(n, page, used)
		if len(links) < 2 {
			return
		}
		for _, a := range links {
			used[a] = true
			b, ok := briefFor(a, n)
			if !ok || seen[b.Hash] {
				continue
			}
			seen[b.Hash] = true
			briefs = append(briefs, b)
			if len(briefs) >= limit {
				return
			}
		}
	}
	walk(doc)
	return briefs
}

func isTeaserBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Aside:
		return true
	case atom.Section, atom.Div, atom.Ul, atom.Ol:
	default:
		return false
	}
	label := attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "aria-label") + " " + attr(n, "data-component")
	if teaserHint.MatchString(label) {
		return true
	}
	// A heading as one of the first children: <h2>Meer uit Buitenland</h2>.
	k := 0
	for c := n.FirstChild; c != nil && k < 3; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		k++
		switch c.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.Header:
			t := collapse(textOf(c))
			if len(t) < 60 && teaserHint.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// headlineLinks returns the links under n whose text reads as a headline
// (at least four words) and that point to another page.
func headlineLinks(n *html.Node, page *nurl.URL, used map[*html.Node]bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			if used[c] {
				return
			}
			t := collapse(textOf(c))
			href := attr(c, "href")
			if len(strings.Fields(t)) >= 4 && len(t) >= 20 && len(t) <= 300 && href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(href, "javascript:") && !samePage(page, href) {
				out = append(out, c)
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return out
}

func samePage(page *nurl.URL, href string) bool {
	if page == nil {
		return false
	}
	r, err := nurl.Parse(href)
	if err != nil {
		return true
	}
	r = page.ResolveReference(r)
	return r.Host == page.Host && strings.TrimSuffix(r.Path, "/") == strings.TrimSuffix(page.Path, "/")
}

// briefFor builds the brief of one teaser link: the link text, a short
// summary from its item when there is one, the dateline in it, and the age
// the item shows.
func briefFor(a, block *html.Node) (model.Brief, bool) {
	title := collapse(textOf(a))
	item := a
	for item.Parent != nil && item.Parent != block {
		item = item.Parent
		if item.DataAtom == atom.Li || item.DataAtom == atom.Article {
			break
		}
	}
	text := title
	var age *int64
	if item != a {
		if s, ok := ageIn(item, a); ok {
			age = &s
		}
		if summary := summaryIn(item, a); summary != "" && !strings.Contains(title, summary) {
			text = title + "\n\n" + summary
		}
	}
	if text == "" {
		return model.Brief{}, false
	}
	b := model.Brief{Text: text, AgeSeconds: age}
	if dl, _, ok := parseDateline(summaryOrTitle(text)); ok {
		b.Dateline = dl
	}
	h := sha256.Sum256([]byte(squash(text)))
	b.Hash = hex.EncodeToString(h[:])
	return b, true
}

func summaryOrTitle(text string) string {
	if i := strings.Index(text, "\n\n"); i >= 0 {
		return text[i+2:]
	}
	return text
}

// summaryIn returns the first paragraph of item outside the link, when it
// is long enough to be a teaser summary.
func summaryIn(item, link *html.Node) string {
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n == link {
			return false
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || hasClassPart(n, "summary", "teaser", "intro", "lead", "description")) && !contains(n, link) {
			if t := collapse(textOf(n)); len(strings.Fields(t)) >= 6 && len(t) <= 600 {
				found = t
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(item)
	return found
}

func contains(n, x *html.Node) bool {
	for p := x; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

func hasClassPart(n *html.Node, parts ...string) bool {
	c := strings.ToLower(attr(n, "class"))
	for _, p := range parts {
		if strings.Contains(c, p) {
			return true
		}
	}
	return false
}

// textOf returns the text under n, blocks separated by spaces.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
			if blockTags[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}
