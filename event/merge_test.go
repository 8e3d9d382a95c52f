package event

import (
	"testing"

	"dateline/model"
)

func ev(typ, src, tgt, date, end string, conf float64, source string) model.Event {
	return model.Event{Type: typ, Source: model.Actor{Country: src}, Target: model.Actor{Country: tgt},
		Date: date, DateEnd: end, Confidence: conf, Score: Score(typ, ""),
		Sources: []model.EventSource{{Source: source, Sentence: "s", Start: 0, End: 1}}}
}

func TestSameEvent(t *testing.T) {
	tests := []struct {
		name string
		a, b model.Event
		want bool
	}{
		{"range contains day", ev(Consult, "BLR", "CHN", "2023-02-28", "2023-03-02", .8, "en"), ev(Consult, "BLR", "CHN", "2023-03-01", "", .7, "nl"), true},
		{"unknown year matches", ev(Consult, "BLR", "CHN", "XXXX-02-28", "XXXX-03-02", .6, "nl"), ev(Consult, "BLR", "CHN", "2023-02-28", "2023-03-02", .8, "en"), true},
		{"unknown year other day", ev(Consult, "BLR", "CHN", "XXXX-06-10", "", .6, "nl"), ev(Consult, "BLR", "CHN", "2023-02-28", "2023-03-02", .8, "en"), false},
		{"week overlaps day", ev(Consult, "BLR", "CHN", "2023-W09", "", .6, "nl"), ev(Consult, "BLR", "CHN", "2023-02-28", "", .8, "en"), true},
		{"month contains day", ev(Consult, "BLR", "CHN", "2023-02", "", .6, "nl"), ev(Consult, "BLR", "CHN", "2023-02-28", "", .8, "en"), true},
		{"a day apart", ev(Accuse, "RUS", "POL", "2023-02-27", "", .6, "a"), ev(Accuse, "RUS", "POL", "2023-02-28", "", .8, "b"), true},
		{"a week apart", ev(Accuse, "RUS", "POL", "2023-02-20", "", .6, "a"), ev(Accuse, "RUS", "POL", "2023-02-28", "", .8, "b"), false},
		{"unknown date", ev(Accuse, "RUS", "POL", "", "", .6, "a"), ev(Accuse, "RUS", "POL", "2023-02-28", "", .8, "b"), true},
		{"other type", ev(Consult, "BLR", "CHN", "2023-02-28", "", .8, "a"), ev(Agree, "BLR", "CHN", "2023-02-28", "", .8, "b"), false},
		{"reversed dyad", ev(Consult, "BLR", "CHN", "2023-02-28", "", .8, "a"), ev(Consult, "CHN", "BLR", "2023-02-28", "", .8, "b"), false},
		{"old type name", ev("FIGHT", "RUS", "UKR", "2023-02-24", "", .8, "a"), ev(Assault, "RUS", "UKR", "2023-02-24", "", .8, "b"), true},
		{"no actors", ev(Protest, "", "", "2023-02-24", "", .8, "a"), ev(Protest, "", "", "2023-02-24", "", .8, "b"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameEvent(tc.a, tc.b); got != tc.want {
				t.Errorf("SameEvent = %v, want %v (keys %s, %s)", got, tc.want, Key(tc.a), Key(tc.b))
			}
			if got := SameEvent(tc.b, tc.a); got != tc.want {
				t.Errorf("SameEvent is not symmetric")
			}
		})
	}
}

func TestMerge(t *testing.T) {
	nl := ev(Consult, "BLR", "CHN", "XXXX-02-28", "XXXX-03-02", .6, "nl")
	nl.Mode = "visit"
	en := ev(Consult, "BLR", "CHN", "2023-02-28", "2023-03-02", .8, "en")
	en.Target.Name, en.Place = "China", "Beijing"
	into := nl
	Merge(&into, en)
	if into.Date != "2023-02-28" || into.DateEnd != "2023-03-02" {
		t.Errorf("date = %s..%s, want the known-year range", into.Date, into.DateEnd)
	}
	if len(into.Sources) != 2 {
		t.Errorf("sources = %d, want 2", len(into.Sources))
	}
	if into.Place != "Beijing" || into.Target.Name != "China" || into.Mode != "visit" {
		t.Errorf("details not filled: %+v", into)
	}
	if into.Confidence >= .8 {
		t.Errorf("confidence %v should not rise past the best report when a date was unknown", into.Confidence)
	}
	// merging the same report again adds nothing
	Merge(&into, en)
	if len(into.Sources) != 2 {
		t.Errorf("duplicate source added: %d", len(into.Sources))
	}
	// corroboration with known dates raises confidence
	a := ev(Accuse, "RUS", "POL", "2023-02-27", "", .6, "a")
	Merge(&a, ev(Accuse, "RUS", "POL", "2023-02-27", "", .6, "b"))
	if a.Confidence <= .6 {
		t.Errorf("corroborated confidence %v, want > .6", a.Confidence)
	}
}
