package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// backgroundData is the default background table: document frequencies of
// entity IDs, places and event keys over a reference news corpus
// (docs/clustering.md says how it was made).
//
//go:embed data/background.tsv.gz
var backgroundData []byte

// Background is a table of document frequencies over a reference corpus:
// a prior for the rarity statistics, so that a young stream (five
// articles) already knows that a country is mentioned in many news
// articles and a minister in few. The stream's own counts are added to it
// (see Stats.IDF); as the stream grows they dominate.
type Background struct {
	// N is the number of documents of the reference corpus.
	N int
	// DF holds the document frequencies per channel (only the channels the
	// table covers; the others are nil).
	DF [NumChannels]map[string]int32
}

// backgroundChannels are the channels a background table covers: keys that
// mean the same in every language and every year. Dates and numbers are
// tied to their time, terms and name trigrams to the corpus's languages.
var backgroundChannels = [...]Channel{ChEntities, ChPlaces, ChEvents}

// DefaultBackground returns the embedded background table. Each call
// parses it anew (about a millisecond); callers keep the result.
func DefaultBackground() *Background {
	b, err := ReadBackground(bytes.NewReader(backgroundData))
	if err != nil {
		panic(fmt.Sprintf("cluster: embedded background table: %v", err)) // a build defect
	}
	return b
}

// ReadBackground reads a table written by WriteBackground: gzipped lines
// "N<TAB>documents" then "channel<TAB>key<TAB>df".
func ReadBackground(r io.Reader) (*Background, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("background table: %w", err)
	}
	defer zr.Close()
	b := &Background{}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if len(f) != 2 || f[0] != "N" {
				return nil, fmt.Errorf("background table: line 1: want N<TAB>count")
			}
			if b.N, err = strconv.Atoi(f[1]); err != nil {
				return nil, fmt.Errorf("background table: line 1: %w", err)
			}
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("background table: line %d: want 3 fields", line)
		}
		c := channelByName(f[0])
		if c < 0 {
			return nil, fmt.Errorf("background table: line %d: unknown channel %q", line, f[0])
		}
		df, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("background table: line %d: %w", line, err)
		}
		if b.DF[c] == nil {
			b.DF[c] = make(map[string]int32)
		}
		b.DF[c][f[1]] = int32(df)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("background table: %w", err)
	}
	return b, nil
}

// WriteBackground writes the statistics of a reference corpus as a
// background table: the channels a background covers, keys found in at
// least minDF documents, sorted.
func (s *Stats) WriteBackground(w io.Writer, minDF int) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "N\t%d\n", s.N)
	for _, c := range backgroundChannels {
		keys := make([]string, 0, len(s.DF[c]))
		for k, n := range s.DF[c] {
			if int(n) >= minDF && !strings.ContainsAny(k, "\t\n") {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%s\t%d\n", c, k, s.DF[c][k])
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write background: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write background: %w", err)
	}
	return nil
}

func channelByName(s string) Channel {
	for c := range NumChannels {
		if c.String() == s {
			return c
		}
	}
	return -1
}
