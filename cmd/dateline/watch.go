package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"dateline/model"
	"dateline/source"
	"dateline/source/feed"
	"dateline/store"
)

// runWatch polls the feeds named in a feed list (plain URLs or OPML) and
// ingests new articles through the pipeline; the watcher's memory (feed
// validators, articles seen) lives in the store, so a restart fetches
// nothing twice.
func runWatch(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "watch", "FEEDS")
	db := fs.String("db", defaultDB(), "store: SQLite file or postgres:// URL")
	once := fs.Bool("once", false, "make one pass and exit")
	interval := fs.Duration("interval", 15*time.Minute, "time between passes")
	delay := fs.Duration("delay", time.Second, "pause between requests to one host")
	perHost := fs.Int("per-host", 1, "requests in flight per host")
	workers := fs.Int("workers", 8, "requests in flight overall")
	asJSON := fs.Bool("json", false, "print each pass's counts as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: watch needs one feed list file", errUsage)
	}
	feeds, err := feed.LoadList(pos[0])
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(ctx, a, st)
	if err != nil {
		return err
	}
	w := &feed.Watcher{State: storeState{st}, Delay: *delay, PerHost: *perHost, Workers: *workers, Log: a.log}
	for {
		var ws feed.Stats
		sum, err := p.Run(ctx, func(ctx context.Context, emit func(source.Item) error) error {
			var mu sync.Mutex
			w.Sink = sinkFunc(func(ctx context.Context, d model.Document) error {
				mu.Lock()
				defer mu.Unlock()
				return emit(source.Item{Doc: &d, Input: d.Source})
			})
			var err error
			ws, err = w.Poll(ctx, feeds)
			return err
		})
		if *asJSON {
			writeJSON(a.stdout, map[string]any{"watch": ws, "pipeline": sum})
		} else {
			fmt.Fprintf(a.stdout, "%s feeds %d (not modified %d, failed %d), new articles %d, fetched %d, page errors %d; stored %d articles, %d briefs, %d duplicates, %d errors\n",
				time.Now().Format(time.DateTime), ws.Feeds, ws.NotModified, ws.FeedErrors, ws.New, ws.Ingested, ws.PageErrors, sum.Articles, sum.Briefs, sum.Duplicates, sum.Errors)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("watch: %w", err)
		}
		if *once {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*interval):
		}
	}
}

type sinkFunc func(ctx context.Context, d model.Document) error

func (f sinkFunc) Ingest(ctx context.Context, d model.Document) error { return f(ctx, d) }

// storeState keeps the watcher's state in the store's named state blobs:
// "watch-feed:URL" holds a feed's validators, "watch-seen:URL" marks an
// article URL done.
type storeState struct{ st store.Store }

func (s storeState) Feed(ctx context.Context, url string) (feed.FeedState, error) {
	b, _, err := s.st.State(ctx, "watch-feed:"+url)
	if errors.Is(err, store.ErrNotFound) {
		return feed.FeedState{URL: url}, nil
	}
	if err != nil {
		return feed.FeedState{}, err
	}
	var fs feed.FeedState
	if err := json.Unmarshal(b, &fs); err != nil {
		return feed.FeedState{URL: url}, nil // unreadable: poll afresh
	}
	return fs, nil
}

func (s storeState) SaveFeed(ctx context.Context, fs feed.FeedState) error {
	b, err := json.Marshal(fs)
	if err != nil {
		return err
	}
	return s.st.PutState(ctx, "watch-feed:"+fs.URL, b, 0)
}

func (s storeState) Seen(ctx context.Context, url string) (bool, error) {
	_, _, err := s.st.State(ctx, "watch-seen:"+url)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

func (s storeState) MarkSeen(ctx context.Context, url string) error {
	return s.st.PutState(ctx, "watch-seen:"+url, []byte{1}, 0)
}
