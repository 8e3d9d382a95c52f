//go:build deps

// Package deps pins the project's third-party modules in go.mod while the
// packages that use them are being written. It is never built.
package deps

import (
	_ "github.com/blevesearch/segment"
	_ "github.com/blevesearch/snowballstem"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/nats-io/nats.go"
	_ "github.com/nlnwa/gowarc/v2"
	_ "github.com/pemistahl/lingua-go"
	_ "github.com/temoto/robotstxt"
	_ "golang.org/x/term"
	_ "golang.org/x/text/language/display"
	_ "modernc.org/sqlite"
	_ "github.com/chromedp/chromedp"
)
