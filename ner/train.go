package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/eval/nereval"
)

// TrainOptions configure Train. The zero value trains with defaults.
type TrainOptions struct {
	// Lang is recorded in the model ("nl", "en", ...).
	Lang string
	// Epochs of the averaged perceptron; 0 means 8.
	Epochs int
	// MinCount drops features seen fewer times in the training data;
	// 0 means 2.
	MinCount int
	// Prune drops feature rows whose largest absolute averaged weight is
	// below this fraction of the largest weight in the model; 0 means 0.002.
	Prune float64
	// Unlabeled is extra tokenised text from which the casing statistics
	// (how a word is usually written) are learnt, beside the training
	// sentences themselves.
	Unlabeled [][]string
	// Clusters maps lower-case words to bit-string word classes (e.g.
	// Brown clusters, prefixes of 4, 8, 12 and 20 bits become features);
	// nil means no class features. The shipped models use none.
	Clusters map[string]string
	// Lexicon holds names the tagger always knows (nationality
	// adjectives, ...), added to the names learnt from the data.
	Lexicon *Dict
	// KB holds knowledge-base names (see KBNames). They fire their own
	// features, in training for a random share of the sentences only
	// (see KBDropout), and ship in the model for run time.
	KB *Dict
	// KBDropout is the share of training sentences that do not see the
	// knowledge-base names, so the model learns to tag without them and
	// does not over-trust them; 0 means 0.5, a negative value none.
	KBDropout float64
	// Dev, when set, is tagged after every epoch and its F1 logged.
	Dev []Sentence
	// Seed makes the shuffling reproducible.
	Seed uint64
	// Log receives progress; nil discards it.
	Log *slog.Logger
}

// Train learns a model from IOB2-tagged sentences with a structured
// averaged perceptron (Collins 2002) over the features in features.go.
// Gazetteer features are learnt two-fold: each half of the data sees the
// names of the other half only, so the model learns how far to trust a
// known name instead of memorising its own training names.
func Train(ctx context.Context, sents []Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 8
	}
	if opt.MinCount == 0 {
		opt.MinCount = 2
	}
	if opt.Prune == 0 {
		opt.Prune = 0.002
	}
	if opt.KBDropout == 0 {
		opt.KBDropout = 0.5
	}
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("train ner: no sentences")
	}
	m := &Model{Lang: opt.Lang, index: map[uint64]int32{}, clusters: opt.Clusters}
	if opt.KB != nil && opt.KB.Len() > 0 {
		m.kb = opt.KB
	}
	text := make([][]string, 0, len(sents)+len(opt.Unlabeled))
	for _, s := range sents {
		text = append(text, s.Tokens)
	}
	text = append(text, opt.Unlabeled...)
	m.casing = casingStats(text)

	// two-fold gazetteers plus the full one the model keeps
	half := [2]nameCounts{{}, {}}
	for i, s := range sents {
		half[i%2].add([]Sentence{s})
	}
	all := nameCounts{}
	all.add(sents)
	foldGaz := [2]*Dict{half[1].dict(1), half[0].dict(1)}
	m.gaz = all.dict(1)
	if opt.Lexicon != nil {
		opt.Lexicon.each(func(toks []string, typ string) {
			m.gaz.Add(toks, typ)
			foldGaz[0].Add(toks, typ)
			foldGaz[1].Add(toks, typ)
		})
	}
	log.Info("ner train: prepared", "sentences", len(sents), "names", m.gaz.Len(), "casing", len(m.casing))

	// features: count, cut, cache rows per token
	type tokFeats struct{ off, end int32 }
	hashes := make([][]uint64, len(sents))
	counts := map[uint64]int32{}
	var buf []uint64
	drop := rand.New(rand.NewPCG(opt.Seed, 0xd209))
	for si, s := range sents {
		var kb []Gazetteer
		if m.kb != nil && drop.Float64() >= opt.KBDropout {
			kb = []Gazetteer{m.kb}
		}
		info := m.prepare(s.Tokens, []Gazetteer{foldGaz[si%2]}, kb)
		head := headline(info)
		var hs []uint64
		for i := range info {
			buf = featureHashes(info, i, head, buf[:0])
			hs = append(hs, uint64(len(buf)))
			hs = append(hs, buf...)
		}
		for i := 0; i < len(hs); {
			n := int(hs[i])
			for _, h := range hs[i+1 : i+1+n] {
				counts[h]++
			}
			i += 1 + n
		}
		hashes[si] = hs
		if si%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	for h, c := range counts {
		if int(c) >= opt.MinCount {
			m.index[h] = int32(len(m.index))
		}
	}
	counts = nil
	rows := make([][]int32, len(sents)) // per sentence: per token n, rows...
	for si, hs := range hashes {
		var r []int32
		for i := 0; i < len(hs); {
			n := int(hs[i])
			at := len(r)
			r = append(r, 0)
			for _, h := range hs[i+1 : i+1+n] {
				if id, ok := m.index[h]; ok {
					r = append(r, id)
				}
			}
			r[at] = int32(len(r) - at - 1)
			i += 1 + n
		}
		rows[si] = r
	}
	hashes = nil
	log.Info("ner train: features", "kept", len(m.index))

	nf := len(m.index)
	w := make([]float32, nf*nTags)
	u := make([]float64, nf*nTags) // sum of c*update, for averaging
	var tw [(nTags + 1) * nTags]float32
	var tu [(nTags + 1) * nTags]float64
	c := 1.0
	gold := make([][]int, len(sents))
	for si, s := range sents {
		g := make([]int, len(s.Tags))
		for i, t := range s.Tags {
			g[i] = tagIndex(t)
		}
		gold[si] = g
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var em []float32
	var pred []int
	view := &Model{trans: tw}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs := 0
		for k, si := range order {
			if k%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			g := gold[si]
			n := len(g)
			em = grow(em, n*nTags)
			pred = growInt(pred, n)
			r := rows[si]
			pos := 0
			for i := 0; i < n; i++ {
				cnt := int(r[pos])
				s := em[i*nTags : (i+1)*nTags]
				for t := range s {
					s[t] = 0
				}
				for _, id := range r[pos+1 : pos+1+cnt] {
					row := w[int(id)*nTags : int(id)*nTags+nTags]
					for t := range s {
						s[t] += row[t]
					}
				}
				pos += 1 + cnt
			}
			view.trans = tw
			view.viterbi(n, em, pred)
			pos = 0
			wrong := false
			for i := 0; i < n; i++ {
				cnt := int(r[pos])
				gp, pp := nTags, nTags
				if i > 0 {
					gp, pp = g[i-1], pred[i-1]
				}
				if g[i] != pred[i] {
					wrong = true
					for _, id := range r[pos+1 : pos+1+cnt] {
						w[int(id)*nTags+g[i]]++
						u[int(id)*nTags+g[i]] += c
						w[int(id)*nTags+pred[i]]--
						u[int(id)*nTags+pred[i]] -= c
					}
				}
				if g[i] != pred[i] || gp != pp {
					tw[gp*nTags+g[i]]++
					tu[gp*nTags+g[i]] += c
					tw[pp*nTags+pred[i]]--
					tu[pp*nTags+pred[i]] -= c
				}
				pos += 1 + cnt
			}
			if wrong {
				errs++
			}
			c++
		}
		log.Info("ner train: epoch", "epoch", ep+1, "sentence_errors", errs, "of", len(sents))
		if len(opt.Dev) > 0 {
			avg := averaged(m, w, u, tw, tu, c)
			r := avg.Evaluate(opt.Dev)
			log.Info("ner train: dev", "epoch", ep+1, "f1", fmt.Sprintf("%.4f", r.F1))
		}
	}
	out := averaged(m, w, u, tw, tu, c)
	out.prune(opt.Prune)
	log.Info("ner train: done", "features", len(out.index))
	return out, nil
}

func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// averaged returns a model with the averaged weights w - u/c.
func averaged(m *Model, w []float32, u []float64, tw [(nTags + 1) * nTags]float32, tu [(nTags + 1) * nTags]float64, c float64) *Model {
	out := *m
	out.w = make([]float32, len(w))
	for i := range w {
		out.w[i] = float32(float64(w[i]) - u[i]/c)
	}
	for i := range tw {
		out.trans[i] = float32(float64(tw[i]) - tu[i]/c)
	}
	return &out
}

// prune drops feature rows whose weights are all small.
func (m *Model) prune(frac float64) {
	var mx float64
	for _, v := range m.w {
		mx = math.Max(mx, math.Abs(float64(v)))
	}
	cut := float32(mx * frac)
	index := make(map[uint64]int32, len(m.index))
	var w []float32
	for h, r := range m.index {
		row := m.w[int(r)*nTags : int(r)*nTags+nTags]
		keep := false
		for _, v := range row {
			if v > cut || v < -cut {
				keep = true
				break
			}
		}
		if keep {
			index[h] = int32(len(index))
			w = append(w, row...)
		}
	}
	m.index, m.w = index, w
}

// Evaluate tags the sentences with the model alone and scores them
// against their gold tags.
func (m *Model) Evaluate(sents []Sentence) nereval.Result { return New(m).Evaluate(sents) }

// Evaluate tags the sentences and scores them against their gold tags.
// Sentences of one document (same Doc, when the file marks documents)
// are tagged together with TagDocument.
func (t *Tagger) Evaluate(sents []Sentence) nereval.Result {
	var sc nereval.Scorer
	for i, tags := range t.TagSentences(sents) {
		sc.Add(sents[i].Tags, tags)
	}
	r := sc.Result()
	r.Sentences = len(sents)
	return r
}

// TagSentences returns the predicted IOB2 tags of each sentence (their
// own Tags are ignored). Sentences of one document (same Doc, when any
// sentence has a non-zero Doc) are tagged together with TagDocument.
func (t *Tagger) TagSentences(sents []Sentence) [][]string {
	out := make([][]string, 0, len(sents))
	docs := false
	for _, s := range sents {
		docs = docs || s.Doc != 0
	}
	for i := 0; i < len(sents); {
		j := i + 1
		for docs && j < len(sents) && sents[j].Doc == sents[i].Doc {
			j++
		}
		toks := make([][]string, j-i)
		for k := range toks {
			toks[k] = sents[i+k].Tokens
		}
		out = append(out, t.TagDocument(toks)...)
		i = j
	}
	return out
}

// casingStats learns how each frequent word is usually written, from
// occurrences that are not sentence-initial.
func casingStats(text [][]string) map[string]byte {
	type tally struct{ low, cap int32 }
	t := map[string]*tally{}
	for _, s := range text {
		for i, w := range s {
			if i == 0 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				continue
			}
			l := strings.ToLower(w)
			x := t[l]
			if x == nil {
				x = &tally{}
				t[l] = x
			}
			if unicode.IsUpper(r) {
				x.cap++
			} else {
				x.low++
			}
		}
	}
	out := map[string]byte{}
	for w, x := range t {
		n := x.low + x.cap
		if n < 3 {
			continue
		}
		switch {
		case x.low*10 >= n*9:
			out[w] = 'l'
		case x.cap*10 >= n*9:
			out[w] = 'c'
		default:
			out[w] = 'm'
		}
	}
	return out
}
