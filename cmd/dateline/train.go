package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"dateline/analysis"
	"dateline/entity"
	"dateline/ner"
)

// trainers lists what `dateline train` can train; each entry is one
// subcommand ("dateline train ner ...").
func trainers() map[string]func(ctx context.Context, a *app, args []string) error {
	return map[string]func(ctx context.Context, a *app, args []string) error{
		"ner": runTrainNER,
	}
}

func runTrain(ctx context.Context, a *app, args []string) error {
	tr := trainers()
	if len(args) == 0 || tr[args[0]] == nil {
		var names []string
		for n := range tr {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(a.stderr, "usage: dateline train MODEL [flags]")
		fmt.Fprintf(a.stderr, "models: %v\n", names)
		return fmt.Errorf("%w: train needs a model name", errUsage)
	}
	return tr[args[0]](ctx, a, args[1:])
}

// nerTrainData is the licence-compatible training data of each shipped
// model, relative to ../shared/data: WikiANN (CC BY-SA, all three
// splits) and Europeana Newspapers (CC0). The Dutch model also learns
// from the English, German and French WikiANN training splits: names are
// shared across languages, and Dutch has the least data (+2.8 F1 on
// ned.testa for en+de; French +0.8 at seeds 1 and 2 with the run features).
var nerTrainData = map[string][]string{
	"nl": {"ner-wikiann/nl/train", "ner-wikiann/nl/dev", "ner-wikiann/nl/test", "ner-europeana/enp_NL.kb.bio", "ner-wikiann/en/train", "ner-wikiann/de/train", "ner-wikiann/fr/train"},
	"en": {"ner-wikiann/en/train", "ner-wikiann/en/dev", "ner-wikiann/en/test"},
	"de": {"ner-wikiann/de/train", "ner-wikiann/de/dev", "ner-wikiann/de/test", "ner-europeana/enp_DE.lft.bio", "ner-europeana/enp_DE.onb.bio", "ner-europeana/enp_DE.sbb.bio"},
	"fr": {"ner-wikiann/fr/train", "ner-wikiann/fr/dev", "ner-wikiann/fr/test", "ner-europeana/enp_FR.bnf.bio"},
}

// nerUnlabeledData is licence-compatible unlabeled text, relative to
// ../shared/data, from which word classes and casing statistics are
// learnt beside the training sentences: ECB+ news (CC BY 3.0), the
// lingua-go sentence files (Apache-2.0) and the news texts of the
// SemEval-2022 task 8 sample (third-party news, read for word statistics
// only: the model keeps word classes, never text).
var nerUnlabeledData = map[string][]string{
	"nl": {"langid-lingua/sentences/nl.txt"},
	"en": {"cluster-ecbplus/ECB+", "sim-semeval2022t8/training_set.csv", "langid-lingua/sentences/en.txt"},
	"de": {"sim-semeval2022t8/training_set.csv", "langid-lingua/sentences/de.txt"},
	"fr": {"sim-semeval2022t8/training_set.csv", "langid-lingua/sentences/fr.txt"},
}

// nerSelfTrain is the default --self-train confidence per language: on
// where the default unlabeled text holds news (en: +0.5 F1 on
// eng.testa), off for Dutch, whose only unlabeled text is a thousand
// encyclopaedic sentences (-0.5 on ned.testa).
var nerSelfTrain = map[string]float64{"en": 0.9, "de": 0.9, "fr": 0.9}

// nerSports is the default --sports share per language: English +4.8
// F1 on eng.testa at 0.05 (ORG 34.5 -> 55.6), +5.5 at 0.02; Dutch -0.7
// on ned.testa (noise level; off). German and French are not measured:
// off.
var nerSports = map[string]float64{"en": 0.02}

// nerCompoundCopies is the default `train ner --compound-copies` per
// language (AugmentCompounds writes Dutch compounds only).
var nerCompoundCopies = map[string]float64{"nl": 1}

// nerGenitives is the default `train ner --genitives` per language
// (AugmentGenitives writes Dutch genitives only).
var nerGenitives = map[string]float64{"nl": 0.5}

// researchOnly names data sets whose licence forbids shipping a model
// trained on them.
var researchOnly = []string{"conll2002", "conll2003", "ned.train", "eng.train", "esp.train", ".testa"}

func runTrainNER(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "train ner", "")
	lang := fs.String("lang", "nl", "language of the model")
	data := fs.String("data", "", "comma-separated CoNLL-style training files (default: the licence-compatible set for --lang under ../shared/data)")
	out := fs.String("out", "", "model file to write (default ner/models/LANG.model.gz)")
	dev := fs.String("dev", "", "CoNLL file to score after every epoch (progress only)")
	epochs := fs.Int("epochs", 5, "perceptron epochs")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times")
	prune := fs.Float64("prune", 0.002, "drop feature rows whose weights are all below this fraction of the largest")
	relabel := fs.Bool("misc", true, "relabel nationality/language words as MISC in data without MISC")
	silver := fs.Bool("silver", true, "for data without MISC (WikiANN, Europeana): drop title fragments and noisy spans, add surname-only, upper-case and titled-name copies")
	surnames := fs.Float64("surnames", 0.5, "with --silver: share of sentences with full person names copied with surnames only")
	upper := fs.Float64("upper", 0.1, "with --silver: share of sentences copied in upper case (headline style)")
	titles := fs.Float64("titles", 0.3, "with --silver: share of sentences with a full person name copied with a nationality and a title before it")
	unlabeled := fs.String("unlabeled", "", "comma-separated unlabeled text for word classes and casing: a directory of ECB+ XML files, the SemEval-2022 task 8 CSV (texts in --lang), or plain text (default: the licence-compatible set for --lang under ../shared/data; \"none\" for none)")
	clusters := fs.Bool("clusters", true, "learn word classes from the training sentences and the unlabeled text (they ship in the model)")
	selfTrain := fs.Float64("self-train", -1, "when > 0 (0 turns it off; default: 0.9 where the unlabeled text is news, en/de/fr, else 0): tag the unlabeled text with a first model, add its sentences whose every token has at least this confidence (and that hold a name) to the training data, and train again")
	selfRounds := fs.Int("self-rounds", 2, "with --self-train: rounds of tagging and training again")
	selfMax := fs.Int("self-max", 20000, "with --self-train: add at most this many sentences")
	clustersOut := fs.String("clusters-out", "", "also write the learnt word classes to this file (word TAB class per line), for inspection")
	useKB := fs.Bool("kb", true, "train with the knowledge-base names (entity.Embedded) as gazetteer features; they ship in the model")
	actors := fs.String("actors", "", "with --kb: comma-separated TABARI/PETRARCH actor dictionaries whose person, organisation and country names join the knowledge-base names (default: ../shared/data/events-petrarch2/Phoenix.Countries.actors.txt, MIT licence; \"none\" for none)")
	kbDrop := fs.Float64("kb-dropout", 0.5, "with --kb: share of training sentences that do not see the knowledge-base names")
	possessive := fs.Float64("possessive", 0.1, "with --silver: share of sentences with a name copied with another name and a possessive 's before it (en only)")
	news := fs.Float64("news", -1, "with --silver: share of sentences copied with a dateline (place in capitals) or with a country in parentheses after a person (default: 0.1, 0 for nl)")
	sports := fs.Float64("sports", -1, "with --silver: synthetic sports-result lines (teams: the data's place and organisation names, tagged ORG), as a share of the sentences (default: 0.02 for en, else 0)")
	acronyms := fs.Float64("acronyms", 0, "with --silver: share of sentences naming an organisation in several words copied with its acronym instead or after it in parentheses")
	compoundCopies := fs.Float64("compound-copies", -1, "with --silver: share of sentences with \"NOUN van NAME\" copied as the compound \"NAME-NOUN\" tagged MISC (Dutch only; default 1 for nl)")
	genitives := fs.Float64("genitives", -1, "with --silver: share of sentences with \"de NOUN van NAME\" copied as the genitive \"NAME's NOUN\" tagged MISC (Dutch only; default 0.5 for nl)")
	compounds := fs.Bool("compounds", true, "in Dutch data without MISC: retype hyphenated compounds of a name and a common word (\"VRT-journalist\") as MISC, as the CoNLL-2002 guidelines do")
	events := fs.Bool("events", true, "in data without MISC: retype names of events, competitions, awards and wars as MISC")
	research := fs.Bool("research", false, "allow research-only data (the model must not be committed)")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	if _, err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	var files []string
	if *data == "" {
		rel, ok := nerTrainData[*lang]
		if !ok {
			return fmt.Errorf("%w: no default training data for %q; give --data", errUsage, *lang)
		}
		for _, r := range rel {
			files = append(files, filepath.Join("..", "shared", "data", r))
		}
	} else {
		files = strings.Split(*data, ",")
	}
	if *out == "" {
		*out = filepath.Join("ner", "models", *lang+".model.gz")
	}
	restricted := false
	for _, f := range files {
		for _, r := range researchOnly {
			if strings.Contains(f, r) {
				restricted = true
			}
		}
	}
	if restricted && !*research {
		return fmt.Errorf("%w: %s is research-only data: pass --research and write the model outside ner/models", errUsage, *data)
	}
	if restricted && strings.Contains(filepath.ToSlash(filepath.Clean(*out)), "ner/models/") {
		return fmt.Errorf("%w: a model trained on research-only data may not be written to ner/models (it would be embedded)", errUsage)
	}

	var sents []ner.Sentence
	misc, entities := 0, 0
	for _, f := range files {
		s, err := readCoNLLFile(f)
		if err != nil {
			return err
		}
		for _, x := range s {
			for _, t := range x.Tags {
				if strings.HasPrefix(t, "B-") {
					entities++
					if t == "B-MISC" {
						misc++
					}
				}
			}
		}
		a.log.Info("train ner: read", "file", f, "sentences", len(s))
		sents = append(sents, s...)
	}
	// silver data has no MISC (a handful of stray MISC tags in Europeana
	// do not make it gold)
	hasMISC := misc*50 > entities
	if *silver && !hasMISC {
		n := len(sents)
		sents = ner.CleanSilver(sents, *lang)
		kept := len(sents)
		sur := ner.AugmentSurnames(sents, *surnames, *seed)
		up := ner.AugmentCase(sents, *upper, *seed)
		tit := ner.AugmentTitles(sents, *lang, *titles, *seed)
		pos := ner.AugmentPossessive(sents, *lang, *possessive, *seed)
		if *news < 0 {
			*news = 0.1
			if *lang == "nl" {
				*news = 0 // measured -0.4 F1 on ned.testa, +0.3 on eng.testa
			}
		}
		nws := ner.AugmentNews(sents, *lang, *news, *seed)
		if *sports < 0 {
			*sports = nerSports[*lang]
		}
		spt := ner.AugmentSports(sents, *lang, *sports, *seed)
		acr := ner.AugmentAcronyms(sents, *acronyms, *seed)
		if *compoundCopies < 0 {
			*compoundCopies = nerCompoundCopies[*lang]
		}
		cmp := ner.AugmentCompounds(sents, *lang, *compoundCopies, *seed)
		if *genitives < 0 {
			*genitives = nerGenitives[*lang]
		}
		gen := ner.AugmentGenitives(sents, *lang, *genitives, *seed)
		sents = append(append(append(append(append(append(append(append(append(sents, sur...), up...), tit...), pos...), nws...), spt...), acr...), cmp...), gen...)
		a.log.Info("train ner: silver", "read", n, "kept", kept, "surname_copies", len(sur), "upper_copies", len(up), "title_copies", len(tit), "possessive_copies", len(pos), "news_copies", len(nws), "sports_lines", len(spt), "acronym_copies", len(acr), "compound_copies", len(cmp), "genitive_copies", len(gen))
	}
	lex := ner.Lexicon(*lang)
	if *events && !hasMISC {
		n := ner.RelabelEvents(sents, *lang)
		a.log.Info("train ner: relabelled events as MISC", "mentions", n)
	}
	if *relabel && !hasMISC {
		n := ner.RelabelMISC(sents, *lang, lex)
		a.log.Info("train ner: relabelled MISC", "mentions", n)
	}
	if *compounds && !hasMISC {
		n := ner.RelabelCompounds(sents, *lang)
		a.log.Info("train ner: relabelled name compounds as MISC", "tokens", n)
	}
	opt := ner.TrainOptions{
		Lang: *lang, Epochs: *epochs, MinCount: *minCount, Prune: *prune,
		Lexicon: lex, Seed: *seed, Log: a.log, KBDropout: *kbDrop,
	}
	if *kbDrop <= 0 {
		opt.KBDropout = -1
	}
	if *useKB {
		kb, err := entity.Embedded()
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.KB = ner.KBNames(kb, *lang)
		if err := addActors(opt.KB, *actors, *lang); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		a.log.Info("train ner: knowledge-base names", "names", opt.KB.Len())
	}
	if *dev != "" {
		d, err := readCoNLLFile(*dev)
		if err != nil {
			return err
		}
		opt.Dev = d
	}
	start := time.Now()
	var ufiles []string
	switch *unlabeled {
	case "":
		for _, r := range nerUnlabeledData[*lang] {
			ufiles = append(ufiles, filepath.Join("..", "shared", "data", r))
		}
	case "none":
	default:
		ufiles = strings.Split(*unlabeled, ",")
	}
	for _, f := range ufiles {
		for _, r := range researchOnly {
			if strings.Contains(f, r) && !*research {
				return fmt.Errorf("%w: %s is research-only data", errUsage, f)
			}
		}
		text, err := readUnlabeled(f, *lang)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		a.log.Info("train ner: unlabeled", "file", f, "sentences", len(text))
		opt.Unlabeled = append(opt.Unlabeled, text...)
	}
	if *clusters {
		text := make([][]string, 0, len(sents)+len(opt.Unlabeled))
		for _, s := range sents {
			text = append(text, s.Tokens)
		}
		text = append(text, opt.Unlabeled...)
		cl, err := ner.LearnClusters(ctx, text, ner.ClusterOptions{Seed: *seed})
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.Clusters = cl
		if *clustersOut != "" {
			var b strings.Builder
			for _, w := range slices.Sorted(maps.Keys(cl)) {
				fmt.Fprintf(&b, "%s\t%s\n", w, cl[w])
			}
			if err := os.WriteFile(*clustersOut, []byte(b.String()), 0o644); err != nil {
				return fmt.Errorf("train ner: %w", err)
			}
		}
		a.log.Info("train ner: word classes", "words", len(cl), "took", time.Since(start).Round(time.Millisecond))
	}
	m, err := ner.Train(ctx, sents, opt)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if *selfTrain < 0 {
		*selfTrain = nerSelfTrain[*lang]
	}
	for r := 0; *selfTrain > 0 && len(opt.Unlabeled) > 0 && r < *selfRounds; r++ {
		extra := selfLabel(ner.New(m), opt.Unlabeled, *selfTrain, *selfMax)
		a.log.Info("train ner: self-training", "round", r+1, "added", len(extra), "of", len(opt.Unlabeled))
		all := append(append([]ner.Sentence(nil), sents...), extra...)
		if m, err = ner.Train(ctx, all, opt); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("train ner: write %s: %w", *out, err)
	}
	fmt.Fprintf(a.stdout, "trained %s model on %d sentences in %s: %d features, %s (%.1f MB)\n",
		*lang, len(sents), time.Since(start).Round(time.Second), m.Features(), *out, float64(n)/1e6)
	return nil
}

// nerActorData is the default actor dictionary of `train ner --actors`,
// relative to ../shared/data (Phoenix, MIT licence).
const nerActorData = "events-petrarch2/Phoenix.Countries.actors.txt"

// addActors adds the names of the actor dictionaries in list (comma-
// separated paths; "" the default, "none" none) to kb, skipping the
// nationality words of lang's lexicon.
func addActors(kb *ner.Dict, list, lang string) error {
	switch list {
	case "none":
		return nil
	case "":
		list = filepath.Join("..", "shared", "data", nerActorData)
	}
	lex := ner.Lexicon(lang)
	en := ner.Lexicon("en")
	isMISC := func(toks []string) bool { return lex.Has(toks) || en.Has(toks) }
	for _, p := range strings.Split(list, ",") {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("actors: %w", err)
		}
		_, err = ner.AddActorNames(kb, f, isMISC)
		f.Close()
		if err != nil {
			return fmt.Errorf("actors %s: %w", p, err)
		}
	}
	return nil
}

// selfLabel tags unlabeled sentences with t and returns, in order, up to
// max of those of 5 to 60 tokens that hold at least one name and whose
// every token's tag has confidence >= min.
func selfLabel(t *ner.Tagger, text [][]string, min float64, max int) []ner.Sentence {
	var out []ner.Sentence
	for _, toks := range text {
		if len(out) >= max {
			break
		}
		if len(toks) < 5 || len(toks) > 60 {
			continue
		}
		tags, conf := t.TagConfidence(toks)
		ok, names := true, false
		for i, c := range conf {
			if c < min {
				ok = false
				break
			}
			names = names || tags[i] != "O"
		}
		if ok && names {
			out = append(out, ner.Sentence{Tokens: toks, Tags: tags})
		}
	}
	return out
}

// readUnlabeled reads tokenised sentences of language lang from path: a
// directory of ECB+ XML documents, the SemEval-2022 task 8 CSV (the texts
// whose language is lang), or a plain text file.
func readUnlabeled(path, lang string) ([][]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if st.IsDir() {
		var out [][]string
		err := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, ecbSentences(b)...)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return out, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var texts []string
	if strings.HasSuffix(path, ".csv") {
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		col := map[string]int{}
		if len(rows) > 0 {
			for i, h := range rows[0] {
				col[h] = i
			}
		}
		li1, ok1 := col["lang1"]
		li2, ok2 := col["lang2"]
		t1, ok3 := col["text1"]
		t2, ok4 := col["text2"]
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, fmt.Errorf("read %s: want columns lang1, lang2, text1, text2", path)
		}
		seen := map[string]bool{}
		for _, row := range rows[1:] {
			for _, p := range [][2]int{{li1, t1}, {li2, t2}} {
				if max(p[0], p[1]) < len(row) && row[p[0]] == lang && !seen[row[p[1]]] {
					seen[row[p[1]]] = true
					texts = append(texts, row[p[1]])
				}
			}
		}
	} else {
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		texts = strings.Split(string(b), "\n")
	}
	var out [][]string
	for _, t := range texts {
		for _, sp := range analysis.Sentences(t, lang) {
			if toks := ner.NameTokens(t[sp.Start:sp.End]); len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	return out, nil
}

// ecbToken matches one token of an ECB+ (CAT XML) document.
var ecbToken = regexp.MustCompile(`<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>`)

// ecbSentences returns the sentences of an ECB+ document.
func ecbSentences(b []byte) [][]string {
	var out [][]string
	var cur []string
	last := ""
	for _, m := range ecbToken.FindAllSubmatch(b, -1) {
		if s := string(m[1]); s != last && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
			last = s
		} else {
			last = s
		}
		cur = append(cur, html.UnescapeString(string(m[2])))
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func readCoNLLFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f, ner.ReadOptions{})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

func runEvalNER(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "eval ner", "")
	data := fs.String("data", filepath.Join("..", "shared", "data", "ner-conll2002", "ned.testa"), "gold CoNLL file")
	format := fs.String("format", "conll", "format of --data (conll: token ... tag per line, IOB1 or IOB2)")
	lang := fs.String("lang", "", "model language (default: guessed from the file name, else nl)")
	modelFile := fs.String("model", "", "evaluate this model file instead of the embedded one")
	jsonOut := fs.Bool("json", false, "print one JSON object")
	predOut := fs.String("out", "", "also write the predictions to this file (token, gold tag, predicted tag per line; conlleval input)")
	if _, err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *format != "conll" {
		return fmt.Errorf("%w: unknown --format %q (want conll)", errUsage, *format)
	}
	if *lang == "" {
		*lang = guessLang(*data)
	}
	sents, err := readCoNLLFile(*data)
	if err != nil {
		return err
	}
	var t *ner.Tagger
	if *modelFile != "" {
		f, err := os.Open(*modelFile)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		m, err := ner.ReadModel(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval ner: %s: %w", *modelFile, err)
		}
		t = ner.New(m)
	} else if t, err = ner.Load(*lang); err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	start := time.Now()
	r := t.Evaluate(sents)
	el := time.Since(start)
	if *predOut != "" {
		if err := writePredictions(*predOut, sents, t.TagSentences(sents)); err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
	}
	if *jsonOut {
		return writeJSON(a.stdout, map[string]any{
			"data": *data, "lang": *lang, "sentences": r.Sentences, "tokens": r.Tokens,
			"precision": r.Precision, "recall": r.Recall, "f1": r.F1, "accuracy": r.Accuracy,
			"counts": r.Counts, "by_type": r.ByType,
			"tokens_per_second": float64(r.Tokens) / el.Seconds(),
		})
	}
	fmt.Fprintf(a.stdout, "%s: %d sentences, model %s\n", *data, r.Sentences, *lang)
	fmt.Fprint(a.stdout, r.Table())
	return nil
}

// writePredictions writes token, gold and predicted tag per line, a blank
// line after each sentence.
func writePredictions(path string, sents []ner.Sentence, pred [][]string) error {
	var b strings.Builder
	for i, s := range sents {
		for k, tok := range s.Tokens {
			fmt.Fprintf(&b, "%s %s %s\n", tok, s.Tags[k], pred[i][k])
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// guessLang reads a language from a data file name: ned.* is Dutch,
// eng.* English, esp.* Spanish, a ner-wikiann/LANG/ folder its language.
func guessLang(path string) string {
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "ned."):
		return "nl"
	case strings.HasPrefix(base, "eng."):
		return "en"
	case strings.HasPrefix(base, "esp."):
		return "es"
	}
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, p := range parts {
		if p == "ner-wikiann" && i+1 < len(parts) {
			return parts[i+1]
		}
		if strings.HasPrefix(p, "enp_") && len(p) >= 6 {
			return strings.ToLower(p[4:6])
		}
	}
	return "nl"
}
