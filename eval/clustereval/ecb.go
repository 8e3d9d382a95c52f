package clustereval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ECBDoc is one ECB+ document: its text for the clusterer and its gold
// labels, which the clusterer never sees.
type ECBDoc struct {
	// Name is the file name, "1_10ecbplus.xml".
	Name string
	// Title is the first sentence, Body the rest (tokens detokenised,
	// sentences one per line); a leading URL line is dropped.
	Title, Body string
	// Topic is the topic folder number; Plus says the document is from
	// the ecbplus half (a different real event of the same kind).
	Topic int
	Plus  bool
}

// SubTopic returns the gold event label: topic and half.
func (d ECBDoc) SubTopic() int {
	if d.Plus {
		return d.Topic*2 + 1
	}
	return d.Topic * 2
}

// ReadCAT reads the tokens of a CAT XML document and returns its
// sentences, detokenised, in order.
func ReadCAT(r io.Reader) ([]string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	type tok struct {
		sent int
		text string
	}
	var toks []tok
	for {
		t, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read CAT XML: %w", err)
		}
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		sent := 0
		for _, a := range se.Attr {
			if a.Name.Local == "sentence" {
				if n, err := strconv.Atoi(a.Value); err == nil {
					sent = n
				}
			}
		}
		var text string
		if err := dec.DecodeElement(&text, &se); err != nil {
			return nil, fmt.Errorf("read CAT XML token: %w", err)
		}
		toks = append(toks, tok{sent, strings.TrimSpace(text)})
	}
	var out []string
	var cur []string
	last := -1
	flush := func() {
		if len(cur) > 0 {
			out = append(out, Detokenize(cur))
		}
		cur = cur[:0]
	}
	for _, t := range toks {
		if t.sent != last {
			flush()
			last = t.sent
		}
		if t.text != "" {
			cur = append(cur, t.text)
		}
	}
	flush()
	return out, nil
}

// Detokenize joins Penn-style tokens into text: no space before closing
// punctuation and clitics, none after opening brackets and quotes.
func Detokenize(toks []string) string {
	var b strings.Builder
	noSpaceAfter := false
	for i, t := range toks {
		if t == "" {
			continue
		}
		switch t {
		case "``":
			t = "\""
		case "''":
			t = "\""
		}
		attach := noSpaceAfter || strings.ContainsAny(t[:1], ".,;:!?)]}%") || t == "'s" || t == "n't" || t == "'re" || t == "'ll" || t == "'ve" || t == "'m" || t == "'d" || t == "\"" && toks[i] == "''"
		if b.Len() > 0 && !attach {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		noSpaceAfter = strings.ContainsAny(t, "([{$") && len(t) == 1 || toks[i] == "``"
	}
	return b.String()
}

// isURL reports whether a detokenised line is a URL (the ecbplus documents
// open with their address, which would reveal the corpus half).
func isURL(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	return strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "https:") || strings.HasPrefix(s, "www.")
}

// ReadECB reads every document of an ECB+ corpus folder (the folder holding
// the topic folders, or a folder above it that has an "ECB+" folder), in
// file-name order.
func ReadECB(dir string) ([]ECBDoc, error) {
	if fi, err := os.Stat(filepath.Join(dir, "ECB+")); err == nil && fi.IsDir() {
		dir = filepath.Join(dir, "ECB+")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("read ECB+ %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read ECB+ %s: no documents", dir)
	}
	sort.Strings(paths)
	var docs []ECBDoc
	for _, p := range paths {
		topic, err := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if err != nil {
			continue
		}
		name := filepath.Base(p)
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read ECB+: %w", err)
		}
		sents, err := ReadCAT(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read ECB+ %s: %w", p, err)
		}
		if len(sents) > 0 && isURL(sents[0]) {
			sents = sents[1:]
		}
		d := ECBDoc{Name: name, Topic: topic, Plus: strings.HasSuffix(name, "ecbplus.xml")}
		if len(sents) > 0 {
			d.Title = sents[0]
			d.Body = strings.Join(sents[1:], "\n")
		}
		docs = append(docs, d)
	}
	return docs, nil
}
