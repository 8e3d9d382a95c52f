package main

import "context"

func runEvalCluster(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runEvalSimilarity(ctx context.Context, a *app, args []string) error { return errNotBuilt }
