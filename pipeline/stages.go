package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dateline/event"
	"dateline/langid"
	"dateline/model"
	"dateline/timex"
)

// Language is the stage that sets Article.Lang when the document gave no
// language, from the title, lead and body.
type Language struct {
	Detector *langid.Detector
}

// Process implements Stage.
func (l Language) Process(ctx context.Context, a *model.Article) error {
	if a.Lang != "" {
		a.Lang = strings.ToLower(a.Lang)
		if i := strings.IndexAny(a.Lang, "-_"); i > 0 { // "nl-NL" -> "nl"
			a.Lang = a.Lang[:i]
		}
		return nil
	}
	lang, _ := l.Detector.Detect(a.Text())
	if lang == "und" {
		lang = ""
	}
	a.Lang = lang
	return nil
}

// Times is the stage that finds and normalises time expressions in the
// article text, anchored on the publication date (when known).
type Times struct {
	Extractor timex.Extractor
}

// Process implements Stage.
func (t Times) Process(ctx context.Context, a *model.Article) error {
	anchor := a.Published
	if !anchor.IsZero() {
		anchor = model.Time{Time: anchor.Time, DateOnly: true}
	}
	a.Timexes = t.Extractor.Extract(a.Text(), a.Lang, anchor)
	return nil
}

// Events is the stage that codes PLOVER events from the article's
// sentences, mentions and time expressions; Actors resolves linked
// entities to countries and sectors (nil: the coder's own dictionaries).
type Events struct {
	Coder  *event.Coder
	Actors event.Actors
}

// Process implements Stage.
func (e Events) Process(ctx context.Context, a *model.Article) error {
	a.Events = e.Coder.Code(a, a.Lang, e.Actors)
	for i := range a.Events {
		for j := range a.Events[i].Sources {
			if a.Events[i].Sources[j].Source == "" {
				a.Events[i].Sources[j].Source = a.Source
			}
		}
	}
	return nil
}

// EventStore is what MergeEvents needs of the store.
type EventStore interface {
	EventCandidates(ctx context.Context, key string, clusterID, storyID int64) ([]model.Event, error)
}

// MergeEvents is an ordered stage, run after clustering: an event coded in
// this article that is the same real-world event as one already stored
// for an article of the same cluster or story (same type, same actors,
// compatible dates) is merged into it, so one event has many sources. An
// event reported only in unlinked articles stays separate, so a yearless
// date ("XXXX-02-28") is only completed by a report of the same story.
type MergeEvents struct {
	Store EventStore
}

// Process implements Stage.
func (m MergeEvents) Process(ctx context.Context, a *model.Article) error {
	var out []model.Event
	for _, e := range a.Events {
		merged := false
		for i := range out { // the same event twice in one article
			if event.SameEvent(out[i], e) {
				event.Merge(&out[i], e)
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		if c, ok, err := m.candidate(ctx, a, e); err != nil {
			return err
		} else if ok {
			event.Merge(&c, e)
			e = c
		}
		out = append(out, e)
	}
	a.Events = out
	return nil
}

// candidate finds the stored event that e is a report of: first among
// the events of the article's own cluster (the same real-world event by
// construction), then among the other clusters of its story, where dates
// must actually agree: an event whose date cannot be checked (a bare
// weekday, no date) is not merged across clusters.
func (m MergeEvents) candidate(ctx context.Context, a *model.Article, e model.Event) (model.Event, bool, error) {
	key := event.Key(e)
	if a.ClusterID != 0 {
		cands, err := m.Store.EventCandidates(ctx, key, a.ClusterID, 0)
		if err != nil {
			return model.Event{}, false, fmt.Errorf("merge events: %w", err)
		}
		for _, c := range cands {
			if event.SameEvent(c, e) {
				return c, true, nil
			}
		}
	}
	if a.StoryID == 0 || !checkableDate(e.Date) {
		return model.Event{}, false, nil
	}
	cands, err := m.Store.EventCandidates(ctx, key, 0, a.StoryID)
	if err != nil {
		return model.Event{}, false, fmt.Errorf("merge events: %w", err)
	}
	for _, c := range cands {
		if checkableDate(c.Date) && event.SameEvent(c, e) {
			return c, true, nil
		}
	}
	return model.Event{}, false, nil
}

// checkableDate reports whether a TIMEX3 date names a month and day
// (with or without the year): only such dates can show that two reports
// in different clusters describe the same day.
func checkableDate(d string) bool {
	return len(d) >= 10 && d[4] == '-' && d[7] == '-' && !strings.ContainsAny(d, "W")
}

// Timed wraps a stage and adds the time it takes to *d (not safe for
// concurrent use; for benchmarks).
func Timed(s Stage, d *time.Duration) Stage {
	return StageFunc(func(ctx context.Context, a *model.Article) error {
		t := time.Now()
		err := s.Process(ctx, a)
		*d += time.Since(t)
		return err
	})
}
