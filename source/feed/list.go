package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

// ReadList reads a feed list: either an OPML document (outlines with an
// xmlUrl attribute, nested to any depth) or plain text with one feed URL a
// line, where blank lines and lines starting with # are ignored. Duplicate
// URLs are kept once, in order of appearance.
func ReadList(r io.Reader) ([]string, error) {
	b, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("read feed list: %w", err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var urls []string
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '<' {
		urls, err = readOPML(t)
		if err != nil {
			return nil, err
		}
	} else {
		s := bufio.NewScanner(bytes.NewReader(b))
		s.Buffer(make([]byte, 64<<10), 1<<20)
		for n := 1; s.Scan(); n++ {
			line := strings.TrimSpace(s.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			urls = append(urls, strings.Fields(line)[0])
		}
		if err := s.Err(); err != nil {
			return nil, fmt.Errorf("read feed list: %w", err)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, u := range urls {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, fmt.Errorf("read feed list: %q is not an http(s) URL", u)
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out, nil
}

// LoadList reads the feed list in the named file (see ReadList).
func LoadList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	defer f.Close()
	urls, err := ReadList(f)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return urls, nil
}

type outline struct {
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}

func readOPML(b []byte) ([]string, error) {
	var doc struct {
		XMLName  xml.Name
		Outlines []outline `xml:"body>outline"`
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	if !strings.EqualFold(doc.XMLName.Local, "opml") {
		return nil, fmt.Errorf("read feed list: root element <%s> is not <opml>", doc.XMLName.Local)
	}
	var urls []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				urls = append(urls, u)
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Outlines)
	return urls, nil
}
