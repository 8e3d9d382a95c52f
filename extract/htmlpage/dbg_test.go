package htmlpage

import (
	"context"
	"fmt"
	"os"
	"testing"

	"dateline/eval/extracteval"
)

func TestDbg(t *testing.T) {
	id := os.Getenv("ID")
	dir := "../../../shared/data/extract-aeb"
	pages, _ := extracteval.LoadAEB(dir)
	for _, p := range pages {
		if p.ID[:len(id)] != id {
			continue
		}
		b, _ := extracteval.AEBHTML(dir, p.ID)
		ex := Extractor{Plain: os.Getenv("PLAIN") != ""}; a, err := ex.Extract(context.Background(), b, p.URL)
		fmt.Printf("ERR %v\nTITLE %q\nLEAD %q\nBODY\n%s\n\nGOLD\n%s\n", err, a.Title, a.Lead, a.Body, p.Gold)
	}
}

func TestDbgBP(t *testing.T) {
	dir := "../../../shared/data/extract-trafilatura"
	pages, _ := extracteval.LoadBoilerplate(dir)
	for _, p := range pages {
		if p.File != os.Getenv("F") {
			continue
		}
		b, _ := extracteval.BoilerplateHTML(dir, p)
		ex := Extractor{Plain: os.Getenv("PLAIN") != ""}
		a, err := ex.Extract(context.Background(), b, p.URL)
		fmt.Printf("ERR %v\nTITLE %q\nLEAD %q\nBODY\n%s\n\nWITH %q\nWITHOUT %q\n", err, a.Title, a.Lead, a.Body, p.With, p.Without)
	}
}
