package ner

import (
	"os"
	"strings"
	"testing"
)

const actorSample = `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_
+ISLAMIC_REPUBLIC_OF_AFGHANISTAN

ARMENIA_
+YEREVAN_
	[ARM]
TONY_ABBOTT
+ANTHONY_JOHN_ABBOTT
	[AUSGOV >20130918]
	[AUSELI]
COMMUNIST_PARTY_OF_CHINA
	[CHNPTY]
GENERAL_SECRETARY_OF_THE_SOCIALIST_UNITY_PARTY
PRESIDENT_JOSIPOVIC_
JOSIPOVIC_
BORIS_N._YELTSIN_  # CountryInfo.txt
	[RUSGOV 910101-991231]
!PERSON! = MAN, MEN
`

func TestAddActorNames(t *testing.T) {
	d := &Dict{}
	isMISC := func(toks []string) bool { return len(toks) == 1 && toks[0] == "Afghan" }
	if _, err := AddActorNames(d, strings.NewReader(actorSample), isMISC); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want string // type, "" for absent
	}{
		{"country", "Afghanistan", "LOC"},
		{"country in capitals", "AFGHANISTAN", "LOC"},
		{"city spelling", "Kabul", "LOC"},
		{"long form keeps function words", "Islamic Republic of Afghanistan", "LOC"},
		{"demonym skipped", "Afghan", ""},
		{"code on a later line", "Yerevan", "LOC"},
		{"person", "Tony Abbott", "PER"},
		{"person spelling", "Anthony John Abbott", "PER"},
		{"organisation", "Communist Party of China", "ORG"},
		{"initial", "Boris N. Yeltsin", "PER"},
		{"title skipped", "President Josipovic", ""},
		{"single word without code skipped", "Josipovic", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := NameTokens(tc.text)
			got := ""
			for _, m := range d.Lookup(toks, 0) {
				if m.Len == len(toks) {
					got = m.Type
				}
			}
			if got != tc.want {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestPhoenixActors reads the shipped-data actor dictionary and checks
// that each type gets a plausible share of names.
func TestPhoenixActors(t *testing.T) {
	path := sharedData(t, "events-petrarch2/Phoenix.Countries.actors.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no actor dictionary: %v", err)
	}
	defer f.Close()
	d := &Dict{}
	n, err := AddActorNames(d, f, Lexicon("en").Has)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]int{}
	d.each(func(_ []string, typ string) { by[typ]++ })
	t.Logf("%d names: %v", n, by)
	if by["PER"] < 10000 || by["LOC"] < 500 || by["ORG"] < 100 {
		t.Errorf("too few names by type: %v", by)
	}
}

// FuzzAddActorNames checks that any dictionary text parses without a
// panic and yields only names the gazetteer can look up.
func FuzzAddActorNames(f *testing.F) {
	f.Add(actorSample)
	f.Add("X_ [ABC\n+\n\t[\n#\n")
	f.Add("A_B_C_D_E_F_G_H\n+_\n!X! = Y\n[]\n")
	f.Fuzz(func(t *testing.T, text string) {
		d := &Dict{}
		n, err := AddActorNames(d, strings.NewReader(text), nil)
		if err != nil {
			return
		}
		if n < 0 || d.Len() > 2*n {
			t.Fatalf("%d names reported, %d in the dictionary", n, d.Len())
		}
		d.each(func(toks []string, typ string) {
			if len(toks) == 0 || typ == "" {
				t.Fatalf("empty entry %q %q", toks, typ)
			}
		})
	})
}
