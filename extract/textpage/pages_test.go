package textpage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/model"
)

// expectation is the sibling .json of a testdata page.
type expectation struct {
	Title            string   `json:"title"`
	Place            string   `json:"place"`
	DatelineAgencies []string `json:"dateline_agencies"`
	Agencies         []string `json:"agencies"`
	Published        string   `json:"published"`
	Author           string   `json:"author"`
	LeadPrefix       string   `json:"lead_prefix"`
	Paragraphs       int      `json:"paragraphs"`
	Ages             []*int64 `json:"ages"`
	BriefPlaces      []string `json:"brief_places"`
	BodyContains     []string `json:"body_contains"`
	BodyExcludes     []string `json:"body_excludes"`
}

// testPages returns the testdata pages by name.
func testPages(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pages := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return pages
}

func TestPages(t *testing.T) {
	pages := testPages(t)
	if len(pages) < 15 {
		t.Fatalf("only %d test pages", len(pages))
	}
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	slices.Sort(names)
	var s Segmenter
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", name+".json"))
			if err != nil {
				t.Fatalf("expectations: %v", err)
			}
			var want expectation
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("expectations: %v", err)
			}
			a := s.Segment(pages[name])
			checkArticle(t, a, want)
		})
	}
}

// checkArticle compares an article with its expectations.
func checkArticle(t *testing.T, a model.Article, want expectation) {
	t.Helper()
	if a.Title != want.Title {
		t.Errorf("title = %q, want %q", a.Title, want.Title)
	}
	if a.Dateline.Place != want.Place {
		t.Errorf("dateline place = %q, want %q", a.Dateline.Place, want.Place)
	}
	if !slices.Equal(a.Dateline.Agencies, want.DatelineAgencies) && len(a.Dateline.Agencies)+len(want.DatelineAgencies) > 0 {
		t.Errorf("dateline agencies = %q, want %q", a.Dateline.Agencies, want.DatelineAgencies)
	}
	if !slices.Equal(a.Agencies, want.Agencies) && len(a.Agencies)+len(want.Agencies) > 0 {
		t.Errorf("agencies = %q, want %q", a.Agencies, want.Agencies)
	}
	if got := a.Published.String(); got != want.Published {
		t.Errorf("published = %q, want %q", got, want.Published)
	}
	if a.Author != want.Author {
		t.Errorf("author = %q, want %q", a.Author, want.Author)
	}
	if !strings.HasPrefix(a.Lead, want.LeadPrefix) {
		t.Errorf("lead = %q, want prefix %q", a.Lead, want.LeadPrefix)
	}
	if want.Paragraphs > 0 {
		if got := len(strings.Split(a.Body, "\n\n")); got != want.Paragraphs {
			t.Errorf("body has %d paragraphs, want %d:\n%s", got, want.Paragraphs, a.Body)
		}
	} else if a.Body != "" && want.Paragraphs == 0 && want.LeadPrefix != "" && len(want.BodyContains) == 0 {
		t.Errorf("body = %q, want none", a.Body)
	}
	for _, x := range want.BodyContains {
		if !strings.Contains(a.Body, x) {
			t.Errorf("body lacks %q:\n%s", x, a.Body)
		}
	}
	for _, x := range want.BodyExcludes {
		if strings.Contains(a.Body, x) {
			t.Errorf("body holds furniture or teaser %q:\n%s", x, a.Body)
		}
	}
	if len(a.Briefs) != len(want.Ages) {
		t.Errorf("%d briefs, want %d:", len(a.Briefs), len(want.Ages))
		for _, b := range a.Briefs {
			t.Logf("  brief %q", b.Text)
		}
		return
	}
	for i, b := range a.Briefs {
		w := want.Ages[i]
		switch {
		case w == nil && b.AgeSeconds != nil:
			t.Errorf("brief %d (%q) age = %d, want none", i, b.Text, *b.AgeSeconds)
		case w != nil && (b.AgeSeconds == nil || *b.AgeSeconds != *w):
			t.Errorf("brief %d (%q) age = %v, want %d", i, b.Text, b.AgeSeconds, *w)
		}
		if i < len(want.BriefPlaces) && b.Dateline.Place != want.BriefPlaces[i] {
			t.Errorf("brief %d place = %q, want %q", i, b.Dateline.Place, want.BriefPlaces[i])
		}
		if b.Hash == "" || b.Text == "" {
			t.Errorf("brief %d lacks text or hash: %+v", i, b)
		}
	}
}
