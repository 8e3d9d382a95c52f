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

// roleHit is a role description found in a text, before resolution:
// the office (or "gov"/"mil" for a government or armed forces) of a
// country, with its mention (EntityID still empty).
type roleHit struct {
	m           model.Mention
	iso, office string
}

// apposition is a title written directly before a name ("De Russische
// minister van Defensie Sergei Sjoigoe", "President of Belarus Alexander
// Lukashenko"): the text tells us who holds the office, whatever the
// knowledge base says.
type apposition struct {
	iso, office string
	nameStart   int // byte offset of the name after the title
}

// roles finds role descriptions around demonyms and country names:
//
//	de Belarussische president      -> an office of Belarus
//	the Chinese foreign ministry     -> the government of China
//	le président russe               -> an office of Russia
//	the president of Belarus         -> an office of Belarus
//
// A title followed by a name ("Russian President Vladimir Putin") is left
// to the name's own mention and returned as an apposition instead.
// Government and armed-forces phrases are linked at once; offices are
// resolved to people by resolveRole once all names of the text are known.
func (l *Linker) roles(text string, toks []token, lang string, matches []gazMatch) ([]roleHit, []apposition) {
	kb := l.KB
	startsAt := map[int]int{} // token -> index in matches
	for i, g := range matches {
		startsAt[g.from] = i
	}
	var out []roleHit
	var apps []apposition
	emit := func(from, to int, typ, iso, office, id string) {
		out = append(out, roleHit{m: model.Mention{
			Text: text[toks[from].start:toks[to-1].end], Type: typ, EntityID: id,
			Start: toks[from].start, End: toks[to-1].end, Score: scoreRole,
		}, iso: iso, office: office})
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
	// office emits a role phrase over tokens [from, to) for an office of
	// iso, or records an apposition when a name follows at token next.
	office := func(from, to, next int, iso, off string) {
		if nameFollows(next) {
			apps = append(apps, apposition{iso: iso, office: off, nameStart: toks[next].start})
			return
		}
		emit(from, to, model.PER, iso, off, "")
	}
	for _, g := range matches {
		r := &kb.recs[g.rec]
		if r.Kind != KindCountry {
			continue
		}
		iso := r.Country
		// Demonym + title / government / forces.
		if g.demonym {
			if off, n := officeAt(toks, g.to, lang); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				office(g.from, g.to+n, g.to+n, iso, off)
				continue
			}
			if _, n := phraseAt(toks, g.to, wordsFor(govWords, lang)); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				if id, ok := kb.GovernmentID(iso); ok {
					emit(g.from, g.to+n, model.ORG, iso, "gov", id)
				}
				continue
			}
			if _, n := phraseAt(toks, g.to, wordsFor(milWords, lang)); n > 0 && toksJoin(text, toks, g.to-1, g.to+n) {
				if i, ok := kb.byID[GenID(model.ORG, KindMil, iso)]; ok {
					emit(g.from, g.to+n, model.ORG, iso, "mil", kb.recs[i].ID)
				}
				continue
			}
		}
		// Title + demonym (French order): "le président russe".
		if g.demonym && lang == "fr" {
			for n := 1; n <= 4 && g.from-n >= 0; n++ {
				if off, m := officeAt(toks, g.from-n, lang); m == n && toksJoin(text, toks, g.from-n, g.to) {
					office(g.from-n, g.to, g.to, iso, off)
					break
				}
			}
		}
		// Title + of + country: "president of Belarus", "president van Rusland".
		if !g.demonym && g.from >= 2 {
			prep := toks[g.from-1].fold
			if prep == "of" || prep == "van" || prep == "von" || prep == "de" || prep == "du" {
				for n := 1; n <= 4 && g.from-1-n >= 0; n++ {
					if off, m := officeAt(toks, g.from-1-n, lang); m == n && toksJoin(text, toks, g.from-1-n, g.to) {
						office(g.from-1-n, g.to, g.to, iso, off)
						break
					}
				}
			}
		}
	}
	return out, apps
}

// officesOf expands an office code: "head" (a generic leader) is the
// supreme leader, the president or the king.
func officesOf(office string) []string {
	if office == "head" {
		return []string{"leader", "president", "king"}
	}
	return []string{office}
}

// sameOffice reports whether two office codes may name one post.
func sameOffice(a, b string) bool {
	if a == b {
		return true
	}
	if a == "head" || b == "head" {
		for _, x := range officesOf("head") {
			if x == a || x == b {
				return true
			}
		}
	}
	return false
}

// resolveRole links an office of country iso, mentioned at byte pos, to a
// person, in order of evidence:
//
//  1. a name the text itself gives the office by apposition ("minister of
//     Defence Sergei Shoigu ... the defence minister"), nearest before pos;
//  2. a person named in the text who, by the knowledge base, holds the
//     office at the publication date, or (undated text) held it at any
//     time, nearest before pos;
//  3. for a dated text, the holder at that date;
//  4. for an undated text, no person: the country's government, with a
//     low score, rather than a guess at today's holder.
//
// named are the text's person mentions with entity IDs; at is zero for
// an undated text.
func (l *Linker) resolveRole(iso, office string, pos int, at time.Time, apps []apposition, named []model.Mention) (id, typ string, score float64) {
	nearest := func(ok func(m model.Mention) bool) string {
		best, bestPos, first := "", -1, ""
		for _, m := range named {
			if !ok(m) {
				continue
			}
			if first == "" {
				first = m.EntityID
			}
			if m.Start < pos && m.Start > bestPos {
				best, bestPos = m.EntityID, m.Start
			}
		}
		if best == "" {
			return first
		}
		return best
	}
	// 1. Appositions.
	if id := nearest(func(m model.Mention) bool {
		for _, a := range apps {
			if a.iso == iso && sameOffice(a.office, office) && a.nameStart == m.Start {
				return true
			}
		}
		return false
	}); id != "" {
		return id, model.PER, scoreRole
	}
	// 2. Office holders named in the text.
	holds := func(m model.Mention) bool {
		r, ok := l.KB.Record(m.EntityID)
		if !ok {
			return false
		}
		for _, ro := range r.Roles {
			if ro.Country != iso || !sameOffice(ro.Office, office) {
				continue
			}
			if at.IsZero() || ro.Active(at) {
				return true
			}
		}
		return false
	}
	if id := nearest(holds); id != "" {
		return id, model.PER, scoreRole
	}
	// 3. The holder at the date.
	if !at.IsZero() {
		for _, o := range officesOf(office) {
			if id, ok := l.KB.Holder(iso, o, at); ok {
				return id, model.PER, scoreRole
			}
		}
		return "", "", 0
	}
	// 4. Undated: the government, with low confidence.
	if id, ok := l.KB.GovernmentID(iso); ok {
		return id, model.ORG, scoreRoleGov
	}
	return "", "", 0
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
