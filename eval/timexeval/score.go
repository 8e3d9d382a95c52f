package timexeval

import "sort"

// Counts are the tallies of one comparison of system spans with gold
// spans. Matches pair a system span with at most one gold span and vice
// versa.
type Counts struct {
	Gold, System int
	// Strict counts exact-offset matches; Relaxed overlapping ones.
	Strict, Relaxed int
	// TypeOK and ValueOK count relaxed matches with the right type, value.
	TypeOK, ValueOK int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.TypeOK += o.TypeOK
	c.ValueOK += o.ValueOK
}

// Pair is a relaxed match: indexes into the gold and system slices.
type Pair struct{ Gold, System int }

// Match pairs system spans with gold spans of one document: exact
// matches first, then the remaining spans by overlap, each span used at
// most once. It returns the counts and the pairs.
func Match(gold, sys []Span) (Counts, []Pair) {
	c := Counts{Gold: len(gold), System: len(sys)}
	gi := order(gold)
	si := order(sys)
	gUsed := make([]bool, len(gold))
	sUsed := make([]bool, len(sys))
	var pairs []Pair
	for _, s := range si {
		for _, g := range gi {
			if !gUsed[g] && gold[g].Start == sys[s].Start && gold[g].End == sys[s].End {
				gUsed[g], sUsed[s] = true, true
				c.Strict++
				pairs = append(pairs, Pair{g, s})
				break
			}
		}
	}
	for _, s := range si {
		if sUsed[s] {
			continue
		}
		for _, g := range gi {
			if !gUsed[g] && gold[g].Start < sys[s].End && sys[s].Start < gold[g].End {
				gUsed[g], sUsed[s] = true, true
				pairs = append(pairs, Pair{g, s})
				break
			}
		}
	}
	c.Relaxed = len(pairs)
	for _, p := range pairs {
		if gold[p.Gold].Type == sys[p.System].Type {
			c.TypeOK++
		}
		if gold[p.Gold].Value == sys[p.System].Value {
			c.ValueOK++
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return gold[pairs[a].Gold].Start < gold[pairs[b].Gold].Start })
	return c, pairs
}

func order(sp []Span) []int {
	ix := make([]int, len(sp))
	for i := range ix {
		ix[i] = i
	}
	sort.SliceStable(ix, func(a, b int) bool { return sp[ix[a]].Start < sp[ix[b]].Start })
	return ix
}

// Metrics are the TempEval-3 figures, fractions in 0..1. Precision,
// Recall and F1 repeat the value-level figures (the headline measure).
type Metrics struct {
	Gold             int     `json:"gold"`
	System           int     `json:"system"`
	StrictPrecision  float64 `json:"strict_precision"`
	StrictRecall     float64 `json:"strict_recall"`
	StrictF1         float64 `json:"strict_f1"`
	RelaxedPrecision float64 `json:"relaxed_precision"`
	RelaxedRecall    float64 `json:"relaxed_recall"`
	RelaxedF1        float64 `json:"relaxed_f1"`
	TypeAccuracy     float64 `json:"type_accuracy"`
	TypeF1           float64 `json:"type_f1"`
	ValueAccuracy    float64 `json:"value_accuracy"`
	ValuePrecision   float64 `json:"value_precision"`
	ValueRecall      float64 `json:"value_recall"`
	ValueF1          float64 `json:"value_f1"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Metrics computes the figures of c. Type and value accuracy are over
// relaxed matches; type and value F1 count a relaxed match only when the
// attribute is right (TempEval-3's attribute F1).
func (c Counts) Metrics() Metrics {
	m := Metrics{Gold: c.Gold, System: c.System}
	m.StrictPrecision, m.StrictRecall = ratio(c.Strict, c.System), ratio(c.Strict, c.Gold)
	m.StrictF1 = f1(m.StrictPrecision, m.StrictRecall)
	m.RelaxedPrecision, m.RelaxedRecall = ratio(c.Relaxed, c.System), ratio(c.Relaxed, c.Gold)
	m.RelaxedF1 = f1(m.RelaxedPrecision, m.RelaxedRecall)
	m.TypeAccuracy = ratio(c.TypeOK, c.Relaxed)
	m.TypeF1 = f1(ratio(c.TypeOK, c.System), ratio(c.TypeOK, c.Gold))
	m.ValueAccuracy = ratio(c.ValueOK, c.Relaxed)
	m.ValuePrecision, m.ValueRecall = ratio(c.ValueOK, c.System), ratio(c.ValueOK, c.Gold)
	m.ValueF1 = f1(m.ValuePrecision, m.ValueRecall)
	m.Precision, m.Recall, m.F1 = m.ValuePrecision, m.ValueRecall, m.ValueF1
	return m
}

// Scorer accumulates counts over documents, overall and by gold/system
// type and by group (e.g. the folder a document came from).
type Scorer struct {
	Total   Counts
	ByType  map[string]*Counts
	ByGroup map[string]*Counts
}

// Add scores one document's system spans against its gold spans and
// returns the pairs it matched. group may be empty.
func (s *Scorer) Add(group string, gold, sys []Span) []Pair {
	c, pairs := Match(gold, sys)
	s.Total.Add(c)
	if s.ByType == nil {
		s.ByType, s.ByGroup = map[string]*Counts{}, map[string]*Counts{}
	}
	if group != "" {
		if s.ByGroup[group] == nil {
			s.ByGroup[group] = &Counts{}
		}
		s.ByGroup[group].Add(c)
	}
	// By type: a match counts for its gold type (a mistyped match too),
	// a false alarm for its system type.
	get := func(t string) *Counts {
		if s.ByType[t] == nil {
			s.ByType[t] = &Counts{}
		}
		return s.ByType[t]
	}
	for _, g := range gold {
		get(g.Type).Gold++
	}
	matched := make([]bool, len(sys))
	for _, p := range pairs {
		matched[p.System] = true
	}
	for i, x := range sys {
		if !matched[i] {
			get(x.Type).System++
		}
	}
	for _, p := range pairs {
		g, x := gold[p.Gold], sys[p.System]
		t := get(g.Type)
		t.System++
		t.Relaxed++
		if g.Start == x.Start && g.End == x.End {
			t.Strict++
		}
		if g.Type == x.Type {
			t.TypeOK++
		}
		if g.Value == x.Value {
			t.ValueOK++
		}
	}
	return pairs
}

// Report is the JSON form of a Scorer's figures.
type Report struct {
	Docs int `json:"docs"`
	Metrics
	ByType  map[string]Metrics `json:"by_type"`
	ByGroup map[string]Metrics `json:"by_group,omitempty"`
}

// Report returns the figures. In by_type a match counts for its gold
// type (so type accuracy there is the share of that type recognised with
// the right type) and a false alarm for its system type.
func (s *Scorer) Report(docs int) Report {
	r := Report{Docs: docs, Metrics: s.Total.Metrics(), ByType: map[string]Metrics{}}
	for t, c := range s.ByType {
		r.ByType[t] = c.Metrics()
	}
	if len(s.ByGroup) > 1 {
		r.ByGroup = map[string]Metrics{}
		for g, c := range s.ByGroup {
			r.ByGroup[g] = c.Metrics()
		}
	}
	return r
}
