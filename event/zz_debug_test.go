package event

import (
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("EVDBG")
	if s == "" {
		t.Skip()
	}
	c, _ := NewCoder()
	for _, sent := range strings.Split(s, "||") {
		toks := tokenize(sent)
		hits := c.findActors(toks, nil)
		inActor := make([]bool, len(toks))
		for _, h := range hits {
			t.Logf("actor %q %s %s agent=%v", spanText(toks, h.i, h.j), h.country, h.sector, h.agent)
			for k := h.i; k < h.j; k++ {
				inActor[k] = true
			}
		}
		for _, tr := range c.findTriggers(toks, "en", inActor) {
			t.Logf("trig %q %s/%s rank=%d cur=%v", spanText(toks, tr.i, tr.j+1), tr.typ, tr.mode, tr.rank, tr.curated)
		}
	}
}
