package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestRelabelCompounds(t *testing.T) {
	// "Sabena" is known from the entity of the second sentence.
	known := sent("de maatschappij Sabena", "O O B-ORG")
	tests := []struct {
		name, lang, toks, tags, want string
	}{
		{"known name", "nl", "de Sabena-aandelen stegen", "O O O", "O B-MISC O"},
		{"acronym", "nl", "een VRT-journalist zei", "O B-ORG O", "O B-MISC O"},
		{"acronym with digit", "nl", "de D66-fractie", "O O", "O B-MISC"},
		{"unknown capitalised word", "nl", "Regerings-plan is", "O O", "O O"},
		{"capitalised tail", "nl", "in Noord-Holland", "O B-LOC", "O B-LOC"},
		{"french particle", "nl", "naar Bourg-en-Bresse", "O B-LOC", "O B-LOC"},
		{"landscape word", "nl", "het Sabena-gebergte", "O B-LOC", "O B-LOC"},
		{"inside longer name", "nl", "Kim VRT-hwa zei", "B-PER I-PER O", "B-PER I-PER O"},
		{"short tail", "nl", "de VRT-ok", "O O", "O O"},
		{"other language", "de", "die EU-Kommission", "O B-ORG", "O B-ORG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(tc.toks, tc.tags)
			RelabelCompounds([]Sentence{s, known}, tc.lang)
			if got := strings.Join(s.Tags, " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestRelabelMISCDutchAdjectives(t *testing.T) {
	lex := Lexicon("nl")
	tests := []struct{ name, toks, tags, want string }{
		{"lexicon inflected", "de Indiase regering", "O O O", "O B-MISC O"},
		{"compass form", "in het Oost-Europese land", "O O B-LOC O", "O O B-MISC O"},
		{"linked adjective before lower-case word", "de Frankische koningen", "O B-LOC O", "O B-MISC O"},
		{"linked place before capital kept", "de Frankische Rijk", "O B-LOC I-LOC", "O B-LOC I-LOC"},
		{"place at end kept", "naar Toulouse", "O B-LOC", "O B-LOC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(tc.toks, tc.tags)
			RelabelMISC([]Sentence{s}, "nl", lex)
			if got := strings.Join(s.Tags, " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestAugmentCompounds(t *testing.T) {
	in := []Sentence{
		sent("de aandelen van Sabena stegen", "O O O B-ORG O"),
		sent("de leider van de partij", "O O O O O"),
		sent("de aandelen van Air France", "O O O B-ORG I-ORG"),
	}
	got := AugmentCompounds(in, "nl", 1, 1)
	if len(got) != 1 {
		t.Fatalf("got %d copies, want 1: %v", len(got), got)
	}
	if w := "de Sabena-aandelen stegen|O B-MISC O"; strings.Join(got[0].Tokens, " ")+"|"+strings.Join(got[0].Tags, " ") != w {
		t.Errorf("got %v %v, want %s", got[0].Tokens, got[0].Tags, w)
	}
	if !validIOB2(got[0]) {
		t.Errorf("invalid IOB2: %v", got[0].Tags)
	}
	if AugmentCompounds(in, "en", 1, 1) != nil || AugmentCompounds(in, "nl", 0, 1) != nil {
		t.Error("want no copies for English or p = 0")
	}
}

func TestAugmentGenitives(t *testing.T) {
	in := []Sentence{
		sent("volgens de regering van India is", "O O O O B-LOC O"),
		sent("de regering van Barak viel", "O O O B-PER O"),
		sent("de regering van Ehud Barak", "O O O B-PER I-PER"),
	}
	got := AugmentGenitives(in, "nl", 1, 1)
	want := []string{"volgens India's regering is|O B-MISC O O", "Baraks regering viel|B-MISC O O"}
	var have []string
	for _, s := range got {
		have = append(have, strings.Join(s.Tokens, " ")+"|"+strings.Join(s.Tags, " "))
		if !validIOB2(s) {
			t.Errorf("invalid IOB2: %v", s.Tags)
		}
	}
	if !slices.Equal(have, want) {
		t.Errorf("got %q, want %q", have, want)
	}
}

func TestDutchGenitive(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"vowel", "India", "India's"},
		{"consonant", "Barak", "Baraks"},
		{"sibilant", "Reagans", "Reagans'"},
		{"acronym", "VRT", "VRT's"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dutchGenitive(tc.in); got != tc.want {
				t.Errorf("dutchGenitive(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTitleTokens(t *testing.T) {
	tests := []struct{ name, in, toks, tags string }{
		{"plain", "minister", "minister", "O"},
		{"department", "minister van [Buitenlandse Zaken]", "minister van Buitenlandse Zaken", "O O B-ORG I-ORG"},
		{"one word", "minister van [Defensie]", "minister van Defensie", "O O B-ORG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, tags := titleTokens(tc.in)
			if strings.Join(toks, " ") != tc.toks || strings.Join(tags, " ") != tc.tags {
				t.Errorf("got %v %v, want %s / %s", toks, tags, tc.toks, tc.tags)
			}
		})
	}
}
