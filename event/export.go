package event

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dateline/model"
)

// Columns are the header of the TSV and CSV exports, close to GDELT's
// event table: the event's date (and end), both actors (name, entity,
// country, sector), the PLOVER type and mode, the Goldstein-like score,
// place, confidence, the source URLs (space-separated) and, last, the full
// provenance as compact JSON so that an export reads back losslessly.
var Columns = []string{
	"id", "date", "date_end",
	"actor1_name", "actor1_entity", "actor1_country", "actor1_sector",
	"actor2_name", "actor2_entity", "actor2_country", "actor2_sector",
	"event_type", "event_mode", "score", "place", "confidence",
	"source_urls", "sources_json",
}

func record(e model.Event) ([]string, error) {
	src, err := json.Marshal(e.Sources)
	if err != nil {
		return nil, fmt.Errorf("encode sources of event %d: %w", e.ID, err)
	}
	var urls []string
	for _, s := range e.Sources {
		if s.Source != "" {
			urls = append(urls, strings.ReplaceAll(s.Source, " ", "%20"))
		}
	}
	id := ""
	if e.ID != 0 {
		id = strconv.FormatInt(e.ID, 10)
	}
	return []string{
		id, e.Date, e.DateEnd,
		e.Source.Name, e.Source.EntityID, e.Source.Country, e.Source.Sector,
		e.Target.Name, e.Target.EntityID, e.Target.Country, e.Target.Sector,
		e.Type, e.Mode, strconv.FormatFloat(e.Score, 'f', -1, 64), e.Place,
		strconv.FormatFloat(e.Confidence, 'f', -1, 64),
		strings.Join(urls, " "), string(src),
	}, nil
}

func fromRecord(rec []string, header map[string]int) (model.Event, error) {
	get := func(name string) string {
		if i, ok := header[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var e model.Event
	var err error
	if s := get("id"); s != "" {
		if e.ID, err = strconv.ParseInt(s, 10, 64); err != nil {
			return e, fmt.Errorf("id %q: %w", s, err)
		}
	}
	e.Date, e.DateEnd = get("date"), get("date_end")
	e.Source = model.Actor{Name: get("actor1_name"), EntityID: get("actor1_entity"), Country: get("actor1_country"), Sector: get("actor1_sector")}
	e.Target = model.Actor{Name: get("actor2_name"), EntityID: get("actor2_entity"), Country: get("actor2_country"), Sector: get("actor2_sector")}
	e.Type, e.Mode, e.Place = get("event_type"), get("event_mode"), get("place")
	for _, f := range []struct {
		name string
		dst  *float64
	}{{"score", &e.Score}, {"confidence", &e.Confidence}} {
		if s := get(f.name); s != "" {
			if *f.dst, err = strconv.ParseFloat(s, 64); err != nil {
				return e, fmt.Errorf("%s %q: %w", f.name, s, err)
			}
		}
	}
	if s := get("sources_json"); s != "" && s != "null" {
		if err := json.Unmarshal([]byte(s), &e.Sources); err != nil {
			return e, fmt.Errorf("sources_json: %w", err)
		}
	} else if s := get("source_urls"); s != "" {
		for _, u := range strings.Fields(s) {
			e.Sources = append(e.Sources, model.EventSource{Source: strings.ReplaceAll(u, "%20", " ")})
		}
	}
	return e, nil
}

// escapeTSV makes a field safe for a tab-separated line: backslash,
// tab, newline and carriage return become \\, \t, \n and \r.
func escapeTSV(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	r := strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	return r.Replace(s)
}

// unescapeTSV reverses escapeTSV; an unknown escape keeps its character.
func unescapeTSV(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// WriteTSV writes events as tab-separated values with a header line
// (Columns); fields are escaped so that each event is one line.
func WriteTSV(w io.Writer, events []model.Event) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(Columns, "\t") + "\n")
	for _, e := range events {
		rec, err := record(e)
		if err != nil {
			return err
		}
		for i, f := range rec {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(escapeTSV(f))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tsv: %w", err)
	}
	return nil
}

func headerIndex(cols []string) (map[string]int, error) {
	h := map[string]int{}
	for i, c := range cols {
		h[strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))] = i
	}
	if _, ok := h["event_type"]; !ok {
		return nil, errors.New("header has no event_type column")
	}
	return h, nil
}

// ReadTSV reads events written by WriteTSV (any column order, unknown
// columns ignored).
func ReadTSV(r io.Reader) ([]model.Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	var header map[string]int
	var out []model.Event
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if header == nil {
			h, err := headerIndex(strings.Split(text, "\t"))
			if err != nil {
				return nil, fmt.Errorf("read tsv line %d: %w", line, err)
			}
			header = h
			continue
		}
		if text == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = unescapeTSV(fields[i])
		}
		e, err := fromRecord(fields, header)
		if err != nil {
			return nil, fmt.Errorf("read tsv line %d: %w", line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tsv: %w", err)
	}
	return out, nil
}

// WriteCSV writes events as RFC 4180 CSV with a header line (Columns).
func WriteCSV(w io.Writer, events []model.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, e := range events {
		rec, err := record(e)
		if err != nil {
			return err
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// ReadCSV reads events written by WriteCSV.
func ReadCSV(r io.Reader) ([]model.Event, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	if len(recs) == 0 {
		return nil, nil
	}
	header, err := headerIndex(recs[0])
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	var out []model.Event
	for i, rec := range recs[1:] {
		e, err := fromRecord(rec, header)
		if err != nil {
			return nil, fmt.Errorf("read csv record %d: %w", i+2, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// WriteJSONL writes one JSON object (model.Event) per line.
func WriteJSONL(w io.Writer, events []model.Event) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, e := range events {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("write jsonl: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write jsonl: %w", err)
	}
	return nil
}

// ReadJSONL reads events written by WriteJSONL; blank lines are skipped.
func ReadJSONL(r io.Reader) ([]model.Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	var out []model.Event
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var e model.Event
		if err := json.Unmarshal(b, &e); err != nil {
			return nil, fmt.Errorf("read jsonl line %d: %w", line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read jsonl: %w", err)
	}
	return out, nil
}
