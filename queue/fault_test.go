package queue_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"dateline/internal/testnats"
	"dateline/internal/testpg"
	"dateline/store"
	"dateline/store/postgres"
	"dateline/store/sqlite"
)

// envInt reads a positive integer from the environment.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// scaleRig is what the process-level tests share: the dateline and
// nats-server binaries built from this module, and generated documents.
type scaleRig struct {
	dir, dateline, natsServer, docs string
}

func newScaleRig(t *testing.T, n int) *scaleRig {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	r := &scaleRig{dir: t.TempDir()}
	r.dateline = filepath.Join(r.dir, "dateline")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", r.dateline, "dateline/cmd/dateline").CombinedOutput(); err != nil {
		t.Fatalf("build dateline: %v\n%s", err, out)
	}
	var err error
	if r.natsServer, err = testnats.BuildServer(ctx, r.dir); err != nil {
		t.Fatal(err)
	}
	r.docs = genDocs(t, r.dir, n, 2026)
	return r
}

// command runs the dateline binary and returns its output.
func (r *scaleRig) command(t *testing.T, args ...string) []byte {
	out, _ := r.commandCPU(t, args...)
	return out
}

// commandCPU runs the dateline binary and returns its output and the CPU
// time it used.
func (r *scaleRig) commandCPU(t *testing.T, args ...string) ([]byte, time.Duration) {
	t.Helper()
	cmd := exec.Command(r.dateline, args...)
	cmd.Env = append(os.Environ(), "DATELINE_LOG=warn")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dateline %v: %v\n%s", args, err, out)
	}
	return out, cpu(cmd)
}

// cpu is the user and system time of a finished process.
func cpu(cmd *exec.Cmd) time.Duration {
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// worker starts `dateline worker` as a process, logging into the rig's folder.
func (r *scaleRig) worker(t *testing.T, name, natsURL, db string, extra ...string) *exec.Cmd {
	t.Helper()
	log, err := os.OpenFile(filepath.Join(r.dir, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"worker", "--nats", natsURL, "--db", db, "--ack-wait", "5s", "--exit-idle", "3s"}, extra...)
	cmd := exec.Command(r.dateline, args...)
	cmd.Env = append(os.Environ(), "DATELINE_LOG=info")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		log.Close()
	})
	return cmd
}

// reference runs the single-process pipeline (SQLite) on the rig's documents.
func (r *scaleRig) reference(t *testing.T) (store.Store, time.Duration) {
	t.Helper()
	path := filepath.Join(r.dir, "ref.db")
	start := time.Now()
	_, used := r.commandCPU(t, "ingest", "--quiet", "--db", path, r.docs)
	took := time.Since(start)
	t.Logf("single process CPU time %v", used.Round(time.Millisecond))
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, took
}

// TestFaultTolerance is acceptance test 2: a 3-node JetStream cluster
// (R3 stream) and 3 worker processes process DATELINE_FAULT_DOCS (default
// 20,000) documents; during the run one NATS node and one worker are
// killed with SIGKILL and the worker is restarted. Afterwards every
// document is stored exactly once and every article is placed (cluster,
// story) as by a single-process run, with the same counts of events,
// mentions, entities, clusters and stories. It takes minutes, so it runs
// only when DATELINE_FAULT_TEST=1.
func TestFaultTolerance(t *testing.T) {
	if os.Getenv("DATELINE_FAULT_TEST") != "1" {
		t.Skip("set DATELINE_FAULT_TEST=1 to run the multi-process fault test (minutes)")
	}
	n := envInt("DATELINE_FAULT_DOCS", 20000)
	r := newScaleRig(t, n)
	db := testpg.DB(t, pg)
	cl, err := testnats.StartCluster(r.natsServer, filepath.Join(r.dir, "nats"), 3)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Stop()
	start := time.Now()
	var pubSum struct {
		Published int64 `json:"published"`
	}
	if err := json.Unmarshal(r.command(t, "ingest", "--nats", cl.URLs(), "--json", r.docs), &pubSum); err != nil || pubSum.Published != int64(n) {
		t.Fatalf("published %+v, %v; want %d", pubSum, err, n)
	}
	t.Logf("published %d documents in %v", n, time.Since(start).Round(time.Millisecond))

	ctx := context.Background()
	st, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, js := connect(t, cl.URLs())
	stream, err := js.Stream(ctx, "DATELINE_DOCS")
	if err != nil {
		t.Fatal(err)
	}
	if info, err := stream.Info(ctx); err != nil || info.Config.Replicas != 3 {
		t.Fatalf("stream replicas: %+v, %v", info, err)
	}
	start = time.Now()
	var workers [3]*exec.Cmd
	for i := range workers {
		workers[i] = r.worker(t, fmt.Sprintf("worker%d", i), cl.URLs(), db+"&application_name=worker"+strconv.Itoa(i))
	}
	// A quarter of the way, kill with SIGKILL the worker that holds the
	// committer's lease (the harder case: the lease must move) and one
	// NATS node.
	waitWatermark(t, st, int64(n/4), 20*time.Minute)
	victim := leaseHolder(t, st)
	if err := workers[victim].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	workers[victim].Wait()
	if err := cl.Kill(1); err != nil {
		t.Fatal(err)
	}
	wm, _ := st.Watermark(ctx)
	t.Logf("killed worker%d (the committer) and NATS node n2 at watermark %d after %v", victim, wm, time.Since(start).Round(time.Millisecond))
	time.Sleep(2 * time.Second)
	workers[victim] = r.worker(t, fmt.Sprintf("worker%d", victim), cl.URLs(), db+"&application_name=worker"+strconv.Itoa(victim))
	for i, w := range workers {
		if err := w.Wait(); err != nil {
			log, _ := os.ReadFile(filepath.Join(r.dir, fmt.Sprintf("worker%d.log", i)))
			t.Fatalf("worker%d: %v\n%s", i, err, tail(log))
		}
	}
	took := time.Since(start)
	waitStreamCommitted(t, st, stream)
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("3 workers: %d documents in %v (%.0f/s) with a worker and a NATS node killed", got.Documents, took.Round(time.Millisecond), float64(got.Documents)/took.Seconds())

	ref, refTook := r.reference(t)
	want, err := ref.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("single process: %d documents in %v (%.0f/s)", want.Documents, refTook.Round(time.Millisecond), float64(want.Documents)/refTook.Seconds())
	if got.Documents != int64(n) || got.Articles != int64(n) {
		t.Errorf("stored %d documents, %d articles; want %d", got.Documents, got.Articles, n)
	}
	if got.Events != want.Events || got.Mentions != want.Mentions || got.Entities != want.Entities ||
		got.Clusters != want.Clusters || got.Stories != want.Stories || got.Briefs != want.Briefs {
		t.Errorf("stats %+v, single-process run %+v", got, want)
	}
	gp, wp := placements(t, st), placements(t, ref)
	comparePlacements(t, gp, wp)
	for i := range workers {
		log, _ := os.ReadFile(filepath.Join(r.dir, fmt.Sprintf("worker%d.log", i)))
		t.Logf("worker%d: %s", i, lastLine(log))
	}
}

// leaseHolder returns the number of the worker process holding the
// committer's lease (from its PostgreSQL application_name).
func leaseHolder(t *testing.T, st *postgres.Store) int {
	t.Helper()
	var name string
	err := st.Pool().QueryRow(context.Background(), `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'worker%' LIMIT 1`).Scan(&name)
	if err != nil {
		t.Fatalf("committer lease holder: %v", err)
	}
	i, err := strconv.Atoi(strings.TrimPrefix(name, "worker"))
	if err != nil || i < 0 || i > 2 {
		t.Fatalf("committer lease holder %q", name)
	}
	return i
}

func waitWatermark(t *testing.T, st *postgres.Store, seq int64, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if wm, err := st.Watermark(context.Background()); err == nil && wm >= seq {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("watermark did not reach %d in %v", seq, timeout)
}

func waitStreamCommitted(t *testing.T, st *postgres.Store, s jetstream.Stream) {
	t.Helper()
	waitCommitted(t, st, s, 30*time.Second)
}

func tail(b []byte) string {
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

func lastLine(b []byte) string {
	s := string(b)
	for len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return s[i+1:]
		}
	}
	return s
}

// TestScaleThroughput measures documents per second of 1, 2 and 4 worker
// processes (one NATS server, one PostgreSQL) against the single-process
// SQLite run, on DATELINE_SCALE_DOCS (default 2,000) documents, for
// docs/scale.md. It runs only when DATELINE_SCALE_TEST=1.
func TestScaleThroughput(t *testing.T) {
	if os.Getenv("DATELINE_SCALE_TEST") != "1" {
		t.Skip("set DATELINE_SCALE_TEST=1 to measure worker throughput (minutes)")
	}
	n := envInt("DATELINE_SCALE_DOCS", 2000)
	r := newScaleRig(t, n)
	_, refTook := r.reference(t)
	t.Logf("single process (SQLite): %d docs in %v: %.0f docs/s", n, refTook.Round(time.Millisecond), float64(n)/refTook.Seconds())
	for _, k := range []int{1, 2, 4} {
		cl, err := testnats.StartCluster(r.natsServer, filepath.Join(r.dir, fmt.Sprintf("nats%d", k)), 1)
		if err != nil {
			t.Fatal(err)
		}
		db := testpg.DB(t, pg)
		r.command(t, "ingest", "--nats", cl.URLs(), r.docs)
		start := time.Now()
		var ws []*exec.Cmd
		for i := 0; i < k; i++ {
			ws = append(ws, r.worker(t, fmt.Sprintf("scale%d-%d", k, i), cl.URLs(), db))
		}
		var used time.Duration
		for _, w := range ws {
			if err := w.Wait(); err != nil {
				t.Fatal(err)
			}
			used += cpu(w)
		}
		took := time.Since(start) - 3*time.Second // --exit-idle
		st, err := postgres.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		stats, _ := st.Stats(context.Background())
		st.Close()
		cl.Stop()
		if stats.Documents != int64(n) {
			t.Errorf("%d workers stored %d documents, want %d", k, stats.Documents, n)
		}
		t.Logf("%d worker processes: %d docs in %v: %.0f docs/s; worker CPU %v (%.1f ms/doc)", k, n, took.Round(time.Millisecond),
			float64(n)/took.Seconds(), used.Round(time.Millisecond), float64(used.Milliseconds())/float64(n))
	}
}
