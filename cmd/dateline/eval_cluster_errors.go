package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"dateline/eval/clustereval"
	"dateline/model"
)

// ecbArticles returns the ECB+ documents annotated by the pipeline (or
// the fallback). With a cache path the annotations are read from that
// file when it exists and written to it otherwise, so that repeated
// evaluations of the clusterer skip the annotating stages.
func ecbArticles(ctx context.Context, a *app, docs []clustereval.ECBDoc, fallback bool, cache string) ([]*model.Article, error) {
	if cache != "" {
		b, err := os.ReadFile(cache)
		switch {
		case err == nil:
			var arts []*model.Article
			if err := json.Unmarshal(b, &arts); err != nil {
				return nil, fmt.Errorf("read annotations %s: %w", cache, err)
			}
			if len(arts) != len(docs) {
				return nil, fmt.Errorf("annotations %s: %d articles for %d documents", cache, len(arts), len(docs))
			}
			return arts, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("read annotations: %w", err)
		}
	}
	ann, done, err := clusterAnnotator(ctx, a, fallback)
	if err != nil {
		return nil, err
	}
	defer done()
	arts, err := clustereval.AnnotateECB(ctx, docs, ann)
	if err != nil {
		return nil, err
	}
	if cache != "" {
		b, err := json.Marshal(arts)
		if err != nil {
			return nil, fmt.Errorf("write annotations: %w", err)
		}
		if err := os.WriteFile(cache, b, 0o644); err != nil {
			return nil, fmt.Errorf("write annotations: %w", err)
		}
	}
	return arts, nil
}

// writeECBErrors lists, for error analysis, every predicted cluster that
// mixes gold sub-topics and every gold sub-topic split over clusters, with
// the documents' titles.
func writeECBErrors(w io.Writer, docs []clustereval.ECBDoc, pl []clustereval.ECBPlacement) {
	byCl := make(map[int][]int)
	bySub := make(map[int][]int)
	for i, d := range docs {
		byCl[pl[i].Cluster] = append(byCl[pl[i].Cluster], i)
		bySub[d.SubTopic()] = append(bySub[d.SubTopic()], i)
	}
	label := func(i int) string {
		h := "ecb"
		if docs[i].Plus {
			h = "plus"
		}
		return fmt.Sprintf("%d%s", docs[i].Topic, h)
	}
	title := func(i int) string {
		t := docs[i].Title
		if len(t) > 90 {
			t = t[:90]
		}
		return t
	}
	cls := slices.Sorted(maps.Keys(byCl))
	fmt.Fprintln(w, "mixed clusters:")
	for _, c := range cls {
		counts := make(map[string]int)
		for _, i := range byCl[c] {
			counts[label(i)]++
		}
		if len(counts) < 2 {
			continue
		}
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(counts)) {
			parts = append(parts, fmt.Sprintf("%s:%d", k, counts[k]))
		}
		fmt.Fprintf(w, "  cluster %d (story %d): %s\n", c, pl[byCl[c][0]].Story, strings.Join(parts, " "))
	}
	fmt.Fprintln(w, "split sub-topics:")
	subs := slices.Sorted(maps.Keys(bySub))
	for _, s := range subs {
		counts := make(map[int]int)
		for _, i := range bySub[s] {
			counts[pl[i].Cluster]++
		}
		if len(counts) < 2 {
			continue
		}
		var parts []string
		for _, c := range slices.Sorted(maps.Keys(counts)) {
			parts = append(parts, fmt.Sprintf("c%d:%d", c, counts[c]))
		}
		fmt.Fprintf(w, "  %s (%d docs): %s\n", label(bySub[s][0]), len(bySub[s]), strings.Join(parts, " "))
		for _, c := range slices.Sorted(maps.Keys(counts)) {
			for _, i := range bySub[s] {
				if pl[i].Cluster == c && counts[c] <= 2 {
					fmt.Fprintf(w, "      c%d %s\n", c, title(i))
				}
			}
		}
	}
	fmt.Fprintln(w)
}
