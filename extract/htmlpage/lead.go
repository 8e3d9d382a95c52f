package htmlpage

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// visibleLead returns the page's standfirst when trafilatura is likely to
// have left it out: a visible paragraph that repeats the page's meta
// description (news sites put the lead in a header block beside the
// headline, outside the story container). It returns "" when no paragraph
// of the page says the same as the description.
func visibleLead(doc *html.Node, description string) string {
	t, _ := leadNode(doc, description)
	return t
}

// standfirstHint matches class names and ids of standfirst blocks.
var standfirstHint = regexp.MustCompile(`(?i)dek\b|standfirst|sub-?title|sub-?head|summary|excerpt|description|\blede|\blead\b|lead-?text|intro|strap|deck|abstract|teaser|kicker|sapo|chapo|chapeau|entradilla|linha-fina|occhiello|catenaccio|vorspann`)

// markedStandfirst returns the standfirst text when the block holding it
// is marked as one: a heading below the title, a <header> member, or a
// class or id naming it. That block is page furniture to schema.org's
// articleBody even where trafilatura keeps it.
func markedStandfirst(doc *html.Node, description string) string {
	t, n := leadNode(doc, description)
	if n == nil {
		return ""
	}
	for k, depth := n, 0; k != nil && depth < 5; k, depth = k.Parent, depth+1 {
		if k.Type != html.ElementNode {
			continue
		}
		switch k.DataAtom {
		case atom.H2, atom.H3, atom.Header:
			return t
		case atom.Article, atom.Main, atom.Body:
			return ""
		}
		if standfirstHint.MatchString(attr(k, "class") + " " + attr(k, "id") + " " + attr(k, "itemprop")) {
			return t
		}
	}
	return ""
}

// leadNode finds the visible block repeating the description; see
// visibleLead.
func leadNode(doc *html.Node, description string) (string, *html.Node) {
	want := squash(description)
	if len([]rune(want)) < 50 {
		return "", nil
	}
	head := want[:40]
	var start *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if start != nil {
			return
		}
		if n.Type == html.ElementNode {
			switch tagOf(n) {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.A, atom.Form, atom.Template:
				return
			}
		}
		if n.Type == html.TextNode && strings.Contains(squash(n.Data), head) {
			start = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if start == nil {
		return "", nil
	}
	// Climb to the smallest element holding (nearly) the whole description.
	for n, depth := start.Parent, 0; n != nil && depth < 4; n, depth = n.Parent, depth+1 {
		t := collapse(textOf(n))
		got := squash(t)
		if len(got) < len(want)*9/10 {
			continue
		}
		if len(got) <= len(want)*3/2+10 && strings.HasPrefix(got, want[:len(want)*8/10]) {
			return t, n
		}
		return "", nil
	}
	return "", nil
}

// containsText reports whether the paragraphs already hold text s (up to
// spacing, case and punctuation), wholly or as its first part.
func containsText(paras []string, s string) bool {
	want := squash(s)
	if len(want) > 120 {
		want = want[:120]
	}
	for _, p := range paras {
		if strings.Contains(squash(p), want) {
			return true
		}
	}
	return false
}
