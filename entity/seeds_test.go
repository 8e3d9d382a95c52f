package entity

import (
	"dateline/internal/shared"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/model"
)

// sharedDir returns ../shared relative to the module root, or skips.
func sharedDir(t testing.TB) string { return shared.Dir(t, ".") }

type seedDoc struct {
	lang string
	text string
	date model.Time
}

func loadSeeds(t testing.TB) []seedDoc {
	dir := filepath.Join(sharedDir(t), "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	var out []seedDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		lang := "nl"
		if strings.Count(text, " the ") > 5 {
			lang = "en"
		}
		out = append(out, seedDoc{lang: lang, text: text, date: model.Date(2023, 2, 25)})
	}
	return out
}

func TestSeedsLinkAcrossLanguages(t *testing.T) {
	kb := mustKB(t)
	l := NewLinker(kb)
	ids := map[string]map[string]bool{} // surface -> ids
	for _, d := range loadSeeds(t) {
		for _, m := range l.Link(d.text, d.lang, d.date, nil) {
			if ids[m.Text] == nil {
				ids[m.Text] = map[string]bool{}
			}
			ids[m.Text][m.EntityID] = true
		}
	}
	one := func(t *testing.T, names ...string) string {
		t.Helper()
		var id string
		for _, n := range names {
			got := ids[n]
			if len(got) != 1 {
				t.Errorf("%q linked to %d entities %v, want 1", n, len(got), got)
				continue
			}
			for g := range got {
				if id == "" {
					id = g
				} else if g != id {
					t.Errorf("%q -> %s, want %s (same as %q)", n, g, id, names[0])
				}
			}
		}
		return id
	}
	groups := map[string][]string{
		"lukashenko": {"Aleksandr Loekasjenko", "Loekasjenko", "Alexander Lukashenko", "Lukashenko", "Alexandr Loekasjenko"},
		"xi":         {"Xi Jinping", "Xi"},
		"putin":      {"Vladimir Poetin", "Poetin", "Vladimir Putin"},
		"shoigu":     {"Sergei Sjoigoe", "Sjoigoe"},
		"khrenin":    {"Viktor Chrenin", "Chrenin"},
		"belarus":    {"Belarus", "Belarussische", "Belarusian"},
		"china":      {"China", "Chinese"},
		"russia":     {"Rusland", "Russische", "Russia", "Russian"},
		"kim":        {"Kim Jong-un", "Kim"},
		"ukraine":    {"Oekraïne", "Ukraine", "Oekraïense"},
		"minsk":      {"Minsk"},
		"trump":      {"Donald Trump"},
		"melania":    {"Melania Trump"},
	}
	got := map[string]string{}
	for g, names := range groups {
		t.Run(g, func(t *testing.T) { got[g] = one(t, names...) })
	}
	if got["trump"] != "" && got["trump"] == got["melania"] {
		t.Errorf("Donald Trump and Melania Trump share entity %s", got["trump"])
	}
	distinct := map[string]string{}
	for g, id := range got {
		if id == "" {
			continue
		}
		if o, ok := distinct[id]; ok {
			t.Errorf("groups %s and %s share entity %s", g, o, id)
		}
		distinct[id] = g
	}
}

func TestSeedsRoleDescriptions(t *testing.T) {
	kb := mustKB(t)
	l := NewLinker(kb)
	lukashenko := kb.mustID(t, "Alexander Lukashenko")
	text := "Volgens staatspersbureau Belta bedankte Sjoigoe de Belarussische machthebber voor diens ondersteuning."
	ms := l.Link(text, "nl", model.Date(2022, 12, 3), nil)
	found := false
	for _, m := range ms {
		if m.Text == "Belarussische machthebber" && m.EntityID == lukashenko {
			found = true
		}
	}
	if !found {
		t.Errorf("role not resolved to Lukashenko: %+v", ms)
	}
}

func mustKB(t testing.TB) *KB {
	t.Helper()
	kb, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if kb.Len() < 300 {
		t.Fatalf("embedded kb has %d entities", kb.Len())
	}
	return kb
}

func (kb *KB) mustID(t testing.TB, name string) string {
	t.Helper()
	for _, r := range kb.recs {
		if r.Name == name {
			return r.ID
		}
	}
	t.Fatalf("no entity %q", name)
	return ""
}
