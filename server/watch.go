package server

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"dateline/model"
	"dateline/search"
	"dateline/store"
)

// State names under which the server keeps its data in the store.
const (
	stateWatchlists = "server.watchlists"
	stateNotified   = "server.webhooks"
)

// Watchlist is a saved query and/or a set of watched entities. New
// stories matching it are served as an Atom feed; when Webhook is set,
// every new event whose actors include a watched entity is POSTed there.
type Watchlist struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Query    string   `json:"query,omitempty"`
	Entities []string `json:"entities"`
	// Webhook is an http(s) URL to POST new events to.
	Webhook string `json:"webhook,omitempty"`
	// Secret, when set, signs each delivery: header X-Dateline-Signature
	// is "sha256=" and the hex HMAC-SHA256 of the body.
	Secret  string `json:"secret,omitempty"`
	Created string `json:"created"`
}

// WatchlistInput is the body of POST /api/v1/watchlists.
type WatchlistInput struct {
	Name     string   `json:"name"`
	Query    string   `json:"query"`
	Entities []string `json:"entities"`
	Webhook  string   `json:"webhook"`
	Secret   string   `json:"secret"`
}

// WatchlistList is the body of GET /api/v1/watchlists.
type WatchlistList struct {
	Watchlists []Watchlist `json:"watchlists"`
}

// WebhookEvent is the body of a webhook delivery.
type WebhookEvent struct {
	Watchlist string      `json:"watchlist"`
	Event     model.Event `json:"event"`
	ArticleID int64       `json:"article_id"`
	Title     string      `json:"title"`
	Lang      string      `json:"lang"`
	// Entities are the watched entities the event involves.
	Entities []string `json:"entities"`
}

func (s *Server) loadWatchlists(ctx context.Context) ([]Watchlist, error) {
	data, _, err := s.cfg.Store.State(ctx, stateWatchlists)
	if errors.Is(err, store.ErrNotFound) {
		return []Watchlist{}, nil
	}
	if err != nil {
		return nil, err
	}
	var ws []Watchlist
	if err := json.Unmarshal(data, &ws); err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	if ws == nil {
		ws = []Watchlist{}
	}
	return ws, nil
}

func (s *Server) saveWatchlists(ctx context.Context, ws []Watchlist) error {
	data, err := json.Marshal(ws)
	if err != nil {
		return err
	}
	return s.cfg.Store.PutState(ctx, stateWatchlists, data, 0)
}

// updateWatchlists loads the watchlists, lets change edit them and saves
// what it returns, all under watchMu; an error from change saves nothing.
func (s *Server) updateWatchlists(ctx context.Context, change func([]Watchlist) ([]Watchlist, error)) error {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	ws, err := s.loadWatchlists(ctx)
	if err != nil {
		return err
	}
	if ws, err = change(ws); err != nil {
		return err
	}
	return s.saveWatchlists(ctx, ws)
}

func (s *Server) apiWatchlists(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.loadWatchlists(r.Context())
	return writeResult(w, WatchlistList{Watchlists: ws}, err)
}

func (s *Server) findWatchlist(ctx context.Context, id string) (Watchlist, error) {
	ws, err := s.loadWatchlists(ctx)
	if err != nil {
		return Watchlist{}, err
	}
	for _, wl := range ws {
		if wl.ID == id {
			return wl, nil
		}
	}
	return Watchlist{}, errNotFoundf("no watchlist %q", id)
}

func (s *Server) apiWatchlist(w http.ResponseWriter, r *http.Request) error {
	wl, err := s.findWatchlist(r.Context(), r.PathValue("id"))
	return writeResult(w, wl, err)
}

func (s *Server) apiCreateWatchlist(w http.ResponseWriter, r *http.Request) error {
	var in WatchlistInput
	if err := decodeBody(w, r, 64<<10, &in); err != nil {
		return err
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || len(in.Name) > 200 {
		return errBadRequestf("name must be 1 to 200 characters")
	}
	if in.Query == "" && len(in.Entities) == 0 {
		return errBadRequestf("a watchlist needs a query or entities")
	}
	if _, err := search.Parse(in.Query); err != nil {
		return &apiError{Status: http.StatusBadRequest, Code: "bad_query", Message: err.Error()}
	}
	if len(in.Entities) > 100 {
		return errBadRequestf("at most 100 entities")
	}
	if err := checkAll(in.Entities, idRe, "entity"); err != nil {
		return err
	}
	if in.Webhook != "" {
		u, err := url.Parse(in.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			return errBadRequestf("webhook must be an http or https URL")
		}
	}
	var rb [8]byte
	rand.Read(rb[:])
	wl := Watchlist{ID: hex.EncodeToString(rb[:]), Name: in.Name, Query: in.Query, Entities: in.Entities, Webhook: in.Webhook,
		Secret: in.Secret, Created: time.Now().UTC().Format(time.RFC3339)}
	if wl.Entities == nil {
		wl.Entities = []string{}
	}
	err := s.updateWatchlists(r.Context(), func(ws []Watchlist) ([]Watchlist, error) {
		if len(ws) >= 1000 {
			return nil, errBadRequestf("too many watchlists")
		}
		return append(ws, wl), nil
	})
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/watchlists/"+wl.ID)
	return writeJSON(w, http.StatusCreated, wl)
}

func (s *Server) apiDeleteWatchlist(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	err := s.updateWatchlists(r.Context(), func(ws []Watchlist) ([]Watchlist, error) {
		out := ws[:0]
		for _, wl := range ws {
			if wl.ID != id {
				out = append(out, wl)
			}
		}
		if len(out) == len(ws) {
			return nil, errNotFoundf("no watchlist %q", id)
		}
		return out, nil
	})
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiWatchlistFeed is the Atom feed of a watchlist: new stories matching
// its query or mentioning its entities. It needs no token: feed readers
// cannot send one, and the watchlist ID is unguessable.
func (s *Server) apiWatchlistFeed(w http.ResponseWriter, r *http.Request) error {
	wl, err := s.findWatchlist(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	n, err := search.Parse(wl.Query)
	if err != nil {
		return err
	}
	if n != nil {
		search.Expand(n, s.resolver())
	}
	return s.feed(r.Context(), w, r, "Dateline: "+wl.Name, "urn:dateline:watchlist:"+wl.ID, store.SearchQuery{Query: n, Entities: wl.Entities})
}

// notifyLoop checks new articles against the watchlists every
// WebhookPoll and delivers webhooks, until ctx ends.
func (s *Server) notifyLoop(ctx context.Context) {
	last, err := s.notifyStart(ctx)
	if err != nil {
		s.log.Error("webhooks disabled", "err", err)
		return
	}
	t := time.NewTicker(s.cfg.WebhookPoll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		next, err := s.notifyOnce(ctx, last)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Error("webhooks", "err", err)
			}
			continue
		}
		last = next
	}
}

// notifyStart returns the last article already checked: the saved mark,
// or the newest article on a first start (old events are not sent).
func (s *Server) notifyStart(ctx context.Context) (int64, error) {
	_, upTo, err := s.cfg.Store.State(ctx, stateNotified)
	if err == nil {
		return upTo, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	p, err := s.cfg.Store.Articles(ctx, store.ArticleQuery{Limit: 1})
	if err != nil {
		return 0, err
	}
	var last int64
	if len(p.Articles) > 0 {
		last = p.Articles[0].ID
	}
	return last, s.cfg.Store.PutState(ctx, stateNotified, []byte("{}"), last)
}

// notifyOnce delivers webhooks for the events of articles after last and
// returns the new mark.
func (s *Server) notifyOnce(ctx context.Context, last int64) (int64, error) {
	ws, err := s.loadWatchlists(ctx)
	if err != nil {
		return last, err
	}
	mark := last
	err = s.cfg.Store.ArticlesAfter(ctx, last, func(a model.Article) error {
		mark = a.ID
		for _, wl := range ws {
			if wl.Webhook == "" || len(wl.Entities) == 0 {
				continue
			}
			for _, e := range a.Events {
				if hit := s.involves(e, wl.Entities); len(hit) > 0 {
					s.deliver(ctx, wl, WebhookEvent{Watchlist: wl.ID, Event: e, ArticleID: a.ID, Title: a.Title, Lang: a.Lang, Entities: hit})
				}
			}
		}
		return nil
	})
	if err != nil {
		return last, err
	}
	if mark != last {
		if err := s.cfg.Store.PutState(ctx, stateNotified, []byte("{}"), mark); err != nil {
			return last, err
		}
	}
	return mark, nil
}

// involves returns the watched entities among an event's actors (an
// actor's own entity, or the country entity of its country).
func (s *Server) involves(e model.Event, watched []string) []string {
	var out []string
	for _, ac := range []model.Actor{e.Source, e.Target} {
		ids := []string{ac.EntityID}
		if s.cfg.KB != nil && ac.Country != "" {
			if id, ok := s.cfg.KB.CountryID(ac.Country); ok {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			if id != "" && contains(watched, id) && !contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// deliver POSTs one webhook in the background, retrying with exponential
// backoff until a 2xx answer, WebhookAttempts attempts, or shutdown.
func (s *Server) deliver(ctx context.Context, wl Watchlist, ev WebhookEvent) {
	body, err := json.Marshal(ev)
	if err != nil {
		return
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		delay := s.cfg.WebhookBackoff
		for attempt := 1; attempt <= s.cfg.WebhookAttempts; attempt++ {
			err := s.post(ctx, wl, body)
			if err == nil {
				s.metrics.addWebhook("delivered")
				return
			}
			s.log.Warn("webhook failed", "watchlist", wl.ID, "attempt", attempt, "err", err)
			if attempt == s.cfg.WebhookAttempts {
				break
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(delay):
			}
			delay *= 2
		}
		s.metrics.addWebhook("failed")
	}()
}

func (s *Server) post(ctx context.Context, wl Watchlist, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, wl.Webhook, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "dateline-webhook")
	req.Header.Set("X-Dateline-Watchlist", wl.ID)
	if wl.Secret != "" {
		m := hmac.New(sha256.New, []byte(wl.Secret))
		m.Write(body)
		req.Header.Set("X-Dateline-Signature", "sha256="+hex.EncodeToString(m.Sum(nil)))
	}
	resp, err := s.cfg.Client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}
