package event

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("EVDEBUG")
	if s == "" {
		t.Skip()
	}
	c, _ := NewCoder()
	toks := tokenize(s)
	for _, tk := range toks {
		fmt.Printf("%s|", tk.text)
	}
	fmt.Println()
	for _, tr := range c.findTriggers(toks, "en", make([]bool, len(toks))) {
		fmt.Printf("trig %d-%d %s/%s rank %d cur %v\n", tr.i, tr.j, tr.typ, tr.mode, tr.rank, tr.curated)
	}
	for _, h := range c.findActors(toks, nil) {
		fmt.Printf("actor %d-%d %q %s/%s agent=%v person=%v\n", h.i, h.j, spanText(toks, h.i, h.j), h.country, h.sector, h.agent, h.person)
	}
	fmt.Println(c.CodeSentence(s, "en"))
}

func TestDebugVerb(t *testing.T) {
	v := os.Getenv("EVVERB")
	if v == "" {
		t.Skip()
	}
	c, _ := NewCoder()
	fmt.Println(len(c.lx.blocks), len(c.lx.verbs))
	for _, r := range c.lx.verbs[v] {
		b := c.lx.blocks[r.block]
		fmt.Println(b.name, b.code, len(b.patterns), r.rest)
		for _, p := range b.patterns[:min(5, len(b.patterns))] {
			fmt.Println("  ", p.pre, p.post, p.code)
		}
	}
}
