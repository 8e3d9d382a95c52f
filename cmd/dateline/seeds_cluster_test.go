package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// place is where an article was put.
type place struct{ id, cluster, story, dupOf int64 }

// storedPlacements returns the placement of every stored article by the
// first three characters of its source's file name ("000", "001", ...).
func storedPlacements(t *testing.T, db string) map[string]place {
	t.Helper()
	d, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.Query(`SELECT id, source, cluster_id, story_id, duplicate_of FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := make(map[string]place)
	for rows.Next() {
		var p place
		var src string
		if err := rows.Scan(&p.id, &src, &p.cluster, &p.story, &p.dupOf); err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(src)[:3]] = p
	}
	return out
}

// TestSeedsClusters is issue 6's first acceptance test on the five seed
// pages: the Dutch and the English announcement of Lukashenko's visit to
// China are one event cluster across languages; the later visit is
// another event of the same story; Shoigu in Minsk and Putin in Pyongyang
// are stories of their own; teasers pull nothing together.
func TestSeedsClusters(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	dir := t.TempDir()
	db := filepath.Join(dir, "seeds.db")
	s, r := ingestJSON(t, dir, "--db", db, seeds)
	if r.code != 0 || s.Articles != 5 {
		t.Fatalf("ingest: %+v %s", s, r.stderr)
	}
	p := storedPlacements(t, db)
	if len(p) != 5 {
		t.Fatalf("want 5 articles, got %v", p)
	}
	const (
		announceNL = "000" // ANP: Loekasjenko brengt volgende week een bezoek aan China
		laterVisit = "001" // ANP: Xi receives Loekasjenko in Beijing (a later visit)
		shoigu     = "002" // ANP: Sjoigoe in Minsk
		announceEN = "003" // DW: Lukashenko to visit China
		putin      = "004" // ANP: Poetin in Pyongyang
	)
	tests := []struct {
		name                   string
		a, b                   string
		sameCluster, sameStory bool
	}{
		{"the announcement in Dutch and English is one event", announceNL, announceEN, true, true},
		{"the later visit is another event of the same story", announceNL, laterVisit, false, true},
		{"the later visit is not the announced one (English)", announceEN, laterVisit, false, true},
		{"Shoigu in Minsk is another story", shoigu, announceNL, false, false},
		{"Shoigu in Minsk is not the later visit", shoigu, laterVisit, false, false},
		{"Putin in Pyongyang is another story", putin, announceNL, false, false},
		{"Putin in Pyongyang is not Shoigu in Minsk", putin, shoigu, false, false},
		// Both pages carry teasers about the same talks in Geneva (Oman,
		// the US and Iran): briefs must not link them.
		{"shared teasers pull nothing together", announceNL, putin, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := p[tc.a], p[tc.b]
			if a.cluster == 0 || b.cluster == 0 {
				t.Fatalf("unplaced: %s=%+v %s=%+v", tc.a, a, tc.b, b)
			}
			if got := a.cluster == b.cluster; got != tc.sameCluster {
				t.Errorf("same cluster = %v, want %v (%s=%+v %s=%+v)", got, tc.sameCluster, tc.a, a, tc.b, b)
			}
			if got := a.story == b.story; got != tc.sameStory {
				t.Errorf("same story = %v, want %v (%s=%+v %s=%+v)", got, tc.sameStory, tc.a, a, tc.b, b)
			}
		})
	}
}

// TestNearDuplicateRepublished re-publishes a seed page under another
// name with slight changes: the copy lands in the original's cluster,
// marked as its near-duplicate, also when it arrives after a restart.
func TestNearDuplicateRepublished(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) < 5 {
		t.Skip("need the five seed pages")
	}
	dir := t.TempDir()
	orig, err := os.ReadFile(files[3]) // the DW page
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(orig), "Belarusian strongman Alexander Lukashenko will visit China",
		"Belarus's leader Alexander Lukashenko will visit China", 1)
	text = strings.Replace(text, "Skip to content", "Skip to main content", 1)
	if text == string(orig) {
		t.Fatal("the copy is not changed")
	}
	copyPath := filepath.Join(dir, "999_republished.txt")
	if err := os.WriteFile(copyPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, db string) {
		t.Helper()
		p := storedPlacements(t, db)
		o, c := p["003"], p["999"]
		if c.cluster == 0 || c.cluster != o.cluster || c.story != o.story {
			t.Errorf("copy placed %+v, original %+v: want the same cluster and story", c, o)
		}
		if c.dupOf != o.id {
			t.Errorf("copy duplicate_of = %d, want the original's id %d", c.dupOf, o.id)
		}
		if o.dupOf != 0 {
			t.Errorf("original marked as a duplicate of %d", o.dupOf)
		}
		if a := p["000"]; a.dupOf != 0 {
			t.Errorf("the Dutch report (same event, other text) marked as a duplicate of %d", a.dupOf)
		}
	}
	t.Run("one run", func(t *testing.T) {
		db := filepath.Join(dir, "one.db")
		if s, r := ingestJSON(t, dir, append(append([]string{"--db", db}, files...), copyPath)...); r.code != 0 || s.Articles != 6 {
			t.Fatalf("ingest: %+v %s", s, r.stderr)
		}
		check(t, db)
	})
	for _, crash := range []bool{false, true} {
		name := "after a restart"
		if crash {
			name = "after a crash before the snapshots"
		}
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
			if _, r := ingestJSON(t, dir, append([]string{"--db", db}, files...)...); r.code != 0 {
				t.Fatal(r.stderr)
			}
			if crash {
				d, _ := sql.Open("sqlite", db)
				if _, err := d.Exec(`DELETE FROM state WHERE name IN ('cluster', 'cluster-dedup')`); err != nil {
					t.Fatal(err)
				}
				d.Close()
			}
			if s, r := ingestJSON(t, dir, "--db", db, copyPath); r.code != 0 || s.Articles != 1 {
				t.Fatalf("ingest: %+v %s", s, r.stderr)
			}
			check(t, db)
		})
	}
}
