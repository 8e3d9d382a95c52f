package similarity

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"

	"dateline/model"
)

// modelData is the default model: trained by `dateline eval similarity
// --train similarity/data/model.json.gz` on the SemEval-2022 task 8
// training pairs (docs/parts/quality-cluster.md).
//
//go:embed data/model.json.gz
var modelData []byte

// DefaultModel returns the embedded model. Each call parses it anew
// (a few milliseconds); callers keep the result.
func DefaultModel() *Model {
	m, err := ReadModel(bytes.NewReader(modelData))
	if err != nil {
		panic(fmt.Sprintf("similarity: embedded model: %v", err)) // a build defect
	}
	return m
}

// ReadModel reads a model written by WriteModel (gzipped JSON).
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read similarity model: %w", err)
	}
	defer zr.Close()
	var m Model
	if err := json.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("read similarity model: %w", err)
	}
	for ti, t := range m.Trees {
		if len(t.Nodes) == 0 {
			return nil, fmt.Errorf("read similarity model: tree %d is empty", ti)
		}
		for ni, n := range t.Nodes {
			if n.Feature >= 0 && (n.Left <= ni || n.Right <= ni || n.Left >= len(t.Nodes) || n.Right >= len(t.Nodes)) {
				return nil, fmt.Errorf("read similarity model: tree %d node %d: bad children", ti, ni)
			}
		}
	}
	return &m, nil
}

// WriteModel writes m as gzipped JSON.
func WriteModel(w io.Writer, m *Model) error {
	zw := gzip.NewWriter(w)
	if err := json.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("write similarity model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write similarity model: %w", err)
	}
	return nil
}

// Score returns the model's similarity of two documents under corpus c
// (nil: every key weighs the same), mapped from the grade scale to about
// 0 (unrelated, grade 4) .. 1 (same story, grade 1), clamped to [0, 1].
func (m *Model) Score(c *Corpus, a, b *Doc) float64 {
	s := (m.Predict(Features(c, a, b)) + 4) / 3
	return min(1, max(0, s))
}

// Score returns the default model's similarity of two annotated articles
// in 0..1 without corpus statistics (every key weighs the same) and with
// the embedded knowledge base's gazetteer. It parses the embedded model
// and knowledge base on every call: for many comparisons, keep a Model
// and a Gazetteer, build the Docs once, observe them in a Corpus and call
// Model.Score.
func Score(a, b *model.Article) (float64, error) {
	g, err := EmbeddedGazetteer()
	if err != nil {
		return 0, fmt.Errorf("similarity score: %w", err)
	}
	return DefaultModel().Score(nil, NewDoc(a, g), NewDoc(b, g)), nil
}
