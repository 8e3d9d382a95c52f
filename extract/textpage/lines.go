package textpage

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LineKind is what a line of a page is, judged on the line alone.
type LineKind uint8

// Line kinds. Everything but LineText, LineDateline and LineRelated is page
// furniture or a marker that never reaches an article's body.
const (
	LineText         LineKind = iota // prose, a headline or a teaser
	LineBlank                        // empty
	LineDateline                     // prose that opens with a dateline: "BEIJING (ANP/RTR) - ..."
	LineAge                          // a relative age: "2 uur geleden", "Politics5 hours ago"
	LineStamp                        // a video duration, maybe after a date: "January 31, 202302:53 min"
	LineDate                         // a date line: "25 February 2023", "Published 25.02.2023 14:03"
	LineCaption                      // an image caption or credit: "...Image: BelTA/TASS", "Foto: ANP"
	LineURL                          // a link: "https://p.dw.com/p/4Ny7K"
	LineBreadcrumb                   // a category path: "PoliticsChina", "Home > News > World"
	LineFurniture                    // skip links, share prompts, cookie notices, navigation
	LineTeaserHeader                 // the header of a teaser block: "Meer uit Buitenland", "Related"
	LineRelated                      // an inline teaser: "Lees ook: ...", "À lire aussi : ..."
	LineCredits                      // trailing credits: "tg/ar (AFP, Reuters)", "Bron: ANP"
	LineByline                       // "By Jane Doe", "Door Piet Jansen", "Von Anna Schmidt"
	LineMeta                         // a metadata header: " date 2023-02-25"
)

var kindNames = [...]string{"text", "blank", "dateline", "age", "stamp", "date", "caption", "url",
	"breadcrumb", "furniture", "teaser-header", "related", "credits", "byline", "meta"}

// String returns the kind's name.
func (k LineKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Line is one line of a page after segmentation: text glued together on
// the page ("2 uur geledenGUAYAQUIL (ANP/AFP) - ...") is split into two
// Lines.
type Line struct {
	// Text is the trimmed line.
	Text string
	Kind LineKind
	// AgeSeconds is the age a LineAge gives.
	AgeSeconds int64
	// BlankBefore says a blank line (or the page start) precedes the line.
	BlankBefore bool

	words int
	end   ending
}

// headlineLike reports whether the line could be a headline: a few words
// and no sentence-ending period or colon.
func (l *Line) headlineLike() bool {
	return (l.Kind == LineText) && (l.end == endNone || l.end == endQuestion) &&
		l.words >= 2 && l.words <= 25 && len(l.Text) <= 250
}

// Lines splits a page into classified lines. Blank lines are not
// returned; the line after one has BlankBefore set. A relative age glued
// to the teaser after it is split off as its own LineAge.
func Lines(page string) []Line {
	return appendLines(make([]Line, 0, 16+strings.Count(page, "\n")), page)
}

func appendLines(out []Line, page string) []Line {
	blank := true
	first := true
	for page != "" {
		raw := page
		if i := strings.IndexByte(page, '\n'); i >= 0 {
			raw, page = page[:i], page[i+1:]
		} else {
			page = ""
		}
		s := trimSpace(raw)
		if s == "" {
			blank = true
			continue
		}
		if first {
			first = false
			if _, rest, ok := parseMeta(s); ok {
				out = append(out, Line{Text: trimSpace(s[:len(s)-len(rest)]), Kind: LineMeta, BlankBefore: true})
				if rest == "" {
					continue
				}
				s = rest
			}
		}
		// An age glued to the teaser after it.
		if c := s[0]; c >= '0' && c <= '9' || c == 'a' || c == 'A' || c == 'e' || c == 'E' || c == 'v' || c == 'V' || c == 'i' || c == 'I' || c == 'o' || c == 'O' {
			if end, secs, ok := ageAt(s); ok && end < len(s) {
				rest := trimSpace(s[end:])
				if s[end] != ' ' || startsDateline(rest) {
					out = append(out, Line{Text: s[:end], Kind: LineAge, AgeSeconds: secs, BlankBefore: blank})
					blank = false
					s = rest
				}
			}
		}
		out = append(out, classify(s, blank))
		blank = false
	}
	return out
}

// startsDateline is a cheap ParseDateline for the split decision.
func startsDateline(s string) bool {
	_, _, ok := ParseDateline(s)
	return ok
}

// Classify returns the kind of one line as it stands (no splitting).
func Classify(line string) LineKind {
	return classify(trimSpace(line), false).Kind
}

// classify builds the Line for trimmed text s.
func classify(s string, blank bool) Line {
	l := Line{Text: s, BlankBefore: blank, words: countWords(s)}
	l.end, _ = lineEnding(s)
	l.Kind, l.AgeSeconds = kindOf(s, l.words, l.end)
	return l
}

func kindOf(s string, words int, end ending) (LineKind, int64) {
	if s == "" {
		return LineBlank, 0
	}
	short := len(s) <= 80
	if len(s) <= 20 {
		if secs, ok := ParseAge(s); ok {
			return LineAge, secs // "gisteren", "yesterday", "2h ago"
		}
	}
	if short {
		if start, secs, ok := findAge(s); ok && (start == 0 || ageLabel(s[:start])) {
			return LineAge, secs
		}
		if _, rest, ok := parseMeta(s); ok && rest == "" {
			return LineMeta, 0
		}
	}
	if words <= 12 {
		if k, ok := stampOrDate(s); ok {
			return k, 0
		}
	}
	if isURL(s, words) {
		return LineURL, 0
	}
	if _, _, ok := ParseDateline(s); ok {
		return LineDateline, 0
	}
	if isCaption(s, words) {
		return LineCaption, 0
	}
	if words <= 12 && len(s) <= 120 {
		if ParseCredits(s) != nil {
			return LineCredits, 0
		}
	}
	if len(s) <= 160 {
		var buf [192]byte
		low := lowerKey(buf[:0], s)
		if k, ok := phraseKind(low, words, end, s); ok {
			return k, 0
		}
		if words <= 8 && isBreadcrumb(s, words, end) {
			return LineBreadcrumb, 0
		}
		if isByline(low, s, words, end) {
			return LineByline, 0
		}
	} else if strings.Contains(s, "ookie") && words <= 60 && cookieNotice(s) {
		return LineFurniture, 0
	}
	return LineText, 0
}

// stampOrDate recognises date lines, durations and the two glued.
func stampOrDate(s string) (LineKind, bool) {
	rest := s
	for _, p := range datePrefixes {
		if hasPrefixFold(rest, p) {
			rest = strings.TrimLeft(rest[len(p):], " :")
			break
		}
	}
	if _, end, ok := parseDateTime(rest); ok {
		r := strings.TrimLeft(rest[end:], " |·-,")
		if r == "" {
			return LineDate, true
		}
		if e, ok := parseDuration(r); ok && trimSpace(r[e:]) == "" {
			return LineStamp, true
		}
		return 0, false
	}
	if e, ok := parseDuration(s); ok && trimSpace(s[e:]) == "" {
		return LineStamp, true
	}
	for _, p := range [...]string{"video ", "audio "} {
		if hasPrefixFold(s, p) {
			if e, ok := parseDuration(s[len(p):]); ok && trimSpace(s[len(p)+e:]) == "" {
				return LineStamp, true
			}
		}
	}
	return 0, false
}

// datePrefixes open a line that states when the article appeared.
var datePrefixes = [...]string{
	"published on", "published", "updated on", "last updated", "updated", "posted",
	"gepubliceerd op", "gepubliceerd", "laatst bijgewerkt", "bijgewerkt op", "bijgewerkt", "geplaatst",
	"veröffentlicht am", "veröffentlicht", "aktualisiert am", "aktualisiert", "stand:", "stand",
	"publié le", "publié", "mis à jour le", "mis à jour", "modifié le",
}

// updatePrefixes are the datePrefixes that give a modification time.
func isUpdateLine(s string) bool {
	for _, p := range [...]string{"updated", "last updated", "laatst bijgewerkt", "bijgewerkt", "aktualisiert", "stand", "mis à jour", "modifié"} {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

// isURL spots links and short URLs standing alone.
func isURL(s string, words int) bool {
	if words != 1 {
		return false
	}
	if hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.") {
		return true
	}
	dot := strings.IndexByte(s, '.')
	slash := strings.IndexByte(s, '/')
	return dot > 0 && slash > dot && slash < len(s)-1 && !strings.ContainsAny(s, "()")
}

// captionMarkers are the credit markers of image captions, matched as
// written (a glued "PutinImage: BelTA" still shows "Image:").
var captionMarkers = [...]string{
	"Image:", "Images:", "Photo:", "Photos:", "Picture:", "Foto:", "Foto's:", "Fotos:", "Beeld:",
	"Bild:", "Bildquelle:", "Credit:", "Credits:", "Crédit:", "Crédits:",
	"Afbeelding:", "Illustration:", "Illustratie:", "Copyright:", "Video:",
}

// isCaption spots image captions and photo credits.
func isCaption(s string, words int) bool {
	if words > 45 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := strings.IndexByte(s[i:], ':')
		if c < 0 {
			break
		}
		i += c
		head := s[:i+1]
		for _, m := range captionMarkers {
			if strings.HasSuffix(head, m) {
				if m == "Video:" && len(head) == len(m) {
					continue // "Video: ..." teasers are handled as related
				}
				return true
			}
		}
	}
	if words <= 12 {
		if strings.Contains(s, "Crédit photo") {
			return true
		}
		for _, m := range [...]string{"Getty Images", "picture alliance", "picture-alliance", "Hollandse Hoogte", "Shutterstock", "AFP via Getty", "ANP Foto", "EPA-EFE", "REUTERS/", "AP Photo", "Reuters/", "/ANP", "/AFP", "/dpa"} {
			if strings.Contains(s, m) {
				return true
			}
		}
	}
	return false
}

// isBreadcrumb spots category paths: "Home > News > World", "Nieuws |
// Buitenland", and the glued "PoliticsChina" of pages that lost the space
// between link texts.
func isBreadcrumb(s string, words int, end ending) bool {
	if end != endNone || hasDigit(s) {
		return false
	}
	for _, sep := range [...]string{" > ", " › ", " » ", " | ", " / ", " · "} {
		if strings.Contains(s, sep) {
			return true
		}
	}
	if words > 2 || len(s) > 40 {
		return false
	}
	// A lower-case letter directly followed by an upper-case one, after a
	// capitalised word of three letters or more: "PoliticsChina".
	prev := rune(0)
	run := 0
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) && run >= 3 {
			return unicode.IsUpper(firstRune(s))
		}
		if unicode.IsLetter(r) {
			run++
		} else {
			run = 0
		}
		if unicode.IsUpper(r) {
			run = 1
		}
		prev = r
	}
	return false
}

// bylinePrefixes open a byline.
var bylinePrefixes = [...]string{"by ", "door ", "von ", "par ", "text: ", "tekst: ", "texte : ", "van onze ", "from our "}

// isByline spots "By Jane Doe", "Door Piet Jansen", "Von Anna Schmidt".
func isByline(low []byte, s string, words int, end ending) bool {
	if words < 2 || words > 8 || end == endSentence || end == endQuestion {
		return false
	}
	for _, p := range bylinePrefixes {
		if bytes.HasPrefix(low, []byte(p)) {
			r := firstRune(trimSpace(s[len(p):]))
			return unicode.IsUpper(r) || p == "van onze " || p == "from our "
		}
	}
	return false
}

// author returns the name of a byline.
func author(s string) string {
	for _, p := range bylinePrefixes {
		if hasPrefixFold(s, p) {
			return trimSpace(s[len(p):])
		}
	}
	return s
}

// headerPrefixes open a teaser-block header followed by a section name:
// "Meer uit Buitenland", "More from World", "Mehr aus Politik".
var headerPrefixes = [...]string{
	"meer uit ", "meer over ", "meer van ", "more from ", "more on ", "more in ", "more about ",
	"mehr aus ", "mehr zu ", "mehr von ", "mehr über ", "plus de ", "plus d'", "toute l'actualité ",
	"weitere artikel ", "weitere nachrichten ", "more stories ", "latest from ", "laatste nieuws ",
	"neueste artikel ", "related to ",
}

// headerPhrases are whole-line teaser-block headers.
var headerPhrases = map[string]bool{
	"meer nieuws": true, "lees ook": true, "ook interessant": true,
	"gerelateerd": true, "gerelateerde artikelen": true, "gerelateerde berichten": true,
	"meest gelezen": true, "net binnen": true, "laatste nieuws": true, "ook gelezen": true,
	"related": true, "related articles": true, "related stories": true, "related content": true,
	"related topics": true, "related news": true, "read also": true, "read next": true,
	"most read": true, "most popular": true, "latest news": true, "latest": true,
	"recommended": true, "you may also like": true, "you might also like": true,
	"top stories": true, "more stories": true, "more news": true, "explore more": true,
	"more on this story": true, "in other news": true, "also read": true, "see also": true,
	"mehr zum thema": true, "weitere artikel": true, "weitere nachrichten": true,
	"das könnte sie auch interessieren": true, "meistgelesen": true, "meistgelesene artikel": true,
	"auch interessant": true, "lesen sie auch": true, "neueste artikel": true,
	"verwandte themen": true, "zum thema": true, "top-themen": true, "weitere themen": true,
	"à lire aussi": true, "a lire aussi": true, "lire aussi": true, "à lire également": true,
	"sur le même sujet": true, "les plus lus": true, "dans la même rubrique": true,
	"à voir aussi": true, "voir aussi": true, "dernières actualités": true, "à la une": true,
	"plus d'actualités": true, "sélectionné pour vous": true, "nos articles": true,
	"articles similaires": true, "vous aimerez aussi": true, "en continu": true,
}

// relatedPrefixes open an inline teaser: "Lees ook: <headline>".
var relatedPrefixes = [...]string{
	"lees ook:", "lees ook |", "lees ook ", "lees ook het", "read also:", "read more:", "also read:",
	"see also:", "related:", "read:", "lesen sie auch:", "lesen sie auch ", "mehr zum thema:",
	"auch interessant:", "à lire aussi :", "à lire aussi:", "a lire aussi :", "a lire aussi:",
	"lire aussi :", "lire aussi:", "à lire aussi ", "lire aussi ", "voir aussi :", "voir aussi:",
	"video:", "vidéo :", "vidéo:", "watch:", "kijk:", "bekijk ook:",
}

// furniturePhrases are whole lines of page furniture (lower case, list
// numbering removed).
var furniturePhrases = map[string]bool{
	"skip to content": true, "skip to main content": true, "skip to navigation": true,
	"naar hoofdinhoud": true, "ga naar de inhoud": true, "ga direct naar de inhoud": true,
	"zum inhalt springen": true, "direkt zum inhalt": true, "zum hauptinhalt springen": true,
	"aller au contenu": true, "passer au contenu": true, "aller au contenu principal": true,
	"share": true, "delen": true, "teilen": true, "partager": true, "share this article": true,
	"share this": true, "deel dit artikel": true, "deel artikel": true, "artikel teilen": true,
	"partager cet article": true, "tweet": true, "facebook": true, "twitter": true, "x": true,
	"whatsapp": true, "linkedin": true, "email": true, "e-mail": true, "mail": true,
	"print": true, "printen": true, "drucken": true, "imprimer": true, "copy link": true,
	"link kopieren": true, "kopieer link": true, "copier le lien": true, "link copied": true,
	"read more": true, "lees meer": true, "lees verder": true, "weiterlesen": true,
	"mehr lesen": true, "lire la suite": true, "lire plus": true, "continue reading": true,
	"advertisement": true, "advertentie": true, "anzeige": true, "publicité": true,
	"werbung": true, "sponsored": true, "gesponsord": true,
	"subscribe": true, "abonneren": true, "abonnieren": true, "s'abonner": true,
	"sign up": true, "sign in": true, "log in": true, "login": true, "inloggen": true,
	"anmelden": true, "se connecter": true, "newsletter": true, "nieuwsbrief": true,
	"menu": true, "search": true, "zoeken": true, "suche": true, "rechercher": true,
	"home": true, "startseite": true, "accueil": true, "back to top": true,
	"terug naar boven": true, "nach oben": true, "retour en haut": true,
	"comments": true, "reacties": true, "kommentare": true, "commentaires": true,
	"listen": true, "listen to this article": true, "luister": true, "anhören": true,
	"écouter": true, "play": true, "pause": true, "video": true, "audio": true, "vidéo": true,
	"watch video": true, "bekijk video": true, "video ansehen": true, "regarder la vidéo": true,
	"close": true, "sluiten": true, "schließen": true, "fermer": true,
	"accept": true, "accept all": true, "accepteren": true, "alles accepteren": true,
	"alle akzeptieren": true, "tout accepter": true, "reject all": true, "manage cookies": true,
	"cookie settings": true, "privacy": true, "datenschutz": true, "follow": true, "volgen": true,
	"folgen": true, "suivre": true, "send": true, "more": true, "meer": true, "mehr": true,
	"plus": true, "next": true, "previous": true, "volgende": true, "vorige": true,
	"scroll to continue with content": true, "advertisement - scroll to continue": true,
	"ad": true, "image": true, "photo": true, "foto": true, "bild": true, "beeld": true,
}

// furniturePrefixes open a line of furniture.
var furniturePrefixes = [...]string{
	"skip to ", "jump to ", "follow us", "volg ons", "folgen sie uns", "suivez-nous", "suivez nous",
	"share on ", "share via ", "deel op ", "deel via ", "teilen auf ", "teilen via ", "partager sur ",
	"sign up for ", "subscribe to ", "meld je aan", "melden sie sich", "abonnez-vous",
	"abonnieren sie", "listen to ", "luister naar ", "hören sie ", "écoutez ", "download the ",
	"download de ", "laden sie ", "téléchargez ", "send us ", "stuur ons ", "copyright ©",
	"© copyright", "all rights reserved", "alle rechten voorbehouden", "alle rechte vorbehalten",
	"tous droits réservés", "this article is more than", "dieser artikel ist", "article réservé",
	"advertisement", "advertentie", "anzeige ", "weiter nach der anzeige", "lesezeit", "leestijd",
	"reading time", "temps de lecture", "get the app", "our apps", "reporting by ", "writing by ",
	"editing by ", "additional reporting ", "compiled by ", "our standards", "redactie:", "eindredactie",
	"mitarbeit:", "redaktion:", "édité par", "rédaction :",
}

// phraseKind matches the lower-cased line against the phrase tables.
func phraseKind(low []byte, words int, end ending, s string) (LineKind, bool) {
	key := bytes.TrimLeft(low, "•·*-–— ")
	if n, c := digitsBytes(key); c > 0 && c < len(key) && key[c] == '.' && n > 0 {
		key = bytes.TrimLeft(key[c+1:], " ")
	}
	bare := bytes.TrimRight(key, " :.›»>")
	if furniturePhrases[string(bare)] {
		return LineFurniture, true
	}
	for _, p := range furniturePrefixes {
		if bytes.HasPrefix(key, []byte(p)) {
			return LineFurniture, true
		}
	}
	if bytes.Contains(key, []byte("cookie")) && cookieNotice(s) {
		return LineFurniture, true
	}
	if words <= 6 && end != endSentence && !hasDigit(s) {
		if headerPhrases[string(bare)] {
			return LineTeaserHeader, true
		}
		for _, p := range headerPrefixes {
			if bytes.HasPrefix(key, []byte(p)) && len(bare) > len(p) {
				return LineTeaserHeader, true
			}
		}
	}
	for _, p := range relatedPrefixes {
		if bytes.HasPrefix(key, []byte(p)) && countWords(string(key[len(p):])) >= 2 {
			return LineRelated, true
		}
	}
	return 0, false
}

// digitsBytes reads up to two leading ASCII digits of b.
func digitsBytes(b []byte) (n, count int) {
	for count < len(b) && count < 2 && b[count] >= '0' && b[count] <= '9' {
		n = n*10 + int(b[count]-'0')
		count++
	}
	return n, count
}

// relatedText strips the "Lees ook:" marker from an inline teaser.
func relatedText(s string) string {
	var buf [192]byte
	low := string(lowerKey(buf[:0], s))
	for _, p := range relatedPrefixes {
		if strings.HasPrefix(low, p) && len(p) <= len(s) {
			// Prefixes are ASCII or start with à (2 bytes in both forms).
			return trimSpace(strings.TrimLeft(s[len(p):], " :|-–—"))
		}
	}
	return s
}

// cookieNotice reports whether a line mentioning cookies is a consent notice.
func cookieNotice(s string) bool {
	var buf [512]byte
	low := string(lowerKey(buf[:0], s[:min(len(s), 400)]))
	for _, w := range [...]string{"accept", "akkoord", "akzeptier", "accepte", "settings", "instellingen",
		"einstellungen", "paramètres", "we use", "wij gebruiken", "gebruikt cookies", "verwenden",
		"utilisons", "utilise des cookies", "privacy", "consent", "toestemming", "zustimmen", "consentement"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// isLetterStart reports whether s starts with a letter.
func isLetterStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// ageLabel reports whether prefix, the text before an age at the end of a
// line, is a label glued or set off from it ("Politics5 hours ago",
// "Wereld | 2 uur geleden") rather than the start of a sentence.
func ageLabel(prefix string) bool {
	if countWords(prefix) > 3 {
		return false
	}
	last := prefix[len(prefix)-1]
	if last != ' ' {
		return isLetterStart(prefix) // glued: "Politics5 hours ago"
	}
	p := trimSpace(prefix)
	r, _ := utf8.DecodeLastRuneInString(p)
	return r == '|' || r == 0xB7 || r == 0x2022 || isDash(r) || r == ','
}
