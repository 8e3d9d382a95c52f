package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dateline/model"
)

// sat is Saturday 25 February 2023, the anchor.
var sat = model.Date(2023, time.February, 25)

func TestExtract(t *testing.T) {
	tests := []struct {
		name, lang, text string
		anchor           model.Time
		want             string // Text|Type|Value[|EndValue] of the timex containing want's text
	}{
		{"nl weekday past", "nl", "Dat maakte zijn persdienst zaterdag bekend.", sat, "zaterdag|DATE|2023-02-25"},
		{"nl weekday future", "nl", "Loekasjenko brengt maandag een bezoek aan Peking.", sat, "maandag|DATE|2023-02-27"},
		{"nl weekday future zal", "nl", "De president zal dinsdag met Xi spreken.", sat, "dinsdag|DATE|2023-02-28"},
		{"nl next week", "nl", "Hij brengt volgende week een bezoek aan China.", sat, "volgende week|DATE|2023-W09"},
		{"nl last week", "nl", "Vorige week ontving hij een delegatie.", sat, "Vorige week|DATE|2023-W07"},
		{"nl month last year", "nl", "Ze ontmoetten elkaar in september vorig jaar in Samarkand.", sat, "september vorig jaar|DATE|2022-09"},
		{"nl range", "nl", "Het bezoek van 28 februari tot en met 2 maart is gepland.", sat, "28 februari tot en met 2 maart|DATE|2023-02-28|2023-03-02"},
		{"nl range dash", "nl", "Het bezoek duurt 28 februari - 2 maart.", sat, "28 februari - 2 maart|DATE|2023-02-28|2023-03-02"},
		{"nl next month", "nl", "De conferentie is volgende maand.", sat, "volgende maand|DATE|2023-03"},
		{"nl last year", "nl", "Vorig jaar groeide de economie.", sat, "Vorig jaar|DATE|2022"},
		{"nl yesterday", "nl", "Gisteren sprak hij met de premier.", sat, "Gisteren|DATE|2023-02-24"},
		{"nl day before yesterday", "nl", "Eergisteren sprak hij met de premier.", sat, "Eergisteren|DATE|2023-02-23"},
		{"nl today", "nl", "Vandaag is de top begonnen.", sat, "Vandaag|DATE|2023-02-25"},
		{"nl evening compound", "nl", "Hij sprak dinsdagavond met Xi.", sat, "dinsdagavond|TIME|2023-02-21TEV"},
		{"nl night of", "nl", "Diep in de nacht van dinsdag op woensdag vielen raketten.", sat, "de nacht van dinsdag op woensdag|TIME|2023-02-21TNI"},
		{"nl duration", "nl", "Ze werken al drie jaar samen.", sat, "drie jaar|DURATION|P3Y"},
		{"nl duration modifier", "nl", "Het duurde ruim negen maanden.", sat, "ruim negen maanden|DURATION|P9M"},
		{"nl clock", "nl", "De vergadering begint om 15.00 uur.", sat, "15.00 uur|TIME|2023-02-25T15:00"},
		{"nl set", "nl", "Ze demonstreren elke week.", sat, "elke week|SET|P1W"},
		{"nl now", "nl", "Het park huisvest nu zestig bedrijven.", sat, "nu|DATE|PRESENT_REF"},
		{"nl decade", "nl", "In de jaren negentig was dat anders.", sat, "de jaren negentig|DATE|199"},
		{"nl quarter", "nl", "De economie groeide in het derde kwartaal van 2022.", sat, "het derde kwartaal van 2022|DATE|2022-Q3"},
		{"nl ago", "nl", "Drie jaar geleden begon het.", sat, "Drie jaar geleden|DATE|2020"},
		{"nl iso", "nl", "Publicatie: 2023-02-25.", sat, "2023-02-25|DATE|2023-02-25"},
		{"nl year", "nl", "In 2020 werd het park geopend.", sat, "2020|DATE|2020"},
		{"nl unanchored date", "nl", "Hij komt op 28 februari.", model.Time{}, "28 februari|DATE|XXXX-02-28"},
		{"nl unanchored weekday", "nl", "Hij kwam zaterdag aan.", model.Time{}, "zaterdag|DATE|XXXX-WXX-6"},
		{"en range", "en", "He will pay a state visit to China from February 28 to March 2.", sat, "February 28 to March 2|DATE|2023-02-28|2023-03-02"},
		{"en last Saturday", "en", "They met last Saturday.", sat, "last Saturday|DATE|2023-02-18"},
		{"en weekday future", "en", "Lukashenko will visit on Monday.", sat, "Monday|DATE|2023-02-27"},
		{"en weekday past", "en", "The ministry said on Friday that it agreed.", sat, "Friday|DATE|2023-02-24"},
		{"en next week", "en", "Talks resume next week.", sat, "next week|DATE|2023-W09"},
		{"en abbreviated", "en", "The deal was signed on Feb. 28, 2022.", sat, "Feb. 28, 2022|DATE|2022-02-28"},
		{"en last February", "en", "Prices rose last February.", sat, "last February|DATE|2022-02"},
		{"en for two weeks", "en", "He stayed for two weeks.", sat, "two weeks|DURATION|P2W"},
		{"en pm", "en", "The meeting starts at 3 p.m.", sat, "3 p.m.|TIME|2023-02-25T15:00"},
		{"en tonight", "en", "He speaks tonight.", sat, "tonight|TIME|2023-02-25TNI"},
		{"en this morning", "en", "Shares fell this morning.", sat, "this morning|TIME|2023-02-25TMO"},
		{"en every Monday", "en", "The market opens every Monday.", sat, "every Monday|SET|XXXX-WXX-1"},
		{"en recently", "en", "The company recently cut jobs.", sat, "recently|DATE|PAST_REF"},
		{"en decade", "en", "In the 1990s growth was fast.", sat, "the 1990s|DATE|199"},
		{"en quarter", "en", "Profit fell in the third quarter.", sat, "the third quarter|DATE|2022-Q3"},
		{"en ago", "en", "He left two years ago.", sat, "two years ago|DATE|2021"},
		{"en unanchored", "en", "He arrives on February 28.", model.Time{}, "February 28|DATE|XXXX-02-28"},
		{"en weekday defaults to past", "en", "Shares of the bank rose sharply on Wednesday.", sat, "Wednesday|DATE|2023-02-22"},
		{"en said is weak far off", "en", "The company said the dividend is payable Jan. 2 to holders.", model.Date(2023, time.November, 2), "Jan. 2|DATE|2024-01-02"},
		{"en said next to weekday", "en", "The minister said Friday that talks will resume.", sat, "Friday|DATE|2023-02-24"},
		{"en the past year", "en", "Prices doubled in the past year.", sat, "the past year|DATE|2022"},
		{"en past three years", "en", "Prices doubled over the past three years.", sat, "the past three years|DURATION|P3Y"},
		{"en couple of years", "en", "It may take a couple of years.", sat, "a couple of years|DURATION|P2Y"},
		{"en spoken year", "en", "Atlanta, nineteen ninety-six: a bomb blast shocks the games.", sat, "nineteen ninety-six|DATE|1996"},
		{"en year two thousand", "en", "He promised to halve it by the year two thousand.", sat, "the year two thousand|DATE|2000"},
		{"en the quarter", "en", "Net income rose 5% in the quarter.", sat, "the quarter|DATE|2022-Q4"},
		{"en year-ago quarter", "en", "The third-quarter loss compares with a profit in the year-ago quarter.", sat, "the year-ago quarter|DATE|2021-Q3"},
		{"en a year earlier in results", "en", "Fourth-quarter profit was $5 million, up from $3 million a year earlier.", sat, "a year earlier|DATE|2021-Q4"},
		{"en a year ago plain", "en", "He moved to Paris a year ago.", sat, "a year ago|DATE|2022"},
		{"en 1988 quarter", "en", "Sales fell from the 1988 quarter.", sat, "the 1988 quarter|DATE|1988-Q4"},
		{"en following year", "en", "He joined the army in 1994, and the following year he was promoted.", sat, "the following year|DATE|1995"},
		{"en by month", "en", "The loan must be repaid by January.", sat, "January|DATE|2023-01"},
		{"en this summer past", "en", "The stock began trading this summer.", model.Date(2023, time.November, 1), "this summer|DATE|2023-SU"},
		{"en each month set", "en", "Orangemen march each July.", sat, "each July|SET|XXXX-07"},
		{"nl since month", "nl", "Sinds maart voeren de partijen campagne.", model.Date(2024, time.June, 5), "maart|DATE|2024-03"},
		{"nl strong past weekday", "nl", "Maandag kreeg hij bezoek.", model.Date(2023, time.February, 28), "Maandag|DATE|2023-02-27"},
		{"en year-end", "en", "The deal should close by year-end.", sat, "year-end|DATE|2023"},
		{"en since year end", "en", "The index has risen 4% since year end.", sat, "year end|DATE|2022"},
		{"en around year end", "en", "The sale should close around year end.", sat, "around year end|DATE|2023"},
		{"en mid-afternoon yesterday", "en", "Shares were up at mid-afternoon yesterday.", sat, "mid-afternoon yesterday|TIME|2023-02-24TAF"},
		{"en in the morning", "en", "Dealers placed heavy orders in the morning.", sat, "the morning|TIME|2023-02-25TMO"},
		{"en quarter ended", "en", "Sales rose in the quarter ended Sept. 30.", model.Date(1989, time.October, 26), "the quarter|DATE|1989-Q3"},
		{"en fiscal quarter ended", "en", "In the quarter ended July 31, it lost money.", model.Date(1989, time.October, 26), "the quarter|DATE|1989-Q2"},
		{"en the nine months", "en", "For the nine months, net rose 4%.", sat, "the nine months|DURATION|P9M"},
		{"en clause tense", "en", "The conference, which opened here on Monday, will last four days.", model.Date(1998, time.November, 5), "Monday|DATE|1998-11-02"},
		{"en month day-day", "en", "The summit in Vienna on Dec. 11-12 will decide.", model.Date(1998, time.November, 5), "Dec. 11-12|DATE|1998-12-11|1998-12-12"},
		{"en in recent years", "en", "In recent years growth slowed.", sat, "recent years|DATE|PAST_REF"},
		{"en twice a week", "en", "He visits his mother twice a week.", sat, "twice a week|SET|P1W"},
		{"en weekday or weekday", "en", "Landfall is forecast late Thursday or early Friday.", model.Date(1998, time.November, 5), "early Friday|DATE|1998-11-06"},
		{"en holiday", "en", "Stores close on Thanksgiving Day.", model.Date(1998, time.November, 5), "Thanksgiving Day|DATE|1998-11-26"},
		{"en holiday year", "en", "They met at Easter 1999.", sat, "Easter 1999|DATE|1999-04-04"},
		{"en overnight past", "en", "Temperatures dropped sharply overnight.", sat, "overnight|TIME|2023-02-24TNI"},
		{"en duration range", "en", "Shipments resume within two to three weeks.", sat, "two to three weeks|DURATION|P2W"},
		{"en irregular past", "en", "The economy grew 7% in the third quarter.", model.Date(1999, time.June, 16), "the third quarter|DATE|1998-Q3"},
		{"en expect is future", "en", "Officials expect the bridge to reopen in the fall.", model.Date(2024, time.March, 6), "the fall|DATE|2024-FA"},
		{"en passive by no past", "en", "Qantas will double its flights by August in search of markets untouched by the crisis.", model.Date(1998, time.February, 13), "August|DATE|1998-08"},
		{"en subordinate cue weak", "en", "Bush told reporters on Tuesday that the blockade might be widened.", model.Date(1990, time.August, 15), "Tuesday|DATE|1990-08-14"},
		{"en year of another clause", "en", "Under a plan approved in 1987 that set no limit, it had bought 481,000 shares through Sept. 29.", model.Date(1989, time.October, 30), "Sept. 29|DATE|1989-09-29"},
		{"en the previous Friday", "en", "The index fell from the previous Friday.", sat, "the previous Friday|DATE|2023-02-24"},
		{"en the year", "en", "Volume was flat for the year.", sat, "the year|DATE|2023"},
		{"en earlier in the year", "en", "Sales were delayed earlier in the year by rains.", sat, "earlier in the year|DATE|2023"},
		{"en the week of the day named", "en", "Shares fell on Friday. For the week, the index lost 2%.", sat, "the week|DATE|2023-W08"},
		{"en adjectival duration", "en", "Bush commented on the two-week crisis.", sat, "two-week|DURATION|P2W"},
		{"en adjectival quarter", "en", "The third-quarter loss was large.", sat, "third-quarter|DATE|2022-Q3"},
		{"en passive participle no past", "en", "They are not going to be left on their own this summer.", model.Date(1998, time.March, 22), "this summer|DATE|1998-SU"},
		{"en coming weeks", "en", "Rates may fall in coming weeks.", sat, "coming weeks|DATE|FUTURE_REF"},
		{"en the weeks ahead", "en", "Funds may sell in the weeks ahead.", sat, "the weeks ahead|DURATION|PXW"},
		{"en one day future", "en", "Islam will one day be the second largest religion.", sat, "one day|DATE|FUTURE_REF"},
		{"en through a month", "en", "Lenders have extended loans through January.", model.Date(1989, time.October, 30), "January|DATE|1990-01"},
		{"en the next day", "en", "The talks began on March 1, 1998. The next day, the sides met again.", sat, "The next day|DATE|1998-03-02"},
		{"en over the next day", "en", "Nothing changed over the next day.", sat, "the next day|DURATION|P1D"},
		{"en the following month", "en", "In January the board met. The following month, it sold the unit.", model.Date(1989, time.October, 27), "The following month|DATE|1989-02"},
		{"en until a weekday", "en", "Iraq has until Saturday to comply.", model.Date(1998, time.March, 4), "Saturday|DATE|1998-03-07"},
		{"en wire clock", "en", "Futures slipped to $78.90 a barrel by 1200 GMT.", sat, "1200 GMT|TIME|2023-02-25T12:00"},
		{"en clock on the day named", "en", "The final was played on Sunday. Crowds gathered early. The match began at 2 p.m. and ended at 7 p.m.", model.Date(2023, time.July, 17), "2 p.m.|TIME|2023-07-16T14:00"},
		{"en the new year", "en", "Shortages will persist into the new year.", model.Date(2021, time.October, 27), "the new year|DATE|2022"},
		{"en the morning of", "en", "On the morning of Dec. 24, the ship sank.", model.Date(1998, time.March, 4), "the morning of Dec. 24|TIME|1997-12-24TMO"},
		{"de date", "de", "Der Besuch findet am 28. Februar 2023 statt.", sat, "28. Februar 2023|DATE|2023-02-28"},
		{"de last week", "de", "Letzte Woche traf er Xi.", sat, "Letzte Woche|DATE|2023-W07"},
		{"de ago", "de", "Vor zwei Jahren begann der Krieg.", sat, "Vor zwei Jahren|DATE|2021"},
		{"fr date", "fr", "La visite aura lieu du 28 février au 2 mars.", sat, "28 février au 2 mars|DATE|2023-02-28|2023-03-02"},
		{"fr last week", "fr", "Il a rencontré Xi la semaine dernière.", sat, "la semaine dernière|DATE|2023-W07"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts := strings.Split(tc.want, "|")
			got := Extract(tc.text, tc.lang, tc.anchor)
			for _, x := range got {
				if x.Text != parts[0] {
					continue
				}
				if x.Type != parts[1] || x.Value != parts[2] {
					t.Fatalf("%q: got %s %s, want %s %s", x.Text, x.Type, x.Value, parts[1], parts[2])
				}
				if len(parts) > 3 && x.EndValue != parts[3] {
					t.Fatalf("%q: end %q, want %q", x.Text, x.EndValue, parts[3])
				}
				if x.Anchored != (!strings.HasPrefix(parts[2], "X") || parts[1] == Set) {
					t.Fatalf("%q: Anchored %v", x.Text, x.Anchored)
				}
				if tc.text[x.Start:x.End] != x.Text {
					t.Fatalf("offsets %d:%d do not give %q", x.Start, x.End, x.Text)
				}
				return
			}
			t.Fatalf("no timex %q in %+v", parts[0], got)
		})
	}
}

func TestSplitRanges(t *testing.T) {
	text := "Lukashenko visits China from February 28 to March 2."
	got := Extractor{SplitRanges: true}.Extract(text, "en", sat)
	if len(got) != 2 || got[0].Text != "February 28" || got[0].Value != "2023-02-28" || got[1].Text != "March 2" || got[1].Value != "2023-03-02" || got[0].EndValue != "" {
		t.Fatalf("split range: %+v", got)
	}
}

func TestNoFalseAlarms(t *testing.T) {
	for _, tc := range []struct{ name, lang, text string }{
		{"count", "en", "More than 2,000 soldiers were deployed."},
		{"age", "en", "Mr. Smith, 52 years old, resigned."},
		{"decimal", "en", "Sales were 2.46 billion guilders."},
		{"modal may", "en", "May we ask what happened?"},
		{"price per", "en", "The fee is $1.76 a year."},
		{"match half", "nl", "In de eerste helft kreeg Ajax nog kansen."},
		{"hyphenated age", "en", "The 59-year-old minister resigned."},
		{"index level", "en", "The index closed at 2082.1 points."},
		{"quarter-century", "en", "Unemployment fell to its quarter-century low."},
		{"fraction of quarters", "en", "Iraq imports about three-quarters of its food."},
		{"the past with a count", "en", "The index rose in each of the past five sessions."},
		{"rate per amount", "en", "Output is 30,000 barrels a day."},
		{"the year since", "en", "In the year since the attack, little changed."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Extract(tc.text, tc.lang, sat); len(got) > 0 {
				t.Fatalf("unexpected timexes %+v", got)
			}
		})
	}
}

func TestSentenceIndex(t *testing.T) {
	got := Extract("Hij kwam gisteren. Hij vertrekt morgen.", "nl", sat)
	if len(got) != 2 || got[0].Sentence != 0 || got[1].Sentence != 1 || got[1].Value != "2023-02-26" {
		t.Fatalf("%+v", got)
	}
}

func TestForSpan(t *testing.T) {
	text := "Nu is duidelijk dat Loekasjenko van 28 februari tot en met 2 maart China bezoekt. Dat zei hij zaterdag."
	ts := Extract(text, "nl", sat)
	i := strings.Index(text, "bezoekt")
	x, ok := ForSpan(ts, 0, i, i+len("bezoekt"))
	if !ok || x.Value != "2023-02-28" || x.EndValue != "2023-03-02" {
		t.Fatalf("ForSpan = %+v, %v", x, ok)
	}
	if _, ok := ForSpan(ts, 5, 0, 1); ok {
		t.Fatal("ForSpan found a timex in a sentence without one")
	}
}

func TestWeekdayFrom(t *testing.T) {
	a := time.Date(2023, 2, 25, 0, 0, 0, 0, time.UTC) // Saturday
	for _, tc := range []struct {
		name    string
		wd, dir int
		strict  bool
		want    string
	}{
		{"past same day", 6, -1, false, "2023-02-25"},
		{"past strict", 6, -1, true, "2023-02-18"},
		{"future", 1, 1, false, "2023-02-27"},
		{"future same weekday is the day itself", 6, 1, false, "2023-02-25"},
		{"future strict same weekday", 6, 1, true, "2023-03-04"},
		{"nearest", 5, 0, false, "2023-02-24"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmtDate(weekdayFrom(a, tc.wd, tc.dir, tc.strict)); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Loekasjenko brengt van 28 februari tot en met 2 maart een bezoek.",
		"He will visit from February 28 to March 2, 2023 at 3 p.m.",
		"om 15.00 uur, 2023-02-25, 25/02/2023, de jaren '90, Q3 2022",
		"the '90s 1990s nineteen ninety-six a year and a half ago",
		"\xff\xfe 28. März 12h30 ' -", "", "2023-02-", "28 28 28 tot tot",
		"late Thursday or early Friday, Dec. 11-12, Christmas Eve, mid-afternoon yesterday, twice a week",
		"or Friday", "- Monday", "the quarter ended Sept. 30", "year's end 12 to 18 months",
	} {
		f.Add(s, "nl", true)
		f.Add(s, "en", false)
	}
	f.Fuzz(func(t *testing.T, text, lang string, anchored bool) {
		var a model.Time
		if anchored {
			a = sat
		}
		prev := 0
		for _, x := range (Extractor{}).Extract(text, lang, a) {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span %d:%d (prev end %d) in %q", x.Start, x.End, prev, text)
			}
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("text mismatch")
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("span splits a rune: %q", x.Text)
			}
			prev = x.End
		}
	})
}

// benchText is a paragraph of news sentences (8 sentences).
const benchText = `MINSK - De Wit-Russische president Aleksandr Loekasjenko brengt van 28 februari tot en met 2 maart een staatsbezoek aan China. Dat maakte zijn persdienst zaterdag bekend. Het is het eerste bezoek sinds september vorig jaar. Loekasjenko sprak donderdagavond al telefonisch met de premier. Vorige week ontving hij een handelsdelegatie in Minsk. De twee landen werken al ruim tien jaar samen. Het bezoek duurt drie dagen en eindigt donderdag om 15.00 uur. De oppositie houdt volgende maand een conferentie in Vilnius.`

// BenchmarkExtract reports sentences per second on one core.
func BenchmarkExtract(b *testing.B) {
	const sentences = 8
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Extract(benchText, "nl", sat)
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
