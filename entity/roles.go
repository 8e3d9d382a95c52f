package entity

import (
	"strings"
	"time"

	"dateline/analysis"
	"dateline/model"
)

// officeWords maps folded office titles, per language, to office codes.
// "head" is a generic leader ("strongman", "machthebber") resolved to the
// country's leader, president or king in that order.
var officeWords = map[string]map[string]string{
	"en": {
		"president": "president", "prime minister": "pm", "premier": "pm", "chancellor": "pm",
		"foreign minister": "fm", "foreign secretary": "fm", "secretary of state": "fm",
		"defence minister": "dm", "defense minister": "dm", "defense secretary": "dm", "defence secretary": "dm",
		"interior minister": "im", "vice president": "vp", "leader": "head", "supreme leader": "leader",
		"strongman": "head", "king": "king", "head of state": "head", "dictator": "head", "ruler": "head",
	},
	"nl": {
		"president": "president", "premier": "pm", "minister president": "pm", "regeringsleider": "pm",
		"bondskanselier": "pm", "kanselier": "pm", "minister van buitenlandse zaken": "fm",
		"buitenlandminister": "fm", "minister van defensie": "dm", "defensieminister": "dm",
		"minister van binnenlandse zaken": "im", "vicepresident": "vp", "vice president": "vp",
		"leider": "head", "opperste leider": "leader", "machthebber": "head", "dictator": "head",
		"koning": "king", "staatshoofd": "head",
	},
	"de": {
		"prasident": "president", "staatsprasident": "president", "staatschef": "head", "kanzler": "pm",
		"bundeskanzler": "pm", "ministerprasident": "pm", "regierungschef": "pm", "premierminister": "pm",
		"aussenminister": "fm", "verteidigungsminister": "dm", "innenminister": "im",
		"vizeprasident": "vp", "machthaber": "head", "anfuhrer": "head", "machthabers": "head",
		"diktator": "head", "konig": "king", "oberster fuhrer": "leader", "staatsoberhaupt": "head",
	},
	"fr": {
		"president": "president", "premier ministre": "pm", "chancelier": "pm",
		"ministre des affaires etrangeres": "fm", "chef de la diplomatie": "fm",
		"ministre de la defense": "dm", "ministre de l interieur": "im", "vice president": "vp",
		"dirigeant": "head", "dictateur": "head", "roi": "king", "guide supreme": "leader", "homme fort": "head",
	},
}

// govWords are folded words for a country's government or one of its
// ministries: "het Chinese ministerie van Buitenlandse Zaken" is China's
// government as an actor.
var govWords = map[string][]string{
	"en": {"government", "foreign ministry", "defence ministry", "defense ministry", "ministry of foreign affairs", "ministry of defence", "ministry of defense", "ministry", "administration", "authorities", "cabinet"},
	"nl": {"regering", "ministerie van buitenlandse zaken", "ministerie van defensie", "ministerie", "autoriteiten", "overheid", "kabinet"},
	"de": {"regierung", "aussenministerium", "verteidigungsministerium", "ministerium", "behorden", "bundesregierung"},
	"fr": {"gouvernement", "ministere des affaires etrangeres", "ministere de la defense", "ministere", "autorites"},
}

// milWords are folded words for a country's armed forces.
var milWords = map[string][]string{
	"en": {"army", "military", "armed forces", "troops", "navy", "air force", "soldiers"},
	"nl": {"leger", "krijgsmacht", "strijdkrachten", "troepen", "soldaten", "marine", "luchtmacht"},
	"de": {"armee", "streitkrafte", "truppen", "soldaten", "militar", "marine", "luftwaffe"},
	"fr": {"armee", "forces armees", "troupes", "soldats", "marine"},
}

// phraseAt returns the longest phrase of the table matching the folded
// tokens at i, and its length in tokens.
func phraseAt(toks []token, i int, phrases []string) (string, int) {
	best, bestN := "", 0
	for _, p := range phrases {
		ws := strings.Fields(p)
		if len(ws) <= bestN || i+len(ws) > len(toks) {
			continue
		}
		ok := true
		for j, w := range ws {
			if toks[i+j].fold != w {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = p, len(ws)
		}
	}
	return best, bestN
}

func keysOf(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// officeAt returns the office code of a title at token i, with its length.
func officeAt(toks []token, i int, lang string) (string, int) {
	m := officeWords[lang]
	if m == nil {
		m = officeWords["en"]
	}
	p, n := phraseAt(toks, i, officeTitles(lang))
	if n == 0 {
		return "", 0
	}
	return m[p], n
}

// officeTitles returns the titles of a language (English for others).
func officeTitles(lang string) []string {
	switch lang {
	case "en", "nl", "de", "fr":
		return officeTitleLists[lang]
	}
	return officeTitleLists["en"]
}

var officeTitleLists = map[string][]string{
	"en": keysOf(officeWords["en"]), "nl": keysOf(officeWords["nl"]),
	"de": keysOf(officeWords["de"]), "fr": keysOf(officeWords["fr"]),
}

func wordsFor(m map[string][]string, lang string) []string {
	if w, ok := m[lang]; ok {
		return w
	}
	return m["en"]
}

// roles finds role descriptions around demonyms and country names and
// links them to the office holder, government or armed forces:
//
//	de Belarussische president      -> the president of Belarus at `at`
//	the Chinese foreign ministry     -> the government of China
//	le président russe               -> the president of Russia
//	the president of Belarus         -> the president of Belarus
//
// A title followed by a name ("Russian President Vladimir Putin") is left
// to the name's own mention.
func (l *Linker) roles(text string, toks []token, lang string, at time.Time, matches []gazMatch) []model.Mention {
	kb := l.KB
	startsAt := map[int]int{} // token -> index in matches
	for i, g := range matches {
		startsAt[g.from] = i
	}
	var out []model.Mention
	emit := func(from, to int, typ, id string) {
		if id == "" {
			return
		}
		out = append(out, model.Mention{
			Text: text[toks[from].start:toks[to-1].end], Type: typ, EntityID: id,
			Start: toks[from].start, End: toks[to-1].end, Score: scoreRole,
		})
	}
	nameFollows := func(i int) bool {
		if i >= len(toks) || !joinable(text[toks[i-1].end:toks[i].start]) {
			return false
		}
		if mi, ok := startsAt[i]; ok {
			return kb.recs[matches[mi].rec].Type == model.PER
		}
		return toks[i].upper && !analysis.IsStopWord(lang, toks[i].fold)
	}
	for _, g := range matches {
		r := &kb.recs[g.rec]
		if r.Kind != KindCountry {
			continue
		}
		iso := r.Country
		// Demonym + title / government / forces.
		if g.demonym {
			if office, n := officeAt(toks, g.to, lang); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				if !nameFollows(g.to + n) {
					emit(g.from, g.to+n, model.PER, l.holder(iso, office, at))
				}
				continue
			}
			if _, n := phraseAt(toks, g.to, wordsFor(govWords, lang)); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				id, _ := kb.GovernmentID(iso)
				emit(g.from, g.to+n, model.ORG, id)
				continue
			}
			if _, n := phraseAt(toks, g.to, wordsFor(milWords, lang)); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				if i, ok := kb.byID[GenID(model.ORG, KindMil, iso)]; ok {
					emit(g.from, g.to+n, model.ORG, kb.recs[i].ID)
				}
				continue
			}
		}
		// Title + demonym (French order): "le président russe".
		if g.demonym && lang == "fr" {
			for n := 1; n <= 4 && g.from-n >= 0; n++ {
				if office, m := officeAt(toks, g.from-n, lang); m == n && toksJoin(text, toks, g.from-n, g.to) {
					if !nameFollows(g.to) {
						emit(g.from-n, g.to, model.PER, l.holder(iso, office, at))
					}
					break
				}
			}
		}
		// Title + of + country: "president of Belarus", "president van Rusland".
		if !g.demonym && g.from >= 2 {
			prep := toks[g.from-1].fold
			if prep == "of" || prep == "van" || prep == "von" || prep == "de" || prep == "du" {
				for n := 1; n <= 4 && g.from-1-n >= 0; n++ {
					if office, m := officeAt(toks, g.from-1-n, lang); m == n && toksJoin(text, toks, g.from-1-n, g.to) {
						if !nameFollows(g.to) {
							emit(g.from-1-n, g.to, model.PER, l.holder(iso, office, at))
						}
						break
					}
				}
			}
		}
	}
	return out
}

// holder resolves an office of a country at a time; "head" tries the
// supreme leader, the president, then the king.
func (l *Linker) holder(iso, office string, at time.Time) string {
	offices := []string{office}
	if office == "head" {
		offices = []string{"leader", "president", "king"}
	}
	for _, o := range offices {
		if id, ok := l.KB.Holder(iso, o, at); ok {
			return id
		}
	}
	return ""
}

// toksJoin reports whether tokens [from, to) are separated by spaces and
// hyphens only (one phrase, no sentence break).
func toksJoin(text string, toks []token, from, to int) bool {
	if to > len(toks) {
		return false
	}
	for i := from + 1; i < to; i++ {
		gap := text[toks[i-1].end:toks[i].start]
		if strings.TrimLeft(gap, " -\u00a0") != "" {
			return false
		}
	}
	return true
}
