package search

import (
	"strings"
	"testing"
)

func BenchmarkParseFTS5(b *testing.B) {
	for i := 0; i < b.N; i++ {
		n, _ := Parse(`Loekasjenko "state visit" (China OR Beijing) -Rusland`)
		FTS5(n, DefaultLangs())
	}
}

func BenchmarkSnippet(b *testing.B) {
	n, _ := Parse("Loekasjenko bezoek")
	h := NewHighlighter(n, DefaultLangs())
	text := strings.Repeat("De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China. ", 20)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		h.Snippet(text, "nl", nil, 240)
	}
}
