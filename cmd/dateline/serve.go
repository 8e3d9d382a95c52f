package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"

	"dateline/model"
	"dateline/pipeline"
	"dateline/server"
	"dateline/source"
	"dateline/store"
)

// runServe serves the JSON API and the web UI over a store.
func runServe(ctx context.Context, a *app, args []string) error {
	fs := newFlags(a, "serve", "")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (localhost only by default)")
	db := fs.String("db", defaultDB(), "store: SQLite file or postgres:// URL")
	tokenFile := fs.String("token-file", "", "file holding the bearer token for state-changing endpoints (default $DATELINE_TOKEN)")
	rate := fs.Float64("rate", 50, "requests per second allowed per client (negative: no limit)")
	noIngest := fs.Bool("no-ingest", false, "do not accept documents by POST")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	token := os.Getenv("DATELINE_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("token: %w", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token != "" && len(token) < 16 {
		return fmt.Errorf("%w: the token must be at least 16 characters", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	log := serveLogger(a)
	kb, err := loadKB()
	if err != nil {
		return err
	}
	cfg := server.Config{Store: st, KB: kb, Token: token, Log: log, RateLimit: *rate}
	if !*noIngest {
		cfg.Ingest = ingestFunc(a, st)
	}
	if token == "" {
		log.Warn("no token configured ($DATELINE_TOKEN or --token-file): ingest and watchlists are disabled")
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, *addr, func(ad net.Addr) {
		fmt.Fprintf(a.stderr, "dateline serve: http://%s/ (store %s)\n", ad, *db)
	})
}

// serveLogger logs JSON lines to stderr at $DATELINE_LOG (default info).
func serveLogger(a *app) *slog.Logger {
	lvl := slog.LevelInfo
	if v := os.Getenv("DATELINE_LOG"); v != "" {
		lvl = logLevel()
	}
	return slog.New(slog.NewJSONHandler(a.stderr, &slog.HandlerOptions{Level: lvl}))
}

// ingestFunc runs posted documents through the same pipeline as
// `dateline ingest`, one request at a time (the ordered stages keep
// state); the pipeline is built on the first request.
func ingestFunc(a *app, st store.Store) server.IngestFunc {
	var mu sync.Mutex
	var p *pipeline.Pipeline
	return func(ctx context.Context, docs []*model.Document) (server.IngestResult, error) {
		mu.Lock()
		defer mu.Unlock()
		if p == nil {
			np, err := newPipeline(ctx, a, st)
			if err != nil {
				return server.IngestResult{}, err
			}
			p = np
		}
		sum, err := p.Run(ctx, func(ctx context.Context, emit func(source.Item) error) error {
			for i, d := range docs {
				if err := emit(source.Item{Doc: d, Input: fmt.Sprintf("%s#%d", d.Source, i)}); err != nil {
					return err
				}
			}
			return nil
		})
		return server.IngestResult{Read: sum.Read, Articles: sum.Articles, Duplicates: sum.Duplicates, Errors: sum.Errors}, err
	}
}
