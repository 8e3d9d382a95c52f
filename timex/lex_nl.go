package timex

import "strings"

func dutch() *lexicon {
	small := []string{"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
		"elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"}
	tens := map[string]int{"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90}
	nums := numberMap(small, tens, func(u, t string) []string {
		if strings.HasSuffix(u, "e") {
			return []string{u + "ën" + t, u + "en" + t}
		}
		return []string{u + "en" + t}
	})
	nums["één"], nums["honderd"], nums["enkele"] = 1, 100, -1
	delete(nums, "enkele")
	return &lexicon{
		yearIn: set("in"),
		lang:   "nl",
		months: map[string]int{"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
			"augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
			"jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12},
		abbrevs:  set("jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"),
		weekdays: map[string]int{"maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7},
		weekdaySets: makePhrases(map[string]int{"maandags": 1, "dinsdags": 2, "woensdags": 3, "donderdags": 4, "vrijdags": 5, "zaterdags": 6, "zondags": 7,
			"'s maandags": 1, "'s dinsdags": 2, "'s woensdags": 3, "'s donderdags": 4, "'s vrijdags": 5, "'s zaterdags": 6, "'s zondags": 7}),
		numbers:  nums,
		vague:    phraseSet("enkele", "een paar", "paar", "meerdere", "verscheidene", "vele", "talloze"),
		ordinals: map[string]int{"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20, "eenentwintigste": 21},
		units: map[string]unit{"jaar": {"Y", false}, "jaren": {"Y", true}, "maand": {"M", false}, "maanden": {"M", true},
			"week": {"W", false}, "weken": {"W", true}, "dag": {"D", false}, "dagen": {"D", true}, "etmaal": {"D", false}, "etmalen": {"D", true},
			"uur": {"H", false}, "uren": {"H", true}, "minuut": {"MIN", false}, "minuten": {"MIN", true},
			"seconde": {"S", false}, "seconden": {"S", true}, "decennium": {"DE", false}, "decennia": {"DE", true},
			"eeuw": {"CE", false}, "eeuwen": {"CE", true}, "kwartaal": {"Q", false}, "kwartalen": {"Q", true}},
		dayWords: makePhrases(map[string]int{"vandaag": 0, "heden": 0, "gisteren": -1, "gister": -1, "eergisteren": -2, "morgen": 1, "overmorgen": 2}),
		dayParts: makePhrases(map[string]dayPart{"vannacht": {0, "NI"}, "vanochtend": {0, "MO"}, "vanmorgen": {0, "MO"}, "vanmiddag": {0, "AF"},
			"vanavond": {0, "EV"}, "gisteravond": {-1, "EV"}, "gisterochtend": {-1, "MO"}, "gistermorgen": {-1, "MO"}, "gistermiddag": {-1, "AF"},
			"gisternacht": {-1, "NI"}, "morgenochtend": {1, "MO"}, "morgenvroeg": {1, "MO"}, "morgenmiddag": {1, "AF"}, "morgenavond": {1, "EV"},
			"morgennacht": {1, "NI"}, "deze ochtend": {0, "MO"}, "deze middag": {0, "AF"}, "deze avond": {0, "EV"}, "eergisteravond": {-2, "EV"}}),
		dayPrefixes: map[string]int{"gister": -1, "gisteren": -1, "van": 0, "morgen": 1},
		partOfDay:   map[string]string{"ochtend": "MO", "morgen": "MO", "voormiddag": "MO", "middag": "AF", "namiddag": "AF", "avond": "EV", "nacht": "NI"},
		seasons:     map[string]string{"lente": "SP", "voorjaar": "SP", "zomer": "SU", "herfst": "FA", "najaar": "FA", "winter": "WI"},
		relPre: makePhrases(map[string]int{"vorige": -1, "vorig": -1, "afgelopen": -1, "voorbije": -1, "voorbij": -1, "komende": 1, "komend": 1,
			"volgende": 1, "volgend": 1, "deze": 0, "dit": 0, "aanstaande": 1, "het vorige": -1, "de vorige": -1, "het volgende": 1, "de volgende": 1, "het huidige": 0, "huidige": 0, "lopende": 0, "het lopende": 0}),
		relPost:   makePhrases(map[string]int{"a.s.": 1, "aanstaande": 1, "jongstleden": -1, "jl.": -1, "j.l.": -1, "l.l.": -1}),
		agoPost:   phraseSet("geleden", "terug"),
		agoPre:    makePhrases(map[string]int{"over": 1}),
		every:     phraseSet("elke", "ieder", "iedere", "elk", "per"),
		setAdverb: makePhrases(map[string]string{"dagelijks": "P1D", "wekelijks": "P1W", "maandelijks": "P1M", "jaarlijks": "P1Y", "driemaandelijks": "P3M", "elke dag": "P1D", "elk jaar": "P1Y"}),
		refs: makePhrases(map[string]string{"nu": "PRESENT_REF", "momenteel": "PRESENT_REF", "thans": "PRESENT_REF", "tegenwoordig": "PRESENT_REF",
			"op dit moment": "PRESENT_REF", "inmiddels": "PRESENT_REF", "onlangs": "PAST_REF", "recent": "PAST_REF", "recentelijk": "PAST_REF", "kortgeleden": "PAST_REF",
			"kort geleden": "PAST_REF", "binnenkort": "FUTURE_REF", "de toekomst": "FUTURE_REF", "het verleden": "PAST_REF",
			"vroeger": "PAST_REF", "destijds": "PAST_REF", "onlangs nog": "PAST_REF", "op korte termijn": "FUTURE_REF", "het heden": "PRESENT_REF", "zojuist": "PAST_REF", "straks": "FUTURE_REF"}),
		dateMods: phraseSet("begin", "eind", "einde", "medio", "half", "halverwege", "midden", "eind van", "begin van", "het begin van",
			"het eind van", "het einde van", "eerder", "later", "vroeg in", "laat in", "eerder in", "later in", "het midden van", "midden in", "de rest van", "rond", "uiterlijk"),
		durMods: phraseSet("ruim", "bijna", "ongeveer", "zo'n", "circa", "ca.", "meer dan", "minder dan", "ten minste", "tenminste", "minstens",
			"krap", "nog geen", "bijna", "pakweg", "de afgelopen", "de komende", "het afgelopen", "het komende", "de eerste", "de laatste", "de voorbije", "maximaal", "hooguit", "een kleine", "een goede", "een ruime", "goed", "dik", "amper", "slechts"),
		articles:     set("de", "het"),
		rangeTo:      phraseSet("tot en met", "t/m", "tot", "-", "tm", "t.e.m.", "tot aan", "tot en met zondag"),
		rangeFrom:    set("van", "vanaf"),
		rangeBetween: set("tussen"),
		rangeAnd:     set("en"),
		daySuffix:    set("e", "ste", "de"),
		dayOf:        set(),
		yearOf:       set("van"),
		quarter:      set("kwartaal"),
		half:         set("helft", "halfjaar"),
		weekend:      set("weekend", "weekeinde"),
		century:      set("eeuw"),
		decadeW:      map[string]int{"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9},
		decadeJr:     set("jaren"),
		timeMark:     phraseSet("uur"),
		am:           phraseSet("'s ochtends", "'s morgens"),
		pm:           phraseSet("'s middags", "'s avonds"),
		noon:         makePhrases(map[string]string{"middernacht": "24:00", "twaalf uur 's middags": "12:00"}),
		at:           set("om", "rond", "tegen", "omstreeks", "vanaf", "tot"),
		future: phraseSet("zal", "zullen", "zult", "zou", "zouden", "gaat", "gaan", "wil", "willen", "komt", "staat gepland", "gepland",
			"op het programma", "van plan", "verwacht", "verwachten", "wordt verwacht", "moet", "moeten", "plant", "komende", "volgende", "aanstaande"),
		past: set("was", "waren", "had", "hadden", "werd", "werden", "zei", "zeiden", "kwam", "kwamen", "ging", "gingen", "sprak", "spraken",
			"bracht", "brachten", "nam", "namen", "gaf", "gaven", "zag", "zagen", "liet", "lieten", "vond", "vonden", "stond", "stonden",
			"bleef", "bleven", "trok", "trokken", "vloog", "vlogen", "hield", "hielden", "bezocht", "bezochten", "ontving", "ontvingen",
			"vertrok", "vertrokken", "deed", "deden", "heeft", "hebben", "wilde", "wilden", "kon", "konden", "moest", "moesten", "mocht",
			"schreef", "verklaarde", "meldde", "meldden", "tekende", "ondertekende", "reisde", "arriveerde", "maakte", "maakten", "noemde",
			"zeiden", "vielen", "viel", "sloeg", "won", "verloor", "overleed", "stierf", "begon", "begonnen", "eindigde", "sloot", "opende",
			"liep", "kreeg", "kregen", "zat", "zaten", "lag", "lagen", "riep", "riepen", "sloten", "wonnen", "schreven", "dacht", "dachten", "wist", "wisten", "vorige", "vorig", "afgelopen", "gisteren", "eergisteren", "geleden", "jongstleden", "voorbije", "toen", "verscheen", "bedankte", "nodigde", "kondigde"),
		participle:    dutchParticiple,
		perfectAux:    set("is", "zijn"),
		passiveAux:    set("wordt", "worden", "zal", "zullen"),
		pastForm:      dutchPast,
		presentFuture: true,
	}
}

// dutchParticiple recognises common past participles: ge-...-d/-t/-en,
// and be-/ver-/ont-/her- verbs ending in -d or -t.
func dutchParticiple(w string) bool {
	if len(w) < 6 || nlNotParticiple[w] {
		return false
	}
	if strings.HasPrefix(w, "ge") {
		return strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")
	}
	return false
}

var nlNotParticiple = set("geleden", "gebied", "gebieden", "gemeente", "gevolgen", "gezicht", "gebouwen", "genoeg", "gevecht",
	"gewicht", "geheel", "gebeurt", "geloven", "gelden", "geven", "gezien", "gedurende", "geregeld", "gelegen", "geschiedenis",
	"gewest", "gebrek", "gericht", "gerecht", "geheim", "gesprek", "gesprekken", "gewend", "geplande", "gepland", "gebruiken", "gezinnen", "gevechten", "gedachten", "gewonden", "geschut", "gelegenheden", "gebeuren", "gemiddeld", "gewoon", "geleidelijk")
