package pipeline_test

import (
	"context"
	"testing"

	"dateline/entity"
	"dateline/model"
	"dateline/pipeline"
)

func TestLearnNamesRemapsConsistently(t *testing.T) {
	kb, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reg := &entity.Registry{}
	stage := pipeline.LearnNames{KB: kb, Registry: reg}
	unknown := func(text, lang string) string { return entity.UnknownID(text, lang, model.PER) }
	nl := &model.Article{Lang: "nl",
		Mentions: []model.Mention{
			{Text: "Belarus", Type: model.LOC, EntityID: "Q184"},
			{Text: "Ivan Vasjoekevitsj", Type: model.PER, EntityID: unknown("Ivan Vasjoekevitsj", "nl")},
		},
		Events: []model.Event{{Type: "CONSULT", Source: model.Actor{EntityID: unknown("Ivan Vasjoekevitsj", "nl"), Country: "BLR"}}},
	}
	if err := stage.Process(context.Background(), nl); err != nil {
		t.Fatal(err)
	}
	id := nl.Mentions[1].EntityID
	if id == "" || nl.Events[0].Source.EntityID != id {
		t.Fatalf("mention %q, event actor %q: want the same learnt ID", id, nl.Events[0].Source.EntityID)
	}
	if nl.Mentions[0].EntityID != "Q184" {
		t.Errorf("a knowledge-base entity was remapped: %q", nl.Mentions[0].EntityID)
	}
	// The same name in a later article gets the same learnt identity.
	again := &model.Article{Lang: "nl", Mentions: []model.Mention{{Text: "Ivan Vasjoekevitsj", Type: model.PER, EntityID: unknown("Ivan Vasjoekevitsj", "nl")}}}
	stage.Process(context.Background(), again)
	if again.Mentions[0].EntityID != id {
		t.Errorf("second article: %q, want %q", again.Mentions[0].EntityID, id)
	}
	if len(reg.Names()) != 1 {
		t.Errorf("registry learnt %d names, want 1", len(reg.Names()))
	}
}
