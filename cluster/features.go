package cluster

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/analysis"
	"dateline/model"
)

// Weighted is one feature key with its weight in an article (a salience-
// weighted count; the Engine multiplies it by the key's rarity).
type Weighted struct {
	Key string  `json:"k"`
	W   float64 `json:"w"`
}

// Features is what the clusterer knows of an article: language-independent
// signals (entities, places, dates, event keys, numbers, name n-grams) and
// the language's own stemmed content terms. It is computed once per article
// by Extract and is small enough to be stored beside the article. Every
// slice is sorted by key and holds each key once.
type Features struct {
	// Lang is the article's language code.
	Lang string `json:"lang"`
	// Time places the article in the stream: its publication time, or the
	// fetch time. The zero Time means undated (all undated articles share
	// one time bucket).
	Time time.Time `json:"time"`
	// Title is kept to name clusters and stories.
	Title string `json:"title,omitempty"`
	// Entities are linked entity IDs ("Q1747"), or "k:"+NameKey for
	// unlinked names.
	Entities []Weighted `json:"entities,omitempty"`
	// Places are entity IDs or name keys of the dateline place, LOC
	// mentions and event places.
	Places []Weighted `json:"places,omitempty"`
	// Dates are event dates at several granularities: "2023-02-28",
	// "2023-02", "2023" and the year-less "XXXX-02-28", so that an
	// un-anchored "February 28" still meets the anchored date; the days of
	// coded events also as "E:2023-02-28".
	Dates []Weighted `json:"dates,omitempty"`
	// Events are PLOVER event keys "CONSULT BLR>CHN" and undirected dyads
	// "BLR-CHN".
	Events []Weighted `json:"events,omitempty"`
	// Numbers are numbers of two or more digits, separators removed
	// (years are dates, not numbers).
	Numbers []Weighted `json:"numbers,omitempty"`
	// Grams are character trigrams of the names' keys: they link
	// inflected and differently transcribed names across languages.
	Grams []Weighted `json:"grams,omitempty"`
	// Terms are the analysed content terms, "lang:stem".
	Terms []Weighted `json:"terms,omitempty"`
}

// Salience boosts: a name or term in the title counts more than one in the
// body, as in most news clustering systems.
const (
	titleBoost = 3.0
	leadBoost  = 2.0
)

// Extract computes an article's Features from its title, lead and body
// (never its briefs: teasers must not pull articles together) and the
// derived layers: Mentions (entity IDs, or name keys when unlinked),
// Timexes and Events. It reads nothing else and has no side effects.
func Extract(a *model.Article) Features {
	f := Features{Lang: a.Lang, Title: strings.TrimSpace(a.Title)}
	switch {
	case !a.Published.IsZero():
		f.Time = a.Published.Time.UTC()
	case !a.Fetched.IsZero():
		f.Time = a.Fetched.Time.UTC()
	}
	text := a.Text()
	// Byte offsets of the lead and body within Text(), for salience.
	titleEnd, leadEnd := sectionEnds(a)
	boost := func(off int) float64 {
		switch {
		case off < titleEnd:
			return titleBoost
		case off < leadEnd:
			return leadBoost
		}
		return 1
	}

	ents, places, grams := bag{}, bag{}, bag{}
	for _, m := range a.Mentions {
		w := boost(m.Start)
		key := m.EntityID
		nk := NameKey(m.Text)
		if key == "" {
			if nk == "" {
				continue
			}
			key = "k:" + nk
		}
		ents.add(key, w)
		if m.Type == model.LOC {
			places.add(key, w)
		}
		if m.EntityID == "" && m.Type != model.LOC {
			// "Alexander Lukashenko" and a later "Lukashenko" share the surname.
			if i := strings.LastIndexByte(nk, ' '); i > 0 {
				ents.add("k:"+nk[i+1:], w/2)
			}
		}
		for _, g := range trigrams(nk) {
			grams.add(g, w)
		}
	}
	if p := NameKey(a.Dateline.Place); p != "" {
		places.add("k:"+p, titleBoost)
	}

	dates := bag{}
	for _, t := range a.Timexes {
		if t.Type != "DATE" && t.Type != "TIME" {
			continue
		}
		addDate(dates, t.Value, boost(t.Start))
		if t.EndValue != "" && t.EndValue != t.Value {
			addDate(dates, t.EndValue, boost(t.Start))
		}
	}

	evs := bag{}
	for _, e := range a.Events {
		s, t := e.Source.Country, e.Target.Country
		if e.Type != "" {
			evs.add(e.Type+" "+s+">"+t, 1)
		}
		if s != "" && t != "" && s != t {
			if t < s {
				s, t = t, s
			}
			evs.add(s+"-"+t, 1)
		}
		if e.Place != "" {
			places.add("k:"+NameKey(e.Place), 1)
		}
		addDate(dates, e.Date, 1)
		addEventDay(dates, e.Date)
		if e.DateEnd != "" && e.DateEnd != e.Date {
			addDate(dates, e.DateEnd, 1)
			addEventDay(dates, e.DateEnd)
		}
	}

	terms, nums := bag{}, bag{}
	an := analysis.For(a.Lang)
	for _, tok := range an.Analyze(text) {
		w := boost(tok.Start)
		if tok.Kind == analysis.Number {
			if n := normNumber(tok.Text); n != "" {
				nums.add(n, w)
			}
			continue
		}
		if utf8.RuneCountInString(tok.Text) < 2 && !isHan(tok.Text) {
			continue
		}
		if isHan(tok.Text) {
			// Chinese and Japanese run words together: use character bigrams.
			rs := []rune(tok.Text)
			for i := 0; i+1 < len(rs); i++ {
				terms.add(a.Lang+":"+string(rs[i:i+2]), w)
			}
			continue
		}
		terms.add(a.Lang+":"+tok.Text, w)
	}

	f.Entities, f.Places, f.Dates = ents.sorted(), places.sorted(), dates.sorted()
	f.Events, f.Numbers, f.Grams, f.Terms = evs.sorted(), nums.sorted(), grams.sorted(), terms.sorted()
	return f
}

// sectionEnds returns the byte offsets in a.Text() where the title and the
// lead end.
func sectionEnds(a *model.Article) (titleEnd, leadEnd int) {
	t, l := strings.TrimSpace(a.Title), strings.TrimSpace(a.Lead)
	if t != "" {
		titleEnd = len(t)
	}
	leadEnd = titleEnd
	if l != "" {
		if titleEnd > 0 {
			leadEnd += 2
		}
		leadEnd += len(l)
	}
	return titleEnd, leadEnd
}

// addDate adds a TIMEX3 date value at its granularities.
func addDate(b bag, v string, w float64) {
	if len(v) < 4 {
		return
	}
	y := v[:4]
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	yearOK := digits(y)
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-' && digits(v[5:7]) && digits(v[8:10]):
		md := v[5:10]
		b.add("XXXX-"+md, w)
		if yearOK {
			b.add(v[:10], w)
			b.add(v[:7], w/2)
			b.add(y, w/4)
		}
	case len(v) >= 7 && v[4] == '-' && digits(v[5:7]):
		if yearOK {
			b.add(v[:7], w/2)
			b.add(y, w/4)
		}
	case len(v) == 4 && yearOK:
		b.add(y, w/2)
	}
}

// addEventDay adds the "E:2023-02-28" key of a coded event's day: two
// articles whose coded events fall on different days report different
// events (see Similarity.EventDayConflict).
func addEventDay(b bag, v string) {
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' {
		b.add("E:"+v[:10], 1)
	}
}

// normNumber returns a number's digits when it has two or more and is not
// a year-like four-digit number (1900..2099), else "".
func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) < 2 {
		return ""
	}
	if len(d) == 4 && (strings.HasPrefix(d, "19") || strings.HasPrefix(d, "20")) && !strings.ContainsAny(s, ".,") {
		return ""
	}
	if n, err := strconv.Atoi(d); err == nil && n < 10 {
		return ""
	}
	return d
}

// trigrams returns the padded character trigrams of a name key's words.
func trigrams(key string) []string {
	var out []string
	for _, w := range strings.Fields(key) {
		rs := []rune("_" + w + "_")
		for i := 0; i+3 <= len(rs); i++ {
			out = append(out, string(rs[i:i+3]))
		}
	}
	return out
}

func isHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// bag accumulates weighted keys.
type bag map[string]float64

func (b bag) add(k string, w float64) {
	if k != "" && w > 0 {
		b[k] += w
	}
}

// sorted returns the bag as a key-sorted slice.
func (b bag) sorted() []Weighted {
	if len(b) == 0 {
		return nil
	}
	out := make([]Weighted, 0, len(b))
	for k, w := range b {
		out = append(out, Weighted{k, w})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
