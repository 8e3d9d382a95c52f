package ner

import (
	"os"
	"strings"
	"testing"
)

// benchText is a news paragraph of about 120 tokens.
const benchText = `De Russische president Vladimir Poetin heeft woensdag in Pyongyang de Noord-Koreaanse leider Kim Jong-un ontmoet. ` +
	`Volgens het Kremlin spraken beide leiders over militaire samenwerking en de oorlog in Oekraïne. ` +
	`De Amerikaanse minister van Buitenlandse Zaken Antony Blinken noemde het bezoek in Washington "zeer verontrustend". ` +
	`Ook de NAVO en de Europese Unie reageerden kritisch. Secretaris-generaal Jens Stoltenberg zei in Brussel dat de alliantie de ontwikkelingen nauwlettend volgt. ` +
	`Zuid-Korea en Japan riepen hun ambassadeurs terug voor overleg.`

func BenchmarkTag(b *testing.B) {
	tg, err := Load("nl")
	if err != nil {
		b.Fatal(err)
	}
	toks := strings.Fields(benchText)
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(toks)
	}
	b.ReportMetric(float64(len(toks)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkFind(b *testing.B) {
	tg, err := Load("nl")
	if err != nil {
		b.Fatal(err)
	}
	n := len(strings.Fields(benchText))
	b.ResetTimer()
	for b.Loop() {
		tg.Find(benchText)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEvaluateTesta tags ned.testa as documents (two passes).
func BenchmarkEvaluateTesta(b *testing.B) {
	f, err := os.Open(sharedData(b, "ner-conll2002/ned.testa"))
	if err != nil {
		b.Fatal(err)
	}
	sents, err := ReadCoNLL(f, ReadOptions{})
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	tg, err := Load("nl")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		tg.Evaluate(sents)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load("nl"); err != nil {
			b.Fatal(err)
		}
	}
}
