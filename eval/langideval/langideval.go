// Package langideval scores language identification on lingua's test
// layout: DIR/{sentences,word-pairs,single-words}/<iso639-1>.txt, one text
// per line, plus DIR/aggregated-accuracy-values.csv with lingua's published
// accuracy per language (percent) for several detectors.
package langideval

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Kinds are the three test sets of lingua's layout, in display order.
var Kinds = []string{"sentences", "word-pairs", "single-words"}

// Case is one test text with its gold language.
type Case struct {
	Lang, Kind, Text string
}

// Load reads every DIR/<kind>/<lang>.txt file; blank lines are skipped.
func Load(dir string) ([]Case, error) {
	var out []Case
	for _, kind := range Kinds {
		files, err := filepath.Glob(filepath.Join(dir, kind, "*.txt"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			lang := strings.TrimSuffix(filepath.Base(f), ".txt")
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("load %s: %w", f, err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, Case{Lang: lang, Kind: kind, Text: line})
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("load %s: no test files under {%s}/*.txt", dir, strings.Join(Kinds, ","))
	}
	return out, nil
}

// Result holds accuracies as fractions in 0..1.
type Result struct {
	// Accuracy is the mean over languages of each language's mean over
	// kinds (lingua's "average" column).
	Accuracy float64 `json:"accuracy"`
	// ByLanguage maps language -> kind -> accuracy, plus "mean".
	ByLanguage map[string]map[string]float64 `json:"by_language"`
	// ByKind maps kind -> accuracy over all of that kind's texts.
	ByKind map[string]float64 `json:"by_kind"`
	// N is the number of texts scored.
	N int `json:"n"`
}

// Evaluate runs detect over the cases on every core (detect must be safe
// for concurrent use) and scores exact matches of the language code.
func Evaluate(cases []Case, detect func(string) string) Result {
	pred := make([]string, len(cases))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(cases); i += workers {
				pred[i] = detect(cases[i].Text)
			}
		}(w)
	}
	wg.Wait()
	return Score(cases, pred)
}

// Score compares predictions with the cases' gold languages.
func Score(cases []Case, pred []string) Result {
	type cnt struct{ ok, n int }
	byLK := map[string]map[string]*cnt{}
	byK := map[string]*cnt{}
	for i, c := range cases {
		if byLK[c.Lang] == nil {
			byLK[c.Lang] = map[string]*cnt{}
		}
		if byLK[c.Lang][c.Kind] == nil {
			byLK[c.Lang][c.Kind] = &cnt{}
		}
		if byK[c.Kind] == nil {
			byK[c.Kind] = &cnt{}
		}
		ok := 0
		if pred[i] == c.Lang {
			ok = 1
		}
		byLK[c.Lang][c.Kind].ok += ok
		byLK[c.Lang][c.Kind].n++
		byK[c.Kind].ok += ok
		byK[c.Kind].n++
	}
	r := Result{ByLanguage: map[string]map[string]float64{}, ByKind: map[string]float64{}, N: len(cases)}
	for k, c := range byK {
		r.ByKind[k] = float64(c.ok) / float64(c.n)
	}
	for l, kinds := range byLK {
		m := map[string]float64{}
		sum := 0.0
		for k, c := range kinds {
			m[k] = float64(c.ok) / float64(c.n)
			sum += m[k]
		}
		m["mean"] = sum / float64(len(kinds))
		r.ByLanguage[l] = m
		r.Accuracy += m["mean"]
	}
	if len(byLK) > 0 {
		r.Accuracy /= float64(len(byLK))
	}
	return r
}

// Published is lingua's table: detector ("lingua-high", "lingua-low",
// "whatlang", "cld3") -> language code -> column ("average", "sentences",
// "word-pairs", "single-words") -> accuracy fraction. Missing (NaN)
// figures are absent.
type Published map[string]map[string]map[string]float64

// LoadPublished reads DIR/aggregated-accuracy-values.csv; a missing file
// gives an empty table and no error.
func LoadPublished(dir string) (Published, error) {
	path := filepath.Join(dir, "aggregated-accuracy-values.csv")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Published{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	if len(rows) < 2 {
		return Published{}, nil
	}
	p := Published{}
	head := rows[0]
	for _, row := range rows[1:] {
		code, ok := linguaNames[row[0]]
		if !ok {
			continue
		}
		for i := 1; i < len(row) && i < len(head); i++ {
			// column names like "sentences-lingua-high", "average-cld3"
			col, det := splitColumn(head[i])
			v, err := strconv.ParseFloat(row[i], 64)
			if err != nil || v != v { // NaN
				continue
			}
			if p[det] == nil {
				p[det] = map[string]map[string]float64{}
			}
			if p[det][code] == nil {
				p[det][code] = map[string]float64{}
			}
			p[det][code][col] = v / 100
		}
	}
	return p, nil
}

// PublishedDecimals returns how many decimals the figures of
// DIR/aggregated-accuracy-values.csv carry (lingua's table: 0, whole
// percent); a missing file gives 0 and no error.
func PublishedDecimals(dir string) (int, error) {
	path := filepath.Join(dir, "aggregated-accuracy-values.csv")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	dec := 0
	for i, row := range rows {
		if i == 0 {
			continue
		}
		for _, cell := range row[1:] {
			if _, err := strconv.ParseFloat(cell, 64); err != nil {
				continue
			}
			if _, frac, ok := strings.Cut(cell, "."); ok {
				dec = max(dec, len(frac))
			}
		}
	}
	return dec, nil
}

// MeetsPublished reports whether an accuracy (fraction) is at least a
// published one (fraction) read at the published precision: the accuracy
// in percent, rounded half up to decimals places, is >= the published
// percent. With lingua's whole percent a published 100 needs 99.5 or more,
// a published 98 needs 97.5 or more.
func MeetsPublished(acc, published float64, decimals int) bool {
	scale := math.Pow(10, float64(decimals))
	rounded := math.Floor(100*acc*scale+0.5+1e-9) / scale
	return rounded >= 100*published-1e-9
}

func splitColumn(h string) (col, det string) {
	for _, k := range append([]string{"average"}, Kinds...) {
		if strings.HasPrefix(h, k+"-") {
			return k, strings.TrimPrefix(h, k+"-")
		}
	}
	return h, ""
}

// linguaNames maps the language names of lingua's table to ISO 639-1.
var linguaNames = map[string]string{
	"Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Azerbaijani": "az",
	"Basque": "eu", "Belarusian": "be", "Bengali": "bn", "Bokmal": "nb", "Bosnian": "bs",
	"Bulgarian": "bg", "Catalan": "ca", "Chinese": "zh", "Croatian": "hr", "Czech": "cs",
	"Danish": "da", "Dutch": "nl", "English": "en", "Esperanto": "eo", "Estonian": "et",
	"Finnish": "fi", "French": "fr", "Ganda": "lg", "Georgian": "ka", "German": "de",
	"Greek": "el", "Gujarati": "gu", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu",
	"Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it", "Japanese": "ja",
	"Kazakh": "kk", "Korean": "ko", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt",
	"Macedonian": "mk", "Malay": "ms", "Maori": "mi", "Marathi": "mr", "Mongolian": "mn",
	"Nynorsk": "nn", "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Punjabi": "pa",
	"Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Shona": "sn", "Slovak": "sk",
	"Slovene": "sl", "Somali": "so", "Sotho": "st", "Spanish": "es", "Swahili": "sw",
	"Swedish": "sv", "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Thai": "th",
	"Tsonga": "ts", "Tswana": "tn", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
	"Vietnamese": "vi", "Welsh": "cy", "Xhosa": "xh", "Yoruba": "yo", "Zulu": "zu",
}
