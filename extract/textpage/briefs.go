package textpage

import (
	"strings"

	"dateline/model"
)

// SplitBriefs splits the lines of a teaser block (as text, one teaser
// line per element, in page order) into briefs, each with its dateline,
// text and age. It handles ages glued to the next teaser ("2 uur
// geledenGUAYAQUIL (ANP/AFP) - ..."), ages that follow their teaser and
// ages that precede it (whichever comes first in the block decides),
// headline + description teasers, image alt texts before a teaser's
// headline, inline "Lees ook: ..." links and block headers. A brief
// repeated in the block is kept once. The HTML extractor feeds it the text
// of teaser lists.
func (s *Segmenter) SplitBriefs(lines []string) []model.Brief {
	ls := make([]Line, 0, len(lines)+8)
	for _, t := range lines {
		ls = appendLines(ls, t)
	}
	return s.splitZone(nil, ls)
}

// SplitBriefs splits teaser lines into briefs with the zero Segmenter;
// see Segmenter.SplitBriefs.
func SplitBriefs(lines []string) []model.Brief {
	var s Segmenter
	return s.SplitBriefs(lines)
}

// isTerminator reports whether the kind ends (or, in leading mode, opens)
// a teaser: an age, a video stamp, a date.
func isTerminator(k LineKind) bool {
	return k == LineAge || k == LineStamp || k == LineDate
}

// isTeaserContent reports whether the kind carries teaser text.
func isTeaserContent(k LineKind) bool {
	return k == LineText || k == LineDateline
}

// splitZone cuts the lines of a teaser zone into briefs and appends them.
func (s *Segmenter) splitZone(out []model.Brief, ls []Line) []model.Brief {
	// Mode: do ages follow their teaser (the seed layout) or lead it?
	leading, terms := false, false
	decided := false
	for i := range ls {
		k := ls[i].Kind
		if isTerminator(k) {
			terms = true
			if !decided {
				leading, decided = true, true
			}
		} else if isTeaserContent(k) && !decided {
			decided = true
		}
	}
	start := -1 // first line of the open block
	hasDL, hasHead, hasProse := false, false, false
	var age *int64
	flush := func(end int, a *int64) {
		if start >= 0 && start < end {
			out = s.addBrief(out, ls[start:end], a)
		}
		start, hasDL, hasHead, hasProse = -1, false, false, false
	}
	for i := range ls {
		l := &ls[i]
		switch {
		case l.Kind == LineTeaserHeader:
			flush(i, age)
			age = nil
		case l.Kind == LineRelated:
			flush(i, age)
			age = nil
			r := *l
			r.Text, r.Kind = relatedText(r.Text), LineText
			out = s.addBrief(out, []Line{r}, nil)
		case isTerminator(l.Kind):
			var a *int64
			if l.Kind == LineAge {
				v := l.AgeSeconds
				a = &v
			}
			if leading {
				flush(i, age)
				age = a
			} else {
				flush(i, a)
			}
		case isTeaserContent(l.Kind):
			head := l.headlineLike()
			dl := l.Kind == LineDateline
			switch {
			case start < 0:
			case dl && hasDL:
				// A second dateline: the teaser before had no age.
				flush(i, age)
				if leading {
					age = nil
				}
			case !terms && (dl || head) && (hasDL || hasHead):
				// No ages at all: each headline or dateline opens a teaser.
				flush(i, nil)
			case !terms && dl && hasProse:
				flush(i, nil)
			}
			if start < 0 {
				start = i
			}
			hasDL = hasDL || dl
			hasHead = hasHead || head
			hasProse = hasProse || !head
		}
	}
	flush(len(ls), age)
	return out
}

// addBrief turns the lines of one teaser into a brief and appends it
// unless it is too short or already there. Prose before the teaser's
// headline or dateline is an image's alt text and is dropped; a repeated
// line is kept once.
func (s *Segmenter) addBrief(out []model.Brief, ls []Line, age *int64) []model.Brief {
	dl, head := -1, -1
	for i := range ls {
		if ls[i].Kind == LineDateline && dl < 0 {
			dl = i
		}
		if ls[i].headlineLike() && head < 0 {
			head = i
		}
	}
	from := 0
	switch {
	case dl >= 0 && head >= 0 && head < dl:
		from = head
	case dl >= 0:
		from = dl
	case head >= 0:
		from = head
	}
	var b model.Brief
	var sb strings.Builder
	prev := ""
	for i := from; i < len(ls); i++ {
		l := &ls[i]
		if !isTeaserContent(l.Kind) {
			continue
		}
		text := l.Text
		if i == dl {
			d, rest, _ := ParseDateline(text)
			b.Dateline = d
			text = rest
		}
		text = cleanSpaces(text)
		if text == "" || text == prev {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(text)
		prev = text
	}
	b.Text = sb.String()
	minWords := s.MinBriefWords
	if minWords <= 0 {
		minWords = 3
	}
	if countWords(b.Text) < minWords {
		return out
	}
	b.AgeSeconds = age
	b.Hash = BriefHash(b.Text)
	for i := range out {
		if out[i].Hash == b.Hash {
			return out
		}
	}
	return append(out, b)
}
