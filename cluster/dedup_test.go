package cluster

import (
	"strings"
	"testing"

	"dateline/model"
)

const wire = `BEIJING (Reuters) - Belarusian President Alexander Lukashenko will pay a state visit to China from February 28 to March 2 at the invitation of Chinese President Xi Jinping, the Chinese foreign ministry said on Saturday. China is willing to work with Belarus to deepen mutual political trust, foreign minister Qin Gang told his Belarusian counterpart Sergei Aleinik in a phone call, the ministry said.`

func TestDedup(t *testing.T) {
	tests := []struct {
		name string
		text string
		dup  bool
	}{
		{"verbatim syndication", wire, true},
		{"re-published with a credit line", wire + " Reporting by the Beijing newsroom.", true},
		{"light edit", strings.Replace(wire, "on Saturday", "on Saturday morning", 1), true},
		{"unrelated", "PYONGYANG (ANP) - Russian President Vladimir Putin thanked North Korean leader Kim Jong Un for his support of the war in Ukraine during a visit to the North Korean capital on Wednesday, where he was welcomed by soldiers and children.", false},
		{"same event, own words", "Lukashenko is expected in Beijing next week. The visit, announced by the Chinese foreign ministry, runs from 28 February until 2 March, and Xi Jinping invited him to deepen ties between the two countries.", false},
	}
	var d Dedup
	if _, ok := d.Add(1, wire); ok {
		t.Fatal("first text reported as duplicate")
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			of, ok := d.Add(int64(i+10), tc.text)
			if ok != tc.dup || (ok && of != 1) {
				t.Errorf("Add = %d, %v; want duplicate=%v of 1", of, ok, tc.dup)
			}
		})
	}
}

func TestDedupSignatureRoundTrip(t *testing.T) {
	sig := Signature(wire)
	if len(sig) != SignatureLen {
		t.Fatalf("signature length %d", len(sig))
	}
	var d Dedup
	d.AddSignature(7, sig)
	if of, ok := d.Add(8, wire); !ok || of != 7 {
		t.Errorf("restored signature not found: %d %v", of, ok)
	}
	if Signature("") != nil {
		t.Error("empty text has a signature")
	}
	if s := SignatureSimilarity(sig, Signature(wire)); s != 1 {
		t.Errorf("self similarity %v", s)
	}
}

func TestDedupMaxItems(t *testing.T) {
	d := Dedup{MaxItems: 2}
	d.Add(1, wire)
	d.Add(2, "completely different text about the weather in Amsterdam today and tomorrow")
	d.Add(3, "yet another text, this one about football results in the Dutch league on Sunday")
	if _, ok := d.Add(4, wire); ok {
		t.Error("forgotten item still found")
	}
}

func TestDyad(t *testing.T) {
	ev := func(s, t, date string, score float64) modelEvent { return mkEvent(s, t, date, score) }
	events := []modelEvent{
		ev("BLR", "CHN", "2023-02-28", 4),
		ev("CHN", "BLR", "2023-03-01", 6),
		ev("BLR", "CHN", "2023-03-06", -2),
		ev("RUS", "BLR", "2023-03-01", 5), // other dyad
		ev("BLR", "CHN", "", 3),           // no date
		ev("BLR", "CHN", "2023-04", 1),    // month only
	}
	tests := []struct {
		name   string
		g      Granularity
		period []string
		count  []int
		mean   []float64
	}{
		{"day", Day, []string{"2023-02-28", "2023-03-01", "2023-03-06", "2023-04-01"}, []int{1, 1, 1, 1}, []float64{4, 6, -2, 1}},
		{"week", Week, []string{"2023-02-27", "2023-03-06", "2023-03-27"}, []int{2, 1, 1}, []float64{5, -2, 1}},
		{"month", Month, []string{"2023-02-01", "2023-03-01", "2023-04-01"}, []int{1, 2, 1}, []float64{4, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Dyad(events, "CHN", "BLR", tc.g)
			if len(got) != len(tc.period) {
				t.Fatalf("got %d periods %+v, want %v", len(got), got, tc.period)
			}
			for i, p := range got {
				if p.Period != tc.period[i] || p.Count != tc.count[i] || p.Mean != tc.mean[i] || len(p.Events) != p.Count {
					t.Errorf("period %d = %s n=%d mean=%v, want %s n=%d mean=%v", i, p.Period, p.Count, p.Mean, tc.period[i], tc.count[i], tc.mean[i])
				}
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Loekasjenko", "Lukashenko"},
		{"Лукашенко", "Lukashenko"},
		{"Lukaschenko", "Lukashenko"},
		{"Sjoigoe", "Shoigu"},
		{"Шойгу", "Shoigu"},
		{"Poetin", "Putin"},
		{"Путина", "Putin"},
		{"Chrenin", "Khrenin"},
		{"Wladimir", "Vladimir"},
		{"São Paulo", "Sao Paulo"},
	}
	for _, tc := range tests {
		t.Run(tc.a, func(t *testing.T) {
			if x, y := NameKey(tc.a), NameKey(tc.b); x != y {
				t.Errorf("NameKey(%q)=%q, NameKey(%q)=%q", tc.a, x, tc.b, y)
			}
		})
	}
	if NameKey("Minsk") == NameKey("Moskou") {
		t.Error("different names share a key")
	}
	if NameKey("...") != "" {
		t.Error("punctuation has a key")
	}
}

type modelEvent = model.Event

func mkEvent(s, t, date string, score float64) model.Event {
	return model.Event{Type: "CONSULT", Source: model.Actor{Country: s}, Target: model.Actor{Country: t}, Date: date, Score: score}
}
