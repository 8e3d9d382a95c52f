package langid

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"
)

func TestDebugUni(t *testing.T) {
	src := "/root/go/pkg/mod/github.com/pemistahl/lingua-go@v1.4.0/language-models"
	for _, l := range []string{"ru", "uk", "mk", "sr", "bg", "be", "kk", "nl", "af", "en"} {
		m, _ := readLinguaModel(filepath.Join(src, l, ngramFile[1]))
		type kv struct {
			k string
			v float64
		}
		var xs []kv
		for k, v := range m {
			xs = append(xs, kv{k, v})
		}
		sort.Slice(xs, func(i, j int) bool { return xs[i].v < xs[j].v })
		fmt.Printf("%s %d:", l, len(xs))
		for _, x := range xs[:min(45, len(xs))] {
			fmt.Printf(" %s=%.1e", x.k, x.v)
		}
		fmt.Println()
	}
}
