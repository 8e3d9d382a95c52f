package ner

import (
	"dateline/internal/shared"

	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"dateline/model"
)

// sharedData finds ../shared/data/REL beside the module root.
func sharedData(t testing.TB, rel string) string { return shared.Data(t, rel) }

func find(ms []model.Mention, text, typ string) bool {
	for _, m := range ms {
		if m.Text == text && m.Type == typ {
			return true
		}
	}
	return false
}

func TestShippedModelsFindNames(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             [][2]string // text, type
	}{
		{"nl president", "nl", "De Russische president Vladimir Poetin bezocht Pyongyang.",
			[][2]string{{"Vladimir Poetin", "PER"}, {"Pyongyang", "LOC"}, {"Russische", "MISC"}}},
		{"nl minister", "nl", "Minister Hanke Bruins Slot sprak dinsdag in Brussel met haar Duitse collega.",
			[][2]string{{"Brussel", "LOC"}, {"Duitse", "MISC"}}},
		{"nl two sentences", "nl", "Het kabinet overlegt met Oekraïne. Premier Mark Rutte reist morgen naar Kiev.",
			[][2]string{{"Oekraïne", "LOC"}, {"Mark Rutte", "PER"}, {"Kiev", "LOC"}}},
		{"en president", "en", "On Wednesday he met Russian President Vladimir Putin in Pyongyang.",
			[][2]string{{"Vladimir Putin", "PER"}, {"Pyongyang", "LOC"}, {"Russian", "MISC"}}},
		{"en minister", "en", "The German chancellor, Olaf Scholz, met Emmanuel Macron in Paris.",
			[][2]string{{"Olaf Scholz", "PER"}, {"Emmanuel Macron", "PER"}, {"Paris", "LOC"}, {"German", "MISC"}}},
	}
	taggers := map[string]*Tagger{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg := taggers[tc.lang]
			if tg == nil {
				var err error
				if tg, err = Load(tc.lang); err != nil {
					t.Fatal(err)
				}
				taggers[tc.lang] = tg
			}
			ms := tg.Find(tc.text)
			for _, w := range tc.want {
				if !find(ms, w[0], w[1]) {
					t.Errorf("no %s %q in %+v", w[1], w[0], ms)
				}
			}
			for _, m := range ms {
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %+v: offsets give %q", m, tc.text[m.Start:m.End])
				}
				if m.Score <= 0 || m.Score > 1 {
					t.Errorf("mention %+v: score outside (0,1]", m)
				}
			}
		})
	}
}

func TestFindSentenceIndex(t *testing.T) {
	tg, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := "The talks took place in Geneva. Later, Joe Biden flew to Tokyo."
	for _, m := range tg.Find(text) {
		want := 0
		if m.Start > strings.Index(text, "Later") {
			want = 1
		}
		if m.Sentence != want {
			t.Errorf("%q in sentence %d, want %d", m.Text, m.Sentence, want)
		}
	}
}

func TestLoadUnknownLanguage(t *testing.T) {
	if _, err := Load("xx"); err == nil {
		t.Error("Load(xx) succeeded")
	}
	if got := Languages(); !reflect.DeepEqual(got, []string{"de", "en", "fr", "nl"}) {
		t.Errorf("Languages() = %v", got)
	}
}

func TestMergeAbbrev(t *testing.T) {
	tg, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := "The U.S. envoy met J. Smith."
	ms := tg.Find(text)
	for _, m := range ms {
		if m.Text == "U" || m.Text == "S" {
			t.Errorf("abbreviation split: %+v", ms)
		}
	}
}

// tiny is a hand-made training set small enough to train in milliseconds.
var tiny = []Sentence{
	{Tokens: strings.Fields("Jan Jansen woont in Utrecht ."), Tags: strings.Fields("B-PER I-PER O O B-LOC O")},
	{Tokens: strings.Fields("Piet Pieters werkt bij Philips in Eindhoven ."), Tags: strings.Fields("B-PER I-PER O O B-ORG O B-LOC O")},
	{Tokens: strings.Fields("De Franse minister bezocht Parijs ."), Tags: strings.Fields("O B-MISC O O B-LOC O")},
	{Tokens: strings.Fields("Marie Curie werkte in Parijs ."), Tags: strings.Fields("B-PER I-PER O O B-LOC O")},
	{Tokens: strings.Fields("Shell en Philips zitten in Amsterdam ."), Tags: strings.Fields("B-ORG O B-ORG O O B-LOC O")},
	{Tokens: strings.Fields("het weer was goed ."), Tags: strings.Fields("O O O O O")},
}

func TestTrainTinyAndRoundTrip(t *testing.T) {
	m, err := Train(context.Background(), tiny, TrainOptions{Lang: "nl", Epochs: 10, MinCount: 1, Lexicon: Lexicon("nl")})
	if err != nil {
		t.Fatal(err)
	}
	tg := New(m)
	for _, s := range tiny {
		if got := tg.Tag(s.Tokens); !reflect.DeepEqual(got, s.Tags) {
			t.Errorf("Tag(%v) = %v, want the training tags %v", s.Tokens, got, s.Tags)
		}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tg2 := New(m2)
	for _, s := range tiny {
		if a, b := tg.Tag(s.Tokens), tg2.Tag(s.Tokens); !reflect.DeepEqual(a, b) {
			t.Errorf("after round trip Tag(%v) = %v, before %v", s.Tokens, b, a)
		}
	}
	if r := m2.Evaluate(tiny); r.F1 < 0.99 {
		t.Errorf("training-set F1 %.2f after round trip", r.F1)
	}
}

func TestTrainCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, tiny, TrainOptions{}); err == nil {
		t.Error("Train with a cancelled context succeeded")
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gz([]byte("DATELINE-NER-1\nxx"))} {
		if _, err := ReadModel(bytes.NewReader(in)); err == nil {
			t.Errorf("ReadModel(%q) succeeded", in)
		}
	}
}

type fakeKB map[string]string

func (k fakeKB) Lookup(tokens []string, i int) []Match {
	if typ, ok := k[tokens[i]]; ok {
		return []Match{{Type: typ, Len: 1}}
	}
	return nil
}

func TestGazetteerChangesFeatures(t *testing.T) {
	tg, err := Load("nl")
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("Volgens Zwolgrat is het te laat .")
	plain := tg.m.prepare(toks, []Gazetteer{tg.m.gaz}, []Gazetteer{tg.m.kb})
	withKB := tg.WithGazetteer(fakeKB{"Zwolgrat": "PER"})
	kb := withKB.m.prepare(toks, []Gazetteer{withKB.m.gaz}, []Gazetteer{withKB.m.kb, withKB.gaz})
	if len(plain[1].kb) != 0 || !reflect.DeepEqual(kb[1].kb, []string{"B-PER"}) {
		t.Errorf("knowledge-base features: plain %v, with KB %v", plain[1].kb, kb[1].kb)
	}
	if tg.gaz != nil {
		t.Error("WithGazetteer changed the original tagger")
	}
}

func TestConcurrentTag(t *testing.T) {
	tg, err := Load("nl")
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("Koning Willem-Alexander opende in Den Haag het nieuwe gebouw van de Europese Commissie .")
	want := tg.Tag(toks)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := tg.Tag(toks); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Tag = %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestRegressionTesta scores the shipped models on the first sentences
// of the CoNLL development sets. Floors sit well below the measured
// figures (docs/parts/quality-ner.md) and catch breakage, not drift.
func TestRegressionTesta(t *testing.T) {
	tests := []struct {
		name, lang, file string
		floor            float64
	}{
		{"dutch ned.testa", "nl", "ner-conll2002/ned.testa", 0.55},
		{"english eng.testa", "en", "ner-conll2003/eng.testa", 0.62},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(sharedData(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sents, err := ReadCoNLL(f, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			sents = sents[:min(800, len(sents))]
			tg, err := Load(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			r := tg.Evaluate(sents)
			t.Logf("%s: F1 %.3f on %d sentences", tc.file, r.F1, len(sents))
			if r.F1 < tc.floor {
				t.Errorf("F1 %.3f below the floor %.2f", r.F1, tc.floor)
			}
		})
	}
}

func FuzzReadModel(f *testing.F) {
	var buf bytes.Buffer
	m, err := Train(context.Background(), tiny, TrainOptions{Epochs: 1, MinCount: 1})
	if err != nil {
		f.Fatal(err)
	}
	m.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadModel(bytes.NewReader(in))
		if err == nil {
			New(m).Tag([]string{"Jan", "in", "Utrecht"})
		}
	})
}
