package textpage

import (
	"slices"
	"testing"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		place    string
		agencies []string
		rest     string
		ok       bool
	}{
		{"anp", "BEIJING (ANP/RTR) - De Belarussische president", "BEIJING", []string{"ANP", "RTR"}, "De Belarussische president", true},
		{"three agencies", "MINSK (ANP/DPA/RTR) - De Russische", "MINSK", []string{"ANP", "DPA", "RTR"}, "De Russische", true},
		{"reuters", "WASHINGTON (Reuters) - The U.S. Senate", "WASHINGTON", []string{"Reuters"}, "The U.S. Senate", true},
		{"reuters with date", "LONDON, Feb 25 (Reuters) - British", "LONDON", []string{"Reuters"}, "British", true},
		{"ap em dash", "NEW YORK (AP) — Stocks fell", "NEW YORK", []string{"AP"}, "Stocks fell", true},
		{"german", "Berlin (dpa) - Die Bundesregierung", "Berlin", []string{"dpa"}, "Die Bundesregierung", true},
		{"german two en dash", "BERLIN (AFP/dpa) – Die Regierung", "BERLIN", []string{"AFP", "dpa"}, "Die Regierung", true},
		{"french", "PARIS (AFP) - Le gouvernement", "PARIS", []string{"AFP"}, "Le gouvernement", true},
		{"french date", "Paris, 25 févr. 2023 (AFP) - Le président", "Paris", []string{"AFP"}, "Le président", true},
		{"no dash caps", "GENÈVE (ANP) De onderhandelingen", "GENÈVE", []string{"ANP"}, "De onderhandelingen", true},
		{"alone", "GENÈVE (ANP)", "GENÈVE", []string{"ANP"}, "", true},
		{"accented", "BELÉM (ANP) - De klimaattop", "BELÉM", []string{"ANP"}, "De klimaattop", true},
		{"multi-word connector", "Frankfurt am Main (dpa) - Die Börse", "Frankfurt am Main", []string{"dpa"}, "Die Börse", true},
		{"comma list", "ROME (AFP, ANSA) - Italy", "ROME", []string{"AFP", "ANSA"}, "Italy", true},
		{"caps without agency", "KYIV - Russian forces", "KYIV", nil, "Russian forces", true},
		{"caps date no agency", "WASHINGTON, Feb. 25 - The", "WASHINGTON", nil, "The", true},
		{"sentence with parens", "De Verenigde Staten (VS) hebben", "", nil, "", false},
		{"lowercase sentence", "volgens de politie (ANP) - nee", "", nil, "", false},
		{"title case without dash", "Berlin (dpa) Die Regierung", "", nil, "", false},
		{"long prose", "Het ministerie zei vrijdag dat China samen met Belarus (en Rusland) wil", "", nil, "", false},
		{"title case no agency", "Paris - la ville", "", nil, "", false},
		{"empty", "", "", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rest, ok := ParseDateline(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseDateline(%q) ok = %v, want %v (got %+v)", tt.in, ok, tt.ok, d)
			}
			if !ok {
				return
			}
			if d.Place != tt.place || !slices.Equal(d.Agencies, tt.agencies) || rest != tt.rest {
				t.Errorf("ParseDateline(%q) = %q %q %q, want %q %q %q", tt.in, d.Place, d.Agencies, rest, tt.place, tt.agencies, tt.rest)
			}
		})
	}
}

func TestParseCredits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"initials", "tg/ar (AFP, Reuters)", []string{"AFP", "Reuters"}},
		{"initials lower", "dh/sms (dpa, rtr)", []string{"dpa", "rtr"}},
		{"parens", "(dpa, AFP)", []string{"dpa", "AFP"}},
		{"lone", "ANP", []string{"ANP"}},
		{"bron", "Bron: ANP", []string{"ANP"}},
		{"copyright", "© AFP", []string{"AFP"}},
		{"reporting", "with reporting by Reuters", []string{"Reuters"}},
		{"reporting two", "With reporting by Reuters and AP.", []string{"Reuters", "AP"}},
		{"quelle", "Quelle: dpa", []string{"dpa"}},
		{"avec", "avec AFP", []string{"AFP"}},
		{"slash", "/AFP", []string{"AFP"}},
		{"acronym in parens", "ab/cd (KNA, epd)", []string{"KNA", "epd"}},
		{"sentence", "Dat meldt persbureau ANP.", nil},
		{"unknown word", "Reuters Reuters Reuters Reuters", nil},
		{"people", "Reporting by Jane Doe; Editing by John Smith", nil},
		{"bare unknown", "NATO", nil},
		{"parens prose", "(zie ook pagina 3)", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseCredits(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("ParseCredits(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseAge(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2 uur geleden", 7200, true},
		{"32 minuten geleden", 1920, true},
		{"1 minuut geleden", 60, true},
		{"1 dag geleden", 86400, true},
		{"3 dagen geleden", 3 * 86400, true},
		{"een uur geleden", 3600, true},
		{"5 hours ago", 18000, true},
		{"42 minutes ago", 2520, true},
		{"an hour ago", 3600, true},
		{"3h ago", 10800, true},
		{"2 weeks ago", 2 * 604800, true},
		{"vor 3 Stunden", 10800, true},
		{"vor einem Tag", 86400, true},
		{"vor 5 Min.", 300, true},
		{"Vor 2 Std.", 7200, true},
		{"il y a 2 heures", 7200, true},
		{"il y a une heure", 3600, true},
		{"Il y a 20 min", 1200, true},
		{"gisteren", 86400, true},
		{"Yesterday", 86400, true},
		{"gestern", 86400, true},
		{"just now", 0, true},
		{"  12 uur geleden  ", 43200, true},
		{"2 uur", 0, false},
		{"uur geleden", 0, false},
		{"2 appels geleden", 0, false},
		{"5 hours agony", 0, false},
		{"vor dem Haus", 0, false},
		{"Hij vertrok 2 uur geleden", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseAge(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ParseAge(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want LineKind
	}{
		{"2 uur geleden", LineAge},
		{"Politics5 hours ago", LineAge},
		{"gisteren", LineAge},
		{"Wereld | 3 uur geleden", LineAge},
		{"Het gebeurde 2 uur geleden.", LineText},
		{"January 31, 202302:53 min", LineStamp},
		{"02:53 min", LineStamp},
		{"25 februari 2023", LineDate},
		{"Veröffentlicht am 25.02.2023, 14:03 Uhr", LineDate},
		{"Lukashenko is a close ally of PutinImage: BelTA/TASS/picture alliance", LineCaption},
		{"Foto: ANP / Remko de Waal", LineCaption},
		{"https://p.dw.com/p/4Ny7K", LineURL},
		{"p.dw.com/p/4Ny7K", LineURL},
		{"PoliticsChina", LineBreadcrumb},
		{"Home > News > World", LineBreadcrumb},
		{"1. Skip to content", LineFurniture},
		{"Share this article", LineFurniture},
		{"We use cookies to improve your experience. Accept all", LineFurniture},
		{"Meer uit Buitenland", LineTeaserHeader},
		{"More from World", LineTeaserHeader},
		{"Mehr aus Politik", LineTeaserHeader},
		{"Mehr zum Thema", LineTeaserHeader},
		{"À lire aussi", LineTeaserHeader},
		{"Plus de 40 morts dans un incendie", LineText},
		{"Lees ook: Kabinet valt over asielbeleid", LineRelated},
		{"tg/ar (AFP, Reuters)", LineCredits},
		{"By Jane Doe", LineByline},
		{"BEIJING (ANP/RTR) - De Belarussische president", LineDateline},
		{"Belarus strongman Alexander Lukashenko to visit China", LineText},
		{"McDonald", LineText},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Classify(tt.in); got != tt.want {
				t.Errorf("Classify(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLinesUnglue(t *testing.T) {
	ls := Lines("Titel\n2 uur geledenGUAYAQUIL (ANP/AFP) - De politie vond iets.\n5 uur geleden")
	kinds := make([]LineKind, len(ls))
	for i, l := range ls {
		kinds[i] = l.Kind
	}
	want := []LineKind{LineText, LineAge, LineDateline, LineAge}
	if !slices.Equal(kinds, want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	if ls[1].AgeSeconds != 7200 || ls[3].AgeSeconds != 18000 {
		t.Errorf("ages = %d, %d", ls[1].AgeSeconds, ls[3].AgeSeconds)
	}
}

func TestSplitBriefsLeadingAges(t *testing.T) {
	bs := SplitBriefs([]string{
		"More from World",
		"3 hours ago",
		"PARIS (AFP) - Farmers blocked roads around the capital on Monday.",
		"5 hours ago",
		"BERLIN (dpa) - Die Bahn streikt erneut im Nahverkehr.",
	})
	if len(bs) != 2 {
		t.Fatalf("got %d briefs, want 2: %+v", len(bs), bs)
	}
	if bs[0].AgeSeconds == nil || *bs[0].AgeSeconds != 3*3600 || bs[0].Dateline.Place != "PARIS" {
		t.Errorf("first brief = %+v", bs[0])
	}
	if bs[1].AgeSeconds == nil || *bs[1].AgeSeconds != 5*3600 || bs[1].Dateline.Place != "BERLIN" {
		t.Errorf("second brief = %+v", bs[1])
	}
}
