package langid

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
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
	// MaxBoundary[n] does the same for the n-grams with a word boundary.
	MaxBoundary [6]int
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

// defaultMaxBoundary caps the boundary n-grams the same way. Read-only.
var defaultMaxBoundary = [6]int{0, 1 << 20, 1 << 20, 1 << 20, 8000, 8000}

// Model file layout (before gzip), all integers uvarint:
//
//	"DLID2\n"
//	nLangs, then per language: len, ISO code bytes
//	for order 1..5: nEntries, then per entry (sorted by n-gram):
//	    shared prefix length with the previous n-gram (bytes), suffix length,
//	    suffix bytes, nPostings, nPostings x (language byte, q byte)
//
// An n-gram is a lowercase letter sequence, or one with a space at either
// end or both standing for the word boundary (see boundaryNgrams).
// q quantises the log probability: log P = -q/quantScale.
const (
	modelMagic = "DLID2\n"
	quantScale = 16.0
	boundary   = ' '
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
		joint := jointTables(probs)
		bnd := boundaryNgrams(joint)
		for n := 1; n <= 5; n++ {
			keep := opts.MaxNgrams[n]
			if keep == 0 {
				keep = defaultMaxNgrams[n]
			}
			for _, s := range topN(probs[n], joint[n], keep) {
				q := quantise(math.Log(probs[n][s]))
				entries[n][s] = append(entries[n][s], uint16(li)<<8|uint16(q))
			}
			keep = opts.MaxBoundary[n]
			if keep == 0 {
				keep = defaultMaxBoundary[n]
			}
			for _, s := range topN(bnd.prob[n], bnd.joint[n], keep) {
				q := quantise(math.Log(bnd.prob[n][s]))
				entries[n][s] = append(entries[n][s], uint16(li)<<8|uint16(q))
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

// topN returns the n (at most) keys of probs with the highest joint
// probability, ties broken by the n-gram.
func topN(probs, joint map[string]float64, n int) []string {
	type scored struct {
		ng    string
		joint float64
	}
	list := make([]scored, 0, len(probs))
	for ng := range probs {
		list = append(list, scored{ng, joint[ng]})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].joint != list[j].joint {
			return list[i].joint > list[j].joint
		}
		return list[i].ng < list[j].ng
	})
	out := make([]string, 0, min(n, len(list)))
	for _, s := range list[:min(n, len(list))] {
		out = append(out, s.ng)
	}
	return out
}

// jointTables turns lingua's conditional probabilities (count(hc) /
// count(h) over all positions of h, unigrams count(c) / letters) into
// joint relative frequencies count(g) / letters by the chain rule.
func jointTables(probs []map[string]float64) []map[string]float64 {
	joint := make([]map[string]float64, 6)
	joint[1] = probs[1]
	for n := 2; n <= 5; n++ {
		joint[n] = make(map[string]float64, len(probs[n]))
		for g, p := range probs[n] {
			rs := []rune(g)
			if j := joint[n-1][string(rs[:n-1])]; j > 0 {
				joint[n][g] = j * p
			}
		}
	}
	return joint
}

// boundaryTables holds, per order, the conditional probability and the
// joint relative frequency of the n-grams that contain a word boundary.
type boundaryTables struct {
	prob, joint []map[string]float64
}

// boundaryNgrams recovers the word boundaries that lingua's models leave
// out. lingua counts n-grams inside words only, but divides by the count
// of the history at every position, so the counts that no extension
// accounts for are word ends; likewise for word starts. With J the joint
// frequencies of jointTables, for a letter sequence g:
//
//	I(g) = J(g) - sum_b J(bg)                     g starts a word
//	E(g) = J(g) - sum_c J(gc)                     g ends a word
//	W(g) = J(g) - sum_b J(bg) - sum_c J(gc) + sum_bc J(bgc)   g is a word
//
// and the boundary n-grams (space = boundary) get P(c | " " g) =
// I(gc)/I(g), P(" " | g) = E(g)/J(g), P(" " | " " g) = W(g)/I(g),
// P(c | " ") = I(c)/sum I, and the unigram " " the share of boundaries
// among letters and boundaries. All within lingua's five letters.
func boundaryNgrams(joint []map[string]float64) boundaryTables {
	t := boundaryTables{prob: make([]map[string]float64, 6), joint: make([]map[string]float64, 6)}
	for n := 1; n <= 5; n++ {
		t.prob[n] = map[string]float64{}
		t.joint[n] = map[string]float64{}
	}
	prec := make([]map[string]float64, 6) // sum_b J(bg)
	cont := make([]map[string]float64, 6) // sum_c J(gc)
	both := make([]map[string]float64, 6) // sum_bc J(bgc)
	for n := 1; n <= 4; n++ {
		prec[n], cont[n], both[n] = map[string]float64{}, map[string]float64{}, map[string]float64{}
		// sum in key order: the model file does not depend on map order
		for _, g := range slices.Sorted(maps.Keys(joint[n+1])) {
			j := joint[n+1][g]
			rs := []rune(g)
			cont[n][string(rs[:n])] += j
			prec[n][string(rs[1:])] += j
		}
		if n <= 3 {
			for _, g := range slices.Sorted(maps.Keys(joint[n+2])) {
				rs := []rune(g)
				both[n][string(rs[1:n+1])] += joint[n+2][g]
			}
		}
	}
	// clean drops float noise: lingua's counts are integers, so a true
	// share is at least 1/count, far above 1e-9.
	clean := func(v, j float64) float64 {
		if v <= 1e-9*j {
			return 0
		}
		return v
	}
	const sp = string(boundary)
	initial := make([]map[string]float64, 6)
	words := 0.0
	for n := 1; n <= 4; n++ {
		initial[n] = map[string]float64{}
		for _, g := range slices.Sorted(maps.Keys(joint[n])) {
			j := joint[n][g]
			if i := clean(j-prec[n][g], j); i > 0 {
				initial[n][g] = i
				if n == 1 {
					words += i
				}
			}
			if e := clean(j-cont[n][g], j); e > 0 {
				t.prob[n+1][g+sp] = e / j
				t.joint[n+1][g+sp] = e
			}
		}
	}
	if words == 0 {
		return t
	}
	t.prob[1][sp] = words / (1 + words)
	t.joint[1][sp] = words
	for n := 1; n <= 4; n++ {
		for g, i := range initial[n] {
			rs := []rune(g)
			den := words
			if n > 1 {
				den = initial[n-1][string(rs[:n-1])]
			}
			if den > 0 {
				t.prob[n+1][sp+g] = min(1, i/den)
				t.joint[n+1][sp+g] = i
			}
			if n <= 3 {
				j := joint[n][g]
				if w := clean(j-prec[n][g]-cont[n][g]+both[n][g], j); w > 0 {
					t.prob[n+2][sp+g+sp] = min(1, w/i)
					t.joint[n+2][sp+g+sp] = w
				}
			}
		}
	}
	return t
}

var ngramFile = [6]string{"", "unigrams.pb.bin.zip", "bigrams.pb.bin.zip", "trigrams.pb.bin.zip", "quadrigrams.pb.bin.zip", "fivegrams.pb.bin.zip"}

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
