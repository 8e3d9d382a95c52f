package htmlpage

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dateline/model"
)

// linkTexts returns the squashed texts of the page's links that read as
// headlines (three words or more).
func linkTexts(doc *html.Node) map[string]bool {
	set := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.A:
				t := collapse(textOf(n))
				if len(strings.Fields(t)) >= 3 {
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
	for i, p := range paras {
		bare := stripLabel(p)
		isLink[i] = len(strings.Fields(p)) >= 3 && links[squash(bare)] && (bare != p || headlineLike(p))
	}
	// The trailing run: from the first linked headline after which linked
	// headlines make up at least 40% of the paragraphs, and at least two.
	cut := len(paras)
	n, k := 0, 0
	for i := len(paras) - 1; i > 0; i-- {
		k++
		if isLink[i] {
			n++
			if n >= 2 && n*10 >= k*4 {
				cut = i
			}
		}
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
		if teaserHint.MatchString(label) || strings.Contains(label, "lees") || strings.Contains(label, "lesen") || strings.Contains(label, "also") {
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
