package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"dateline/cluster"
	"dateline/eval/clustereval"
	"dateline/model"
	"dateline/similarity"
	"dateline/store/sqlite"
)

// clusterAnnotator returns the annotation the cluster evals run before
// feature extraction: the ingest pipeline's own concurrent stages
// (language, entities with the knowledge-base linker and NER, time
// expressions, events), built by newPipeline on a throw-away SQLite store
// in a temporary folder, or clustereval.Fallback when fallback is set.
// The returned close function removes the store.
func clusterAnnotator(ctx context.Context, a *app, fallback bool) (clustereval.Annotator, func(), error) {
	if fallback {
		return clustereval.Fallback, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "dateline-eval-")
	if err != nil {
		return nil, nil, fmt.Errorf("eval store: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "eval.db"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, fmt.Errorf("eval store: %w", err)
	}
	done := func() { st.Close(); os.RemoveAll(dir) }
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		done()
		return nil, nil, err
	}
	stages := p.Stages
	ann := func(ctx context.Context, art *model.Article) error {
		for _, s := range stages {
			if err := s.Process(ctx, art); err != nil {
				return err
			}
		}
		return nil
	}
	return ann, done, nil
}

// runEvalCluster clusters the ECB+ documents from their text alone and
// scores the clusters against (topic, half) and against topic.
func runEvalCluster(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval cluster", "")
	data := fs.String("data", "../shared/data/cluster-ecbplus", "ECB+ folder (topic folders of CAT XML files)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	fallback := fs.Bool("fallback", false, "annotate with the built-in fallback instead of the pipeline's stages")
	annotations := fs.String("annotations", "", "cache of the annotated documents (JSON): read when it exists, else written")
	errorsOut := fs.Bool("errors", false, "list the clusters and the gold sub-topics they mix or split (error analysis)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := clustereval.ReadECB(*data)
	if err != nil {
		return err
	}
	arts, err := ecbArticles(ctx, a, docs, *fallback, *annotations)
	if err != nil {
		return err
	}
	r, pl := clustereval.ClusterECB(docs, arts, cluster.Config{})
	if *errorsOut {
		writeECBErrors(a.stdout, docs, pl)
	}
	if *asJSON {
		return writeJSON(a.stdout, map[string]any{
			"docs":                     r.Docs,
			"clusters":                 r.Clusters,
			"stories":                  r.Stories,
			"gold_subtopics":           r.GoldSubTopics,
			"gold_topics":              r.GoldTopics,
			"bcubed_precision":         r.SubTopic.BCubed.Precision,
			"bcubed_recall":            r.SubTopic.BCubed.Recall,
			"bcubed_f1":                r.SubTopic.BCubed.F1,
			"pairwise_precision":       r.SubTopic.Pairwise.Precision,
			"pairwise_recall":          r.SubTopic.Pairwise.Recall,
			"pairwise_f1":              r.SubTopic.Pairwise.F1,
			"topic_bcubed_precision":   r.Topic.BCubed.Precision,
			"topic_bcubed_recall":      r.Topic.BCubed.Recall,
			"topic_bcubed_f1":          r.Topic.BCubed.F1,
			"topic_pairwise_precision": r.Topic.Pairwise.Precision,
			"topic_pairwise_recall":    r.Topic.Pairwise.Recall,
			"topic_pairwise_f1":        r.Topic.Pairwise.F1,
			"story_topic_bcubed_f1":    r.StoryTopic.BCubed.F1,
			"story_topic_pairwise_f1":  r.StoryTopic.Pairwise.F1,
		})
	}
	fmt.Fprintf(a.stdout, "%d documents, %d gold sub-topics, %d gold topics -> %d clusters, %d stories\n\n",
		r.Docs, r.GoldSubTopics, r.GoldTopics, r.Clusters, r.Stories)
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "level\tmeasure\tprecision\trecall\tF1\t")
	row := func(level, m string, s clustereval.PRF) {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t\n", level, m, s.Precision, s.Recall, s.F1)
	}
	row("sub-topic", "B-cubed", r.SubTopic.BCubed)
	row("sub-topic", "pairwise", r.SubTopic.Pairwise)
	row("topic", "B-cubed", r.Topic.BCubed)
	row("topic", "pairwise", r.Topic.Pairwise)
	row("topic (stories)", "B-cubed", r.StoryTopic.BCubed)
	row("topic (stories)", "pairwise", r.StoryTopic.Pairwise)
	return tw.Flush()
}

// runEvalSimilarity scores the SemEval-2022 task 8 pairs with the
// similarity package's boosted model, cross-validated (folds grouped by
// article), and correlates the scores with the negated Overall grade.
// With --train PATH it also fits the model on all pairs and writes it
// (the embedded default is similarity/data/model.json.gz).
func runEvalSimilarity(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval similarity", "")
	data := fs.String("data", "../shared/data/sim-semeval2022t8/training_set.csv", "SemEval-2022 task 8 CSV")
	folds := fs.Int("folds", 5, "cross-validation folds")
	asJSON := fs.Bool("json", false, "print one JSON object")
	fallback := fs.Bool("fallback", false, "annotate with the built-in fallback instead of the pipeline's stages")
	train := fs.String("train", "", "also fit the model on all pairs and write it to this file (gzipped JSON)")
	trees := fs.Int("trees", 0, "boosting rounds (0: the default)")
	depth := fs.Int("depth", 0, "tree depth (0: the default)")
	rate := fs.Float64("rate", 0, "learning rate (0: the default)")
	bags := fs.Int("bags", 0, "ensembles of different seeds averaged (0: the default)")
	dump := fs.String("dump", "", "write the pairs' features and cross-validated predictions to this TSV file")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *folds < 2 {
		return fmt.Errorf("%w: --folds must be at least 2", errUsage)
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("eval similarity: %w", err)
	}
	defer f.Close()
	pairs, err := clustereval.ReadPairs(f)
	if err != nil {
		return fmt.Errorf("eval similarity %s: %w", *data, err)
	}
	ann, done, err := clusterAnnotator(ctx, a, *fallback)
	if err != nil {
		return err
	}
	defer done()
	sd, err := clustereval.SimFeatures(ctx, pairs, ann)
	if err != nil {
		return err
	}
	params := similarity.Params{Trees: *trees, Depth: *depth, Rate: *rate, Bags: *bags}
	r, err := sd.Eval(clustereval.SimOptions{Folds: *folds, Params: params})
	if err != nil {
		return err
	}
	if *dump != "" {
		if err := writeSimDump(*dump, sd, r.Predicted); err != nil {
			return err
		}
	}
	if *train != "" {
		m, err := similarity.Train(sd.X, sd.Y, similarity.FeatureNames, params)
		if err != nil {
			return err
		}
		out, err := os.Create(*train)
		if err != nil {
			return fmt.Errorf("eval similarity: %w", err)
		}
		if err := similarity.WriteModel(out, m); err != nil {
			out.Close()
			return fmt.Errorf("eval similarity %s: %w", *train, err)
		}
		if err := out.Close(); err != nil {
			return fmt.Errorf("eval similarity %s: %w", *train, err)
		}
	}
	if *asJSON {
		return writeJSON(a.stdout, r)
	}
	fmt.Fprintf(a.stdout, "%d pairs, %d-fold cross-validation grouped by article\n", r.Pairs, r.Folds)
	fmt.Fprintf(a.stdout, "Pearson (boosted model, CV): all %.3f, original rows %.3f, augmented rows %.3f\n",
		r.Pearson, r.PearsonOriginal, r.PearsonAugmented)
	fmt.Fprintf(a.stdout, "Pearson (ridge on the same features, CV): all %.3f\n", r.PearsonLinear)
	fmt.Fprintf(a.stdout, "Pearson (clusterer score, unfitted): all %.3f, original rows %.3f\n",
		r.PearsonUnfitted, r.PearsonUnfittedOriginal)
	fmt.Fprintf(a.stdout, "Pearson (embedded model, trained on this set: not held out): all %.3f\n\n", r.PearsonEmbedded)
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pair\tpairs\tPearson\toriginal\tPearson\t")
	for _, lp := range clustereval.SortedLangPairs(r.ByLangPair) {
		s := r.ByLangPair[lp]
		orig := "-"
		if s.OriginalPairs >= 3 {
			orig = fmt.Sprintf("%.3f", s.PearsonOriginal)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%s\t\n", lp, s.Pairs, s.Pearson, s.OriginalPairs, orig)
	}
	return tw.Flush()
}

// writeSimDump writes the similarity eval's feature table to path.
func writeSimDump(path string, sd *clustereval.SimData, pred []float64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval similarity: %w", err)
	}
	if err := sd.WriteTSV(f, pred); err != nil {
		f.Close()
		return fmt.Errorf("eval similarity %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval similarity %s: %w", path, err)
	}
	return nil
}
