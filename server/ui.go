package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

//go:embed web/templates/*.html web/static/*
var webFS embed.FS

// ui renders the web pages.
type ui struct {
	s      *Server
	pages  map[string]*template.Template
	static fs.FS
	etag   string
}

func newUI(s *Server) (*ui, error) {
	funcs := template.FuncMap{
		"langName":    langName,
		"countryName": countryName,
		"date":        fmtDate,
		"join":        strings.Join,
		"pct":         func(a, b int64) int64 { return a * 100 / max(b, 1) },
		"inc":         func(i int) int { return i + 1 },
	}
	u := &ui{s: s, pages: map[string]*template.Template{}}
	names, err := fs.Glob(webFS, "web/templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("ui template %s: %w", base, err)
		}
		u.pages[strings.TrimSuffix(base, ".html")] = t
	}
	u.static, _ = fs.Sub(webFS, "web/static")
	u.etag = fmt.Sprintf(`"%d"`, time.Now().UnixNano())
	return u, nil
}

func (u *ui) register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", u.wrap(u.home))
	mux.HandleFunc("GET /search", u.wrap(u.search))
	mux.HandleFunc("GET /stories/{id}", u.wrap(u.story))
	mux.HandleFunc("GET /clusters/{id}", u.wrap(u.cluster))
	mux.HandleFunc("GET /articles/{id}", u.wrap(u.article))
	mux.HandleFunc("GET /entities/{id}", u.wrap(u.entity))
	mux.HandleFunc("GET /dyads", u.wrap(u.dyad))
	mux.Handle("GET /static/{file...}", u.s.apiHandler(u.serveStatic))
	mux.HandleFunc("/", u.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return errNotFoundf("no page at %s", r.URL.Path)
	}))
}

// serveStatic serves an embedded asset; anything else (traversal
// included) is the documented 404 error.
func (u *ui) serveStatic(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	if !fs.ValidPath(name) || strings.Contains(name, "..") || strings.HasPrefix(name, ".") {
		return errNotFoundf("no such file")
	}
	b, err := fs.ReadFile(u.static, name)
	if err != nil {
		return errNotFoundf("no such file")
	}
	switch path.Ext(name) {
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".svg":
		w.Header().Set("Content-Type", "image/svg+xml")
	default:
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("ETag", u.etag)
	if r.Header.Get("If-None-Match") == u.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	w.Write(b)
	return nil
}

type pageFunc func(w http.ResponseWriter, r *http.Request) error

// wrap renders errors of page handlers as an HTML error page.
func (u *ui) wrap(h pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			ae := toAPIError(err)
			if ae.Status >= 500 {
				u.s.log.Error("page failed", "path", r.URL.Path, "err", err)
			}
			u.render(w, ae.Status, "error", map[string]any{"Title": http.StatusText(ae.Status), "Error": ae})
		}
	}
}

func (u *ui) render(w http.ResponseWriter, status int, page string, data map[string]any) error {
	t := u.pages[page]
	if t == nil {
		return fmt.Errorf("no page template %q", page)
	}
	if _, ok := data["Q"]; !ok {
		data["Q"] = ""
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func langName(code string) string {
	if code == "" {
		return "unknown"
	}
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Languages().Name(t); n != "" {
		return n
	}
	return code
}

func countryName(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if n := display.English.Regions().Name(r); n != "" {
		return n
	}
	return code
}

func fmtDate(t model.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// storyCard is a story on the front page.
type storyCard struct {
	ID       int64
	Title    string
	Langs    []string
	Articles int
	Sources  int
	Clusters int
	Span     string
}

func span(a, b model.Time) string {
	if a.IsZero() {
		return ""
	}
	if b.IsZero() || fmtDate(a) == fmtDate(b) {
		return fmtDate(a)
	}
	return fmtDate(a) + " – " + fmtDate(b)
}

func sourceKey(ref model.ArticleRef) string {
	if u, err := url.Parse(ref.Source); err == nil && u.Host != "" {
		return u.Host
	}
	return ref.Source
}

func (u *ui) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	st, err := u.s.cfg.Store.Stats(ctx)
	if err != nil {
		return err
	}
	data := map[string]any{"Title": "Latest stories", "Stats": st, "Empty": st.Articles == 0}
	if st.Articles == 0 {
		return u.render(w, http.StatusOK, "home", data)
	}
	cursor, err := cursorParam(r.URL.Query())
	if err != nil {
		return err
	}
	sp, err := u.s.cfg.Store.Stories(ctx, store.StoryQuery{Limit: 20, Cursor: cursor})
	if err != nil {
		return badCursor(err, cursor)
	}
	var cards []storyCard
	for _, s := range sp.Stories {
		c := storyCard{ID: s.ID, Title: s.Title, Langs: s.Langs, Clusters: len(s.Clusters), Span: span(s.Start, s.End)}
		srcs := map[string]bool{}
		for _, cl := range s.Clusters {
			c.Articles += len(cl.Articles)
			for _, a := range cl.Articles {
				srcs[sourceKey(a)] = true
			}
		}
		c.Sources = len(srcs)
		cards = append(cards, c)
	}
	data["Stories"] = cards
	data["Next"] = sp.Next
	if len(cards) == 0 && cursor == "" { // nothing clustered yet: the newest articles
		res, err := u.s.cfg.Store.Search(ctx, store.SearchQuery{Limit: 30})
		if err != nil {
			return err
		}
		data["Latest"] = res.Hits
	}
	return u.render(w, http.StatusOK, "home", data)
}

// facetView is one facet kind on the search page.
type facetView struct {
	Kind   string
	Title  string
	Values []facetValue
}

type facetValue struct {
	Label  string
	Count  int64
	Active bool
	Href   string
}

// copyValues returns a copy of v without the parameters named in drop.
func copyValues(v url.Values, drop ...string) url.Values {
	n := url.Values{}
	for k, vs := range v {
		if !contains(drop, k) {
			n[k] = append([]string(nil), vs...)
		}
	}
	return n
}

func toggleParam(v url.Values, name, value string) string {
	n := copyValues(v, "cursor")
	cur := listParam(n, name)
	var out []string
	found := false
	for _, x := range cur {
		if x == value {
			found = true
			continue
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, value)
	}
	n.Del(name)
	for _, x := range out {
		n.Add(name, x)
	}
	return "/search?" + n.Encode()
}

var facetParams = map[string]string{
	search.FacetLang: "lang", search.FacetAgency: "agency", search.FacetEntity: "entity",
	search.FacetCountry: "country", search.FacetType: "type",
}

var facetTitles = map[string]string{
	search.FacetLang: "Language", search.FacetAgency: "Agency", search.FacetEntity: "Entity",
	search.FacetCountry: "Country", search.FacetType: "Event type",
}

func (u *ui) search(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	data := map[string]any{"Title": "Search", "Q": v.Get("q"), "From": v.Get("from"), "To": v.Get("to"), "Group": v.Get("group"), "Sort": v.Get("sort")}
	v2 := copyValues(v)
	v2.Set("facets", "true")
	q, err := u.s.searchQuery(v2)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) && ae.Status == http.StatusBadRequest {
			data["QueryError"] = ae.Message
			return u.render(w, http.StatusBadRequest, "search", data)
		}
		return err
	}
	res, err := u.s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		if errors.Is(err, store.ErrBadQuery) {
			data["QueryError"] = err.Error()
			return u.render(w, http.StatusBadRequest, "search", data)
		}
		return err
	}
	data["Result"] = res
	if q.Text != "" {
		data["Title"] = q.Text + " – Search"
	}
	var facets []facetView
	for _, kind := range search.FacetKinds() {
		fv := facetView{Kind: kind, Title: facetTitles[kind]}
		active := listParam(v, facetParams[kind])
		for _, fc := range res.Facets[kind] {
			label := fc.Label
			switch kind {
			case search.FacetLang:
				label = langName(fc.Value)
			case search.FacetCountry:
				label = countryName(fc.Value)
			}
			if label == "" {
				label = fc.Value
			}
			fv.Values = append(fv.Values, facetValue{Label: label, Count: fc.Count, Active: contains(active, fc.Value) || contains(active, strings.ToLower(fc.Value)),
				Href: toggleParam(v, facetParams[kind], fc.Value)})
		}
		if len(fv.Values) > 0 {
			facets = append(facets, fv)
		}
	}
	data["Facets"] = facets
	if res.Next != "" {
		n := copyValues(v)
		n.Set("cursor", res.Next)
		data["NextHref"] = "/search?" + n.Encode()
	}
	fq := copyValues(v, "cursor", "sort", "group")
	data["FeedHref"] = "/api/v1/feed?" + fq.Encode()
	return u.render(w, http.StatusOK, "search", data)
}

// langGroup is the articles of a story in one language.
type langGroup struct {
	Lang     string
	Articles []model.ArticleRef
}

// entityCount is an entity and how often it is mentioned.
type entityCount struct {
	ID, Name string
	Count    int
}

func (u *ui) story(w http.ResponseWriter, r *http.Request) error {
	st, err := loadByID(r, u.s.cfg.Store.Story)
	if err != nil {
		return err
	}
	var refs []model.ArticleRef
	for _, c := range st.Clusters {
		refs = append(refs, c.Articles...)
	}
	data, err := u.articleSet(r.Context(), refs)
	if err != nil {
		return err
	}
	data["Title"] = st.Title
	data["Story"] = st
	data["Span"] = span(st.Start, st.End)
	return u.render(w, http.StatusOK, "story", data)
}

func (u *ui) cluster(w http.ResponseWriter, r *http.Request) error {
	c, err := loadByID(r, u.s.cfg.Store.Cluster)
	if err != nil {
		return err
	}
	if c.StoryID != 0 {
		http.Redirect(w, r, fmt.Sprintf("/stories/%d", c.StoryID), http.StatusFound)
		return nil
	}
	data, err := u.articleSet(r.Context(), c.Articles)
	if err != nil {
		return err
	}
	data["Title"] = c.Title
	data["Story"] = model.Story{ID: 0, Title: c.Title, Langs: c.Langs, Clusters: []model.Cluster{c}}
	data["Span"] = span(c.First, c.Last)
	return u.render(w, http.StatusOK, "story", data)
}

// articleSet loads articles (at most 100) and gathers what a story page
// shows: articles by language, events on a timeline, entities.
func (u *ui) articleSet(ctx context.Context, refs []model.ArticleRef) (map[string]any, error) {
	byLang := map[string][]model.ArticleRef{}
	for _, a := range refs {
		byLang[a.Lang] = append(byLang[a.Lang], a)
	}
	var groups []langGroup
	for l, as := range byLang {
		sort.Slice(as, func(i, j int) bool { return as[i].Published.Before(as[j].Published.Time) })
		groups = append(groups, langGroup{Lang: l, Articles: as})
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Lang < groups[j].Lang })
	ents := map[string]*entityCount{}
	var events []model.Event
	seenEv := map[int64]bool{}
	for i, ref := range refs {
		if i >= 100 {
			break
		}
		a, err := u.s.cfg.Store.Article(ctx, ref.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range a.Mentions {
			if m.EntityID == "" {
				continue
			}
			e := ents[m.EntityID]
			if e == nil {
				e = &entityCount{ID: m.EntityID, Name: m.Text}
				if u.s.cfg.KB != nil {
					if ke, ok := u.s.cfg.KB.Entity(m.EntityID); ok {
						e.Name = ke.Name
					}
				}
				ents[m.EntityID] = e
			}
			e.Count++
		}
		for _, e := range a.Events {
			if e.ID != 0 && seenEv[e.ID] {
				continue
			}
			seenEv[e.ID] = true
			events = append(events, e)
		}
	}
	var el []entityCount
	for _, e := range ents {
		el = append(el, *e)
	}
	sort.Slice(el, func(i, j int) bool {
		if el[i].Count != el[j].Count {
			return el[i].Count > el[j].Count
		}
		return el[i].Name < el[j].Name
	})
	if len(el) > 40 {
		el = el[:40]
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date < events[j].Date })
	return map[string]any{"Langs": groups, "Entities": el, "Events": events, "Timeline": eventTimeline(events)}, nil
}

func (u *ui) article(w http.ResponseWriter, r *http.Request) error {
	a, err := loadByID(r, u.s.cfg.Store.Article)
	if err != nil {
		return err
	}
	var paras []string
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	ents := map[string]*entityCount{}
	var el []entityCount
	for _, m := range a.Mentions {
		if m.EntityID == "" {
			continue
		}
		if e := ents[m.EntityID]; e != nil {
			e.Count++
			continue
		}
		ents[m.EntityID] = &entityCount{ID: m.EntityID, Name: m.Text, Count: 1}
	}
	for _, e := range ents {
		el = append(el, *e)
	}
	sort.Slice(el, func(i, j int) bool { return el[i].Name < el[j].Name })
	return u.render(w, http.StatusOK, "article", map[string]any{"Title": a.Title, "Article": a, "Paras": paras, "Entities": el})
}

// aliasGroup is an entity's names in one language.
type aliasGroup struct {
	Lang  string
	Names []model.Alias
}

func (u *ui) entity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !idRe.MatchString(id) {
		return errBadRequestf("bad entity ID")
	}
	ctx := r.Context()
	d, err := u.s.cfg.Store.Entity(ctx, id)
	if err != nil {
		return err
	}
	byLang := map[string][]model.Alias{}
	for _, a := range d.Aliases {
		byLang[a.Lang] = append(byLang[a.Lang], a)
	}
	var groups []aliasGroup
	for l, as := range byLang {
		groups = append(groups, aliasGroup{Lang: l, Names: as})
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Lang < groups[j].Lang })
	var kbNames []aliasGroup
	if u.s.cfg.KB != nil {
		if rec, ok := u.s.cfg.KB.Record(id); ok {
			m := map[string][]model.Alias{}
			for _, a := range rec.Aliases {
				if langRe.MatchString(a.Lang) && len(m[a.Lang]) < 4 {
					m[a.Lang] = append(m[a.Lang], a)
				}
			}
			for _, l := range search.DefaultLangs() {
				if len(m[l]) > 0 {
					kbNames = append(kbNames, aliasGroup{Lang: l, Names: m[l]})
				}
			}
		}
	}
	res, err := u.s.cfg.Store.Search(ctx, store.SearchQuery{Entities: []string{id}, Facets: true, Limit: 1})
	if err != nil {
		return err
	}
	var co []store.FacetCount
	for _, fc := range res.Facets[search.FacetEntity] {
		if fc.Value != id && len(co) < 15 {
			co = append(co, fc)
		}
	}
	var dates []model.Time
	for _, a := range d.Articles {
		dates = append(dates, a.Published)
	}
	return u.render(w, http.StatusOK, "entity", map[string]any{
		"Title": d.Name, "Entity": d, "Names": groups, "KBNames": kbNames, "CoEntities": co,
		"Chart": countChart(dates), "Total": res.Total, "TotalCapped": res.TotalCapped,
	})
}

func (u *ui) dyad(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	a, b := strings.ToUpper(v.Get("a")), strings.ToUpper(v.Get("b"))
	data := map[string]any{"Title": "Country pair", "A": a, "B": b, "Per": v.Get("per")}
	if a == "" || b == "" {
		return u.render(w, http.StatusOK, "dyad", data)
	}
	d, err := u.s.dyad(r.Context(), a, b, v.Get("per"), v.Get("from"), v.Get("to"))
	if err != nil {
		return err
	}
	data["Title"] = countryName(a) + " – " + countryName(b)
	data["Dyad"] = d
	data["NameA"], data["NameB"] = countryName(a), countryName(b)
	data["Chart"] = dyadChart(d.Points)
	return u.render(w, http.StatusOK, "dyad", data)
}
