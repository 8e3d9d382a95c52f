package main

import "context"

func runEvalEvents(ctx context.Context, a *app, args []string) error { return errNotBuilt }
