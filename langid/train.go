package langid

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

// TrainOptions selects what Train keeps from the source models.
type TrainOptions struct {
	// Languages to include (ISO 639-1); empty means DefaultLanguages().
	Languages []string
	// MaxNgrams[n] caps how many n-grams of order n (1..5) are kept per
	// language, the most frequent first; 0 means the shipped model's cap.
	MaxNgrams [6]int
}

// DefaultLanguages returns the languages of the shipped model.
func DefaultLanguages() []string {
	return []string{
		// Latin script
		"af", "ca", "cs", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it",
		"lt", "lv", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sq", "sv", "tr", "vi",
		// Cyrillic
		"be", "bg", "kk", "mk", "ru", "sr", "uk",
		// Arabic script
		"ar", "fa", "ur",
		// Scripts of (mostly) one language, told apart by rules
		"el", "he", "hi", "hy", "ja", "ka", "ko", "th", "zh",
	}
}

// defaultMaxNgrams caps n-grams per language and order in the shipped
// model (index = order). Read-only.
var defaultMaxNgrams = [6]int{0, 1 << 20, 1 << 20, 1 << 20, 40000, 30000}

// Model file layout (before gzip), all integers uvarint:
//
//	"DLID1\n"
//	nLangs, then per language: len, ISO code bytes
//	for order 1..5: nEntries, then per entry (sorted by n-gram):
//	    shared prefix length with the previous n-gram (bytes), suffix length,
//	    suffix bytes, nPostings, nPostings x (language byte, q byte)
//
// The language byte is the language index (bits 0-5) with completeBit
// set when every extension of the n-gram by one letter that the source
// model knows was kept. q quantises the log probability:
// log P = -q/quantScale.
const (
	modelMagic  = "DLID2\n"
	quantScale  = 16.0
	completeBit = 0x80
	langMask    = 0x3f
)

// Train reads lingua-go's language model files (the language-models folder
// of github.com/pemistahl/lingua-go v1.4.0, Apache-2.0, e.g. in the Go
// module cache) from srcDir, keeps the most frequent n-grams of each
// language, quantises their conditional log probabilities and writes a
// gzipped model for this package to w.
func Train(ctx context.Context, srcDir string, w io.Writer, opts TrainOptions) error {
	langs := opts.Languages
	if len(langs) == 0 {
		langs = DefaultLanguages()
	}
	if len(langs) > 64 {
		return fmt.Errorf("train langid: %d languages, at most 64", len(langs))
	}
	// entries[order][ngram] -> postings
	entries := make([]map[string][]uint16, 6)
	for n := 1; n <= 5; n++ {
		entries[n] = make(map[string][]uint16)
	}
	for li, lang := range langs {
		if err := ctx.Err(); err != nil {
			return err
		}
		probs := make([]map[string]float64, 6)
		for n := 1; n <= 5; n++ {
			m, err := readLinguaModel(filepath.Join(srcDir, lang, ngramFile[n]))
			if err != nil {
				return fmt.Errorf("train langid %s: %w", lang, err)
			}
			probs[n] = m
		}
		if len(probs[1]) == 0 {
			return fmt.Errorf("train langid: no unigram model for %q in %s", lang, srcDir)
		}
		kept := make([]map[string]bool, 7)
		for n := 1; n <= 5; n++ {
			keep := opts.MaxNgrams[n]
			if keep == 0 {
				keep = defaultMaxNgrams[n]
			}
			type scored struct {
				ng    string
				joint float64
			}
			list := make([]scored, 0, len(probs[n]))
			for ng := range probs[n] {
				list = append(list, scored{ng, jointLogProb(probs, ng)})
			}
			sort.Slice(list, func(i, j int) bool {
				if list[i].joint != list[j].joint {
					return list[i].joint > list[j].joint
				}
				return list[i].ng < list[j].ng
			})
			if len(list) > keep {
				list = list[:keep]
			}
			kept[n] = make(map[string]bool, len(list))
			for _, s := range list {
				kept[n][s.ng] = true
			}
		}
		// An n-gram is complete when every (n+1)-gram of the source
		// model that extends it was kept: an absent extension is then
		// truly unseen, not cut off (see scoreNgrams).
		incomplete := make([]map[string]bool, 6)
		for n := 1; n < 5; n++ {
			incomplete[n] = map[string]bool{}
			for ng := range probs[n+1] {
				if !kept[n+1][ng] {
					rs := []rune(ng)
					incomplete[n][string(rs[:n])] = true
				}
			}
		}
		for n := 1; n <= 5; n++ {
			for ng := range kept[n] {
				q := quantise(math.Log(probs[n][ng]))
				b := uint16(li)
				if n == 5 || !incomplete[n][ng] {
					b |= completeBit
				}
				entries[n][ng] = append(entries[n][ng], b<<8|uint16(q))
			}
		}
	}

	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v int) {
		k := binary.PutUvarint(buf[:], uint64(v))
		bw.Write(buf[:k])
	}
	bw.WriteString(modelMagic)
	putU(len(langs))
	for _, l := range langs {
		putU(len(l))
		bw.WriteString(l)
	}
	for n := 1; n <= 5; n++ {
		keys := make([]string, 0, len(entries[n]))
		for k := range entries[n] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		putU(len(keys))
		prev := ""
		for _, k := range keys {
			p := commonPrefix(prev, k)
			putU(p)
			putU(len(k) - p)
			bw.WriteString(k[p:])
			ps := entries[n][k]
			putU(len(ps))
			for _, v := range ps {
				bw.WriteByte(byte(v >> 8))
				bw.WriteByte(byte(v))
			}
			prev = k
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("train langid: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("train langid: write: %w", err)
	}
	return nil
}

var ngramFile = [6]string{"", "unigrams.pb.bin.zip", "bigrams.pb.bin.zip", "trigrams.pb.bin.zip", "quadrigrams.pb.bin.zip", "fivegrams.pb.bin.zip"}

// jointLogProb is the log relative frequency of ng reconstructed from the
// chain of conditional probabilities of its prefixes.
func jointLogProb(probs []map[string]float64, ng string) float64 {
	rs := []rune(ng)
	sum := 0.0
	for k := 1; k <= len(rs); k++ {
		p, ok := probs[k][string(rs[:k])]
		if !ok || p <= 0 {
			p = 1e-9
		}
		sum += math.Log(p)
	}
	return sum
}

func quantise(logp float64) byte {
	q := math.Round(-logp * quantScale)
	if q < 0 {
		q = 0
	}
	if q > 255 {
		q = 255
	}
	return byte(q)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// readLinguaModel reads one zipped protobuf model; a missing file is an
// empty model (lingua ships only unigrams for single-script languages).
func readLinguaModel(path string) (map[string]float64, error) {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil, nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer zr.Close()
	if len(zr.File) == 0 {
		return nil, fmt.Errorf("open %s: empty zip", path)
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	out := make(map[string]float64, m.TotalNgrams)
	for _, set := range m.NgramSets {
		for _, ng := range set.Ngrams {
			out[strings.ToLower(ng)] = set.Probability
		}
	}
	return out, nil
}
