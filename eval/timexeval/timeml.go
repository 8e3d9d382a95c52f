// Package timexeval reads TimeML documents and scores time-expression
// recognition and normalisation the way TempEval-3 does: strict and
// relaxed span precision, recall and F1, type accuracy over matched
// expressions, and value F1 (a relaxed match counts only when the value
// is also right).
package timexeval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dateline/model"
)

// Span is a time expression in a text: byte offsets, TIMEX3 type and value.
type Span struct {
	Start, End  int
	Type, Value string
}

// Doc is one TimeML document: the text of its TEXT element, its creation
// time and the gold TIMEX3 annotations inside TEXT (the creation time
// itself excluded).
type Doc struct {
	// Name is the document's path relative to the folder it was loaded
	// from (or as given to ReadFile).
	Name string
	Text string
	// DCT is the document creation time, zero when the document has none;
	// DCTValue is its TIMEX3 value as written.
	DCT      model.Time
	DCTValue string
	Gold     []Span
}

// Read parses one TimeML document.
func Read(r io.Reader) (Doc, error) {
	var d Doc
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var text strings.Builder
	inText, inDCT := 0, false
	type open struct {
		start      int
		typ, value string
		creation   bool
		insideText bool
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return d, fmt.Errorf("parse TimeML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText++
			case "DCT":
				inDCT = true
			case "TIMEX3":
				o := open{start: text.Len(), insideText: inText > 0}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "type":
						o.typ = a.Value
					case "value":
						o.value = a.Value
					case "functionInDocument":
						o.creation = a.Value == "CREATION_TIME"
					}
				}
				o.creation = o.creation || inDCT
				stack = append(stack, o)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText--
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.creation {
					if d.DCTValue == "" {
						d.DCTValue = o.value
						d.DCT = parseDCT(o.value)
					}
					continue
				}
				if o.insideText {
					d.Gold = append(d.Gold, Span{Start: o.start, End: text.Len(), Type: o.typ, Value: o.value})
				}
			}
		case xml.CharData:
			if inText > 0 {
				text.Write(t)
			}
		}
	}
	d.Text = text.String()
	for i, g := range d.Gold { // trim spaces inside the annotation
		for g.Start < g.End && isSpace(d.Text[g.Start]) {
			g.Start++
		}
		for g.End > g.Start && isSpace(d.Text[g.End-1]) {
			g.End--
		}
		d.Gold[i] = g
	}
	return d, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// parseDCT reads a DCT value such as 1998-01-08 or 1998-02-06T22:19:00.
func parseDCT(v string) model.Time {
	if len(v) >= 10 {
		if t, err := model.ParseTime(v[:10]); err == nil {
			return t
		}
	}
	return model.Time{}
}

// ReadFile parses the TimeML file at path.
func ReadFile(path string) (Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return Doc{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		return d, fmt.Errorf("read %s: %w", path, err)
	}
	d.Name = path
	return d, nil
}

// LoadDir reads every .tml file under dir (recursively, in path order);
// a path to a single file loads that file.
func LoadDir(dir string) ([]Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	sort.Strings(paths)
	docs := make([]Doc, 0, len(paths))
	for _, p := range paths {
		d, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(dir, p); err == nil && rel != "." {
			d.Name = rel
		}
		docs = append(docs, d)
	}
	return docs, nil
}
