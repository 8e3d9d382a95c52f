package search

import (
	"sort"
	"strings"

	"dateline/analysis"
	"dateline/model"
)

// Facet kinds: the dimensions search results are counted and filtered by.
const (
	FacetLang    = "lang"    // article language
	FacetAgency  = "agency"  // news agency credited (ANP, RTR, ...)
	FacetEntity  = "entity"  // linked entity mentioned (entity ID)
	FacetCountry = "country" // ISO 3166 alpha-3 country of a linked entity or event actor
	FacetType    = "type"    // PLOVER type of an event reported
)

// FacetKinds lists the facet kinds in display order.
func FacetKinds() []string {
	return []string{FacetLang, FacetAgency, FacetEntity, FacetCountry, FacetType}
}

// Facet is one value of one facet kind for an article.
type Facet struct {
	Kind  string
	Value string
}

// Doc is what the full-text index stores for one article.
type Doc struct {
	// Title and Text are the analysed, folded terms of the title and of
	// the lead and body, space-separated, in text order.
	Title string
	Text  string
	// Entities are the entity tokens (EntityToken) of the linked entities
	// mentioned and of the events' actors, space-separated.
	Entities string
	// Facets are the article's facet values, sorted and distinct.
	Facets []Facet
}

// Terms returns the analysed, folded index terms of text in lang.
func Terms(text, lang string) []string {
	ts := analysis.For(lang).Terms(text)
	for i, t := range ts {
		ts[i] = analysis.Fold(t)
	}
	return ts
}

// Index computes the index document of an article.
func Index(a *model.Article) Doc {
	d := Doc{
		Title: strings.Join(Terms(a.Title, a.Lang), " "),
		Text:  strings.Join(Terms(strings.TrimSpace(a.Lead+"\n\n"+a.Body), a.Lang), " "),
	}
	seen := map[Facet]bool{}
	add := func(kind, value string) {
		value = strings.TrimSpace(value)
		if value == "" {
			return
		}
		f := Facet{kind, value}
		if !seen[f] {
			seen[f] = true
			d.Facets = append(d.Facets, f)
		}
	}
	add(FacetLang, a.Lang)
	for _, ag := range a.Dateline.Agencies {
		add(FacetAgency, strings.ToUpper(ag))
	}
	for _, ag := range a.Agencies {
		add(FacetAgency, strings.ToUpper(ag))
	}
	var ents []string
	entSeen := map[string]bool{}
	addEnt := func(id string) {
		if id == "" || entSeen[id] {
			return
		}
		entSeen[id] = true
		if t := EntityToken(id); t != "" {
			ents = append(ents, t)
		}
	}
	for _, m := range a.Mentions {
		if m.EntityID != "" {
			addEnt(m.EntityID)
			add(FacetEntity, m.EntityID)
		}
	}
	for _, e := range a.Entities {
		if entSeen[e.ID] {
			add(FacetCountry, strings.ToUpper(e.Country))
		}
	}
	for _, e := range a.Events {
		add(FacetType, strings.ToUpper(e.Type))
		for _, ac := range []model.Actor{e.Source, e.Target} {
			add(FacetCountry, strings.ToUpper(ac.Country))
			addEnt(ac.EntityID)
		}
	}
	d.Entities = strings.Join(ents, " ")
	sort.Slice(d.Facets, func(i, j int) bool {
		if d.Facets[i].Kind != d.Facets[j].Kind {
			return d.Facets[i].Kind < d.Facets[j].Kind
		}
		return d.Facets[i].Value < d.Facets[j].Value
	})
	return d
}
