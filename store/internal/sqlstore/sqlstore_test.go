package sqlstore

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"dateline/model"
	"dateline/store"
)

// fakeRows serves fixed rows to the scanners (a test double of driver
// rows, not of anything this package owns).
type fakeRows struct {
	rows [][]any
	i    int
	err  error
}

func (r *fakeRows) Next() bool { r.i++; return r.i <= len(r.rows) }
func (r *fakeRows) Err() error { return r.err }
func (r *fakeRows) Scan(dest ...any) error {
	row := r.rows[r.i-1]
	if len(row) != len(dest) {
		return fmt.Errorf("scan: %d columns into %d", len(row), len(dest))
	}
	for i, d := range dest {
		reflect.ValueOf(d).Elem().Set(reflect.ValueOf(row[i]))
	}
	return nil
}

func TestParseCursor(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     int64
		bad      bool
	}{
		{"empty", "", 0, false},
		{"number", "40", 40, false},
		{"negative", "-1", 0, true},
		{"text", "x", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCursor(tc.in)
			if (err != nil) != tc.bad || got != tc.want {
				t.Errorf("ParseCursor(%q) = %d, %v", tc.in, got, err)
			}
		})
	}
}

func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"", "0", "17", "-3", "9223372036854775808", "a1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseCursor(s)
		if err != nil {
			return
		}
		if v < 0 {
			t.Errorf("ParseCursor(%q) = %d, negative", s, v)
		}
		if want, perr := strconv.ParseInt(s, 10, 64); s != "" && (perr != nil || want != v) {
			t.Errorf("ParseCursor(%q) = %d, ParseInt says %d, %v", s, v, want, perr)
		}
	})
}

func TestEventConds(t *testing.T) {
	q := store.EventQuery{Source: "NLD", Target: "RUS", Either: true, Type: "protest", From: "2024-01-01", To: "2024-02"}
	for _, tc := range []struct {
		name   string
		dollar bool
		want   string
	}{
		{"sqlite", false, "((e.src_country = ? AND e.tgt_country = ?) OR (e.src_country = ? AND e.tgt_country = ?)) AND e.type = ? AND e.date >= ? AND e.date <= ?"},
		{"postgres", true, "((e.src_country = $1 AND e.tgt_country = $2) OR (e.src_country = $3 AND e.tgt_country = $4)) AND e.type = $5 AND e.date >= $6 AND e.date <= $7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Args{Dollar: tc.dollar}
			got := strings.Join(EventConds(q, &a), " AND ")
			if got != tc.want {
				t.Errorf("conds = %s, want %s", got, tc.want)
			}
			wantVals := []any{"NLD", "RUS", "RUS", "NLD", "PROTEST", "2024-01-01", "2024-02~"}
			if !reflect.DeepEqual(a.Vals, wantVals) {
				t.Errorf("args = %v, want %v", a.Vals, wantVals)
			}
		})
	}
}

func TestCheckSearch(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    store.SearchQuery
		sort string
		bad  bool
	}{
		{"no query sorts newest", store.SearchQuery{}, store.SortNewest, false},
		{"query sorts by relevance", store.SearchQuery{Text: "ukraine"}, store.SortRelevance, false},
		{"bad date", store.SearchQuery{From: "1 May"}, "", true},
		{"bad group", store.SearchQuery{Group: "day"}, "", true},
		{"bad sort", store.SearchQuery{Sort: "oldest"}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := CheckSearch(tc.q)
			if tc.bad {
				if !errors.Is(err, store.ErrBadQuery) {
					t.Fatalf("err = %v, want ErrBadQuery", err)
				}
				return
			}
			if err != nil || c.Sort != tc.sort || c.Limit != 20 || len(c.Langs) == 0 {
				t.Errorf("CheckSearch = %+v, %v", c, err)
			}
		})
	}
}

func TestMigrate(t *testing.T) {
	ms := []string{"one", "two", "three"}
	for _, tc := range []struct {
		name    string
		v       int
		fail    int
		applied []int
		errText string
	}{
		{"fresh", 0, 0, []int{1, 2, 3}, ""},
		{"partial", 2, 0, []int{3}, ""},
		{"current", 3, 0, nil, ""},
		{"newer", 4, 0, nil, "newer than this program"},
		{"failure stops", 0, 2, []int{1}, "migrate to version 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var applied []int
			err := Migrate(tc.v, ms, func(v int, stmts string) error {
				if v == tc.fail {
					return errors.New("boom")
				}
				if stmts != ms[v-1] {
					t.Errorf("version %d got %q", v, stmts)
				}
				applied = append(applied, v)
				return nil
			})
			if (err == nil) != (tc.errText == "") || (err != nil && !strings.Contains(err.Error(), tc.errText)) {
				t.Errorf("err = %v, want %q", err, tc.errText)
			}
			if !reflect.DeepEqual(applied, tc.applied) {
				t.Errorf("applied %v, want %v", applied, tc.applied)
			}
		})
	}
}

func TestGroups(t *testing.T) {
	members := &fakeRows{rows: [][]any{
		{int64(1), 0.5, int64(7)}, {int64(2), 0.6, int64(-2)}, {int64(3), 0.7, int64(7)},
	}}
	perGroup, ids, scores, err := GroupMembers(members)
	if err != nil || !reflect.DeepEqual(ids, []int64{1, 2, 3}) || len(scores) != 3 {
		t.Fatalf("GroupMembers = %v %v %v %v", perGroup, ids, scores, err)
	}
	hits := []store.SearchHit{{}, {}, {}}
	for i := range hits {
		hits[i].ID = int64(i + 1)
		hits[i].Title = "hit " + strconv.Itoa(i+1)
	}
	gs, err := Groups(store.GroupCluster, []int64{7, -2}, map[int64]int64{7: 2, -2: 1}, perGroup, hits, func(id int64) (string, error) {
		return "", nil // a cluster without a stored title
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 2 || gs[0].Kind != store.GroupCluster || gs[0].Count != 2 || len(gs[0].Hits) != 2 || gs[0].Title != "hit 1" {
		t.Errorf("cluster group = %+v", gs[0])
	}
	if gs[1].Kind != "article" || gs[1].ID != 2 || gs[1].Title != "hit 2" {
		t.Errorf("article group = %+v", gs[1])
	}
	if _, err := Groups(store.GroupStory, []int64{7}, nil, perGroup, hits, func(int64) (string, error) { return "", errors.New("down") }); err == nil {
		t.Error("title error not returned")
	}
}

func TestFacets(t *testing.T) {
	rows := &fakeRows{rows: [][]any{
		{"agency", "ANP", int64(2)}, {"agency", "RTR", int64(5)}, {"agency", "AFP", int64(2)},
	}}
	f, err := Facets(rows)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fc := range f["agency"] {
		got = append(got, fc.Value)
	}
	if !reflect.DeepEqual(got, []string{"RTR", "AFP", "ANP"}) {
		t.Errorf("agency facets = %v", got)
	}
	if _, err := Facets(&fakeRows{err: errors.New("lost")}); err == nil {
		t.Error("rows error not returned")
	}
}

func TestDescribe(t *testing.T) {
	aliases := func(id string) ([]model.Alias, error) {
		if id == "Q1" {
			return []model.Alias{{Text: "Lukashenko", Lang: "en", Count: 3}}, nil
		}
		return []model.Alias{}, nil
	}
	topText := func(id string) string { return "the president" }
	for _, tc := range []struct {
		name string
		in   model.Entity
		want string
	}{
		{"known name kept", model.Entity{ID: "Q1", Name: "Aljaksandr Loekasjenka"}, "Aljaksandr Loekasjenka"},
		{"most frequent alias", model.Entity{ID: "Q1"}, "Lukashenko"},
		{"mention text without aliases", model.Entity{ID: "Q2"}, "the president"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.in
			if err := Describe(&e, aliases, topText); err != nil || e.Name != tc.want || e.Aliases == nil {
				t.Errorf("Describe = %+v, %v; want name %q", e, err, tc.want)
			}
		})
	}
}
