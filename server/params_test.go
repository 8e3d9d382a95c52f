package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestListParamErrors pins which error a listing reports when a request
// has several bad parameters: the shared paging parameters and each
// endpoint's own filters are read in a fixed order.
func TestListParamErrors(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	const badLimit = "limit must be a number from 1 to 500"
	for _, tc := range []struct {
		name, url string
		status    int
		message   string
	}{
		{"articles limit before lang", "/api/v1/articles?limit=0&lang=X1&cursor=%27", 400, badLimit},
		{"articles lang before cursor", "/api/v1/articles?lang=X1&cursor=%27", 400, `bad language "X1"`},
		{"articles cursor", "/api/v1/articles?cursor=%27", 400, `bad cursor "'"`},
		{"entities type before country", "/api/v1/entities?type=1&country=12", 400, `bad type "1"`},
		{"entities country before cursor", "/api/v1/entities?country=12&cursor=%27", 400, `bad country "12"`},
		{"events either before limit", "/api/v1/events?either=maybe&limit=0", 400, "either must be true or false"},
		{"events limit before actor", "/api/v1/events?limit=501&actor=X", 400, badLimit},
		{"events actor before type", "/api/v1/events?actor=X&type=1", 400, `bad country "X"`},
		{"events date before cursor", "/api/v1/events?from=2020-1&cursor=%27", 400, `bad date "2020-1"`},
		{"clusters limit before story", "/api/v1/clusters?limit=x&story=0", 400, badLimit},
		{"clusters story before cursor", "/api/v1/clusters?story=0&cursor=%27", 400, `bad story "0"`},
		{"stories cursor", "/api/v1/stories?cursor=%27", 400, `bad cursor "'"`},
		{"search limit before facets", "/api/v1/search?limit=0&facets=x", 400, badLimit},
		{"search facets before lang", "/api/v1/search?facets=x&lang=X1", 400, "facets must be true or false"},
		{"search date before cursor", "/api/v1/search?to=x&cursor=%27", 400, `bad date "x"`},
		{"article id", "/api/v1/articles/0", 400, `bad id "0"`},
		{"story id", "/api/v1/stories/x", 400, `bad id "x"`},
		{"export after", "/api/v1/export/articles?after=-1", 400, `bad after "-1"`},
		{"export format before after", "/api/v1/export/articles?format=xml&after=-1", 400, "format must be jsonl or csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "GET", ts.URL+tc.url, "", nil)
			var body ErrorBody
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
			}
			if r.status != tc.status || body.Error.Message != tc.message {
				t.Errorf("got %d %q, want %d %q", r.status, body.Error.Message, tc.status, tc.message)
			}
		})
	}
}

// TestWatchlistLifecycle creates, lists and deletes a watchlist; deleting
// it again or reading it afterwards is a 404.
func TestWatchlistLifecycle(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	base := ts.URL + "/api/v1/watchlists"
	r := do(t, "POST", base, testToken, strings.NewReader(`{"name":"Belarus","query":"Minsk"}`))
	var wl Watchlist
	if err := json.Unmarshal(r.body, &wl); err != nil || r.status != 201 || wl.ID == "" {
		t.Fatalf("create: %d %s (%v)", r.status, r.body, err)
	}
	if loc := r.header.Get("Location"); loc != "/api/v1/watchlists/"+wl.ID {
		t.Errorf("Location %q", loc)
	}
	if r := do(t, "POST", base, testToken, strings.NewReader(`{"name":"x","query":"a","extra":1}`)); r.status != 400 ||
		!strings.Contains(string(r.body), "bad JSON body") {
		t.Errorf("unknown field: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", base, testToken, nil); !strings.Contains(string(r.body), wl.ID) {
		t.Errorf("list: %d %s", r.status, r.body)
	}
	for i, want := range []int{204, 404} {
		if r := do(t, "DELETE", base+"/"+wl.ID, testToken, nil); r.status != want {
			t.Errorf("delete %d: %d %s, want %d", i+1, r.status, r.body, want)
		}
	}
	if r := do(t, "GET", base+"/"+wl.ID, testToken, nil); r.status != 404 {
		t.Errorf("get deleted: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", base, testToken, nil); strings.TrimSpace(string(r.body)) != `{"watchlists":[]}` {
		t.Errorf("list after delete: %s", r.body)
	}
}
