package textpage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSegment(f *testing.F) {
	for _, p := range testPages(f) {
		f.Add(p)
	}
	if findSeedDir() != "" {
		for _, p := range readSeeds(f) {
			f.Add(p)
		}
	}
	f.Add("2 uur geledenGUAYAQUIL (ANP/AFP) - x\n")
	f.Add(" date 2023-02-25   1. Skip to content\n\xff\xfe")
	f.Add("Meer uit Buitenland\n12 uur geleden\n")
	var s Segmenter
	f.Fuzz(func(t *testing.T, page string) {
		a := s.Segment(page)
		for name, v := range map[string]string{"title": a.Title, "lead": a.Lead, "body": a.Body, "author": a.Author, "place": a.Dateline.Place} {
			if !utf8.ValidString(v) {
				t.Fatalf("%s is not valid UTF-8: %q", name, v)
			}
			if v != strings.TrimSpace(v) {
				t.Errorf("%s has untrimmed space: %q", name, v)
			}
		}
		if strings.Contains(a.Title, "\n") || strings.Contains(a.Lead, "\n") {
			t.Errorf("title or lead spans lines: %q / %q", a.Title, a.Lead)
		}
		if strings.Contains(a.Body, "\n\n\n") || strings.HasPrefix(a.Body, "\n") {
			t.Errorf("body paragraphs badly separated: %q", a.Body)
		}
		seen := map[string]bool{}
		for _, b := range a.Briefs {
			if !utf8.ValidString(b.Text) || b.Text == "" {
				t.Errorf("bad brief text %q", b.Text)
			}
			if seen[b.Hash] {
				t.Errorf("brief kept twice: %q", b.Text)
			}
			seen[b.Hash] = true
			if len(b.Text) >= 20 && strings.Contains(a.Body, b.Text) {
				t.Errorf("body holds brief %q", b.Text)
			}
			if b.AgeSeconds != nil && *b.AgeSeconds < 0 {
				t.Errorf("negative age %d", *b.AgeSeconds)
			}
		}
		for _, ag := range a.Agencies {
			if ag == "" || !strings.Contains(page, ag) && utf8.ValidString(page) {
				t.Errorf("agency %q not on the page", ag)
			}
		}
		if a.Dateline.Place != "" && utf8.ValidString(page) && !strings.Contains(page, a.Dateline.Place) {
			t.Errorf("dateline place %q not on the page", a.Dateline.Place)
		}
	})
}
