package main

import "context"

func runEvalNames(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runKB(ctx context.Context, a *app, args []string) error { return errNotBuilt }
