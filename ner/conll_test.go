package ner

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Sentence
	}{
		{
			name: "conll2002 three columns with docstart",
			in:   "-DOCSTART- -DOCSTART- O\nDe Art O\nNMBS N B-ORG\nstaakt V O\n\nIn Prep O\nGent N B-LOC\n",
			want: []Sentence{
				{Tokens: []string{"De", "NMBS", "staakt"}, Tags: []string{"O", "B-ORG", "O"}, Doc: 1},
				{Tokens: []string{"In", "Gent"}, Tags: []string{"O", "B-LOC"}, Doc: 1},
			},
		},
		{
			name: "conll2003 iob1 becomes iob2",
			in:   "-DOCSTART- -X- O O\n\nWest NNP I-NP I-MISC\nIndian NNP I-NP I-MISC\nPhil NNP I-NP I-PER\nSimmons NNP I-NP I-PER\nLONDON NNP I-NP I-LOC\n",
			want: []Sentence{{
				Tokens: []string{"West", "Indian", "Phil", "Simmons", "LONDON"},
				Tags:   []string{"B-MISC", "I-MISC", "B-PER", "I-PER", "B-LOC"}, Doc: 1,
			}},
		},
		{
			name: "wikiann language prefix and tabs",
			in:   "nl:Ruud\tB-PER\nnl:Brood\tI-PER\nnl::\tO\n\n",
			want: []Sentence{{Tokens: []string{"Ruud", "Brood", ":"}, Tags: []string{"B-PER", "I-PER", "O"}}},
		},
		{
			name: "unknown types become O, crlf tolerated",
			in:   "Foo B-BER\r\nBar I-ORG\r\n",
			want: []Sentence{{Tokens: []string{"Foo", "Bar"}, Tags: []string{"O", "B-ORG"}}},
		},
		{
			name: "token without tag",
			in:   "alleen\n",
			want: []Sentence{{Tokens: []string{"alleen"}, Tags: []string{"O"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tc.in), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadCoNLLSplitsUnbrokenRuns(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		b.WriteString("woord O\n")
		if i%20 == 19 {
			b.WriteString("Amsterdam B-LOC\nzei O\n. O\n")
		}
	}
	got, err := ReadCoNLL(strings.NewReader(b.String()), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 10 {
		t.Fatalf("a run of 460 tokens gave %d pieces, want it cut at sentence ends", len(got))
	}
	for k, s := range got {
		if len(s.Tokens) > 60 {
			t.Errorf("piece of %d tokens, want at most 60", len(s.Tokens))
		}
		if s.Tokens[len(s.Tokens)-1] != "." && len(s.Tokens) != 60 && k != len(got)-1 {
			t.Errorf("piece ends with %q", s.Tokens[len(s.Tokens)-1])
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	in := []Sentence{{Tokens: []string{"Vladimir", "Poetin", "in", "Pyongyang"}, Tags: []string{"B-PER", "I-PER", "O", "B-LOC"}}}
	var buf bytes.Buffer
	if err := WriteCoNLL(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := ReadCoNLL(&buf, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip: %+v, want %+v", out, in)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -DOCSTART- O\nDe Art O\nNMBS N B-ORG\n\n")
	f.Add("West NNP I-NP I-MISC\nIndian NNP I-NP I-MISC\n")
	f.Add("nl:Ruud\tB-PER\nnl:Brood\tI-PER\n\n\n")
	f.Add("x E-PER\ny S-LOC\nz B-\n- I-\n")
	f.Add(strings.Repeat("w O\n", 300))
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in), ReadOptions{})
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Tags) || len(s.Tokens) == 0 {
				t.Fatalf("sentence with %d tokens and %d tags", len(s.Tokens), len(s.Tags))
			}
			for i, tag := range s.Tags {
				if tagIndex(tag) == 0 && tag != "O" {
					t.Fatalf("tag %q outside the tag set", tag)
				}
				if strings.HasPrefix(tag, "I-") && (i == 0 || s.Tags[i-1] == "O" || s.Tags[i-1][2:] != tag[2:]) {
					t.Fatalf("tags %v are not IOB2", s.Tags)
				}
			}
		}
	})
}

func gz(p []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(p)
	w.Close()
	return b.Bytes()
}
