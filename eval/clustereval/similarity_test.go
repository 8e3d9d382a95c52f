package clustereval

import "testing"

func TestSplitPairTitle(t *testing.T) {
	for _, tc := range []struct {
		name, text, title, body string
	}{
		{"newline", "Fire at the zoo\nMonkeys died.", "Fire at the zoo", "Monkeys died."},
		{"two spaces", " Fire at the zoo  Monkeys died.", "Fire at the zoo", "Monkeys died."},
		{"no boundary", "Fire at the zoo. Monkeys died.", "", "Fire at the zoo. Monkeys died."},
		{"long first line", string(make([]byte, 400)) + "\nrest", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			title, body := splitPairTitle(tc.text)
			if tc.name == "long first line" {
				if title != "" {
					t.Errorf("title %q from a 400-byte first line", title)
				}
				return
			}
			if title != tc.title || body != tc.body {
				t.Errorf("splitPairTitle = %q, %q; want %q, %q", title, body, tc.title, tc.body)
			}
		})
	}
}

func TestGroupFoldsKeepsTranslations(t *testing.T) {
	pairs := []Pair{
		{ID: "1_2"}, {ID: "1de_2fr"}, {ID: "3_4"}, {ID: "4en_5"}, {ID: "6_7"}, {ID: "8_9"}, {ID: "10_11"},
	}
	f := groupFolds(pairs, 3)
	for _, tc := range []struct {
		name string
		i, j int
	}{
		{"translated copy of a pair", 0, 1},
		{"pairs sharing an article through its translation", 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if f[tc.i] != f[tc.j] {
				t.Errorf("pairs %s and %s in folds %d and %d", pairs[tc.i].ID, pairs[tc.j].ID, f[tc.i], f[tc.j])
			}
		})
	}
	used := map[int]bool{}
	for _, k := range f {
		if k < 0 || k >= 3 {
			t.Fatalf("fold %d out of range", k)
		}
		used[k] = true
	}
	if len(used) != 3 {
		t.Errorf("folds used %v, want all 3", used)
	}
}
