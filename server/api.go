package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"dateline/cluster"
	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// maxPage is the largest page size a client may ask for; paging itself
// has no end but the last item.
const maxPage = 500

// listParam returns the values of a query parameter given repeatedly or
// comma-separated, trimmed, empty ones dropped.
func listParam(v url.Values, name string) []string {
	var out []string
	for _, x := range v[name] {
		for _, p := range strings.Split(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func limitParam(v url.Values, def int) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxPage {
		return 0, errBadRequestf("limit must be a number from 1 to %d", maxPage)
	}
	return n, nil
}

// cursorParam returns the cursor query parameter, checked for shape.
func cursorParam(v url.Values) (string, error) {
	c := v.Get("cursor")
	return c, checkAll(nonEmpty(c), cursorRe, "cursor")
}

// listParams reads the paging parameters every listing shares: the
// cursor and the limit (def when absent). It reports the first error in
// the order clients have always seen: a bad limit, then the first
// non-nil error among filters (the endpoint's own checks), then a bad
// cursor.
func listParams(v url.Values, def int, filters ...error) (cursor string, limit int, err error) {
	if limit, err = limitParam(v, def); err != nil {
		return "", 0, err
	}
	if err := firstErr(filters...); err != nil {
		return "", 0, err
	}
	if cursor, err = cursorParam(v); err != nil {
		return "", 0, err
	}
	return cursor, limit, nil
}

// boolParam reads an optional true/false query parameter.
func boolParam(v url.Values, name string) (bool, error) {
	switch v.Get(name) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, errBadRequestf("%s must be true or false", name)
}

// firstErr returns the first non-nil error of errs.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

var (
	codeRe   = regexp.MustCompile(`^[A-Za-z]{3}$`)
	dateRe   = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	langRe   = regexp.MustCompile(`^[a-z]{2,3}$`)
	idRe     = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,64}$`)
	typeRe   = regexp.MustCompile(`^[A-Za-z_]{1,32}$`)
	cursorRe = regexp.MustCompile(`^[A-Za-z0-9_.:+-]{0,64}$`)
)

func checkAll(vals []string, re *regexp.Regexp, what string) error {
	for _, v := range vals {
		if !re.MatchString(v) {
			return errBadRequestf("bad %s %q", what, v)
		}
	}
	return nil
}

// parseID reads the value s of parameter name as an integer no smaller
// than lowest.
func parseID(name, s string, lowest int64) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < lowest {
		return 0, errBadRequestf("bad %s %q", name, s)
	}
	return id, nil
}

func int64Path(r *http.Request, name string) (int64, error) {
	return parseID(name, r.PathValue(name), 1)
}

// loadByID loads what the positive integer path value "id" names.
func loadByID[T any](r *http.Request, load func(context.Context, int64) (T, error)) (T, error) {
	id, err := int64Path(r, "id")
	if err != nil {
		var zero T
		return zero, err
	}
	return load(r.Context(), id)
}

// writeResult writes v as a 200 JSON body, or returns err when the call
// that produced v failed.
func writeResult(w http.ResponseWriter, v any, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// writePage writes one page of a listing; a store error on the client's
// cursor becomes a 400.
func writePage(w http.ResponseWriter, page any, err error, cursor string) error {
	if err != nil {
		return badCursor(err, cursor)
	}
	return writeJSON(w, http.StatusOK, page)
}

// resolver resolves query words to knowledge-base entities and their
// names in other languages: what makes "Lukashenko" find "Loekasjenko".
func (s *Server) resolver() search.Resolver {
	kb := s.cfg.KB
	return func(name string) ([]string, []search.Alias) {
		if kb == nil || len([]rune(name)) < 3 {
			return nil, nil
		}
		var ids []string
		var als []search.Alias
		seen := map[string]bool{}
		for _, c := range kb.Lookup(name, "") {
			if c.Score < 0.95 || c.Demonym || len(ids) >= 3 {
				continue
			}
			ids = append(ids, c.ID)
			rec, ok := kb.Record(c.ID)
			if !ok {
				continue
			}
			for _, a := range rec.Aliases {
				k := strings.ToLower(a.Text) + "\x00" + a.Lang
				if seen[k] || len(als) >= 16 || !langRe.MatchString(a.Lang) {
					continue
				}
				seen[k] = true
				als = append(als, search.Alias{Text: a.Text, Lang: a.Lang})
			}
		}
		return ids, als
	}
}

// searchQuery reads a store.SearchQuery from the URL, parsed and
// expanded through the knowledge base.
func (s *Server) searchQuery(v url.Values) (store.SearchQuery, error) {
	q := store.SearchQuery{
		Text: strings.TrimSpace(v.Get("q")), Langs: listParam(v, "lang"), Agencies: listParam(v, "agency"),
		Entities: listParam(v, "entity"), Countries: listParam(v, "country"), EventTypes: listParam(v, "type"),
		From: v.Get("from"), To: v.Get("to"), Sort: v.Get("sort"), Group: v.Get("group"),
	}
	var ferr, err error
	q.Facets, ferr = boolParam(v, "facets")
	if q.Cursor, q.Limit, err = listParams(v, 20, ferr,
		checkAll(q.Langs, langRe, "language"), checkAll(q.Agencies, typeRe, "agency"), checkAll(q.Entities, idRe, "entity"),
		checkAll(q.Countries, codeRe, "country"), checkAll(q.EventTypes, typeRe, "event type"),
		checkAll(nonEmpty(q.From, q.To), dateRe, "date")); err != nil {
		return q, err
	}
	n, err := search.Parse(q.Text)
	if err != nil {
		return q, &apiError{Status: http.StatusBadRequest, Code: "bad_query", Message: err.Error()}
	}
	if n != nil {
		search.Expand(n, s.resolver())
	}
	q.Query = n
	return q, nil
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q, err := s.searchQuery(r.URL.Query())
	if err != nil {
		return err
	}
	res, err := s.cfg.Store.Search(r.Context(), q)
	return writeResult(w, res, err)
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := store.ArticleQuery{Lang: v.Get("lang")}
	var err error
	if q.Cursor, q.Limit, err = listParams(v, 50, checkAll(nonEmpty(q.Lang), langRe, "language")); err != nil {
		return err
	}
	p, err := s.cfg.Store.Articles(r.Context(), q)
	for i := range p.Articles {
		normArticle(&p.Articles[i])
	}
	return writePage(w, p, err, q.Cursor)
}

// badCursor turns a listing error on a client's cursor into a 400.
func badCursor(err error, cursor string) error {
	if cursor != "" && strings.Contains(err.Error(), "cursor") {
		return errBadRequestf("bad cursor %q", cursor)
	}
	return err
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := loadByID(r, s.cfg.Store.Article)
	if err != nil {
		return err
	}
	normArticle(&a)
	return writeJSON(w, http.StatusOK, a)
}

// normArticle replaces nil lists with empty ones, so that the JSON has
// arrays where the API document says so.
func normArticle(a *model.Article) {
	if a.Briefs == nil {
		a.Briefs = []model.Brief{}
	}
	if a.Agencies == nil {
		a.Agencies = []string{}
	}
	if a.Dateline.Agencies == nil {
		a.Dateline.Agencies = []string{}
	}
	for i := range a.Briefs {
		if a.Briefs[i].Dateline.Agencies == nil {
			a.Briefs[i].Dateline.Agencies = []string{}
		}
	}
	normEvents(a.Events)
}

func normEvents(evs []model.Event) {
	for i := range evs {
		if evs[i].Sources == nil {
			evs[i].Sources = []model.EventSource{}
		}
	}
}

// BriefList is the briefs found on an article's page.
type BriefList struct {
	ArticleID int64         `json:"article_id"`
	Briefs    []model.Brief `json:"briefs"`
}

func (s *Server) apiBriefs(w http.ResponseWriter, r *http.Request) error {
	id, err := int64Path(r, "id")
	if err != nil {
		return err
	}
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		return err
	}
	if a.Briefs == nil {
		a.Briefs = []model.Brief{}
	}
	return writeJSON(w, http.StatusOK, BriefList{ArticleID: id, Briefs: a.Briefs})
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := store.EntityQuery{Type: strings.ToUpper(v.Get("type")), Country: strings.ToUpper(v.Get("country"))}
	var err error
	if q.Cursor, q.Limit, err = listParams(v, 50,
		checkAll(nonEmpty(q.Type), typeRe, "type"), checkAll(nonEmpty(q.Country), codeRe, "country")); err != nil {
		return err
	}
	p, err := s.cfg.Store.Entities(r.Context(), q)
	return writePage(w, p, err, q.Cursor)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !idRe.MatchString(id) {
		return errBadRequestf("bad entity ID %q", id)
	}
	d, err := s.cfg.Store.Entity(r.Context(), id)
	if err != nil {
		return err
	}
	if d.Aliases == nil {
		d.Aliases = []model.Alias{}
	}
	return writeJSON(w, http.StatusOK, d)
}

func eventQuery(v url.Values) (store.EventQuery, error) {
	q := store.EventQuery{Source: strings.ToUpper(v.Get("actor")), Target: strings.ToUpper(v.Get("target")),
		Type: strings.ToUpper(v.Get("type")), From: v.Get("from"), To: v.Get("to")}
	var err error
	if q.Either, err = boolParam(v, "either"); err != nil {
		return q, err
	}
	q.Cursor, q.Limit, err = listParams(v, 100, checkAll(nonEmpty(q.Source, q.Target), codeRe, "country"),
		checkAll(nonEmpty(q.Type), typeRe, "event type"), checkAll(nonEmpty(q.From, q.To), dateRe, "date"))
	return q, err
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	q, err := eventQuery(r.URL.Query())
	if err != nil {
		return err
	}
	p, err := s.cfg.Store.Events(r.Context(), q)
	normEvents(p.Events)
	return writePage(w, p, err, q.Cursor)
}

func (s *Server) apiClusters(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	var q store.ClusterQuery
	var storyErr, err error
	if st := v.Get("story"); st != "" {
		q.StoryID, storyErr = parseID("story", st, 1)
	}
	if q.Cursor, q.Limit, err = listParams(v, 50, storyErr); err != nil {
		return err
	}
	p, err := s.cfg.Store.Clusters(r.Context(), q)
	return writePage(w, p, err, q.Cursor)
}

func (s *Server) apiCluster(w http.ResponseWriter, r *http.Request) error {
	c, err := loadByID(r, s.cfg.Store.Cluster)
	return writeResult(w, c, err)
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	var q store.StoryQuery
	var err error
	if q.Cursor, q.Limit, err = listParams(r.URL.Query(), 50); err != nil {
		return err
	}
	p, err := s.cfg.Store.Stories(r.Context(), q)
	return writePage(w, p, err, q.Cursor)
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) error {
	st, err := loadByID(r, s.cfg.Store.Story)
	return writeResult(w, st, err)
}

// DyadResult is a relation timeline between two countries.
type DyadResult struct {
	A      string              `json:"a"`
	B      string              `json:"b"`
	Per    cluster.Granularity `json:"per"`
	Events int                 `json:"events"`
	Points []cluster.DyadPoint `json:"points"`
}

// dyad loads the events between two countries and aggregates them.
func (s *Server) dyad(ctx context.Context, a, b, per, from, to string) (DyadResult, error) {
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	if err := firstErr(checkAll([]string{a, b}, codeRe, "country"), checkAll(nonEmpty(from, to), dateRe, "date")); err != nil {
		return DyadResult{}, err
	}
	g := cluster.Granularity(per)
	switch g {
	case "":
		g = cluster.Month
	case cluster.Day, cluster.Week, cluster.Month:
	default:
		return DyadResult{}, errBadRequestf("per must be day, week or month")
	}
	q := store.EventQuery{Source: a, Target: b, Either: true, From: from, To: to, Limit: 500}
	var evs []model.Event
	for {
		p, err := s.cfg.Store.Events(ctx, q)
		if err != nil {
			return DyadResult{}, err
		}
		evs = append(evs, p.Events...)
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	pts := cluster.Dyad(evs, a, b, g)
	if pts == nil {
		pts = []cluster.DyadPoint{}
	}
	return DyadResult{A: a, B: b, Per: g, Events: len(evs), Points: pts}, nil
}

func (s *Server) apiDyad(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	d, err := s.dyad(r.Context(), r.PathValue("a"), r.PathValue("b"), v.Get("per"), v.Get("from"), v.Get("to"))
	return writeResult(w, d, err)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	return writeResult(w, st, err)
}

// Health is the body of /healthz.
type Health struct {
	Status string `json:"status"`
}

func (s *Server) apiHealth(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.cfg.Store.Stats(r.Context()); err != nil {
		s.log.Error("health check", "err", err)
		return &apiError{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "store unavailable"}
	}
	return writeJSON(w, http.StatusOK, Health{Status: "ok"})
}

// DocumentInput is one document posted for ingest.
type DocumentInput struct {
	Source    string `json:"source"`
	URL       string `json:"url"`
	Format    string `json:"format"`
	Content   string `json:"content"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
}

// IngestRequest is the body of POST /api/v1/documents.
type IngestRequest struct {
	Documents []DocumentInput `json:"documents"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingest == nil {
		return &apiError{Status: http.StatusNotImplemented, Code: "not_implemented", Message: "this server does not ingest"}
	}
	var req IngestRequest
	if err := decodeBody(w, r, s.cfg.MaxBody, &req); err != nil {
		return err
	}
	if len(req.Documents) == 0 {
		return errBadRequestf("no documents")
	}
	docs := make([]*model.Document, 0, len(req.Documents))
	for i, d := range req.Documents {
		if strings.TrimSpace(d.Content) == "" {
			return errBadRequestf("document %d has no content", i)
		}
		f := model.Format(d.Format)
		switch f {
		case "":
			f = model.FormatText
		case model.FormatText, model.FormatHTML:
		default:
			return errBadRequestf("document %d: format must be text or html", i)
		}
		src := d.Source
		if src == "" {
			src = d.URL
		}
		if src == "" {
			src = "api"
		}
		doc := &model.Document{Source: src, URL: d.URL, Format: f, Content: strings.ToValidUTF8(d.Content, "\uFFFD"), Title: d.Title, Lang: d.Lang}
		if d.Published != "" {
			t, err := model.ParseTime(d.Published)
			if err != nil {
				return errBadRequestf("document %d: bad published %q", i, d.Published)
			}
			doc.Published = t
		}
		docs = append(docs, doc)
	}
	res, err := s.cfg.Ingest(r.Context(), docs)
	s.metrics.AddIngested("article", res.Articles)
	s.metrics.AddIngested("duplicate", res.Duplicates)
	s.metrics.AddIngested("error", res.Errors)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// decodeBody decodes the JSON request body, at most max bytes and with no
// unknown fields, into v. A body too large keeps its own error (a 413);
// any other decoding error is a 400.
func decodeBody(w http.ResponseWriter, r *http.Request, max int64, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, max)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return err
		}
		return errBadRequestf("bad JSON body: %v", err)
	}
	return nil
}
