package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"dateline/cluster"
	"dateline/event"
	"dateline/model"
	"dateline/store"
)

// notFound turns store.ErrNotFound into a plain message.
func notFound(err error, what string, db string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s not found in %s", what, db)
	}
	return err
}

func runEntities(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "entities", "")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	typ := fs.String("type", "", "only this type: PER, ORG, LOC, MISC")
	country := fs.String("country", "", "only entities of this country (ISO alpha-3)")
	limit := fs.Int("limit", 50, "page size")
	cursor := fs.String("cursor", "", "continue from a previous page")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Entities(ctx, store.EntityQuery{Type: strings.ToUpper(*typ), Country: strings.ToUpper(*country), Limit: *limit, Cursor: *cursor})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a.stdout, page)
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tCOUNTRY\tMENTIONS\tNAME\tALIASES")
	for _, e := range page.Entities {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", e.ID, e.Type, e.Country, e.Mentions, e.Name, clip(aliasList(e.Aliases), 80))
	}
	tw.Flush()
	if page.Next != "" {
		fmt.Fprintf(a.stdout, "more: --cursor %s\n", page.Next)
	}
	return nil
}

func aliasList(as []model.Alias) string {
	var parts []string
	for _, al := range as {
		parts = append(parts, fmt.Sprintf("%s (%s)", al.Text, al.Lang))
	}
	return strings.Join(parts, ", ")
}

func runEntity(ctx context.Context, a *app, args []string) error {
	o, err := parseOne(a, "entity", "entity ID", args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Entity(ctx, o.id)
	if err != nil {
		return notFound(err, "entity "+o.id, o.db)
	}
	if o.asJSON {
		return writeJSON(a.stdout, d)
	}
	w := a.stdout
	fmt.Fprintf(w, "id:       %s\nname:     %s\ntype:     %s %s\n", d.ID, d.Name, d.Type, d.Kind)
	if d.Country != "" {
		fmt.Fprintf(w, "country:  %s\n", d.Country)
	}
	fmt.Fprintf(w, "mentions: %d\n\naliases by language:\n", d.Mentions)
	byLang := map[string][]string{}
	var langs []string
	for _, al := range d.Aliases {
		if _, ok := byLang[al.Lang]; !ok {
			langs = append(langs, al.Lang)
		}
		byLang[al.Lang] = append(byLang[al.Lang], fmt.Sprintf("%s (%d)", al.Text, al.Count))
	}
	for _, l := range langs {
		name := l
		if name == "" {
			name = "?"
		}
		fmt.Fprintf(w, "  %-3s %s\n", name, strings.Join(byLang[l], ", "))
	}
	fmt.Fprintf(w, "\narticles (%d):\n", len(d.Articles))
	for _, r := range d.Articles {
		fmt.Fprintf(w, "  %d [%s] %s  %s\n", r.ID, r.Lang, clip(r.Title, 70), r.Source)
	}
	return nil
}

// eventFlags are the filters shared by events and export.
type eventFlags struct {
	db, actor, target, typ, from, to *string
}

func addEventFlags(a *app, name string) (*eventFlags, func([]string) ([]string, error), *bool) {
	fs := newFlags(a, name, "")
	ef := &eventFlags{
		db:     fs.String("db", defaultDB(), "store"),
		actor:  fs.String("actor", "", "source actor country (ISO alpha-3)"),
		target: fs.String("target", "", "target actor country (ISO alpha-3)"),
		typ:    fs.String("type", "", "PLOVER event type"),
		from:   fs.String("from", "", "first event date (YYYY-MM-DD)"),
		to:     fs.String("to", "", "last event date (YYYY-MM-DD)"),
	}
	asJSON := fs.Bool("json", false, "print JSON")
	return ef, func(args []string) ([]string, error) { return parseFlags(fs, args) }, asJSON
}

// allEvents reads every event matching the flags, page by page.
func allEvents(ctx context.Context, st store.Store, q store.EventQuery) ([]model.Event, error) {
	out := []model.Event{}
	for {
		p, err := st.Events(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Events...)
		if p.Next == "" {
			return out, nil
		}
		q.Cursor = p.Next
	}
}

func (ef *eventFlags) query() store.EventQuery {
	return store.EventQuery{Source: strings.ToUpper(*ef.actor), Target: strings.ToUpper(*ef.target),
		Type: strings.ToUpper(*ef.typ), From: *ef.from, To: *ef.to, Limit: 500}
}

func runEvents(ctx context.Context, a *app, args []string) error {
	ef, parse, asJSON := addEventFlags(a, "events")
	if _, err := parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, *ef.db)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := allEvents(ctx, st, ef.query())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a.stdout, map[string]any{"events": evs})
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tSOURCE\tTARGET\tPLACE\tSCORE\tSOURCES")
	for _, e := range evs {
		date := e.Date
		if e.DateEnd != "" && e.DateEnd != e.Date {
			date += ".." + e.DateEnd
		}
		typ := e.Type
		if e.Mode != "" {
			typ += "/" + e.Mode
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%+.1f\t%d\n", e.ID, date, typ, actorLabel(e.Source), actorLabel(e.Target), e.Place, e.Score, len(e.Sources))
	}
	return tw.Flush()
}

func actorLabel(ac model.Actor) string {
	s := ac.Country
	if ac.Sector != "" {
		s += ":" + ac.Sector
	}
	if ac.Name != "" {
		s += " " + ac.Name
	}
	return strings.TrimSpace(s)
}

func runExport(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || args[0] != "events" {
		return fmt.Errorf("%w: usage: dateline export events [--format tsv|csv|jsonl] [filters]", errUsage)
	}
	ef, parse, _ := addEventFlags(a, "export events")
	_ = ef
	format := "tsv"
	rest := args[1:]
	for i := 0; i < len(rest); i++ { // --format is read here so the shared flag set stays small
		if v, ok := strings.CutPrefix(rest[i], "--format="); ok {
			format = v
			rest = append(rest[:i:i], rest[i+1:]...)
			i--
		} else if rest[i] == "--format" && i+1 < len(rest) {
			format = rest[i+1]
			rest = append(rest[:i:i], rest[i+2:]...)
			i--
		}
	}
	if _, err := parse(rest); err != nil {
		return err
	}
	st, err := openStore(ctx, *ef.db)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := allEvents(ctx, st, ef.query())
	if err != nil {
		return err
	}
	switch format {
	case "tsv":
		return event.WriteTSV(a.stdout, evs)
	case "csv":
		return event.WriteCSV(a.stdout, evs)
	case "jsonl", "json":
		return event.WriteJSONL(a.stdout, evs)
	}
	return fmt.Errorf("%w: unknown format %q (tsv, csv, jsonl)", errUsage, format)
}

func runClusters(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "clusters", "")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 50, "page size")
	cursor := fs.String("cursor", "", "continue from a previous page")
	story := fs.Int64("story", 0, "only clusters of this story")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Clusters(ctx, store.ClusterQuery{StoryID: *story, Limit: *limit, Cursor: *cursor})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a.stdout, page)
	}
	for _, c := range page.Clusters {
		printCluster(a, c, "")
	}
	if page.Next != "" {
		fmt.Fprintf(a.stdout, "more: --cursor %s\n", page.Next)
	}
	return nil
}

func printCluster(a *app, c model.Cluster, indent string) {
	fmt.Fprintf(a.stdout, "%scluster %d (story %d) [%s] %d articles  %s\n", indent, c.ID, c.StoryID, strings.Join(c.Langs, ","), len(c.Articles), c.Title)
	for _, r := range c.Articles {
		fmt.Fprintf(a.stdout, "%s  %d [%s] %s  %s\n", indent, r.ID, r.Lang, clip(r.Title, 60), r.Source)
	}
}

func runStories(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "stories", "")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 50, "page size")
	cursor := fs.String("cursor", "", "continue from a previous page")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Stories(ctx, store.StoryQuery{Limit: *limit, Cursor: *cursor})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a.stdout, page)
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSPAN\tLANGS\tCLUSTERS\tARTICLES\tTITLE")
	for _, s := range page.Stories {
		n := 0
		for _, c := range s.Clusters {
			n += len(c.Articles)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\n", s.ID, span(s.Start, s.End), strings.Join(s.Langs, ","), len(s.Clusters), n, clip(s.Title, 70))
	}
	tw.Flush()
	if page.Next != "" {
		fmt.Fprintf(a.stdout, "more: --cursor %s\n", page.Next)
	}
	return nil
}

// span is a story's time span for tables: days, in each time's own zone
// (the page's), one day when both ends fall on it. --json keeps the full
// times.
func span(a, b model.Time) string {
	if a.IsZero() {
		return "-"
	}
	from := a.Format("2006-01-02")
	if b.IsZero() {
		return from
	}
	if to := b.Format("2006-01-02"); to != from {
		return from + ".." + to
	}
	return from
}

func runStory(ctx context.Context, a *app, args []string) error {
	o, err := parseOne(a, "story", "story ID", args)
	if err != nil {
		return err
	}
	id, err := o.intID("story ID")
	if err != nil {
		return err
	}
	st, err := openStore(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, id)
	if err != nil {
		return notFound(err, "story "+o.id, o.db)
	}
	if o.asJSON {
		return writeJSON(a.stdout, s)
	}
	fmt.Fprintf(a.stdout, "story %d: %s\nspan: %s  languages: %s\n\n", s.ID, s.Title, span(s.Start, s.End), strings.Join(s.Langs, ","))
	for _, c := range s.Clusters {
		printCluster(a, c, "  ")
	}
	return nil
}

func runDyad(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "dyad", "COUNTRY COUNTRY")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	per := fs.String("per", "month", "aggregate per day, week or month")
	from := fs.String("from", "", "first date (YYYY-MM-DD)")
	to := fs.String("to", "", "last date (YYYY-MM-DD)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: dyad needs two country codes (ISO alpha-3), e.g. dyad BLR CHN", errUsage)
	}
	g := cluster.Granularity(*per)
	if g != cluster.Day && g != cluster.Week && g != cluster.Month {
		return fmt.Errorf("%w: --per must be day, week or month", errUsage)
	}
	c1, c2 := strings.ToUpper(pos[0]), strings.ToUpper(pos[1])
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := allEvents(ctx, st, store.EventQuery{Source: c1, Target: c2, Either: true, From: *from, To: *to, Limit: 500})
	if err != nil {
		return err
	}
	points := cluster.Dyad(evs, c1, c2, g)
	if *asJSON {
		if points == nil {
			points = []cluster.DyadPoint{}
		}
		return writeJSON(a.stdout, map[string]any{"a": c1, "b": c2, "per": g, "points": points})
	}
	fmt.Fprintf(a.stdout, "%s-%s per %s: %d events\n", c1, c2, g, len(evs))
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tEVENTS\tMEAN\tSUM\tTYPES")
	for _, p := range points {
		var types []string
		for _, e := range p.Events {
			types = append(types, e.Type)
		}
		fmt.Fprintf(tw, "%s\t%d\t%+.1f\t%+.1f\t%s\n", p.Period, p.Count, p.Mean, p.Sum, strings.Join(types, ","))
	}
	return tw.Flush()
}
