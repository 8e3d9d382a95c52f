package search

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"dateline/model"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{"empty", "   ", "", false},
		{"words", "Loekasjenko China", "Loekasjenko China", false},
		{"phrase", `"Xi Jinping" bezoek`, `"Xi Jinping" bezoek`, false},
		{"or", "Minsk OR Beijing", "Minsk OR Beijing", false},
		{"and or", "a b OR c", "a (b OR c)", false},
		{"explicit and", "a AND b", "a b", false},
		{"not", "Belarus -Rusland", "Belarus -Rusland", false},
		{"NOT keyword", "Belarus NOT Rusland", "Belarus -Rusland", false},
		{"parens", "(a OR b) c", "(a OR b) c", false},
		{"nested", "((a))", "a", false},
		{"hyphen word", "Jong-un", "Jong-un", false},
		{"unclosed phrase", `"Xi Jinping`, `"Xi Jinping"`, false},
		{"unclosed paren", "(a OR b", "a OR b", false},
		{"double negation", "a --b", "a --b", false},
		{"sql", "'; DROP TABLE articles; --", "'; DROP TABLE articles; --", false},
		{"only negative", "-a", "", true},
		{"negative and", "-a -b", "", true},
		{"not in or", "a OR -b", "", true},
		{"dangling or", "a OR", "", true},
		{"leading and", "AND a", "", true},
		{"stray paren", "a)", "", true},
		{"empty parens", "()", "", true},
		{"too deep", strings.Repeat("(", 12) + "a", "", true},
		{"too many", strings.Repeat("w ", 40), "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.in)
			if tc.err {
				if err == nil || !errors.Is(err, ErrSyntax) {
					t.Fatalf("Parse(%q) = %v, %v; want ErrSyntax", tc.in, n, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := n.String(); got != tc.want {
				t.Errorf("Parse(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFTS5(t *testing.T) {
	tests := []struct {
		name, in string
		langs    []string
		want     string
		ok       bool
	}{
		{"stemmed", "bezoeken", []string{"nl"}, `"bezoek"`, true},
		{"two langs", "bezoeken", []string{"nl", "en"}, `("bezoek" OR "bezoeken")`, true},
		{"phrase stop words", `"president van Belarus"`, []string{"nl"}, `"president belarus"`, true},
		{"and not", "Belarus -Rusland", []string{"nl"}, `("belarus" NOT "rusland")`, true},
		{"or", "Minsk OR Beijing", []string{"nl"}, `("minsk" OR "beijing")`, true},
		{"stop words only", "de het", []string{"nl"}, "", false},
		{"stop word dropped", "de Minsk", []string{"nl"}, `"minsk"`, true},
		{"quote injection", `a"b OR c`, []string{"en"}, `"b c"`, true},
		{"fts syntax as words", `title:foo* NEAR(x y)`, []string{"en"}, `("titl foo" AND "near" AND "x" AND "y")`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := FTS5(n, tc.langs)
			if got != tc.want || ok != tc.ok {
				t.Errorf("FTS5(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestExpandEntities(t *testing.T) {
	n, _ := Parse("Lukashenko bezoek")
	Expand(n, func(name string) ([]string, []Alias) {
		if name == "Lukashenko" {
			return []string{"Q38789"}, []Alias{{Text: "Loekasjenko", Lang: "nl"}}
		}
		return nil, nil
	})
	got, _ := FTS5(n, []string{"nl"})
	want := `(("lukashenko" OR "loekasjenko" OR "eq38789") AND "bezoek")`
	if got != want {
		t.Errorf("FTS5 = %q, want %q", got, want)
	}
	ts, _ := TSQuery(n, []string{"nl"})
	if ts != `(('lukashenko' | 'loekasjenko' | 'eq38789') & 'bezoek')` {
		t.Errorf("TSQuery = %q", ts)
	}
}

func TestSnippet(t *testing.T) {
	n, _ := Parse("Loekasjenko bezoek")
	h := NewHighlighter(n, []string{"nl"})
	text := strings.Repeat("Een zin zonder iets. ", 30) + "Aleksandr Loekasjenko brengt een bezoek aan China. " + strings.Repeat("Nog meer tekst hier. ", 30)
	fr := h.Snippet(text, "nl", nil, 120)
	var matches []string
	var all strings.Builder
	for _, f := range fr {
		all.WriteString(f.Text)
		if f.Match {
			matches = append(matches, f.Text)
		}
	}
	if strings.Join(matches, ",") != "Loekasjenko,bezoek" {
		t.Errorf("matches = %q in %q", matches, all.String())
	}
	if !strings.HasPrefix(all.String(), "…") || !strings.HasSuffix(all.String(), "…") || len(all.String()) > 130 {
		t.Errorf("snippet = %q", all.String())
	}
	m := []model.Mention{{Text: "Loekasjenko", EntityID: "Q1", Start: 10, End: 21}}
	n2, _ := Parse("Lukashenko")
	Expand(n2, func(string) ([]string, []Alias) { return []string{"Q1"}, nil })
	fr = NewHighlighter(n2, []string{"en"}).Mark("Aleksandr Loekasjenko zei", "nl", m)
	if len(fr) != 3 || !fr[1].Match || fr[1].Text != "Loekasjenko" {
		t.Errorf("mention highlight = %+v", fr)
	}
}

func TestIndex(t *testing.T) {
	a := &model.Article{Lang: "nl", Title: "Loekasjenko bezoekt China", Lead: "De president reist.",
		Agencies: []string{"anp"}, Dateline: model.Dateline{Agencies: []string{"RTR"}},
		Mentions: []model.Mention{{EntityID: "Q38789"}, {EntityID: "Q148"}},
		Entities: []model.Entity{{ID: "Q148", Country: "CHN"}, {ID: "Q99", Country: "USA"}},
		Events:   []model.Event{{Type: "CONSULT", Source: model.Actor{Country: "BLR", EntityID: "Q184"}, Target: model.Actor{Country: "CHN"}}}}
	d := Index(a)
	if d.Title != "loekasjenko bezoekt china" && d.Title != "loekasjenko bezoek china" {
		t.Errorf("title terms = %q", d.Title)
	}
	if d.Text != "president reist" {
		t.Errorf("text terms = %q", d.Text)
	}
	if d.Entities != "eq38789 eq148 eq184" {
		t.Errorf("entities = %q", d.Entities)
	}
	var fs []string
	for _, f := range d.Facets {
		fs = append(fs, f.Kind+"="+f.Value)
	}
	want := "agency=ANP agency=RTR country=BLR country=CHN entity=Q148 entity=Q38789 lang=nl type=CONSULT"
	if strings.Join(fs, " ") != want {
		t.Errorf("facets = %s\nwant     %s", strings.Join(fs, " "), want)
	}
}

// ftsSafe matches an FTS5 expression made only of quoted strings, the
// operators AND, OR, NOT and parentheses.
var ftsSafe = regexp.MustCompile(`^(\s|\(|\)|AND|OR|NOT|"([^"]|"")*")*$`)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a b", `"x y" OR z`, "a -(b OR c)", `'; DROP TABLE x; --`, `NEAR(a b) col:x* ^y`, "((", `"`, "a OR -b", "Лукашенко"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil || n == nil {
			return
		}
		// the normalised form parses to the same query (when it is itself
		// within the input limit: quoting can make it longer than s)
		if len(n.String()) <= MaxQueryLen {
			n2, err := Parse(n.String())
			if err != nil || n2.String() != n.String() {
				t.Fatalf("round trip %q -> %q -> %v, %v", s, n.String(), n2, err)
			}
		}
		if e, ok := FTS5(n, []string{"nl", "en"}); ok && !ftsSafe.MatchString(e) {
			t.Fatalf("unsafe FTS5 expression %q from %q", e, s)
		}
		h := NewHighlighter(n, []string{"nl"})
		h.Snippet(s+" "+s, "nl", nil, 20)
	})
}
