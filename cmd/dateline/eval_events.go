package main

import (
	"context"
	"fmt"
	"sort"
	"text/tabwriter"

	"dateline/eval/eventeval"
	"dateline/event"
)

// runEvalEvents scores the PLOVER event coder on a PLOVER GSR JSON file:
// `dateline eval events [--data FILE] [--holdout K] [--errors] [--json]`.
func runEvalEvents(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval events", "")
	data := fs.String("data", "../shared/data/events-plover-gsr/PLOVER_GSR_CAMEO.dev.json", "PLOVER GSR JSON file")
	holdout := fs.Int("holdout", 4, "also score the tuning part and the held-out part (every K-th record); 0 to skip")
	showErrors := fs.Bool("errors", false, "list the records coded wrongly (of the tuning part when --holdout > 1)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	recs, err := eventeval.Load(*data)
	if err != nil {
		return err
	}
	c, err := event.NewCoder()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	all := eventeval.Evaluate(c, recs)
	var tune, held eventeval.Report
	if *holdout > 1 {
		t, h := eventeval.Split(recs, *holdout)
		tune, held = eventeval.Evaluate(c, t), eventeval.Evaluate(c, h)
	}
	if *asJSON {
		out := map[string]any{
			"data":            *data,
			"records":         all.Records,
			"coded":           all.Coded,
			"accuracy":        all.Accuracy,
			"source_accuracy": all.SourceAccuracy,
			"target_accuracy": all.TargetAccuracy,
			"source_records":  all.SourceRecords,
			"target_records":  all.TargetRecords,
			"by_type":         all.ByType,
			"confusion":       all.Confusion,
		}
		if *holdout > 1 {
			part := func(r eventeval.Report) map[string]any {
				return map[string]any{"records": r.Records, "accuracy": r.Accuracy,
					"source_accuracy": r.SourceAccuracy, "target_accuracy": r.TargetAccuracy}
			}
			out["by_split"] = map[string]any{"tune": part(tune), "heldout": part(held), "holdout_every": *holdout}
		}
		return writeJSON(a.stdout, out)
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "data\t%s\n", *data)
	row := func(name string, r eventeval.Report) {
		fmt.Fprintf(w, "%s\t%d records\ttype %.1f%%\tsource %.1f%% (of %d)\ttarget %.1f%% (of %d)\n", name, r.Records,
			100*r.Accuracy, 100*r.SourceAccuracy, r.SourceRecords, 100*r.TargetAccuracy, r.TargetRecords)
	}
	row("all", all)
	if *holdout > 1 {
		row("tune", tune)
		row(fmt.Sprintf("held-out (every %dth)", *holdout), held)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "gold type\tgold\tpredicted\tcorrect\tP\tR\tF1\tconfused with")
	for _, t := range all.Types() {
		s := all.ByType[t]
		conf := ""
		var preds []string
		for p := range all.Confusion[t] {
			preds = append(preds, p)
		}
		sort.Strings(preds)
		for _, p := range preds {
			if p != t {
				conf += fmt.Sprintf("%s:%d ", p, all.Confusion[t][p])
			}
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%s\n", t, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1, conf)
	}
	if *showErrors {
		// with a held-out part, list the tuning part's errors only, so
		// that the held-out records stay unseen
		errs := all.Errors
		if *holdout > 1 {
			errs = tune.Errors
		}
		fmt.Fprintln(w)
		for _, m := range errs {
			fmt.Fprintf(w, "%s\tgold %s %v->%v\tgot %s %s->%s\t%s\n", m.Record.ID, m.Record.Type, m.Record.Sources, m.Record.Targets,
				m.Event.Type, m.Event.Source.Country, m.Event.Target.Country, m.Record.Text)
		}
	}
	return w.Flush()
}
