package nameseval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"dateline/entity"
)

func TestDumpErrors(t *testing.T) {
	out := os.Getenv("NAMES_DUMP")
	if out == "" {
		t.Skip()
	}
	s, err := ReadSetFile(filepath.Join(repoRoot(t), "testdata", "names", "groups.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := entity.Embedded()
	m := NewKBMatcher(kb, s, true)
	f, _ := os.Create(out)
	defer f.Close()
	// per-name resolution
	byGroup := map[string][]int{}
	for i, n := range s {
		byGroup[n.Group] = append(byGroup[n.Group], i)
	}
	gs := make([]string, 0, len(byGroup))
	for g := range byGroup {
		gs = append(gs, g)
	}
	sort.Strings(gs)
	for _, g := range gs {
		fmt.Fprintf(f, "== %s\n", g)
		for _, i := range byGroup[g] {
			n := s[i]
			name := ""
			if r, ok := kb.Record(m.ids[i]); ok {
				name = r.Name
			}
			fmt.Fprintf(f, "  %s %-30q %-12s key=%v -> %s %s\n", n.Lang, n.Text, n.Source, m.keys[i], m.ids[i], name)
		}
	}
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[i].Group == s[j].Group && !m.Same(i, j) {
				fmt.Fprintf(f, "FN %s|%s|%s|%s|%s|%s|%v|%v\n", s[i].Source, s[j].Source, s[i].Text, s[i].Lang, s[j].Text, s[j].Lang, m.ids[i] != "", m.ids[j] != "")
			}
		}
	}
	// FP pairs
	nfp := 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[i].Group != s[j].Group && m.Same(i, j) {
				nfp++
				if nfp < 2000 {
					fmt.Fprintf(f, "FP %q(%s,%s) %q(%s,%s) ids %s %s\n", s[i].Text, s[i].Lang, s[i].Group, s[j].Text, s[j].Lang, s[j].Group, m.ids[i], m.ids[j])
				}
			}
		}
	}
}
