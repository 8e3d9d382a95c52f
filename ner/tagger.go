// Package ner finds names of persons (PER), organisations (ORG), locations
// (LOC) and other named things (MISC) in text. Its tagger is a linear-chain
// model over IOB2 tags (structured averaged perceptron, Viterbi decoding)
// with word, shape, affix, context, casing, word-class and gazetteer
// features; the models for each language are trained by `dateline train
// ner` and embedded in the binary. See docs/decisions/0004-ner.md.
package ner

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"

	"dateline/analysis"
	"dateline/model"
)

//go:embed models/*.model.gz
var models embed.FS

// Languages returns the languages with an embedded model, sorted.
func Languages() []string {
	ents, _ := fs.ReadDir(models, "models")
	var out []string
	for _, e := range ents {
		if l, ok := strings.CutSuffix(e.Name(), ".model.gz"); ok {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// Tagger tags tokens and finds mentions with one model. It is safe for
// concurrent use. Load builds one from the embedded models; loading costs
// tens of milliseconds, so callers keep their tagger.
type Tagger struct {
	m   *Model
	gaz Gazetteer
}

// Load returns a tagger for lang from the models embedded in the binary.
func Load(lang string) (*Tagger, error) {
	b, err := models.ReadFile("models/" + lang + ".model.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: no model for language %q (have %v)", lang, Languages())
	}
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("ner: load %s: %w", lang, err)
	}
	return New(m), nil
}

// New returns a tagger using m.
func New(m *Model) *Tagger { return &Tagger{m: m} }

// WithGazetteer returns a copy of t that also consults g (typically the
// knowledge base, see KBNames) for name features. Its matches fire the
// knowledge-base features, whose weights the model learnt from the
// knowledge-base names it was trained with (see TrainOptions.KB), so g's
// entries count like those. Types should be PER, ORG, LOC or MISC.
func (t *Tagger) WithGazetteer(g Gazetteer) *Tagger {
	c := *t
	c.gaz = g
	return &c
}

// Lang returns the language of the tagger's model.
func (t *Tagger) Lang() string { return t.m.Lang }

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// Tag returns one IOB2 tag per token ("B-PER", "I-PER", "O", ...).
func (t *Tagger) Tag(tokens []string) []string {
	path, _ := t.tag(tokens, false)
	out := make([]string, len(path))
	for i, p := range path {
		out[i] = tagSet[p]
	}
	return out
}

// TagConfidence returns one IOB2 tag per token and, per token, a rough
// confidence in 0..1 of its tag (a softmax over the model's scores;
// ordered, not calibrated).
func (t *Tagger) TagConfidence(tokens []string) ([]string, []float64) {
	path, conf := t.tag(tokens, true)
	out := make([]string, len(path))
	for i, p := range path {
		out[i] = tagSet[p]
	}
	return out, conf
}

// TagDocument tags the sentences of one document in two passes: the
// names found in the first pass (and the surnames of persons named in
// full) become a document gazetteer for the second, so that "Arafat" after
// "Yasser Arafat", or "NMBS" seen once in a clear context, are tagged
// consistently through the document.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = t.Tag(s)
	}
	doc := documentNames(sents, out)
	if doc.Len() == 0 {
		return out
	}
	for i, s := range sents {
		path, _ := t.tag(s, false, doc)
		for k, p := range path {
			out[i][k] = tagSet[p]
		}
	}
	return out
}

// documentNames builds the document gazetteer from first-pass tags.
func documentNames(sents, tags [][]string) *Dict {
	nc := nameCounts{}
	for i, s := range sents {
		nc.add([]Sentence{{Tokens: s, Tags: tags[i]}})
		for _, c := range spansOf(tags[i]) {
			if c.Type == "PER" && c.End-c.Start >= 2 && nameLike(s[c.End-1]) {
				nc.add([]Sentence{{Tokens: s[c.End-1 : c.End], Tags: []string{"B-PER"}}})
			}
		}
	}
	return nc.dict(1)
}

func (t *Tagger) tag(tokens []string, conf bool, extra ...Gazetteer) ([]int, []float64) {
	if len(tokens) == 0 {
		return nil, nil
	}
	gz := append([]Gazetteer{t.m.gaz}, extra...)
	kb := []Gazetteer{t.m.kb}
	if t.gaz != nil {
		kb = append(kb, t.gaz)
	}
	info := t.m.prepare(tokens, gz, kb)
	em := make([]float32, len(tokens)*nTags)
	t.m.emissions(info, em)
	forbidStarts(t.m.Lang, tokens, em)
	path := make([]int, len(tokens))
	t.m.viterbi(len(tokens), em, path)
	if !conf {
		return path, nil
	}
	return path, t.m.confidences(em, path)
}

// Find tokenises text (analysis.Sentences and analysis.Tokenize), tags
// its sentences as one document (see TagDocument) and returns the
// mentions found, in text order, with byte offsets into text, the
// sentence index and a confidence in 0..1 (the lowest per-token tag
// probability of the mention; uncalibrated).
func (t *Tagger) Find(text string) []model.Mention {
	spans := analysis.Sentences(text, t.m.Lang)
	toks := make([][]analysis.Token, len(spans))
	words := make([][]string, len(spans))
	first := make([][]string, len(spans))
	for si, sp := range spans {
		toks[si] = mergeAbbrev(text[sp.Start:sp.End], analysis.Tokenize(text[sp.Start:sp.End]))
		words[si] = make([]string, len(toks[si]))
		for i, tk := range toks[si] {
			words[si][i] = tk.Text
		}
		first[si] = t.Tag(words[si])
	}
	doc := documentNames(words, first)
	var out []model.Mention
	for si, sp := range spans {
		if len(words[si]) == 0 {
			continue
		}
		path, conf := t.tag(words[si], true, doc)
		tags := make([]string, len(path))
		for i, p := range path {
			tags[i] = tagSet[p]
		}
		for _, c := range spansOf(tags) {
			score := 1.0
			for j := c.Start; j < c.End; j++ {
				score = min(score, conf[j])
			}
			start, end := sp.Start+toks[si][c.Start].Start, sp.Start+toks[si][c.End-1].End
			out = append(out, model.Mention{
				Text: text[start:end], Type: c.Type,
				Start: start, End: end, Sentence: si, Score: score,
			})
		}
	}
	return out
}

// mergeAbbrev joins initials and abbreviations the word tokenizer splits
// ("U", ".", "S", "." or "J", ".") back into one token ("U.S.", "J."), the
// way the training data writes them.
func mergeAbbrev(text string, toks []analysis.Token) []analysis.Token {
	out := make([]analysis.Token, 0, len(toks))
	for i := 0; i < len(toks); {
		j := i
		for j+1 < len(toks) && isInitial(toks[j]) && toks[j+1].Text == "." && toks[j+1].Start == toks[j].End &&
			(j == i || toks[j].Start == toks[j-1].End) {
			j += 2
		}
		if j > i {
			end := toks[j-1].End
			out = append(out, analysis.Token{Text: text[toks[i].Start:end], Start: toks[i].Start, End: end, Kind: analysis.Word})
			i = j
			continue
		}
		out = append(out, toks[i])
		i++
	}
	return out
}

// isInitial reports whether t is a single upper-case letter.
func isInitial(t analysis.Token) bool {
	if t.Kind != analysis.Word {
		return false
	}
	n := 0
	for _, r := range t.Text {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n == 1
}
