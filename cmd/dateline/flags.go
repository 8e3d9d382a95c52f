package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
