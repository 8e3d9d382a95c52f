package main

import (
	"fmt"
	"os"
	"strings"

	"dateline/ner"
)

func main() {
	t, _ := ner.Load(os.Args[1])
	for _, s := range os.Args[2:] {
		toks := strings.Fields(s)
		fmt.Println(toks, t.Tag(toks))
	}
}
