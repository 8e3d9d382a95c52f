package cluster

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"
	"time"

	"dateline/model"
)

func day(s string) model.Time {
	t, err := model.ParseTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

func mention(text, typ, id string, at int) model.Mention {
	return model.Mention{Text: text, Type: typ, EntityID: id, Start: at, End: at + len(text)}
}

// seedLike returns articles modelled on the seed pages: a Dutch and an
// English report announcing Lukashenko's visit to China, a Dutch report of
// the visit itself days later, an article about Shoigu in Minsk and one
// about Putin in Pyongyang, with the derived layers a real pipeline gives.
func seedLike() map[string]*model.Article {
	blr, chn, luk, xi, bej := "Q184", "Q148", "Q39367", "Q15031", "Q956"
	rus, sho, msk, put, prk, kim, pyo := "Q159", "Q310040", "Q2280", "Q7747", "Q423", "Q56226", "Q18808"
	visit := model.Event{Type: "CONSULT", Mode: "visit", Source: model.Actor{Country: "BLR"}, Target: model.Actor{Country: "CHN"}, Date: "2023-02-28", DateEnd: "2023-03-02", Score: 4}
	return map[string]*model.Article{
		"announce-nl": {Lang: "nl", Title: "President Belarus reist af naar China om relatie te versterken",
			Lead:      "De Belarussische president Aleksandr Loekasjenko brengt volgende week een bezoek aan China.",
			Body:      "Het Chinese ministerie van Buitenlandse Zaken heeft dat zaterdag meegedeeld. Loekasjenko's bezoek van 28 februari tot en met 2 maart vindt plaats op uitnodiging van de Chinese president Xi Jinping.",
			Dateline:  model.Dateline{Place: "BEIJING"},
			Published: day("2023-02-25T10:00:00Z"),
			Mentions:  []model.Mention{mention("Belarus", "LOC", blr, 10), mention("China", "LOC", chn, 40), mention("Loekasjenko", "PER", luk, 120), mention("Xi Jinping", "PER", xi, 300), mention("Beijing", "LOC", bej, 320)},
			Timexes:   []model.Timex{{Text: "28 februari tot en met 2 maart", Type: "DATE", Value: "2023-02-28", EndValue: "2023-03-02", Start: 250}},
			Events:    []model.Event{visit},
			Briefs:    []model.Brief{{Text: "WASHINGTON (ANP/AFP) - Barack Obama heeft ICE in Minnesota vergeleken met dictaturen."}},
		},
		"announce-en": {Lang: "en", Title: "Belarus strongman Alexander Lukashenko to visit China",
			Lead:      "Lukashenko will visit China from February 28 to March 2. China says it wants to work with Belarus to deepen mutual trust.",
			Body:      "At the invitation of Chinese President Xi Jinping, President of Belarus Alexander Lukashenko will pay a state visit to China, spokesperson Hua Chunying said in Beijing.",
			Published: day("2023-02-25T12:00:00Z"),
			Mentions:  []model.Mention{mention("Belarus", "LOC", blr, 0), mention("Lukashenko", "PER", luk, 30), mention("China", "LOC", chn, 50), mention("Xi Jinping", "PER", xi, 200), mention("Beijing", "LOC", bej, 330)},
			Timexes:   []model.Timex{{Text: "February 28 to March 2", Type: "DATE", Value: "2023-02-28", EndValue: "2023-03-02", Start: 80}},
			Events:    []model.Event{visit},
		},
		"visit-nl": {Lang: "nl", Title: "Xi belooft sterkere banden met Belarus tijdens bezoek Loekasjenko",
			Lead:      "China wil de banden met Belarus aanhalen, heeft president Xi Jinping toegezegd. Woensdag kreeg hij zijn Belarussische ambtgenoot Aleksandr Loekasjenko op bezoek in Beijing.",
			Body:      "Xi zou vooral de economische betrekkingen willen verbeteren en betere faciliteiten willen bouwen voor de handel tussen beide landen.",
			Dateline:  model.Dateline{Place: "BEIJING"},
			Published: day("2023-03-01T15:00:00Z"),
			Mentions:  []model.Mention{mention("Xi", "PER", xi, 0), mention("Belarus", "LOC", blr, 30), mention("Loekasjenko", "PER", luk, 55), mention("China", "LOC", chn, 70), mention("Beijing", "LOC", bej, 200)},
			Timexes:   []model.Timex{{Text: "Woensdag", Type: "DATE", Value: "2023-03-01", Start: 140}},
			Events:    []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "CHN"}, Target: model.Actor{Country: "BLR"}, Date: "2023-03-01", Score: 4}},
		},
		"shoigu-nl": {Lang: "nl", Title: "Russische defensieminister Sjoigoe op bezoek in Minsk",
			Lead:      "De Russische minister van Defensie Sergei Sjoigoe heeft een bezoek gebracht aan bondgenoot Belarus. Hij sprak zaterdag in Minsk met Alexandr Loekasjenko.",
			Body:      "Met Chrenin ondertekende de Russische defensieminister een document over de veiligheidsovereenkomst.",
			Dateline:  model.Dateline{Place: "MINSK"},
			Published: day("2022-12-03T11:00:00Z"),
			Mentions:  []model.Mention{mention("Sjoigoe", "PER", sho, 40), mention("Minsk", "LOC", msk, 48), mention("Rusland", "LOC", rus, 70), mention("Belarus", "LOC", blr, 150), mention("Loekasjenko", "PER", luk, 190)},
			Timexes:   []model.Timex{{Text: "zaterdag", Type: "DATE", Value: "2022-12-03", Start: 170}},
			Events:    []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "RUS"}, Target: model.Actor{Country: "BLR"}, Date: "2022-12-03", Score: 4}},
		},
		"putin-nl": {Lang: "nl", Title: "Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne",
			Lead:      "De Russische president Vladimir Poetin heeft tijdens zijn bezoek aan Noord-Korea zijn dank uitgesproken voor de steun van Kim Jong-un.",
			Body:      "Poetin arriveerde in de nacht van dinsdag op woensdag in Pyongyang.",
			Dateline:  model.Dateline{Place: "PYONGYANG"},
			Published: day("2024-06-19T09:00:00Z"),
			Mentions:  []model.Mention{mention("Poetin", "PER", put, 0), mention("Kim Jong-un", "PER", kim, 12), mention("Noord-Korea", "LOC", prk, 100), mention("Pyongyang", "LOC", pyo, 240), mention("Rusland", "LOC", rus, 260)},
			Timexes:   []model.Timex{{Text: "woensdag", Type: "DATE", Value: "2024-06-19", Start: 230}},
			Events:    []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "RUS"}, Target: model.Actor{Country: "PRK"}, Date: "2024-06-19", Score: 4}},
		},
	}
}

var streamOrder = []string{"shoigu-nl", "announce-nl", "announce-en", "visit-nl", "putin-nl"}

type placement struct{ cluster, story int64 }

func runStream(t *testing.T, e *Engine, arts map[string]*model.Article) map[string]placement {
	t.Helper()
	out := make(map[string]placement)
	for i, name := range streamOrder {
		c, s := e.Add(int64(i+1), Extract(arts[name]))
		out[name] = placement{c, s}
	}
	return out
}

func TestEngineEventsAndStories(t *testing.T) {
	var e Engine
	p := runStream(t, &e, seedLike())
	tests := []struct {
		name                   string
		a, b                   string
		sameCluster, sameStory bool
	}{
		{"announcement across languages is one event", "announce-nl", "announce-en", true, true},
		{"the later visit is another event of the same story", "announce-nl", "visit-nl", false, true},
		{"Shoigu in Minsk is another story", "shoigu-nl", "announce-nl", false, false},
		{"Putin in Pyongyang is another story", "putin-nl", "announce-nl", false, false},
		{"Putin and Shoigu are different stories", "putin-nl", "shoigu-nl", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := p[tc.a], p[tc.b]
			if (a.cluster == b.cluster) != tc.sameCluster {
				t.Errorf("clusters %s=%d %s=%d, want same=%v", tc.a, a.cluster, tc.b, b.cluster, tc.sameCluster)
			}
			if (a.story == b.story) != tc.sameStory {
				t.Errorf("stories %s=%d %s=%d, want same=%v", tc.a, a.story, tc.b, b.story, tc.sameStory)
			}
		})
	}
	// Inspect the clusters before the 2024 article closes the 2023 ones.
	var e2 Engine
	for i, name := range streamOrder[:4] {
		e2.Add(int64(i+1), Extract(seedLike()[name]))
	}
	c, ok := e2.Cluster(p["announce-nl"].cluster)
	if !ok || len(c.Langs) != 2 || len(c.Articles) != 2 {
		t.Errorf("announcement cluster = %+v, want 2 articles in nl and en", c)
	}
	s, ok := e2.Story(p["visit-nl"].story)
	if !ok || len(s.Clusters) != 2 {
		t.Errorf("story = %+v, want 2 clusters", s)
	}
}

func TestBriefsNeverPullTogether(t *testing.T) {
	arts := seedLike()
	// A teaser about the Putin visit on the Shoigu page must not matter.
	withBrief := *arts["shoigu-nl"]
	withBrief.Briefs = []model.Brief{{Text: arts["putin-nl"].Title + " " + arts["putin-nl"].Lead}}
	a, b := Extract(arts["shoigu-nl"]), Extract(&withBrief)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("briefs changed the features")
	}
}

func TestEngineDeterministicAndIdempotent(t *testing.T) {
	arts := seedLike()
	var e1, e2 Engine
	p1 := runStream(t, &e1, arts)
	p2 := runStream(t, &e2, arts)
	if fmt.Sprint(p1) != fmt.Sprint(p2) {
		t.Fatalf("two runs differ:\n%v\n%v", p1, p2)
	}
	var before bytes.Buffer
	if err := e1.Snapshot(&before); err != nil {
		t.Fatal(err)
	}
	// Re-adding every article changes nothing.
	p3 := runStream(t, &e1, arts)
	if fmt.Sprint(p1) != fmt.Sprint(p3) {
		t.Fatalf("re-adding moved articles:\n%v\n%v", p1, p3)
	}
	// Compare the states through gob (which reads empty slices as nil).
	var after bytes.Buffer
	if err := e1.Snapshot(&after); err != nil {
		t.Fatal(err)
	}
	var saved, now Engine
	if err := saved.Restore(bytes.NewReader(before.Bytes())); err != nil {
		t.Fatal(err)
	}
	if err := now.Restore(&after); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved.st, now.st) {
		t.Fatalf("re-adding changed the state (N=%d)", e1.st.Vocab.N)
	}
	// Restart: a restored engine continues exactly like the original.
	var e3 Engine
	if err := e3.Restore(bytes.NewReader(before.Bytes())); err != nil {
		t.Fatal(err)
	}
	extra := Extract(arts["putin-nl"])
	extra.Time = extra.Time.Add(24 * time.Hour)
	c1, s1 := e1.Add(99, extra)
	c3, s3 := e3.Add(99, extra)
	if c1 != c3 || s1 != s3 {
		t.Fatalf("restored engine placed article at %d/%d, original at %d/%d", c3, s3, c1, s1)
	}
	if c1 != p1["putin-nl"].cluster {
		t.Errorf("follow-up Putin article started cluster %d, want %d", c1, p1["putin-nl"].cluster)
	}
}

func TestEngineDuplicates(t *testing.T) {
	arts := seedLike()
	var e Engine
	p := runStream(t, &e, arts)
	c, s, ok := e.AddDuplicate(50, 5)
	if !ok || c != p["putin-nl"].cluster || s != p["putin-nl"].story {
		t.Fatalf("duplicate placed at %d/%d ok=%v", c, s, ok)
	}
	if _, _, ok := e.AddDuplicate(51, 12345); ok {
		t.Error("duplicate of an unknown article accepted")
	}
	cl, _ := e.Cluster(c)
	if len(cl.Articles) != 2 {
		t.Errorf("cluster has %d articles, want 2", len(cl.Articles))
	}
}

func TestEngineExpiry(t *testing.T) {
	var e Engine
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 100 {
		f := Features{Lang: "en", Time: base.Add(time.Duration(i) * 24 * time.Hour),
			Terms: []Weighted{{fmt.Sprintf("en:w%d", i), 1}}, Entities: []Weighted{{fmt.Sprintf("Q%d", i), 1}}}
		e.Add(int64(i+1), f)
	}
	n, _ := e.Len()
	if n > 35 {
		t.Errorf("%d clusters open after 100 days, want about 31 (30-day retention)", n)
	}
	if len(e.st.Buckets) > 35 {
		t.Errorf("%d buckets kept, want about 31", len(e.st.Buckets))
	}
}

func TestEngineStoryExpiry(t *testing.T) {
	e := Engine{Config: Config{StoryWindow: 20 * 24 * time.Hour}}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 200 {
		f := Features{Lang: "en", Time: base.Add(time.Duration(i) * 24 * time.Hour),
			Entities: []Weighted{{fmt.Sprintf("Q%d", 2*i), 3}, {fmt.Sprintf("Q%d", 2*i+1), 2}}}
		e.Add(int64(i+1), f)
	}
	_, stories := e.Len()
	cases := []struct {
		name string
		got  int
	}{
		{"open stories", stories},
		{"story index keys", len(e.st.StoryIndex)},
		{"story days", len(e.st.StoryDays)},
	}
	for _, c := range cases {
		// one story a day, a 20-day window: about 21 remain, each indexed
		// under its two entities.
		if c.got < 1 || c.got > 2*22 {
			t.Errorf("%s: %d after 200 days with a 20-day story window", c.name, c.got)
		}
	}
	for k, l := range e.st.StoryIndex {
		for _, id := range l {
			if e.st.Stories[id] == nil {
				t.Fatalf("story index key %d lists closed story %d", k, id)
			}
		}
	}
}

func TestRestoreRefusesOtherVersion(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(snapshotVersion - 1); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	var e Engine
	if err := e.Restore(&buf); err == nil {
		t.Fatal("snapshot of another version restored")
	}
}

func TestCentral(t *testing.T) {
	ws := []iw{{K: 1, W: 2}, {K: 2, W: 5}, {K: 3, W: 2}, {K: 4, W: 9}, {K: 5, W: 1}, {K: 6, W: 5}}
	cases := []struct {
		name string
		n    int
		want []uint32
	}{
		{"top 3, ties by ID", 3, []uint32{4, 2, 6}},
		{"top 5", 5, []uint32{4, 2, 6, 1, 3}},
		{"more than there are", 10, []uint32{4, 2, 6, 1, 3, 5}},
	}
	for _, c := range cases {
		var got []uint32
		for _, w := range central(nil, ws, c.n) {
			got = append(got, w.K)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestVocabHashCollision(t *testing.T) {
	var v vocab
	a, _ := v.id(ChTerms, "en:a")
	// Pretend "en:b" hashes like "en:a": it must still get its own ID.
	v.ids[ChTerms][keyHash("en:b")] = a
	b, _ := v.id(ChTerms, "en:b")
	cases := []struct {
		name string
		key  string
		want uint32
	}{
		{"first key", "en:a", a},
		{"colliding key", "en:b", b},
		{"new key", "en:c", 2},
	}
	for _, c := range cases {
		if got, _ := v.id(ChTerms, c.key); got != c.want {
			t.Errorf("%s: id(%q) = %d, want %d", c.name, c.key, got, c.want)
		}
		if got := v.keyString(ChTerms, c.want); got != c.key {
			t.Errorf("%s: key %d = %q, want %q", c.name, c.want, got, c.key)
		}
	}
	if a == b {
		t.Fatal("colliding keys share an ID")
	}
	if v.Langs[0] != "en" || v.Class[ChTerms][b] != 1 {
		t.Errorf("term class: langs %v, class %d", v.Langs, v.Class[ChTerms][b])
	}
}

func TestGenericActorsDoNotChainStories(t *testing.T) {
	gov, deu, ber, fra, mac, par, scholz := "DEU-gov", "Q183", "Q64", "Q142", "Q3052772", "Q90", "Q61053"
	ents := []model.Entity{{ID: gov, Kind: "gov"}, {ID: deu, Kind: "country"}, {ID: ber, Kind: "capital"},
		{ID: fra, Kind: "country"}, {ID: par, Kind: "capital"}, {ID: mac, Kind: "person"}, {ID: scholz, Kind: "person"}}
	relief := &model.Article{Lang: "de", Title: "Bundesregierung plant Entlastungspaket für Pendler",
		Lead:      "Die Bundesregierung will Pendler mit einem neuen Entlastungspaket unterstützen. Das kündigte der Finanzminister in Berlin an.",
		Body:      "Das Paket soll rund zwei Milliarden Euro kosten. Die Opposition kritisierte die Pläne.",
		Published: day("2024-05-01T09:00:00Z"), // outside the cluster window: only the story rule decides
		Mentions:  []model.Mention{mention("Bundesregierung", "ORG", gov, 0), mention("Bundesregierung", "ORG", gov, 55), mention("Berlin", "LOC", ber, 150)},
		Entities:  ents,
	}
	summit := &model.Article{Lang: "de", Title: "Kanzler reist zu Gipfel mit Macron nach Paris",
		Lead:      "Der Kanzler trifft den französischen Präsidenten Emmanuel Macron im Élysée; die Bundesregierung in Berlin erwartet Gespräche über die Ukraine.",
		Body:      "Scholz und Macron wollen eine gemeinsame Erklärung vorlegen.",
		Published: day("2024-05-16T09:00:00Z"),
		Mentions: []model.Mention{mention("Macron", "PER", mac, 40), mention("Paris", "LOC", par, 55),
			mention("Macron", "PER", mac, 110), mention("Bundesregierung", "ORG", gov, 130), mention("Berlin", "LOC", ber, 150), mention("Scholz", "PER", scholz, 220)},
		Entities: ents,
	}
	followUp := &model.Article{Lang: "de", Title: "Macron und Scholz einigen sich in Paris auf Erklärung",
		Lead:      "Nach dem Gipfel im Élysée legten Macron und Scholz eine gemeinsame Erklärung vor.",
		Body:      "Die Bundesregierung begrüßte die Erklärung zur Ukraine.",
		Published: day("2024-05-20T09:00:00Z"),
		Mentions: []model.Mention{mention("Macron", "PER", mac, 0), mention("Scholz", "PER", scholz, 11), mention("Paris", "LOC", par, 41),
			mention("Macron", "PER", mac, 80), mention("Scholz", "PER", scholz, 91), mention("Bundesregierung", "ORG", gov, 140)},
		Entities: ents,
	}
	if f := Extract(relief); len(f.Generic) != 2 {
		t.Fatalf("generic keys = %v, want the government and the capital", f.Generic)
	}
	var e Engine
	c1, s1 := e.Add(1, Extract(relief))
	c2, s2 := e.Add(2, Extract(summit))
	c3, s3 := e.Add(3, Extract(followUp))
	if c1 == c2 || s1 == s2 {
		t.Errorf("relief package (cluster %d, story %d) and summit (cluster %d, story %d): want different stories", c1, s1, c2, s2)
	}
	if c3 == c2 || s3 != s2 {
		t.Errorf("summit (cluster %d, story %d) and its follow-up (cluster %d, story %d): want another event of the same story", c2, s2, c3, s3)
	}
}
