package main

import (
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
