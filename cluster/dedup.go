package cluster

import (
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"dateline/analysis"
)

// MinHash parameters: 64 hashes in 16 bands of 4 rows find pairs above a
// Jaccard similarity of about 0.5 with high probability; candidates are
// then confirmed on the estimated similarity.
const (
	SignatureLen = 64
	bands        = 16
	rows         = SignatureLen / bands
	shingleWords = 4
)

// Dedup finds near-duplicate texts (syndicated agency copy on several
// sites, re-published pages, repeated briefs) by MinHash signatures of
// word shingles with locality-sensitive hashing over bands. The zero value
// is ready to use with the default threshold (0.8). It keeps at most
// MaxItems signatures (oldest forgotten first). Not safe for concurrent use.
type Dedup struct {
	// Threshold is the estimated Jaccard similarity of word shingles above
	// which two texts are duplicates (default 0.8).
	Threshold float64
	// MaxItems bounds the signatures kept (default 1,000,000).
	MaxItems int

	sigs  map[int64][]uint64
	band  map[uint64][]int64
	order []int64
}

// Signature returns the MinHash signature of a text (SignatureLen values),
// or nil for a text without words. Store it to rebuild a Dedup with
// AddSignature.
func Signature(text string) []uint64 {
	var words []string
	for _, t := range analysis.Tokenize(text) {
		if t.Kind != analysis.Punct {
			words = append(words, strings.ToLower(t.Text))
		}
	}
	if len(words) == 0 {
		return nil
	}
	sig := make([]uint64, SignatureLen)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := len(words) - shingleWords + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for j := i; j < i+shingleWords && j < len(words); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k := range sig {
			if v := mix(x ^ seeds(k)); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// seeds returns the k-th hash seed.
func seeds(k int) uint64 { return mix(uint64(k+1) * 0x9e3779b97f4a7c15) }

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// SignatureSimilarity estimates the Jaccard similarity of the texts behind two
// signatures.
func SignatureSimilarity(a, b []uint64) float64 {
	if len(a) != SignatureLen || len(b) != SignatureLen {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / SignatureLen
}

// Add records text under id and reports the lowest-numbered recorded item it
// near-duplicates. Adding an id twice returns what the first Add returned
// without recording it again.
func (d *Dedup) Add(id int64, text string) (dupOf int64, ok bool) {
	return d.AddSignature(id, Signature(text))
}

// AddSignature is Add for a signature computed by Signature (for instance
// one read back from the store).
func (d *Dedup) AddSignature(id int64, sig []uint64) (dupOf int64, ok bool) {
	if len(sig) != SignatureLen {
		return 0, false
	}
	if d.sigs == nil {
		d.sigs = make(map[int64][]uint64)
		d.band = make(map[uint64][]int64)
	}
	thr := d.Threshold
	if thr == 0 {
		thr = 0.8
	}
	if _, seen := d.sigs[id]; seen {
		return d.lookup(id, sig, thr)
	}
	dupOf, ok = d.lookup(id, sig, thr)
	d.sigs[id] = sig
	d.order = append(d.order, id)
	for b := 0; b < bands; b++ {
		k := bandKey(b, sig)
		d.band[k] = append(d.band[k], id)
	}
	max := d.MaxItems
	if max == 0 {
		max = 1_000_000
	}
	for len(d.order) > max {
		d.forget(d.order[0])
		d.order = d.order[1:]
	}
	return dupOf, ok
}

// lookup returns the lowest-numbered other item above the threshold.
func (d *Dedup) lookup(id int64, sig []uint64, thr float64) (int64, bool) {
	var best int64
	found := false
	for b := 0; b < bands; b++ {
		for _, o := range d.band[bandKey(b, sig)] {
			if o == id || (found && o >= best) {
				continue
			}
			if SignatureSimilarity(sig, d.sigs[o]) >= thr {
				best, found = o, true
			}
		}
	}
	return best, found
}

func (d *Dedup) forget(id int64) {
	sig := d.sigs[id]
	delete(d.sigs, id)
	for b := 0; b < bands; b++ {
		k := bandKey(b, sig)
		l := d.band[k]
		for i, o := range l {
			if o == id {
				l = append(l[:i], l[i+1:]...)
				break
			}
		}
		if len(l) == 0 {
			delete(d.band, k)
		} else {
			d.band[k] = l
		}
	}
}

func bandKey(b int, sig []uint64) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[b*rows : (b+1)*rows] {
		h = mix(h ^ v)
	}
	return h
}

// dedupState is what Dedup.Snapshot writes: the signatures in the order
// they were added (the band index is rebuilt from them).
type dedupState struct {
	Threshold float64
	MaxItems  int
	IDs       []int64
	Sigs      [][]uint64
}

// Snapshot writes the recorded signatures (gzipped gob), so that a
// restarted process finds near-duplicates of what it saw before.
func (d *Dedup) Snapshot(w io.Writer) error {
	st := dedupState{Threshold: d.Threshold, MaxItems: d.MaxItems, IDs: d.order}
	st.Sigs = make([][]uint64, len(d.order))
	for i, id := range d.order {
		st.Sigs[i] = d.sigs[id]
	}
	zw := gzip.NewWriter(w)
	if err := gob.NewEncoder(zw).Encode(&st); err != nil {
		return fmt.Errorf("dedup snapshot: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("dedup snapshot: %w", err)
	}
	return nil
}

// Restore replaces the recorded signatures by a snapshot written by
// Snapshot (Threshold and MaxItems come from the snapshot).
func (d *Dedup) Restore(r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("dedup restore: %w", err)
	}
	var st dedupState
	if err := gob.NewDecoder(zr).Decode(&st); err != nil {
		return fmt.Errorf("dedup restore: %w", err)
	}
	if len(st.IDs) != len(st.Sigs) {
		return fmt.Errorf("dedup restore: %d ids, %d signatures", len(st.IDs), len(st.Sigs))
	}
	*d = Dedup{Threshold: st.Threshold, MaxItems: st.MaxItems}
	for i, id := range st.IDs {
		d.AddSignature(id, st.Sigs[i])
	}
	return nil
}
