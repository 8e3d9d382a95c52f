package textpage

import (
	"testing"
)

// BenchmarkSegment segments the seed pages and the testdata pages in turn;
// pages/s per core is 1e9 / (ns/op) with -cpu 1.
func BenchmarkSegment(b *testing.B) {
	var pages []string
	for _, p := range testPages(b) {
		pages = append(pages, p)
	}
	if findSeedDir() != "" {
		for _, p := range readSeeds(b) {
			pages = append(pages, p)
		}
	}
	n := 0
	for _, p := range pages {
		n += len(p)
	}
	b.SetBytes(int64(n / len(pages)))
	b.ReportAllocs()
	var s Segmenter
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.Segment(pages[i%len(pages)])
	}
}
