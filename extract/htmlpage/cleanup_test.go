package htmlpage

import (
	"context"
	nurl "net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTrimHead(t *testing.T) {
	titles := []string{"Doobie Brothers Set 50th Anniversary Tour | Music Site", "The Doobie Brothers Set 50th Anniversary Tour of North America"}
	body := "A half century on, the band is still touring, and it has announced thirty dates across North America for next summer."
	tests := []struct {
		name  string
		paras []string
		want  string // first paragraph kept
	}{
		{"kicker, title, byline", []string{"2019 Music Awards", "The Doobie Brothers Set 50th Anniversary Tour of North America", "11/19/2019 by Lars Brandle", body}, body},
		{"title part before the site name", []string{"Doobie Brothers Set 50th Anniversary Tour", body}, body},
		{"url then title", []string{"https://music.example/news/doobie", "The Doobie Brothers Set 50th Anniversary Tour of North America", body}, body},
		{"date line after title", []string{"The Doobie Brothers Set 50th Anniversary Tour of North America", "NOVEMBER 20, 2019 10:43", body}, body},
		{"no title: untouched", []string{"Published on a quiet day", body}, "Published on a quiet day"},
		{"long line above title keeps all", []string{body, "The Doobie Brothers Set 50th Anniversary Tour of North America", body}, body},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := trimHead(tc.paras, titles)
			if len(got) == 0 || got[0] != tc.want {
				t.Errorf("trimHead first = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTrimTail(t *testing.T) {
	story := []string{
		"The governor defended the campaign on Monday, saying it had drawn attention to the state's drug problem.",
		"Critics said the slogan was a joke, but officials said the ads had been seen by millions of people.",
	}
	tests := []struct {
		name string
		tail []string
		keep int // paragraphs of tail kept
	}{
		{"newsletter block", []string{"Pick Six Newsletter", "Get the day's big stories and fun stuff you love.", "Thanks for signing up!", "Keep an eye on your inbox for the latest news.", "Sorry!", "There was an error processing your subscription."}, 0},
		{"follow and subscribe", []string{"Have a tip? Amy may be reached at amy@example.com. Follow her on Twitter @amy or on Facebook.", "Get the latest updates right in your inbox. Subscribe to our newsletters."}, 0},
		{"german and french", []string{"Folgen Sie uns auf Twitter und Facebook.", "Abonnez-vous à notre lettre d'information."}, 0},
		{"byline and date", []string{"By JERUSALEM POST STAFF", "NOVEMBER 20, 2019 10:43"}, 0},
		{"shortcode", []string{"[button link=\"https://x.example/\" type=\"big\"] Send us your review[/button]"}, 0},
		{"subscription in a quote stays", []string{"“What's your strategy after all the cost-cutting, and why would readers pay for a digital subscription?” he asks."}, 1},
		{"subscription in a long sentence stays", []string{"The Founder's and Premiere Editions launch tomorrow in 14 countries, including the United States, Canada, the United Kingdom, Ireland, France and Germany, while free-to-play and premium subscription options arrive early next year."}, 1},
		{"tour dates stay", []string{"Aug. 14 -- Hollywood Casino Amphitheatre, St. Louis, MO", "Oct. 10 -- The Cynthia Woods Mitchell Pavilion, Houston, TX"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paras := append(append([]string{}, story...), tc.tail...)
			got := trimTail(paras)
			if want := len(story) + tc.keep; len(got) != want {
				t.Errorf("trimTail kept %d paragraphs, want %d: %q", len(got), want, got[len(story)-1:])
			}
		})
	}
}

func TestDropAdLabels(t *testing.T) {
	got := dropAdLabels([]string{"One.", "Continue Reading Below", "ADVERTISEMENT", "Two."})
	if strings.Join(got, "|") != "One.|Two." {
		t.Errorf("dropAdLabels = %q", got)
	}
}

func TestSiteLink(t *testing.T) {
	page, _ := nurl.Parse("https://www.news.example.co.uk/world/story-1")
	tests := []struct {
		href string
		want bool
	}{
		{"/world/story-2", true},
		{"https://sport.news.example.co.uk/x", true},
		{"#comments", false},
		{"/world/story-1", false},
		{"https://www.amazon.com/dp/B01", false},
		{"javascript:void(0)", false},
	}
	for _, tc := range tests {
		t.Run(tc.href, func(t *testing.T) {
			if got := siteLink(page, tc.href); got != tc.want {
				t.Errorf("siteLink(%q) = %v, want %v", tc.href, got, tc.want)
			}
		})
	}
}

func TestSplitTeasersClustersAndLabels(t *testing.T) {
	links := map[string]bool{
		squash("China furious at Macron for Hong Kong protest jibe"): true,
		squash("Lakers vs Nets: NBA make final decision on game"):    true,
		squash("Hong Kong protests: 800 students under siege"):       true,
	}
	paras := []string{
		"China has sent troops to Hong Kong in a bid to restore order after months of riots.",
		"SEE MORE: Hong Kong protests: 800 students under siege",
		"Officials said the troops had been deployed to clear roadblocks.",
		"DON'T MISS",
		"China furious at Macron for Hong Kong protest jibe [INSIGHT]|Lakers vs Nets: NBA make final decision on game [VIDEO]",
		"The unrest began in June.",
	}
	kept, _ := splitTeasers(paras, links)
	want := []string{paras[0], paras[2], paras[5]}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("kept %q, want %q", kept, want)
	}
}

func TestSplitTeasersStoryBetweenTeasers(t *testing.T) {
	links := map[string]bool{squash("From Big Bang to Present: Snapshots of Our Universe"): true, squash("The 11 biggest unanswered questions about dark matter"): true}
	paras := []string{
		"Scientists built the most detailed model of the universe to date.",
		"Related: From Big Bang to Present: Snapshots of Our Universe",
		"The simulation required 16,000 processor cores.",
		"Related: The 11 biggest unanswered questions about dark matter",
		"As their galaxies flattened into disks, another phenomenon emerged, and the team plans to publish the data.",
		"Originally published on Live Science.",
	}
	kept, _ := splitTeasers(paras, links)
	if len(kept) != 4 || kept[3] != paras[5] {
		t.Errorf("kept %q: the story after the last teaser must stay", kept)
	}
}

// domParas runs fn over the parsed fragment and returns its paragraphs.
func domParas(t *testing.T, src string, fn func(*html.Node)) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	fn(doc)
	return strings.Join(Paragraphs(doc), "|")
}

func TestDOMPasses(t *testing.T) {
	tests := []struct {
		name, src string
		fn        func(*html.Node)
		want      string
	}{
		{"popup in a link", `<p>Rep. <span class="rollover-people"><a href="/p">Ilhan Omar</a><span class="rollover-people-block"><a href="/x">Other headline here</a> MORE</span></span> (D-Minn.) spoke.</p>`, prunePopups, "Rep. Ilhan Omar (D-Minn.) spoke."},
		{"hidden span", `<p>Seen <span style="display: none">unseen</span>text.</p>`, prunePopups, "Seen text."},
		{"custom element mid-sentence", `<p>Most common (<hl-source><a href="/1">1</a></hl-source>). Then <x-widget></x-widget></p>`, unwrapCustomInline, "Most common (1). Then"},
		{"text div between paragraphs", `<div><p>One.</p><div class="sub_headline">Who pays?</div><p>Two.</p></div>`, func(d *html.Node) {
			promoteTextDivs(d)
			var buf strings.Builder
			html.Render(&buf, d)
			if !strings.Contains(buf.String(), "<h3 class=\"sub_headline\">") {
				t.Errorf("subheadline div not made a heading: %s", buf.String())
			}
		}, "One.|Who pays?|Two."},
		{"space marks", `<p><strong>Summary</strong> Studies show<!-- --> that <em>this</em>&nbsp;works.</p>`, func(d *html.Node) {
			markSpaces(d)
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode {
					n.Data = strings.TrimFunc(n.Data, func(r rune) bool { return r == ' ' || r == '\u00a0' })
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(d) // trim as trafilatura does
		}, "Summary Studies show that this works."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := domParas(t, tc.src, tc.fn); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMarkedStandfirst(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(newsPage))
	m := readMeta(doc)
	if got := markedStandfirst(doc, m.description); !strings.HasPrefix(got, "Het kabinet is gevallen") {
		t.Errorf("markedStandfirst = %q", got)
	}
	a, err := (&Extractor{NoStandfirst: true}).Extract(context.Background(), []byte(newsPage), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text(), "meldt premier Rutte na een lang overleg") {
		t.Errorf("NoStandfirst text holds the standfirst: %q", a.Lead)
	}
}

func TestBodyText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain lines", "First line.\n\nSecond &amp; last.", "First line.\n\nSecond & last."},
		{"html", "<p>One <b>bold</b>.</p><p>Two.</p>", "One bold.\n\nTwo."},
		{"empty", "  ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bodyText(tc.in); got != tc.want {
				t.Errorf("bodyText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPreferPublisherBody(t *testing.T) {
	long := strings.Repeat("word ", 100)
	if got := preferPublisherBody([]string{"a fragment"}, long+"\n\n"+long); len(got) != 2 {
		t.Errorf("fragment not replaced by the articleBody: %d paragraphs", len(got))
	}
	if got := preferPublisherBody([]string{"a fragment"}, long+"…"); got[0] != "a fragment" {
		t.Errorf("truncated articleBody preferred")
	}
	if got := preferPublisherBody([]string{long}, long+long); got[0] != long {
		t.Errorf("half-size extraction replaced")
	}
}

func TestClosingBylineCredits(t *testing.T) {
	page := strings.Replace(newsPage, "nieuw kabinet is. (ANP, Reuters)</p>", "nieuw kabinet is.</p><p>By Reuters</p><p>Volg ons op Twitter en Facebook.</p>", 1)
	a, err := Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "Volg ons") || strings.Contains(a.Body, "By Reuters") {
		t.Errorf("call to action left in the body: %q", a.Body)
	}
	if !strings.Contains(strings.Join(a.Agencies, ","), "Reuters") {
		t.Errorf("agencies %q, want Reuters", a.Agencies)
	}
}
