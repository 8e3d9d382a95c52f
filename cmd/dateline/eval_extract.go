package main

import "context"

func runEvalExtract(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runEvalBoilerplate(ctx context.Context, a *app, args []string) error { return errNotBuilt }
