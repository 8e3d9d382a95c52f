package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"dateline/model"
	"dateline/store"
	"dateline/store/sqlite"
)

// BenchmarkSearch measures one search page (with highlighting) over 2,000
// small articles.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	words := []string{"bezoek", "China", "president", "oorlog", "verkiezingen", "Minsk", "economie", "handel"}
	for i := 0; i < 2000; i++ {
		doc := &model.Document{Source: fmt.Sprint("b/", i), Format: model.FormatText, Content: fmt.Sprint(i)}
		a := &model.Article{Source: doc.Source, Lang: "nl", Title: fmt.Sprintf("Bericht %d over %s", i, words[i%len(words)]),
			Lead: fmt.Sprintf("De %s en de %s in het nieuws.", words[(i+1)%len(words)], words[(i+3)%len(words)]),
			Body: "Een alinea met meer tekst over de " + words[(i+5)%len(words)] + " en andere zaken.", Agencies: []string{"ANP"}}
		if _, _, err := s.PutArticle(ctx, doc, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Search(ctx, store.SearchQuery{Text: words[i%len(words)] + " " + words[(i+3)%len(words)]}); err != nil {
			b.Fatal(err)
		}
	}
}
