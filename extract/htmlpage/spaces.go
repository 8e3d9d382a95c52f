package htmlpage

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// spaceMark stands in for white space at the edge of a text node while
// go-trafilatura runs. Trafilatura trims every text and tail, so
// "<b>Summary</b> Studies" comes out as "SummaryStudies"; a zero-width
// space is not white space to its trimming but is to collapse, which turns
// it back into one space.
const spaceMark = "\u200b"

// inlineTags are the phrasing elements whose edges trafilatura glues to
// the text beside them.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true,
	atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Strike: true, atom.Tt: true, atom.Big: true, atom.Label: true,
}

// markSpaces replaces the white space at the edges of text nodes inside
// the body that touch an inline element with spaceMark, so that the
// word boundary survives trafilatura's trimming.
func markSpaces(doc *html.Node) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Pre, atom.Textarea, atom.Noscript, atom.Template:
				return
			}
		}
		if n.Type == html.TextNode {
			markText(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func markText(n *html.Node) {
	s := n.Data
	trimmed := strings.TrimFunc(s, unicode.IsSpace)
	if trimmed == "" {
		// White space alone between two inline elements: "<a>x</a> <a>y</a>".
		if s != "" && inFlow(n.PrevSibling) && inFlow(n.NextSibling) && proseParent(n.Parent) {
			n.Data = spaceMark
		}
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	lead := unicode.IsSpace(first) && flowBefore(n)
	trail := unicode.IsSpace(last) && flowAfter(n)
	if !lead && !trail {
		return
	}
	block := n.Parent
	for block != nil && isInline(block) {
		block = block.Parent
	}
	if !proseParent(block) {
		return
	}
	var b strings.Builder
	if lead {
		b.WriteString(spaceMark)
	}
	b.WriteString(trimmed)
	if trail {
		b.WriteString(spaceMark)
	}
	n.Data = b.String()
}

// flowBefore reports whether text of the same line comes before n: an
// inline sibling, or, for the first child of an inline element, something
// in flow before that element.
func flowBefore(n *html.Node) bool {
	for depth := 0; n != nil && depth < 8; depth++ {
		p := n.PrevSibling
		for p != nil && (p.Type == html.CommentNode || p.Type == html.TextNode && strings.TrimFunc(p.Data, unicode.IsSpace) == "") {
			p = p.PrevSibling
		}
		if p != nil {
			return p.Type == html.TextNode || isInline(p)
		}
		if !isInline(n.Parent) {
			return false
		}
		n = n.Parent
	}
	return false
}

// flowAfter is flowBefore's mirror.
func flowAfter(n *html.Node) bool {
	for depth := 0; n != nil && depth < 8; depth++ {
		p := n.NextSibling
		for p != nil && (p.Type == html.CommentNode || p.Type == html.TextNode && strings.TrimFunc(p.Data, unicode.IsSpace) == "") {
			p = p.NextSibling
		}
		if p != nil {
			return p.Type == html.TextNode || isInline(p)
		}
		if !isInline(n.Parent) {
			return false
		}
		n = n.Parent
	}
	return false
}

// proseParent reports whether n holds running text: a paragraph-like or
// inline element, or any element with text of its own beside its children.
func proseParent(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Dd, atom.Dt, atom.Td, atom.Th, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Figcaption, atom.Caption:
		return true
	}
	if isInline(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimFunc(c.Data, unicode.IsSpace) != "" {
			return true
		}
	}
	return false
}

// inFlow reports whether a sibling continues the line: an inline element or
// a comment (which trafilatura drops, joining the text around it).
func inFlow(n *html.Node) bool {
	return n != nil && (n.Type == html.CommentNode || isInline(n))
}

func isInline(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && inlineTags[n.DataAtom]
}

// popupHint matches class names and ids of hover cards and tooltips that
// sites nest inside a paragraph's links (a politician's name opening a
// card of headlines).
var popupHint = regexp.MustCompile(`(?i)rollover|tooltip|popover|hover-?card|popup|pop-up`)

// prunePopups removes hover cards, tooltips and hidden elements nested in
// running text: they are not part of the sentence they sit in.
func prunePopups(doc *html.Node) {
	var drop []*html.Node
	var walk func(n *html.Node, inText bool)
	walk = func(n *html.Node, inText bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.P, atom.Li, atom.H2, atom.H3, atom.Blockquote, atom.Dd:
				inText = true
			}
			if inText && !isLinkOnly(n) && (popupHint.MatchString(attr(n, "class")+" "+attr(n, "id")) && !hasPopupInside(n) || hiddenStyle(n)) {
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inText)
		}
	}
	walk(doc, false)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// hasPopupInside reports whether a popup-named element lies below n: then
// n is the trigger wrapping the link text and its card, and only the card
// goes.
func hasPopupInside(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (popupHint.MatchString(attr(c, "class")+" "+attr(c, "id")) || hasPopupInside(c)) {
			return true
		}
	}
	return false
}

// isLinkOnly reports whether n is a link, which keeps its text even when
// its class names a popup it opens.
func isLinkOnly(n *html.Node) bool { return n.DataAtom == atom.A }

func hiddenStyle(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// promoteTextDivs turns a <div> that holds only a short run of text between
// two paragraphs into a paragraph, or a heading when its class says so:
// trafilatura keeps paragraphs and headings of the story but drops such
// divs, which sites use for subheadings ("<div class=subheadline>").
func promoteTextDivs(doc *html.Node) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Nav, atom.Footer, atom.Aside, atom.Form:
				return
			case atom.Div:
				if textDiv(n) {
					n.DataAtom, n.Data = atom.P, "p"
					if headingHint.MatchString(attr(n, "class")) {
						n.DataAtom, n.Data = atom.H3, "h3"
					}
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

var headingHint = regexp.MustCompile(`(?i)head|title`)

func textDiv(n *html.Node) bool {
	if prev, next := elementSibling(n, -1), elementSibling(n, 1); prev == nil || next == nil || prev.DataAtom != atom.P || next.DataAtom != atom.P {
		return false
	}
	var text, linked int
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			text += len(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && isInline(c):
			t := len(strings.TrimSpace(textOf(c)))
			text += t
			if c.DataAtom == atom.A {
				linked += t
			}
		case c.Type == html.CommentNode:
		default:
			return false
		}
	}
	words := len(strings.Fields(textOf(n)))
	return text > 0 && words <= 30 && linked*2 < text
}

// elementSibling returns n's nearest element sibling before (dir < 0) or
// after it.
func elementSibling(n *html.Node, dir int) *html.Node {
	for {
		if dir < 0 {
			n = n.PrevSibling
		} else {
			n = n.NextSibling
		}
		if n == nil || n.Type == html.ElementNode {
			return n
		}
	}
}

// unwrapCustomInline replaces custom elements (tag names with a hyphen,
// "<hl-trusted-source>") inside running text with their children:
// trafilatura drops tags it does not know, and with them a citation
// number or a linked phrase of the sentence.
func unwrapCustomInline(doc *html.Node) {
	var found []*html.Node
	var walk func(n *html.Node, inText bool)
	walk = func(n *html.Node, inText bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.P, atom.Li, atom.H2, atom.H3, atom.H4, atom.Blockquote, atom.Dd, atom.Td:
				inText = true
			}
			if inText && n.DataAtom == 0 && strings.Contains(n.Data, "-") && midSentence(n) {
				found = append(found, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inText)
		}
	}
	walk(doc, false)
	for _, n := range found {
		if n.Parent == nil {
			continue
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			n.RemoveChild(c)
			n.Parent.InsertBefore(c, n)
			c = next
		}
		n.Parent.RemoveChild(n)
	}
}

// midSentence reports whether n sits inside a sentence: text or inline
// elements on both sides.
func midSentence(n *html.Node) bool {
	side := func(s *html.Node) bool {
		return s != nil && (s.Type == html.TextNode && strings.TrimFunc(s.Data, unicode.IsSpace) != "" || isInline(s))
	}
	return side(n.PrevSibling) && side(n.NextSibling)
}
