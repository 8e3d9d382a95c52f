// Package langid identifies the language of a text: a script prior (Han,
// Kana, Hangul, Greek, Hebrew, ... decide alone; Cyrillic, Arabic and Latin
// narrow the candidates) followed by a character n-gram model (orders 1 to
// 5, interpolated, with word boundaries) whose tables are derived from
// lingua-go's Apache-2.0 models by Train and shipped in the binary (about
// 12 MB gzipped instead of lingua-go's 124 MB of models). See
// docs/decisions/0002-langid.md.
package langid

import (
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
	const temper = 0.5 // soften the naive-Bayes overconfidence
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

// lambda weighs the orders 1..5 of the interpolated model (Jelinek-Mercer
// interpolation of lingua's conditional n-gram probabilities, tuned on
// the odd lines of lingua's test files); epsilon is the probability left
// to a character no order knows. Read-only.
var lambda = [5]float64{0.01, 0.04, 0.1, 0.25, 0.6}

const epsilon = 1e-7

// Word weights: a capitalised word inside a sentence is more often a
// name than a word of the language, and names (Müller, Traumatology,
// Boz Scaggs) mislead the character model, so it counts capWeight of a
// lowercase word; a word that opens a sentence is not suspect.
const capWeight = 0.5

// probOf maps a quantised log probability back to a probability. Read-only.
var probOf = func() (t [256]float64) {
	for q := range t {
		t[q] = math.Exp(-float64(q) / quantScale)
	}
	return t
}()

// scoreNgrams returns, per candidate, the weighted log likelihood of the
// words under an interpolated character model: every character of a word
// padded with boundaries (" word ") after the first boundary is predicted
// from up to four characters before it,
// P(c | h) = sum over orders o of lambda[o] * P_o(c | last o-1 chars of h).
func scoreNgrams(m *model, words []word, cands []int) []float64 {
	nc := len(cands)
	var slot [64]int8 // model language -> candidate position
	for i := range slot {
		slot[i] = -1
	}
	for i, c := range cands {
		slot[c] = int8(i)
	}
	total := make([]float64, nc)
	// ring[(pos%5)*nc + c]: interpolated probability of the character at
	// rune position pos, accumulated from the n-grams ending there.
	ring := make([]float64, 5*nc)
	for _, wd := range words {
		w := wd.text
		clear(ring)
		pos := 0
		for i := 0; i < len(w); pos++ {
			// n-grams starting at rune position pos, orders 1..5
			h := uint64(fnvOffset)
			j := i
			for o := 0; o < 5 && j < len(w); o++ {
				_, n := utf8.DecodeRuneInString(w[j:])
				for end := j + n; j < end; j++ {
					h ^= uint64(w[j])
					h *= fnvPrime
				}
				hh := h
				if hh == 0 {
					hh = 1
				}
				row := ring[((pos+o)%5)*nc : ((pos+o)%5+1)*nc]
				l := lambda[o]
				for _, p := range m.lookup(hh) {
					if s := slot[p>>8]; s >= 0 {
						row[s] += l * probOf[p&0xff]
					}
				}
			}
			// the character at pos has all its n-grams now; the leading
			// boundary is context only
			row := ring[(pos%5)*nc : (pos%5+1)*nc]
			if pos > 0 {
				for c, v := range row {
					total[c] += wd.weight * math.Log(v+epsilon)
				}
			}
			clear(row)
			_, n := utf8.DecodeRuneInString(w[i:])
			i += n
		}
	}
	return total
}

// word is one lowercase letter run of a text, padded with boundaries
// (" word "), with its weight in the score.
type word struct {
	text   string
	weight float64
}

// sample is the bounded, lowercased letter content of a text.
type sample struct {
	words   []word
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
// Kana and Hangul character is a word of its own) until maxRunes letters,
// and weighs them: a capitalised word that does not open a sentence (the
// text, or after . ! ? :) gets capWeight.
func sampleText(text string, maxRunes int) sample {
	var s sample
	var b strings.Builder
	opens := true // the next word opens a sentence
	weight := 1.0
	flush := func() {
		if b.Len() > 0 {
			b.WriteByte(boundary)
			s.words = append(s.words, word{b.String(), weight})
			b.Reset()
			opens = false
		}
	}
	for _, r := range text {
		if s.letters >= maxRunes {
			break
		}
		if !unicode.IsLetter(r) {
			flush()
			switch r {
			case '.', '!', '?', ':', '\n':
				opens = true
			}
			continue
		}
		lower := unicode.ToLower(r)
		sc := scriptOf(lower)
		s.counts[sc]++
		s.letters++
		if sc == scriptHan || sc == scriptKana || sc == scriptHangul {
			flush()
			b.WriteByte(boundary)
			b.WriteRune(lower)
			weight = 1
			flush()
			continue
		}
		if b.Len() == 0 {
			b.WriteByte(boundary)
			weight = 1
			if lower != r && !opens {
				weight = capWeight
			}
		}
		b.WriteRune(lower)
	}
	flush()
	return s
}
