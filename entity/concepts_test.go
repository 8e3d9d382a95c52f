package entity

import (
	"strings"
	"testing"
)

func TestSameFormConcepts(t *testing.T) {
	tests := []struct {
		a, la, b, lb string
		want         bool
	}{
		{"Noord-Korea", "nl", "Corée du Nord", "fr", true},
		{"Nordkorea", "de", "Северная Корея", "ru", true},
		{"North Korea", "en", "Korea Północna", "pl", true},
		{"Cayman Islands", "en", "Islas Caimán", "es", true},
		{"Îles Caïmans", "fr", "о-ва Кайман", "ru", true},
		{"Norfolkinsel", "de", "Île Norfolk", "fr", true},
		{"Neuseeland", "de", "Nieuw-Zeeland", "nl", true},
		{"Nuova Caledonia", "it", "Новая Каледония", "ru", true},
		{"Reino Unido", "es", "Regno Unito", "it", true},
		{"Bosnia and Herzegovina", "en", "Bosnië en Herzegovina", "nl", true},
		{"North Korea", "en", "South Korea", "en", false},
		{"Noord-Korea", "nl", "Zuid-Korea", "nl", false},
		{"Nieuw-Zeeland", "nl", "Zeeland", "nl", false},
		{"Cayman Islands", "en", "Faroe Islands", "en", false},
		{"Saint Lucia", "en", "Saint Kitts and Nevis", "en", false},
		{"United States", "en", "United Kingdom", "en", false},
		{"Vladimir Putin", "en", "Putin Vladimir", "en", false},
		{"Германія", "be", "Germania", "it", true},
		{"Олег", "uk", "Oleh", "en", true},
		{"Нарвегія", "be", "Norvegia", "it", true},
		{"Khrushchev", "en", "Chroesjtsjov", "nl", true},
	}
	for _, tc := range tests {
		t.Run(tc.a+"~"+tc.b, func(t *testing.T) {
			a, b := NewNameForm(tc.a, tc.la), NewNameForm(tc.b, tc.lb)
			if got := SameForm(a, b); got != tc.want {
				t.Errorf("SameForm = %v, want %v (%v %v / %v %v)", got, tc.want, a.Concepts, a.Cores, b.Concepts, b.Cores)
			}
		})
	}
}

func TestConceptLexiconKeys(t *testing.T) {
	tb := conceptTablesOnce()
	// A concept word must not be a connective, or names would lose it.
	for k := range tb.byKey {
		if tb.connective[k] {
			t.Errorf("key %q is both a concept and a connective", k)
		}
	}
	if strings.TrimSpace(tb.byKey["nord"]) != "north" {
		t.Errorf("nord -> %q", tb.byKey["nord"])
	}
}

func FuzzNameForm(f *testing.F) {
	for _, s := range []string{"Noord-Korea", "о-ва Кайман", "Bosnia and Herzegovina", "Nordkorea", "", "St. Martin", "Reino Unido"} {
		f.Add(s, "nl")
	}
	f.Fuzz(func(t *testing.T, name, lang string) {
		a := NewNameForm(name, lang)
		if len(a.Keys) > 0 && !SameForm(a, a) {
			t.Errorf("%q is not the same as itself: %+v", name, a)
		}
	})
}
