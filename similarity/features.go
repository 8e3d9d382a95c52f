package similarity

import (
	"math"

	"dateline/cluster"
)

// flagLangs are the languages whose presence in a pair is a feature: the
// model calibrates the lexical channels per language (Arabic has no name
// capitalisation, Han text no word boundaries).
var flagLangs = []string{"en", "de", "es", "fr", "it", "pl", "ru", "tr", "ar", "zh"}

// FeatureNames names the columns of Features, in order.
var FeatureNames = func() []string {
	n := []string{
		"same_lang",
		"terms_cos", "title_terms_cos", "lead_terms_cos", "terms_wjacc",
		"words_cos", "words_wjacc", "char4_cos", "bigram_cos", "title_lead_cos",
		"title_words_cos", "title_char4_cos", "title_words_lead_cos",
		"ent_cos", "ent_wjacc", "ent_shared", "title_ent_shared", "ent_min",
		"gaz_cos", "gaz_shared", "title_gaz_shared", "gaz_min",
		"concept_cos", "lead_concept_cos", "concept_wjacc",
		"name_cos", "name_wjacc", "title_name_cos", "name_gram_cos", "name_min",
		"num_cos", "num_shared", "year_jacc", "day_shared", "day_jacc",
		"cl_entities", "cl_places", "cl_dates", "cl_events", "cl_numbers", "cl_grams", "cl_terms",
		"cl_title_terms", "cl_title_grams", "cl_date_conflict", "cl_engine",
		"log_min_tokens", "log_max_tokens", "len_ratio",
	}
	for _, l := range flagLangs {
		n = append(n, "lang_"+l)
	}
	return n
}()

// Features returns the pair features of two documents under the corpus
// statistics c (nil or empty: every key weighs the same), in the order of
// FeatureNames. It is symmetric up to the clusterer's channels.
func Features(c *Corpus, a, b *Doc) []float64 {
	if c == nil {
		c = &Corpus{}
	}
	same := a.Lang != "" && a.Lang == b.Lang
	b2f := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	var termsCos, titleCos, leadCos, termsJ, bigramCos, titleLead float64
	if same {
		bigramCos = cosine(c, pBigram, a.Bigrams, b.Bigrams)
		titleLead = math.Max(cosine(c, pTerm, a.TitleTerms, b.LeadTerms), cosine(c, pTerm, a.LeadTerms, b.TitleTerms))
		termsCos = cosine(c, pTerm, a.Terms, b.Terms)
		titleCos = cosine(c, pTerm, a.TitleTerms, b.TitleTerms)
		leadCos = cosine(c, pTerm, a.LeadTerms, b.LeadTerms)
		termsJ = wjacc(c, pTerm, a.Terms, b.Terms)
	}
	s := c.Cluster.Compare(&a.Cluster, &b.Cluster)
	t := c.Cluster.Compare(&a.TitleCluster, &b.TitleCluster)
	ntok := func(d *Doc) float64 { return math.Log1p(float64(d.Tokens)) }
	minT, maxT := math.Min(ntok(a), ntok(b)), math.Max(ntok(a), ntok(b))
	ratio := 0.0
	if maxT > 0 {
		ratio = minT / maxT
	}
	x := []float64{
		b2f(same),
		termsCos, titleCos, leadCos, termsJ,
		cosine(c, pWord, a.Words, b.Words), wjacc(c, pWord, a.Words, b.Words), cosine(c, pChar, a.Char4, b.Char4),
		bigramCos, titleLead,
		cosine(c, pWord, a.TitleWords, b.TitleWords), cosine(c, pChar, a.TitleChar4, b.TitleChar4),
		math.Max(cosine(c, pWord, a.TitleWords, b.Words), cosine(c, pWord, a.Words, b.TitleWords)),
		cosine(c, pEnt, a.Entities, b.Entities), wjacc(c, pEnt, a.Entities, b.Entities),
		math.Log1p(shared(a.Entities, b.Entities)), math.Log1p(shared(a.TitleEntities, b.TitleEntities)),
		math.Log1p(math.Min(float64(len(a.Entities)), float64(len(b.Entities)))),
		cosine(c, pPlace, a.Places, b.Places), math.Log1p(shared(a.Places, b.Places)),
		math.Log1p(shared(a.TitlePlaces, b.TitlePlaces)),
		math.Log1p(math.Min(float64(len(a.Places)), float64(len(b.Places)))),
		cosine(c, pConc, a.Concepts, b.Concepts), cosine(c, pConc, a.LeadConcepts, b.LeadConcepts),
		wjacc(c, pConc, a.Concepts, b.Concepts),
		cosine(c, pName, a.Names, b.Names), wjacc(c, pName, a.Names, b.Names),
		cosine(c, pName, a.TitleNames, b.TitleNames), cosine(c, pGram, a.NameGrams, b.NameGrams),
		math.Log1p(math.Min(float64(len(a.Names)), float64(len(b.Names)))),
		cosine(c, pNumber, a.Numbers, b.Numbers), math.Log1p(shared(a.Numbers, b.Numbers)),
		jacc(a.Years, b.Years), math.Log1p(shared(a.Days, b.Days)), jacc(a.Days, b.Days),
		s.Cos[cluster.ChEntities], s.Cos[cluster.ChPlaces], s.Cos[cluster.ChDates], s.Cos[cluster.ChEvents],
		s.Cos[cluster.ChNumbers], s.Cos[cluster.ChGrams], s.Cos[cluster.ChTerms],
		t.Cos[cluster.ChTerms], t.Cos[cluster.ChGrams], b2f(s.DateConflict), cluster.DefaultWeights().Score(s),
		minT, maxT, ratio,
	}
	for _, l := range flagLangs {
		x = append(x, b2f(a.Lang == l || b.Lang == l))
	}
	// Sums over maps run in random order: round away the last bits so
	// that the same pair always gets the same features (and a trained
	// model the same splits).
	for i, v := range x {
		x[i] = math.Round(v*1e6) / 1e6
	}
	return x
}

// weight is the tf-idf weight of a key with count n.
func weight(c *Corpus, p, k string, n float64) float64 {
	return (1 + math.Log(n)) * c.idf(p+k)
}

// cosine is the tf-idf cosine of two bags.
func cosine(c *Corpus, p string, a, b map[string]float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	var d, na, nb float64
	for k, x := range a {
		w := weight(c, p, k, x)
		na += w * w
		if y, ok := b[k]; ok {
			d += w * weight(c, p, k, y)
		}
	}
	for k, y := range b {
		w := weight(c, p, k, y)
		nb += w * w
	}
	if d == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}

// wjacc is the idf-weighted Jaccard overlap of two bags' key sets.
func wjacc(c *Corpus, p string, a, b map[string]float64) float64 {
	var in, un float64
	for k := range a {
		w := c.idf(p + k)
		un += w
		if _, ok := b[k]; ok {
			in += w
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			un += c.idf(p + k)
		}
	}
	if un == 0 {
		return 0
	}
	return in / un
}

// jacc is the Jaccard overlap of two bags' key sets.
func jacc(a, b map[string]float64) float64 {
	n := shared(a, b)
	u := float64(len(a)+len(b)) - n
	if u == 0 {
		return 0
	}
	return n / u
}

// shared counts the keys two bags share.
func shared(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var n float64
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return n
}
