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
	// Generic lists the entity keys of generic actors (countries,
	// capitals, governments, armed forces, news agencies and media),
	// sorted: they alone do not make two events one story.
	Generic []string `json:"generic,omitempty"`
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

	kinds := make(map[string]string, len(a.Entities))
	for _, en := range a.Entities {
		kinds[en.ID] = en.Kind
	}
	ents, places, grams, generic := bag{}, bag{}, bag{}, bag{}
	for _, m := range a.Mentions {
		w := boost(m.Start)
		key := m.EntityID
		// Countries and capitals are the background of international news
		// (and adjectives such as "Russian" link to them): they count less
		// as actors; they count fully as places.
		ew := w * kindPrior(kinds[m.EntityID])
		nk := NameKey(m.Text)
		if key == "" {
			if nk == "" {
				continue
			}
			key = "k:" + nk
		}
		ents.add(key, ew)
		if genericKind(kinds[m.EntityID]) {
			generic.add(key, 1)
		}
		if m.Type == model.LOC {
			places.add(key, w)
		}
		if m.EntityID == "" && m.Type != model.LOC {
			// "Alexander Lukashenko" and a later "Lukashenko" share the surname.
			if i := strings.LastIndexByte(nk, ' '); i > 0 {
				ents.add("k:"+nk[i+1:], w/2)
			}
		}
		if !isKBID(m.EntityID) {
			// Names the knowledge base resolved already meet by ID; the
			// others meet across languages by their trigrams.
			for _, g := range trigrams(nk) {
				grams.add(g, w)
			}
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

	// Events weigh by where they are told: the title's and the lead's
	// events are what the article is about. The days of the main events
	// (those of the most salient dyads) become event-time keys.
	evs := bag{}
	mainSal := 0.0
	sal := make([]float64, len(a.Events))
	for i, e := range a.Events {
		sal[i] = 1
		if len(e.Sources) > 0 {
			start := e.Sources[0].Start
			for _, src := range e.Sources[1:] {
				start = min(start, src.Start)
			}
			sal[i] = boost(start)
		}
		mainSal = max(mainSal, sal[i])
	}
	mainDyads := mainEventDyads(a.Events, sal, min(mainSal, leadBoost))
	for i, e := range a.Events {
		w := sal[i]
		s, t := e.Source.Country, e.Target.Country
		if e.Type != "" {
			evs.add(e.Type+" "+s+">"+t, w)
		}
		if s != "" && t != "" && s != t {
			evs.add(dyadKey(s, t), w)
		}
		if e.Place != "" {
			places.add("k:"+NameKey(e.Place), 1)
		}
		addDate(dates, e.Date, 1)
		if e.DateEnd != "" && e.DateEnd != e.Date {
			addDate(dates, e.DateEnd, 1)
		}
		if mainDyads[dyadKey(s, t)] {
			addEventTime(dates, e.Date, e.DateEnd, w)
		}
	}
	for k := range mainDyads {
		if strings.IndexByte(k, '-') > 0 {
			evs.add(mainDyadPrefix+k, mainSal)
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
	for _, w := range generic.sorted() {
		f.Generic = append(f.Generic, w.Key)
	}
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

// mainDyadPrefix marks the event-channel keys of an article's main dyads
// (between two countries): "!BLR-CHN".
const mainDyadPrefix = "!"

// dyadKey is the undirected key of a country pair ("BLR-CHN"); a
// one-sided or domestic event keys by its one country.
func dyadKey(s, t string) string {
	if t < s {
		s, t = t, s
	}
	if s == "" || s == t {
		return t
	}
	return s + "-" + t
}

// mainEventDyads returns the dyads of the events told with salience of at
// least minSal (the title and the lead): those between two countries, or
// when there are none, the domestic and one-sided ones.
func mainEventDyads(evs []model.Event, sal []float64, minSal float64) map[string]bool {
	two, one := make(map[string]bool), make(map[string]bool)
	for i, e := range evs {
		if sal[i] < minSal {
			continue
		}
		k := dyadKey(e.Source.Country, e.Target.Country)
		if strings.IndexByte(k, '-') > 0 {
			two[k] = true
		} else {
			one[k] = true
		}
	}
	if len(two) > 0 {
		return two
	}
	return one
}

// isKBID reports whether an entity ID is a knowledge-base (Wikidata) ID,
// not one generated for a name the knowledge base does not know.
func isKBID(id string) bool {
	return len(id) > 1 && id[0] == 'Q' && id[1] >= '0' && id[1] <= '9'
}

// kindPrior is the weight of an entity kind in the actor channel.
func kindPrior(kind string) float64 {
	switch kind {
	case "country":
		return countryPrior
	case "capital":
		return capitalPrior
	case "agency", "media":
		return agencyPrior
	}
	return 1
}

// genericKind reports whether an entity kind names a generic actor: a
// country, its capital, its government or armed forces, a news agency or
// medium. Such actors appear in unrelated news of one country ("the
// German government" plans a relief package; the German chancellor visits
// Paris), so a story needs more than them in common.
func genericKind(kind string) bool {
	switch kind {
	case "country", "capital", "gov", "mil", "agency", "media":
		return true
	}
	return false
}

// Kind priors (tuned on ECB+ with the pipeline's annotation): countries
// and capitals are named in most international news, news agencies are
// credits, not actors.
const (
	countryPrior = 0.35
	capitalPrior = 0.6
	agencyPrior  = 0.2
)

// maxEventDays bounds the days a range expands to.
const maxEventDays = 14

// addEventTime adds the time keys of a main event's date (or range of
// dates): "E:2023-02-28" for a day with its year, "M:02-28" for its
// month and day (also when the year is unknown: "XXXX-02-28"), "W:2" for
// its ISO weekday (known from a full date, or given as "XXXX-WXX-2").
// Two reports of one event agree on these keys at the finest level both
// know (see EventTime).
func addEventTime(b bag, v, end string, w float64) {
	if len(v) >= 10 && v[4] == '-' && v[5] == 'W' {
		if d := v[len(v)-1]; len(v) == 10 && v[8] == '-' && d >= '1' && d <= '7' {
			b.add("W:"+string(d), w)
		}
		return
	}
	first, ok1 := parseDay(v)
	if !ok1 {
		return
	}
	last, ok2 := parseDay(end)
	if !ok2 || last.t.Before(first.t) || last.yearKnown != first.yearKnown {
		last = first
	}
	for d, n := first.t, 0; !d.After(last.t) && n < maxEventDays; d, n = d.AddDate(0, 0, 1), n+1 {
		b.add("M:"+d.Format("01-02"), w)
		if first.yearKnown {
			b.add("E:"+d.Format("2006-01-02"), w)
			b.add("W:"+strconv.Itoa((int(d.Weekday())+6)%7+1), w)
		}
	}
}

type evDay struct {
	t         time.Time
	yearKnown bool
}

// parseDay reads "2023-02-28" or "XXXX-02-28" (a year-less day is placed
// in a common year, which only serves to step through a range).
func parseDay(v string) (evDay, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return evDay{}, false
	}
	known := v[:4] != "XXXX"
	s := v[:10]
	if !known {
		s = "2001" + v[4:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return evDay{}, false
	}
	return evDay{t, known}, true
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
