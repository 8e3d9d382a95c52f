package timex

import "strings"

func german() *lexicon {
	small := []string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
		"elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}
	tens := map[string]int{"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
	nums := numberMap(small, tens, func(u, t string) []string {
		if u == "eins" {
			u = "ein"
		}
		return []string{u + "und" + t}
	})
	for _, w := range []string{"ein", "eine", "einen", "einem", "einer", "eines"} {
		nums[w] = 1
	}
	nums["hundert"] = 100
	rel := map[string]int{}
	for stem, v := range map[string]int{"letzt": -1, "vergangen": -1, "vorig": -1, "nächst": 1, "kommend": 1, "dies": 0, "laufend": 0, "folgend": 1} {
		for _, e := range []string{"e", "en", "er", "es", "em"} {
			rel[stem+e] = v
		}
	}
	rel["im vergangenen"], rel["im kommenden"], rel["im nächsten"], rel["im laufenden"] = -1, 1, 1, 0
	rel["in der vergangenen"], rel["in der kommenden"], rel["in der nächsten"], rel["am kommenden"], rel["am vergangenen"], rel["am letzten"], rel["am nächsten"] = -1, 1, 1, 1, -1, -1, 1
	rel["in diesem"], rel["in dieser"] = 0, 0
	return &lexicon{
		yearIn: set("im", "in"),
		lang:   "de",
		months: map[string]int{"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
			"august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
			"jan": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12},
		abbrevs:     set("jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez"),
		weekdays:    map[string]int{"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6, "sonntag": 7},
		weekdaySets: makePhrases(map[string]int{"montags": 1, "dienstags": 2, "mittwochs": 3, "donnerstags": 4, "freitags": 5, "samstags": 6, "sonntags": 7}),
		numbers:     nums,
		vague:       phraseSet("einige", "einigen", "mehrere", "mehreren", "ein paar", "paar", "vielen", "viele", "wenigen", "wenige"),
		ordinals:    map[string]int{"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4, "zwanzigste": 20, "zwanzigsten": 20, "einundzwanzigste": 21, "einundzwanzigsten": 21, "neunzehnte": 19, "neunzehnten": 19},
		units: map[string]unit{"jahr": {"Y", false}, "jahre": {"Y", true}, "jahren": {"Y", true}, "jahres": {"Y", false},
			"monat": {"M", false}, "monate": {"M", true}, "monaten": {"M", true}, "monats": {"M", false},
			"woche": {"W", false}, "wochen": {"W", true}, "tag": {"D", false}, "tage": {"D", true}, "tagen": {"D", true}, "tages": {"D", false},
			"stunde": {"H", false}, "stunden": {"H", true}, "minute": {"MIN", false}, "minuten": {"MIN", true},
			"sekunde": {"S", false}, "sekunden": {"S", true}, "jahrzehnt": {"DE", false}, "jahrzehnte": {"DE", true}, "jahrzehnten": {"DE", true},
			"jahrhundert": {"CE", false}, "jahrhunderte": {"CE", true}, "quartal": {"Q", false}, "quartals": {"Q", false}},
		dayWords: makePhrases(map[string]int{"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}),
		dayParts: makePhrases(map[string]dayPart{"heute morgen": {0, "MO"}, "heute früh": {0, "MO"}, "heute abend": {0, "EV"}, "heute nacht": {0, "NI"},
			"heute nachmittag": {0, "AF"}, "gestern abend": {-1, "EV"}, "gestern morgen": {-1, "MO"}, "gestern nachmittag": {-1, "AF"},
			"gestern nacht": {-1, "NI"}, "morgen früh": {1, "MO"}, "morgen abend": {1, "EV"}, "heuer": {0, ""}}),
		partOfDay: map[string]string{"morgen": "MO", "vormittag": "MO", "nachmittag": "AF", "abend": "EV", "nacht": "NI", "früh": "MO", "mittag": "MI"},
		seasons:   map[string]string{"frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"},
		relPre:    makePhrases(rel),
		agoPost:   phraseSet("zuvor", "früher"),
		agoPre:    makePhrases(map[string]int{"vor": -1}),
		every:     phraseSet("jeden", "jede", "jedes", "jedem", "pro", "alle"),
		setAdverb: makePhrases(map[string]string{"täglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M", "jährlich": "P1Y", "alljährlich": "P1Y"}),
		refs: makePhrases(map[string]string{"jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "gegenwärtig": "PRESENT_REF",
			"aktuell": "PRESENT_REF", "momentan": "PRESENT_REF", "kürzlich": "PAST_REF", "neulich": "PAST_REF", "vor kurzem": "PAST_REF", "jüngst": "PAST_REF",
			"bald": "FUTURE_REF", "demnächst": "FUTURE_REF", "die zukunft": "FUTURE_REF", "die vergangenheit": "PAST_REF", "inzwischen": "PRESENT_REF"}),
		dateMods:     phraseSet("anfang", "ende", "mitte", "anfang des", "ende des", "mitte des", "anfang der", "ende der", "mitte der", "früher", "später", "bis"),
		durMods:      phraseSet("etwa", "fast", "mehr als", "über", "knapp", "rund", "mindestens", "weniger als", "gut", "fast", "nahezu", "ungefähr", "seit", "die vergangenen", "die letzten", "die nächsten", "den vergangenen", "den letzten", "den nächsten"),
		articles:     set("der", "die", "das", "den", "dem", "des"),
		rangeTo:      phraseSet("bis", "bis zum", "bis einschließlich", "-"),
		rangeFrom:    set("vom", "von", "ab"),
		rangeBetween: set("zwischen"),
		rangeAnd:     set("und"),
		daySuffix:    set("."),
		dayOf:        set(),
		yearOf:       set(),
		quarter:      set("quartal"),
		half:         set("halbjahr", "hälfte"),
		weekend:      set("wochenende"),
		century:      set("jahrhundert", "jahrhunderts"),
		decadeW:      map[string]int{"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6, "siebziger": 7, "achtziger": 8, "neunziger": 9},
		timeMark:     phraseSet("uhr"),
		am:           phraseSet("morgens", "früh"),
		pm:           phraseSet("nachmittags", "abends"),
		noon:         makePhrases(map[string]string{"mitternacht": "24:00", "mittag": "12:00"}),
		at:           set("um", "gegen", "ab", "bis"),
		future:       phraseSet("wird", "werden", "wirst", "soll", "sollen", "will", "wollen", "geplant", "nächste", "nächsten", "kommenden"),
		past: set("war", "waren", "hatte", "hatten", "sagte", "sagten", "wurde", "wurden", "kam", "kamen", "ging", "gingen", "traf", "trafen",
			"hat", "haben", "besuchte", "erklärte", "teilte", "unterzeichnete", "reiste", "starb", "gab", "fand", "stand", "letzten", "letzte", "vergangenen", "gestern", "vor"),
		participle: func(w string) bool {
			return len(w) > 5 && strings.HasPrefix(w, "ge") && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en"))
		},
		perfectAux: set("ist", "sind"),
	}
}
