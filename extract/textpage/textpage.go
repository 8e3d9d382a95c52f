// Package textpage segments scraped plain-text news pages: it finds the
// article's headline, dateline, lead and body among the page furniture
// (skip links, image alt texts and captions, breadcrumbs, share prompts,
// short URLs, ages) and splits the teasers for other stories ("Meer uit
// Buitenland", "More from World", "Mehr aus Politik", "À lire aussi", or
// blocks recognised by their shape) into briefs.
//
// The segmenter works on line features, never on a site's layout: length,
// final punctuation, datelines, relative ages, caption and credit markers,
// phrase tables for nl, en, de and fr furniture, and the position of a line
// relative to those. Headlines are chosen by scoring the headline-shaped
// lines before the article's first paragraph.
package textpage

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"dateline/model"
)

// lineAlt marks the alt text of an image, recognised by the caption after
// it; internal to Segment.
const lineAlt LineKind = 200

// Segmenter splits plain-text news pages into an article and briefs. The
// zero value is ready to use and safe for concurrent use.
type Segmenter struct {
	// MinBriefWords is the fewest words a brief's text may have; shorter
	// teasers are dropped. Zero means 3.
	MinBriefWords int
}

// Segment reads a plain-text page and returns its article: Title, Lead,
// Body (paragraphs separated by a blank line), Dateline, Agencies
// (dateline and trailing credits, deduplicated case-insensitively, in
// order of appearance), Published and Modified when the page states them,
// Author from a byline, and the Briefs for other stories found on the page,
// each kept once. Source, URL, Lang and Hash are left to the caller.
// Invalid UTF-8 is replaced, so every string of the result is valid UTF-8.
func (s *Segmenter) Segment(page string) model.Article {
	if !utf8.ValidString(page) {
		page = strings.ToValidUTF8(page, "\uFFFD")
	}
	ls := mergeWrapped(Lines(page))
	var a model.Article
	markAlts(ls)

	// A metadata header gives the publication time.
	for i := 0; i < len(ls) && i < 3; i++ {
		if ls[i].Kind == LineMeta {
			if t, _, ok := parseMeta(ls[i].Text); ok {
				a.Published = t
			}
		}
	}

	ti := pickTitle(ls)
	if ti >= 0 {
		a.Title = cleanSpaces(ls[ti].Text)
	}

	// The lead: the first prose after the headline.
	li := -1
	for i := ti + 1; i < len(ls) && li < 0; i++ {
		l := &ls[i]
		switch l.Kind {
		case LineText:
			if ti < 0 && l.headlineLike() {
				continue // no headline found: skip the labels above the prose
			}
			li = i
			a.Lead = l.Text
		case LineDateline:
			li = i
			d, rest, _ := ParseDateline(l.Text)
			a.Dateline = d
			a.Lead = rest
		case LineByline:
			if a.Author == "" {
				a.Author = cleanSpaces(author(l.Text))
			}
		case LineDate:
			s.noteDate(&a, l.Text)
		case LineTeaserHeader:
			i = len(ls) // a page of teasers only
		}
	}
	if li < 0 {
		li = len(ls)
		if ti >= 0 {
			li = ti
		}
	}

	bodyEnd, zone := findZone(ls, li)
	var paras []int
	var related []int
	for i := li + 1; i < bodyEnd; i++ {
		l := &ls[i]
		switch l.Kind {
		case LineText, LineDateline:
			if a.Dateline.IsZero() && len(paras) == 0 && l.Kind == LineDateline {
				d, rest, _ := ParseDateline(l.Text)
				a.Dateline = d
				l.Text = rest
				if a.Lead == "" {
					a.Lead = rest
					continue
				}
			}
			if a.Lead == "" {
				a.Lead = l.Text
				continue
			}
			if l.Text != "" {
				paras = append(paras, i)
			}
		case LineCredits:
			a.Agencies = appendAgencies(a.Agencies, ParseCredits(l.Text))
		case LineRelated:
			related = append(related, i)
		case LineByline:
			if a.Author == "" && len(paras) == 0 {
				a.Author = cleanSpaces(author(l.Text))
			}
		case LineDate:
			if len(paras) == 0 {
				s.noteDate(&a, l.Text)
			}
		}
	}
	// Headlines trailing the body are related-article links.
	cut := len(paras)
	for cut > 0 && ls[paras[cut-1]].headlineLike() && ls[paras[cut-1]].words <= 15 && ls[paras[cut-1]].Kind == LineText {
		cut--
	}
	if cut > 0 {
		related = append(related, paras[cut:]...)
		paras = paras[:cut]
	}

	a.Lead = cleanSpaces(a.Lead)
	if len(paras) > 0 {
		n := 0
		for _, i := range paras {
			n += len(ls[i].Text) + 2
		}
		var b strings.Builder
		b.Grow(n)
		for k, i := range paras {
			if k > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(cleanSpaces(ls[i].Text))
		}
		a.Body = b.String()
	}

	// Agencies: the dateline's first, then the credits'.
	if len(a.Dateline.Agencies) > 0 {
		a.Agencies = appendAgencies(append([]string(nil), a.Dateline.Agencies...), a.Agencies)
	}

	// Briefs: inline and trailing related links, then the teaser zone.
	var briefs []model.Brief
	for _, i := range related {
		l := ls[i]
		if l.Kind == LineRelated {
			l.Text = relatedText(l.Text)
			l.Kind = LineText
		}
		briefs = s.addBrief(briefs, []Line{l}, nil)
	}
	if zone < len(ls) {
		briefs = s.splitZone(briefs, ls[zone:])
	}
	// A teaser for the page's own story is not a brief.
	k := 0
	for _, b := range briefs {
		if len(b.Text) >= 20 && (strings.Contains(a.Body, b.Text) || strings.Contains(a.Lead, b.Text)) {
			continue
		}
		briefs[k] = b
		k++
	}
	a.Briefs = briefs[:k]
	return a
}

// noteDate takes a date line as the publication (or modification) time.
func (s *Segmenter) noteDate(a *model.Article, line string) {
	rest := line
	for _, p := range datePrefixes {
		if hasPrefixFold(rest, p) {
			rest = strings.TrimLeft(rest[len(p):], " :")
			break
		}
	}
	t, _, ok := parseDateTime(rest)
	if !ok {
		return
	}
	if isUpdateLine(line) {
		if a.Modified.IsZero() {
			a.Modified = t
		}
		return
	}
	if a.Published.IsZero() {
		a.Published = t
	}
}

// appendAgencies appends the agencies not yet in list, ignoring case.
func appendAgencies(list, add []string) []string {
	for _, x := range add {
		dup := false
		for _, y := range list {
			if strings.EqualFold(x, y) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, x)
		}
	}
	return list
}

// markAlts marks the line right before an image caption as the image's alt
// text when it is short or not a sentence: "Belarusian strongman Alexander
// Lukashenko" above "Lukashenko is a close ally of PutinImage: BelTA".
func markAlts(ls []Line) {
	for i := 1; i < len(ls); i++ {
		if ls[i].Kind != LineCaption || ls[i].BlankBefore {
			continue
		}
		p := &ls[i-1]
		if p.Kind == LineText && (p.end == endNone || p.words <= 12) && p.words <= 30 {
			p.Kind = lineAlt
		}
	}
}

// pickTitle scores the headline-shaped lines before the article's first
// paragraph and returns the index of the best, or -1.
func pickTitle(ls []Line) int {
	limit := min(len(ls), 30)
	for i := 0; i < limit; i++ {
		l := &ls[i]
		if l.Kind == LineDateline || l.Kind == LineText && l.end == endSentence && (l.words >= 30 || len(l.Text) >= 220) {
			limit = i
			break
		}
	}
	best, bestScore := -1, -1e9
	prose := false // a sentence seen above
	for i := 0; i < limit; i++ {
		l := &ls[i]
		if l.Kind == LineText && l.end == endSentence && l.words >= 8 {
			prose = true
		}
		if !l.headlineLike() {
			continue
		}
		score := 0.0
		switch {
		case l.words >= 4 && l.words <= 20:
			score += 2
		case l.words <= 2:
			score -= 2
		}
		if prose {
			score -= 3 // headlines come before prose
		}
		next := nextLine(ls, i)
		if next >= 0 {
			switch ls[next].Kind {
			case LineAge, LineDateline, LineDate, LineByline, LineStamp:
				score += 3 // what follows a headline
			case LineCaption, LineBreadcrumb, lineAlt:
				score -= 4
			case LineText:
				n := &ls[next]
				if n.end == endSentence {
					score += 1 + 2*echo(l.Text, n.Text)
				} else if n.headlineLike() && n.words > l.words {
					// Headline, then a longer deck, then the byline or age.
					if after := nextLine(ls, next); after >= 0 && strongAnchor(ls[after].Kind) {
						score += 3.5
					}
				}
			}
		}
		if i > 0 && ls[i-1].Kind == LineBreadcrumb {
			score++ // breadcrumbs sit right above headlines
		}
		for j := i + 1; j < len(ls) && j < i+40; j++ {
			if ls[j].Text == l.Text && ls[j].Kind == LineText {
				score++ // pages repeat their headline (og:title, print header)
				break
			}
		}
		score -= 0.3 * float64(limit-i-1) / 2
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if bestScore < -0.5 {
		return -1 // only furniture-like candidates: a site name, an alt text
	}
	return best
}

// strongAnchor reports whether a line of this kind typically sits right
// under a headline.
func strongAnchor(k LineKind) bool {
	return k == LineAge || k == LineDateline || k == LineDate || k == LineByline || k == LineStamp
}

// nextLine returns the index of the first line after i that is not a URL
// or furniture, or -1.
func nextLine(ls []Line, i int) int {
	for j := i + 1; j < len(ls); j++ {
		switch ls[j].Kind {
		case LineURL, LineFurniture:
			continue
		}
		return j
	}
	return -1
}

// echo returns the share of the headline's longer words (four bytes or
// more) that come back in the text: the lead often restates the headline.
func echo(head, text string) float64 {
	n, hit := 0, 0
	for rest := head; rest != ""; {
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		w = strings.Trim(w, ",.:;!?\"'()")
		if len(w) < 4 {
			continue
		}
		n++
		if strings.Contains(text, w[:len(w)-1]) { // a crude stem
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// findZone returns where the article's body ends and the teaser zone
// begins, searching after the lead at li. The zone starts at a teaser-block
// header, after a trailing credit line, or at the first teaser shaped as
// prose followed by an age.
func findZone(ls []Line, li int) (bodyEnd, zone int) {
	for i := li + 1; i < len(ls); i++ {
		switch ls[i].Kind {
		case LineTeaserHeader:
			return i, i
		case LineCredits:
			return i + 1, i + 1
		case LineAge, LineStamp:
			if ls[i].Kind == LineStamp || i > li+1 {
				start := teaserStart(ls, li, i)
				if start > li {
					return start, start
				}
			}
		}
	}
	return len(ls), len(ls)
}

// teaserStart walks back from the age at k over the teaser it closes: a
// dateline paragraph or a headline, at most three lines back.
func teaserStart(ls []Line, li, k int) int {
	start := -1
	for j := k - 1; j > li && j >= k-3; j-- {
		l := &ls[j]
		if l.Kind == LineAge || l.Kind == LineStamp {
			break
		}
		if l.Kind == LineDateline || l.headlineLike() {
			start = j
		}
	}
	if start < 0 && k-1 > li && ls[k-1].Kind == LineText {
		start = k - 1
	}
	return start
}

// mergeWrapped joins the lines of hard-wrapped paragraphs (pages whose
// prose lines all stop near the same width) back into paragraphs.
func mergeWrapped(ls []Line) []Line {
	long, near, blanks, maxLen := 0, 0, 0, 0
	for i := range ls {
		n := len(ls[i].Text)
		if ls[i].BlankBefore {
			blanks++
		}
		if n >= 40 {
			long++
			if n >= 50 && n <= 100 {
				near++
			}
		}
		maxLen = max(maxLen, n)
	}
	if long < 5 || near*10 < long*7 || maxLen > 110 || blanks < 2 {
		return ls
	}
	out := ls[:0]
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		// Join prose lines until the next blank line.
		for (l.Kind == LineText || l.Kind == LineDateline) && len(l.Text) >= 40 &&
			i+1 < len(ls) && !ls[i+1].BlankBefore && ls[i+1].Kind == LineText {
			i++
			kind := l.Kind
			l = classify(l.Text+" "+ls[i].Text, l.BlankBefore)
			if kind == LineDateline {
				l.Kind = LineDateline
			}
		}
		out = append(out, l)
	}
	return out
}

// BriefHash returns the hash Segment gives a brief: the hex SHA-256 of
// its text normalised to lower-case letters and digits separated by single
// spaces, so that the same teaser with other punctuation, case or spacing
// hashes the same.
func BriefHash(text string) string {
	var buf [512]byte
	b := buf[:0]
	space := false
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && !isSpace(r) && r != 0x2019 && r != 0x201C && r != 0x201D && r != 0x2013 && r != 0x2014:
			r = toLower(r)
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
