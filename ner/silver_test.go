package ner

import (
	"strings"
	"testing"
)

func TestAugmentSports(t *testing.T) {
	sents := []Sentence{
		{Tokens: strings.Fields("John Smith lives in Leeds"), Tags: []string{"B-PER", "I-PER", "O", "O", "B-LOC"}},
		{Tokens: strings.Fields("he joined Acme Corp"), Tags: []string{"O", "O", "B-ORG", "I-ORG"}},
	}
	out := AugmentSports(sents, "en", 50, 1)
	if len(out) != 100 {
		t.Fatalf("got %d lines, want 100", len(out))
	}
	for _, s := range out {
		if len(s.Tokens) != len(s.Tags) {
			t.Fatalf("tokens and tags differ in length: %v %v", s.Tokens, s.Tags)
		}
		for _, c := range spansOf(s.Tags) {
			name := strings.ToLower(strings.Join(s.Tokens[c.Start:c.End], " "))
			switch {
			case name == "leeds", name == "acme corp":
				if c.Type != "ORG" {
					t.Errorf("team %q typed %s in %v", name, c.Type, s.Tokens)
				}
			case name == "smith":
				if c.Type != "PER" {
					t.Errorf("player %q typed %s", name, c.Type)
				}
			default:
				t.Errorf("unexpected name %q in %v", name, s.Tokens)
			}
		}
	}
	if AugmentSports(sents, "en", 0, 1) != nil {
		t.Error("p=0 should add nothing")
	}
}

func TestAugmentAcronyms(t *testing.T) {
	sents := []Sentence{
		{Tokens: strings.Fields("de Nationale Bank van België zegt"), Tags: []string{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}},
		{Tokens: strings.Fields("Smith works for Acme"), Tags: []string{"B-PER", "O", "O", "B-ORG"}},
	}
	out := AugmentAcronyms(sents, 1, 1)
	if len(out) != 1 {
		t.Fatalf("got %d copies, want 1 (single-word names have no acronym)", len(out))
	}
	s := out[0]
	got := strings.Join(s.Tokens, " ")
	switch got {
	case "de NBB zegt":
		if strings.Join(s.Tags, " ") != "O B-ORG O" {
			t.Errorf("tags %v", s.Tags)
		}
	case "de Nationale Bank van België ( NBB ) zegt":
		if strings.Join(s.Tags, " ") != "O B-ORG I-ORG I-ORG I-ORG O B-ORG O O" {
			t.Errorf("tags %v", s.Tags)
		}
	default:
		t.Errorf("unexpected copy %q", got)
	}
}
