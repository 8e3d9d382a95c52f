package htmlpage

import (
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
	want := squash(description)
	if len([]rune(want)) < 50 {
		return ""
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
		return ""
	}
	// Climb to the smallest element holding (nearly) the whole description.
	for n, depth := start.Parent, 0; n != nil && depth < 4; n, depth = n.Parent, depth+1 {
		t := collapse(textOf(n))
		got := squash(t)
		if len(got) < len(want)*9/10 {
			continue
		}
		if len(got) <= len(want)*3/2+10 && strings.HasPrefix(got, want[:len(want)*8/10]) {
			return t
		}
		return ""
	}
	return ""
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
