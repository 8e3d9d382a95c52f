// Command dateline turns a stream of news pages into articles, entities,
// events, clusters and stories. Each subcommand lives in its own file; this
// file only dispatches. See docs/cli.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/term"
)

// Exit statuses, documented in docs/cli.md.
const (
	exitOK      = 0 // everything worked
	exitFailure = 1 // the command failed
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // the command ran, but some inputs failed
)

// errUsage marks errors caused by how the command was called.
var errUsage = errors.New("usage")

// errPartial is returned by commands that processed a batch in which some
// inputs failed; the failures were already reported line by line.
var errPartial = errors.New("some inputs failed")

// app is what every subcommand gets: its output streams and logger.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	// tty is true when stderr is a terminal (progress bars go there).
	tty bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "read pages from files, folders, JSONL, WARC into the store", runIngest},
		{"extract", "segment one page and print the article without storing it", runExtract},
		{"articles", "list stored articles", runArticles},
		{"show", "show one stored article", runShow},
		{"entities", "list entities seen in stored articles", runEntities},
		{"entity", "show one entity: names per language, mentions, articles", runEntity},
		{"events", "list coded events", runEvents},
		{"export", "export events (tsv, csv, jsonl)", runExport},
		{"clusters", "list same-event clusters", runClusters},
		{"stories", "list storylines", runStories},
		{"story", "show one storyline", runStory},
		{"dyad", "relation timeline between two countries", runDyad},
		{"worker", "process documents from a NATS JetStream queue into PostgreSQL", runWorker},
		{"watch", "poll RSS/Atom feeds and ingest new articles", runWatch},
		{"kb", "knowledge base: import names", runKB},
		{"train", "train models from ../shared/data", runTrain},
		{"eval", "measure a component on a data set", runEval},
		{"bench", "measure speed", runBench},
		{"serve", "serve the JSON API and the web UI", runServe},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, tty: tty,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()}))}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	args, err := hoistGlobals(args)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %v\n", err)
		return exitUsage
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, a, args[1:])
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errPartial):
			fmt.Fprintf(stderr, "dateline %s: %v\n", c.name, err)
			return exitPartial
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "dateline %s: %v\n", c.name, err)
			return exitUsage
		default:
			fmt.Fprintf(stderr, "dateline %s: %v\n", c.name, err)
			return exitFailure
		}
	}
	fmt.Fprintf(stderr, "dateline: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

// hoistGlobals lets the flags every store command shares come before the
// command name: "dateline --db x.db stories --json" is read as
// "dateline stories --db x.db --json". Other flags must follow the command.
func hoistGlobals(args []string) ([]string, error) {
	var globals []string
	for len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		switch {
		case name == "json":
			globals, args = append(globals, args[0]), args[1:]
		case name == "db" && hasValue:
			globals, args = append(globals, args[0]), args[1:]
		case name == "db" && len(args) > 1:
			globals, args = append(globals, args[0], args[1]), args[2:]
		case name == "db":
			return nil, fmt.Errorf("flag %s needs a value", args[0])
		default:
			return nil, fmt.Errorf("flag %s must follow the command name (only --db and --json may come first)", args[0])
		}
	}
	if len(args) == 0 {
		return nil, errors.New("no command after the flags")
	}
	return append([]string{args[0]}, append(globals, args[1:]...)...), nil
}

func logLevel() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(os.Getenv("DATELINE_LOG"))); err != nil {
		return slog.LevelWarn
	}
	return l
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dateline COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'dateline COMMAND -h' for a command's flags. See docs/cli.md.")
}
