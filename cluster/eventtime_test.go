package cluster

import (
	"bytes"
	"fmt"
	"testing"
)

func TestEventTime(t *testing.T) {
	keys := func(vals ...[2]string) []Weighted {
		b := bag{}
		for _, v := range vals {
			addEventTime(b, v[0], v[1], 1)
		}
		return b.sorted()
	}
	announceNL := keys([2]string{"XXXX-02-28", "XXXX-03-02"})
	announceEN := keys([2]string{"2023-02-28", "2023-03-02"})
	monday := keys([2]string{"XXXX-WXX-1", ""})
	tests := []struct {
		name string
		a, b []Weighted
		want EventTime
	}{
		{"year-less range meets the dated range", announceNL, announceEN, EventTimeAgree},
		{"a weekday against a year-less range cannot be compared", monday, announceNL, EventTimeUnknown},
		{"different weekdays are not a conflict (reports name different days of one event)", monday, announceEN, EventTimeUnknown},
		{"dated days a year apart conflict", announceEN, keys([2]string{"2024-02-28", ""}), EventTimeConflict},
		{"the same weekday agrees", monday, keys([2]string{"2023-02-27", ""}), EventTimeAgree},
		{"no dated main event on one side", announceEN, nil, EventTimeNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := eventTime(tc.a, tc.b); got != tc.want {
				t.Errorf("eventTime = %d, want %d (%v / %v)", got, tc.want, tc.a, tc.b)
			}
		})
	}
}

func TestAddEventTimeKeys(t *testing.T) {
	b := bag{}
	addEventTime(b, "2023-02-28", "2023-03-01", 1)
	for _, k := range []string{"E:2023-02-28", "E:2023-03-01", "M:02-28", "M:03-01", "W:2", "W:3"} {
		if b[k] == 0 {
			t.Errorf("missing %s in %v", k, b)
		}
	}
	if len(b) != 6 {
		t.Errorf("keys %v, want 6", b)
	}
}

func TestBackgroundRoundTrip(t *testing.T) {
	var s Stats
	for i := range 5 {
		f := Features{Entities: []Weighted{{"Q30", 1}, {fmt.Sprintf("Q%d", 100+i), 1}}, Events: []Weighted{{"USA-CHN", 1}}}
		s.Observe(&f)
	}
	var buf bytes.Buffer
	if err := s.WriteBackground(&buf, 2); err != nil {
		t.Fatal(err)
	}
	bg, err := ReadBackground(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if bg.N != 5 || bg.DF[ChEntities]["Q30"] != 5 || bg.DF[ChEvents]["USA-CHN"] != 5 || len(bg.DF[ChEntities]) != 1 {
		t.Fatalf("background %+v", bg)
	}
	var young Stats
	young.SetBackground(bg)
	if young.IDF(ChEntities, "Q30") >= young.IDF(ChEntities, "Q999") {
		t.Errorf("a common background key must be less rare than an unknown one")
	}
	if d := DefaultBackground(); d.N < 1000 || d.DF[ChEntities] == nil {
		t.Errorf("embedded background: N=%d", d.N)
	}
}

func TestDedupSnapshot(t *testing.T) {
	var d Dedup
	text := "BEIJING (Reuters) - Belarusian President Alexander Lukashenko will pay a state visit to China from February 28 to March 2 at the invitation of Chinese President Xi Jinping, the foreign ministry said on Saturday."
	d.Add(1, text)
	d.Add(2, "MINSK - Russian defence minister Sergei Shoigu met Alexander Lukashenko in Minsk on Saturday and signed a document.")
	var buf bytes.Buffer
	if err := d.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	var r Dedup
	if err := r.Restore(&buf); err != nil {
		t.Fatal(err)
	}
	if of, ok := r.Add(3, text+" Reuters"); !ok || of != 1 {
		t.Errorf("restored Dedup: dupOf %d %v, want 1", of, ok)
	}
}
