package main

import (
	"strings"
	"testing"
	"time"

	"dateline/model"
)

func TestSpan(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	morning := model.Time{Time: time.Date(2024, 6, 19, 6, 30, 0, 0, kst)}
	tests := []struct {
		name string
		a, b model.Time
		want string
	}{
		{"no dates", model.Time{}, model.Time{}, "-"},
		{"start only", model.Date(2023, 2, 25), model.Time{}, "2023-02-25"},
		{"date-time and date of the same day", morning, model.Date(2024, 6, 19), "2024-06-19"},
		{"range", model.Date(2023, 2, 25), model.Date(2023, 3, 2), "2023-02-25..2023-03-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := span(tt.a, tt.b); got != tt.want {
				t.Errorf("span = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHoistGlobals(t *testing.T) {
	tests := []struct {
		name    string
		in      []string
		want    []string
		wantErr bool
	}{
		{"nothing to hoist", []string{"stories", "--json"}, []string{"stories", "--json"}, false},
		{"db with value", []string{"--db", "x.db", "stories"}, []string{"stories", "--db", "x.db"}, false},
		{"db= and json", []string{"-db=x.db", "--json", "entity", "Q1"}, []string{"entity", "-db=x.db", "--json", "Q1"}, false},
		{"other flag first", []string{"--limit", "3", "articles"}, nil, true},
		{"db without value", []string{"--db"}, nil, true},
		{"no command", []string{"--json"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := hoistGlobals(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
