package langid

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestDebugRu(t *testing.T) {
	f, _ := os.Open("/work/shared/data/langid-lingua/sentences/de.txt")
	sc := bufio.NewScanner(f)
	d, _ := New(Options{})
	for sc.Scan() {
		s := d.Scores(sc.Text())
		if s[0].Lang != "de" {
			fmt.Printf("%v %.2f | %s\n", s[:3], s[0].Confidence, sc.Text())
		}
	}
}
