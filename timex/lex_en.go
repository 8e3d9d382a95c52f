package timex

import "strings"

func english() *lexicon {
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	nums := numberMap(small, tens, nil) // "twenty four" is read as two tokens
	nums["a"], nums["an"], nums["hundred"] = 1, 1, 100
	nums["dozen"] = 12
	return &lexicon{
		lang: "en",
		months: map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
			"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
			"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12},
		abbrevs:     set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
		weekdays:    map[string]int{"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7},
		weekdaySets: makePhrases(map[string]int{"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7}),
		numbers:     nums,
		vague:       phraseSet("several", "a few", "few", "many", "some", "a couple of", "couple of", "recent", "the last few", "the past few"),
		ordinals: map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
			"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
			"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21},
		units: map[string]unit{"year": {"Y", false}, "years": {"Y", true}, "month": {"M", false}, "months": {"M", true},
			"week": {"W", false}, "weeks": {"W", true}, "day": {"D", false}, "days": {"D", true},
			"hour": {"H", false}, "hours": {"H", true}, "minute": {"MIN", false}, "minutes": {"MIN", true},
			"second": {"S", false}, "seconds": {"S", true}, "decade": {"DE", false}, "decades": {"DE", true},
			"century": {"CE", false}, "centuries": {"CE", true}, "fortnight": {"2W", false}, "quarter": {"Q", false}, "quarters": {"Q", true}},
		dayWords: makePhrases(map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1,
			"the day before yesterday": -2, "the day after tomorrow": 2}),
		dayParts: makePhrases(map[string]dayPart{"tonight": {0, "NI"}, "this morning": {0, "MO"}, "this afternoon": {0, "AF"},
			"this evening": {0, "EV"}, "last night": {-1, "NI"}, "overnight": {0, "NI"}}),
		partOfDay: map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
		seasons:   map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
		relPre: makePhrases(map[string]int{"last": -1, "next": 1, "this": 0, "coming": 1, "previous": -1, "past": -1,
			"this past": -1, "the following": 1, "the current": 0, "this coming": 1}),
		agoPost:   phraseSet("ago", "earlier"),
		agoPre:    makePhrases(map[string]int{}),
		every:     phraseSet("every", "each", "per"),
		setAdverb: makePhrases(map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}),
		refs: makePhrases(map[string]string{"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
			"at present": "PRESENT_REF", "presently": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
			"the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
			"these days": "PRESENT_REF", "the present": "PRESENT_REF", "any time": "FUTURE_REF"}),
		dateMods: phraseSet("early", "late", "mid", "the end of", "the beginning of", "the start of", "the middle of", "end of",
			"beginning of", "start of", "middle of", "earlier", "later", "the early", "the late", "the mid", "as early as", "as late as", "the rest of", "the remainder of", "fiscal"),
		durMods: phraseSet("about", "nearly", "almost", "more than", "no more than", "at least", "roughly", "around", "up to", "less than",
			"approximately", "just over", "just under", "some", "fewer than", "at most", "under", "well over", "close to", "the past", "the last", "the next", "the first", "the coming", "another", "an additional", "the final", "a further", "the previous"),
		articles:     set("the"),
		rangeTo:      phraseSet("to", "through", "until", "till", "-", "thru"),
		rangeFrom:    set("from"),
		rangeBetween: set("between"),
		rangeAnd:     set("and"),
		daySuffix:    set("st", "nd", "rd", "th"),
		dayOf:        set("of"),
		yearOf:       set("of"),
		quarter:      set("quarter"),
		half:         set("half"),
		weekend:      set("weekend"),
		century:      set("century"),
		decadeW:      map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9},
		timeMark:     phraseSet("o'clock", "o ' clock"),
		am:           phraseSet("a.m.", "am", "a.m"),
		pm:           phraseSet("p.m.", "pm", "p.m"),
		noon:         makePhrases(map[string]string{"noon": "12:00", "midnight": "24:00", "midday": "12:00"}),
		at:           set("at", "around", "about", "by", "before", "after", "until"),
		future: phraseSet("will", "'ll", "shall", "going to", "is to", "are to", "expected to", "plans to", "plan to", "planned",
			"scheduled", "would", "is due", "are due", "set to", "upcoming", "intends to", "next", "will be"),
		past: set("was", "were", "had", "did", "said", "told", "met", "went", "came", "made", "took", "gave", "left", "won", "lost",
			"fell", "rose", "held", "sent", "began", "saw", "got", "paid", "sold", "bought", "struck", "shot", "led",
			"found", "brought", "spent", "became", "wrote", "spoke", "ran", "flew", "signed", "thought", "knew",
			"killed", "injured", "announced", "reported", "closed", "ended", "last", "ago", "yesterday", "earlier"),
		participle: func(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ed") && !pastFalse[w] },
		perfectAux: set("has", "have"),
	}
}

// pastFalse are words ending in -ed that are not past tenses.
var pastFalse = set("need", "needs", "speed", "indeed", "hundred", "feed", "seed", "breed", "bleed", "proceed", "exceed",
	"succeed", "embed", "shed", "shred", "bed", "red", "wed", "united", "limited", "based", "related", "proposed", "expected",
	"planned", "scheduled", "supposed", "detailed", "advanced", "concerned", "interested", "armed", "married", "sacred", "naked", "wicked")
