//go:build aebdev

package htmlpage

import (
	nurl "net/url"
	"strconv"
	"strings"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"bytes"
	"golang.org/x/net/html"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"dateline/eval/extracteval"
)

func TestAEBDev(t *testing.T) {
	dir := aebDir(t)
	pages, _ := extracteval.LoadAEB(dir)
	outs, _ := extracteval.AEBOutputs(dir)
	rs := outs["rs_trafilatura"]
	ex := Extractor{NoStandfirst: true}
	out := "/tmp/aeb"
	os.MkdirAll(out, 0o755)
	var all, even, odd extracteval.ShingleScore
	type row struct {
		i       int
		id      string
		p, r    float64
		rp, rr  float64
		loss    float64
	}
	var rows []row
	tf, _ := os.Create("/tmp/aeb/titles.txt")
	defer tf.Close()
	ldf, _ := os.Create("/tmp/aeb/ld.txt")
	defer ldf.Close()
	for i, p := range pages {
		b, _ := extracteval.AEBHTML(dir, p.ID)
		a, _ := ex.Extract(context.Background(), b, p.URL)
		text := a.Lead + "\n\n" + a.Body
		c := all.Add(p.Gold, text)
		if i%2 == 0 {
			even.Add(p.Gold, text)
		} else {
			odd.Add(p.Gold, text)
		}
		rc := extracteval.ShingleMatch(p.Gold, rs[p.ID])
		if os.Getenv("AEBPLAIN") != "" {
			pa, _ := (&Extractor{Plain: true}).Extract(context.Background(), b, p.URL)
			rc = extracteval.ShingleMatch(p.Gold, pa.Lead+"\n\n"+pa.Body)
		}
		fmt.Fprintf(tf, "%03d %q\n", i, a.Title)
		if doc, err := html.Parse(bytes.NewReader(b)); err == nil {
			if m := readMeta(doc); m.body != "" {
				lc := extracteval.ShingleMatch(p.Gold, m.body)
				oc := extracteval.ShingleMatch(m.body, text)
				fmt.Fprintf(ldf, "%03d ld-vs-gold P %.3f R %.3f | ours-vs-gold P %.3f R %.3f | ours-vs-ld P %.3f R %.3f  ldlen %d goldlen %d\n", i, lc.Precision(), lc.Recall(), c.Precision(), c.Recall(), oc.Precision(), oc.Recall(), len(m.body), len(p.Gold))
				os.WriteFile(filepath.Join(out, fmt.Sprintf("%03d.ld", i)), []byte(m.body), 0o644)
			}
		}
		os.WriteFile(filepath.Join(out, fmt.Sprintf("%03d.ours", i)), []byte(text), 0o644)
		os.WriteFile(filepath.Join(out, fmt.Sprintf("%03d.gold", i)), []byte(p.Gold), 0o644)
		os.WriteFile(filepath.Join(out, fmt.Sprintf("%03d.rs", i)), []byte(rs[p.ID]), 0o644)
		rows = append(rows, row{i, p.ID[:8], c.Precision(), c.Recall(), rc.Precision(), rc.Recall(), 2 - c.Precision() - c.Recall()})
	}
	sf, _ := os.Create("/tmp/aeb/scores.tsv")
	for _, r := range rows {
		fmt.Fprintf(sf, "%03d\t%.4f\t%.4f\n", r.i, r.p, r.r)
	}
	sf.Close()
	sort.Slice(rows, func(a, b int) bool { return rows[a].loss > rows[b].loss })
	f, _ := os.Create(filepath.Join(out, "rows.txt"))
	for _, r := range rows {
		if r.loss < 0.005 {
			break
		}
		fmt.Fprintf(f, "%03d %s P %.3f R %.3f | rs P %.3f R %.3f  %s\n", r.i, r.id, r.p, r.r, r.rp, r.rr, pages[r.i].URL)
	}
	f.Close()
	pr := func(n string, s *extracteval.ShingleScore) {
		fmt.Printf("%-5s P %.4f R %.4f F1 %.4f acc %.3f\n", n, s.Precision(), s.Recall(), s.F1(), s.Accuracy())
	}
	pr("all", &all)
	pr("even", &even)
	pr("odd", &odd)
}

func TestAEBDump(t *testing.T) {
	dir := aebDir(t)
	pages, _ := extracteval.LoadAEB(dir)
	var idx int
	idx, _ = strconv.Atoi(os.Getenv("AEBDOC"))
	p := pages[idx]
	b, _ := extracteval.AEBHTML(dir, p.ID)
	os.WriteFile("/tmp/aeb/page.html", b, 0o644)
	doc, _ := html.Parse(bytes.NewReader(b))
	pruneCaptions(doc)
	if os.Getenv("NOMARK") == "" {
		markSpaces(doc)
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{ExcludeComments: true, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	html.Render(&buf, res.ContentNode)
	os.WriteFile("/tmp/aeb/content.html", buf.Bytes(), 0o644)
}

func TestAEBStages(t *testing.T) {
	dir := aebDir(t)
	pages, _ := extracteval.LoadAEB(dir)
	for _, s := range strings.Fields(os.Getenv("AEBDOCS")) {
		var idx int
		idx, _ = strconv.Atoi(s)
		p := pages[idx]
		b, _ := extracteval.AEBHTML(dir, p.ID)
		doc, _ := html.Parse(bytes.NewReader(b))
		u, _ := nurl.Parse(p.URL)
		links := linkTexts(doc, u)
		pruneCaptions(doc)
		e := &Extractor{NoStandfirst: true}
		paras, _, _ := e.mainText(context.Background(), doc, nil)
		kept, _ := splitTeasers(paras, links)
		doc2, _ := html.Parse(bytes.NewReader(b))
		pruneCaptions(doc2)
		plain, _, _ := (&Extractor{Plain: true}).mainText(context.Background(), doc2, nil)
		sc := func(x []string) string {
			c := extracteval.ShingleMatch(p.Gold, strings.Join(x, "\n\n"))
			return fmt.Sprintf("P %.3f R %.3f", c.Precision(), c.Recall())
		}
		fmt.Printf("%03d fallback: %s  +teasers: %s  plain: %s\n", idx, sc(paras), sc(kept), sc(plain))
	}
}

func TestAEBMarks(t *testing.T) {
	b, _ := os.ReadFile("/tmp/aeb/page.html")
	doc, _ := html.Parse(bytes.NewReader(b))
	markSpaces(doc)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && strings.Contains(n.Data, spaceMark) {
			fmt.Printf("%s > %q\n", n.Parent.Data, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestAEBTitles(t *testing.T) {
	b, _ := os.ReadFile("/tmp/aeb/page.html")
	doc, _ := html.Parse(bytes.NewReader(b))
	m := readMeta(doc)
	fmt.Printf("%q\n", m.titles)
}

func TestAEBHead(t *testing.T) {
	b, _ := os.ReadFile("/tmp/aeb/page.html")
	doc, _ := html.Parse(bytes.NewReader(b))
	m := readMeta(doc)
	pruneCaptions(doc)
	markSpaces(doc)
	paras, _, _ := (&Extractor{}).mainText(context.Background(), doc, nil)
	for i, p := range paras[:min(5, len(paras))] {
		fmt.Printf("%d %q title=%v byline=%v\n", i, p, titleLike(p, m.titles), bylineLike(p))
	}
	fmt.Printf("%q\n", trimHead(paras, m.titles)[0])
}
