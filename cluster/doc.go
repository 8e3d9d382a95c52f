// Package cluster groups the article stream into what it is about:
// near-duplicates (Dedup: MinHash over word shingles with LSH banding),
// same-event clusters across languages (Engine: incremental, index-backed,
// language-independent signals plus within-language terms), storylines
// (chains of event clusters sharing central actors) and country-pair
// relation timelines (Dyad). It consumes model.Article and its derived
// layers through Features and imports no other stage. The design is
// described in docs/clustering.md.
package cluster
