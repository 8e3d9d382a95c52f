package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"dateline/eval/timexeval"
	"dateline/timex"
)

// runEvalTimex scores the time-expression layer on TimeML files:
// `dateline eval timex --data DIR [--lang en|nl] [--json] [--errors N]`.
func runEvalTimex(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval timex", "")
	data := fs.String("data", "../shared/data/time-tempeval3/Training", "folder of TimeML .tml files (searched recursively), or one file")
	lang := fs.String("lang", "en", "language of the documents")
	asJSON := fs.Bool("json", false, "print one JSON object")
	errs := fs.Int("errors", 0, "print up to N misses, false alarms and wrong values to stderr")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := timexeval.LoadDir(*data)
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval timex: no .tml files under %s", *data)
	}
	x := timex.Extractor{SplitRanges: true}
	var sc timexeval.Scorer
	shown := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var sys []timexeval.Span
		for _, t := range x.Extract(d.Text, *lang, d.DCT) {
			sys = append(sys, timexeval.Span{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value})
		}
		group := filepath.Dir(d.Name)
		pairs := sc.Add(group, d.Gold, sys)
		if shown < *errs {
			shown += printTimexErrors(a, d, sys, pairs, *errs-shown)
		}
	}
	r := sc.Report(len(docs))
	if *asJSON {
		return writeJSON(a.stdout, r)
	}
	w := a.stdout
	fmt.Fprintf(w, "timex on %s: %d documents, %d gold, %d system expressions (lang %s)\n", *data, r.Docs, r.Gold, r.System, *lang)
	row := func(name string, m timexeval.Metrics) {
		fmt.Fprintf(w, "%-28s %5d %5d  %.3f %.3f %.3f  %.3f %.3f %.3f  %.3f  %.3f %.3f %.3f\n", name, m.Gold, m.System,
			m.StrictPrecision, m.StrictRecall, m.StrictF1, m.RelaxedPrecision, m.RelaxedRecall, m.RelaxedF1,
			m.TypeAccuracy, m.ValuePrecision, m.ValueRecall, m.ValueF1)
	}
	fmt.Fprintf(w, "%-28s %5s %5s  %-17s  %-17s  %-5s  %s\n", "", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "type", "value P/R/F1")
	row("overall", r.Metrics)
	for _, k := range sortedKeys(r.ByType) {
		row("type "+k, r.ByType[k])
	}
	for _, k := range sortedKeys(r.ByGroup) {
		row(k, r.ByGroup[k])
	}
	return nil
}

func sortedKeys(m map[string]timexeval.Metrics) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// printTimexErrors lists a document's misses, false alarms and wrong
// values (at most max lines) and returns how many it printed.
func printTimexErrors(a *app, d timexeval.Doc, sys []timexeval.Span, pairs []timexeval.Pair, max int) int {
	n := 0
	gm := map[int]int{}
	sm := map[int]bool{}
	for _, p := range pairs {
		gm[p.Gold] = p.System
		sm[p.System] = true
	}
	q := func(s timexeval.Span) string { return strings.Join(strings.Fields(d.Text[s.Start:s.End]), " ") }
	ctxOf := func(s timexeval.Span) string {
		lo, hi := max0(s.Start-40), min(len(d.Text), s.End+40)
		return strings.Join(strings.Fields(d.Text[lo:hi]), " ")
	}
	for i, g := range d.Gold {
		if n >= max {
			return n
		}
		j, ok := gm[i]
		switch {
		case !ok:
			fmt.Fprintf(a.stderr, "%s DCT=%s MISS  %q %s %s  | %s\n", d.Name, d.DCTValue, q(g), g.Type, g.Value, ctxOf(g))
		case sys[j].Value != g.Value || sys[j].Start != g.Start || sys[j].End != g.End:
			fmt.Fprintf(a.stderr, "%s DCT=%s DIFF  %q %s %s  sys %q %s %s | %s\n", d.Name, d.DCTValue, q(g), g.Type, g.Value, q(sys[j]), sys[j].Type, sys[j].Value, ctxOf(g))
		default:
			continue
		}
		n++
	}
	for j, s := range sys {
		if n >= max {
			return n
		}
		if !sm[j] {
			fmt.Fprintf(a.stderr, "%s DCT=%s FALSE %q %s %s | %s\n", d.Name, d.DCTValue, q(s), s.Type, s.Value, ctxOf(s))
			n++
		}
	}
	return n
}

func max0(i int) int {
	if i < 0 {
		return 0
	}
	return i
}
