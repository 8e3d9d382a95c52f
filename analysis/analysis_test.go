package analysis

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"dutch hyphen and apostrophe", "Noord-Korea en auto's", []string{"Noord-Korea", "en", "auto's"}},
		{"french elision kept by tokenizer", "aujourd'hui l'Europe", []string{"aujourd'hui", "l'Europe"}},
		{"numbers with separators", "1.000.000 euro, 3,5 procent op 2024-05-01", []string{"1.000.000", "euro", ",", "3,5", "procent", "op", "2024-05-01"}},
		{"acronyms with periods", "de U.S. en o.a. d.w.z. z.g.a.n.", []string{"de", "U.S.", "en", "o.a.", "d.w.z.", "z.g.a.n."}},
		{"sentence period not joined", "Minsk. Daarna", []string{"Minsk", ".", "Daarna"}},
		{"letters and digits", "COVID-19 G7", []string{"COVID-19", "G7"}},
		{"chinese one per ideograph", "北京市长", []string{"北", "京", "市", "长"}},
		{"japanese kana", "東京のニュース", []string{"東", "京", "の", "ニュース"}},
		{"korean run", "서울 뉴스", []string{"서울", "뉴스"}},
		{"cyrillic", "Лукашенко заявил", []string{"Лукашенко", "заявил"}},
		{"punctuation", "„Ja!”", []string{"„", "Ja", "!", "”"}},
		{"trailing hyphen", "pre- en post", []string{"pre", "-", "en", "post"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Tokenize(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	toks := Tokenize("In 2024 kostte het 3,5 miljoen.")
	kinds := map[string]Kind{}
	for _, tk := range toks {
		kinds[tk.Text] = tk.Kind
	}
	for text, want := range map[string]Kind{"In": Word, "2024": Number, "3,5": Number, "miljoen": Word, ".": Punct} {
		if kinds[text] != want {
			t.Errorf("kind of %q = %v, want %v", text, kinds[text], want)
		}
	}
}

func sentenceTexts(text, lang string) []string {
	var out []string
	for _, s := range Sentences(text, lang) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		{"nl abbreviations", "nl", "Er waren o.a. ministers bij, d.w.z. de top. Daarna sprak dhr. Jansen.",
			[]string{"Er waren o.a. ministers bij, d.w.z. de top.", "Daarna sprak dhr. Jansen."}},
		{"nl z.g.a.n.", "nl", "Fiets te koop, z.g.a.n. Prijs n.o.t.k. Bel ons.",
			[]string{"Fiets te koop, z.g.a.n. Prijs n.o.t.k. Bel ons."}},
		{"nl initials", "nl", "President A. Loekasjenko sprak. Hij zei niets.",
			[]string{"President A. Loekasjenko sprak.", "Hij zei niets."}},
		{"en U.S. and Dr.", "en", "Dr. Smith went to the U.S. Embassy. It was closed.",
			[]string{"Dr. Smith went to the U.S. Embassy.", "It was closed."}},
		{"en month before number", "en", "It happened on Jan. 5 in Minsk. Nobody knew.",
			[]string{"It happened on Jan. 5 in Minsk.", "Nobody knew."}},
		{"en no. before number", "en", "He said no. Then he left. See No. 5 below.",
			[]string{"He said no.", "Then he left.", "See No. 5 below."}},
		{"de ordinal date", "de", "Am 3. März traf er Putin. Das Treffen war kurz.",
			[]string{"Am 3. März traf er Putin.", "Das Treffen war kurz."}},
		{"de bzw and z.B.", "de", "Er kam bzw. ging z.B. nach Minsk. Dann nicht.",
			[]string{"Er kam bzw. ging z.B. nach Minsk.", "Dann nicht."}},
		{"fr M. and Mme", "fr", "M. Macron a reçu Mme Merkel. Elle est partie.",
			[]string{"M. Macron a reçu Mme Merkel.", "Elle est partie."}},
		{"quotes", "nl", "„We gaan door.” Dat zei hij. ‘Nee?’ vroeg zij.",
			[]string{"„We gaan door.”", "Dat zei hij.", "‘Nee?’ vroeg zij."}},
		{"question and exclamation", "en", "Why? Because! Done.", []string{"Why?", "Because!", "Done."}},
		{"blank line", "en", "Headline without period\n\nBody starts here.", []string{"Headline without period", "Body starts here."}},
		{"chinese", "zh", "他来了。她走了！好吗？", []string{"他来了。", "她走了！", "好吗？"}},
		{"arabic uncased", "ar", "وصل الرئيس. ثم غادر.", []string{"وصل الرئيس.", "ثم غادر."}},
		{"russian", "ru", "Он приехал в 2020 г. в Минск. Там было тихо.", []string{"Он приехал в 2020 г. в Минск.", "Там было тихо."}},
		{"lowercase continues", "en", "The end. and more", []string{"The end. and more"}},
		{"decimal number", "en", "It rose 3.5 percent. Then fell.", []string{"It rose 3.5 percent.", "Then fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in, tt.lang)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q, %s) =\n%q\nwant\n%q", tt.in, tt.lang, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"nl", "verkiezingen", "verkiez"},
		{"en", "elections", "elect"},
		{"de", "wahlen", "wahl"},
		{"fr", "élections", "élect"},
		{"es", "elecciones", "eleccion"},
		{"ru", "выборы", "выбор"},
		{"sv", "valen", "val"},
		{"fi", "vaaleissa", "vaale"},
		{"xx", "words", "words"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			if got := Stem(tt.lang, tt.word); got != tt.want {
				t.Errorf("Stem(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
			}
		})
	}
	for _, l := range []string{"ar", "da", "nl", "en", "fi", "fr", "de", "hu", "ga", "it", "nb", "pt", "ro", "ru", "es", "sv", "ta", "tr"} {
		if !HasStemmer(l) {
			t.Errorf("no stemmer for %s", l)
		}
	}
}

func TestStopWords(t *testing.T) {
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"nl", "het", true}, {"nl", "zei", true}, {"nl", "minister", false},
		{"en", "the", true}, {"en", "doesn't", true}, {"en", "president", false},
		{"de", "und", true}, {"fr", "avec", true}, {"es", "para", true}, {"it", "della", true},
		{"pt", "não", true}, {"ru", "который", true}, {"sv", "och", true}, {"no", "og", true},
		{"fi", "ja", true}, {"xx", "the", false},
	}
	for _, tt := range tests {
		if got := IsStopWord(tt.lang, tt.word); got != tt.want {
			t.Errorf("IsStopWord(%s, %q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Über": "uber", "Łódź": "lodz", "Straße": "strasse", "Ærø": "aero", "Oekraïne": "oekraine",
		"Élysée": "elysee", "Лукашенко": "лукашенко", "Ёлка": "елка", "İstanbul": "istanbul", "plain": "plain",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizer(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quotes", "„Ja” ‘n’ «oui»", "\"Ja\" 'n' \"oui\""},
		{"dashes", "Minsk—Moskou 1990–1995 non‑stop", "Minsk–Moskou 1990–1995 non-stop"},
		{"soft hyphen and zero width", "ver\u00adkie\u200bzing", "verkiezing"},
		{"nbsp", "10\u00a0000", "10 000"},
		{"nfc", "e\u0301le\u0300ve", "élève"},
		{"ellipsis", "wacht…", "wacht..."},
		{"unchanged", "plain text", "plain text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Normalizer{}).Filter(tt.in); got != tt.want {
				t.Errorf("Filter(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyzerOffsetsPointIntoOriginal(t *testing.T) {
	tests := []struct {
		name, lang, in string
		wantSpans      []string // original text of each token
	}{
		{"typographic apostrophe", "fr", "l’Europe s’élargit", []string{"Europe", "élargit"}},
		{"soft hyphen inside", "nl", "de ver\u00adkiezingen in Minsk", []string{"ver\u00adkiezingen", "Minsk"}},
		{"decomposed accent", "fr", "une e\u0301le\u0300ve arrive", []string{"e\u0301le\u0300ve", "arrive"}},
		{"english possessive", "en", "Lukashenko’s regime", []string{"Lukashenko", "regime"}},
		// NFC expands U+FB2C to three runes, then the guillemet shrinks
		// to one byte: both maps must compose.
		{"nfc expansion then quote", "fr", "\ufb2c 2024 «Minsk»", []string{"\ufb2c", "2024", "Minsk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range For(tt.lang).Analyze(tt.in) {
				got = append(got, tt.in[tk.Start:tk.End])
			}
			if !reflect.DeepEqual(got, tt.wantSpans) {
				t.Errorf("spans = %q, want %q", got, tt.wantSpans)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		{"nl", "De Belarussische president sprak over de verkiezingen.", []string{"belarussisch", "president", "sprak", "verkiez"}},
		{"en", "The elections in Belarus were held.", []string{"elect", "belarus", "held"}},
		{"fr", "L’élection de l’Europe", []string{"élect", "europ"}},
		{"de", "Die Wahlen in Belarus", []string{"wahl", "belarus"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := For(tt.lang).Terms(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := ForKeys("fr").Terms("L’élection"); !reflect.DeepEqual(got, []string{"elect"}) {
		t.Errorf("ForKeys(fr) = %q", got)
	}
}

// checkTokens asserts the invariants every tokenizer output must keep.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	prev := 0
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("bad token %+v (prev end %d, len %d) in %q", tk, prev, len(text), text)
		}
		prev = tk.End
	}
}

func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("bad span %+v (prev end %d, len %d) in %q", s, prev, len(text), text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[s.Start:s.End]) {
			t.Fatalf("span %+v cuts a rune in %q", s, text)
		}
		prev = s.End
	}
}

var fuzzSeeds = []string{
	"", ".", "a. b", "Dr. A. Loekasjenko (U.S.) zei: „Nee!” En toen…\n\nNieuw.",
	"Am 3. März 2024 um 10.30 Uhr. Dann 1.000,50 €.", "他来了。她走了！", "l’Europe s’élargit — vite.",
	"e\u0301\u0300\u0301 \u00ad\u200b\ufeff", "x'-'y--z..,,1.2.3", "\xff\xfe. A", "ﬁn ﬂ … ’’ «»",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokenize(s))
		toks := For("fr").Analyze(s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End < tk.Start || tk.End > len(s) {
				t.Fatalf("analyzer token %+v out of order/bounds in %q", tk, s)
			}
			prev = tk.Start
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "nl")
		f.Add(s, "de")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		checkSpans(t, s, Sentences(s, lang))
	})
}

var benchText = strings.Repeat("De Belarussische president Aleksandr Loekasjenko heeft op 3 maart 2024 in Minsk o.a. de Russische minister ontvangen. "+
	"Volgens het Kremlin ging het gesprek over de verkiezingen, d.w.z. de stembusgang van 1.000.000 kiezers. „We gaan door”, zei hij.\n\n", 40)

func BenchmarkTokenize(b *testing.B) {
	n := len(Tokenize(benchText))
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		Tokenize(benchText)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkAnalyze(b *testing.B) {
	a := For("nl")
	n := len(Tokenize(benchText))
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		a.Analyze(benchText)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	n := len(Tokenize(benchText))
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(benchText, "nl")
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
