// Command tryeval is a temporary scoring helper (not shipped).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"dateline/eval/timexeval"
	"dateline/timex"
)

func main() {
	dir, lang := os.Args[1], os.Args[2]
	maxErr := 0
	if len(os.Args) > 3 {
		maxErr, _ = strconv.Atoi(os.Args[3])
	}
	docs, err := timexeval.LoadDir(dir)
	if err != nil {
		panic(err)
	}
	x := timex.Extractor{SplitRanges: true}
	var sc timexeval.Scorer
	for _, d := range docs {
		var sys []timexeval.Span
		for _, t := range x.Extract(d.Text, lang, d.DCT) {
			sys = append(sys, timexeval.Span{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value})
		}
		pairs := sc.Add("g", d.Gold, sys)
		if maxErr > 0 {
			q := func(s timexeval.Span) string { return strings.Join(strings.Fields(d.Text[s.Start:s.End]), " ") }
			cx := func(s timexeval.Span) string {
				return strings.Join(strings.Fields(d.Text[max(0, s.Start-50):min(len(d.Text), s.End+50)]), " ")
			}
			gm, sm := map[int]int{}, map[int]bool{}
			for _, p := range pairs {
				gm[p.Gold] = p.System
				sm[p.System] = true
			}
			for i, g := range d.Gold {
				j, ok := gm[i]
				if !ok {
					fmt.Printf("%s MISS %q %s %s | %s\n", d.DCTValue, q(g), g.Type, g.Value, cx(g))
				} else if sys[j].Value != g.Value || sys[j].Type != g.Type {
					fmt.Printf("%s DIFF %q %s %s sys %q %s %s | %s\n", d.DCTValue, q(g), g.Type, g.Value, q(sys[j]), sys[j].Type, sys[j].Value, cx(g))
				} else if sys[j].Start != g.Start || sys[j].End != g.End {
					fmt.Printf("%s SPAN %q sys %q | %s\n", d.DCTValue, q(g), q(sys[j]), cx(g))
				}
			}
			for j, s := range sys {
				if !sm[j] {
					fmt.Printf("%s FALSE %q %s %s | %s\n", d.DCTValue, q(s), s.Type, s.Value, cx(s))
				}
			}
		}
	}
	r := sc.Report(len(docs))
	m := r.Metrics
	fmt.Printf("gold %d sys %d strictF1 %.3f relaxF1 %.3f type %.3f valueP %.3f valueR %.3f valueF1 %.3f\n", m.Gold, m.System, m.StrictF1, m.RelaxedF1, m.TypeAccuracy, m.ValuePrecision, m.ValueRecall, m.ValueF1)
	for _, k := range []string{"DATE", "DURATION", "SET", "TIME"} {
		b := r.ByType[k]
		fmt.Printf("  %-8s gold %4d sys %4d valueF1 %.3f\n", k, b.Gold, b.System, b.ValueF1)
	}
}
