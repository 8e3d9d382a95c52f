package main

import "context"

func runEvalLangid(ctx context.Context, a *app, args []string) error { return errNotBuilt }
