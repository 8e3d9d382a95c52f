// Package similarity scores how closely two news articles report the same
// story, across languages and scripts, without machine translation: a
// small gradient-boosted model over complementary pair features (stemmed
// term cosines within a language, character n-grams of transliterated
// words, linked entity IDs, name keys, numbers, dates, places, the event
// clusterer's channels). The model is trained by this package's own code
// (Train) and the default one is embedded (DefaultModel).
//
// Typical use:
//
//	var c similarity.Corpus // rarity statistics; the zero value works
//	g, _ := similarity.EmbeddedGazetteer()
//	da, db := similarity.NewDoc(a, g), similarity.NewDoc(b, g)
//	c.Observe(da)
//	c.Observe(db)
//	s := similarity.DefaultModel().Score(&c, da, db) // about 1 (same story) .. 4 (unrelated), negated
//
// Articles should carry their derived layers (Mentions with entity IDs,
// Timexes, Events) as the ingest pipeline fills them; without them the
// name and date channels rely on the package's own capitalisation and
// number heuristics.
package similarity

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/analysis"
	"dateline/cluster"
	"dateline/model"
)

// Doc is what the pair features need of one article, computed once by
// NewDoc. Every bag maps a key to its (salience-weighted) count.
type Doc struct {
	// Lang is the article's language code.
	Lang string
	// Terms, TitleTerms and LeadTerms are the analysed content terms of
	// the whole text, the title and the title with the first sentences
	// (Han text: character bigrams).
	Terms, TitleTerms, LeadTerms map[string]float64
	// Words are the transliterated, folded keys of the text's words of
	// four or more letters (cluster.NameKey): they meet across languages
	// for names, numbers-with-units and cognates.
	Words map[string]float64
	// Char4 are character 4-grams of Words.
	Char4 map[string]float64
	// TitleWords and TitleChar4 are Words and Char4 of the title alone.
	TitleWords, TitleChar4 map[string]float64
	// Bigrams are pairs of adjacent content terms (within a sentence's
	// reach: stop words between them are skipped).
	Bigrams map[string]float64
	// Entities are linked entity IDs; TitleEntities those in the title.
	Entities, TitleEntities map[string]float64
	// Names are the word keys of names: linked and unlinked mentions and
	// capitalised word runs; TitleNames those of the title. NameGrams are
	// character trigrams of the name word keys.
	Names, TitleNames, NameGrams map[string]float64
	// Numbers are numbers of two or more digits (separators removed) that
	// are not years; Years the years 1900-2099.
	Numbers, Years map[string]float64
	// Days are the day-level values of the time expressions ("2020-04-24",
	// also as year-less "XXXX-04-24").
	Days map[string]float64
	// Places are the knowledge-base entities the Gazetteer finds in the
	// text (countries, capitals, leaders, organisations, in any script);
	// TitlePlaces those in the title.
	Places, TitlePlaces map[string]float64
	// Concepts are the generic news topics of the text (Gazetteer.Concepts);
	// LeadConcepts those of the title and lead.
	Concepts, LeadConcepts map[string]float64
	// Tokens is the number of word tokens.
	Tokens int
	// Cluster is the clusterer's view of the article (cluster.Extract).
	Cluster cluster.Features
	// TitleCluster is the clusterer's view of the title alone.
	TitleCluster cluster.Features
}

// NewDoc computes an article's Doc from its text and derived layers; g
// (nil: none) finds knowledge-base names in the raw text.
func NewDoc(a *model.Article, g *Gazetteer) *Doc {
	text := a.Text()
	title := strings.TrimSpace(a.Title)
	d := &Doc{Lang: a.Lang}
	d.Terms = terms(a.Lang, text)
	d.TitleTerms = terms(a.Lang, title)
	d.LeadTerms = terms(a.Lang, lead(title, strings.TrimSpace(a.Lead+"\n"+a.Body), a.Lang))
	d.Words, d.Char4 = words(text)
	d.Places, d.TitlePlaces = g.Find(text), g.Find(title)
	d.Concepts = g.Concepts(text)
	d.LeadConcepts = g.Concepts(lead(title, strings.TrimSpace(a.Lead+"\n"+a.Body), a.Lang))
	d.TitleWords, d.TitleChar4 = words(title)
	d.Bigrams = bigrams(a.Lang, text)
	toks := analysis.Tokenize(text)
	for _, t := range toks {
		if t.Kind == analysis.Word {
			d.Tokens++
		}
	}
	titleEnd := len(title)
	d.Entities, d.TitleEntities = map[string]float64{}, map[string]float64{}
	d.Names, d.TitleNames, d.NameGrams = map[string]float64{}, map[string]float64{}, map[string]float64{}
	addName := func(s string, inTitle bool) {
		for w := range strings.FieldsSeq(cluster.NameKey(s)) {
			if utf8.RuneCountInString(w) < 3 || isDigits(w) {
				continue
			}
			d.Names[w]++
			if inTitle {
				d.TitleNames[w]++
			}
			rs := []rune("^" + w + "$")
			for i := 0; i+3 <= len(rs); i++ {
				d.NameGrams[string(rs[i:i+3])]++
			}
		}
	}
	for _, m := range a.Mentions {
		inTitle := m.Start < titleEnd
		if m.EntityID != "" {
			d.Entities[m.EntityID]++
			if inTitle {
				d.TitleEntities[m.EntityID]++
			}
		}
		addName(m.Text, inTitle)
	}
	for _, r := range capRuns(text, toks, a.Lang) {
		addName(text[r[0]:r[1]], r[0] < titleEnd)
	}
	d.Numbers, d.Years = numbers(toks)
	d.Days = map[string]float64{}
	for _, tx := range a.Timexes {
		v := tx.Value
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			if !strings.HasPrefix(v, "XXXX") {
				d.Days[v]++
			}
			d.Days["XXXX"+v[4:]]++
		}
	}
	d.Cluster = cluster.Extract(a)
	ta := &model.Article{Lang: a.Lang, Title: title, Entities: a.Entities}
	for _, m := range a.Mentions {
		if m.End <= titleEnd {
			ta.Mentions = append(ta.Mentions, m)
		}
	}
	d.TitleCluster = cluster.Extract(ta)
	return d
}

// lead returns the title and the first three sentences of the body.
func lead(title, body, lang string) string {
	ss := analysis.Sentences(body, lang)
	end := len(body)
	if len(ss) > 3 {
		end = ss[2].End
	}
	return title + "\n" + body[:end]
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// terms returns the analysed terms of text; runs of Han characters give
// character bigrams (and single characters for one-character runs).
func terms(lang, text string) map[string]float64 {
	out := make(map[string]float64)
	var prev string
	for _, t := range analysis.For(lang).Terms(text) {
		r, n := utf8.DecodeRuneInString(t)
		if n == len(t) && isHan(r) {
			if prev != "" {
				out[prev+t]++
			}
			prev = t
			continue
		}
		prev = ""
		if utf8.RuneCountInString(t) < 2 && !isHan(r) {
			continue
		}
		out[t]++
	}
	return out
}

// bigrams returns the adjacent pairs of analysed terms of text (Han text:
// character trigrams).
func bigrams(lang, text string) map[string]float64 {
	out := make(map[string]float64)
	ts := analysis.For(lang).Terms(text)
	for i := 1; i < len(ts); i++ {
		out[ts[i-1]+" "+ts[i]]++
	}
	return out
}

// words returns the NameKey word bag of text (words of four or more
// runes) and its character 4-grams.
func words(text string) (map[string]float64, map[string]float64) {
	ws, c4 := make(map[string]float64), make(map[string]float64)
	for w := range strings.FieldsSeq(cluster.NameKey(text)) {
		rs := []rune(w)
		if len(rs) < 4 || isHan(rs[0]) {
			continue
		}
		ws[w]++
		for i := 0; i+4 <= len(rs); i++ {
			c4[string(rs[i:i+4])]++
		}
	}
	return ws, c4
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// numbers returns the numbers of two or more digits that are not years
// (separators removed; "3,5" and "3.5" both "35") and the years.
func numbers(toks []analysis.Token) (map[string]float64, map[string]float64) {
	nums, years := make(map[string]float64), make(map[string]float64)
	for _, t := range toks {
		if t.Kind != analysis.Number {
			continue
		}
		var b strings.Builder
		for _, r := range t.Text {
			if r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		s := strings.TrimLeft(b.String(), "0")
		if len(s) < 2 {
			continue
		}
		if len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && len(t.Text) == 4 {
			years[s]++
			continue
		}
		nums[s]++
	}
	return nums, years
}

// capRuns returns the byte spans of runs of capitalised words (Latin,
// Cyrillic, Greek scripts) that are not a sentence-initial stop word:
// names in languages without a name tagger.
func capRuns(text string, toks []analysis.Token, lang string) [][2]int {
	var out [][2]int
	upper := func(t analysis.Token) bool {
		if t.Kind != analysis.Word {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		return unicode.IsUpper(r)
	}
	for i := 0; i < len(toks); i++ {
		if !upper(toks[i]) {
			continue
		}
		initial := i == 0 || toks[i-1].Kind == analysis.Punct && strings.ContainsAny(toks[i-1].Text, ".!?:\"“”«»") ||
			strings.Contains(text[toks[i-1].End:toks[i].Start], "\n")
		j := i + 1
		for j < len(toks) && upper(toks[j]) && !strings.Contains(text[toks[j-1].End:toks[j].Start], "\n") {
			j++
		}
		first := strings.ToLower(toks[i].Text)
		stop := analysis.IsStopWord(lang, first) || analysis.IsStopWord("en", first)
		switch {
		case initial && j == i+1 && stop:
		case stop:
			if j > i+1 {
				out = append(out, [2]int{toks[i+1].Start, toks[j-1].End})
			}
		default:
			out = append(out, [2]int{toks[i].Start, toks[j-1].End})
		}
		i = j - 1
	}
	return out
}

// Corpus holds document frequencies of the Docs' keys: the rarity
// statistics of the pair features. The zero value is an empty corpus,
// under which every key weighs the same.
type Corpus struct {
	// N is the number of documents observed.
	N  int
	df map[string]int
	// Cluster holds the clusterer's rarity statistics of the same
	// documents.
	Cluster cluster.Stats
}

// channel prefixes of the document-frequency keys.
const (
	pTerm   = "t\x00"
	pBigram = "b\x00"
	pWord   = "w\x00"
	pChar   = "c\x00"
	pEnt    = "e\x00"
	pPlace  = "p\x00"
	pConc   = "k\x00"
	pName   = "n\x00"
	pGram   = "g\x00"
	pNumber = "#\x00"
)

// Observe counts a document's keys.
func (c *Corpus) Observe(d *Doc) {
	if c.df == nil {
		c.df = make(map[string]int)
	}
	c.N++
	for _, x := range []struct {
		p string
		m map[string]float64
	}{{pTerm, d.Terms}, {pBigram, d.Bigrams}, {pWord, d.Words}, {pChar, d.Char4}, {pEnt, d.Entities}, {pPlace, d.Places}, {pConc, d.Concepts}, {pName, d.Names},
		{pGram, d.NameGrams}, {pNumber, d.Numbers}} {
		for k := range x.m {
			c.df[x.p+k]++
		}
	}
	c.Cluster.Observe(&d.Cluster)
}

// idf is the smoothed inverse document frequency of a prefixed key.
func (c *Corpus) idf(key string) float64 {
	if c == nil || c.N == 0 {
		return 1
	}
	return math.Log(float64(c.N+1)/float64(c.df[key]+1)) + 1
}
