package main

import "context"

func runEvalTimex(ctx context.Context, a *app, args []string) error { return errNotBuilt }
