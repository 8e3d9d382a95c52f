package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"dateline/ner"
)

func TestECBSentences(t *testing.T) {
	doc := []byte(`<Document doc_name="x.xml">
<token t_id="1" sentence="0" number="0">A</token>
<token t_id="2" sentence="0" number="1">judge</token>
<token t_id="3" sentence="1" number="0">AT&amp;T</token>
<token t_id="4" sentence="1" number="1">said</token>
</Document>`)
	want := [][]string{{"A", "judge"}, {"AT&T", "said"}}
	if got := ecbSentences(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("ecbSentences = %q, want %q", got, want)
	}
}

func TestReadUnlabeled(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "pairs.csv")
	csv := "pair_id,lang1,lang2,text1,text2\n1,en,de,\"Obama met Merkel.\",\"Merkel traf Obama.\"\n2,en,en,\"Obama met Merkel.\",\"Rain fell.\"\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	txtPath := filepath.Join(dir, "s.txt")
	if err := os.WriteFile(txtPath, []byte("De U.S. Army kwam.\nHet regent.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, lang string
		want             [][]string
	}{
		{"csv english, duplicates once", csvPath, "en", [][]string{{"Obama", "met", "Merkel", "."}, {"Rain", "fell", "."}}},
		{"csv german", csvPath, "de", [][]string{{"Merkel", "traf", "Obama", "."}}},
		{"plain text", txtPath, "nl", [][]string{{"De", "U.S.", "Army", "kwam", "."}, {"Het", "regent", "."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readUnlabeled(tc.path, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := readUnlabeled(filepath.Join(dir, "missing"), "en"); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestSelfLabelKeepsConfidentSentences(t *testing.T) {
	tg, err := ner.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := [][]string{{"short"}, {"Tony", "Blair", "flew", "to", "Paris", "on", "Monday", "."}, {"it", "rained", "all", "day", "long", "."}}
	got := selfLabel(tg, text, 0.0, 10)
	if len(got) != 1 || got[0].Tokens[0] != "Tony" {
		t.Fatalf("selfLabel kept %v, want only the sentence with names", got)
	}
	if got := selfLabel(tg, text, 1.01, 10); len(got) != 0 {
		t.Errorf("confidence above 1 kept %d sentences", len(got))
	}
}
