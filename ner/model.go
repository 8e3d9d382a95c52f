package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"dateline/eval/nereval"
)

// tagSet is the fixed IOB2 label set; its order is part of the model format.
var tagSet = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const nTags = len(tagSet)

func tagIndex(t string) int {
	for i, x := range tagSet {
		if x == t {
			return i
		}
	}
	return 0
}

// allowed reports whether tag b may follow tag a (a == nTags: sentence
// start) in IOB2: I-X only after B-X or I-X.
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a != nTags && a != 0 && (a+1)/2 == b/2
}

func spansOf(tags []string) []nereval.Chunk { return nereval.Chunks(tags) }

// Model is a trained linear-chain tagger: hashed features with one weight
// per tag, and tag-transition weights, decoded with Viterbi. A Model is
// read-only after training or loading and safe for concurrent use.
type Model struct {
	Lang string
	// index maps a feature hash to its row in w.
	index map[uint64]int32
	w     []float32 // rows × nTags
	trans [(nTags + 1) * nTags]float32
	// casing maps a lower-case word to how it is usually written
	// ('l' lower, 'c' capitalised, 'm' mixed); absent: rare or unseen.
	casing map[string]byte
	// clusters maps a lower-case word to a bit-string word class.
	clusters map[string]string
	// gaz holds the names learnt from the training data and the tagger's
	// own lexicons.
	gaz *Dict
	// kb holds the knowledge-base names the model was trained with; they
	// fire the separate knowledge-base features. Nil in models trained
	// without them.
	kb *Dict
}

// Features returns the number of feature rows in the model.
func (m *Model) Features() int { return len(m.index) }

// emissions fills scores[i*nTags+t] for every token.
func (m *Model) emissions(info []tokInfo, scores []float32) {
	head := headline(info)
	var buf []uint64
	for i := range info {
		buf = featureHashes(info, i, head, buf[:0])
		s := scores[i*nTags : (i+1)*nTags]
		for k := range s {
			s[k] = 0
		}
		for _, h := range buf {
			r, ok := m.index[h]
			if !ok {
				continue
			}
			row := m.w[int(r)*nTags : int(r)*nTags+nTags]
			for k := range s {
				s[k] += row[k]
			}
		}
	}
}

// viterbi returns the best tag sequence under the IOB2 constraints.
func (m *Model) viterbi(n int, em []float32, out []int) {
	if n == 0 {
		return
	}
	delta := make([]float32, n*nTags)
	back := make([]int8, n*nTags)
	neg := float32(math.Inf(-1))
	for t := 0; t < nTags; t++ {
		if allowed(nTags, t) {
			delta[t] = em[t] + m.trans[nTags*nTags+t]
		} else {
			delta[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		for t := 0; t < nTags; t++ {
			best, arg := neg, 0
			for p := 0; p < nTags; p++ {
				if !allowed(p, t) {
					continue
				}
				if v := delta[(i-1)*nTags+p] + m.trans[p*nTags+t]; v > best {
					best, arg = v, p
				}
			}
			delta[i*nTags+t] = best + em[i*nTags+t]
			back[i*nTags+t] = int8(arg)
		}
	}
	best, arg := neg, 0
	for t := 0; t < nTags; t++ {
		if v := delta[(n-1)*nTags+t]; v > best {
			best, arg = v, t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nTags+arg])
	}
}

// confidences returns, per token, a softmax probability of its chosen
// tag given the previous chosen tag: a rough, uncalibrated confidence.
func (m *Model) confidences(em []float32, path []int) []float64 {
	out := make([]float64, len(path))
	// perceptron scores are unnormalised and large; a temperature of a
	// tenth of the largest transition weight spreads the softmax
	temp := float32(0)
	for _, v := range m.trans {
		temp = max(temp, v, -v)
	}
	temp /= 10
	if temp <= 0 {
		temp = 1
	}
	for i, t := range path {
		prev := nTags
		if i > 0 {
			prev = path[i-1]
		}
		var sum float64
		var mine float64
		mx := float32(math.Inf(-1))
		for k := 0; k < nTags; k++ {
			if v := (em[i*nTags+k] + m.trans[prev*nTags+k]) / temp; allowed(prev, k) && v > mx {
				mx = v
			}
		}
		for k := 0; k < nTags; k++ {
			if !allowed(prev, k) {
				continue
			}
			e := math.Exp(float64((em[i*nTags+k]+m.trans[prev*nTags+k])/temp - mx))
			sum += e
			if k == t {
				mine = e
			}
		}
		out[i] = mine / sum
	}
	return out
}

// Model file versions: version 2 appends the knowledge-base names.
const (
	magic1 = "DATELINE-NER-1\n"
	magic  = "DATELINE-NER-2\n"
)

// WriteTo writes the model, gzip-compressed. Weights are quantised to 16
// bits with one scale for the whole model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	e := &enc{w: bw}
	e.str(magic)
	e.str(m.Lang)
	var scale float32
	for _, v := range m.w {
		scale = max(scale, float32(math.Abs(float64(v))))
	}
	scale /= 32767
	if scale == 0 {
		scale = 1
	}
	for _, v := range m.trans {
		e.f32(v)
	}
	e.f32(scale)
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	e.uvar(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		e.uvar(k - prev)
		prev = k
	}
	for _, k := range keys {
		r := m.index[k]
		for _, v := range m.w[int(r)*nTags : int(r)*nTags+nTags] {
			e.svar(int64(math.Round(float64(v / scale))))
		}
	}
	words := make([]string, 0, len(m.casing))
	for k := range m.casing {
		words = append(words, k)
	}
	sort.Strings(words)
	e.uvar(uint64(len(words)))
	for _, k := range words {
		e.str(k)
		e.b(m.casing[k])
	}
	words = words[:0]
	for k := range m.clusters {
		words = append(words, k)
	}
	sort.Strings(words)
	e.uvar(uint64(len(words)))
	for _, k := range words {
		e.str(k)
		e.str(m.clusters[k])
	}
	for _, d := range []*Dict{m.gaz, m.kb} {
		var names [][2]string
		if d != nil {
			d.each(func(toks []string, typ string) {
				names = append(names, [2]string{strings.Join(toks, " "), typ})
			})
		}
		e.uvar(uint64(len(names)))
		for _, n := range names {
			e.str(n[0])
			e.str(n[1])
		}
	}
	if e.err != nil {
		return cw.n, e.err
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	defer zr.Close()
	d := &dec{r: bufio.NewReader(zr)}
	version := d.str()
	if version != magic && version != magic1 {
		return nil, errors.New("read ner model: not a Dateline NER model")
	}
	m := &Model{Lang: d.str()}
	for i := range m.trans {
		m.trans[i] = d.f32()
	}
	scale := d.f32()
	// Lengths come from the input: nothing is allocated for more entries
	// than the input has actually delivered, so a corrupt or hostile
	// count fails at the end of the data instead of asking for gigabytes.
	n := d.count()
	keys := make([]uint64, 0, min(n, allocHint))
	var prev uint64
	for range n {
		prev += d.uvar()
		if d.err != nil {
			return nil, fmt.Errorf("read ner model: features: %w", d.err)
		}
		keys = append(keys, prev)
	}
	m.index = make(map[uint64]int32, len(keys))
	m.w = make([]float32, len(keys)*nTags)
	for i, k := range keys {
		m.index[k] = int32(i)
		for t := 0; t < nTags; t++ {
			m.w[i*nTags+t] = float32(d.svar()) * scale
		}
	}
	n = d.count()
	m.casing = make(map[string]byte, min(n, allocHint))
	for range n {
		k := d.str()
		c := d.b()
		if d.err != nil {
			break
		}
		m.casing[k] = c
	}
	n = d.count()
	m.clusters = make(map[string]string, min(n, allocHint))
	for range n {
		k, v := d.str(), d.str()
		if d.err != nil {
			break
		}
		m.clusters[k] = v
	}
	m.gaz = d.dict()
	if version == magic {
		m.kb = d.dict()
		if m.kb.Len() == 0 {
			m.kb = nil
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("read ner model: %w", d.err)
	}
	return m, nil
}

// dict reads a name list written by WriteTo.
func (d *dec) dict() *Dict {
	n := d.count()
	out := &Dict{}
	for range n {
		name, typ := d.str(), d.str()
		if d.err != nil {
			break
		}
		out.Add(strings.Split(name, " "), typ)
	}
	return out
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type enc struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *enc) write(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}
func (e *enc) uvar(v uint64) { e.write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *enc) svar(v int64)  { e.write(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *enc) str(s string)  { e.uvar(uint64(len(s))); e.write([]byte(s)) }
func (e *enc) b(c byte)      { e.write([]byte{c}) }
func (e *enc) f32(f float32) {
	binary.LittleEndian.PutUint32(e.buf[:4], math.Float32bits(f))
	e.write(e.buf[:4])
}

type dec struct {
	r   *bufio.Reader
	err error
}

func (d *dec) uvar() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}
func (d *dec) svar() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.err = err
	return v
}

// allocHint caps the capacity reserved ahead of reading a counted list:
// longer lists grow as their entries arrive.
const allocHint = 1 << 12

// count reads a length and bounds it, so corrupt input cannot ask for
// absurd allocations.
func (d *dec) count() int {
	v := d.uvar()
	if v > 1<<26 {
		if d.err == nil {
			d.err = fmt.Errorf("count %d out of range", v)
		}
		return 0
	}
	return int(v)
}
func (d *dec) str() string {
	n := d.count()
	if d.err != nil || n == 0 {
		return ""
	}
	if n > allocHint {
		// grow with the data actually read, not with the claimed length
		var b strings.Builder
		if _, err := io.CopyN(&b, d.r, int64(n)); err != nil {
			d.err = err
			return ""
		}
		return b.String()
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(d.r, p); err != nil {
		d.err = err
		return ""
	}
	return string(p)
}
func (d *dec) b() byte {
	if d.err != nil {
		return 0
	}
	c, err := d.r.ReadByte()
	d.err = err
	return c
}
func (d *dec) f32() float32 {
	var p [4]byte
	if d.err != nil {
		return 0
	}
	if _, err := io.ReadFull(d.r, p[:]); err != nil {
		d.err = err
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(p[:]))
}
