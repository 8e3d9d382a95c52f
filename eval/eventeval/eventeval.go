// Package eventeval scores a PLOVER event coder against the PLOVER gold
// standard records (PLOVER_GSR_CAMEO JSON): event-type accuracy, source
// and target actor accuracy (country code match) and a confusion table.
package eventeval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"dateline/event"
	"dateline/model"
)

// Record is one gold sentence.
type Record struct {
	ID   string
	Text string
	// Type is the gold PLOVER type, normalised to the 2021 type set
	// (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
	Type string
	// RawType is the type as the file gives it.
	RawType string
	Mode    string
	// Sources and Targets are the gold actors' country codes (first three
	// letters of the code: ISO 3166 alpha-3, or IGO, IMG, ...); empty when
	// the record has none.
	Sources, Targets []string
}

type rawActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

type rawRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Mode   string          `json:"mode"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// codeAlias maps non-standard codes in the gold file to ISO 3166 alpha-3.
var codeAlias = map[string]string{"JAP": "JPN", "ITL": "ITA"}

func actorCodes(raw json.RawMessage) []string {
	var as []rawActor
	if len(raw) == 0 || json.Unmarshal(raw, &as) != nil {
		return nil // null, "" or a stray string: no actor
	}
	var out []string
	for _, a := range as {
		c := strings.ToUpper(strings.TrimSpace(a.Code))
		if len(c) < 3 {
			continue
		}
		c = c[:3]
		if al, ok := codeAlias[c]; ok {
			c = al
		}
		out = append(out, c)
	}
	return out
}

// Load reads a PLOVER GSR JSON file (an array of records), skipping
// documentation records and records without text.
func Load(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	var raws []rawRecord
	if err := json.Unmarshal(b, &raws); err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	var out []Record
	for _, r := range raws {
		if r.Event == "DOCUMENT" || strings.TrimSpace(r.Text) == "" {
			continue
		}
		out = append(out, Record{ID: r.ID, Text: r.Text, RawType: r.Event, Type: event.NormalizeDraft(r.Event, r.Mode),
			Mode: r.Mode, Sources: actorCodes(r.Source), Targets: actorCodes(r.Target)})
	}
	return out, nil
}

// Split returns the records whose index is not a multiple of k (the
// tuning part) and those whose index is (the held-out part).
func Split(recs []Record, k int) (tune, held []Record) {
	for i, r := range recs {
		if k > 0 && i%k == k-1 {
			held = append(held, r)
		} else {
			tune = append(tune, r)
		}
	}
	return tune, held
}

// TypeStats are per-gold-type figures.
type TypeStats struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Report is the outcome of an evaluation. Accuracy counts a record right
// when the coder's first event has the gold type (no event is wrong);
// source (target) accuracy is over records with gold source (target)
// actors and counts a record right when the coded source (target) country
// is among them.
type Report struct {
	Records        int                       `json:"records"`
	Coded          int                       `json:"coded"`
	Accuracy       float64                   `json:"accuracy"`
	SourceRecords  int                       `json:"source_records"`
	SourceAccuracy float64                   `json:"source_accuracy"`
	TargetRecords  int                       `json:"target_records"`
	TargetAccuracy float64                   `json:"target_accuracy"`
	ByType         map[string]*TypeStats     `json:"by_type"`
	Confusion      map[string]map[string]int `json:"confusion"`
	// Errors lists the records coded wrongly (type, source or target).
	Errors []Miss `json:"-"`
}

// Miss is one wrongly coded record, for inspection.
type Miss struct {
	Record Record
	Event  model.Event
	Coded  bool
}

// Coder is what Evaluate needs from an event coder.
type Coder interface {
	CodeSentence(sentence, lang string) []model.Event
}

// Evaluate codes every record's text as English and scores the result.
func Evaluate(c Coder, recs []Record) Report {
	rep := Report{Records: len(recs), ByType: map[string]*TypeStats{}, Confusion: map[string]map[string]int{}}
	stat := func(t string) *TypeStats {
		s := rep.ByType[t]
		if s == nil {
			s = &TypeStats{}
			rep.ByType[t] = s
		}
		return s
	}
	var typeOK, srcOK, tgtOK int
	for _, r := range recs {
		evs := c.CodeSentence(r.Text, "en")
		var ev model.Event
		coded := len(evs) > 0
		if coded {
			ev = evs[0]
			rep.Coded++
		}
		pred := ev.Type
		if !coded {
			pred = "NONE"
		}
		stat(r.Type).Gold++
		if coded {
			stat(pred).Predicted++
		}
		if rep.Confusion[r.Type] == nil {
			rep.Confusion[r.Type] = map[string]int{}
		}
		rep.Confusion[r.Type][pred]++
		wrong := false
		if pred == r.Type {
			typeOK++
			stat(r.Type).Correct++
		} else {
			wrong = true
		}
		if len(r.Sources) > 0 {
			rep.SourceRecords++
			if contains(r.Sources, ev.Source.Country) {
				srcOK++
			} else {
				wrong = true
			}
		}
		if len(r.Targets) > 0 {
			rep.TargetRecords++
			if contains(r.Targets, ev.Target.Country) {
				tgtOK++
			} else {
				wrong = true
			}
		}
		if wrong {
			rep.Errors = append(rep.Errors, Miss{Record: r, Event: ev, Coded: coded})
		}
	}
	rep.Accuracy = frac(typeOK, rep.Records)
	rep.SourceAccuracy = frac(srcOK, rep.SourceRecords)
	rep.TargetAccuracy = frac(tgtOK, rep.TargetRecords)
	for _, s := range rep.ByType {
		s.Precision = frac(s.Correct, s.Predicted)
		s.Recall = frac(s.Correct, s.Gold)
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
	}
	return rep
}

func contains(xs []string, x string) bool {
	if x == "" {
		return false
	}
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Types returns the type names of a report's breakdown, sorted.
func (r Report) Types() []string {
	var ts []string
	for t := range r.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}
