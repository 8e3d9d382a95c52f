// Command gen writes langid's model from lingua-go's language models:
//
//	go run ./langid/internal/gen -o langid/model.bin.gz
//
// It finds github.com/pemistahl/lingua-go@v1.4.0 in the Go module cache
// unless -src names its language-models folder.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"dateline/langid"
)

func main() {
	src := flag.String("src", "", "lingua-go language-models folder (default: from the module cache)")
	out := flag.String("o", "langid/model.bin.gz", "output file")
	five := flag.Int("five", 0, "max fivegrams per language (0: default)")
	four := flag.Int("four", 0, "max quadrigrams per language (0: default)")
	bfive := flag.Int("bfive", 0, "max fivegrams with a word boundary per language (0: default)")
	bfour := flag.Int("bfour", 0, "max quadrigrams with a word boundary per language (0: default)")
	langs := flag.String("langs", "", "comma-separated languages (default: langid.DefaultLanguages)")
	flag.Parse()
	if *src == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen: locate lingua-go:", err)
			os.Exit(1)
		}
		*src = filepath.Join(strings.TrimSpace(string(b)), "language-models")
	}
	opts := langid.TrainOptions{}
	opts.MaxNgrams[4], opts.MaxNgrams[5] = *four, *five
	opts.MaxBoundary[4], opts.MaxBoundary[5] = *bfour, *bfive
	if *langs != "" {
		opts.Languages = strings.Split(*langs, ",")
	}
	var buf bytes.Buffer
	if err := langid.Train(context.Background(), *src, &buf, opts); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, buf.Len())
}
