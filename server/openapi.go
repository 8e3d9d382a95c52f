package server

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"

	"dateline/model"
	"dateline/store"
)

// The OpenAPI document is generated from the Go types the handlers
// encode, so it cannot drift from them; the operations table below says
// which type each endpoint answers with. Tests validate live responses
// against it.

type param struct {
	name, in, typ, desc string
	required, array     bool
}

type operation struct {
	method, path, id, summary string
	params                    []param
	body                      any // request body type (JSON)
	status                    int
	resp                      any    // response type; nil for no body
	media                     string // response media type when not JSON
	auth                      bool
}

var timeType = reflect.TypeOf(model.Time{})

// schemaGen builds JSON schemas for Go types, with named struct types
// under components/schemas.
type schemaGen struct {
	defs map[string]any
}

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	if t == timeType {
		return map[string]any{"type": "string", "nullable": true, "description": "ISO 8601 date (2006-01-02) or RFC 3339 date-time; null when unknown"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem())
		out := map[string]any{}
		for k, v := range s {
			out[k] = v
		}
		if _, ok := out["$ref"]; ok {
			return map[string]any{"allOf": []any{s}, "nullable": true}
		}
		out["nullable"] = true
		return out
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := t.Name()
		if name == "" {
			return g.structSchema(t)
		}
		if pkg := t.PkgPath(); strings.HasSuffix(pkg, "/cluster") || strings.HasSuffix(pkg, "/search") {
			name = strings.TrimPrefix(name, "Dyad") // keep names short and unique
			if name == "Point" {
				name = "DyadPoint"
			}
		}
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // break recursion
			g.defs[name] = g.structSchema(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func (g *schemaGen) structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || (!f.IsExported() && !f.Anonymous) {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct && f.Type != timeType {
				walk(f.Type)
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = g.schema(f.Type)
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				required = append(required, name)
			}
		}
	}
	walk(t)
	s := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func operations() []operation {
	page := []param{{name: "cursor", in: "query", typ: "string", desc: "the next value of the previous page"}, {name: "limit", in: "query", typ: "integer", desc: "page size, 1 to 500"}}
	id := param{name: "id", in: "path", typ: "integer", required: true}
	searchParams := []param{
		{name: "q", in: "query", typ: "string", desc: `query: words, "phrases", AND, OR, NOT, -word, parentheses; words match their stems in every language and the entities they name`},
		{name: "lang", in: "query", typ: "string", array: true, desc: "languages (ISO 639-1)"},
		{name: "agency", in: "query", typ: "string", array: true, desc: "agencies credited"},
		{name: "entity", in: "query", typ: "string", array: true, desc: "entity IDs mentioned"},
		{name: "country", in: "query", typ: "string", array: true, desc: "countries (ISO 3166 alpha-3) of entities or event actors"},
		{name: "type", in: "query", typ: "string", array: true, desc: "PLOVER event types reported"},
		{name: "from", in: "query", typ: "string", desc: "first publication date (YYYY-MM-DD)"},
		{name: "to", in: "query", typ: "string", desc: "last publication date (YYYY-MM-DD)"},
		{name: "sort", in: "query", typ: "string", desc: "relevance or newest"},
		{name: "group", in: "query", typ: "string", desc: "cluster or story: page over groups"},
		{name: "facets", in: "query", typ: "boolean", desc: "count matches per language, agency, entity, country, event type"},
	}
	eventParams := []param{
		{name: "actor", in: "query", typ: "string", desc: "source actor country (ISO alpha-3)"},
		{name: "target", in: "query", typ: "string", desc: "target actor country (ISO alpha-3)"},
		{name: "either", in: "query", typ: "boolean", desc: "match actor and target in both directions"},
		{name: "type", in: "query", typ: "string", desc: "PLOVER event type"},
		{name: "from", in: "query", typ: "string", desc: "first event date"},
		{name: "to", in: "query", typ: "string", desc: "last event date"},
	}
	format := param{name: "format", in: "query", typ: "string", desc: "jsonl (default) or csv"}
	return []operation{
		{method: "get", path: "/search", id: "search", summary: "Full-text search with filters, facets, grouping and highlighting", params: append(searchParams, page...), resp: store.SearchResult{}},
		{method: "get", path: "/articles", id: "listArticles", summary: "Articles, newest first (no body)", params: append([]param{{name: "lang", in: "query", typ: "string"}}, page...), resp: store.ArticlePage{}},
		{method: "get", path: "/articles/{id}", id: "getArticle", summary: "One article with briefs, mentions, times and events", params: []param{id}, resp: model.Article{}},
		{method: "get", path: "/articles/{id}/briefs", id: "getBriefs", summary: "The briefs (teasers) found on an article's page", params: []param{id}, resp: BriefList{}},
		{method: "get", path: "/entities", id: "listEntities", summary: "Entities by mention count", params: append([]param{{name: "type", in: "query", typ: "string"}, {name: "country", in: "query", typ: "string"}}, page...), resp: store.EntityPage{}},
		{method: "get", path: "/entities/{id}", id: "getEntity", summary: "One entity: names per language, articles", params: []param{{name: "id", in: "path", typ: "string", required: true}}, resp: store.EntityDetail{}},
		{method: "get", path: "/events", id: "listEvents", summary: "Coded events, oldest first", params: append(eventParams, page...), resp: store.EventPage{}},
		{method: "get", path: "/clusters", id: "listClusters", summary: "Same-event clusters, most recently updated first", params: append([]param{{name: "story", in: "query", typ: "integer"}}, page...), resp: store.ClusterPage{}},
		{method: "get", path: "/clusters/{id}", id: "getCluster", summary: "One cluster with its articles", params: []param{id}, resp: model.Cluster{}},
		{method: "get", path: "/stories", id: "listStories", summary: "Storylines, most recently updated first", params: page, resp: store.StoryPage{}},
		{method: "get", path: "/stories/{id}", id: "getStory", summary: "One storyline with its clusters", params: []param{id}, resp: model.Story{}},
		{method: "get", path: "/dyads/{a}/{b}", id: "getDyad", summary: "Cooperation/conflict timeline between two countries", params: []param{
			{name: "a", in: "path", typ: "string", required: true}, {name: "b", in: "path", typ: "string", required: true},
			{name: "per", in: "query", typ: "string", desc: "day, week or month"}, {name: "from", in: "query", typ: "string"}, {name: "to", in: "query", typ: "string"}}, resp: DyadResult{}},
		{method: "get", path: "/stats", id: "getStats", summary: "Counts of stored items", resp: store.Stats{}},
		{method: "get", path: "/export/articles", id: "exportArticles", summary: "Stream every article (JSON lines of Article, or CSV)", params: []param{format, {name: "lang", in: "query", typ: "string", array: true}, {name: "after", in: "query", typ: "integer", desc: "only articles with a higher ID"}}, media: "application/x-ndjson"},
		{method: "get", path: "/export/events", id: "exportEvents", summary: "Stream every matching event (JSON lines of Event, or CSV)", params: append([]param{format}, eventParams...), media: "application/x-ndjson"},
		{method: "get", path: "/feed", id: "feed", summary: "Atom feed of the newest stories matching a query (search parameters)", params: searchParams[:6], media: "application/atom+xml"},
		{method: "get", path: "/watchlists/{id}/feed", id: "watchlistFeed", summary: "Atom feed of the newest stories matching a watchlist", params: []param{{name: "id", in: "path", typ: "string", required: true}}, media: "application/atom+xml"},
		{method: "get", path: "/watchlists", id: "listWatchlists", summary: "Watchlists", resp: WatchlistList{}, auth: true},
		{method: "post", path: "/watchlists", id: "createWatchlist", summary: "Create a watchlist (saved query and/or entities, optional webhook)", body: WatchlistInput{}, status: 201, resp: Watchlist{}, auth: true},
		{method: "get", path: "/watchlists/{id}", id: "getWatchlist", summary: "One watchlist", params: []param{{name: "id", in: "path", typ: "string", required: true}}, resp: Watchlist{}, auth: true},
		{method: "delete", path: "/watchlists/{id}", id: "deleteWatchlist", summary: "Delete a watchlist", params: []param{{name: "id", in: "path", typ: "string", required: true}}, status: 204, auth: true},
		{method: "post", path: "/documents", id: "ingest", summary: "Ingest documents through the pipeline", body: IngestRequest{}, resp: IngestResult{}, auth: true},
		{method: "get", path: "/openapi.json", id: "openapi", summary: "This document", media: "application/json"},
	}
}

// buildOpenAPI returns the OpenAPI 3.0 document.
func buildOpenAPI() map[string]any {
	g := &schemaGen{defs: map[string]any{}}
	errRef := g.schema(reflect.TypeOf(ErrorBody{}))
	errResp := func(desc string) any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": errRef}}}
	}
	paths := map[string]any{}
	for _, op := range operations() {
		var params []any
		for _, p := range op.params {
			sch := map[string]any{"type": p.typ}
			if p.array {
				sch = map[string]any{"type": "array", "items": map[string]any{"type": p.typ}}
			}
			pm := map[string]any{"name": p.name, "in": p.in, "required": p.required || p.in == "path", "schema": sch}
			if p.array {
				pm["style"], pm["explode"] = "form", true
			}
			if p.desc != "" {
				pm["description"] = p.desc
			}
			params = append(params, pm)
		}
		status := op.status
		if status == 0 {
			status = 200
		}
		ok := map[string]any{"description": "success"}
		switch {
		case op.resp != nil:
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(op.resp))}}
		case op.media != "":
			ok["content"] = map[string]any{op.media: map[string]any{"schema": map[string]any{"type": "string"}}}
		}
		responses := map[string]any{
			itoa(status): ok,
			"400":        errResp("bad request or query"),
			"404":        errResp("not found"),
			"429":        errResp("rate limited"),
			"500":        errResp("internal error"),
		}
		o := map[string]any{"operationId": op.id, "summary": op.summary, "responses": responses}
		if len(params) > 0 {
			o["parameters"] = params
		}
		if op.body != nil {
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(op.body))}}}
			responses["413"] = errResp("request body too large")
		}
		if op.auth {
			o["security"] = []any{map[string]any{"bearer": []any{}}}
			responses["401"] = errResp("missing or wrong bearer token")
		}
		if op.id == "ingest" {
			responses["501"] = errResp("this server does not ingest")
		}
		p, _ := paths["/api/v1"+op.path].(map[string]any)
		if p == nil {
			p = map[string]any{}
			paths["/api/v1"+op.path] = p
		}
		p[op.method] = o
	}
	paths["/healthz"] = map[string]any{"get": map[string]any{"operationId": "health", "summary": "Liveness and store check",
		"responses": map[string]any{"200": map[string]any{"description": "healthy", "content": map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(Health{}))}}},
			"503": errResp("store unavailable")}}}
	paths["/metrics"] = map[string]any{"get": map[string]any{"operationId": "metrics", "summary": "Prometheus metrics (text format)",
		"responses": map[string]any{"200": map[string]any{"description": "metrics", "content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}}}}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "Dateline API", "version": "1",
			"description": "Multilingual news monitoring: articles, entities, events, clusters, stories, search. Errors are {\"error\": {status, code, message}}. Listings page with cursors: pass the next value of a page as cursor to get the following one."},
		"paths": paths,
		"components": map[string]any{
			"schemas":         g.defs,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// OpenAPI returns the server's OpenAPI 3 document (JSON).
func OpenAPI() []byte {
	b, err := json.MarshalIndent(buildOpenAPI(), "", "  ")
	if err != nil {
		panic(err) // the document is built from static types
	}
	return b
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(s.openapi)
	return nil
}
