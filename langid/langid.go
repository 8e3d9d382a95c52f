// Package langid identifies the language of a text: a script prior (Han,
// Kana, Hangul, Greek, Hebrew, ... decide alone; Cyrillic, Arabic and Latin
// narrow the candidates) followed by a character n-gram model (orders 1 to
// 5 with back-off) whose tables are derived from lingua-go's Apache-2.0
// models by Train and shipped in the binary (about 8 MB gzipped instead of
// lingua-go's 124 MB). See docs/decisions/0002-langid.md.
package langid

import (
	"os"
	"strconv"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Undetermined is what Detect returns when it cannot tell.
const Undetermined = ""

// Options configures a Detector. The zero value detects every language of
// the shipped model.
type Options struct {
	// Languages restricts detection to these ISO 639-1 codes (news
	// monitoring often knows its language set); empty means all.
	Languages []string
	// MaxRunes bounds how many letters of a long text are read (the
	// beginning: title, lead, first paragraphs); 0 means 1000.
	MaxRunes int
	// MinConfidence makes Detect return Undetermined below it (0..1).
	MinConfidence float64
}

// Detector identifies languages. The zero value is ready to use (all
// languages, defaults); a Detector is safe for concurrent use and must not
// be copied after first use.
type Detector struct {
	opts  Options
	allow uint64 // bit i: model language i allowed; 0 = all
	err   error
}

// New returns a Detector with the given options. An unknown language code
// in opts.Languages is an error.
func New(opts Options) (*Detector, error) {
	m, err := shippedModel()
	if err != nil {
		return nil, err
	}
	d := &Detector{opts: opts}
	for _, l := range opts.Languages {
		i, ok := m.index[normCode(l)]
		if !ok {
			return nil, fmt.Errorf("langid: unsupported language %q", l)
		}
		d.allow |= 1 << i
	}
	return d, nil
}

// Languages lists the ISO 639-1 codes the shipped model knows.
func Languages() []string {
	m, err := shippedModel()
	if err != nil {
		return nil
	}
	return slices.Clone(m.langs)
}

// normCode maps common aliases onto the model's codes ("no" is Bokmål).
func normCode(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if l == "no" {
		return "nb"
	}
	return l
}

// Detect returns the ISO 639-1 code of text's language and a confidence
// in 0..1, or Undetermined and 0 when the text has no letters, no allowed
// language fits its script, or the confidence is below MinConfidence.
func (d *Detector) Detect(text string) (lang string, confidence float64) {
	scores := d.Scores(text)
	if len(scores) == 0 {
		return Undetermined, 0
	}
	if scores[0].Confidence < d.opts.MinConfidence {
		return Undetermined, scores[0].Confidence
	}
	return scores[0].Lang, scores[0].Confidence
}

// Score is one candidate language with its confidence.
type Score struct {
	Lang       string
	Confidence float64
}

// Scores returns the candidate languages of text, most likely first, with
// confidences summing to 1 (nil when no language fits).
func (d *Detector) Scores(text string) []Score {
	m, err := shippedModel()
	if err != nil {
		return nil
	}
	maxRunes := d.opts.MaxRunes
	if maxRunes <= 0 {
		maxRunes = 1000
	}
	allow := d.allow
	if allow == 0 {
		allow = 1<<len(m.langs) - 1
	}
	s := sampleText(text, maxRunes)
	if s.letters == 0 {
		return nil
	}
	sc := s.dominant()
	if sc == scriptHan && s.counts[scriptKana]*20 >= s.counts[scriptHan]+s.counts[scriptKana] {
		sc = scriptKana
	}
	var cands []int
	for i, l := range m.langs {
		if allow&(1<<i) != 0 && langScript(l) == sc {
			cands = append(cands, i)
		}
	}
	switch len(cands) {
	case 0:
		return nil
	case 1:
		return []Score{{m.langs[cands[0]], float64(s.counts[sc]) / float64(s.letters)}}
	}
	logp := scoreNgrams(m, s.words, cands)
	best := math.Inf(-1)
	for _, v := range logp {
		best = max(best, v)
	}
	const temper = 1.0 / 5 // five orders share the evidence
	sum := 0.0
	w := make([]float64, len(cands))
	for i, v := range logp {
		w[i] = math.Exp((v - best) * temper)
		sum += w[i]
	}
	out := make([]Score, len(cands))
	for i, c := range cands {
		out[i] = Score{m.langs[c], w[i] / sum}
	}
	slices.SortStableFunc(out, func(a, b Score) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return strings.Compare(a.Lang, b.Lang)
	})
	return out
}

// floorLogP is the log probability charged for a character that a
// language's model has never seen (not even as a unigram).
const floorLogP = -14.0

// scoreNgrams sums, per candidate, the back-off log probability of every
// n-gram (orders 1..5) of every word.
func scoreNgrams(m *model, words []string, cands []int) []float64 {
	nc := len(cands)
	slot := make([]int8, 64) // model language -> candidate position
	for i := range slot {
		slot[i] = -1
	}
	for i, c := range cands {
		slot[c] = int8(i)
	}
	total := make([]float64, nc)
	// lp[k*nc+c]: log P of the prefix of length k+1 at this position.
	lp := make([]float32, 5*nc)
	var bounds [6]int
	seen := map[uint64]bool{}
	for _, w := range words {
		for i := 0; i < len(w); {
			// byte bounds of up to five runes from i
			bounds[0] = i
			k := 0
			for j := i; k < 5 && j < len(w); k++ {
				_, n := utf8.DecodeRuneInString(w[j:])
				j += n
				bounds[k+1] = j
			}
			h := uint64(fnvOffset)
			pos := i
			for o := 0; o < k; o++ {
				for ; pos < bounds[o+1]; pos++ {
					h ^= uint64(w[pos])
					h *= fnvPrime
				}
				hh := h
				if hh == 0 {
					hh = 1
				}
				row := lp[o*nc : (o+1)*nc]
				for c := range row {
					row[c] = 1 // absent
				}
				for _, p := range m.lookup(hh) {
					if s := slot[p>>8]; s >= 0 {
						row[s] = -float32(p&0xff) / quantScale
					}
				}
			}
			// n-gram of order o+1 starting here: back off to shorter prefixes.
			for o := 0; o < k; o++ {
				if dbgMinOrder > o+1 {
					continue
				}
				if dbgDedupe {
					hh := hashBytes([]byte(w[i:bounds[o+1]]))
					if seen[hh] {
						continue
					}
					seen[hh] = true
				}
				for c := 0; c < nc; c++ {
					v := float32(dbgFloor)
					for b := o; b >= 0; b-- {
						if x := lp[b*nc+c]; x <= 0 {
							v = x
							break
						}
					}
					total[c] += float64(v) * dbgW[o]
				}
			}
			_, n := utf8.DecodeRuneInString(w[i:])
			i += n
		}
	}
	return total
}

// sample is the bounded, lowercased letter content of a text.
type sample struct {
	words   []string
	counts  [numScripts]int
	letters int
}

func (s *sample) dominant() script {
	best := scriptOther
	for sc := script(0); sc < numScripts; sc++ {
		if sc != scriptOther && s.counts[sc] > s.counts[best] {
			best = sc
		}
	}
	if best == scriptKana || best == scriptHan {
		// mixed Han and Kana is Japanese; decided by the caller
		if s.counts[scriptKana]+s.counts[scriptHan] > 0 && s.counts[scriptHan] >= s.counts[scriptKana] {
			return scriptHan
		}
	}
	return best
}

// sampleText splits text into lowercase letter runs (words; every Han,
// Kana and Hangul character is a word of its own) until maxRunes letters.
func sampleText(text string, maxRunes int) sample {
	var s sample
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			s.words = append(s.words, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		if s.letters >= maxRunes {
			break
		}
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		sc := scriptOf(r)
		s.counts[sc]++
		s.letters++
		if sc == scriptHan || sc == scriptKana || sc == scriptHangul {
			flush()
			b.WriteRune(r)
			flush()
			continue
		}
		b.WriteRune(r)
	}
	flush()
	return s
}

var dbgFloor, dbgMinOrder = envF("DBG_FLOOR", floorLogP), int(envF("DBG_MINORD", 1))
var dbgW = [5]float64{envF("DBG_W1", 1), envF("DBG_W2", 1), envF("DBG_W3", 1), envF("DBG_W4", 1), envF("DBG_W5", 1)}

func envF(k string, d float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return v
	}
	return d
}

var dbgDedupe = os.Getenv("DBG_DEDUPE") != ""
