package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"dateline/eval/langideval"
	"dateline/langid"
)

// runEvalLangid measures language identification on lingua's test files:
// accuracy per language for sentences, word pairs and single words, with
// lingua-go's published high-accuracy figures beside ours.
func runEvalLangid(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval langid", "")
	data := fs.String("data", "../shared/data/langid-lingua", "test folder: {sentences,word-pairs,single-words}/<lang>.txt")
	asJSON := fs.Bool("json", false, "print one JSON object")
	langs := fs.String("langs", "", "restrict the detector to these comma-separated languages (default: all it knows)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var opts langid.Options
	if *langs != "" {
		opts.Languages = strings.Split(*langs, ",")
	}
	det, err := langid.New(opts)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	cases, err := langideval.Load(*data)
	if err != nil {
		return err
	}
	pub, err := langideval.LoadPublished(*data)
	if err != nil {
		return err
	}
	decimals, err := langideval.PublishedDecimals(*data)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	start := time.Now()
	res := langideval.Evaluate(cases, func(s string) string {
		l, _ := det.Detect(s)
		return l
	})
	elapsed := time.Since(start)
	if *asJSON {
		return writeJSON(a.stdout, res)
	}

	high := pub["lingua-high"]
	var codes []string
	for l := range res.ByLanguage {
		codes = append(codes, l)
	}
	sort.Strings(codes)
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\tsentences\t(lingua)\tword-pairs\t(lingua)\tsingle-words\t(lingua)\tmean\t(lingua)\t")
	pct := func(v float64, ok bool) string {
		if !ok {
			return "-"
		}
		return fmt.Sprintf("%.1f", 100*v)
	}
	var worse, below []string
	for _, l := range codes {
		row := []string{l}
		for _, k := range append(slices.Clone(langideval.Kinds), "average") {
			ours, ok := res.ByLanguage[l][k]
			if k == "average" {
				ours, ok = res.ByLanguage[l]["mean"]
			}
			theirs, tok := high[l][k]
			row = append(row, pct(ours, ok), pct(theirs, tok))
			// lingua's table is in whole percent: compare at that precision.
			if k == "sentences" && tok && ok {
				if !langideval.MeetsPublished(ours, theirs, decimals) {
					worse = append(worse, l)
				} else if ours < theirs {
					below = append(below, l)
				}
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	row := []string{"all"}
	for _, k := range langideval.Kinds {
		row = append(row, pct(res.ByKind[k], true), pct(meanOf(high, codes, k)))
	}
	row = append(row, pct(res.Accuracy, true), pct(meanOf(high, codes, "average")))
	fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n%d texts in %s (%.0f texts/s on all cores); (lingua) = lingua-go high-accuracy mode, published\n",
		res.N, elapsed.Round(time.Millisecond), float64(res.N)/elapsed.Seconds())
	if len(high) > 0 {
		half := 0.5 / math.Pow(10, float64(decimals))
		fmt.Fprintf(a.stdout, "reading of the published table: %d decimal(s); ours meets a published figure P when it rounds (half up) to P or more at that precision, i.e. ours >= P - %g points\n",
			decimals, half)
		if len(worse) == 0 {
			fmt.Fprintln(a.stdout, "sentence accuracy >= lingua-go high-accuracy (published, read as above) for every language")
		} else {
			fmt.Fprintf(a.stdout, "sentence accuracy below lingua-go high-accuracy (published, read as above) for: %s\n", strings.Join(worse, ", "))
		}
		if len(below) > 0 {
			fmt.Fprintf(a.stdout, "equal only after rounding: %s\n", strings.Join(below, ", "))
		}
	}
	return nil
}

// meanOf averages a published column over the given languages.
func meanOf(p map[string]map[string]float64, codes []string, col string) (float64, bool) {
	sum, n := 0.0, 0
	for _, l := range codes {
		if v, ok := p[l][col]; ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}
