package event_test

import (
	"testing"
	"time"

	"dateline/entity"
	"dateline/event"
	"dateline/model"
	"dateline/timex"
)

// TestCodeLinkedDutch runs the coder the way the pipeline does: mentions
// from the entity linker, actors resolved through the knowledge base,
// dates from the time layer.
func TestCodeLinkedDutch(t *testing.T) {
	kb, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	linker := entity.NewLinker(kb)
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	pub := model.Time{Time: time.Date(2023, 2, 25, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name, text          string
		typ, mode, src, tgt string
		date, dateEnd       string // "" = not checked
		none                bool   // no event expected
	}{
		{name: "announced visit", text: "De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China.",
			typ: event.Consult, mode: "visit", src: "BLR", tgt: "CHN", date: "2023-W09"},
		{name: "host receives visitor", text: "Maandag kreeg hij zijn Belarussische ambtgenoot Aleksandr Loekasjenko op bezoek in Beijing.",
			typ: event.Consult, mode: "visit", src: "BLR", tgt: "CHN"},
		{name: "possessive visit with range", text: "Loekasjenko's bezoek van 28 februari tot en met 2 maart vindt plaats op uitnodiging van de Chinese president Xi Jinping.",
			typ: event.Consult, mode: "visit", src: "BLR", tgt: "CHN", date: "2023-02-28", dateEnd: "2023-03-02"},
		// our own sentences
		{name: "visit of named person", text: "Het bezoek van Macron van 3 tot en met 5 mei vindt plaats op uitnodiging van de Indiase premier Narendra Modi.",
			typ: event.Consult, mode: "visit", src: "FRA", tgt: "IND", date: "2023-05-03", dateEnd: "2023-05-05"},
		{name: "visit future weekday", text: "De Franse president Emmanuel Macron brengt donderdag een bezoek aan India.",
			typ: event.Consult, mode: "visit", src: "FRA", tgt: "IND", date: "2023-03-02"},
		{name: "host past weekday", text: "Zondag ontving hij zijn Turkse ambtgenoot Recep Tayyip Erdogan in Moskou.",
			typ: event.Consult, mode: "visit", src: "TUR", tgt: "RUS"},
		{name: "attribution is no actor", text: "Volgens persbureau Belta bedankte de Russische minister de Belarussische president voor de steun.",
			typ: event.Support, src: "RUS", tgt: "BLR"},
		{name: "agent takes the place's country", text: "De politie arresteerde dinsdag drie demonstranten in Minsk.",
			typ: event.Coerce, src: "BLR"},
		{name: "reporting verb", text: "Het ministerie meldt dat het overleg goed verliep.", none: true},
		{name: "no actor pair", text: "Het weer was zaterdag slecht in Den Haag.", none: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &model.Article{Lang: "nl", Body: tc.text, Published: pub}
			a.Mentions = linker.Link(a.Text(), "nl", pub, nil)
			a.Timexes = timex.Extract(a.Text(), "nl", pub)
			evs := c.Code(a, "nl", kb)
			if tc.none {
				if len(evs) != 0 {
					t.Fatalf("got %d events, want none: %+v", len(evs), evs[0])
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("got %d events, want 1", len(evs))
			}
			e := evs[0]
			if e.Type != tc.typ || e.Mode != tc.mode || e.Source.Country != tc.src || (tc.tgt != "" && e.Target.Country != tc.tgt) {
				t.Errorf("got %s/%s %s->%s, want %s/%s %s->%s", e.Type, e.Mode, e.Source.Country, e.Target.Country, tc.typ, tc.mode, tc.src, tc.tgt)
			}
			if e.Source.Country == "" && e.Target.Country == "" {
				t.Error("event without a country")
			}
			if tc.date != "" && (e.Date != tc.date || e.DateEnd != tc.dateEnd) {
				t.Errorf("date %s..%s, want %s..%s", e.Date, e.DateEnd, tc.date, tc.dateEnd)
			}
		})
	}
}
