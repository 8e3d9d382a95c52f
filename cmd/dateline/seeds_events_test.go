package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dateline/model"
)

// seedEvents ingests the given seed pages into a fresh store and returns
// the stored events.
func seedEvents(t *testing.T, files ...string) []model.Event {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "ev.db")
	if s, r := ingestJSON(t, dir, append([]string{"--db", db}, files...)...); r.code != 0 || s.Articles != int64(len(files)) {
		t.Fatalf("ingest: %+v %s", s.Summary, r.stderr)
	}
	r := dl(t, dir, "events", "--db", db, "--json")
	var out struct{ Events []model.Event }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("events --json: %v: %s", err, r.stdout)
	}
	return out.Events
}

// fromSeed reports whether one of the event's sources is the seed whose
// file name starts with prefix.
func fromSeed(e model.Event, prefix string) bool {
	for _, s := range e.Sources {
		if strings.HasPrefix(filepath.Base(s.Source), prefix) {
			return true
		}
	}
	return false
}

func find(evs []model.Event, typ, mode, src, tgt string, ok func(model.Event) bool) []model.Event {
	var out []model.Event
	for _, e := range evs {
		if e.Type == typ && (mode == "" || e.Mode == mode) && e.Source.Country == src && e.Target.Country == tgt && ok(e) {
			out = append(out, e)
		}
	}
	return out
}

// TestSeedsEvents is issue 5's second acceptance test on the seed pages.
func TestSeedsEvents(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) != 5 {
		t.Fatalf("want the 5 seed pages, got %v", files)
	}
	evs := seedEvents(t, files...)
	const announceNL, laterVisit, shoigu, announceEN, putin = "000", "001", "002", "003", "004"

	// The announced visit: one event, reported in Dutch and English, dated
	// by the English page's publication date.
	ann := find(evs, "CONSULT", "visit", "BLR", "CHN", func(e model.Event) bool { return fromSeed(e, announceNL) || fromSeed(e, announceEN) })
	if len(ann) != 1 {
		t.Fatalf("announced visit: %d events, want 1: %+v", len(ann), ann)
	}
	if a := ann[0]; !fromSeed(a, announceNL) || !fromSeed(a, announceEN) || a.Date != "2023-02-28" || a.DateEnd != "2023-03-02" {
		t.Errorf("announced visit = %s..%s, sources %+v; want 2023-02-28..2023-03-02 from %s and %s", a.Date, a.DateEnd, a.Sources, announceNL, announceEN)
	}
	if fromSeed(ann[0], laterVisit) {
		t.Errorf("the later visit was merged into the announced one")
	}
	// The later visit is an event of its own.
	if got := find(evs, "CONSULT", "visit", "BLR", "CHN", func(e model.Event) bool { return fromSeed(e, laterVisit) }); len(got) != 1 {
		t.Errorf("later visit: %+v", got)
	}
	// The other seeds' visits, the signed document, the thanks and the invitation.
	for _, w := range []struct{ typ, mode, src, tgt, seed string }{
		{"CONSULT", "visit", "RUS", "BLR", shoigu},
		{"AGREE", "", "RUS", "BLR", shoigu},
		{"SUPPORT", "", "RUS", "BLR", shoigu},
		{"SUPPORT", "", "RUS", "PRK", putin},
		{"CONSULT", "invitation", "RUS", "PRK", putin},
	} {
		if got := find(evs, w.typ, w.mode, w.src, w.tgt, func(e model.Event) bool { return fromSeed(e, w.seed) }); len(got) == 0 {
			t.Errorf("no %s/%s %s->%s event from seed %s", w.typ, w.mode, w.src, w.tgt, w.seed)
		}
	}
}

// TestSeedEventYearUnknownAlone: the undated Dutch announcement, ingested
// without the English report, keeps an unknown year.
func TestSeedEventYearUnknownAlone(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "000_*.txt"))
	if len(files) != 1 {
		t.Fatal("seed 000 missing")
	}
	ann := find(seedEvents(t, files...), "CONSULT", "visit", "BLR", "CHN", func(model.Event) bool { return true })
	if len(ann) != 1 || ann[0].Date != "XXXX-02-28" || ann[0].DateEnd != "XXXX-03-02" {
		t.Fatalf("announced visit alone = %+v; want XXXX-02-28..XXXX-03-02", ann)
	}
}
