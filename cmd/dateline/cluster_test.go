package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// placements returns "source -> cluster/story" lines, with cluster and
// story IDs renamed by first appearance so runs can be compared.
func placements(t *testing.T, db string) string {
	t.Helper()
	d, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.Query(`SELECT source, cluster_id, story_id FROM articles ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var src string
		var c, s int64
		rows.Scan(&src, &c, &s)
		lines = append(lines, fmt.Sprintf("%s %d %d", filepath.Base(src), c, s))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestClustersSurviveRestart ingests the same pages in one run and in two
// runs (a restart in between): placements must be identical, and
// re-ingesting must change nothing.
func TestClustersSurviveRestart(t *testing.T) {
	ex := filepath.Join(repoRoot(t), "examples", "pages")
	files, _ := filepath.Glob(filepath.Join(ex, "*.txt"))
	if len(files) < 3 {
		t.Fatal("need example pages")
	}
	dir := t.TempDir()
	one := filepath.Join(dir, "one.db")
	if r := dl(t, dir, append([]string{"ingest", "--db", one}, files...)...); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	a := placements(t, one)
	if !strings.Contains(a, " 1 1") {
		t.Fatalf("no placements stored:\n%s", a)
	}
	for _, crash := range []bool{false, true} {
		two := filepath.Join(dir, fmt.Sprintf("two-%v.db", crash))
		if r := dl(t, dir, append([]string{"ingest", "--db", two}, files[:2]...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
		if crash {
			// A crash after the articles were stored but before the
			// snapshot: the next run must replay every stored article.
			d, _ := sql.Open("sqlite", two)
			if _, err := d.Exec(`DELETE FROM state WHERE name = 'cluster'`); err != nil {
				t.Fatal(err)
			}
			d.Close()
		}
		if r := dl(t, dir, append([]string{"ingest", "--db", two}, files[2:]...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
		if b := placements(t, two); b != a {
			t.Fatalf("crash=%v: placements differ after restart:\none run:\n%s\ntwo runs:\n%s", crash, a, b)
		}
		if r := dl(t, dir, append([]string{"ingest", "--db", two}, files...)...); r.code != 0 {
			t.Fatal(r.stderr)
		}
		if c := placements(t, two); c != a {
			t.Fatalf("re-ingest changed placements:\n%s\nwant\n%s", c, a)
		}
	}
	os.Remove(one)
}
