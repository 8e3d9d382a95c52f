package main

import (
	"bufio"
	"fmt"
	"os"
	"time"

	"dateline/model"
	"dateline/timex"
)

func main() {
	dct, _ := time.Parse("2006-01-02", os.Args[1])
	sc := bufio.NewScanner(os.Stdin)
	x := timex.Extractor{SplitRanges: true}
	for sc.Scan() {
		line := sc.Text()
		fmt.Println(">", line)
		for _, t := range x.Extract(line, "en", model.Time{Time: dct}) {
			fmt.Printf("   %q %s %s\n", t.Text, t.Type, t.Value)
		}
	}
}
