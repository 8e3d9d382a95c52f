package htmlpage

import (
	"crypto/sha256"
	"encoding/hex"
	nurl "net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dateline/model"
)

// linkTexts returns the squashed texts of the page's links that read as
// headlines (three words or more) and lead to another page of the same
// site: a teaser points at a sibling story, while a link to a shop or a
// source, or to an anchor of the page itself, belongs to the text.
func linkTexts(doc *html.Node, page *nurl.URL) map[string]bool {
	set := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.A:
				t := collapse(textOf(n))
				if headlineSized(t) && siteLink(page, attr(n, "href")) {
					set[squash(t)] = true
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return set
}

// splitTeasers removes teasers from the paragraphs: paragraphs that are
// wholly a link to another page (a "Read more: ..." line, a list of linked
// headlines), and a trailing run of linked headlines with their summaries.
// The teasers come back as briefs.
func splitTeasers(paras []string, links map[string]bool) ([]string, []model.Brief) {
	isLink := make([]bool, len(paras))
	drop := make([]bool, len(paras))
	for i, p := range paras {
		bare := stripLabel(p)
		isLink[i] = headlineSized(p) && links[squash(bare)] && (bare != p || headlineLike(p))
		// Several linked headlines run together ("A [VIDEO]|B [INSIGHT]").
		drop[i] = !isLink[i] && i > 0 && linkCluster(p, links)
	}
	// A short label over removed teasers ("DON'T MISS", "Related").
	for i := 1; i+1 < len(paras); i++ {
		if (isLink[i+1] || drop[i+1]) && !isLink[i] && len(strings.Fields(paras[i])) <= 4 && headlineLike(paras[i]) && (teaserHint.MatchString(paras[i]) || labelHint.MatchString(paras[i])) {
			drop[i] = true
		}
	}
	// The trailing run: the longest tail of the text made only of linked
	// headlines, each optionally followed by a short summary, with at least
	// two headlines. A paragraph of the story between two teasers ends it.
	cut := len(paras)
	n := 0
	for i := len(paras) - 1; i > 0; i-- {
		switch {
		case isLink[i]:
			n++
			if n >= 2 {
				cut = i
			}
			continue
		case isLink[i-1] && len(paras[i]) < 400 && i < len(paras)-1 && isLink[i+1]:
			continue // a summary between two teasers
		case isLink[i-1] && len(paras[i]) < 400 && i == len(paras)-1:
			continue // the last teaser's summary
		}
		break
	}
	var keep []string
	var briefs []model.Brief
	add := func(text string) {
		h := sha256.Sum256([]byte(squash(text)))
		b := model.Brief{Text: text, Hash: hex.EncodeToString(h[:])}
		if dl, _, ok := parseDateline(summaryOrTitle(text)); ok {
			b.Dateline = dl
		}
		briefs = append(briefs, b)
	}
	for i := 0; i < cut; i++ {
		if drop[i] {
			continue
		}
		if isLink[i] && i > 0 {
			add(stripLabel(paras[i]))
			continue
		}
		keep = append(keep, paras[i])
	}
	for i := cut; i < len(paras); i++ {
		if !isLink[i] {
			continue
		}
		text := paras[i]
		if i+1 < len(paras) && !isLink[i+1] && len(paras[i+1]) < 400 {
			text += "\n\n" + paras[i+1]
		}
		add(text)
	}
	return keep, briefs
}

// stripLabel removes a "Read more:" style label before a linked headline.
func stripLabel(p string) string {
	if i := strings.IndexAny(p, ":|»›"); i > 0 && i < 30 {
		label := strings.ToLower(p[:i])
		if teaserHint.MatchString(label) || labelHint.MatchString(label) || strings.Contains(label, "lees") || strings.Contains(label, "lesen") || strings.Contains(label, "also") {
			return strings.TrimSpace(p[i+len(string([]rune(p[i:])[0])):])
		}
	}
	return p
}

// headlineLike reports whether p reads as a headline rather than a
// sentence: short and without closing punctuation.
func headlineLike(p string) bool {
	p = strings.TrimSpace(p)
	if len(p) > 200 || p == "" {
		return false
	}
	switch p[len(p)-1] {
	case '.', ':', ',', ';':
		return false
	}
	return true
}

// siteLink reports whether href leads to another page of page's site: not
// an anchor or script link, not the page itself, and on the same site
// (same host up to a "www." and subdomains). With page unknown, relative
// links and any absolute web link count.
func siteLink(page *nurl.URL, href string) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") || strings.HasPrefix(strings.ToLower(href), "mailto:") {
		return false
	}
	r, err := nurl.Parse(href)
	if err != nil {
		return false
	}
	if page == nil {
		return true
	}
	r = page.ResolveReference(r)
	if r.Scheme != "http" && r.Scheme != "https" {
		return false
	}
	if samePage(page, r.String()) {
		return false
	}
	return siteOf(r.Hostname()) == siteOf(page.Hostname())
}

// siteOf returns the registrable part of a host name, roughly: its last two
// labels, or three when the second-level label is a short generic one
// ("bbc.co.uk", "abc.com.br").
func siteOf(host string) string {
	labels := strings.Split(strings.ToLower(strings.TrimSuffix(host, ".")), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-2]) <= 3 && len(labels[len(labels)-1]) == 2 {
		n = 3
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// headlineSized reports whether t is long enough to be a headline: three
// words, or ten characters of a script written without spaces (Chinese,
// Japanese, Thai).
func headlineSized(t string) bool {
	if len(strings.Fields(t)) >= 3 {
		return true
	}
	n := 0
	for _, r := range t {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			n++
		}
	}
	return n >= 10
}

// labelHint matches labels that introduce a teaser inside a story beyond
// teaserHint's: "See more:", "Watch:", "Don't miss".
var labelHint = regexp.MustCompile(`(?i)see more|^\s*(watch|video|listen|more|also|plus|lire|leia|lea|leggi|mehr|zie ook|siehe auch)\s*$|don'?t miss|must read|ne manquez|nicht verpassen|no te pierdas|não perca|da non perdere|mis ook`)

// linkCluster reports whether p is made of linked headlines run together:
// at least two of the page's headline links, covering 80% of its letters.
func linkCluster(p string, links map[string]bool) bool {
	sp := squash(p)
	if len(sp) < 30 || len(sp) > 1500 {
		return false
	}
	covered, n := 0, 0
	for l := range links {
		if len(l) >= 15 && strings.Contains(sp, l) {
			covered += len(l)
			n++
		}
	}
	return n >= 2 && covered*10 >= len(sp)*8
}
