package entity

import (
	"context"
	"strings"
	"testing"
	"time"

	"dateline/model"
)

func TestActorAndHolder(t *testing.T) {
	kb := mustKB(t)
	putin := "Q7747"
	lukashenko := kb.mustID(t, "Alexander Lukashenko")
	rutte := "Q57792"
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name            string
		id              string
		at              time.Time
		country, sector string
	}{
		{"putin president", putin, day(2023, 2, 25), "RUS", "GOV"},
		{"putin pm", putin, day(2010, 1, 1), "RUS", "GOV"},
		{"rutte nato", rutte, day(2025, 1, 1), "", "IGO"},
		{"rutte pm", rutte, day(2020, 1, 1), "NLD", "GOV"},
		{"country", "Q184", day(2023, 1, 1), "BLR", ""},
		{"capital as metonym", "Q956", day(2023, 1, 1), "CHN", "GOV"},
		{"un", "Q1065", day(2023, 1, 1), "", "IGO"},
		{"agency", "Q130879", day(2023, 1, 1), "GBR", "MED"},
		{"lukashenko", lukashenko, day(2023, 1, 1), "BLR", "GOV"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, s, ok := kb.Actor(tc.id, tc.at)
			if !ok || c != tc.country || s != tc.sector {
				t.Errorf("Actor(%s, %s) = %q, %q, %v; want %q, %q", tc.id, tc.at.Format("2006-01-02"), c, s, ok, tc.country, tc.sector)
			}
		})
	}
	if _, _, ok := kb.Actor("Dnope", time.Now()); ok {
		t.Error("Actor of unknown id ok")
	}
	holders := []struct {
		iso, office string
		at          time.Time
		want        string
	}{
		{"USA", "president", day(2023, 1, 1), "Q6279"},
		{"USA", "president", day(2025, 6, 1), "Q22686"},
		{"BLR", "president", day(2023, 2, 25), lukashenko},
		{"CHN", "fm", day(2023, 2, 25), kb.mustID(t, "Qin Gang")},
		{"CHN", "fm", day(2024, 2, 25), kb.mustID(t, "Wang Yi")},
	}
	for _, h := range holders {
		if got, _ := kb.Holder(h.iso, h.office, h.at); got != h.want {
			t.Errorf("Holder(%s, %s, %s) = %q, want %q", h.iso, h.office, h.at.Format("2006-01-02"), got, h.want)
		}
	}
}

func TestLinkRolesAndCoref(t *testing.T) {
	kb := mustKB(t)
	l := NewLinker(kb)
	tests := []struct {
		name, lang, text string
		date             model.Time
		span, id         string
	}{
		{"nl president", "nl", "De Belarussische president reist af naar China.", model.Date(2023, 2, 25), "Belarussische president", kb.mustID(t, "Alexander Lukashenko")},
		{"en president 2023", "en", "The American president said so.", model.Date(2023, 2, 25), "American president", "Q6279"},
		{"en president 2025", "en", "The American president said so.", model.Date(2025, 3, 1), "American president", "Q22686"},
		{"en ministry", "en", "the Chinese foreign ministry said Saturday.", model.Date(2023, 2, 25), "Chinese foreign ministry", kb.mustID(t, "Government of China")},
		{"fr president", "fr", "Le président russe a parlé.", model.Date(2023, 2, 25), "président russe", "Q7747"},
		{"of country", "en", "The president of Belarus spoke.", model.Date(2023, 2, 25), "president of Belarus", kb.mustID(t, "Alexander Lukashenko")},
		{"de genitive", "de", "Wladimir Putin sprach. Putins Rede war lang.", model.Time{}, "Putins", "Q7747"},
		{"possessive", "nl", "Loekasjenko's bezoek begint.", model.Time{}, "Loekasjenko", kb.mustID(t, "Alexander Lukashenko")},
		{"kim after full name", "en", "Kim Jong-un met Putin. Kim said so.", model.Time{}, "Kim", "Q56226"},
		{"cyrillic", "ru", "Владимир Путин прибыл в Пхеньян.", model.Time{}, "Владимир Путин", "Q7747"},
		{"german adjective", "de", "Der russische Präsident Wladimir Putin kam.", model.Time{}, "russische", "Q159"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := l.Link(tc.text, tc.lang, tc.date, nil)
			for _, m := range ms {
				if m.Text == tc.span {
					if m.EntityID != tc.id {
						t.Errorf("%q -> %s, want %s", m.Text, m.EntityID, tc.id)
					}
					if tc.text[m.Start:m.End] != m.Text {
						t.Errorf("offsets %d:%d give %q", m.Start, m.End, tc.text[m.Start:m.End])
					}
					return
				}
			}
			t.Errorf("no mention %q in %+v", tc.span, ms)
		})
	}
}

func TestKimAloneIsNotLinked(t *testing.T) {
	l := NewLinker(mustKB(t))
	for _, m := range l.Link("Kim said the talks went well. Trump agreed.", "en", model.Time{}, nil) {
		if m.Text == "Kim" {
			t.Errorf("bare Kim linked to %s", m.EntityID)
		}
	}
}

type fakeFinder struct{ spans []model.Mention }

func (f fakeFinder) Find(text, lang string) []model.Mention { return f.spans }

func TestLinkFinderSpansAndUnknownIDs(t *testing.T) {
	kb := mustKB(t)
	l := &Linker{KB: kb}
	nl := "Minister Pjotr Koezmin sprak in Minsk."
	en := "Minister Pyotr Kuzmin spoke in Minsk."
	span := func(text, name string) []model.Mention {
		i := strings.Index(text, name)
		return []model.Mention{{Type: model.PER, Start: i, End: i + len(name)}}
	}
	a := l.Link(nl, "nl", model.Time{}, span(nl, "Pjotr Koezmin"))
	b := l.Link(en, "en", model.Time{}, span(en, "Pyotr Kuzmin"))
	id := func(ms []model.Mention, text string) string {
		for _, m := range ms {
			if m.Text == text {
				return m.EntityID
			}
		}
		return ""
	}
	if x, y := id(a, "Pjotr Koezmin"), id(b, "Pyotr Kuzmin"); x == "" || x != y {
		t.Errorf("unknown variants got ids %q and %q, want one", x, y)
	}
	// A Finder span that the KB knows under another spelling.
	text := "Gisteren zei Aljaksandr Loekasjenka dat."
	ms := l.Link(text, "nl", model.Time{}, span(text, "Aljaksandr Loekasjenka"))
	if got := id(ms, "Aljaksandr Loekasjenka"); got != kb.mustID(t, "Alexander Lukashenko") {
		t.Errorf("fuzzy finder span -> %q", got)
	}
	l.Finder = fakeFinder{span(text, "Aljaksandr Loekasjenka")}
	if got := id(l.Link(text, "nl", model.Time{}, nil), "Aljaksandr Loekasjenka"); got == "" {
		t.Error("Finder not consulted")
	}
}

func TestRegistry(t *testing.T) {
	var r Registry
	ctx := []string{"Q159", "Q184", "Q7747"}
	a := r.Resolve("Pjotr Koezmin", "nl", model.PER, ctx)
	if b := r.Resolve("Pyotr Kuzmin", "en", model.PER, ctx); b != a {
		t.Errorf("same key: %s vs %s", a, b)
	}
	// A close variant (not the same key) in the same context merges.
	if c := r.Resolve("Pyotr Kusmin", "en", model.PER, ctx); c != a {
		t.Errorf("close variant in shared context: %s vs %s", c, a)
	}
	// The same variant without shared context does not.
	var r2 Registry
	x := r2.Resolve("Pyotr Kuzmin", "en", model.PER, []string{"Q30"})
	if y := r2.Resolve("Pyotr Kusmin", "en", model.PER, []string{"Q17"}); y == x {
		t.Error("merged without shared context")
	}
	// People sharing a surname never merge.
	d := r.Resolve("Ivan Kuzmin", "en", model.PER, ctx)
	if d == a {
		t.Error("Ivan Kuzmin merged with Pyotr Kuzmin")
	}
	store := &memStore{}
	if err := r.Save(context.Background(), store); err != nil {
		t.Fatal(err)
	}
	var r3 Registry
	if err := r3.Load(context.Background(), store); err != nil {
		t.Fatal(err)
	}
	if got := r3.Resolve("Pjotr Koezmin", "nl", model.PER, nil); got != a {
		t.Errorf("after load: %s, want %s", got, a)
	}
}

type memStore struct{ names []LearnedName }

func (m *memStore) LoadNames(context.Context) ([]LearnedName, error) { return m.names, nil }
func (m *memStore) SaveNames(_ context.Context, n []LearnedName) error {
	m.names = n
	return nil
}

func TestImport(t *testing.T) {
	kb := mustKB(t)
	wd := `[
{"id":"Q123","labels":{"en":{"language":"en","value":"Ivan Testov"},"ru":{"language":"ru","value":"Иван Тестов"}},"aliases":{"nl":[{"language":"nl","value":"Ivan Testov"}]},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"entity-type":"item","id":"Q5"}}}}],"P27":[{"mainsnak":{"datavalue":{"value":{"id":"Q159"}}}}]}},
]`
	recs, err := ImportWikidata(strings.NewReader(wd), kb)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Type != model.PER || recs[0].Country != "RUS" || len(recs[0].Aliases) != 3 {
		t.Fatalf("wikidata import: %+v", recs)
	}
	names := "#id\ttype\tlang\tname\nX1\tPER\tnl\tPjotr Koezmin\nX1\tPER\ten\tPyotr Kuzmin\n\tORG\ten\tAcme Corp\n"
	recs2, err := ImportNames(strings.NewReader(names))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs2) != 2 || len(recs2[0].Aliases) != 2 || !strings.HasPrefix(recs2[1].ID, "D") {
		t.Fatalf("names import: %+v", recs2)
	}
	if _, err := ImportNames(strings.NewReader("a\tXXX\ten\tname\n")); err == nil {
		t.Error("bad type accepted")
	}
	merged := NewKB(MergeRecords(append([]Record(nil), kb.Records()...), append(recs, recs2...)))
	l := NewLinker(merged)
	ms := l.Link("Pyotr Kuzmin en Иван Тестов.", "nl", model.Time{}, nil)
	if len(ms) < 1 || ms[0].EntityID != "X1" {
		t.Errorf("imported names not linked: %+v", ms)
	}
}

func TestInflect(t *testing.T) {
	tests := []struct {
		adj, lang, want string
	}{
		{"Belarussisch", "nl", "Belarussische"},
		{"Chinees", "nl", "Chinese"},
		{"Indiaas", "nl", "Indiase"},
		{"Oekraïens", "nl", "Oekraïense"},
		{"russisch", "de", "russischen"},
		{"ukrainien", "fr", "ukrainienne"},
		{"chinois", "fr", "chinoise"},
	}
	for _, tc := range tests {
		found := false
		for _, f := range Inflect(tc.adj, tc.lang) {
			found = found || f == tc.want
		}
		if !found {
			t.Errorf("Inflect(%q, %q) = %v, want %q among them", tc.adj, tc.lang, Inflect(tc.adj, tc.lang), tc.want)
		}
	}
}

func TestEmbeddedKBCoverage(t *testing.T) {
	kb := mustKB(t)
	countries := 0
	for _, r := range kb.Records() {
		if r.Kind != KindCountry {
			continue
		}
		countries++
		langs := map[string]bool{}
		for _, a := range r.Aliases {
			langs[a.Lang] = true
		}
		if r.Country == "BLR" || r.Country == "RUS" || r.Country == "CHN" {
			if len(langs) < 10 {
				t.Errorf("%s has names in %d languages", r.Name, len(langs))
			}
		}
	}
	if countries < 240 {
		t.Errorf("%d countries", countries)
	}
}
