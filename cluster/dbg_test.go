package cluster

import "testing"

func TestDbgScores(t *testing.T) {
	a := seedLike()
	var st Stats
	for _, n := range streamOrder {
		f := Extract(a[n])
		st.Observe(&f)
	}
	w := DefaultWeights()
	for _, x := range streamOrder {
		for _, y := range streamOrder {
			if x < y {
				fx, fy := Extract(a[x]), Extract(a[y])
				s := st.Compare(&fx, &fy)
				t.Logf("%s %s %.3f %v", x, y, w.Score(s), s)
			}
		}
	}
}
