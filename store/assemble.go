package store

import (
	"slices"
	"sort"
	"strings"

	"dateline/model"
)

// EventKey is the merge key drivers index events by: the PLOVER type and
// the two countries (the same as event.Key, which drivers do not import).
func EventKey(e model.Event) string {
	return strings.ToUpper(e.Type) + "|" + e.Source.Country + "|" + e.Target.Country
}

// AddToCluster appends an article to a cluster read from a driver and
// widens the cluster's languages and time span to cover it.
func AddToCluster(c *model.Cluster, r model.ArticleRef) {
	c.Articles = append(c.Articles, r)
	if r.Lang != "" && !slices.Contains(c.Langs, r.Lang) {
		c.Langs = append(c.Langs, r.Lang)
		sort.Strings(c.Langs)
	}
	if r.Published.IsZero() {
		return
	}
	if c.First.IsZero() || r.Published.Before(c.First.Time) {
		c.First = r.Published
	}
	if c.Last.IsZero() || r.Published.After(c.Last.Time) {
		c.Last = r.Published
	}
}

// StoryFrom builds a story from its clusters (with their articles): its
// languages and time span are those of the clusters together.
func StoryFrom(id int64, title string, cs []model.Cluster) model.Story {
	if cs == nil {
		cs = []model.Cluster{}
	}
	st := model.Story{ID: id, Title: title, Clusters: cs, Langs: []string{}}
	for _, c := range cs {
		for _, l := range c.Langs {
			if !slices.Contains(st.Langs, l) {
				st.Langs = append(st.Langs, l)
			}
		}
		if !c.First.IsZero() && (st.Start.IsZero() || c.First.Before(st.Start.Time)) {
			st.Start = c.First
		}
		if !c.Last.IsZero() && (st.End.IsZero() || c.Last.After(st.End.Time)) {
			st.End = c.Last
		}
	}
	sort.Strings(st.Langs)
	return st
}

// TopFacets orders each kind's facet counts, most frequent first (ties by
// value), and keeps the first n of each.
func TopFacets(facets map[string][]FacetCount, n int) {
	for k, fs := range facets {
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Count != fs[j].Count {
				return fs[i].Count > fs[j].Count
			}
			return fs[i].Value < fs[j].Value
		})
		if len(fs) > n {
			fs = fs[:n]
		}
		facets[k] = fs
	}
}
