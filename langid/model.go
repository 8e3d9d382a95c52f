package langid

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

// modelGz is the shipped model, written by Train (see docs/decisions/0002-langid.md).
//
//go:embed model.bin.gz
var modelGz []byte

// shippedModel decodes the embedded model once, on first use; the result
// is read-only and shared by every Detector.
var shippedModel = sync.OnceValues(func() (*model, error) {
	return decodeModel(bytes.NewReader(modelGz))
})

// model is a decoded n-gram table: for every kept n-gram (orders 1..5,
// letters and word boundaries) the languages that have it and their
// quantised conditional log probability.
type model struct {
	langs []string
	index map[string]int
	// open-addressing hash table: keys[i] == 0 means empty.
	keys []uint64
	vals []uint32 // offset<<6 | count into post
	mask uint64
	post []uint16 // language byte (index | completeBit)<<8 | q
	// ngrams counts the entries per order (for docs and tests).
	ngrams [6]int
}

func decodeModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("langid model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("langid model: bad magic")
	}
	readU := func() int {
		v, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return int(v)
	}
	m := &model{index: map[string]int{}}
	nl := readU()
	if nl > 64 {
		return nil, fmt.Errorf("langid model: %d languages", nl)
	}
	for i := 0; i < nl && err == nil; i++ {
		b := make([]byte, readU())
		if _, e := io.ReadFull(br, b); e != nil {
			return nil, fmt.Errorf("langid model: %w", e)
		}
		m.langs = append(m.langs, string(b))
		m.index[string(b)] = i
	}
	type entry struct {
		h   uint64
		off uint32
		cnt uint32
	}
	var all []entry
	var prev []byte
	for n := 1; n <= 5 && err == nil; n++ {
		cnt := readU()
		m.ngrams[n] = cnt
		for i := 0; i < cnt && err == nil; i++ {
			p, s := readU(), readU()
			if p > len(prev) || s > 64 {
				return nil, errors.New("langid model: corrupt n-gram")
			}
			cur := append(prev[:p:p], make([]byte, s)...)
			if _, e := io.ReadFull(br, cur[p:]); e != nil {
				return nil, fmt.Errorf("langid model: %w", e)
			}
			prev = cur
			k := readU()
			if k > nl || k == 0 {
				return nil, errors.New("langid model: corrupt postings")
			}
			off := uint32(len(m.post))
			for j := 0; j < k; j++ {
				li, _ := br.ReadByte()
				q, e := br.ReadByte()
				if e != nil {
					return nil, fmt.Errorf("langid model: %w", e)
				}
				if int(li) >= nl {
					return nil, errors.New("langid model: bad language index")
				}
				m.post = append(m.post, uint16(li)<<8|uint16(q))
			}
			all = append(all, entry{hashBytes(cur), off, uint32(k)})
		}
	}
	if err != nil {
		return nil, fmt.Errorf("langid model: %w", err)
	}
	size := 1
	for size < 2*len(all) {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.vals = make([]uint32, size)
	m.mask = uint64(size - 1)
	for _, e := range all {
		i := e.h & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = e.h
		m.vals[i] = e.off<<6 | e.cnt
	}
	return m, nil
}

// lookup returns the postings of the n-gram with hash h.
func (m *model) lookup(h uint64) []uint16 {
	i := h & m.mask
	for {
		k := m.keys[i]
		if k == h {
			v := m.vals[i]
			return m.post[v>>6 : v>>6+v&63]
		}
		if k == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	if h == 0 {
		h = 1
	}
	return h
}
