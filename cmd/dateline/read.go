package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"dateline/extract"
	"dateline/model"
	"dateline/source"
	"dateline/store"
)

func runExtract(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "extract", "FILE")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: extract needs one FILE", errUsage)
	}
	var docs []*model.Document
	var errs []error
	rd := &source.Reader{Open: openExtraFormats}
	if err := rd.Walk(ctx, pos, func(it source.Item) error {
		if it.Err != nil {
			errs = append(errs, it.Err)
		} else {
			docs = append(docs, it.Doc)
		}
		return nil
	}); err != nil {
		return err
	}
	if len(errs) > 0 && len(docs) == 0 {
		return errs[0]
	}
	ex := extract.New()
	var arts []model.Article
	for _, d := range docs {
		art, err := ex.Extract(ctx, d)
		if err != nil {
			return err
		}
		arts = append(arts, art)
	}
	for _, art := range arts {
		if *asJSON {
			if err := writeJSON(a.stdout, art); err != nil {
				return err
			}
			continue
		}
		printArticle(a, art)
	}
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintf(a.stderr, "error: %v\n", e)
		}
		return fmt.Errorf("%w: %d records", errPartial, len(errs))
	}
	return nil
}

func printArticle(a *app, art model.Article) {
	w := a.stdout
	if art.ID != 0 {
		fmt.Fprintf(w, "id:        %d\n", art.ID)
	}
	fmt.Fprintf(w, "source:    %s\n", art.Source)
	fmt.Fprintf(w, "lang:      %s\n", art.Lang)
	fmt.Fprintf(w, "title:     %s\n", art.Title)
	if !art.Dateline.IsZero() {
		fmt.Fprintf(w, "dateline:  %s (%s)\n", art.Dateline.Place, strings.Join(art.Dateline.Agencies, "/"))
	}
	if len(art.Agencies) > 0 {
		fmt.Fprintf(w, "agencies:  %s\n", strings.Join(art.Agencies, ", "))
	}
	if !art.Published.IsZero() {
		fmt.Fprintf(w, "published: %s\n", art.Published)
	}
	fmt.Fprintf(w, "\n%s\n\n%s\n", art.Lead, art.Body)
	if len(art.Briefs) > 0 {
		fmt.Fprintf(w, "\nbriefs (%d):\n", len(art.Briefs))
		for _, b := range art.Briefs {
			age := "-"
			if b.AgeSeconds != nil {
				age = fmt.Sprintf("%ds", *b.AgeSeconds)
			}
			place := b.Dateline.Place
			if len(b.Dateline.Agencies) > 0 {
				place += " (" + strings.Join(b.Dateline.Agencies, "/") + ")"
			}
			fmt.Fprintf(w, "  [%s] %s %s\n", age, place, b.Text)
		}
	}
	if len(art.Mentions) > 0 {
		fmt.Fprintf(w, "\nmentions (%d):\n", len(art.Mentions))
		for _, m := range art.Mentions {
			fmt.Fprintf(w, "  %-4s %-30s %s\n", m.Type, m.Text, m.EntityID)
		}
	}
}

func runArticles(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "articles", "")
	db := fs.String("db", defaultDB(), "store")
	asJSON := fs.Bool("json", false, "print JSON")
	lang := fs.String("lang", "", "only articles in this language")
	limit := fs.Int("limit", 50, "page size")
	cursor := fs.String("cursor", "", "continue after the cursor printed by a previous page")
	all := fs.Bool("all", false, "list every article (all pages)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	q := store.ArticleQuery{Lang: *lang, Limit: *limit, Cursor: *cursor}
	var out []model.Article
	next := ""
	for {
		page, err := st.Articles(ctx, q)
		if err != nil {
			return err
		}
		out = append(out, page.Articles...)
		next = page.Next
		if !*all || next == "" {
			break
		}
		q.Cursor = next
	}
	if *asJSON {
		if out == nil {
			out = []model.Article{}
		}
		return writeJSON(a.stdout, store.ArticlePage{Articles: out, Next: next})
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLANG\tPUBLISHED\tPLACE\tTITLE\tSOURCE")
	for _, art := range out {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", art.ID, art.Lang, art.Published, art.Dateline.Place, clip(art.Title, 70), art.Source)
	}
	tw.Flush()
	if next != "" {
		fmt.Fprintf(a.stdout, "more: --cursor %s\n", next)
	}
	return nil
}

func runShow(ctx context.Context, a *app, args []string) error {
	o, err := parseOne(a, "show", "article ID", args)
	if err != nil {
		return err
	}
	id, err := o.intID("article ID")
	if err != nil {
		return err
	}
	st, err := openStore(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	art, err := st.Article(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("article %d not found in %s", id, o.db)
	}
	if err != nil {
		return err
	}
	if o.asJSON {
		return writeJSON(a.stdout, art)
	}
	printArticle(a, art)
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
