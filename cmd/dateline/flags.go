package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// newFlags returns a flag set for a subcommand that reports errors instead
// of exiting.
func newFlags(a *app, name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "usage: dateline %s [flags] %s\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags and positional arguments to be
// interleaved ("extract FILE --json"); "--" ends flag parsing. It returns
// the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
		if len(args) > 0 && args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		if len(args) == 0 {
			return pos, nil
		}
		if !strings.HasPrefix(args[0], "-") {
			// keep collecting positionals until the next flag
			for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
				pos = append(pos, args[0])
				args = args[1:]
			}
			if len(args) == 0 {
				return pos, nil
			}
		}
	}
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// oneArgs are the arguments of a command that shows one stored item:
// "NAME [--db FILE] [--json] ID".
type oneArgs struct {
	db     string
	asJSON bool
	id     string
}

// parseOne parses the arguments of a command showing one item; what names
// the item in the usage error ("article ID").
func parseOne(a *app, name, what string, args []string) (oneArgs, error) {
	fs := newFlags(a, name, "ID")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return oneArgs{}, err
	}
	if len(pos) != 1 {
		return oneArgs{}, fmt.Errorf("%w: %s needs one %s", errUsage, name, what)
	}
	return oneArgs{db: *db, asJSON: *asJSON, id: pos[0]}, nil
}

// intID reads a numeric ID argument.
func (o oneArgs) intID(what string) (int64, error) {
	id, err := strconv.ParseInt(o.id, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: bad %s %q", errUsage, what, o.id)
	}
	return id, nil
}
