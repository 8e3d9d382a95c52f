// Package testpg starts a throwaway PostgreSQL server for tests: initdb and
// pg_ctl into a fresh temporary folder, listening on a free loopback port
// and on a unix socket inside that folder, with durability switched off
// (fsync, synchronous_commit) because the data dies with the test. As root
// it runs the server as the unprivileged user "postgres", as PostgreSQL
// requires. One server per test binary (start it in TestMain), one fresh
// database per test (DB).
//
// When no PostgreSQL binaries are found, Start returns ErrNoPostgres and DB
// skips the test with a message, except when the environment variable CI
// is "true": then it fails, so that CI cannot silently skip the PostgreSQL
// suites. scripts/setup-postgres.sh installs the binaries.
package testpg

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoPostgres is returned by Start when no PostgreSQL binaries are found.
var ErrNoPostgres = errors.New("PostgreSQL binaries (initdb, pg_ctl) not found: run scripts/setup-postgres.sh or set PG_BIN")

// Server is a running throwaway PostgreSQL server.
type Server struct {
	// Dir is the temporary folder holding the data directory, the socket
	// and the log; it is removed by Stop.
	Dir string
	// Port is the loopback TCP port.
	Port int
	// User is the superuser name (no password, trust authentication).
	User string
	bin  string
	cred *syscall.Credential
	n    atomic.Int64
	// err is why Main could not start a server (Require reports it).
	err error
}

// BinDir returns the folder holding initdb and pg_ctl: $PG_BIN, then the
// newest /usr/lib/postgresql/*/bin, then `pg_config --bindir`, then PATH.
func BinDir() (string, error) {
	ok := func(dir string) bool {
		_, e1 := os.Stat(filepath.Join(dir, "initdb"))
		_, e2 := os.Stat(filepath.Join(dir, "pg_ctl"))
		return e1 == nil && e2 == nil
	}
	if d := os.Getenv("PG_BIN"); d != "" {
		if ok(d) {
			return d, nil
		}
		return "", fmt.Errorf("PG_BIN=%s: %w", d, ErrNoPostgres)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if ok(d) {
			return d, nil
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); ok(d) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil && ok(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	return "", ErrNoPostgres
}

// pgVersion reads the major version from /usr/lib/postgresql/N/bin.
func pgVersion(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

// Start initialises and starts a server. Stop it with Stop.
func Start(ctx context.Context) (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "testpg-")
	if err != nil {
		return nil, fmt.Errorf("testpg: %w", err)
	}
	s := &Server{Dir: dir, User: "dateline", bin: bin}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root: run it as user postgres.
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("testpg: running as root needs a user postgres: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("testpg: %w", err)
		}
	}
	if err := s.start(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) run(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, name), args...)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("testpg: %s: %w\n%s", name, err, out)
	}
	return nil
}

func (s *Server) start(ctx context.Context) error {
	data := filepath.Join(s.Dir, "data")
	if err := s.run(ctx, "initdb", "-D", data, "-U", s.User, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return err
	}
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		opts := strings.Join([]string{
			"-p", strconv.Itoa(port), "-k", s.Dir, "-c", "listen_addresses=127.0.0.1",
			"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
			"-c", "max_connections=200", "-c", "shared_buffers=64MB",
		}, " ")
		lastErr = s.run(ctx, "pg_ctl", "start", "-D", data, "-w", "-t", "60", "-l", filepath.Join(s.Dir, "log"), "-o", opts)
		if lastErr == nil {
			s.Port = port
			return nil
		}
		log, _ := os.ReadFile(filepath.Join(s.Dir, "log"))
		if !strings.Contains(string(log), "in use") {
			return fmt.Errorf("%w\n%s", lastErr, log)
		}
	}
	return lastErr
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("testpg: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// URL returns the connection URL of database db.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", s.User, s.Port, db)
}

// CreateDB creates a fresh, empty database and returns its URL.
func (s *Server) CreateDB(ctx context.Context) (string, error) {
	name := fmt.Sprintf("t%d_%d", time.Now().UnixNano()%1e9, s.n.Add(1))
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", fmt.Errorf("testpg: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("testpg: create database: %w", err)
	}
	return s.URL(name), nil
}

// Exec runs SQL on database url as the superuser (test hooks: triggers
// that slow the server down, counts).
func Exec(ctx context.Context, url, sql string, args ...any) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("testpg: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		return fmt.Errorf("testpg: %w", err)
	}
	return nil
}

// Stop stops the server and removes its folder. Stop on nil does nothing.
func (s *Server) Stop() {
	if s == nil || s.Dir == "" {
		return
	}
	data := filepath.Join(s.Dir, "data")
	if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = s.run(ctx, "pg_ctl", "stop", "-D", data, "-m", "immediate", "-w")
		cancel()
	}
	os.RemoveAll(s.Dir)
}

// Main is the body of a TestMain that shares one server among a test
// binary's tests: it starts the server, stores it in *srv (without a
// running server when PostgreSQL is absent: DB then skips or fails), runs the tests and stops
// the server. It returns the exit code for os.Exit.
func Main(m *testing.M, srv **Server) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	s, err := Start(ctx)
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "testpg: %v\n", err)
		s = &Server{err: err}
	}
	*srv = s
	code := m.Run()
	s.Stop()
	return code
}

// Require returns the shared server, or skips the test when there is none
// (fails it when $CI is "true").
func Require(t testing.TB, s *Server) *Server {
	t.Helper()
	if s != nil && s.err == nil {
		return s
	}
	msg := "no PostgreSQL server (did TestMain call testpg.Main?)"
	if s != nil {
		msg = "no PostgreSQL server: " + s.err.Error()
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: PostgreSQL tests must run)", msg)
	}
	t.Skip(msg)
	return nil
}

// DB creates a fresh database on the shared server s and returns its URL;
// it skips or fails the test like Require when there is no server.
func DB(t testing.TB, s *Server) string {
	t.Helper()
	s = Require(t, s)
	url, err := s.CreateDB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return url
}
