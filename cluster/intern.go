package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// The Engine works on interned feature keys: every key is given a small
// integer ID (per channel, in order of first appearance) once, when an
// article arrives, and from then on centroids, postings and the rarity
// statistics are keyed by it. Merge-joins compare integers instead of
// strings and the rarity of a key is an array lookup, not a hash of the
// string. The string keys are kept (to name a story's central entities and
// to restore a snapshot) and the background table is resolved once per key.

// iw is an interned weighted key. C is the key's class within its channel
// (see keyClass): the term's language, the level of a date key, the
// main-dyad mark of an event key. It rides along with the ID so that
// scoring needs no lookup (the struct is 16 bytes either way).
type iw struct {
	K uint32
	C uint16
	W float64
}

// ivec is an interned channel vector sorted by K, with its L2 norm.
type ivec struct {
	ws   []iw
	norm float64
}

// Date key classes (ChDates).
const (
	classOther   = 0
	classEvDay   = 1 // "E:2023-02-28"
	classEvMonth = 2 // "M:02-28"
	classEvWeek  = 3 // "W:2"
	classDay     = 4 // "XXXX-02-28"
	classYear    = 5 // "2023"
)

// classMain marks main-dyad event keys ("!BLR-CHN", ChEvents).
const classMain = 1

// vocab interns keys and counts their document frequencies: the Engine's
// rarity statistics (the interned counterpart of Stats). It holds no
// pointers per key (the keys are one byte slice per channel, the lookup a
// map from a 64-bit hash of the key to its ID), so that the garbage
// collector's work does not grow with the vocabulary.
type vocab struct {
	// N is the number of articles observed.
	N int
	// Text holds each channel's keys back to back, in ID order; End[c][id]
	// is the offset where key id ends.
	Text [NumChannels][]byte
	End  [NumChannels][]uint32
	// DF holds the stream's document frequency of each key by ID.
	DF [NumChannels][]int32
	// Class holds the class of each key by ID.
	Class [NumChannels][]uint16
	// Langs are the term languages; a term key's class is its language's
	// index plus one.
	Langs []string

	ids   [NumChannels]map[uint64]uint32 // hash of the key to its ID; rebuilt from Text
	coll  [NumChannels]map[string]uint32 // keys whose hash an earlier key has (rare)
	bgSet bool                           // bg has been resolved for every key
	bg    *Background
	bgN   [NumChannels]int     // documents of the background, per channel it covers
	bgDF  [NumChannels][]int32 // the background's document frequency by ID
}

// keyHash is 64-bit FNV-1a (deterministic: a restored vocabulary is
// equal to the original).
func keyHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// key returns the bytes of key id of channel c.
func (v *vocab) key(c Channel, id uint32) []byte {
	start := uint32(0)
	if id > 0 {
		start = v.End[c][id-1]
	}
	return v.Text[c][start:v.End[c][id]]
}

// keyString returns key id of channel c.
func (v *vocab) keyString(c Channel, id uint32) string { return string(v.key(c, id)) }

// len returns the number of keys of a channel.
func (v *vocab) len(c Channel) int { return len(v.End[c]) }

// rebuild recreates the lookup maps after a restore.
func (v *vocab) rebuild() {
	for c := range NumChannels {
		v.ids[c] = make(map[uint64]uint32, v.len(c))
		v.coll[c] = nil
		for id := range uint32(v.len(c)) {
			v.index(c, string(v.key(c, id)), id)
		}
	}
	v.bg, v.bgSet = nil, false
	v.bgDF = [NumChannels][]int32{}
}

// index makes key findable as id.
func (v *vocab) index(c Channel, key string, id uint32) {
	h := keyHash(key)
	if _, taken := v.ids[c][h]; !taken {
		v.ids[c][h] = id
		return
	}
	if v.coll[c] == nil {
		v.coll[c] = make(map[string]uint32)
	}
	v.coll[c][key] = id
}

// setBackground makes b the prior of the statistics (nil: none),
// resolving it for every known key when it changes.
func (v *vocab) setBackground(b *Background) {
	if v.bgSet && b == v.bg {
		return
	}
	v.bg, v.bgSet = b, true
	for c := range NumChannels {
		v.bgN[c] = 0
		v.bgDF[c] = v.bgDF[c][:0]
		if b == nil || b.DF[c] == nil {
			continue
		}
		v.bgN[c] = b.N
		for id := range uint32(v.len(Channel(c))) {
			v.bgDF[c] = append(v.bgDF[c], b.DF[c][string(v.key(Channel(c), id))])
		}
	}
}

// id returns the ID and class of a key, adding it when new.
func (v *vocab) id(c Channel, key string) (uint32, uint16) {
	if v.ids[c] == nil {
		v.ids[c] = make(map[uint64]uint32)
	}
	if id, ok := v.ids[c][keyHash(key)]; ok {
		if string(v.key(c, id)) == key {
			return id, v.Class[c][id]
		}
		if id, ok := v.coll[c][key]; ok {
			return id, v.Class[c][id]
		}
	}
	id := uint32(v.len(c))
	v.Text[c] = append(v.Text[c], key...)
	v.End[c] = append(v.End[c], uint32(len(v.Text[c])))
	v.index(c, key, id)
	v.DF[c] = append(v.DF[c], 0)
	cl := v.keyClass(c, key)
	v.Class[c] = append(v.Class[c], cl)
	if v.bg != nil && v.bg.DF[c] != nil {
		v.bgDF[c] = append(v.bgDF[c], v.bg.DF[c][key])
	}
	return id, cl
}

// keyClass classifies a new key (see iw).
func (v *vocab) keyClass(c Channel, key string) uint16 {
	switch c {
	case ChTerms:
		lang, _, _ := strings.Cut(key, ":")
		return v.langClass(lang, true)
	case ChDates:
		switch {
		case strings.HasPrefix(key, "E:"):
			return classEvDay
		case strings.HasPrefix(key, "M:"):
			return classEvMonth
		case strings.HasPrefix(key, "W:"):
			return classEvWeek
		case strings.HasPrefix(key, "XXXX-"):
			return classDay
		case isYearKey(key):
			return classYear
		}
	case ChEvents:
		if strings.HasPrefix(key, mainDyadPrefix) {
			return classMain
		}
	}
	return classOther
}

// langClass returns the term class of a language; 0 when it is unknown
// and add is false.
func (v *vocab) langClass(lang string, add bool) uint16 {
	if i := slices.Index(v.Langs, lang); i >= 0 {
		return uint16(i + 1)
	}
	if !add {
		return 0
	}
	v.Langs = append(v.Langs, lang)
	return uint16(len(v.Langs))
}

// idf returns the smoothed inverse document frequency of a key (the same
// formula as Stats.IDF).
func (v *vocab) idf(c Channel, id uint32) float64 {
	df := v.DF[c][id]
	n := v.N
	if v.bgN[c] > 0 {
		n += v.bgN[c]
		df += v.bgDF[c][id]
	}
	return math.Log(float64(n+1)/float64(df+1)) + 1
}

// scratch holds an Engine's reusable buffers: nothing in it outlives an
// Add.
type scratch struct {
	vec   [NumChannels][]iw
	trunc [NumChannels][]iw
	tmp   []iw
	merge []iw
	idf   []float64
	order []int
	keys  []qkey
	acc   map[int64]float64
	cands []cand
}

type cand struct {
	id int64
	a  float64
}

// internArticle interns an article's keys, counts them in the statistics
// and returns its weighted vectors (sublinear tf times IDF, sorted by ID),
// which live in the scratch buffers until the next Add.
func (e *Engine) internArticle(f *Features) [NumChannels]ivec {
	v := &e.st.Vocab
	v.N++
	var out [NumChannels]ivec
	for c, ws := range f.channels() {
		buf := e.sc.vec[c][:0]
		for _, w := range ws {
			id, cl := v.id(Channel(c), w.Key)
			buf = append(buf, iw{id, cl, w.W})
		}
		slices.SortFunc(buf, byID)
		// Features hold each key once; merge repeats all the same.
		if len(buf) > 1 {
			j := 0
			for _, w := range buf[1:] {
				if w.K == buf[j].K {
					buf[j].W += w.W
					continue
				}
				j++
				buf[j] = w
			}
			buf = buf[:j+1]
		}
		e.sc.vec[c] = buf
		for _, w := range buf {
			v.DF[c][w.K]++
		}
	}
	for c := range NumChannels {
		buf := e.sc.vec[c]
		var n float64
		for i, w := range buf {
			x := (1 + math.Log(1+w.W)) * v.idf(Channel(c), w.K)
			buf[i].W = x
			n += x * x
		}
		out[c] = ivec{buf, math.Sqrt(n)}
	}
	return out
}

// idot returns the dot product of two ID-sorted vectors and the number of
// shared keys.
func idot(a, b []iw) (float64, int) {
	var s float64
	var n int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].K < b[j].K:
			i++
		case a[i].K > b[j].K:
			j++
		default:
			s += a[i].W * b[j].W
			n++
			i++
			j++
		}
	}
	return s, n
}

// icosine of two vectors; 0 when either is empty.
func icosine(a, b ivec) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	d, _ := idot(a.ws, b.ws)
	return d / (a.norm * b.norm)
}

// classNorm returns the norm of the part of a vector in one class (a term
// vector's part in one language).
func classNorm(ws []iw, class uint16) float64 {
	var n float64
	for _, w := range ws {
		if w.C == class {
			n += w.W * w.W
		}
	}
	return math.Sqrt(n)
}

// classShared reports whether each side has keys of a class and how many
// such keys they share.
func classShared(a, b []iw, class uint16) (inA, inB bool, shared int) {
	for _, w := range a {
		if w.C == class {
			inA = true
			break
		}
	}
	for _, w := range b {
		if w.C == class {
			inB = true
			break
		}
	}
	if !inA || !inB {
		return inA, inB, 0
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].K < b[j].K:
			i++
		case a[i].K > b[j].K:
			j++
		default:
			if a[i].C == class {
				shared++
			}
			i++
			j++
		}
	}
	return inA, inB, shared
}

// iclassConflict reports whether both sides have keys of the class and
// share none of them (prefixConflict on interned vectors).
func iclassConflict(a, b []iw, class uint16) bool {
	inA, inB, n := classShared(a, b, class)
	return inA && inB && n == 0
}

// ieventTime is eventTime on interned date vectors: the main-event days
// compared at the finest level both sides know.
func ieventTime(a, b []iw) EventTime {
	var any [2]bool
	for _, cl := range [...]uint16{classEvDay, classEvMonth, classEvWeek} {
		inA, inB, n := classShared(a, b, cl)
		any[0] = any[0] || inA
		any[1] = any[1] || inB
		if !inA || !inB {
			continue
		}
		if n > 0 {
			return EventTimeAgree
		}
		if cl != classEvDay {
			return EventTimeUnknown // see eventTime
		}
		return EventTimeConflict
	}
	if any[0] && any[1] {
		return EventTimeUnknown
	}
	return EventTimeNone
}

// icompare is compareVectors on interned vectors: an article (va, whose
// terms are in language class lang) against a cluster centroid (vb).
func icompare(va, vb *[NumChannels]ivec, lang uint16, sameLang bool) Similarity {
	sim := Similarity{SameLang: sameLang}
	for c := range NumChannels {
		sim.Present[c] = len(va[c].ws) > 0
		if c == ChTerms {
			if !sameLang || va[c].norm == 0 {
				continue
			}
			if n := classNorm(vb[c].ws, lang); n > 0 {
				d, _ := idot(va[c].ws, vb[c].ws)
				sim.Cos[c] = d / (va[c].norm * n)
			}
			continue
		}
		sim.Cos[c] = icosine(va[c], vb[c])
	}
	da, db := va[ChDates].ws, vb[ChDates].ws
	sim.DateConflict = iclassConflict(da, db, classDay)
	sim.EventTime = ieventTime(da, db)
	sim.EventDayConflict = sim.EventTime == EventTimeConflict
	sim.MainDyadConflict = iclassConflict(va[ChEvents].ws, vb[ChEvents].ws, classMain)
	sim.ActorConflict = ihasExclusive(va[ChEntities].ws, vb[ChEntities].ws) &&
		ihasExclusive(vb[ChEntities].ws, va[ChEntities].ws)
	sim.YearConflict = iclassConflict(da, db, classYear)
	if sim.EventTime == EventTimeAgree {
		sim.SharedDay = true
	} else if _, _, n := classShared(da, db, classDay); n > 0 {
		sim.SharedDay = true
	} else if _, _, n := classShared(da, db, classEvMonth); n > 0 {
		sim.SharedDay = true
	}
	return sim
}

// byWeight orders interned keys by weight descending, then ID.
func byWeight(a, b iw) int {
	if a.W != b.W {
		if a.W > b.W {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.K, b.K)
}

// byID orders interned keys by ID.
func byID(a, b iw) int { return cmp.Compare(a.K, b.K) }

// ihasExclusive reports whether one of the salient keys of a (its
// exclusiveTop heaviest, each weighing at least exclusiveFrac of the
// heaviest) is missing from b altogether.
func ihasExclusive(a, b []iw) bool {
	var buf [exclusiveTop]iw
	top := central(buf[:0], a, exclusiveTop)
	for _, w := range top {
		if w.W < exclusiveFrac*top[0].W {
			break
		}
		if _, ok := slices.BinarySearchFunc(b, w.K, func(x iw, k uint32) int { return cmp.Compare(x.K, k) }); !ok {
			return true
		}
	}
	return false
}
