package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Config tunes an Engine. The zero value gives the defaults documented on
// each field.
type Config struct {
	// Weights of the channels in the join score; zero: DefaultWeights().
	Weights Weights
	// Threshold is the score an article needs to join a cluster that has
	// articles in its language (default 0.08).
	Threshold float64
	// CrossThreshold is the score needed to join a cluster with no article
	// in the article's language, where only language-independent channels
	// count (default 0.40).
	CrossThreshold float64
	// Window is how far apart in stream time an article and a cluster's
	// latest article may be (default 3 days; a cluster that keeps
	// getting articles stays findable).
	Window time.Duration
	// Retain is how long a cluster stays open after its latest article;
	// older clusters and their index postings are dropped (default 30 days)
	// and a late article about their event starts a new cluster.
	Retain time.Duration
	// StoryWindow is how long a story stays open after its latest cluster
	// activity (default 180 days).
	StoryWindow time.Duration
	// StoryThreshold is the similarity of central actors a new cluster
	// needs to continue a story (default 0.30).
	StoryThreshold float64
	// TopK bounds the keys a cluster centroid keeps per channel (terms and
	// grams keep twice as many); default 40.
	TopK int
	// MaxPostings bounds a posting list in one time bucket (default 64; the
	// most recent clusters are kept).
	MaxPostings int
	// MaxCandidates bounds the clusters scored per article (default 48).
	MaxCandidates int
	// Background is the prior of the rarity statistics; nil means
	// DefaultBackground() unless NoBackground is set.
	Background *Background
	// NoBackground makes the rarity statistics count the stream alone.
	NoBackground bool
}

func (c Config) withDefaults() Config {
	if c.Weights == (Weights{}) {
		c.Weights = DefaultWeights()
	}
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Threshold, 0.08)
	def(&c.CrossThreshold, 0.40)
	def(&c.StoryThreshold, 0.30)
	defd := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	defd(&c.Window, 3*24*time.Hour)
	defd(&c.Retain, 30*24*time.Hour)
	defd(&c.StoryWindow, 180*24*time.Hour)
	defi := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defi(&c.TopK, 40)
	defi(&c.MaxPostings, 64)
	defi(&c.MaxCandidates, 48)
	return c
}

// undated is the time bucket of articles without a time.
const undated = math.MinInt64

// query quotas: how many of an article's heaviest keys per channel are
// looked up in the index (grams are too unspecific to retrieve by).
var queryQuota = [NumChannels]int{ChEntities: 8, ChPlaces: 3, ChDates: 3, ChEvents: 3, ChNumbers: 3, ChGrams: 0, ChTerms: 8}

// Engine clusters a stream of articles into same-event clusters and chains
// the clusters into stories, incrementally: each Add places one article.
// Candidates come from an inverted index of cluster keys in day buckets, so
// the cost of an Add does not grow with the number of clusters. Clusters
// and stories idle longer than Config.Retain / Config.StoryWindow (in the
// articles' own time) are closed and forgotten; the caller keeps what Add
// returned. The zero Engine is ready to use with the default Config. An
// Engine is not safe for concurrent use. Given the same articles in the
// same order, it returns the same IDs.
type Engine struct {
	// Config is read on every Add; set it before the first.
	Config Config
	st     state
	bg     *Background // the Config's background, loaded on first use
	sc     scratch     // reusable buffers, not part of the state
}

// state is everything an Engine knows; Snapshot writes it with gob.
type state struct {
	// Vocab interns the feature keys and holds the rarity statistics.
	Vocab       vocab
	NextCluster int64
	NextStory   int64
	MaxDay      int64
	HasDay      bool
	Clusters    map[int64]*clusterRec
	Stories     map[int64]*storyRec
	Seen        map[int64]seen
	Buckets     map[int64]*bucket
	// StoryIndex maps entity key IDs to the stories they are central to.
	StoryIndex map[uint32][]int64
	// StoryDays lists, per day, the stories whose latest activity was on
	// that day: the only ones that can expire when the day leaves the
	// story window (so a sweep does not visit every open story).
	StoryDays map[int64][]int64
}

type seen struct{ Cluster, Story int64 }

type clusterRec struct {
	ID, Story int64
	// Raw sums the members' tf weights per channel (top keys only); Sum
	// is Raw weighted by the rarity statistics as of NAt articles, with
	// its norms. Sum is refreshed when the stream has grown by a quarter,
	// so early clusters are not stuck with the IDF of a young stream.
	Raw      [NumChannels][]iw
	Sum      [NumChannels][]iw
	Norm     [NumChannels]float64
	NAt      int
	Articles []int64
	Dups     int
	Langs    []string
	First    time.Time
	Last     time.Time
	FirstDay int64
	LastDay  int64
	// BucketDay is the day bucket that last recorded the cluster among
	// the clusters joined on its day (bucket.Joined).
	BucketDay int64
	Title     string
}

type storyRec struct {
	ID     int64
	Ents   []iw
	Events []iw
	// Terms are the story's heaviest content terms (all languages): its
	// theme within a language.
	Terms    []iw
	Clusters []int64
	Langs    []string
	First    time.Time
	Last     time.Time
	LastDay  int64
	// DayRec is the day under which StoryDays last listed the story.
	DayRec int64
	// Posted are the entity keys the story was ever indexed under.
	Posted []uint32
	Title  string
}

type bucket struct {
	Post [NumChannels]map[uint32][]int64
	// Joined lists the clusters that received an article of this day:
	// those whose expiry is checked when the bucket is dropped.
	Joined []int64
}

func dayOf(t time.Time) int64 {
	if t.IsZero() {
		return undated
	}
	return int64(math.Floor(float64(t.Unix()) / 86400))
}

func (e *Engine) init() {
	if e.st.Clusters == nil {
		e.st.Clusters = make(map[int64]*clusterRec)
		e.st.Stories = make(map[int64]*storyRec)
		e.st.Seen = make(map[int64]seen)
		e.st.Buckets = make(map[int64]*bucket)
		e.st.StoryIndex = make(map[uint32][]int64)
		e.st.StoryDays = make(map[int64][]int64)
	}
}

// Add places article id with features f: it joins the best-scoring open
// cluster above the threshold or starts a new one, and a new cluster
// continues the most similar open story or starts one. It returns the
// cluster and story IDs (both from 1). Adding an id already placed
// returns its earlier placement and changes nothing (the Engine remembers
// every placement, about 50 bytes per article, also after its cluster
// closed).
func (e *Engine) Add(id int64, f Features) (clusterID, storyID int64) {
	e.init()
	if s, ok := e.st.Seen[id]; ok {
		return s.Cluster, s.Story
	}
	cfg := e.Config.withDefaults()
	e.attachBackground(cfg)
	vec := e.internArticle(&f)
	lang := e.st.Vocab.langClass(f.Lang, false)
	day := dayOf(f.Time)
	if day != undated && (!e.st.HasDay || day > e.st.MaxDay) {
		e.st.MaxDay, e.st.HasDay = day, true
		e.sweep(cfg)
	}
	keys := e.queryKeys(&vec)
	tv := e.truncate(vec, cfg.TopK)
	cl := e.best(cfg, &tv, &f, lang, day, keys)
	if cl == nil {
		e.st.NextCluster++
		cl = &clusterRec{ID: e.st.NextCluster, Title: f.Title, First: f.Time, Last: f.Time,
			FirstDay: day, LastDay: day, BucketDay: undated}
		e.st.Clusters[cl.ID] = cl
		cl.Story = e.story(cfg, &vec, &f, lang, day)
	}
	e.join(cfg, cl, id, &vec, &f, day, keys)
	e.st.Seen[id] = seen{cl.ID, cl.Story}
	return cl.ID, cl.Story
}

// attachBackground gives the rarity statistics their prior (the state
// does not keep it: a restored engine gets it here).
func (e *Engine) attachBackground(cfg Config) {
	switch {
	case cfg.NoBackground:
		e.st.Vocab.setBackground(nil)
	case cfg.Background != nil:
		e.st.Vocab.setBackground(cfg.Background)
	default:
		if e.bg == nil {
			e.bg = DefaultBackground()
		}
		e.st.Vocab.setBackground(e.bg)
	}
}

// AddDuplicate places article id, a near-duplicate of article of, in the
// cluster of of without counting it again in the cluster's features or the
// rarity statistics. ok is false when of is not known (closed or never
// added): add id normally then.
func (e *Engine) AddDuplicate(id, of int64) (clusterID, storyID int64, ok bool) {
	e.init()
	if s, ok := e.st.Seen[id]; ok {
		return s.Cluster, s.Story, true
	}
	s, ok := e.st.Seen[of]
	if !ok {
		return 0, 0, false
	}
	if cl := e.st.Clusters[s.Cluster]; cl != nil {
		cl.Articles = append(cl.Articles, id)
		cl.Dups++
	}
	e.st.Seen[id] = s
	return s.Cluster, s.Story, true
}

type qkey struct {
	c  Channel
	id uint32
	w  float64
}

// queryKeys picks the article's heaviest keys per channel, skipping keys
// so common that their postings say nothing.
func (e *Engine) queryKeys(vec *[NumChannels]ivec) []qkey {
	out := e.sc.keys[:0]
	v := &e.st.Vocab
	n := v.N
	for c := range NumChannels {
		q := queryQuota[c]
		if q == 0 || len(vec[c].ws) == 0 {
			continue
		}
		ws := append(e.sc.tmp[:0], vec[c].ws...)
		slices.SortFunc(ws, byWeight)
		e.sc.tmp = ws
		for _, w := range ws {
			if q == 0 {
				break
			}
			if n >= 50 && float64(v.DF[c][w.K]) > 0.05*float64(n) {
				continue
			}
			out = append(out, qkey{Channel(c), w.K, w.W})
			q--
		}
	}
	e.sc.keys = out
	return out
}

// truncate keeps, per channel, the keys a centroid could hold (TopK, twice
// that for terms and grams), heaviest first, keeping the full norm: the
// cosine with a centroid changes little (light keys rarely reach a
// centroid), and the scoring cost stays bounded for long articles.
func (e *Engine) truncate(vec [NumChannels]ivec, k int) [NumChannels]ivec {
	for c := range NumChannels {
		kk := k
		if Channel(c) == ChTerms || Channel(c) == ChGrams {
			kk *= 2
		}
		if len(vec[c].ws) > kk {
			ws := append(e.sc.trunc[c][:0], vec[c].ws...)
			slices.SortFunc(ws, byWeight)
			ws = ws[:kk]
			slices.SortFunc(ws, byID)
			e.sc.trunc[c] = ws
			vec[c] = ivec{ws, vec[c].norm}
		}
	}
	return vec
}

// best returns the open cluster the article should join, or nil.
func (e *Engine) best(cfg Config, vec *[NumChannels]ivec, f *Features, lang uint16, day int64, keys []qkey) *clusterRec {
	if e.sc.acc == nil {
		e.sc.acc = make(map[int64]float64)
	}
	acc := e.sc.acc
	clear(acc)
	look := func(b *bucket) {
		if b == nil {
			return
		}
		for _, k := range keys {
			for _, id := range b.Post[k.c][k.id] {
				acc[id] += k.w
			}
		}
	}
	look(e.st.Buckets[undated])
	win := int64(cfg.Window / (24 * time.Hour))
	if day != undated {
		for d := day - win; d <= day+win; d++ {
			look(e.st.Buckets[d])
		}
	}
	cands := e.sc.cands[:0]
	for id, a := range acc {
		cands = append(cands, cand{id, a})
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if x.a != y.a {
			if x.a > y.a {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.id, y.id)
	})
	e.sc.cands = cands
	if len(cands) > cfg.MaxCandidates {
		cands = cands[:cfg.MaxCandidates]
	}
	var best *clusterRec
	bestScore := 0.0
	for _, c := range cands {
		cl := e.st.Clusters[c.id]
		if cl == nil {
			continue
		}
		if day != undated && cl.LastDay != undated && (day > cl.LastDay+win || day < cl.FirstDay-win) {
			continue
		}
		if 4*e.st.Vocab.N > 5*cl.NAt {
			e.reweigh(cl)
		}
		same := slices.Contains(cl.Langs, f.Lang)
		var cv [NumChannels]ivec
		for ch := range NumChannels {
			cv[ch] = ivec{cl.Sum[ch], cl.Norm[ch]}
		}
		sim := icompare(vec, &cv, lang, same)
		sim.Untimed = (day == undated || cl.First.IsZero()) && !sim.SharedDay
		sc := cfg.Weights.Score(sim)
		thr := cfg.Threshold
		if !same {
			thr = cfg.CrossThreshold
		}
		if sc < thr {
			continue
		}
		if best == nil || sc > bestScore || (sc == bestScore && cl.ID < best.ID) {
			best, bestScore = cl, sc
		}
	}
	return best
}

// join adds the article to the cluster: centroid, metadata, postings.
func (e *Engine) join(cfg Config, cl *clusterRec, id int64, vec *[NumChannels]ivec, f *Features, day int64, keys []qkey) {
	cl.Articles = append(cl.Articles, id)
	if f.Lang != "" && !slices.Contains(cl.Langs, f.Lang) {
		cl.Langs = append(cl.Langs, f.Lang)
		slices.Sort(cl.Langs)
	}
	if !f.Time.IsZero() {
		if cl.First.IsZero() || f.Time.Before(cl.First) {
			cl.First, cl.FirstDay = f.Time, day
		}
		if cl.Last.IsZero() || f.Time.After(cl.Last) {
			cl.Last, cl.LastDay = f.Time, day
		}
	}
	for c := range NumChannels {
		k := cfg.TopK
		if Channel(c) == ChTerms || Channel(c) == ChGrams {
			k *= 2
		}
		e.mergeCentroid(Channel(c), cl, vec[c].ws, k)
	}
	cl.NAt = e.st.Vocab.N
	b := e.st.Buckets[day]
	if b == nil {
		b = &bucket{}
		e.st.Buckets[day] = b
	}
	if day != undated && cl.BucketDay != day {
		b.Joined = append(b.Joined, cl.ID)
		cl.BucketDay = day
	}
	for _, k := range keys {
		if b.Post[k.c] == nil {
			b.Post[k.c] = make(map[uint32][]int64)
		}
		l := b.Post[k.c][k.id]
		if n := len(l); n > 0 && slices.Contains(l[max(0, n-8):], cl.ID) {
			continue
		}
		l = append(l, cl.ID)
		if len(l) > cfg.MaxPostings {
			l = append(l[:0:0], l[len(l)-cfg.MaxPostings/2:]...)
		}
		b.Post[k.c][k.id] = l
	}
	if s := e.st.Stories[cl.Story]; s != nil {
		s.Ents = e.mergeTop(s.Ents, vec[ChEntities].ws, cfg.TopK)
		s.Events = e.mergeTop(s.Events, vec[ChEvents].ws, cfg.TopK)
		s.Terms = e.mergeTop(s.Terms, vec[ChTerms].ws, 2*cfg.TopK)
		if f.Lang != "" && !slices.Contains(s.Langs, f.Lang) {
			s.Langs = append(s.Langs, f.Lang)
			slices.Sort(s.Langs)
		}
		if !f.Time.IsZero() {
			if s.First.IsZero() || f.Time.Before(s.First) {
				s.First = f.Time
			}
			if s.Last.IsZero() || f.Time.After(s.Last) {
				s.Last, s.LastDay = f.Time, day
				e.recordStoryDay(s)
			}
		}
		e.indexStory(s)
	}
}

// recordStoryDay lists the story under its latest day in StoryDays.
func (e *Engine) recordStoryDay(s *storyRec) {
	if s.LastDay != undated && s.DayRec != s.LastDay {
		e.st.StoryDays[s.LastDay] = append(e.st.StoryDays[s.LastDay], s.ID)
		s.DayRec = s.LastDay
	}
}

// reweigh recomputes a cluster's weighted centroid from its raw sums.
func (e *Engine) reweigh(cl *clusterRec) {
	v := &e.st.Vocab
	for c := range NumChannels {
		raw := cl.Raw[c]
		sum := cl.Sum[c][:0]
		var n float64
		for _, w := range raw {
			x := w.W * v.idf(Channel(c), w.K)
			sum = append(sum, iw{w.K, w.C, x})
			n += x * x
		}
		cl.Sum[c] = sum
		cl.Norm[c] = math.Sqrt(n)
	}
	cl.NAt = v.N
}

// mergeCentroid adds the article's tf weights (the tf part of its vector
// b) to the cluster's raw sum in channel c, keeps the k keys heaviest by
// tf-idf (ID-sorted) and recomputes the channel's weighted centroid.
func (e *Engine) mergeCentroid(c Channel, cl *clusterRec, b []iw, k int) {
	v := &e.st.Vocab
	a := cl.Raw[c]
	out := e.sc.merge[:0]
	idf := e.sc.idf[:0]
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].K < b[j].K):
			out = append(out, a[i])
			idf = append(idf, v.idf(c, a[i].K))
			i++
		case i == len(a) || b[j].K < a[i].K:
			x := v.idf(c, b[j].K)
			out = append(out, iw{b[j].K, b[j].C, b[j].W / x})
			idf = append(idf, x)
			j++
		default:
			x := v.idf(c, b[j].K)
			out = append(out, iw{a[i].K, a[i].C, a[i].W + b[j].W/x})
			idf = append(idf, x)
			i++
			j++
		}
	}
	if len(out) > k {
		// Keep the k heaviest by tf-idf (ties: lower ID), in ID order.
		ord := e.sc.order[:0]
		for x := range out {
			ord = append(ord, x)
		}
		slices.SortFunc(ord, func(x, y int) int {
			wx, wy := out[x].W*idf[x], out[y].W*idf[y]
			if wx != wy {
				if wx > wy {
					return -1
				}
				return 1
			}
			return cmp.Compare(out[x].K, out[y].K)
		})
		ord = ord[:k]
		slices.Sort(ord)
		for n, x := range ord {
			out[n], idf[n] = out[x], idf[x]
		}
		out, idf = out[:k], idf[:k]
		e.sc.order = ord
	}
	cl.Raw[c] = append(cl.Raw[c][:0], out...)
	sum := cl.Sum[c][:0]
	var n float64
	for x, w := range out {
		y := w.W * idf[x]
		sum = append(sum, iw{w.K, w.C, y})
		n += y * y
	}
	cl.Sum[c] = sum
	cl.Norm[c] = math.Sqrt(n)
	e.sc.merge, e.sc.idf = out, idf
}

// mergeTop adds b to the ID-sorted sum a and keeps the k heaviest keys
// (ID-sorted). The result reuses a's storage.
func (e *Engine) mergeTop(a, b []iw, k int) []iw {
	out := e.sc.merge[:0]
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].K < b[j].K):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].K < a[i].K:
			out = append(out, b[j])
			j++
		default:
			out = append(out, iw{a[i].K, a[i].C, a[i].W + b[j].W})
			i++
			j++
		}
	}
	if len(out) > k {
		slices.SortFunc(out, byWeight)
		out = out[:k]
		slices.SortFunc(out, byID)
	}
	e.sc.merge = out
	return append(a[:0], out...)
}

// central returns the n heaviest keys of a vector, heaviest first (ties:
// lower ID), in buf's storage (no allocation when cap(buf) >= n).
func central(buf, ws []iw, n int) []iw {
	c := buf[:0]
	for _, w := range ws {
		if len(c) == n && byWeight(w, c[n-1]) >= 0 {
			continue
		}
		if len(c) < n {
			c = append(c, w)
		} else {
			c[n-1] = w
		}
		for i := len(c) - 1; i > 0 && byWeight(c[i], c[i-1]) < 0; i-- {
			c[i], c[i-1] = c[i-1], c[i]
		}
	}
	return c
}

const (
	storyCentral = 6 // central actors compared between a cluster and a story
	storyShared  = 2 // of which at least this many must be shared
)

// story returns the story a new cluster continues, starting one if none.
// Candidates are the stories indexed under the article's central entity
// keys (keys in more than 1% of articles are skipped), most shared first,
// at most maxStoryCandidates.
func (e *Engine) story(cfg Config, vec *[NumChannels]ivec, f *Features, lang uint16, day int64) int64 {
	generic := make([]uint32, 0, len(f.Generic))
	for _, k := range f.Generic {
		id, _ := e.st.Vocab.id(ChEntities, k)
		generic = append(generic, id)
	}
	shared := make(map[int64]int)
	var cbuf [storyCentral]iw
	for _, w := range central(cbuf[:0], vec[ChEntities].ws, storyCentral) {
		if e.tooCommon(ChEntities, w.K, 0.01) {
			continue
		}
		for _, id := range e.st.StoryIndex[w.K] {
			shared[id]++
		}
	}
	cands := make([]int64, 0, len(shared))
	for id := range shared {
		cands = append(cands, id)
	}
	slices.SortFunc(cands, func(x, y int64) int {
		if shared[x] != shared[y] {
			return cmp.Compare(shared[y], shared[x])
		}
		return cmp.Compare(y, x)
	})
	if len(cands) > maxStoryCandidates {
		cands = cands[:maxStoryCandidates]
	}
	win := int64(cfg.StoryWindow / (24 * time.Hour))
	var best *storyRec
	bestScore := 0.0
	for _, id := range cands {
		s := e.st.Stories[id]
		if s == nil {
			continue
		}
		if day != undated && s.LastDay != undated && day-s.LastDay > win {
			continue
		}
		sc := storyScore(vec, s, generic, lang)
		if sc >= cfg.StoryThreshold && (best == nil || sc > bestScore || (sc == bestScore && s.ID < best.ID)) {
			best, bestScore = s, sc
		}
	}
	if best != nil {
		return best.ID
	}
	e.st.NextStory++
	s := &storyRec{ID: e.st.NextStory, Title: f.Title, First: f.Time, Last: f.Time, LastDay: day, DayRec: undated}
	e.st.Stories[s.ID] = s
	e.recordStoryDay(s)
	return s.ID
}

const (
	maxStoryCandidates = 32 // stories scored per new cluster
	maxStoryPostings   = 64 // stories kept per index key (most recent)
)

// tooCommon reports whether a key occurs in more than share of the
// articles (once the stream has 1,000 articles).
func (e *Engine) tooCommon(c Channel, id uint32, share float64) bool {
	n := e.st.Vocab.N
	return n >= 1000 && float64(e.st.Vocab.DF[c][id]) > share*float64(n)
}

// storyScore compares a new cluster's first article with a story. The
// two must share central actors: at least storyShared of the heaviest
// entity keys, one of them not a generic actor (a country, its capital or
// government: Features.Generic), so that a shared government does not
// chain unrelated news of one country. They must share a theme or a
// relation: an event key (event type and dyad, or the dyad), or content
// terms in the article's language (cosine at least storyTermMin). Their
// main dyads must not conflict. Then the cosine of the entity vectors
// (with event keys when both have them) decides.
func storyScore(vec *[NumChannels]ivec, s *storyRec, generic []uint32, lang uint16) float64 {
	var abuf, bbuf [storyCentral]iw
	a := central(abuf[:0], vec[ChEntities].ws, storyCentral)
	b := central(bbuf[:0], s.Ents, storyCentral)
	shared, specific := 0, 0
	for _, x := range a {
		for _, y := range b {
			if x.K == y.K {
				shared++
				if !slices.Contains(generic, x.K) {
					specific++
				}
			}
		}
	}
	if shared < storyShared || specific == 0 {
		return 0
	}
	if iclassConflict(vec[ChEvents].ws, s.Events, classMain) {
		return 0 // the story is about another pair of countries
	}
	if !storyTheme(vec, s, lang) {
		return 0
	}
	sc := icosine(vec[ChEntities], ivec{s.Ents, l2(s.Ents)})
	if len(s.Events) > 0 && len(vec[ChEvents].ws) > 0 {
		sc = 0.8*sc + 0.2*icosine(vec[ChEvents], ivec{s.Events, l2(s.Events)})
	}
	return sc
}

// storyTermMin is the cosine of content terms (within the article's
// language) that counts as a shared theme between an article and a story.
const storyTermMin = 0.05

// storyTheme reports whether an article and a story share a theme or a
// relation: an event key, or content terms in the article's language.
func storyTheme(vec *[NumChannels]ivec, s *storyRec, lang uint16) bool {
	if _, n := idot(vec[ChEvents].ws, s.Events); n > 0 {
		return true
	}
	tv := vec[ChTerms]
	if tv.norm == 0 || lang == 0 {
		return false
	}
	n := classNorm(s.Terms, lang)
	if n == 0 {
		return false
	}
	d, _ := idot(tv.ws, s.Terms)
	return d/(tv.norm*n) >= storyTermMin
}

func l2(ws []iw) float64 {
	var n float64
	for _, w := range ws {
		n += w.W * w.W
	}
	return math.Sqrt(n)
}

// indexStory posts a story under its central entity keys.
func (e *Engine) indexStory(s *storyRec) {
	var cbuf [storyCentral]iw
	for _, w := range central(cbuf[:0], s.Ents, storyCentral) {
		l := e.st.StoryIndex[w.K]
		if n := len(l); n > 0 && slices.Contains(l[max(0, n-8):], s.ID) {
			continue
		}
		l = append(l, s.ID)
		if len(l) > maxStoryPostings {
			l = append(l[:0:0], l[len(l)-maxStoryPostings/2:]...)
		}
		e.st.StoryIndex[w.K] = l
		if !slices.Contains(s.Posted, w.K) {
			s.Posted = append(s.Posted, w.K)
		}
	}
}

// sweep drops the buckets, clusters and stories that fell out of the
// retention windows as the stream time advanced to MaxDay. It visits the
// buckets (one per day of the retention window) and, in the buckets and
// story days it drops, the clusters and stories that were active on those
// days: its cost is that of what expires, not of what stays open.
func (e *Engine) sweep(cfg Config) {
	cut := e.st.MaxDay - int64(cfg.Retain/(24*time.Hour))
	for d, b := range e.st.Buckets {
		if d == undated || d >= cut {
			continue
		}
		for _, id := range b.Joined {
			if cl := e.st.Clusters[id]; cl != nil && cl.LastDay != undated && cl.LastDay < cut {
				delete(e.st.Clusters, id)
			}
		}
		delete(e.st.Buckets, d)
	}
	scut := e.st.MaxDay - int64(cfg.StoryWindow/(24*time.Hour))
	for d, ids := range e.st.StoryDays {
		if d >= scut {
			continue
		}
		for _, id := range ids {
			if s := e.st.Stories[id]; s != nil && s.LastDay != undated && s.LastDay < scut {
				e.dropStory(s)
			}
		}
		delete(e.st.StoryDays, d)
	}
}

// dropStory forgets a story and removes it from the story index.
func (e *Engine) dropStory(s *storyRec) {
	delete(e.st.Stories, s.ID)
	for _, k := range s.Posted {
		l := slices.DeleteFunc(e.st.StoryIndex[k], func(id int64) bool { return id == s.ID })
		if len(l) == 0 {
			delete(e.st.StoryIndex, k)
		} else {
			e.st.StoryIndex[k] = l
		}
	}
}
