package langid

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"dutch", "De Belarussische president Loekasjenko heeft de verkiezingen gewonnen, meldt het persbureau.", "nl"},
		{"english", "The Belarusian president said on Monday that the elections were fair.", "en"},
		{"german", "Der belarussische Präsident sagte am Montag, die Wahlen seien fair gewesen.", "de"},
		{"french", "Le président biélorusse a déclaré lundi que les élections étaient équitables.", "fr"},
		{"spanish", "El presidente bielorruso dijo el lunes que las elecciones fueron justas.", "es"},
		{"italian", "Il presidente bielorusso ha detto lunedì che le elezioni sono state corrette.", "it"},
		{"portuguese", "O presidente bielorrusso disse na segunda-feira que as eleições foram justas.", "pt"},
		{"polish", "Białoruski prezydent powiedział w poniedziałek, że wybory były uczciwe.", "pl"},
		{"turkish", "Belarus cumhurbaşkanı pazartesi günü seçimlerin adil olduğunu söyledi.", "tr"},
		{"russian", "Президент Белоруссии заявил в понедельник, что выборы были честными.", "ru"},
		{"ukrainian", "Президент Білорусі заявив у понеділок, що вибори були чесними.", "uk"},
		{"belarusian", "Прэзідэнт Беларусі заявіў у панядзелак, што выбары былі сумленнымі.", "be"},
		{"arabic", "قال الرئيس البيلاروسي يوم الاثنين إن الانتخابات كانت نزيهة.", "ar"},
		{"chinese", "白俄罗斯总统周一表示，选举是公平的。", "zh"},
		{"japanese", "ベラルーシの大統領は月曜日、選挙は公正だったと述べた。", "ja"},
		{"korean", "벨라루스 대통령은 월요일 선거가 공정했다고 말했다.", "ko"},
		{"greek", "Ο πρόεδρος της Λευκορωσίας δήλωσε τη Δευτέρα ότι οι εκλογές ήταν δίκαιες.", "el"},
		{"swedish", "Vitrysslands president sade på måndagen att valet var rättvist.", "sv"},
		{"finnish", "Valko-Venäjän presidentti sanoi maanantaina, että vaalit olivat reilut.", "fi"},
		{"czech", "Běloruský prezident v pondělí řekl, že volby byly spravedlivé.", "cs"},
		{"no letters", "12345 !!! 2024-05-01", ""},
		{"empty", "", ""},
	}
	var d Detector // the zero value works
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := d.Detect(tt.text)
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("confidence %v out of 0..1", conf)
			}
		})
	}
}

func TestRestrictedSet(t *testing.T) {
	d, err := New(Options{Languages: []string{"nl", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	// Afrikaans is closest to Dutch; restricted to nl/en it must be nl.
	if got, _ := d.Detect("Die president het gesê dat die verkiesing regverdig was."); got != "nl" {
		t.Errorf("restricted Detect = %q, want nl", got)
	}
	// Russian is not allowed: no language of the set fits the script.
	if got, _ := d.Detect("Президент заявил, что выборы были честными."); got != "" {
		t.Errorf("restricted Detect(Russian) = %q, want undetermined", got)
	}
	if _, err := New(Options{Languages: []string{"xx"}}); err == nil {
		t.Error("New with unknown language: no error")
	}
	if _, err := New(Options{Languages: []string{"no"}}); err != nil {
		t.Errorf("alias no: %v", err)
	}
}

func TestMinConfidence(t *testing.T) {
	d, _ := New(Options{MinConfidence: 0.99})
	if got, conf := d.Detect("Minsk"); got != "" {
		t.Errorf("Detect(Minsk) with MinConfidence 0.99 = %q (%.2f), want undetermined", got, conf)
	}
}

func TestScoresSumToOne(t *testing.T) {
	var d Detector
	s := d.Scores("Dit is een korte Nederlandse zin over de regering.")
	sum := 0.0
	for i, x := range s {
		sum += x.Confidence
		if i > 0 && x.Confidence > s[i-1].Confidence {
			t.Fatalf("scores not sorted: %v", s)
		}
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("confidences sum to %v", sum)
	}
}

func TestConcurrent(t *testing.T) {
	var d Detector
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if got, _ := d.Detect("Het kabinet heeft vandaag nieuwe maatregelen aangekondigd."); got != "nl" {
					t.Errorf("got %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLongTextIsSampled(t *testing.T) {
	var d Detector
	long := strings.Repeat("Het kabinet heeft vandaag nieuwe maatregelen aangekondigd. ", 20000)
	if got, _ := d.Detect(long); got != "nl" {
		t.Errorf("long text: %q", got)
	}
}

// dataDir finds ../shared/data relative to the module root.
func dataDir(t testing.TB) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data", "langid-lingua")
	if _, err := os.Stat(d); err != nil {
		t.Skip("no ../shared/data/langid-lingua")
	}
	return d
}

// TestSentenceAccuracyFloor is a small regression check on lingua's test
// sentences (the full measurement is `dateline eval langid`): the first
// 200 sentences of each language, with a floor well below the measured
// accuracy (99.6% overall).
func TestSentenceAccuracyFloor(t *testing.T) {
	dir := dataDir(t)
	var d Detector
	files, _ := filepath.Glob(filepath.Join(dir, "sentences", "*.txt"))
	ok, n := 0, 0
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".txt")
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for k := 0; k < 200 && sc.Scan(); k++ {
			if got, _ := d.Detect(sc.Text()); got == lang {
				ok++
			}
			n++
		}
		fh.Close()
	}
	if n == 0 {
		t.Skip("no sentences")
	}
	if acc := float64(ok) / float64(n); acc < 0.97 {
		t.Errorf("sentence accuracy %.3f < 0.97 on %d sentences", acc, n)
	}
}

func TestShippedModelLanguages(t *testing.T) {
	m, err := shippedModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.langs) < 20 {
		t.Errorf("model has %d languages", len(m.langs))
	}
	for _, l := range []string{"nl", "en", "de", "fr", "es", "it", "pt", "pl", "ru", "uk", "be", "tr", "ar", "zh", "sv", "da", "nb", "fi", "cs", "ro", "hu", "el", "ja", "ko"} {
		if _, ok := m.index[l]; !ok {
			t.Errorf("model lacks %s", l)
		}
	}
}

var benchSentence = "De Belarussische president Aleksandr Loekasjenko heeft op maandag in Minsk de Russische minister van Buitenlandse Zaken ontvangen."

func BenchmarkDetectSentence(b *testing.B) {
	var d Detector
	d.Detect("warm")
	for b.Loop() {
		d.Detect(benchSentence)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkDetectArticle(b *testing.B) {
	var d Detector
	article := strings.Repeat(benchSentence+" ", 100)
	d.Detect("warm")
	for b.Loop() {
		d.Detect(article)
	}
}

func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := decodeModel(strings.NewReader(string(modelGz))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetectTestSentences runs over lingua's test sentences (all
// languages, every 10th line) and reports sentences/s.
func BenchmarkDetectTestSentences(b *testing.B) {
	dir := dataDir(b)
	files, _ := filepath.Glob(filepath.Join(dir, "sentences", "*.txt"))
	var sents []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if i%10 == 0 && line != "" {
				sents = append(sents, line)
			}
		}
	}
	var d Detector
	d.Detect("warm")
	n := 0
	for b.Loop() {
		d.Detect(sents[n%len(sents)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// FuzzDetect checks that any input gives a known language or Undetermined,
// a confidence in 0..1, and boundary-padded words with a valid weight.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"", "Dit is een zin.", "Müller, Martin 90 SV Berolina e.V. 0:46,88 7.",
		"Там же и лекарство.", "白俄罗斯总统", "ベラルーシの大統領", "a1b2c3", " \n\t", "ǅemal İstanbul",
		"\xff\xfe broken utf8 Ünïcode", "VN-verdrag. Het Kremlin!",
	} {
		f.Add(s)
	}
	known := map[string]bool{Undetermined: true}
	for _, l := range Languages() {
		known[l] = true
	}
	var d Detector
	f.Fuzz(func(t *testing.T, text string) {
		lang, conf := d.Detect(text)
		if !known[lang] {
			t.Errorf("Detect(%q) = unknown language %q", text, lang)
		}
		if conf < 0 || conf > 1 || conf != conf {
			t.Errorf("Detect(%q) confidence %v", text, conf)
		}
		for _, w := range sampleText(text, 1000).words {
			if len(w.text) < 3 || w.text[0] != boundary || w.text[len(w.text)-1] != boundary {
				t.Errorf("word %q not padded", w.text)
			}
			if w.weight != 1 && w.weight != capWeight {
				t.Errorf("word %q weight %v", w.text, w.weight)
			}
		}
	})
}
