// Command zz-exp-htmlpage is a temporary experiment harness (to be deleted).
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
	"strings"

	"dateline/eval/extracteval"
	"dateline/extract/htmlpage"
)

func main() {
	ctx := context.Background()
	which := os.Args[1]
	ex := &htmlpage.Extractor{Plain: len(os.Args) > 2 && os.Args[2] == "plain", NoStandfirst: os.Getenv("NOSF") != ""}
	start := time.Now()
	if which == "aeb" {
		dir := "../shared/data/extract-aeb"
		pages, _ := extracteval.LoadAEB(dir)
		texts := make([]string, len(pages))
		par(len(pages), func(i int) {
			b, _ := extracteval.AEBHTML(dir, pages[i].ID)
			a, _ := ex.Extract(ctx, b, pages[i].URL)
			texts[i] = a.Lead + "\n\n" + a.Body
		})
		var s extracteval.ShingleScore
		for i, p := range pages {
			c := s.Add(p.Gold, texts[i])
			if os.Getenv("V") != "" {
				fmt.Printf("%s P %.3f R %.3f\n", p.ID[:8], c.Precision(), c.Recall())
			}
		}
		fmt.Printf("AEB P %.4f R %.4f F1 %.4f acc %.3f (%v)\n", s.Precision(), s.Recall(), s.F1(), s.Accuracy(), time.Since(start))
		return
	}
	dir := "../shared/data/extract-trafilatura"
	pages, _ := extracteval.LoadBoilerplate(dir)
	texts := make([]string, len(pages))
	par(len(pages), func(i int) {
		b, _ := extracteval.BoilerplateHTML(dir, pages[i])
		a, _ := ex.Extract(ctx, b, pages[i].URL)
		texts[i] = a.Lead + "\n\n" + a.Body
	})
	var s extracteval.SnippetScore
	for i, p := range pages {
		c := s.Add(texts[i], p.With, p.Without)
		if os.Getenv("V") != "" && (c.FN > 0 || c.FP > 0) {
			fmt.Printf("%s FN %d FP %d\n", p.File, c.FN, c.FP)
		}
	}
	fmt.Printf("BP P %.4f R %.4f F1 %.4f acc %.4f TP %d FP %d FN %d TN %d (%v)\n", s.Precision(), s.Recall(), s.F1(), s.Accuracy(), s.TP, s.FP, s.FN, s.TN, time.Since(start))
}

func par(n int, f func(i int)) {
	var wg sync.WaitGroup
	ch := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ch {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
	wg.Wait()
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "cmp" {
		ctx := context.Background()
		dir := "../shared/data/extract-aeb"
		pages, _ := extracteval.LoadAEB(dir)
		outs, _ := extracteval.AEBOutputs(dir)
		ref := outs[os.Args[2]]
		ex := &htmlpage.Extractor{Plain: len(os.Args) > 3}
		for _, p := range pages {
			b, _ := extracteval.AEBHTML(dir, p.ID)
			a, _ := ex.Extract(ctx, b, p.URL)
			c1 := extracteval.ShingleMatch(p.Gold, a.Lead+"\n\n"+a.Body)
			c2 := extracteval.ShingleMatch(p.Gold, ref[p.ID])
			f := func(c extracteval.Counts) float64 { return 2 * c.Precision() * c.Recall() / (c.Precision() + c.Recall() + 1e-9) }
			if d := f(c1) - f(c2); d < -0.02 || d > 0.02 {
				fmt.Printf("%s ours P %.2f R %.2f  ref P %.2f R %.2f  %s\n", p.ID[:12], c1.Precision(), c1.Recall(), c2.Precision(), c2.Recall(), p.URL)
			}
		}
		os.Exit(0)
	}
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "cmp2" {
		ctx := context.Background()
		dir := "../shared/data/extract-aeb"
		pages, _ := extracteval.LoadAEB(dir)
		e1 := &htmlpage.Extractor{Plain: true}
		e2 := &htmlpage.Extractor{}
		f := func(c extracteval.Counts) float64 { return 2 * c.Precision() * c.Recall() / (c.Precision() + c.Recall() + 1e-9) }
		for _, p := range pages {
			b, _ := extracteval.AEBHTML(dir, p.ID)
			a1, _ := e1.Extract(ctx, b, p.URL)
			a2, _ := e2.Extract(ctx, b, p.URL)
			t1, t2 := a1.Lead+"\n\n"+a1.Body, a2.Lead+"\n\n"+a2.Body
			c1 := extracteval.ShingleMatch(p.Gold, t1)
			c2 := extracteval.ShingleMatch(p.Gold, t2)
			if d := f(c1) - f(c2); d < -0.01 || d > 0.01 {
				fmt.Printf("%s plain P %.2f R %.2f len %d  fb P %.2f R %.2f len %d gold %d\n", p.ID[:8], c1.Precision(), c1.Recall(), len(t1), c2.Precision(), c2.Recall(), len(t2), len(p.Gold))
			}
		}
		os.Exit(0)
	}
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "cmp3" {
		ctx := context.Background()
		dir := "../shared/data/extract-trafilatura"
		pages, _ := extracteval.LoadBoilerplate(dir)
		e1 := &htmlpage.Extractor{Plain: true}
		e2 := &htmlpage.Extractor{}
		par(len(pages), func(i int) {
			p := pages[i]
			b, _ := extracteval.BoilerplateHTML(dir, p)
			a1, _ := e1.Extract(ctx, b, p.URL)
			a2, _ := e2.Extract(ctx, b, p.URL)
			t1, t2 := a1.Lead+"\n\n"+a1.Body, a2.Lead+"\n\n"+a2.Body
			var s1, s2 extracteval.SnippetScore
			c1 := s1.Add(t1, p.With, p.Without)
			c2 := s2.Add(t2, p.With, p.Without)
			if c1 != c2 {
				fmt.Printf("%-40.40s plain TP %d FP %d len %6d | fb TP %d FP %d len %6d | contains %v\n", p.File, c1.TP, c1.FP, len(t1), c2.TP, c2.FP, len(t2), strings.Contains(t2, t1[:min(len(t1), 200)]))
			}
		})
		os.Exit(0)
	}
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "fn" {
		ctx := context.Background()
		dir := "../shared/data/extract-trafilatura"
		pages, _ := extracteval.LoadBoilerplate(dir)
		e := &htmlpage.Extractor{}
		out := make([]string, len(pages))
		par(len(pages), func(i int) {
			p := pages[i]
			b, _ := extracteval.BoilerplateHTML(dir, p)
			a, _ := e.Extract(ctx, b, p.URL)
			t := a.Lead + "\n\n" + a.Body
			var sb strings.Builder
			for _, w := range p.With {
				if !strings.Contains(t, w) {
					fmt.Fprintf(&sb, "FN %-30.30s %q title=%v\n", p.File, w, strings.Contains(a.Title, w))
				}
			}
			for _, w := range p.Without {
				if strings.Contains(t, w) {
					fmt.Fprintf(&sb, "FP %-30.30s %q\n", p.File, w)
				}
			}
			out[i] = sb.String()
		})
		for _, s := range out {
			fmt.Print(s)
		}
		os.Exit(0)
	}
}
