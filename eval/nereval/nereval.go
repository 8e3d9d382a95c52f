// Package nereval scores named-entity tags the way the CoNLL shared tasks'
// conlleval script does: an entity counts as found only when its span and
// its type both match the gold entity exactly. Tag sequences may be IOB1
// (CoNLL-2003), IOB2 (CoNLL-2002, Dateline's own output) or IOBES; chunk
// boundaries follow conlleval's rules, so no conversion is needed first.
package nereval

import (
	"fmt"
	"sort"
	"strings"
)

// Chunk is one entity in a tag sequence: tokens [Start, End) of type Type.
type Chunk struct {
	Start, End int
	Type       string
}

// split cuts a tag ("B-PER", "I-LOC", "O") into its prefix and type.
func split(tag string) (prefix, typ string) {
	if tag == "" || tag == "O" {
		return "O", ""
	}
	if len(tag) >= 2 && tag[1] == '-' {
		return tag[:1], tag[2:]
	}
	// a bare type ("PER") is read as inside-tag, like conlleval does
	return "I", tag
}

// endOfChunk reports whether a chunk ended between the previous tag and
// this one (conlleval's endOfChunk).
func endOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "E", prevTag == "S":
		return true
	case prevTag == "B" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag == "I" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag != "O" && prevType != typ:
		return true
	}
	return false
}

// startOfChunk reports whether a chunk starts at this tag (conlleval's
// startOfChunk).
func startOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B", tag == "S":
		return true
	case (prevTag == "E" || prevTag == "S" || prevTag == "O") && (tag == "E" || tag == "I"):
		return true
	case tag != "O" && prevType != typ:
		return true
	}
	return false
}

// Chunks returns the entities of one sentence's tag sequence.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	prevTag, prevType := "O", ""
	start := -1
	for i, t := range tags {
		tag, typ := split(t)
		if start >= 0 && endOfChunk(prevTag, tag, prevType, typ) {
			out = append(out, Chunk{start, i, prevType})
			start = -1
		}
		if startOfChunk(prevTag, tag, prevType, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	if start >= 0 {
		out = append(out, Chunk{start, len(tags), prevType})
	}
	return out
}

// ToIOB2 rewrites a sentence's tags as IOB2: every entity starts with B-.
// It reads IOB1, IOB2 and IOBES input.
func ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	for i := range out {
		out[i] = "O"
	}
	for _, c := range Chunks(tags) {
		out[c.Start] = "B-" + c.Type
		for j := c.Start + 1; j < c.End; j++ {
			out[j] = "I-" + c.Type
		}
	}
	return out
}

// Counts are the raw tallies of one type (or of all types).
type Counts struct {
	Gold    int `json:"gold"`
	Pred    int `json:"pred"`
	Correct int `json:"correct"`
}

// Precision is Correct/Pred, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Pred) }

// Recall is Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scorer accumulates sentence pairs of gold and predicted tags. Its zero
// value is ready to use.
type Scorer struct {
	all    Counts
	byType map[string]*Counts
	tokens int
	tokOK  int
}

// Add scores one sentence. gold and pred must have the same length.
func (s *Scorer) Add(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("nereval: sentence has %d gold tags and %d predicted", len(gold), len(pred))
	}
	if s.byType == nil {
		s.byType = map[string]*Counts{}
	}
	g, p := Chunks(gold), Chunks(pred)
	inGold := make(map[Chunk]bool, len(g))
	for _, c := range g {
		inGold[c] = true
		s.typ(c.Type).Gold++
	}
	s.all.Gold += len(g)
	s.all.Pred += len(p)
	for _, c := range p {
		s.typ(c.Type).Pred++
		if inGold[c] {
			s.typ(c.Type).Correct++
			s.all.Correct++
		}
	}
	for i := range gold {
		s.tokens++
		if gold[i] == pred[i] || (isO(gold[i]) && isO(pred[i])) {
			s.tokOK++
		}
	}
	return nil
}

func isO(t string) bool { return t == "" || t == "O" }

func (s *Scorer) typ(t string) *Counts {
	c := s.byType[t]
	if c == nil {
		c = &Counts{}
		s.byType[t] = c
	}
	return c
}

// TypeResult is the score of one entity type.
type TypeResult struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Counts
}

// Result is a finished evaluation, shaped for `dateline eval ner --json`.
type Result struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Accuracy is token-level tag accuracy (as conlleval prints it).
	Accuracy  float64               `json:"accuracy"`
	Tokens    int                   `json:"tokens"`
	Sentences int                   `json:"sentences,omitempty"`
	Counts    Counts                `json:"counts"`
	ByType    map[string]TypeResult `json:"by_type"`
}

// Result returns the scores so far.
func (s *Scorer) Result() Result {
	r := Result{
		Precision: s.all.Precision(), Recall: s.all.Recall(), F1: s.all.F1(),
		Accuracy: ratio(s.tokOK, s.tokens), Tokens: s.tokens, Counts: s.all,
		ByType: map[string]TypeResult{},
	}
	for t, c := range s.byType {
		r.ByType[t] = TypeResult{c.Precision(), c.Recall(), c.F1(), *c}
	}
	return r
}

// Table renders r as a fixed-width text table, types sorted by name.
func (r Result) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred", "correct")
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := r.ByType[t]
		fmt.Fprintf(&b, "%-8s %8.2f%% %8.2f%% %8.2f%% %7d %7d %7d\n", t, 100*c.Precision, 100*c.Recall, 100*c.F1, c.Gold, c.Pred, c.Correct)
	}
	fmt.Fprintf(&b, "%-8s %8.2f%% %8.2f%% %8.2f%% %7d %7d %7d\n", "overall", 100*r.Precision, 100*r.Recall, 100*r.F1, r.Counts.Gold, r.Counts.Pred, r.Counts.Correct)
	fmt.Fprintf(&b, "tokens %d, token accuracy %.2f%%\n", r.Tokens, 100*r.Accuracy)
	return b.String()
}
