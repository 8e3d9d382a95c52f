// Command linguacmp measures lingua-go v1.4.0 (and, for the side-by-side,
// this package's Detector) on lingua's test files with the same scorer as
// `dateline eval langid`. It links lingua-go and its 124 MB of models, so
// it is kept out of the dateline binary:
//
//	go run ./langid/internal/linguacmp -engine lingua-high -langs all
//	go run ./langid/internal/linguacmp -engine ours
//
// -langs all uses lingua's 75 languages (its published setting); -langs
// model uses the languages of langid's model.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"dateline/eval/langideval"
	"dateline/langid"

	"github.com/pemistahl/lingua-go"
)

func main() {
	data := flag.String("data", "../shared/data/langid-lingua", "test folder")
	engine := flag.String("engine", "ours", "ours | lingua-high | lingua-low")
	langs := flag.String("langs", "model", "all | model | comma-separated codes")
	kinds := flag.String("kinds", "", "comma-separated kinds (default all)")
	confusions := flag.Bool("confusions", false, "print the most frequent errors")
	flag.Parse()
	cases, err := langideval.Load(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *kinds != "" {
		keep := map[string]bool{}
		for _, k := range strings.Split(*kinds, ",") {
			keep[k] = true
		}
		var sub []langideval.Case
		for _, c := range cases {
			if keep[c.Kind] {
				sub = append(sub, c)
			}
		}
		cases = sub
	}
	var codes []string
	switch *langs {
	case "all":
	case "model":
		codes = langid.Languages()
	default:
		codes = strings.Split(*langs, ",")
	}
	var detect func(string) string
	start := time.Now()
	switch *engine {
	case "ours":
		d, err := langid.New(langid.Options{Languages: codes})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		d.Detect("warm up")
		detect = func(s string) string { l, _ := d.Detect(s); return l }
	default:
		var b lingua.LanguageDetectorBuilder
		if codes == nil {
			b = lingua.NewLanguageDetectorBuilder().FromAllLanguages()
		} else {
			var ls []lingua.Language
			for _, c := range codes {
				l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(c)))
				if l != lingua.Unknown {
					ls = append(ls, l)
				}
			}
			b = lingua.NewLanguageDetectorBuilder().FromLanguages(ls...)
		}
		b = b.WithPreloadedLanguageModels()
		if *engine == "lingua-low" {
			b = b.WithLowAccuracyMode()
		}
		d := b.Build()
		detect = func(s string) string {
			l, ok := d.DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		}
	}
	load := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t0 := time.Now()
	res := langideval.Evaluate(cases, detect)
	el := time.Since(t0)
	byKindN := map[string]int{}
	for _, c := range cases {
		byKindN[c.Kind]++
	}
	var ls []string
	for l := range res.ByLanguage {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	fmt.Printf("engine %s langs %s: load %s, heap after load %d MB, %d texts in %s = %.0f texts/s on %d cores\n",
		*engine, *langs, load.Round(time.Millisecond), ms.HeapAlloc>>20, res.N, el.Round(time.Millisecond), float64(res.N)/el.Seconds(), runtime.GOMAXPROCS(0))
	fmt.Printf("%-4s %9s %10s %12s %6s\n", "lang", "sentences", "word-pairs", "single-words", "mean")
	for _, l := range ls {
		m := res.ByLanguage[l]
		fmt.Printf("%-4s %9.1f %10.1f %12.1f %6.1f\n", l, 100*m["sentences"], 100*m["word-pairs"], 100*m["single-words"], 100*m["mean"])
	}
	fmt.Printf("%-4s %9.1f %10.1f %12.1f %6.1f\n", "all", 100*res.ByKind["sentences"], 100*res.ByKind["word-pairs"], 100*res.ByKind["single-words"], 100*res.Accuracy)
	_ = debug.SetGCPercent
	if *confusions {
		conf := map[string]int{}
		for _, c := range cases {
			if p := detect(c.Text); p != c.Lang {
				conf[c.Kind+" "+c.Lang+"->"+p]++
			}
		}
		var keys []string
		for k := range conf {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return conf[keys[i]] > conf[keys[j]] })
		for i, k := range keys {
			if i >= 40 {
				break
			}
			fmt.Printf("%5d %s\n", conf[k], k)
		}
	}
}
