// Package testnats starts NATS JetStream servers for tests, from the
// nats-server Go module (no download, no system package): one embedded in
// the test process, or a cluster of nats-server processes on loopback,
// built from the module, that a test can kill with SIGKILL and restart.
package testnats

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Embedded starts a JetStream server inside the test process on a free
// loopback port, stopped at the end of the test, and returns its URL.
func Embedded(t testing.TB) string {
	t.Helper()
	opts := &server.Options{
		Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(),
		NoLog: true, NoSigs: true, ServerName: "embedded",
	}
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("testnats: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("testnats: server not ready")
	}
	t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
	return s.ClientURL()
}

// BuildServer builds the nats-server command of the module this program
// requires into dir and returns the binary's path.
func BuildServer(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "nats-server")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/nats-io/nats-server/v2")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("testnats: build nats-server: %w\n%s", err, out)
	}
	return bin, nil
}

// Node is one server process of a Cluster.
type Node struct {
	Name              string
	Port, ClusterPort int
	Dir               string
	cmd               *exec.Cmd
	log               *os.File
}

// URL returns the node's client URL.
func (n *Node) URL() string { return "nats://127.0.0.1:" + strconv.Itoa(n.Port) }

// Cluster is a JetStream cluster of nats-server processes on loopback.
type Cluster struct {
	Bin   string
	Nodes []*Node
}

// StartCluster starts n nodes of a cluster from the nats-server binary
// bin, with their stores and logs under dir (n = 1: a single server
// outside any cluster).
func StartCluster(bin, dir string, n int) (*Cluster, error) {
	c := &Cluster{Bin: bin}
	for i := 0; i < n; i++ {
		p, err := freePort()
		if err != nil {
			return nil, err
		}
		cp, err := freePort()
		if err != nil {
			return nil, err
		}
		c.Nodes = append(c.Nodes, &Node{Name: fmt.Sprintf("n%d", i+1), Port: p, ClusterPort: cp, Dir: filepath.Join(dir, fmt.Sprintf("n%d", i+1))})
	}
	for i := range c.Nodes {
		if err := c.Start(i); err != nil {
			c.Stop()
			return nil, err
		}
	}
	return c, nil
}

// URLs returns every node's client URL, comma-separated (a client
// connects to any and fails over to the others).
func (c *Cluster) URLs() string {
	var us []string
	for _, n := range c.Nodes {
		us = append(us, n.URL())
	}
	return strings.Join(us, ",")
}

// Start starts (or restarts) node i and waits until it accepts clients.
func (c *Cluster) Start(i int) error {
	n := c.Nodes[i]
	if err := os.MkdirAll(n.Dir, 0o755); err != nil {
		return fmt.Errorf("testnats: %w", err)
	}
	var routes []string
	for _, o := range c.Nodes {
		routes = append(routes, "nats://127.0.0.1:"+strconv.Itoa(o.ClusterPort))
	}
	log, err := os.OpenFile(filepath.Join(n.Dir, "log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("testnats: %w", err)
	}
	args := []string{"-a", "127.0.0.1", "-p", strconv.Itoa(n.Port), "-n", n.Name, "-js", "-sd", filepath.Join(n.Dir, "store")}
	if len(c.Nodes) > 1 {
		args = append(args, "--cluster_name", "dateline", "--cluster", "nats://127.0.0.1:"+strconv.Itoa(n.ClusterPort), "--routes", strings.Join(routes, ","))
	}
	cmd := exec.Command(c.Bin, args...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return fmt.Errorf("testnats: start %s: %w", n.Name, err)
	}
	n.cmd, n.log = cmd, log
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if conn, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(n.Port), 200*time.Millisecond); err == nil {
			conn.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("testnats: %s did not start (see %s)", n.Name, filepath.Join(n.Dir, "log"))
}

// Kill kills node i with SIGKILL and waits for it to exit.
func (c *Cluster) Kill(i int) error {
	n := c.Nodes[i]
	if n.cmd == nil || n.cmd.Process == nil {
		return fmt.Errorf("testnats: %s is not running", n.Name)
	}
	if err := n.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return fmt.Errorf("testnats: kill %s: %w", n.Name, err)
	}
	n.cmd.Wait()
	n.log.Close()
	n.cmd = nil
	return nil
}

// Stop stops every running node.
func (c *Cluster) Stop() {
	for _, n := range c.Nodes {
		if n.cmd != nil && n.cmd.Process != nil {
			n.cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { n.cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				n.cmd.Process.Kill()
				<-done
			}
			n.log.Close()
			n.cmd = nil
		}
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("testnats: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
