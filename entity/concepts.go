package entity

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"dateline/model"
)

// Place names are often built from a proper core and common words that
// each language translates: "Noord-Korea", "Nordkorea", "Corée du Nord",
// "Северная Корея"; "Cayman Islands", "Islas Caimán", "о-ва Кайман";
// "Nieuw-Caledonië", "Nuova Caledonia". Spelling keys cannot bridge the
// translated words, so a name's concept form replaces them by a concept
// ("north", "island", "new" ...), drops connectives ("of", "du", "y"),
// splits compounds that begin or end with such a word ("Nordkorea",
// "Norfolkinsel", "Maagdeneilanden") and keeps the other tokens as the
// core. Two names with the same concepts and cores that are spelling
// variants of each other (in any order) are the same name.
//
// The lexicon holds only generic words of geographic and political names
// (directions, "new", "saint", islands, republic, kingdom, united, states,
// democratic, central, equatorial, cape, coast), in en, nl, de, fr, es, it,
// pl, ru, uk and be. Read-only.
var conceptLexicon = map[string]map[string]string{
	"north": {
		"en": "north; northern", "nl": "noord; noordelijk; noordelijke", "de": "nord; nördlich; nördliche; nördlichen",
		"fr": "nord; septentrional", "es": "norte; septentrional", "it": "nord; settentrionale",
		"pl": "północna; północny; północne; północnej", "ru": "северная; северный; северные; северной",
		"uk": "північна; північний; північні", "be": "паўночная; паўночны; паўночныя",
	},
	"south": {
		"en": "south; southern", "nl": "zuid; zuidelijk; zuidelijke", "de": "süd; südlich; südliche; südlichen",
		"fr": "sud; austral; australes; méridional", "es": "sur; austral; australes; meridional", "it": "sud; australi; australe; meridionale",
		"pl": "południowa; południowy; południowe; południowej", "ru": "южная; южный; южные; южной",
		"uk": "південна; південний; південні", "be": "паўднёвая; паўднёвы; паўднёвыя",
	},
	"east": {
		"en": "east; eastern", "nl": "oost; oostelijk; oostelijke", "de": "ost; östlich; östliche",
		"fr": "est; oriental; orientale", "es": "este; oriental", "it": "est; orientale",
		"pl": "wschodni; wschodnia; wschodnie", "ru": "восточный; восточная; восточные",
		"uk": "східний; східна; східні", "be": "усходні; усходняя",
	},
	"west": {
		"en": "west; western", "nl": "west; westelijk; westelijke", "de": "west; westlich; westliche",
		"fr": "ouest; occidental; occidentale", "es": "oeste; occidental", "it": "ovest; occidentale",
		"pl": "zachodni; zachodnia; zachodnie", "ru": "западный; западная; западные",
		"uk": "західний; західна; західні", "be": "заходні; заходняя",
	},
	"new": {
		"en": "new", "nl": "nieuw; nieuwe", "de": "neu; neue; neues", "fr": "nouvelle; nouveau; nouvel",
		"es": "nueva; nuevo", "it": "nuova; nuovo", "pl": "nowa; nowy; nowe",
		"ru": "новая; новый; новые", "uk": "нова; новий; нові", "be": "новая; новы; новыя",
	},
	"island": {
		"en": "island; islands; isle; isles", "nl": "eiland; eilanden", "de": "insel; inseln",
		"fr": "île; îles", "es": "isla; islas", "it": "isola; isole", "pl": "wyspa; wyspy",
		"ru": "остров; острова; о-в; о-ва", "uk": "острів; острови; о-в; о-ви", "be": "востраў; астравы",
	},
	"saint": {
		"en": "saint; st", "nl": "sint", "de": "sankt; st", "fr": "saint; sainte; st; ste",
		"es": "san; santa; santo", "it": "san; santa; santo", "pl": "święty; święta; świętego; świętej",
		"ru": "сент; сен; санкт; святой; святая; святого", "uk": "сент; сен; святий; свята", "be": "сент; сен; святы",
	},
	"united": {
		"en": "united", "nl": "verenigd; verenigde", "de": "vereinigte; vereinigtes; vereinigten",
		"fr": "uni; unis; unies", "es": "unido; unidos", "it": "unito; uniti",
		"pl": "zjednoczone; zjednoczonych; zjednoczony", "ru": "соединённые; соединенные; объединённые; объединенные",
		"uk": "сполучені; об’єднані; об'єднані", "be": "злучаныя; аб’яднаныя; аб'яднаныя",
	},
	"kingdom": {
		"en": "kingdom", "nl": "koninkrijk", "de": "königreich", "fr": "royaume", "es": "reino", "it": "regno",
		"pl": "królestwo", "ru": "королевство", "uk": "королівство", "be": "каралеўства",
	},
	"states": {
		"en": "states", "nl": "staten", "de": "staaten", "fr": "états", "es": "estados", "it": "stati",
		"pl": "stany; stanów", "ru": "штаты; штатов", "uk": "штати", "be": "штаты",
	},
	"republic": {
		"en": "republic", "nl": "republiek", "de": "republik", "fr": "république", "es": "república",
		"it": "repubblica", "pl": "republika; republiki", "ru": "республика; республики", "uk": "республіка", "be": "рэспубліка",
	},
	"democratic": {
		"en": "democratic", "nl": "democratische", "de": "demokratische", "fr": "démocratique",
		"es": "democrática", "it": "democratica", "pl": "demokratyczna", "ru": "демократическая",
		"uk": "демократична", "be": "дэмакратычная",
	},
	"central": {
		"en": "central", "nl": "centraal; centrale", "de": "zentral; zentrale", "fr": "central; centrale",
		"es": "central", "it": "centrale", "pl": "centralny; centralna; środkowa", "ru": "центральная; центральный",
		"uk": "центральна; центральний", "be": "цэнтральная",
	},
	"equatorial": {
		"en": "equatorial", "nl": "equatoriaal", "de": "äquatorial", "fr": "équatoriale", "es": "ecuatorial",
		"it": "equatoriale", "pl": "równikowa", "ru": "экваториальная", "uk": "екваторіальна", "be": "экватарыяльная",
	},
	"cape": {
		"en": "cape", "nl": "kaap", "de": "kap", "fr": "cap", "es": "cabo", "it": "capo", "pl": "przylądek; przylądka",
	},
	"coast": {
		"en": "coast", "nl": "kust", "de": "küste", "fr": "côte", "es": "costa", "it": "costa", "pl": "wybrzeże",
	},
}

// nameConnectives are words that join the parts of a name ("Bosnia and
// Herzegovina", "Corée du Nord", "São Tomé e Príncipe"); the concept form
// drops them. Read-only.
var nameConnectives = map[string]string{
	"en": "and of the", "nl": "en van de het der", "de": "und von der die das", "fr": "et de du des la le les d l",
	"es": "y de del la las los el", "it": "e di del della dei delle", "pl": "i", "ru": "и", "uk": "і та", "be": "і",
}

// compoundEnds are concept words that close Germanic compounds:
// "Norfolkinsel", "Bouveteiland", "Maagdeneilanden".
var compoundEnds = map[string]bool{"insel": true, "inseln": true, "eiland": true, "eilanden": true}

// conceptTables holds the lexicon by key.
type conceptTables struct {
	byKey      map[string]string   // key token -> concept
	phrases    map[string][]string // first key token -> multi-token phrases "o va" (space-joined keys)
	phraseCon  map[string]string   // space-joined phrase keys -> concept
	connective map[string]bool     // key tokens
	prefixes   []conceptAffix      // folded words that may begin a compound, longest first
}

type conceptAffix struct {
	fold, concept string
}

var conceptTablesOnce = sync.OnceValue(func() *conceptTables {
	t := &conceptTables{byKey: map[string]string{}, phrases: map[string][]string{}, phraseCon: map[string]string{}, connective: map[string]bool{}}
	seenPrefix := map[string]bool{}
	for concept, langs := range conceptLexicon {
		for lang, words := range langs {
			for _, w := range strings.Split(words, ";") {
				w = strings.TrimSpace(w)
				kt := KeyTokens(w, lang)
				if len(kt) == 0 {
					continue
				}
				if len(kt) == 1 {
					t.byKey[kt[0]] = concept
				} else {
					p := strings.Join(kt, " ")
					t.phrases[kt[0]] = append(t.phrases[kt[0]], p)
					t.phraseCon[p] = concept
				}
				f := Fold(w, lang)
				if len(f) >= 3 && !strings.Contains(f, " ") && !seenPrefix[f] {
					seenPrefix[f] = true
					t.prefixes = append(t.prefixes, conceptAffix{f, concept})
				}
			}
		}
	}
	for lang, ws := range nameConnectives {
		for _, w := range strings.Fields(ws) {
			for _, k := range KeyTokens(w, lang) {
				t.connective[k] = true
			}
		}
	}
	sort.Slice(t.prefixes, func(i, j int) bool {
		if len(t.prefixes[i].fold) != len(t.prefixes[j].fold) {
			return len(t.prefixes[i].fold) > len(t.prefixes[j].fold)
		}
		return t.prefixes[i].fold < t.prefixes[j].fold
	})
	return t
})

// NameForm is a name prepared for comparison: its key tokens and its
// concept form (sorted concepts and core key tokens; no concepts when the
// name has no generic word).
type NameForm struct {
	Keys     []string
	Concepts []string
	Cores    []string
	// Joined says the name joins parts with a connective ("Bosnia and
	// Herzegovina", "Trinidad y Tobago").
	Joined bool
	// Alt are the key tokens of a second reading of a Ukrainian or
	// Belarusian name, romanised with the Russian table (г as g, not h):
	// foreign names keep their g ("Гаяна" is Guyana, "Нарвегія" Norway).
	Alt []string
}

// NewNameForm prepares name (in lang) for SameForm.
func NewNameForm(name, lang string) NameForm {
	f := NameForm{Keys: KeyTokens(name, lang)}
	f.Concepts, f.Cores, f.Joined = conceptForm(name, lang)
	f.Alt = altKeys(name, lang)
	return f
}

// SameForm reports whether two prepared names are variants of one name:
// SameKeys on their keys, or the same concepts with cores that are
// spelling variants of each other in some order.
func SameForm(a, b NameForm) bool {
	if SameKeys(a.Keys, b.Keys) {
		return true
	}
	if (a.Alt != nil && SameKeys(a.Alt, b.Keys)) || (b.Alt != nil && SameKeys(a.Keys, b.Alt)) ||
		(a.Alt != nil && b.Alt != nil && SameKeys(a.Alt, b.Alt)) {
		return true
	}
	switch {
	case len(a.Concepts) > 0:
		// "Noord-Korea", "Reino Unido" (two concepts, no core).
		if len(a.Cores) == 0 && len(a.Concepts) < 2 {
			return false
		}
	case a.Joined && b.Joined:
		// "Bosnia and Herzegovina", "Bosnië en Herzegovina".
		if len(a.Cores) < 2 {
			return false
		}
	default:
		return false
	}
	return sameConcepts(a.Concepts, a.Cores, b.Concepts, b.Cores)
}

// sameConcepts reports whether two concept forms have equal concepts and
// cores that are spelling variants of each other in some order.
func sameConcepts(ca, ra, cb, rb []string) bool {
	if len(ca) != len(cb) || len(ra) != len(rb) {
		return false
	}
	for i := range ca {
		if ca[i] != cb[i] {
			return false
		}
	}
	used := make([]bool, len(rb))
	for _, x := range ra {
		found := false
		for j, y := range rb {
			if !used[j] && coreClose(x, y) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// coreClose compares two core tokens: tokenClose, or a shared stem of
// four letters or more that differs by an ending of at most two letters
// ("kaiman"/"kaimanovi" is too long a difference; "kore"/"korea" and
// "kaledonia"/"kaledonie" pass).
func coreClose(a, b string) bool {
	if tokenClose(a, b) {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 4 && len(b)-len(a) <= 1 && strings.HasPrefix(b, a) {
		return true
	}
	if len(a) >= 5 && len(a) == len(b) && a[:len(a)-1] == b[:len(b)-1] {
		return true
	}
	return false
}

// conceptForm returns the sorted concepts and the core key tokens of a
// name; concepts is nil when the name holds no generic word.
func conceptForm(name, lang string) (concepts, cores []string, joined bool) {
	t := conceptTablesOnce()
	fold := strings.Fields(Fold(name, lang))
	keys := make([]string, len(fold))
	for i, f := range fold {
		keys[i] = keyToken(f, lang)
	}
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		if ps := t.phrases[k]; ps != nil {
			matched := false
			for _, p := range ps {
				n := strings.Count(p, " ") + 1
				if i+n <= len(keys) && strings.Join(keys[i:i+n], " ") == p {
					concepts = append(concepts, t.phraseCon[p])
					i += n - 1
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if c, ok := t.byKey[k]; ok {
			concepts = append(concepts, c)
			continue
		}
		if t.connective[k] {
			joined = joined || len(cores)+len(concepts) > 0
			continue
		}
		// Compounds: "nordkorea", "neuseeland", "norfolkinsel".
		if c, rest, ok := t.splitCompound(fold[i], lang); ok {
			concepts = append(concepts, c)
			cores = append(cores, rest)
			continue
		}
		cores = append(cores, k)
	}
	if len(concepts) == 0 {
		return nil, cores, joined
	}
	sort.Strings(concepts)
	return concepts, cores, joined
}

// splitCompound splits a folded word into a concept word and a core of
// four letters or more, the concept first ("nordkorea", "westsahara") or,
// for the island words, last ("norfolkinsel").
func (t *conceptTables) splitCompound(f, lang string) (concept, core string, ok bool) {
	for _, p := range t.prefixes {
		if len(f)-len(p.fold) >= 4 && strings.HasPrefix(f, p.fold) {
			return p.concept, keyToken(f[len(p.fold):], lang), true
		}
		if compoundEnds[p.fold] && len(f)-len(p.fold) >= 4 && strings.HasSuffix(f, p.fold) {
			return p.concept, keyToken(f[:len(f)-len(p.fold)], lang), true
		}
	}
	return "", "", false
}

// conceptEntry is a knowledge-base alias indexed by its concept form.
type conceptEntry struct {
	concepts, cores []string
	rec             int
	demonym         bool
}

// conceptSig is the index key of a concept form: its concepts and the
// number of its cores; "" for forms SameForm would not compare.
func conceptSig(f NameForm) string {
	switch {
	case len(f.Concepts) > 0:
		if len(f.Cores) == 0 && len(f.Concepts) < 2 {
			return ""
		}
	case f.Joined:
		if len(f.Cores) < 2 {
			return ""
		}
	default:
		return ""
	}
	return strings.Join(f.Concepts, "|") + "#" + strconv.Itoa(len(f.Cores))
}

func buildConceptIndex(recs []Record) map[string][]conceptEntry {
	m := map[string][]conceptEntry{}
	add := func(rec int, a model.Alias, dem bool) {
		var f NameForm
		f.Concepts, f.Cores, f.Joined = conceptForm(a.Text, a.Lang)
		if sig := conceptSig(f); sig != "" {
			m[sig] = append(m[sig], conceptEntry{f.Concepts, f.Cores, rec, dem})
		}
	}
	for i, r := range recs {
		if r.Type != model.LOC && r.Type != model.ORG {
			continue // people's names are not built from generic words
		}
		for _, a := range r.Aliases {
			add(i, a, false)
		}
	}
	return m
}

// conceptLookup finds the aliases with the concept form of name.
func (kb *KB) conceptLookup(name, lang string) []fuzzyHit {
	var f NameForm
	f.Concepts, f.Cores, f.Joined = conceptForm(name, lang)
	sig := conceptSig(f)
	if sig == "" {
		return nil
	}
	seen := map[int]bool{}
	var out []fuzzyHit
	for _, e := range kb.concept[sig] {
		if seen[e.rec] || !sameConcepts(f.Concepts, f.Cores, e.concepts, e.cores) {
			continue
		}
		seen[e.rec] = true
		out = append(out, fuzzyHit{rec: e.rec, score: 0.9, demonym: e.demonym})
	}
	return out
}

// altKeys returns the key tokens of a Ukrainian or Belarusian Cyrillic
// name read with the Russian romanisation, nil for other names.
func altKeys(name, lang string) []string {
	if (lang != "uk" && lang != "be") || !HasCyrillic(name) {
		return nil
	}
	return KeyTokens(name, "ru")
}
