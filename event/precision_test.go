package event_test

import (
	"strings"
	"testing"
	"time"

	"dateline/event"
	"dateline/model"
)

// TestPrecisionRules runs invented Dutch and English sentences through the
// pipeline's path (linker with NER, time layer, coder) and checks the
// coder's precision rules: no dyad inside one country without two
// distinct parts of it, actors from the trigger's clause, places that are
// locations the clause puts the event in, dates from the event's clause
// (not a deadline, not a noun's modifier, not the reporting clause), and
// past-context events keeping their own date.
func TestPrecisionRules(t *testing.T) {
	c := loadChain(t)
	pub := model.Time{Time: time.Date(2024, 3, 15, 9, 0, 0, 0, time.UTC)}
	const any = "*"
	tests := []struct {
		name, lang, text string
		// the event of the last sentence; typ "" means none is expected
		typ, src, tgt string
		// place and date of that event; any = not checked
		place, date string
		// same: a one-country pair is expected (a domestic event)
		same bool
	}{
		// one country: two parts of the same state are no dyad
		{name: "nl minister meets own president", lang: "nl",
			text: "De Russische minister van Defensie sprak dinsdag met de Russische president Vladimir Poetin.",
			typ:  event.Consult, src: "RUS", tgt: "", place: any, date: any},
		{name: "en minister meets own president", lang: "en",
			text: "The Chinese foreign minister met Chinese President Xi Jinping in Beijing on Tuesday.",
			typ:  event.Consult, src: "CHN", tgt: "", place: any, date: any},
		{name: "en role of country", lang: "en",
			text: "At the invitation of the Chinese president, the President of Belarus will pay a state visit to China.",
			typ:  event.Consult, src: "BLR", tgt: "CHN", place: "China", date: ""},
		{name: "nl domestic: police and demonstrators", lang: "nl",
			text: "De politie arresteerde zaterdag tientallen demonstranten in Minsk.",
			typ:  event.Coerce, src: "BLR", tgt: "BLR", same: true, place: "Minsk", date: "2024-03-09"},

		// actors come from the trigger's clause
		{name: "en relative clause is not the target", lang: "en",
			text: "Germany thanked France for the aid that Italy had sent to Greece.",
			typ:  event.Support, src: "DEU", tgt: "FRA", place: any, date: any},
		{name: "en nested phrase is not the target", lang: "en",
			text: "Belarus allowed the use of its airfields for the attack on Ukraine.",
			typ:  event.Concede, src: "BLR", tgt: "", place: any, date: any},
		{name: "nl pronoun subject is the previous event's person", lang: "nl",
			text: "De Russische minister van Defensie bracht een bezoek aan Belarus. Hij sprak zaterdag in Minsk met de Belarussische president.",
			typ:  event.Consult, src: "RUS", tgt: "BLR", place: "Minsk", date: "2024-03-09"},

		// reporting verbs: the speaker is not the actor, the attribution
		// does not date the event
		{name: "nl ministry reports a visit", lang: "nl",
			text: "Het ministerie zei vrijdag dat de Franse president Emmanuel Macron Duitsland bezoekt.",
			typ:  event.Consult, src: "FRA", tgt: "DEU", place: any, date: any},
		{name: "en attribution after a comma", lang: "en",
			text: "Polish President Andrzej Duda will visit Lithuania, the foreign ministry said Saturday.",
			typ:  event.Consult, src: "POL", tgt: "LTU", place: "Lithuania", date: ""},
		{name: "en said that X must", lang: "en",
			text: "Russia said on Tuesday that Sudan must return the helicopter.",
			typ:  event.Request, src: "RUS", tgt: "SDN", place: any, date: any},
		// (an announced step is coded as an intention: AGREE)
		{name: "en announced that it will", lang: "en",
			text: "Nigeria announced that it will withdraw its troops from Chad.",
			typ:  event.Agree, src: "NGA", tgt: "TCD", place: any, date: ""},

		// places: a location mention the clause puts the event in, never
		// a person, organisation or a phrase inside another phrase
		{name: "nl meeting place of an invitation", lang: "nl",
			text: "De Russische president nodigde Kim Jong-un uit voor een nieuwe ontmoeting in Moskou.",
			typ:  event.Consult, src: "RUS", tgt: "PRK", place: "", date: any},
		{name: "en war in Ukraine is no place", lang: "en",
			text: "Putin thanked Kim Jong Un for his support in the war in Ukraine.",
			typ:  event.Support, src: "RUS", tgt: "PRK", place: "", date: any},
		{name: "nl soldiers are no place", lang: "nl",
			text: "Sjoigoe bedankte de Belarussische president voor de steun aan de in het land gelegerde Russische soldaten.",
			typ:  event.Support, src: "RUS", tgt: "BLR", place: "", date: any},
		{name: "en met in a place", lang: "en",
			text: "Xi Jinping and Vladimir Putin met in Uzbekistan on Thursday.",
			typ:  event.Consult, src: "CHN", tgt: "RUS", place: "Uzbekistan", date: "2024-03-14"},

		// dates: the event's own clause
		{name: "en deadline is no date", lang: "en",
			text: "Russia is planning to send troops to Belarus by 2030.",
			typ:  event.Agree, src: "RUS", tgt: "BLR", place: any, date: ""},
		{name: "en year of a noun is no date", lang: "en",
			text: "Lukashenko thanked Putin for his support after the 2020 elections.",
			typ:  event.Support, src: "BLR", tgt: "RUS", place: any, date: "2024-03-15"},
		{name: "en date of another clause", lang: "en",
			text: "Lukashenko thanked Putin, though his reelection in 2020 was disputed.",
			typ:  event.Support, src: "BLR", tgt: "RUS", place: any, date: "2024-03-15"},

		// past context keeps its own date or none
		{name: "nl earlier that year", lang: "nl",
			text: "Eerder dat jaar gingen Frankrijk en Duitsland akkoord met een nieuw verdrag.",
			typ:  event.Agree, src: "FRA", tgt: "DEU", place: any, date: ""},
		{name: "en last met with a date", lang: "en",
			text: "Xi and Putin last met in Beijing in October 2023.",
			typ:  event.Consult, src: "CHN", tgt: "RUS", place: "Beijing", date: "2023-10"},
		{name: "en pluperfect", lang: "en",
			text: "Belarus had allowed Russian troops to use its territory.",
			typ:  event.Concede, src: "BLR", tgt: any, place: any, date: ""},

		// no event
		{name: "en state, not an event", lang: "en",
			text: "Lukashenko is a close ally of Russian President Vladimir Putin.", typ: ""},
		{name: "en plan is no agreement", lang: "en",
			text: "Reports suggested that Russia is planning to absorb Belarus.", typ: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.Document{Source: "test://" + tc.name, Format: model.FormatText, Lang: tc.lang,
				Content: "Bericht\n" + tc.text, Published: pub}
			a := c.process(t, doc)
			text := a.Text()
			last := strings.LastIndex(text, lastSentence(tc.text))
			var got []model.Event
			for _, e := range a.Events {
				if e.Sources[0].End > last {
					got = append(got, e)
				}
			}
			checkPrecision(t, tc.name, a)
			if tc.typ == "" {
				if len(got) != 0 {
					t.Fatalf("want no event, got %s", describe(a, got[0]))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d events in the last sentence, want 1 (all: %d)", len(got), len(a.Events))
			}
			e := got[0]
			if e.Type != tc.typ || e.Source.Country != tc.src || tc.tgt != any && e.Target.Country != tc.tgt {
				t.Errorf("got %s, want %s %s->%s", describe(a, e), tc.typ, tc.src, tc.tgt)
			}
			if same := e.Source.Country != "" && e.Source.Country == e.Target.Country; same != tc.same {
				t.Errorf("one-country pair %v, want %v: %s", same, tc.same, describe(a, e))
			}
			if tc.place != any && e.Place != tc.place {
				t.Errorf("place %q, want %q: %s", e.Place, tc.place, describe(a, e))
			}
			if tc.date != any && e.Date != tc.date {
				t.Errorf("date %q, want %q: %s", e.Date, tc.date, describe(a, e))
			}
		})
	}
}

// lastSentence is the text after the last ". " (the whole text if none).
func lastSentence(s string) string {
	if i := strings.LastIndex(strings.TrimSuffix(s, "."), ". "); i >= 0 {
		return s[i+2:]
	}
	return s
}
