package event

import "testing"

// TestGrammarRules checks the general coding rules of the fourth round on
// invented English sentences (none is from the PLOVER GSR): stative
// participles, passives without an actor subject, "between X and Y",
// the condition of a threat, a complaint's addressee, negation, verbs with their own CAMEO code,
// appeals, nouns before an auxiliary and event nouns.
func TestGrammarRules(t *testing.T) {
	c, err := NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text    string
		typ, src, tgt string // typ "" wants no event
	}{
		{"stative participle is no passive", "Japan is opposed to Chinese mediation in the dispute.", "", "JPN", "CHN"},
		{"stative committed", "Kenya is committed to helping Somalia.", Agree, "KEN", "SOM"},
		{"passive with agent", "France was attacked by Germany.", Assault, "DEU", "FRA"},
		{"passive, object subject", "Sanctions were imposed on Iran by the European Union.", "", "IGO", "IRN"},
		{"talks between X and Y", "Talks between Israel and Syria resumed on Monday.", Consult, "ISR", "SYR"},
		{"between with determiners", "Talks between the Israeli prime minister and the Palestinian president ended.", Consult, "ISR", "PSE"},
		{"threat condition names the target", "Israel threatened to ban voting if Hamas ran in the election.", Threaten, "ISR", "PSE"},
		{"unless", "Turkey threatened to close the border unless Syria withdrew its troops.", Threaten, "TUR", "SYR"},
		{"denied conflict is no event", "Russia did not attack Ukraine.", "", "", ""},
		{"promise not to fight", "Russia will not attack Ukraine.", Agree, "RUS", "UKR"},
		{"vow not to give back", "Israel vowed not to return the Golan Heights to Syria.", Reject, "ISR", "SYR"},
		{"pledge never to attack", "Iran pledged never to attack Israel.", Agree, "IRN", "ISR"},
		{"negated agreement", "Germany did not agree to the French proposal.", Reject, "DEU", "FRA"},
		{"own code of a synonym", "An Argentine judge ordered the Chilean consul to appear in court.", Request, "ARG", "CHL"},
		{"appeal is a request", "Iran appealed to the United Nations for help.", Request, "IRN", "IGO"},
		{"ask is a request", "India asked Pakistan to hand over the suspects.", Request, "IND", "PAK"},
		{"noun before auxiliary", "A Japanese ship was seized by Chinese coast guards.", Coerce, "CHN", "JPN"},
		{"shared intelligence", "Japan shared intelligence with South Korea.", Cooperate, "JPN", "KOR"},
		{"event noun with possessor", "Russia's invasion of Ukraine.", Assault, "RUS", "UKR"},
		{"event noun with by phrase", "The arrest of two Russian journalists by Belarusian police.", Coerce, "BLR", "RUS"},
		{"event noun yields to a verb", "After Russia's invasion of Ukraine, Germany sent weapons to Kyiv.", Aid, "DEU", "UKR"},
		{"complaint's addressee is no target", "Venezuela complained to the United Nations about Colombian incursions.", Accuse, "VEN", "COL"},
		{"agentless arrest: the place's state acts", "Two Russian journalists were arrested in Minsk.", Coerce, "BLR", "RUS"},
		{"reports suggest", "Reports suggested that Russia is planning to absorb Belarus.", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := c.CodeSentence(tc.text, "en")
			if tc.typ == "" && tc.src == "" {
				if len(evs) != 0 {
					t.Fatalf("want no event, got %s %s->%s", evs[0].Type, evs[0].Source.Country, evs[0].Target.Country)
				}
				return
			}
			if len(evs) == 0 {
				t.Fatalf("no event, want %s %s->%s", tc.typ, tc.src, tc.tgt)
			}
			e := evs[0]
			if tc.typ != "" && e.Type != tc.typ || e.Source.Country != tc.src || e.Target.Country != tc.tgt {
				t.Errorf("got %s %s->%s, want %s %s->%s", e.Type, e.Source.Country, e.Target.Country, tc.typ, tc.src, tc.tgt)
			}
		})
	}
}
