package cluster_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"dateline/cluster"
	"dateline/eval/clustereval"
	"dateline/model"
)

// sharedData finds ../shared/data beside the module root.
func sharedData(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Skip("module root not found")
		}
		dir = up
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("shared data not available: %v", err)
	}
	return d
}

// featurePool extracts Features once from real texts: the ECB+ documents
// (English) and both sides of the SemEval-2022 task 8 pairs (ten
// languages), annotated by the fallback annotator.
func featurePool(tb testing.TB) []cluster.Features {
	d := sharedData(tb)
	ctx := context.Background()
	var pool []cluster.Features
	add := func(a *model.Article) {
		if err := clustereval.Fallback(ctx, a); err != nil {
			tb.Fatal(err)
		}
		pool = append(pool, cluster.Extract(a))
	}
	docs, err := clustereval.ReadECB(filepath.Join(d, "cluster-ecbplus"))
	if err != nil {
		tb.Skipf("ECB+: %v", err)
	}
	for _, doc := range docs {
		add(clustereval.ArticleOf(doc))
	}
	b, err := os.ReadFile(filepath.Join(d, "sim-semeval2022t8", "training_set.csv"))
	if err != nil {
		tb.Skipf("SemEval: %v", err)
	}
	pairs, err := clustereval.ReadPairs(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, p := range pairs {
		for _, x := range [][2]string{{p.Text1, p.Lang1}, {p.Text2, p.Lang2}} {
			if seen[x[0]] {
				continue
			}
			seen[x[0]] = true
			t, body := clustereval.SplitTitle(x[0])
			add(&model.Article{Lang: x[1], Title: t, Body: body})
		}
	}
	return pool
}

// stream generates a steady, realistic article stream from the pool of
// real texts: perDay articles per simulated day, spread evenly over the
// day, whatever the stream's length (so old time buckets and clusters
// expire and a long stream is a long run of the same kind of days). 40 %
// of the articles start a new event (a pool text picked at random, with
// its own entity ID, number and day); 60 % report one of the 400 most
// recent events (about five days of events): the event's text with a
// fifth of its entities, terms, numbers and dates dropped at random, plus
// the event's own entity, number and day.
type stream struct {
	pool   []cluster.Features
	rng    *rand.Rand
	events []event
	next   int
	start  time.Time
}

type event struct {
	base int
	id   int
	day  time.Time
}

// perDay is the stream's rate. It is chosen so that the shortest stream
// (10k articles, 50 days) is past the warm-up: the engine's state fills
// up during the first Retain+Window (33) days plus the life of an event
// (about five days), after which clusters, buckets and posting lists stay
// the same size and only the placement map and the vocabulary grow.
const perDay = 200

// tail is the number of last articles over which the time at a stream
// size is measured (10 simulated days).
const tail = 2000

func newStream(pool []cluster.Features) *stream {
	return &stream{pool: pool, rng: rand.New(rand.NewPCG(1, 2)), start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (s *stream) article(i int) cluster.Features {
	now := s.start.Add(time.Duration(float64(i) / perDay * float64(24*time.Hour)))
	var ev event
	if len(s.events) > 0 && s.rng.Float64() < 0.6 {
		k := len(s.events) - 1 - s.rng.IntN(min(400, len(s.events)))
		ev = s.events[k]
	} else {
		s.next++
		ev = event{base: s.rng.IntN(len(s.pool)), id: s.next, day: now}
		s.events = append(s.events, ev)
		if len(s.events) > 4000 {
			s.events = append(s.events[:0], s.events[len(s.events)-400:]...)
		}
	}
	b := s.pool[ev.base]
	f := cluster.Features{Lang: b.Lang, Time: now, Title: b.Title, Places: b.Places, Events: b.Events, Grams: b.Grams}
	keep := func(ws []cluster.Weighted) []cluster.Weighted {
		out := make([]cluster.Weighted, 0, len(ws))
		for _, w := range ws {
			if s.rng.IntN(5) != 0 {
				out = append(out, w)
			}
		}
		return out
	}
	f.Terms = keep(b.Terms)
	f.Entities = insert(keep(b.Entities), cluster.Weighted{Key: fmt.Sprintf("Q%d", ev.id), W: 3})
	f.Numbers = insert(keep(b.Numbers), cluster.Weighted{Key: fmt.Sprint(1000 + ev.id), W: 1})
	f.Dates = insert(keep(b.Dates), cluster.Weighted{Key: ev.day.Format("2006-01-02"), W: 2})
	return f
}

// cpuTime is the process's user and system CPU time: on a shared machine
// it is a steadier measure than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// insert adds w to a key-sorted slice.
func insert(ws []cluster.Weighted, w cluster.Weighted) []cluster.Weighted {
	i := 0
	for i < len(ws) && ws[i].Key < w.Key {
		i++
	}
	if i < len(ws) && ws[i].Key == w.Key {
		ws[i].W += w.W
		return ws
	}
	ws = append(ws, cluster.Weighted{})
	copy(ws[i+1:], ws[i:])
	ws[i] = w
	return ws
}

// BenchmarkEngineAdd times Engine.Add over generated streams (see stream)
// of 10k, 100k and, with DATELINE_BENCH_1M=1 in the environment, 1M
// articles; features are generated in chunks outside the timer. The time
// at a stream size N is the mean process CPU time (user+sys, garbage
// collection included; steadier than wall time on a shared machine) per
// article over the stream's last tail (2,000) articles, reported as
// cpu-ns/article-tail; the wall time of the same articles, the means over
// the whole stream, the open clusters and the live heap at the end are
// reported beside it.
func BenchmarkEngineAdd(b *testing.B) {
	pool := featurePool(b)
	sizes := []int{10_000, 100_000}
	if os.Getenv("DATELINE_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var total, last, cpuTotal, cpuLast time.Duration
			var clusters int
			var heap uint64
			for range b.N {
				s := newStream(pool)
				var e cluster.Engine
				total, last, cpuTotal, cpuLast = 0, 0, 0, 0
				buf := make([]cluster.Features, tail)
				for off := 0; off < n; off += tail {
					b.StopTimer()
					for j := range buf {
						buf[j] = s.article(off + j)
					}
					b.StartTimer()
					t0, c0 := time.Now(), cpuTime()
					for j := range buf {
						e.Add(int64(off+j+1), buf[j])
					}
					d, c := time.Since(t0), cpuTime()-c0
					total += d
					cpuTotal += c
					if off+tail >= n {
						last, cpuLast = d, c
					}
				}
				clusters, _ = e.Len()
				b.StopTimer()
				clear(buf)
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = ms.HeapAlloc
				runtime.KeepAlive(&e)
				b.StartTimer()
			}
			b.ReportMetric(float64(cpuLast.Nanoseconds())/tail, "cpu-ns/article-tail")
			b.ReportMetric(float64(last.Nanoseconds())/tail, "ns/article-tail")
			b.ReportMetric(float64(cpuTotal.Nanoseconds())/float64(n), "cpu-ns/article")
			b.ReportMetric(float64(total.Nanoseconds())/float64(n), "ns/article")
			b.ReportMetric(float64(clusters), "open-clusters")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
		})
	}
}

// BenchmarkExtract times feature extraction of one article.
func BenchmarkExtract(b *testing.B) {
	a := &model.Article{Lang: "en", Title: "Belarus strongman Alexander Lukashenko to visit China",
		Lead: "Lukashenko will visit China from February 28 to March 2.",
		Body: "At the invitation of Chinese President Xi Jinping, President of Belarus Alexander Lukashenko will pay a state visit to China from February 28 to March 2, spokesperson Hua Chunying said."}
	if err := clustereval.Fallback(context.Background(), a); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cluster.Extract(a)
	}
}

// BenchmarkDedupAdd times near-duplicate lookup and insertion.
func BenchmarkDedupAdd(b *testing.B) {
	var d cluster.Dedup
	text := "BEIJING (Reuters) - Belarusian President Alexander Lukashenko will pay a state visit to China from February 28 to March 2 at the invitation of Chinese President Xi Jinping, the foreign ministry said."
	i := int64(0)
	for b.Loop() {
		i++
		d.Add(i, fmt.Sprint(i, " ", text))
	}
}
