package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"dateline/ner"
)

func read(p string) []ner.Sentence {
	f, err := os.Open(p)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f, ner.ReadOptions{})
	if err != nil {
		panic(err)
	}
	return s
}

func main() {
	lang := flag.String("lang", "nl", "")
	data := flag.String("data", "", "")
	dev := flag.String("dev", "", "")
	out := flag.String("out", "", "")
	ep := flag.Int("epochs", 8, "")
	mc := flag.Int("min", 2, "")
	misc := flag.Bool("misc", true, "")
	dump := flag.String("dump", "", "")
	clean := flag.Bool("clean", true, "")
	up := flag.Float64("upper", 0, "")
	aug := flag.Float64("aug", 0.5, "")
	flag.Parse()
	var sents []ner.Sentence
	for _, f := range strings.Split(*data, ",") {
		sents = append(sents, read(f)...)
	}
	if *clean {
		n := len(sents)
		sents = ner.CleanSilver(sents)
		fmt.Println("clean", n, "->", len(sents))
	}
	if *aug > 0 {
		a := ner.AugmentSurnames(sents, *aug, 7)
		fmt.Println("aug", len(a))
		sents = append(sents, a...)
	}
	if *up > 0 {
		a := ner.AugmentCase(sents, *up, 8)
		fmt.Println("upper", len(a))
		sents = append(sents, a...)
	}
	lex := ner.Lexicon(*lang)
	if *misc {
		fmt.Println("relabel", ner.RelabelMISC(sents, *lang, lex))
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	opt := ner.TrainOptions{Lang: *lang, Epochs: *ep, MinCount: *mc, Lexicon: lex, Log: log}
	if *dev != "" {
		opt.Dev = read(*dev)
	}
	t0 := time.Now()
	m, err := ner.Train(context.Background(), sents, opt)
	if err != nil {
		panic(err)
	}
	fmt.Println("trained", time.Since(t0))
	if *out != "" {
		f, _ := os.Create(*out)
		n, err := m.WriteTo(f)
		f.Close()
		fmt.Println("wrote", n, err)
	}
	if *dev != "" {
		fmt.Print(m.Evaluate(opt.Dev).Table())
		if *dump != "" {
			f, _ := os.Create(*dump)
			t := ner.New(m)
			for _, s := range opt.Dev {
				p := t.Tag(s.Tokens)
				for i := range s.Tokens {
					mark := ""
					if p[i] != s.Tags[i] {
						mark = "  <<<"
					}
					fmt.Fprintf(f, "%s %s %s%s\n", s.Tokens[i], s.Tags[i], p[i], mark)
				}
				fmt.Fprintln(f)
			}
			f.Close()
		}
	}
}
