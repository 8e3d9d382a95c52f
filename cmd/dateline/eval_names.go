package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"dateline/entity"
	"dateline/eval/nameseval"
)

// runEvalNames measures same-entity decisions over the pairs of a
// name-variant test set (see testdata/names/README.md).
func runEvalNames(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval names", "")
	data := fs.String("data", filepath.Join("testdata", "names", "groups.tsv"), "name-variant groups (TSV: group, lang, name, source)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	holdout := fs.Bool("holdout", true, "remove the test names from the knowledge base before matching")
	keysOnly := fs.Bool("keys-only", false, "decide with name keys alone, without the knowledge base")
	build := fs.String("build", "", "build the test set from ../shared/data and testdata/names/heldout.tsv into this file, then exit")
	shared := fs.String("shared", filepath.Join("..", "shared", "data"), "shared data folder (with --build)")
	half := fs.String("half", "", "score one half of the groups only: even (for tuning) or odd (held out)")
	errs := fs.Int("errors", 0, "print up to this many wrong decisions per kind and language pair, with counts")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *build != "" {
		set, err := nameseval.BuildSet(*shared, filepath.Join("testdata", "names", "heldout.tsv"))
		if err != nil {
			return err
		}
		f, err := os.Create(*build)
		if err != nil {
			return fmt.Errorf("eval names: %w", err)
		}
		fmt.Fprintln(f, "# Built by `dateline eval names --build`; see README.md. group\tlang\tname\tsource")
		if err := nameseval.WriteSet(f, set); err != nil {
			f.Close()
			return fmt.Errorf("eval names: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("eval names: %w", err)
		}
		fmt.Fprintf(a.stdout, "%d names -> %s\n", len(set), *build)
		return nil
	}
	set, err := nameseval.ReadSetFile(*data)
	if err != nil {
		return err
	}
	switch *half {
	case "":
	case "even":
		set = nameseval.Half(set, 0)
	case "odd":
		set = nameseval.Half(set, 1)
	default:
		return fmt.Errorf("%w: --half must be even or odd", errUsage)
	}
	kb, err := entity.Embedded()
	if err != nil {
		return err
	}
	var m nameseval.Matcher = nameseval.NewKBMatcher(kb, set, *holdout)
	if *keysOnly {
		m = nameseval.NewKeyMatcher(set)
	}
	if *errs > 0 {
		printNameMistakes(a, nameseval.Mistakes(ctx, set, m), *errs)
		return nil
	}
	res := nameseval.Score(ctx, set, m)
	if *asJSON {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "names: %d groups, %d names, %d pairs (%d positive); holdout=%v\n",
		res.Groups, res.Names, res.Pairs, res.PositivePairs, *holdout)
	fmt.Fprintf(a.stdout, "%-22s %9s %9s %9s %8s\n", "", "precision", "recall", "f1", "pos")
	fmt.Fprintf(a.stdout, "%-22s %9.3f %9.3f %9.3f %8d\n", "overall", res.Precision, res.Recall, res.F1, res.PositivePairs)
	for _, by := range []struct {
		name string
		m    map[string]nameseval.PRF
	}{{"source", res.BySource}, {"script", res.ByScript}, {"lang", res.ByLang}} {
		keys := make([]string, 0, len(by.m))
		for k := range by.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := by.m[k]
			if v.TP+v.FP+v.FN == 0 {
				continue
			}
			fmt.Fprintf(a.stdout, "%-22s %9.3f %9.3f %9.3f %8d\n", by.name+"="+k, v.Precision, v.Recall, v.F1, v.Positive)
		}
	}
	return nil
}

// printNameMistakes prints wrong decisions grouped by kind (FN, FP) and
// language pair, the largest groups first, with up to n examples each.
func printNameMistakes(a *app, ms []nameseval.Mistake, n int) {
	type bucket struct {
		key string
		ms  []nameseval.Mistake
	}
	idx := map[string]int{}
	var bs []bucket
	for _, m := range ms {
		la, lb := m.A.Lang, m.B.Lang
		if la > lb {
			la, lb = lb, la
		}
		k := m.Kind + " " + la + "-" + lb
		i, ok := idx[k]
		if !ok {
			i = len(bs)
			idx[k] = i
			bs = append(bs, bucket{key: k})
		}
		bs[i].ms = append(bs[i].ms, m)
	}
	sort.SliceStable(bs, func(i, j int) bool { return len(bs[i].ms) > len(bs[j].ms) })
	for _, b := range bs {
		fmt.Fprintf(a.stdout, "%s: %d\n", b.key, len(b.ms))
		for i, m := range b.ms {
			if i == n {
				break
			}
			fmt.Fprintf(a.stdout, "  %-36q %-36q %s|%s %s\n", m.A.Text, m.B.Text, m.A.Source, m.B.Source, m.A.Group)
		}
	}
}

// runKB handles `kb build` (regenerate the embedded knowledge base) and
// `kb import FILE` (Wikidata JSON lines or a names TSV into a user KB file
// that entity.LoadKB merges).
func runKB(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "usage: dateline kb build [--data ../shared/data] [--out entity/data/kb.jsonl.gz]\n       dateline kb import FILE [--format wikidata|names] [--out ./dateline-kb.jsonl]")
		return fmt.Errorf("%w: kb needs build or import", errUsage)
	}
	switch args[0] {
	case "build":
		fs := newFlags(a, "kb build", "")
		data := fs.String("data", filepath.Join("..", "shared", "data"), "shared data folder (CLDR, mledoze)")
		out := fs.String("out", filepath.Join("entity", "data", "kb.jsonl.gz"), "output file")
		curated := fs.String("curated", filepath.Join("entity", "data", "curated.txt"), "curated entities")
		demonyms := fs.String("demonyms", filepath.Join("entity", "data", "demonyms.txt"), "demonyms")
		if _, err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		recs, err := entity.Build(entity.BuildOptions{SharedData: *data, Curated: *curated, Demonyms: *demonyms})
		if err != nil {
			return err
		}
		if err := writeRecordsFile(*out, recs, true); err != nil {
			return err
		}
		a.log.Info("kb built", "entities", len(recs), "out", *out)
		fmt.Fprintf(a.stdout, "%d entities -> %s\n", len(recs), *out)
		return nil
	case "import":
		fs := newFlags(a, "kb import", "FILE")
		format := fs.String("format", "", "wikidata or names (default: by extension: .json/.jsonl wikidata, else names)")
		out := fs.String("out", "dateline-kb.jsonl", "user KB file to extend")
		pos, err := parseFlags(fs, args[1:])
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return fmt.Errorf("%w: kb import needs one FILE", errUsage)
		}
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		defer f.Close()
		fm := *format
		if fm == "" {
			switch filepath.Ext(pos[0]) {
			case ".json", ".jsonl", ".ndjson":
				fm = "wikidata"
			default:
				fm = "names"
			}
		}
		var recs []entity.Record
		switch fm {
		case "wikidata":
			kb, err := entity.Embedded()
			if err != nil {
				return err
			}
			recs, err = entity.ImportWikidata(f, kb)
			if err != nil {
				return fmt.Errorf("kb import %s: %w", pos[0], err)
			}
		case "names":
			recs, err = entity.ImportNames(f)
			if err != nil {
				return fmt.Errorf("kb import %s: %w", pos[0], err)
			}
		default:
			return fmt.Errorf("%w: unknown format %q", errUsage, fm)
		}
		var existing []entity.Record
		if g, err := os.Open(*out); err == nil {
			existing, err = entity.ReadRecords(g)
			g.Close()
			if err != nil {
				return fmt.Errorf("kb import: %s: %w", *out, err)
			}
		}
		merged := entity.MergeRecords(existing, recs)
		if err := writeRecordsFile(*out, merged, false); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%d entities imported; %s holds %d\n", len(recs), *out, len(merged))
		return nil
	}
	return fmt.Errorf("%w: unknown kb command %q", errUsage, args[0])
}

func writeRecordsFile(path string, recs []entity.Record, gz bool) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if gz {
		err = entity.WriteRecords(f, recs)
	} else {
		err = entity.WriteRecordsPlain(f, recs)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp, path)
}
