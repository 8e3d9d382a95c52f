package main

import (
	"context"
	"fmt"
	"io"
	"sort"
)

// evaluators lists the components `dateline eval` can measure; each lives
// in its own eval_*.go file.
func evaluators() map[string]func(ctx context.Context, a *app, args []string) error {
	return map[string]func(ctx context.Context, a *app, args []string) error{
		"extract":     runEvalExtract,
		"boilerplate": runEvalBoilerplate,
		"langid":      runEvalLangid,
		"ner":         runEvalNER,
		"names":       runEvalNames,
		"timex":       runEvalTimex,
		"events":      runEvalEvents,
		"cluster":     runEvalCluster,
		"similarity":  runEvalSimilarity,
	}
}

func runEval(ctx context.Context, a *app, args []string) error {
	ev := evaluators()
	if len(args) == 0 || ev[args[0]] == nil {
		evalUsage(a.stderr, ev)
		return fmt.Errorf("%w: eval needs a component", errUsage)
	}
	return ev[args[0]](ctx, a, args[1:])
}

func evalUsage(w io.Writer, ev map[string]func(ctx context.Context, a *app, args []string) error) {
	var names []string
	for n := range ev {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: dateline eval COMPONENT [--data PATH] [--json]")
	fmt.Fprintf(w, "components: %v\n", names)
}
