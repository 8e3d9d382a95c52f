package entity

import (
	"strings"
	"testing"
	"time"

	"dateline/model"
)

// spansOf returns PER spans over the given names of text.
func spansOf(text string, names ...string) []model.Mention {
	var out []model.Mention
	for _, n := range names {
		if i := strings.Index(text, n); i >= 0 {
			out = append(out, model.Mention{Type: model.PER, Start: i, End: i + len(n)})
		}
	}
	return out
}

func mentionOf(ms []model.Mention, text string) (model.Mention, bool) {
	for _, m := range ms {
		if m.Text == text {
			return m, true
		}
	}
	return model.Mention{}, false
}

func TestRoleResolutionUsesTheText(t *testing.T) {
	kb := mustKB(t)
	l := NewLinker(kb)
	shoigu := kb.mustID(t, "Sergei Shoigu")
	belousov := kb.mustID(t, "Andrei Belousov")
	khrenin := kb.mustID(t, "Viktor Khrenin")
	gov := func(iso string) string { id, _ := kb.GovernmentID(iso); return id }
	unknown := UnknownID("Ivan Ivanovski", "nl", model.PER)
	tests := []struct {
		name, lang, text string
		date             model.Time
		spans            []string // names the tagger finds
		role, wantID     string
		wantType         string
	}{
		{"undated apposition", "nl",
			"De Russische minister van Defensie Sergei Sjoigoe sprak in Minsk. Met Chrenin ondertekende de Russische defensieminister een document.",
			model.Time{}, nil, "Russische defensieminister", shoigu, model.PER},
		{"undated named former holder", "nl",
			"Sjoigoe bezocht Minsk. Daar zei de Russische defensieminister dat de banden goed zijn.",
			model.Time{}, nil, "Russische defensieminister", shoigu, model.PER},
		{"undated nobody named: government, not today's holder", "nl",
			"De Russische defensieminister bezocht Minsk.",
			model.Time{}, nil, "Russische defensieminister", gov("RUS"), model.ORG},
		{"dated nobody named: holder at the date", "nl",
			"De Russische defensieminister bezocht Minsk.",
			model.Date(2025, 1, 10), nil, "Russische defensieminister", belousov, model.PER},
		{"dated: the holder at the date beats a named former holder", "en",
			"Andrei Belousov spoke. Later the Russian defence minister met Lukashenko.",
			model.Date(2022, 12, 3), nil, "Russian defence minister", shoigu, model.PER},
		{"dated: the named holder", "en",
			"Viktor Khrenin met Shoigu. The Belarusian defence minister said so.",
			model.Date(2023, 2, 1), nil, "Belarusian defence minister", khrenin, model.PER},
		{"apposition to a name the KB lacks beats the KB holder", "nl",
			"De Belarussische minister van Defensie Ivan Ivanovski was er. Later zei de Belarussische defensieminister dat.",
			model.Date(2023, 2, 1), []string{"Ivan Ivanovski"}, "Belarussische defensieminister", unknown, model.PER},
		{"english title of country apposition", "en",
			"President of Belarus Alexander Lukashenko arrived. The Belarusian leader spoke.",
			model.Time{}, nil, "Belarusian leader", kb.mustID(t, "Alexander Lukashenko"), model.PER},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := l.Link(tc.text, tc.lang, tc.date, spansOf(tc.text, tc.spans...))
			m, ok := mentionOf(ms, tc.role)
			if !ok {
				t.Fatalf("no mention %q in %+v", tc.role, ms)
			}
			if m.EntityID != tc.wantID || m.Type != tc.wantType {
				t.Errorf("%q -> %s %s, want %s %s", tc.role, m.Type, m.EntityID, tc.wantType, tc.wantID)
			}
			if tc.date.IsZero() && m.EntityID == belousov {
				t.Errorf("undated role resolved to today's holder")
			}
		})
	}
}

func TestSpanFilter(t *testing.T) {
	l := NewLinker(mustKB(t))
	tests := []struct {
		name, lang, text, span string
		keep                   bool
	}{
		{"weekday", "en", "The foreign ministry said Saturday that talks went well.", "Saturday", false},
		{"dutch weekday", "nl", "Het ministerie zei Zaterdag dat het goed ging.", "Zaterdag", false},
		{"month", "en", "Talks resumed in February after a pause.", "February", false},
		{"stop word", "en", "The talks went well.", "The", false},
		{"lower case", "en", "the talks went well.", "talks", false},
		{"common word at sentence start", "nl", "Daarom gaat het door. Hij zei daarom niets.", "Daarom", false},
		{"unknown name at sentence start", "en", "Ivanovski said the talks went well.", "Ivanovski", true},
		{"unknown name inside", "en", "The talks, Ivanovski said, went well.", "Ivanovski", true},
		{"two-word name", "en", "On Saturday Ivan Ivanovski arrived.", "Ivan Ivanovski", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := l.Link(tc.text, tc.lang, model.Time{}, spansOf(tc.text, tc.span))
			_, got := mentionOf(ms, tc.span)
			if got != tc.keep {
				t.Errorf("span %q kept=%v, want %v (%+v)", tc.span, got, tc.keep, ms)
			}
		})
	}
}

// TestCapitalsAsGovernments checks that capitals and government metonyms
// stay linked as places and are coded as their country's government by
// KB.Actor, as the event coder asks.
func TestCapitalsAsGovernments(t *testing.T) {
	kb := mustKB(t)
	l := NewLinker(kb)
	at := time.Date(2023, 2, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, lang, text, span, country, sector string
	}{
		{"minsk", "nl", "Minsk en Beijing gaan meer met elkaar optrekken.", "Minsk", "BLR", "GOV"},
		{"beijing", "nl", "Minsk en Beijing gaan meer met elkaar optrekken.", "Beijing", "CHN", "GOV"},
		{"moskou", "nl", "Poetin zei dat Moskou bezig is met een strijd.", "Moskou", "RUS", "GOV"},
		{"moscow", "en", "Belarus enjoys close ties with Moscow.", "Moscow", "RUS", "GOV"},
		{"kremlin", "nl", "China werkt veel samen met het Kremlin.", "het Kremlin", "RUS", "GOV"},
		{"country stays a country", "en", "Belarus enjoys close ties with Moscow.", "Belarus", "BLR", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := mentionOf(l.Link(tc.text, tc.lang, model.Time{}, nil), tc.span)
			if !ok {
				t.Fatalf("no mention %q", tc.span)
			}
			c, s, ok := kb.Actor(m.EntityID, at)
			if !ok || c != tc.country || s != tc.sector {
				t.Errorf("Actor(%s %q) = %q %q %v, want %q %q", m.EntityID, tc.span, c, s, ok, tc.country, tc.sector)
			}
		})
	}
}
