package htmlpage

import (
	"regexp"
	"strings"
)

// bylineLine matches a short line naming the author ("By Jane Doe", "Von
// Max Muster", "Par ...", "Door ...") or carrying the publication date or
// time: the furniture printed between a headline and the story.
var (
	bylineStart = regexp.MustCompile(`(?i)^(by|written by|posted by|words by|von|par|por|door|di|da|av|af|od|от|автор)\s+\S`)
	dateMention = regexp.MustCompile(`(?i)\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januari|februari|maart|mei|augustus|oktober)[a-zé]*\b|\b\d{1,2}:\d{2}\b`)
)

// trimHead removes the page furniture trafilatura sometimes keeps before
// the story: the headline (or a variant of one of the page's titles), a
// kicker line above it, a bare URL, and byline or date lines after it.
func trimHead(paras []string, titles []string) []string {
	limit := min(4, len(paras))
	k := -1
	for i := 0; i < limit; i++ {
		if titleLike(paras[i], titles) {
			k = i
		}
	}
	for i := 0; i < k; i++ {
		// Only short headline-like lines may stand above the headline.
		if !isURL(paras[i]) && (len(strings.Fields(paras[i])) > 12 || !headlineLike(paras[i])) {
			k = -1
			break
		}
	}
	start := k + 1
	for start < len(paras) && start < k+4 && isURL(paras[start]) {
		start++
	}
	if k >= 0 {
		for n := 0; n < 2 && start < len(paras)-1 && bylineLike(paras[start]); n++ {
			start++
		}
	}
	if start >= len(paras) {
		return paras
	}
	return paras[start:]
}

// titleLike reports whether p is one of the page's titles, up to spacing,
// case and punctuation, a site name after a separator, or a word or two
// changed (Open Graph titles are often shortened).
func titleLike(p string, titles []string) bool {
	if !headlineLike(p) {
		return false
	}
	sp := squash(p)
	if sp == "" {
		return false
	}
	pw := wordSet(p)
	for _, t := range titles {
		for _, part := range titleParts(t) {
			st := squash(part)
			if st == "" {
				continue
			}
			if st == sp {
				return true
			}
			if len(pw) >= 3 && jaccard(pw, wordSet(part)) >= 0.7 {
				return true
			}
		}
	}
	return false
}

// titleParts returns a title and, when it has separators ("Story | Site",
// "Site - Story"), its parts of three words or more.
func titleParts(t string) []string {
	out := []string{t}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » "} {
		if !strings.Contains(t, sep) {
			continue
		}
		for _, part := range strings.Split(t, sep) {
			if len(strings.Fields(part)) >= 3 {
				out = append(out, part)
			}
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) }) {
		set[w] = true
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// isURL reports whether p is a bare web address.
func isURL(p string) bool {
	p = strings.TrimSpace(p)
	return !strings.ContainsAny(p, " \t") && (strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "www."))
}

// bylineLike reports whether p is a short byline or date line: it opens
// with "By ..." or is mostly a date and time.
func bylineLike(p string) bool {
	if len(strings.Fields(p)) > 12 {
		return false
	}
	if bylineStart.MatchString(p) || strings.Contains(strings.ToLower(p), " by ") && dateMention.MatchString(p) && !strings.HasSuffix(p, ".") {
		return true
	}
	if !dateMention.MatchString(p) && !hasMonth(p) {
		return false
	}
	// Mostly a date: at most two words that are not numbers, month or
	// weekday names or date fillers ("at", "de", "um").
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !isWordRune(r) }) {
		if !isDigits(w) && !dateWords[w] && !dateWords[strings.TrimSuffix(w, ".")] {
			n++
		}
	}
	return n <= 2
}

func hasMonth(p string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !isWordRune(r) }) {
		if dateWords[w] && len(w) > 3 {
			return true
		}
	}
	return false
}

// dateWords are month and weekday names and their abbreviations, the
// fillers of written dates, and time words, in the languages Dateline
// reads most.
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`jan feb mar apr may jun jul aug sep sept oct nov dec
		january february march april june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
		janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo
		janeiro fevereiro março maio junho julho setembro outubro novembro dezembro segunda terça quarta quinta sexta feira sábado
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica
		januari februari maart mei augustus maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
		am pm a m p m et est edt pst pdt cet cest gmt utc bst ist
		at on of the de del às as a um uhr le el h hrs updated published posted aktualisiert veröffentlicht publié publicado actualizado bijgewerkt gepubliceerd`) {
		m[w] = true
	}
	return m
}()

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// quoted reports whether p reports speech (opens with a quotation mark or
// holds a quotation): a call to action inside a quote is the story's.
func quoted(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return false
	}
	switch []rune(p)[0] {
	case '"', '“', '„', '«', '»', '‘', '\'', '「', '『':
		return true
	}
	return strings.Contains(p, "“") && strings.Contains(p, "”")
}

// ctaHint matches the vocabulary of calls to action that close news pages:
// newsletter and subscription offers, "follow us" lines, app and podcast
// plugs, "click here", membership appeals, in the languages Dateline
// reads most.
var ctaHint = regexp.MustCompile(`(?i)subscribe (to|now|here|today)|for as little as|use (the )?(promo |coupon )?code|free trial|get (unlimited |full |digital )?access to|sign(ing)?[ -]up (for|to|now|here|today)|click here|tap here|download (the|our)\b|\bour app\b|follow (us|me|him|her|them|\w+) on\b|on (twitter|facebook|instagram) @|\blisten (live|back|now)\b|\bjoin (us|our|the conversation|now)\b|if you (enjoyed|liked|value|appreciate)|support (our|us)\b|become a (member|subscriber|supporter)|\bpaywall|have a (news )?tip\b|error processing|thanks for (signing|subscribing)|abonn(ez|ieren sie)|inscreva-se|assine (já|agora)|suscr[ií]bete|iscriviti|zapisz się|подпишитесь|volg ons|folgen sie uns|folge uns|suivez[- ]nous|s[ií]guenos|siga-nos|seguici|klicken sie hier|hier klicken|cliquez ici|haga clic aquí|clique aqui|clicca qui|klik hier|melden sie sich|meld je aan|inscrivez-vous|regístrate|cadastre-se`)

// ctaWord matches words that make a call to action of a short paragraph
// ("Pick Six Newsletter", "Get the day's headlines in your inbox"), but
// that a story may also use.
var ctaWord = regexp.MustCompile(`(?i)newsletter|subscri(be|bing|ption|ber)|sign(ing)?[ -]up\b|\binbox\b|abonn|assinatura|suscripci|подписк|\bpodcast\b`)

// isCTA reports whether p reads as a call to action: a telling phrase in a
// paragraph of up to 80 words, or a telling word in one of up to 30, and
// not inside a quotation.
func isCTA(p string, maxWords int) bool {
	words := len(strings.Fields(p))
	if words > maxWords || quoted(p) {
		return false
	}
	return ctaHint.MatchString(p) || words <= min(30, maxWords) && ctaWord.MatchString(p)
}

// adLabels are whole paragraphs that only label an advertisement or ask
// the reader to scroll on.
var adLabels = map[string]bool{
	"advertisement": true, "advertisements": true, "advertising": true, "ad": true, "sponsored": true,
	"continuereadingbelow": true, "storycontinuesbelow": true, "articlecontinuesbelow": true,
	"contentcontinuesbelow": true, "continuereadingthemainstory": true, "scrolltocontinuewithcontent": true,
	"anzeige": true, "werbung": true, "weiterlesennachderanzeige": true, "publicité": true, "publicidad": true,
	"publicidade": true, "pubblicità": true, "advertentie": true, "reklame": true, "reklama": true, "реклама": true,
}

// dropAdLabels removes advertisement labels and "continue reading below"
// lines from anywhere in the text.
func dropAdLabels(paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if len(p) < 60 && adLabels[squash(p)] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// trimTail removes the furniture trafilatura keeps after the story: calls
// to action (newsletters, subscriptions, "follow us", "click here"), byline
// and date lines, shortcodes, and short labels heading them. It walks back
// from the end and stops at the first paragraph of the story; it never
// removes more than eight paragraphs nor the first one.
func trimTail(paras []string) []string {
	return paras[:len(paras)-len(trimmedTail(paras))]
}

// trimmedTail returns the paragraphs trimTail removes.
func trimmedTail(paras []string) []string {
	end := len(paras)
	for i := len(paras) - 1; i > 0 && len(paras)-i <= 8; i-- {
		p := paras[i]
		words := len(strings.Fields(p))
		switch {
		case isCTA(p, 80):
		case bylineLike(p):
		case shortcode.MatchString(p):
		case words <= 5 && i+1 == end && end < len(paras) && !strings.HasSuffix(p, "."):
			// a label ("Something to consider") over removed furniture
		case words <= 25 && i+1 == end && ctaStrong(paras[i-1]):
			// a blurb between two calls to action
		default:
			return paras[end:]
		}
		end = i
	}
	return paras[end:]
}

// ctaStrong reports whether p is a short call to action.
func ctaStrong(p string) bool { return isCTA(p, 40) }

// shortcode matches an unrendered CMS shortcode ("[button link=...]").
var shortcode = regexp.MustCompile(`^\[/?[a-z_]+( [a-z_]+=[^\]]*)?\]`)

// preferPublisherBody returns the page's JSON-LD articleBody as paragraphs
// when the extraction holds less than half of its words: the publisher's
// own statement of the story then beats a fragment. A truncated
// articleBody (ending in an ellipsis) or a short one is never preferred.
func preferPublisherBody(paras []string, body string) []string {
	body = strings.TrimSpace(body)
	if body == "" || strings.HasSuffix(body, "...") || strings.HasSuffix(body, "…") {
		return paras
	}
	want := len(strings.Fields(body))
	if want < 80 {
		return paras
	}
	have := 0
	for _, p := range paras {
		have += len(strings.Fields(p))
	}
	if have*2 >= want {
		return paras
	}
	return strings.Split(body, "\n\n")
}
