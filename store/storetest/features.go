package storetest

import (
	"context"
	"testing"

	"dateline/model"
	"dateline/store"
)

// testClusterFeaturesReplay checks that the clustering stage's features
// (Article.ClusterFeatures) come back unchanged from ArticlesAfter, which
// replays them when the stage restores its state after a restart or, in
// server mode, when another process takes over committing.
func testClusterFeaturesReplay(t *testing.T, s store.Store) {
	ctx := context.Background()
	feats := `{"ents":[["Q38789",2]],"time":"2023-02-25"}`
	a := put(t, s, 1, func(a *model.Article) { a.ClusterFeatures = []byte(feats) })
	put(t, s, 2, nil)
	var got []model.Article
	if err := s.ArticlesAfter(ctx, 0, func(a model.Article) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != a.ID {
		t.Fatalf("replayed %d articles", len(got))
	}
	if string(got[0].ClusterFeatures) != feats {
		t.Errorf("features = %s, want %s", got[0].ClusterFeatures, feats)
	}
	if len(got[1].ClusterFeatures) != 0 {
		t.Errorf("article without features replayed with %s", got[1].ClusterFeatures)
	}
}
