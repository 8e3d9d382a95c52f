package htmlpage

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"dateline/extract/textpage"
	"dateline/model"
)

// Datelines, credits and teaser ages read the same in HTML and plain-text
// pages: these wrap the plain-text segmenter's parsers.

// parseDateline reads a wire dateline at the start of s.
func parseDateline(s string) (model.Dateline, string, bool) {
	return textpage.ParseDateline(s)
}

// trailingParen is a parenthesis closing a paragraph: "... is. (ANP, Reuters)".
var trailingParen = regexp.MustCompile(`\([^()\n]{2,60}\)\s*\.?$`)

// parseCredits returns the agencies credited by a closing paragraph: the
// whole paragraph as a credit line, or a parenthesis at its end.
func parseCredits(p string) []string {
	p = strings.TrimSpace(p)
	if ag := textpage.ParseCredits(p); len(ag) > 0 {
		return ag
	}
	if m := trailingParen.FindString(p); m != "" {
		return textpage.ParseCredits(m)
	}
	return nil
}

// ageIn returns the relative age shown in a teaser item outside its link
// ("2 uur geleden", "5 hours ago"), in seconds.
func ageIn(item, link *html.Node) (int64, bool) {
	var age int64
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found || n == link {
			return
		}
		if n.Type == html.TextNode {
			if t := collapse(n.Data); t != "" && len(t) < 40 {
				age, found = textpage.ParseAge(t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(item)
	return age, found
}
