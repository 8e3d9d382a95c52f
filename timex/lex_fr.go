package timex

import "strings"

func french() *lexicon {
	small := []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
		"onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"}
	nums := numberMap(small, map[string]int{"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}, nil)
	nums["une"], nums["cent"] = 1, 100
	rel := map[string]int{"dernier": -1, "dernière": -1, "passé": -1, "passée": -1, "prochain": 1, "prochaine": 1, "précédent": -1, "précédente": -1, "suivant": 1, "suivante": 1, "en cours": 0}
	return &lexicon{
		yearIn: set("en"),
		lang:   "fr",
		months: map[string]int{"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
			"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
			"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12},
		abbrevs:     set("janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc"),
		weekdays:    map[string]int{"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7},
		weekdaySets: makePhrases(map[string]int{"tous les lundis": 1, "tous les mardis": 2, "tous les mercredis": 3, "tous les jeudis": 4, "tous les vendredis": 5, "tous les samedis": 6, "tous les dimanches": 7}),
		numbers:     nums,
		vague:       phraseSet("plusieurs", "quelques", "de nombreuses", "de nombreux"),
		ordinals:    map[string]int{"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "vingtième": 20, "dix-neuvième": 19, "vingt et unième": 21},
		units: map[string]unit{"an": {"Y", false}, "ans": {"Y", true}, "année": {"Y", false}, "années": {"Y", true},
			"mois": {"M", false}, "semaine": {"W", false}, "semaines": {"W", true}, "jour": {"D", false}, "jours": {"D", true},
			"journée": {"D", false}, "journées": {"D", true}, "heure": {"H", false}, "heures": {"H", true}, "minute": {"MIN", false},
			"minutes": {"MIN", true}, "seconde": {"S", false}, "secondes": {"S", true}, "décennie": {"DE", false}, "décennies": {"DE", true},
			"siècle": {"CE", false}, "siècles": {"CE", true}, "trimestre": {"Q", false}},
		dayWords: makePhrases(map[string]int{"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}),
		dayParts: makePhrases(map[string]dayPart{"ce matin": {0, "MO"}, "cet après-midi": {0, "AF"}, "ce soir": {0, "EV"}, "cette nuit": {0, "NI"},
			"hier soir": {-1, "EV"}, "hier matin": {-1, "MO"}, "demain matin": {1, "MO"}, "demain soir": {1, "EV"}}),
		partOfDay: map[string]string{"matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI"},
		seasons:   map[string]string{"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
		relPre:    makePhrases(map[string]int{"ce": 0, "cette": 0, "cet": 0, "le prochain": 1, "la prochaine": 1, "le dernier": -1, "la dernière": -1}),
		relPost:   makePhrases(rel),
		agoPost:   phraseSet("plus tôt", "auparavant"),
		agoPre:    makePhrases(map[string]int{"il y a": -1}),
		every:     phraseSet("chaque", "tous les", "toutes les", "par"),
		setAdverb: makePhrases(map[string]string{"quotidiennement": "P1D", "chaque jour": "P1D", "chaque année": "P1Y", "annuellement": "P1Y", "mensuellement": "P1M"}),
		refs: makePhrases(map[string]string{"maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "à présent": "PRESENT_REF", "aujourd'hui encore": "PRESENT_REF",
			"récemment": "PAST_REF", "dernièrement": "PAST_REF", "bientôt": "FUTURE_REF", "l'avenir": "FUTURE_REF", "le passé": "PAST_REF", "désormais": "PRESENT_REF"}),
		dateMods:     phraseSet("début", "fin", "mi", "début de", "fin de", "la fin de", "le début de", "courant", "mi-", "à la fin de", "au début de", "plus tard", "dès"),
		durMods:      phraseSet("environ", "près de", "plus de", "presque", "au moins", "moins de", "quelque", "depuis", "pendant", "durant", "les derniers", "les dernières", "les prochains", "les prochaines"),
		articles:     set("le", "la", "les", "l"),
		rangeTo:      phraseSet("au", "à", "jusqu'au", "-", "jusqu'à"),
		rangeFrom:    set("du", "de", "depuis"),
		rangeBetween: set("entre"),
		rangeAnd:     set("et"),
		daySuffix:    set("er", "e"),
		dayOf:        set(),
		yearOf:       set(),
		quarter:      set("trimestre"),
		half:         set("semestre"),
		weekend:      set("week-end", "weekend"),
		century:      set("siècle"),
		decadeW:      map[string]int{},
		timeMark:     phraseSet("h", "heures", "heure"),
		am:           phraseSet("du matin"),
		pm:           phraseSet("de l'après-midi", "du soir"),
		noon:         makePhrases(map[string]string{"minuit": "24:00", "midi": "12:00"}),
		at:           set("à", "vers"),
		future:       phraseSet("va", "vont", "sera", "seront", "prochain", "prochaine", "doit", "doivent", "devrait", "prévu", "prévue"),
		past:         set("a", "ont", "avait", "avaient", "était", "étaient", "fut", "dit", "déclaré", "dernier", "dernière", "passé", "hier", "il y a"),
		participle: func(w string) bool {
			return len(w) > 4 && (strings.HasSuffix(w, "é") || strings.HasSuffix(w, "ée") || strings.HasSuffix(w, "és"))
		},
		perfectAux: set("est", "sont"),
	}
}
