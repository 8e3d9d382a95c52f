package main

import "context"

func runEntities(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runEntity(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runEvents(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runExport(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runClusters(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runStories(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runStory(ctx context.Context, a *app, args []string) error { return errNotBuilt }

func runDyad(ctx context.Context, a *app, args []string) error { return errNotBuilt }
