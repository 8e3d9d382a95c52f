package main

import "context"

func runWatch(ctx context.Context, a *app, args []string) error { return errNotBuilt }
