package main

import (
	"fmt"
	"os"

	"dateline/eval/eventeval"
	"dateline/event"
)

func main() {
	recs, err := eventeval.Load("../shared/data/events-plover-gsr/PLOVER_GSR_CAMEO.dev.json")
	if err != nil { panic(err) }
	c, err := event.NewCoder()
	if err != nil { panic(err) }
	t, h := eventeval.Split(recs, 4)
	for _, x := range []struct{n string; r []eventeval.Record}{{"all", recs}, {"tune", t}, {"held", h}} {
		r := eventeval.Evaluate(c, x.r)
		fmt.Printf("%s n=%d coded=%d type=%.3f src=%.3f(%d) tgt=%.3f(%d)\n", x.n, r.Records, r.Coded, r.Accuracy, r.SourceAccuracy, r.SourceRecords, r.TargetAccuracy, r.TargetRecords)
		if x.n == "tune" && len(os.Args) > 1 {
			for _, m := range r.Errors {
				fmt.Printf("%s\t%s %v->%v\tgot %s/%s %s->%s\t%s\n", m.Record.ID[14:], m.Record.Type, m.Record.Sources, m.Record.Targets, m.Event.Type, m.Event.Mode, m.Event.Source.Country, m.Event.Target.Country, m.Record.Text)
			}
		}
	}
}
