package entity

import (
	"strings"
	"testing"
)

// BenchmarkLink measures gazetteer linking over the seed pages; the
// tokens/s metric counts words (see tokenize).
func BenchmarkLink(b *testing.B) {
	kb := mustKB(b)
	l := NewLinker(kb)
	docs := loadSeeds(b)
	ntok := 0
	for _, d := range docs {
		ntok += len(tokenize(d.text, d.lang))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			l.Link(d.text, d.lang, d.date, nil)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkKey(b *testing.B) {
	names := strings.Fields("Loekasjenko Lukaschenko Loukachenko Лукашенко Sjoigoe Choïgou Chroesjtsjov")
	for i := 0; i < b.N; i++ {
		Key(names[i%len(names)], "nl")
	}
}

func BenchmarkEmbedded(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}
