package textpage_test

import (
	"fmt"

	"dateline/extract/textpage"
)

func ExampleSegmenter_Segment() {
	page := `Skip to content
Ferry services resume after storm
HELSINKI (Reuters) - Ferry services across the Baltic resumed on Sunday after a storm.
Operators said delays would last until Monday.
More from Europe
TALLINN (AFP) - Estonia opened a new rail link to Latvia on Sunday.
2 hours ago
`
	var s textpage.Segmenter
	a := s.Segment(page)
	fmt.Println(a.Title)
	fmt.Println(a.Dateline.Place, a.Agencies)
	fmt.Println(a.Body)
	for _, b := range a.Briefs {
		fmt.Println(b.Dateline.Place, *b.AgeSeconds, b.Text)
	}
	// Output:
	// Ferry services resume after storm
	// HELSINKI [Reuters]
	// Operators said delays would last until Monday.
	// TALLINN 7200 Estonia opened a new rail link to Latvia on Sunday.
}

func ExampleParseDateline() {
	d, rest, ok := textpage.ParseDateline("LONDON, Feb 25 (Reuters) - Britain's economy grew.")
	fmt.Println(d.Place, d.Agencies, rest, ok)
	// Output: LONDON [Reuters] Britain's economy grew. true
}
