package clustereval

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/analysis"
	"dateline/model"
)

// Annotator fills an article's derived layers (Mentions with entity IDs,
// Timexes, Events) before the clusterer extracts its features. The eval
// commands take one so that they can measure the real pipeline (entity
// linker, timex, event coder) or the built-in Fallback.
type Annotator func(ctx context.Context, a *model.Article) error

// Fallback is the built-in annotator the evals use when no pipeline is
// given: capitalised word runs become mentions without entity IDs (the
// clusterer then keys them by cluster.NameKey), a preposition before the
// run marks it a place, and dates written out in the common European
// languages ("May 3, 2013", "3. Mai", "2013-05-03", "2020年4月24日",
// bare years) become DATE timexes, un-anchored ones with "XXXX" years. It
// adds no events. It is deliberately simple: a floor, not the pipeline.
func Fallback(ctx context.Context, a *model.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	text := a.Text()
	toks := analysis.Tokenize(text)
	a.Mentions = fallbackMentions(text, toks, a.Lang)
	a.Timexes = fallbackDates(text, toks)
	return nil
}

// placePreps precede place names in the languages of the eval sets.
var placePreps = map[string]bool{"in": true, "at": true, "near": true, "from": true, "aus": true, "nach": true,
	"bei": true, "im": true, "à": true, "dans": true, "en": true, "a": true, "nel": true, "nella": true, "w": true,
	"we": true, "z": true, "naar": true, "uit": true, "bij": true, "de": false, "desde": true}

// joiners may sit inside a multi-word name ("Bank of England", "Van der Bellen").
var joiners = map[string]bool{"of": true, "van": true, "der": true, "den": true, "von": true, "de": true,
	"del": true, "la": true, "al": true, "bin": true, "du": true, "des": true, "di": true, "da": true}

func isUpperWord(t analysis.Token) bool {
	if t.Kind != analysis.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func fallbackMentions(text string, toks []analysis.Token, lang string) []model.Mention {
	var out []model.Mention
	sent := 0
	for i := 0; i < len(toks); i++ {
		if !isUpperWord(toks[i]) {
			continue
		}
		initial := i == 0 || (toks[i-1].Kind == analysis.Punct && strings.ContainsAny(toks[i-1].Text, ".!?:\"“”")) ||
			strings.Contains(text[toks[i-1].End:toks[i].Start], "\n")
		j := i + 1
		for j < len(toks) {
			if isUpperWord(toks[j]) && !strings.Contains(text[toks[j-1].End:toks[j].Start], "\n") {
				j++
				continue
			}
			if j+1 < len(toks) && joiners[toks[j].Text] && isUpperWord(toks[j+1]) {
				j += 2
				continue
			}
			break
		}
		first := strings.ToLower(toks[i].Text)
		if initial && j == i+1 && (analysis.IsStopWord(lang, first) || analysis.IsStopWord("en", first)) {
			continue
		}
		if initial && j > i+1 && analysis.IsStopWord(lang, first) {
			i++ // "The Betty Ford Center": drop the article
		}
		typ := model.MISC
		if i > 0 && placePreps[strings.ToLower(toks[i-1].Text)] {
			typ = model.LOC
		}
		out = append(out, model.Mention{Text: text[toks[i].Start:toks[j-1].End], Type: typ,
			Start: toks[i].Start, End: toks[j-1].End, Sentence: sent})
		i = j - 1
	}
	return out
}

// months maps month names (and common abbreviations, genitive forms) of
// en, de, nl, fr, es, it, pl, ru, tr to their number.
var months = func() map[string]int {
	m := make(map[string]int)
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
		{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
		{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"},
	}
	for _, l := range lists {
		for i, n := range l {
			if _, ok := m[n]; !ok {
				m[n] = i + 1
			}
		}
	}
	m["sept"] = 9
	return m
}()

var (
	isoDate = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	dmyDate = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b`)
	hanDate = regexp.MustCompile(`(?:((?:19|20)\d\d)年)?(\d{1,2})月(\d{1,2})日`)
)

func fallbackDates(text string, toks []analysis.Token) []model.Timex {
	var out []model.Timex
	taken := make([]bool, len(text)+1)
	add := func(start, end int, v string) {
		if taken[start] {
			return
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		out = append(out, model.Timex{Text: text[start:end], Type: "DATE", Value: v, Start: start, End: end,
			Anchored: !strings.HasPrefix(v, "XXXX")})
	}
	for _, m := range isoDate.FindAllStringSubmatchIndex(text, -1) {
		add(m[0], m[1], text[m[0]:m[1]])
	}
	for _, m := range dmyDate.FindAllStringSubmatchIndex(text, -1) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
			add(m[0], m[1], fmt.Sprintf("%s-%02d-%02d", text[m[6]:m[7]], mo, d))
		}
	}
	for _, m := range hanDate.FindAllStringSubmatchIndex(text, -1) {
		y := "XXXX"
		if m[2] >= 0 {
			y = text[m[2]:m[3]]
		}
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
			add(m[0], m[1], fmt.Sprintf("%s-%02d-%02d", y, mo, d))
		}
	}
	num := func(i, lo, hi int) (int, bool) {
		if i < 0 || i >= len(toks) || toks[i].Kind != analysis.Number {
			return 0, false
		}
		n, err := strconv.Atoi(toks[i].Text)
		return n, err == nil && n >= lo && n <= hi
	}
	skipDot := func(i, dir int) int {
		if i >= 0 && i < len(toks) && (toks[i].Text == "." || toks[i].Text == ",") {
			return i + dir
		}
		return i
	}
	for i, t := range toks {
		if t.Kind != analysis.Word {
			continue
		}
		mo, ok := months[strings.ToLower(t.Text)]
		if !ok || (strings.EqualFold(t.Text, "may") && t.Text != "May") || strings.EqualFold(t.Text, "mar") && t.Text != "Mar" {
			continue
		}
		start, end := t.Start, t.End
		day, year := 0, 0
		if d, ok := num(skipDot(i-1, -1), 1, 31); ok { // "3 May", "3. Mai"
			day, start = d, toks[skipDot(i-1, -1)].Start
		}
		j := skipDot(i+1, 1)
		if day == 0 {
			if d, ok := num(j, 1, 31); ok { // "May 3"
				day, end = d, toks[j].End
				j = skipDot(j+1, 1)
			}
		}
		if y, ok := num(j, 1900, 2099); ok {
			year, end = y, toks[j].End
		}
		ys := "XXXX"
		if year > 0 {
			ys = strconv.Itoa(year)
		}
		switch {
		case day > 0:
			add(start, end, fmt.Sprintf("%s-%02d-%02d", ys, mo, day))
		case year > 0:
			add(start, end, fmt.Sprintf("%s-%02d", ys, mo))
		}
	}
	for _, t := range toks {
		if t.Kind == analysis.Number && len(t.Text) == 4 {
			if y, err := strconv.Atoi(t.Text); err == nil && y >= 1900 && y <= 2099 {
				add(t.Start, t.End, t.Text)
			}
		}
	}
	return out
}
