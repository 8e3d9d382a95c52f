package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"dateline/eval/nereval"
)

// Sentence is a tokenised sentence with one IOB2 tag per token.
type Sentence struct {
	Tokens []string
	Tags   []string
	// Doc counts the "-DOCSTART-" lines before the sentence in its file:
	// sentences with the same Doc belong to one document; 0 throughout
	// when the file marks no documents.
	Doc int
}

// ReadOptions say how to read a column file.
type ReadOptions struct {
	// MaxLen cuts runs of more than 250 tokens without a blank line (the
	// Europeana files have no sentence breaks) into pseudo-sentences:
	// after a sentence-final token once a piece has 12 tokens, and at
	// MaxLen tokens at the latest. 0 means 60. Shorter runs are kept whole.
	MaxLen int
}

// ReadCoNLL reads a CoNLL-style column file: one token per line, the token
// in the first column and its entity tag in the last (columns separated
// by spaces or tabs), sentences separated by blank lines. "-DOCSTART-"
// lines are skipped; a "xx:" language prefix on tokens (WikiANN) is
// removed; tags are normalised to IOB2, whether the file is IOB1
// (CoNLL-2003), IOB2 or IOBES. Tags of types other than PER, ORG, LOC
// and MISC become O.
func ReadCoNLL(r io.Reader, opt ReadOptions) ([]Sentence, error) {
	maxLen := opt.MaxLen
	if maxLen <= 0 {
		maxLen = 60
	}
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Tokens) > 250 {
			out = append(out, splitRun(cur, maxLen)...)
		} else if len(cur.Tokens) > 0 {
			cur.Tags = normaliseTags(cur.Tags)
			out = append(out, cur)
		}
		cur = Sentence{Doc: doc}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		f := strings.Fields(s)
		if f[0] == "-DOCSTART-" {
			flush()
			doc++
			cur.Doc = doc
			continue
		}
		tok, tag := f[0], "O"
		if len(f) >= 2 {
			tag = f[len(f)-1]
		}
		if i := strings.IndexByte(tok, ':'); i == 2 && len(tok) > 3 && strings.IndexByte(s, '\t') >= 0 && isLower(tok[0]) && isLower(tok[1]) {
			tok = tok[3:]
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read conll line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// splitRun cuts a long run of tokens into pseudo-sentences.
func splitRun(run Sentence, maxLen int) []Sentence {
	var out []Sentence
	start := 0
	for i, tok := range run.Tokens {
		n := i + 1 - start
		last := i == len(run.Tokens)-1
		nextIn := !last && strings.HasPrefix(run.Tags[i+1], "I-")
		if last || n >= maxLen || (n >= 12 && isFinal(tok) && !nextIn) {
			out = append(out, Sentence{
				Doc:    run.Doc,
				Tokens: run.Tokens[start : i+1 : i+1],
				Tags:   normaliseTags(run.Tags[start : i+1]),
			})
			start = i + 1
		}
	}
	return out
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isFinal(tok string) bool {
	return tok == "." || tok == "?" || tok == "!" || (len(tok) > 3 && strings.HasSuffix(tok, ".") && !strings.Contains(tok[:len(tok)-1], "."))
}

// normaliseTags maps tags to IOB2 over the four CoNLL types.
func normaliseTags(tags []string) []string {
	clean := make([]string, len(tags))
	for i, t := range tags {
		clean[i] = "O"
		if len(t) > 2 && t[1] == '-' {
			switch t[2:] {
			case "PER", "ORG", "LOC", "MISC":
				clean[i] = t
			}
		}
	}
	return nereval.ToIOB2(clean)
}

// WriteCoNLL writes sentences as "token tag" lines with blank lines
// between sentences.
func WriteCoNLL(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for i, t := range s.Tokens {
			fmt.Fprintf(bw, "%s %s\n", t, s.Tags[i])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
