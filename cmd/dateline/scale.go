package main

import (
	"context"

	"dateline/source"
	"dateline/store"
)

// publishIngest publishes the documents under paths to a JetStream work
// queue for `dateline worker` processes.
func publishIngest(ctx context.Context, a *app, natsURL string, paths []string, rd *source.Reader, asJSON bool) error {
	return errNotBuilt
}

// openPostgres opens the PostgreSQL store at a postgres:// URL.
func openPostgres(ctx context.Context, url string) (store.Store, error) {
	return nil, errNotBuilt
}

func runWorker(ctx context.Context, a *app, args []string) error { return errNotBuilt }
