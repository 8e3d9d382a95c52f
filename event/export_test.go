package event

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/model"
)

func sampleEvents() []model.Event {
	return []model.Event{
		{ID: 7, Type: Consult, Mode: "visit",
			Source: model.Actor{Name: "Alexander Lukashenko", EntityID: "Q3711", Country: "BLR", Sector: "GOV"},
			Target: model.Actor{Name: "China", EntityID: "Q148", Country: "CHN"},
			Place:  "Beijing", Date: "2023-02-28", DateEnd: "2023-03-02", Score: Score(Consult, "visit"), Confidence: 0.85,
			Sources: []model.EventSource{
				{ArticleID: 1, Source: "https://example.org/en", Sentence: "Lukashenko will pay a state visit to China.", Start: 10, End: 53},
				{ArticleID: 2, Source: "https://example.org/nl page", Sentence: "Tab\there, newline\nthere, backslash \\ and \"quotes\", comma.", Start: 0, End: 60},
			}},
		{Type: Assault, Source: model.Actor{Country: "RUS", Sector: "MIL"}, Target: model.Actor{Name: "Oekraïne", Country: "UKR"},
			Date: "XXXX-02-24", Score: -9.7, Confidence: 0.4,
			Sources: []model.EventSource{{Source: "file.jsonl#3", Sentence: "Het leger viel aan.", Start: 5, End: 24}}},
	}
}

func TestExportRoundTrip(t *testing.T) {
	formats := []struct {
		name  string
		write func(*bytes.Buffer, []model.Event) error
		read  func(*bytes.Buffer) ([]model.Event, error)
	}{
		{"tsv", func(b *bytes.Buffer, e []model.Event) error { return WriteTSV(b, e) }, func(b *bytes.Buffer) ([]model.Event, error) { return ReadTSV(b) }},
		{"csv", func(b *bytes.Buffer, e []model.Event) error { return WriteCSV(b, e) }, func(b *bytes.Buffer) ([]model.Event, error) { return ReadCSV(b) }},
		{"jsonl", func(b *bytes.Buffer, e []model.Event) error { return WriteJSONL(b, e) }, func(b *bytes.Buffer) ([]model.Event, error) { return ReadJSONL(b) }},
	}
	want := sampleEvents()
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.write(&buf, want); err != nil {
				t.Fatal(err)
			}
			if f.name == "tsv" {
				lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
				if len(lines) != 1+len(want) {
					t.Fatalf("tsv has %d lines, want %d (tabs/newlines not escaped?)", len(lines), 1+len(want))
				}
				for _, l := range lines {
					if n := strings.Count(l, "\t"); n != len(Columns)-1 {
						t.Errorf("line has %d tabs, want %d: %q", n, len(Columns)-1, l)
					}
				}
			}
			got, err := f.read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestTSVGDELTColumns(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTSV(&buf, sampleEvents()[:1]); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	cols := strings.Split(lines[1], "\t")
	h, _ := headerIndex(strings.Split(lines[0], "\t"))
	checks := map[string]string{"date": "2023-02-28", "actor1_country": "BLR", "actor2_country": "CHN",
		"event_type": "CONSULT", "event_mode": "visit", "place": "Beijing",
		"source_urls": "https://example.org/en https://example.org/nl%20page"}
	for col, want := range checks {
		if got := cols[h[col]]; got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := ReadTSV(strings.NewReader("a\tb\n1\t2\n")); err == nil {
		t.Error("TSV without event_type column should fail")
	}
	if _, err := ReadJSONL(strings.NewReader("{\"type\":\"AGREE\"}\nnot json\n")); err == nil {
		t.Error("bad JSONL line should fail")
	}
	if _, err := ReadTSV(strings.NewReader("event_type\tscore\nAGREE\tx\n")); err == nil {
		t.Error("bad score should fail")
	}
}

func FuzzReadTSV(f *testing.F) {
	var buf bytes.Buffer
	WriteTSV(&buf, sampleEvents())
	f.Add(buf.String())
	f.Add("event_type\n")
	f.Add("event_type\tsources_json\nAGREE\t[{\"source\":\"x\\\\ty\"}]\n")
	f.Add("id\tevent_type\n\\\n")
	f.Fuzz(func(t *testing.T, s string) {
		evs, err := ReadTSV(strings.NewReader(s))
		if err != nil {
			return
		}
		// what parses must export and parse back the same
		var out bytes.Buffer
		if err := WriteTSV(&out, evs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadTSV(&out)
		if err != nil {
			t.Fatalf("re-read: %v", err)
		}
		if len(again) != len(evs) {
			t.Fatalf("re-read %d events, want %d", len(again), len(evs))
		}
		for i := range evs {
			if validUTF8(evs[i]) && !reflect.DeepEqual(normalize(again[i]), normalize(evs[i])) {
				t.Fatalf("event %d differs after re-export:\n%+v\n%+v", i, again[i], evs[i])
			}
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	var buf bytes.Buffer
	WriteJSONL(&buf, sampleEvents())
	f.Add(buf.String())
	f.Add("{}\n\n{\"type\":\"AGREE\",\"sources\":null}\n")
	f.Add("[1,2]\n")
	f.Fuzz(func(t *testing.T, s string) {
		evs, err := ReadJSONL(strings.NewReader(s))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteJSONL(&out, evs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSONL(&out)
		if err != nil || len(again) != len(evs) {
			t.Fatalf("re-read: %d events, %v", len(again), err)
		}
	})
}

// normalize makes empty and nil source lists equal.
func normalize(e model.Event) model.Event {
	if len(e.Sources) == 0 {
		e.Sources = nil
	}
	return e
}

func validUTF8(e model.Event) bool {
	for _, s := range []string{e.Type, e.Mode, e.Place, e.Date, e.DateEnd, e.Source.Name, e.Source.EntityID, e.Source.Country, e.Source.Sector,
		e.Target.Name, e.Target.EntityID, e.Target.Country, e.Target.Sector} {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r") {
			return false
		}
	}
	for _, src := range e.Sources {
		if !utf8.ValidString(src.Source) || !utf8.ValidString(src.Sentence) || strings.Contains(src.Source, " ") || strings.Contains(src.Source, "%20") {
			return false
		}
	}
	return true
}
