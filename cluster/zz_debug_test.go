package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile("/tmp/feats.json")
	if err != nil {
		t.Skip()
	}
	var fs []Features
	json.Unmarshal(b, &fs)
	var st Stats
	for i := range fs {
		st.Observe(&fs[i])
	}
	w := DefaultWeights()
	for i := range fs {
		for j := range fs {
			if i >= j {
				continue
			}
			s := st.Compare(&fs[j], &fs[i])
			fmt.Printf("%d-%d score %.3f cos %.2v dc %v edc %v\n", i, j, w.Score(s), s.Cos, s.DateConflict, s.EventDayConflict)
		}
	}
	var e Engine
	for i := range fs {
		c, s := e.Add(int64(i+1), fs[i])
		fmt.Println(i, c, s)
	}
}
