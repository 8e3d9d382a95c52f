package event

import (
	"strings"
	"testing"
	"time"

	"dateline/model"
)

// kb is a tiny in-test Actors: entity ID -> country/sector.
type kb map[string][2]string

func (k kb) Actor(id string, _ time.Time) (string, string, bool) {
	v, ok := k[id]
	return v[0], v[1], ok
}

var testKB = kb{
	"lukashenko": {"BLR", "GOV"}, "xi": {"CHN", "GOV"}, "china": {"CHN", ""}, "beijing": {"CHN", ""},
	"khrenin": {"BLR", "MIL"}, "shoigu": {"RUS", "MIL"}, "putin": {"RUS", "GOV"}, "kim": {"PRK", "GOV"},
	"moscow": {"RUS", ""},
}

type men struct{ text, typ, id string }

// article builds an article whose body is text, with mentions found by
// their surface text and time expressions given as (text, value, end).
func article(text string, ms []men, txs [][3]string) *model.Article {
	a := &model.Article{Source: "test://a", URL: "https://example.org/a", Body: text, Lang: "en",
		Published: model.Date(2023, time.February, 25)}
	full := a.Text()
	for _, m := range ms {
		i := strings.Index(full, m.text)
		if i < 0 {
			panic("mention not in text: " + m.text)
		}
		a.Mentions = append(a.Mentions, model.Mention{Text: m.text, Type: m.typ, EntityID: m.id, Start: i, End: i + len(m.text)})
	}
	for _, t := range txs {
		i := strings.Index(full, t[0])
		if i < 0 {
			panic("timex not in text: " + t[0])
		}
		a.Timexes = append(a.Timexes, model.Timex{Text: t[0], Type: "DATE", Value: t[1], EndValue: t[2], Start: i, End: i + len(t[0]), Anchored: true})
	}
	return a
}

func TestCodeArticle(t *testing.T) {
	c, err := NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		lang      string
		text      string
		mentions  []men
		timexes   [][3]string
		typ, mode string
		src, tgt  string
		date, end string
		place     string
	}{
		{name: "nl visit announced", lang: "nl",
			text:     "De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China.",
			mentions: []men{{"Aleksandr Loekasjenko", model.PER, "lukashenko"}, {"China", model.LOC, "china"}},
			timexes:  [][3]string{{"volgende week", "2023-W09", ""}},
			typ:      Consult, mode: "visit", src: "BLR", tgt: "CHN", date: "2023-W09"},
		{name: "en state visit with range", lang: "en",
			text:     "Alexander Lukashenko will pay a state visit to China from February 28 to March 2.",
			mentions: []men{{"Alexander Lukashenko", model.PER, "lukashenko"}, {"China", model.LOC, "china"}},
			timexes:  [][3]string{{"from February 28 to March 2", "2023-02-28", "2023-03-02"}},
			typ:      Consult, mode: "visit", src: "BLR", tgt: "CHN", date: "2023-02-28", end: "2023-03-02"},
		{name: "nl host receives visitor", lang: "nl",
			text:     "Maandag kreeg hij zijn Belarussische ambtgenoot op bezoek in Beijing.",
			mentions: []men{{"Beijing", model.LOC, "beijing"}},
			timexes:  [][3]string{{"Maandag", "XXXX-WXX-1", ""}},
			typ:      Consult, mode: "visit", src: "BLR", tgt: "CHN", place: "Beijing"},
		{name: "nl signed document", lang: "nl",
			text:     "Met Chrenin ondertekende de Russische defensieminister een document.",
			mentions: []men{{"Chrenin", model.PER, "khrenin"}},
			typ:      Agree, src: "RUS", tgt: "BLR", date: "2023-02-25"},
		{name: "nl thanks", lang: "nl",
			text:     "Sjoigoe bedankte de Belarussische machthebber.",
			mentions: []men{{"Sjoigoe", model.PER, "shoigu"}},
			typ:      Support, src: "RUS", tgt: "BLR"},
		{name: "nl thanks for support", lang: "nl",
			text:     "Poetin dankt Kim Jong-un voor steun.",
			mentions: []men{{"Poetin", model.PER, "putin"}, {"Kim Jong-un", model.PER, "kim"}},
			typ:      Support, src: "RUS", tgt: "PRK"},
		{name: "nl invitation", lang: "nl",
			text:     "De Russische president nodigde Kim uit voor een nieuwe ontmoeting in Moskou.",
			mentions: []men{{"Kim", model.PER, "kim"}, {"Moskou", model.LOC, "moscow"}},
			// "in Moskou" places the meeting invited to, not the invitation
			typ: Consult, mode: "invitation", src: "RUS", tgt: "PRK", place: "-"},
		{name: "en host visit", lang: "en",
			text:     "Chinese President Xi Jinping hosted his Belarusian counterpart in Beijing on Wednesday.",
			mentions: []men{{"Xi Jinping", model.PER, "xi"}, {"Beijing", model.LOC, "beijing"}},
			typ:      Consult, mode: "visit", src: "BLR", tgt: "CHN"},
		{name: "en accusation", lang: "en",
			text: "The Russian foreign ministry accused Poland of provoking tensions on the border.",
			typ:  Accuse, src: "RUS", tgt: "POL"},
		{name: "nl attack", lang: "nl",
			text: "Het Russische leger beschoot maandag de Oekraïense stad Charkiv.",
			typ:  Assault, src: "RUS", tgt: "UKR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.text, tc.mentions, tc.timexes)
			evs := c.Code(a, tc.lang, testKB)
			if len(evs) != 1 {
				t.Fatalf("got %d events, want 1: %+v", len(evs), evs)
			}
			e := evs[0]
			if e.Type != tc.typ || (tc.mode != "" && e.Mode != tc.mode) {
				t.Errorf("type = %s/%s, want %s/%s", e.Type, e.Mode, tc.typ, tc.mode)
			}
			if e.Source.Country != tc.src || e.Target.Country != tc.tgt {
				t.Errorf("dyad = %s->%s, want %s->%s", e.Source.Country, e.Target.Country, tc.src, tc.tgt)
			}
			if tc.date != "" && (e.Date != tc.date || e.DateEnd != tc.end) {
				t.Errorf("date = %s..%s, want %s..%s", e.Date, e.DateEnd, tc.date, tc.end)
			}
			if tc.place == "-" && e.Place != "" || tc.place != "" && tc.place != "-" && e.Place != tc.place {
				t.Errorf("place = %q, want %q", e.Place, tc.place)
			}
			if len(e.Sources) != 1 || e.Sources[0].Source != a.URL || a.Text()[e.Sources[0].Start:e.Sources[0].End] != e.Sources[0].Sentence {
				t.Errorf("bad provenance %+v", e.Sources)
			}
			if e.Confidence <= 0 || e.Confidence >= 1 {
				t.Errorf("confidence %v out of (0,1)", e.Confidence)
			}
			if e.Score != Score(e.Type, e.Mode) {
				t.Errorf("score %v, want %v", e.Score, Score(e.Type, e.Mode))
			}
		})
	}
}

func TestCodeSentenceNoEvent(t *testing.T) {
	var c Coder // the zero value works
	for _, s := range []string{
		"",
		"The weather in Amsterdam was mild on Tuesday.",
		"Het regende de hele dag.",
	} {
		if evs := c.CodeSentence(s, "nl"); len(evs) != 0 {
			t.Errorf("%q: got %+v, want no event", s, evs)
		}
	}
}

func TestCodeSentenceEnglish(t *testing.T) {
	var c Coder
	tests := []struct {
		name, text, typ, src, tgt string
	}{
		{"visit", "Taiwan's Vice Foreign Minister visited Russia today.", Consult, "TWN", "RUS"},
		{"reject", "South Korea has rejected North Korea's demand to end the military alliance.", Reject, "KOR", "PRK"},
		{"threaten", "Iran today threatened to launch a new military offensive against Iraq.", Threaten, "IRN", "IRQ"},
		{"passive assault", "Two British soldiers were killed by Irish guerrillas in a bomb attack.", Assault, "IRL", "GBR"},
		{"intent", "France will send 4,000 troops to a peacekeeping force in Liberia.", Agree, "FRA", "LBR"},
		{"refusal", "The Turkish government has refused to provide assistance to the US.", Reject, "TUR", "USA"},
		{"nominal talks", "Armenia and Azerbaijan resumed negotiations in Geneva on Monday.", Consult, "ARM", "AZE"},
		{"intent to meet", "Kenyan officials said they would meet Somali leaders next month.", Agree, "KEN", "SOM"},
		{"announced visit stays visit", "The Polish president will visit Lithuania next week.", Consult, "POL", "LTU"},
		{"ease restrictions", "The Cuban government lifted restrictions on travel by Cuban citizens.", Concede, "CUB", "CUB"},
		{"in protest", "Bolivian miners staged a 48-hour hunger strike in protest against the Bolivian government.", Protest, "BOL", "BOL"},
		{"conditional halt", "Norway may suspend aid to Uganda if the law is passed.", Threaten, "NOR", "UGA"},
		{"investigate", "Italian prosecutors opened an investigation into Albanian smugglers.", Accuse, "ITA", "ALB"},
		{"domestic agent", "The judge ordered the arrest of Peruvian opposition leaders.", Coerce, "PER", "PER"},
		{"adjective participle", "Chile's leading union staged a strike against the Chilean government.", Protest, "CHL", "CHL"},
		{"at least is no preposition", "At least five Kenyan soldiers were killed by Somali militants.", Assault, "SOM", "KEN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := c.CodeSentence(tc.text, "en")
			if len(evs) != 1 {
				t.Fatalf("got %d events", len(evs))
			}
			e := evs[0]
			if e.Type != tc.typ || e.Source.Country != tc.src || e.Target.Country != tc.tgt {
				t.Errorf("got %s %s->%s, want %s %s->%s", e.Type, e.Source.Country, e.Target.Country, tc.typ, tc.src, tc.tgt)
			}
		})
	}
}

func TestScore(t *testing.T) {
	for _, typ := range Types {
		s := Score(typ, "")
		if s < -10 || s > 10 || s == 0 {
			t.Errorf("Score(%s) = %v", typ, s)
		}
	}
	if !(Score(Agree, "") > 0 && Score(Assault, "") < Score(Threaten, "") && Score(Threaten, "") < 0) {
		t.Errorf("scores out of order: agree %v threaten %v assault %v", Score(Agree, ""), Score(Threaten, ""), Score(Assault, ""))
	}
	if Score("FIGHT", "") != Score(Assault, "") {
		t.Error("old FIGHT should score as ASSAULT")
	}
	if Score(Consult, "visit") == Score(Consult, "") {
		t.Error("visit mode should refine CONSULT's score")
	}
}

func TestFromCAMEO(t *testing.T) {
	tests := []struct{ code, typ, mode string }{
		{"042", Consult, "visit"}, {"043", Consult, "host"}, {"057", Agree, ""}, {"051", Support, ""},
		{"0841", Retreat, "release"}, {"083", Concede, ""}, {"1123", Accuse, ""}, {"163", Sanction, "restrict"},
		{"190", Assault, ""}, {"193", Assault, "firearms"}, {"192", Coerce, "seize"},
		{"020", Request, ""}, {"0233", Request, ""},
	}
	for _, tc := range tests {
		typ, mode, ok := FromCAMEO(tc.code)
		if !ok || typ != tc.typ || mode != tc.mode {
			t.Errorf("FromCAMEO(%s) = %s/%s %v, want %s/%s", tc.code, typ, mode, ok, tc.typ, tc.mode)
		}
	}
	for _, code := range []string{"010", "012", "", "x"} {
		if _, _, ok := FromCAMEO(code); ok {
			t.Errorf("FromCAMEO(%q) should not code an event", code)
		}
	}
}

func BenchmarkCodeSentence(b *testing.B) {
	c, err := NewCoder()
	if err != nil {
		b.Fatal(err)
	}
	sents := []string{
		"Alexander Lukashenko will pay a state visit to China from February 28 to March 2.",
		"The United States on Thursday defended the right of Russian troops to fire on militants in Azerbaijan.",
		"Israeli helicopters and tanks shelled positions of the Palestinian security forces near the town of Rafah.",
		"Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.",
	}
	nl := []string{
		"De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China.",
		"Het Russische leger beschoot maandag de Oekraïense stad Charkiv.",
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			c.CodeSentence(s, "en")
		}
		for _, s := range nl {
			c.CodeSentence(s, "nl")
		}
		n += len(sents) + len(nl)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func TestNormalizeDraft(t *testing.T) {
	tests := []struct{ typ, mode, want string }{
		{"COERCE", "destroy", Assault}, {"COERCE", "firearms", Assault}, {"COERCE", "arrest", Coerce},
		{"FIGHT", "deport", Coerce}, {"FIGHT", "heavy-weapons", Assault}, {"DEMAND", "", Request},
		{"DISAPPROVE", "", Accuse}, {"agree", "", Agree},
	}
	for _, tc := range tests {
		if got := NormalizeDraft(tc.typ, tc.mode); got != tc.want {
			t.Errorf("NormalizeDraft(%s, %s) = %s, want %s", tc.typ, tc.mode, got, tc.want)
		}
	}
}

// FuzzCodeSentence checks that coding arbitrary text never panics and
// that what it codes keeps its invariants.
func FuzzCodeSentence(f *testing.F) {
	for _, s := range []string{
		"Russia said on Tuesday that Sudan must return a helicopter.",
		"Belarus, which shares a border with Russia, enjoys close ties with Moscow (and Beijing).",
		"Hij sprak zaterdag in Minsk met de Belarussische president, aldus Belta.",
		"that , ( ) ; : which die dat",
		"", "(", "President", "the a", "to visit",
	} {
		f.Add(s, "en")
		f.Add(s, "nl")
	}
	var c Coder
	f.Fuzz(func(t *testing.T, s, lang string) {
		for _, e := range c.CodeSentence(s, lang) {
			if e.Type == "" || e.Source.Country == "" && e.Target.Country == "" {
				t.Fatalf("event without type or country: %+v", e)
			}
			if e.Confidence <= 0 || e.Confidence >= 1 {
				t.Fatalf("confidence %v", e.Confidence)
			}
		}
	})
}
