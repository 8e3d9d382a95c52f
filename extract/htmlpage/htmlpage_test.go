package htmlpage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"dateline/eval/extracteval"
)

const newsPage = `<!DOCTYPE html>
<html lang="nl-NL"><head>
<title>Kabinet valt over asielbeleid | Voorbeeldkrant</title>
<meta property="og:site_name" content="Voorbeeldkrant">
<meta property="og:title" content="Kabinet valt over asielbeleid">
<meta name="description" content="Het kabinet is gevallen na een conflict over het asielbeleid, meldt premier Rutte na een lang overleg.">
<link rel="canonical" href="/nieuws/kabinet-valt">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Voorbeeldkrant"},
 {"@type":"NewsArticle","headline":"Kabinet valt over asielbeleid","datePublished":"2023-07-07T22:15:00+02:00",
  "dateModified":"2023-07-08T09:30:00+02:00","author":[{"@type":"Person","name":"Jan Jansen"}]}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<header class="story-lead"><h1>Kabinet valt over asielbeleid</h1>
<p class="intro">Het kabinet is gevallen na een conflict over het asielbeleid, meldt premier Rutte na een lang overleg.</p></header>
<article>
<figure><img src="a.jpg"><figcaption>Premier Rutte na afloop van het overleg in het Catshuis.</figcaption></figure>
<p>DEN HAAG (ANP) - Het vierde kabinet-Rutte is gevallen. De coalitiepartijen konden het vrijdagavond niet eens worden over maatregelen om de instroom van asielzoekers te beperken.</p>
<p>Premier Rutte bood kort na middernacht het ontslag van het kabinet aan bij de koning, die zijn vakantie in Griekenland onderbrak. Nieuwe verkiezingen volgen waarschijnlijk in het najaar.</p>
<p>De onderhandelingen over de gezinshereniging van oorlogsvluchtelingen liepen al dagen vast. Vooral ChristenUnie en D66 wilden niet akkoord gaan met een beperking van de nareis van gezinsleden.</p>
<p>Het kabinet blijft demissionair aan tot er een nieuw kabinet is. (ANP, Reuters)</p>
</article>
<aside class="related-articles"><h2>Meer uit Binnenland</h2><ul>
<li><a href="/nieuws/1">Boeren protesteren opnieuw bij het provinciehuis in Zwolle</a> <span>2 uur geleden</span></li>
<li><a href="/nieuws/2">Storm zorgt voor vertragingen op het spoor in het hele land</a><p>BRUSSEL (Belga) - Ook in België kampte het treinverkeer met forse problemen door de storm.</p></li>
<li><a href="/nieuws/3">Kamer debatteert volgende week over de val van het kabinet</a></li>
</ul></aside>
<footer>Copyright Voorbeeldkrant</footer>
</body></html>`

func TestExtract(t *testing.T) {
	a, err := Extract(context.Background(), []byte(newsPage), "https://krant.example/nieuws/kabinet-valt?utm=x")
	if err != nil {
		t.Fatal(err)
	}
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("title", a.Title, "Kabinet valt over asielbeleid")
	check("lang", a.Lang, "nl")
	check("site", a.SiteName, "Voorbeeldkrant")
	check("author", a.Author, "Jan Jansen")
	check("canonical", a.Canonical, "https://krant.example/nieuws/kabinet-valt")
	check("published", a.Published.String(), "2023-07-07T22:15:00+02:00")
	check("modified", a.Modified.String(), "2023-07-08T09:30:00+02:00")
	if _, off := a.Published.Zone(); off != 2*3600 {
		t.Errorf("published zone offset %d, want +2h", off)
	}
	check("lead", a.Lead, "Het kabinet is gevallen na een conflict over het asielbeleid, meldt premier Rutte na een lang overleg.")
	if !strings.HasPrefix(a.Body, "DEN HAAG (ANP) - Het vierde kabinet-Rutte is gevallen.") {
		t.Errorf("body starts %q", a.Body[:min(80, len(a.Body))])
	}
	if n := strings.Count(a.Body, "\n\n"); n != 3 {
		t.Errorf("body has %d paragraph breaks, want 3:\n%s", n, a.Body)
	}
	if strings.Contains(a.Text(), "Catshuis") {
		t.Errorf("image caption in the text")
	}
	if strings.Contains(a.Text(), "Boeren protesteren") {
		t.Errorf("teaser in the text")
	}
	check("agencies", strings.Join(a.Agencies, ","), "ANP,Reuters")
	if len(a.Briefs) != 3 {
		t.Fatalf("got %d briefs, want 3: %+v", len(a.Briefs), a.Briefs)
	}
	if b := a.Briefs[0]; b.AgeSeconds == nil || *b.AgeSeconds != 7200 {
		t.Errorf("brief 0 age %v, want 7200", b.AgeSeconds)
	}
	if b := a.Briefs[1]; b.Dateline.Place != "BRUSSEL" || strings.Join(b.Dateline.Agencies, ",") != "Belga" {
		t.Errorf("brief 1 dateline %+v", b.Dateline)
	}
}

func TestExtractDateline(t *testing.T) {
	page := strings.Replace(newsPage, `<meta name="description"`, `<meta name="x"`, 1)
	a, err := Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Dateline.Place != "DEN HAAG" || strings.Join(a.Dateline.Agencies, ",") != "ANP" {
		t.Errorf("dateline %+v from lead %q", a.Dateline, a.Lead)
	}
}

func TestExtractCharset(t *testing.T) {
	page := []byte(`<html><head><meta charset="iso-8859-1"><title>T</title></head><body><article><p>` +
		strings.Repeat("Caf\xe9 cr\xe8me br\xfbl\xe9e was served to the ministers after the talks. ", 8) + `</p></article></body></html>`)
	a, err := Extract(context.Background(), page, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text(), "Café crème brûlée") {
		t.Errorf("text not decoded: %q", a.Text()[:60])
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2023-07-07T22:15:00+02:00", "2023-07-07T22:15:00+02:00"},
		{"2023-07-07T22:15:00.000+0200", "2023-07-07T22:15:00+02:00"},
		{"2023-07-07T20:15:00Z", "2023-07-07T20:15:00Z"},
		{"2023-07-07", "2023-07-07"},
		{"Fri, 07 Jul 2023 22:15:00 +0200", "2023-07-07T22:15:00+02:00"},
		{"July 7, 2023", "2023-07-07"},
		{"2023-07-07T22:15:00+02:00 (bijgewerkt)", "2023-07-07T22:15:00+02:00"},
		{"yesterday", ""},
		{"1800-01-01", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, _ := ParseDate(tc.in)
			if got.String() != tc.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got.String(), tc.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<div><p>One <b>bold</b>
	word.</p><ul><li>a</li><li>b</li></ul>text<br>after<table><tr><td>x</td><td>y</td></tr></table></div>`))
	got := strings.Join(Paragraphs(doc), "|")
	if want := "One bold word.|a|b|text|after|x y"; got != want {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

// aebDir returns ../shared/data/extract-aeb beside the module root.
func aebDir(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("module root not found")
		}
		dir = filepath.Dir(dir)
	}
	p := filepath.Join(dir, "..", "shared", "data", "extract-aeb")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent", p)
	}
	return p
}

// TestAEBSubset is a regression floor on 40 AEB pages; the full figure
// comes from `dateline eval extract`.
func TestAEBSubset(t *testing.T) {
	dir := aebDir(t)
	pages, err := extracteval.LoadAEB(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex := Extractor{NoStandfirst: true}
	var s extracteval.ShingleScore
	for _, p := range pages[:40] {
		b, err := extracteval.AEBHTML(dir, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := ex.Extract(context.Background(), b, p.URL)
		s.Add(p.Gold, a.Lead+"\n\n"+a.Body)
	}
	t.Logf("AEB first 40 pages: P %.3f R %.3f F1 %.3f", s.Precision(), s.Recall(), s.F1())
	if s.F1() < 0.93 {
		t.Errorf("F1 %.3f on the first 40 AEB pages, floor 0.93", s.F1())
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(newsPage), "https://krant.example/a")
	f.Add([]byte("<html><body><p>x</p>"), "")
	f.Add([]byte("<p>\xff\xfe broken <script>{\"@type\":\"NewsArticle\"</script>"), "not a url")
	f.Fuzz(func(t *testing.T, page []byte, u string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		a, err := Extract(ctx, page, u)
		if err != nil {
			return
		}
		for _, b := range a.Briefs {
			if b.Hash == "" || b.Text == "" {
				t.Fatalf("brief without text or hash: %+v", b)
			}
		}
	})
}

// BenchmarkExtract compares Dateline's extractor with go-trafilatura alone
// on the AEB pages, one goroutine: docs/s/core is 1e9/(ns/op).
func BenchmarkExtract(b *testing.B) {
	dir := aebDir(b)
	pages, err := extracteval.LoadAEB(dir)
	if err != nil {
		b.Fatal(err)
	}
	var htmls [][]byte
	for _, p := range pages {
		h, err := extracteval.AEBHTML(dir, p.ID)
		if err != nil {
			b.Fatal(err)
		}
		htmls = append(htmls, h)
	}
	ctx := context.Background()
	run := func(name string, f func(page []byte, u string)) {
		b.Run(name, func(b *testing.B) {
			for i := range b.N {
				k := i % len(htmls)
				f(htmls[k], pages[k].URL)
			}
		})
	}
	run("htmlpage", func(page []byte, u string) { Extract(ctx, page, u) })
	run("htmlpage-plain", func(page []byte, u string) { (&Extractor{Plain: true}).Extract(ctx, page, u) })
	for _, fb := range []bool{false, true} {
		name := "trafilatura"
		if fb {
			name += "-fallback"
		}
		run(name, func(page []byte, u string) {
			trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{EnableFallback: fb, ExcludeComments: true})
		})
	}
}
