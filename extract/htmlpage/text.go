package htmlpage

import (
	"context"
	nurl "net/url"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mainText runs go-trafilatura on doc and returns the main text as
// paragraphs, with trafilatura's metadata.
func (e *Extractor) mainText(ctx context.Context, doc *html.Node, u *nurl.URL) ([]string, trafilatura.Metadata, error) {
	opts := trafilatura.Options{
		OriginalURL:     u,
		ExcludeComments: true,
		EnableFallback:  !e.Plain,
		HtmlDateMode:    trafilatura.Disabled,
	}

	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil {
		return nil, trafilatura.Metadata{}, ErrNoContent
	}
	if err := ctx.Err(); err != nil {
		return nil, trafilatura.Metadata{}, err
	}
	m := res.Metadata
	// Trafilatura read the page after markSpaces.
	m.Title, m.Author, m.Sitename, m.Description = collapse(m.Title), collapse(m.Author), collapse(m.Sitename), collapse(m.Description)
	return Paragraphs(res.ContentNode), m, nil
}

// blockTags end a paragraph where they open and close.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Hr: true, atom.Br: true, atom.Main: true,
	atom.Aside: true, atom.Body: true, atom.Caption: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true,
}

// Paragraphs returns the text of an HTML tree as paragraphs: block elements
// (p, div, headings, list items, table rows, br ...) end a paragraph, table
// cells are separated by a space, white space is collapsed, and empty
// paragraphs are dropped.
func Paragraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapse(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch tagOf(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			case atom.Td, atom.Th:
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[tagOf(n)]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tagOf returns n's atom, looked up from its name for nodes built without
// one (go-trafilatura creates elements by name).
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

// pruneCaptions removes figure captions and caption-like blocks so that
// image captions never reach the body.
func pruneCaptions(doc *html.Node) {
	var drop []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Figcaption || isCaptionClass(n) {
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func isCaptionClass(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figure, atom.Div, atom.Span, atom.P:
	default:
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(strings.ToLower(a.Val)) {
			if c == "caption" || c == "wp-caption-text" || c == "image-caption" || c == "photo-caption" || strings.HasSuffix(c, "__caption") || strings.HasSuffix(c, "-caption") {
				return true
			}
		}
	}
	return false
}
