package entity

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKeyVariantsMeet(t *testing.T) {
	tests := []struct {
		name  string
		forms [][2]string // text, lang
	}{
		{"lukashenko", [][2]string{{"Loekasjenko", "nl"}, {"Lukashenko", "en"}, {"Lukaschenko", "de"}, {"Loukachenko", "fr"}, {"Лукашенко", "ru"}}},
		{"aleksandr lukashenko", [][2]string{{"Aleksandr Loekasjenko", "nl"}, {"Alexandr Loekasjenko", "nl"}, {"Александр Лукашенко", "ru"}}},
		{"shoigu", [][2]string{{"Sjoigoe", "nl"}, {"Shoigu", "en"}, {"Schoigu", "de"}, {"Choïgou", "fr"}, {"Шойгу", "ru"}}},
		{"khrenin", [][2]string{{"Chrenin", "nl"}, {"Khrenin", "en"}, {"Хренин", "ru"}}},
		{"putin", [][2]string{{"Poetin", "nl"}, {"Putin", "en"}, {"Poutine", "fr"}, {"Путин", "ru"}}},
		{"zelenski", [][2]string{{"Zelensky", "en"}, {"Zelenskyy", "en"}, {"Selenskyj", "de"}, {"Зеленський", "uk"}}},
		{"ieltsin", [][2]string{{"Jeltsin", "nl"}, {"Yeltsin", "en"}, {"Jelzin", "de"}, {"Ельцин", "ru"}}},
		{"lukashenka", [][2]string{{"Łukaszenka", "pl"}, {"Лукашэнка", "be"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range tc.forms {
				if got := Key(f[0], f[1]); got != tc.name {
					t.Errorf("Key(%q, %q) = %q, want %q", f[0], f[1], got, tc.name)
				}
			}
		})
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		name  string
		a, la string
		b, lb string
		want  bool
	}{
		{"translit", "Alexander Lukashenko", "en", "Aleksandr Loekasjenko", "nl", true},
		{"middle initial", "Vladimir Putin", "en", "Vladimir V. Putin", "en", true},
		{"patronymic", "Vladimir Putin", "en", "Vladimir Vladimirovich Putin", "en", true},
		{"hyphen", "Kim Jong-un", "nl", "Kim Jong Un", "en", true},
		{"same surname", "Donald Trump", "en", "Melania Trump", "en", false},
		{"surname vs full", "Trump", "en", "Donald Trump", "en", false},
		{"kim alone", "Kim", "en", "Kim Jong-un", "en", false},
		{"different people", "Kim Jong-un", "en", "Kim Jong-il", "en", false},
		{"cyrillic", "Сергей Шойгу", "ru", "Sergej Sjojgoe", "nl", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameName(tc.a, tc.la, tc.b, tc.lb); got != tc.want {
				t.Errorf("SameName(%q, %q) = %v, want %v (keys %q %q)", tc.a, tc.b, got, tc.want, Key(tc.a, tc.la), Key(tc.b, tc.lb))
			}
		})
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		lo   float64
		hi   float64
	}{
		{"martha", "marhta", 0.96, 0.962},
		{"dixon", "dicksonx", 0.81, 0.82},
		{"abc", "abc", 1, 1},
		{"abc", "xyz", 0, 0},
		{"", "abc", 0, 0},
	}
	for _, tc := range tests {
		if got := JaroWinkler(tc.a, tc.b); got < tc.lo || got > tc.hi {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want in [%v, %v]", tc.a, tc.b, got, tc.lo, tc.hi)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Aleksandr Loekasjenko", "Лукашенко", "Choïgou", "Kim Jong-un", "Łukaszenka", "'s-Gravenhage", "ß", "Ёлка", "x\xffy", ""} {
		f.Add(s, "nl")
		f.Add(s, "de")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		k := Key(s, lang)
		if !utf8.ValidString(k) && utf8.ValidString(s) {
			t.Fatalf("Key(%q) = %q: invalid UTF-8", s, k)
		}
		if strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Fatalf("Key(%q) = %q: bad spacing", s, k)
		}
		if k != Key(s, lang) {
			t.Fatalf("Key not deterministic for %q", s)
		}
		if Key(k, "") != Key(k, "") {
			t.Fatal("unstable")
		}
		_ = SameName(s, lang, s, lang)
		if Fold(s, lang) != "" && !SameName(s, lang, s, lang) {
			t.Fatalf("SameName(%q, itself) = false", s)
		}
	})
}
