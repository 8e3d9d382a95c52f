package eventeval

import (
	"dateline/internal/shared"

	"testing"

	"dateline/event"
	"dateline/model"
)

// sharedData finds ../shared/data/REL beside the module root.
func sharedData(t *testing.T, rel string) string { return shared.Data(t, rel) }

// TestGSRFloor is a regression check on the held-out quarter of the dev
// file; the floors sit well below the measured figures (docs/parts/quality-events.md).
func TestGSRFloor(t *testing.T) {
	recs, err := Load(sharedData(t, "events-plover-gsr/PLOVER_GSR_CAMEO.dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 215 {
		t.Fatalf("loaded %d records, want 215", len(recs))
	}
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	_, held := Split(recs, 4)
	rep := Evaluate(c, held)
	if rep.Accuracy < 0.55 || rep.SourceAccuracy < 0.65 || rep.TargetAccuracy < 0.65 {
		t.Errorf("held-out type %.3f source %.3f target %.3f below floors", rep.Accuracy, rep.SourceAccuracy, rep.TargetAccuracy)
	}
}

type fixed map[string]model.Event

func (f fixed) CodeSentence(s, _ string) []model.Event {
	if e, ok := f[s]; ok {
		return []model.Event{e}
	}
	return nil
}

func TestEvaluateScoring(t *testing.T) {
	recs := []Record{
		{Text: "a", Type: "AGREE", Sources: []string{"HUN", "ROU"}},
		{Text: "b", Type: "ASSAULT", Sources: []string{"ISR"}, Targets: []string{"PSE"}},
		{Text: "c", Type: "REQUEST", Targets: []string{"USA"}},
	}
	c := fixed{
		"a": {Type: "AGREE", Source: model.Actor{Country: "ROU"}},
		"b": {Type: "COERCE", Source: model.Actor{Country: "ISR"}, Target: model.Actor{Country: "ISR"}},
	}
	rep := Evaluate(c, recs)
	if rep.Accuracy != 1.0/3 || rep.SourceAccuracy != 1 || rep.TargetAccuracy != 0 || rep.Coded != 2 {
		t.Errorf("got %+v", rep)
	}
	if rep.Confusion["ASSAULT"]["COERCE"] != 1 || rep.Confusion["REQUEST"]["NONE"] != 1 {
		t.Errorf("confusion %v", rep.Confusion)
	}
	if s := rep.ByType["AGREE"]; s.Precision != 1 || s.Recall != 1 {
		t.Errorf("AGREE stats %+v", s)
	}
}
