package main

import "context"

func runEvalNER(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runTrain(ctx context.Context, a *app, args []string) error { return errNotBuilt }
