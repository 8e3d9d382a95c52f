package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dateline/pipeline"

	_ "modernc.org/sqlite"
)

type summary struct {
	pipeline.Summary
}

func ingestJSON(t *testing.T, dir string, args ...string) (summary, result) {
	t.Helper()
	r := dl(t, dir, append([]string{"ingest", "--json"}, args...)...)
	var s summary
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("ingest output %q (stderr %q): %v", r.stdout, r.stderr, err)
	}
	return s, r
}

func TestIngestExamplesTwice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	ex := filepath.Join(repoRoot(t), "examples")
	s1, r := ingestJSON(t, dir, "--db", db, ex)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if s1.Articles < 5 || s1.Errors != 0 || s1.Duplicates != 0 {
		t.Fatalf("first run: %+v", s1.Summary)
	}
	s2, r := ingestJSON(t, dir, "--db", db, ex)
	if r.code != 0 || s2.Articles != 0 || s2.Duplicates != s1.Read || s2.Read != s1.Read {
		t.Fatalf("second run: %+v (exit %d), first %+v", s2.Summary, r.code, s1.Summary)
	}
	lr := dl(t, dir, "articles", "--db", db, "--json", "--all")
	var page struct {
		Articles []struct {
			ID     int64  `json:"id"`
			Source string `json:"source"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(lr.stdout), &page); err != nil {
		t.Fatal(err)
	}
	if int64(len(page.Articles)) != s1.Articles {
		t.Fatalf("articles lists %d, ingest stored %d", len(page.Articles), s1.Articles)
	}
	sr := dl(t, dir, "show", "--db", db, "--json", fmt.Sprint(page.Articles[0].ID))
	if sr.code != 0 || !strings.Contains(sr.stdout, `"source"`) {
		t.Fatalf("show: %d %s %s", sr.code, sr.stdout, sr.stderr)
	}
	if r := dl(t, dir, "show", "--db", db, "999999"); r.code != exitFailure || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show missing: %d %q", r.code, r.stderr)
	}
}

func TestIngestSeedsTwice(t *testing.T) {
	seeds := sharedDir(t, "seeds")
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	s1, r := ingestJSON(t, dir, "--db", db, seeds)
	if r.code != 0 || s1.Articles != 5 || s1.Briefs == 0 {
		t.Fatalf("first: %+v exit %d %s", s1.Summary, r.code, r.stderr)
	}
	s2, _ := ingestJSON(t, dir, "--db", db, seeds)
	if s2.Articles != 0 || s2.Duplicates != 5 {
		t.Fatalf("second: %+v", s2.Summary)
	}
	counts := func() string {
		d, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var a, b, ab int
		d.QueryRow(`SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM briefs), (SELECT COUNT(*) FROM article_briefs)`).Scan(&a, &b, &ab)
		return fmt.Sprint(a, b, ab)
	}
	before := counts()
	ingestJSON(t, dir, "--db", db, seeds)
	if after := counts(); after != before {
		t.Fatalf("counts changed: %s -> %s", before, after)
	}
}

// TestIngestBadInputs feeds one of each kind of bad input beside good
// files: each bad one gets one error line naming it and the reason, the
// good ones are stored, and the exit status is exitPartial.
func TestIngestBadInputs(t *testing.T) {
	dir, err := os.MkdirTemp("", "dateline-bad")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	write := func(name string, data []byte, mode os.FileMode) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, data, mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
		return p
	}
	write("good1.txt", []byte("A headline about the harbour\nROTTERDAM (ANP) - The harbour reopened on Monday after a storm.\n"), 0o644)
	write("good2.txt", []byte("Second headline on the railways\nUTRECHT (ANP) - Trains ran again on Tuesday.\n"), 0o644)
	want := map[string]string{ // file -> reason words
		write("empty.txt", nil, 0o644):                                                      "empty",
		write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), 0o644):               "binary",
		write("latin1.txt", []byte("Caf\xe9 in Li\xe8ge\nBRUSSEL (ANP) - Tekst.\n"), 0o644): "invalid UTF-8",
		write("locked.txt", []byte("Locked headline\nTekst.\n"), 0o000):                     "permission denied",
	}
	big := filepath.Join(in, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("Een lange regel tekst zonder einde. ", 30) + "\n")
	for n := 0; n < 50<<20; n += len(line) {
		f.Write(line)
	}
	f.Close()
	os.Chmod(big, 0o644)
	want[big] = "too large"
	loop := filepath.Join(in, "loop.txt")
	os.Symlink("loop.txt", loop)
	want[loop] = "symlink loop"
	sub := filepath.Join(in, "sub")
	os.Mkdir(sub, 0o755)
	write("sub/good3.txt", []byte("Third headline about schools\nGENT (Belga) - Schools opened on Wednesday.\n"), 0o644)
	os.Symlink("..", filepath.Join(sub, "back"))
	want[filepath.Join(sub, "back")] = "symlink loop"

	db := filepath.Join(dir, "db")
	os.Mkdir(db, 0o777)
	os.Chmod(db, 0o777) // past the umask: the ingest may run as nobody
	cmd := exec.Command(binPath, "ingest", "--json", "--db", filepath.Join(db, "t.db"), in)
	cmd.Dir = dir
	if os.Geteuid() == 0 { // root reads every file: drop to nobody so permissions apply
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var so, se strings.Builder
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != exitPartial {
		t.Errorf("exit %d, want %d (stderr %s)", code, exitPartial, se.String())
	}
	lines := strings.Split(strings.TrimSpace(se.String()), "\n")
	for path, reason := range want {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, path+":") {
				n++
				if !strings.Contains(l, reason) {
					t.Errorf("error line for %s lacks %q: %s", path, reason, l)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d error lines name %s, want 1:\n%s", n, path, se.String())
		}
	}
	var s summary
	if err := json.Unmarshal([]byte(so.String()), &s); err != nil {
		t.Fatalf("summary %q: %v", so.String(), err)
	}
	if s.Articles != 3 || s.Errors != int64(len(want)) {
		t.Errorf("summary %+v, want 3 articles and %d errors", s.Summary, len(want))
	}
}

// TestIngestSurvivesSIGKILL kills an ingest of 10,000 generated documents
// at a random point, runs it again, and checks every document is stored
// exactly once.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 10000
	dir := t.TempDir()
	in := filepath.Join(dir, "docs.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := 0; i < n; i++ {
		enc.Encode(map[string]string{
			"url":  fmt.Sprintf("https://example.test/a/%d", i),
			"text": fmt.Sprintf("Headline number %d about the council\nDELFT (ANP) - The council met on day %d and agreed on plan %d.\nA second paragraph for item %d.", i, i%28+1, i*7, i),
		})
	}
	f.Close()
	db := filepath.Join(dir, "k.db")
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	threshold := 1 + rng.Intn(n-1000)
	t.Logf("seed %d: kill after at least %d documents", seed, threshold)

	cmd := exec.Command(binPath, "ingest", "--db", db, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killedAt := -1
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
poll:
	for {
		select {
		case <-done:
			break poll
		case <-ctx.Done():
			t.Fatal("ingest did not progress")
		case <-time.After(5 * time.Millisecond):
		}
		if c := countDocs(db); c >= threshold {
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killedAt = c
			break
		}
	}
	t.Logf("killed with %d documents stored (final count %d)", killedAt, countDocs(db))
	s, r := ingestJSON(t, dir, "--db", db, in)
	if r.code != 0 {
		t.Fatalf("rerun exit %d: %s", r.code, r.stderr)
	}
	if s.Articles+s.Duplicates != n {
		t.Errorf("rerun: %+v", s.Summary)
	}
	d, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var docs, arts, distinct int
	d.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT url) FROM documents`).Scan(&docs, &distinct)
	d.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&arts)
	if docs != n || distinct != n || arts != n {
		t.Fatalf("documents %d (distinct urls %d), articles %d; want %d each", docs, distinct, arts, n)
	}
}

// countDocs reads the number of stored documents, -1 when unreadable.
func countDocs(db string) int {
	d, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return -1
	}
	defer d.Close()
	var c int
	if err := d.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&c); err != nil {
		return -1
	}
	return c
}
