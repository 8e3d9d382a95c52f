package entity

import (
	"testing"

	"dateline/model"
)

func TestSpellingRulesMeet(t *testing.T) {
	tests := []struct {
		name string
		a, b [2]string // text, lang
		want bool
	}{
		{"czech hacek", [2]string{"Alexandr Lukašenko", "cs"}, [2]string{"Alexander Lukashenko", "en"}, true},
		{"polish z-dot and french j", [2]string{"Prigożyn", "pl"}, [2]string{"Prigojine", "fr"}, true},
		{"ukrainian apostrophe letter", [2]string{"Обʼєднані Арабські Емірати", "uk"}, [2]string{"Об'єднані Арабські Емірати", "uk"}, true},
		{"ukrainian and belarusian second reading", [2]string{"Болгарія", "uk"}, [2]string{"Балгарыя", "be"}, true},
		{"arabic article", [2]string{"Nuri al-Maliki", "en"}, [2]string{"Nouri Maliki", "en"}, true},
		{"one edit", [2]string{"Dmitri Medvedev", "en"}, [2]string{"Dimitri Medvedev", "en"}, true},
		{"place endings", [2]string{"Serbie", "fr"}, [2]string{"Serbia", "en"}, true},
		{"demonym ending", [2]string{"Chilean", "en"}, [2]string{"Chile", "en"}, true},
		{"one edit needs the same first letter", [2]string{"Ivanov", "en"}, [2]string{"Avanov", "en"}, false},
		{"first letters differ", [2]string{"Donald Trump", "en"}, [2]string{"Ronald Trump", "en"}, false},
		{"same surname, other person", [2]string{"Donald Trump", "en"}, [2]string{"Melania Trump", "en"}, false},
		{"article starts a name", [2]string{"Al Gore", "en"}, [2]string{"Gore", "en"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameName(tc.a[0], tc.a[1], tc.b[0], tc.b[1]); got != tc.want {
				t.Errorf("SameName(%q, %q) = %v, want %v (keys %v %v)", tc.a[0], tc.b[0], got, tc.want,
					KeyTokens(tc.a[0], tc.a[1]), KeyTokens(tc.b[0], tc.b[1]))
			}
		})
	}
}

func TestStemClose(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"serbia", "serbien", true},
		{"serbian", "serbie", true},
		{"niger", "nigeria", false}, // "niger" has no ending
		{"mali", "malian", false},   // stems under four letters
		{"austria", "australia", false},
	}
	for _, tc := range tests {
		if got := stemClose(tc.a, tc.b); got != tc.want {
			t.Errorf("stemClose(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		lim  int
		want int
	}{
		{"dmitri", "dimitri", 2, 1},
		{"abcdef", "abdcef", 2, 1}, // a swap of neighbours is one edit
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 1, 2}, // capped at lim+1
		{"same", "same", 0, 0},
		{"", "abc", 5, 3},
	}
	for _, tc := range tests {
		if got := editDistance(tc.a, tc.b, tc.lim); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.lim, got, tc.want)
		}
	}
}

func TestLookupStemsAndTokens(t *testing.T) {
	kb := NewKB([]Record{
		{Entity: model.Entity{ID: "rs", Name: "Serbia", Type: model.LOC, Aliases: []model.Alias{{Text: "Serbia", Lang: "en"}}}},
		{Entity: model.Entity{ID: "mx", Name: "Mexico", Type: model.LOC, Aliases: []model.Alias{{Text: "United Mexican States", Lang: "en"}}}},
		{Entity: model.Entity{ID: "p", Name: "Dmitri Medvedev", Type: model.PER, Aliases: []model.Alias{{Text: "Dmitri Anatolyevich Medvedev", Lang: "en"}}}},
	})
	tests := []struct {
		name, text, lang, want string
	}{
		{"place ending", "Serbie", "fr", "rs"},
		{"people drop middle names", "Dmitri Medvedyev", "en", "p"},
		{"places keep their words", "United States", "en", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := kb.Lookup(tc.text, tc.lang)
			got := ""
			if len(c) > 0 {
				got = c[0].ID
			}
			if got != tc.want {
				t.Errorf("Lookup(%q) = %v, want %q", tc.text, c, tc.want)
			}
		})
	}
}

func BenchmarkSameName(b *testing.B) {
	x, y := NewNameForm("Jewgienij Prigożyn", "pl"), NewNameForm("Evgueni Prigojine", "fr")
	for b.Loop() {
		SameForm(x, y)
	}
}
