// Package queue distributes Dateline's document pipeline over machines
// with NATS JetStream and PostgreSQL, keeping the result identical to a
// single-process run.
//
//   - A Publisher (`dateline ingest --nats URL`) puts each document on a
//     JetStream work-queue stream, with the document hash as message ID so
//     JetStream drops re-published copies, and waits for every publish ack.
//   - Workers (`dateline worker`, any number, anywhere) pull messages from
//     one durable consumer, run extraction and the per-article stages (the
//     pipeline's Stages, which depend on the document alone), record the
//     annotated article in the PostgreSQL ledger under the message's stream
//     sequence number, and acknowledge only after that write commits.
//   - One Committer at a time (an advisory-lock lease in PostgreSQL; every
//     worker process competes for it) reads the ledger in stream-sequence
//     order and runs exactly what the single-process pipeline runs after
//     the workers: the duplicate check, the ordered stages (clustering,
//     event merging) and PutArticle. Because the ordered half sees the same
//     articles in the same order, clusters, stories and event merges equal
//     those of a single-process run over the documents in stream order.
//
// Redelivered messages are harmless: the ledger keeps the first outcome of
// a sequence number, and PutArticle is idempotent by document hash. See
// docs/scale.md for the deployment and the argument in full.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dateline/model"
)

// Config names and sizes the stream and the workers' consumer. The zero
// value gives the defaults documented on each field.
type Config struct {
	// Stream is the JetStream stream name (default DATELINE_DOCS).
	Stream string
	// Subject is the subject prefix; documents go to Subject.<shard>
	// (default dateline.docs).
	Subject string
	// Shards is the number of shard subjects, chosen by document hash
	// (default 16); they let operators split or mirror the stream later.
	Shards int
	// Replicas is the stream's replication factor when the stream is
	// created; 0 means 3 when the server is part of a cluster, else 1.
	Replicas int
	// Duplicates is the window in which JetStream drops a document
	// published again with the same hash (default 1 hour).
	Duplicates time.Duration
	// Durable is the workers' shared consumer (default workers).
	Durable string
	// MaxAckPending bounds the messages handed out to all workers and not
	// yet acknowledged (default 256): the backpressure bound.
	MaxAckPending int
	// AckWait is how long a message may stay unacknowledged before it is
	// redelivered to another worker (default 30s).
	AckWait time.Duration
}

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = "DATELINE_DOCS"
	}
	if c.Subject == "" {
		c.Subject = "dateline.docs"
	}
	if c.Shards <= 0 {
		c.Shards = 16
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
	if c.Durable == "" {
		c.Durable = "workers"
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 256
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	return c
}

// subject returns the shard subject of a document hash.
func (c Config) subject(hash string) string {
	var h uint64
	if len(hash) >= 4 {
		h, _ = strconv.ParseUint(hash[:4], 16, 64)
	}
	return c.Subject + "." + strconv.FormatUint(h%uint64(c.Shards), 10)
}

// EnsureStream returns the document stream, creating it when missing (an
// existing stream is used as it is). Right after a cluster starts, the
// first request can hang until a meta leader is elected: each attempt gets
// a short timeout and is retried until ctx ends.
func EnsureStream(ctx context.Context, nc *nats.Conn, js jetstream.JetStream, c Config) (jetstream.Stream, error) {
	c = c.withDefaults()
	replicas := c.Replicas
	if replicas <= 0 {
		replicas = 1
		if nc.ConnectedClusterName() != "" {
			replicas = 3
		}
	}
	cfg := jetstream.StreamConfig{
		Name:       c.Stream,
		Subjects:   []string{c.Subject + ".>"},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Replicas:   replicas,
		Duplicates: c.Duplicates,
	}
	var last error
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		s, err := js.Stream(actx, c.Stream)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			s, err = js.CreateStream(actx, cfg)
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				s, err = js.Stream(actx, c.Stream)
			}
		}
		cancel()
		if err == nil {
			return s, nil
		}
		last = err
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("stream %s: %w (last: %v)", c.Stream, ctx.Err(), last)
		case <-time.After(time.Duration(min(attempt+1, 10)) * 200 * time.Millisecond):
		}
	}
}

// EnsureConsumer returns the workers' durable pull consumer, creating or
// updating it with the configured bounds.
func EnsureConsumer(ctx context.Context, s jetstream.Stream, c Config) (jetstream.Consumer, error) {
	c = c.withDefaults()
	cfg := jetstream.ConsumerConfig{
		Durable:       c.Durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       c.AckWait,
		MaxAckPending: c.MaxAckPending,
		MaxDeliver:    -1,
	}
	var last error
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		cons, err := s.CreateOrUpdateConsumer(actx, cfg)
		cancel()
		if err == nil {
			return cons, nil
		}
		last = err
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("consumer %s: %w (last: %v)", c.Durable, ctx.Err(), last)
		case <-time.After(time.Duration(min(attempt+1, 10)) * 200 * time.Millisecond):
		}
	}
}

// wireDoc is a document on the queue: model.Document with its content
// (which the model leaves out of JSON).
type wireDoc struct {
	Source    string       `json:"source"`
	URL       string       `json:"url,omitempty"`
	Format    model.Format `json:"format"`
	Content   string       `json:"content"`
	Title     string       `json:"title,omitempty"`
	Published model.Time   `json:"published"`
	Lang      string       `json:"lang,omitempty"`
	Fetched   model.Time   `json:"fetched"`
}

func toWire(d *model.Document) *wireDoc {
	return &wireDoc{Source: d.Source, URL: d.URL, Format: d.Format, Content: d.Content, Title: d.Title,
		Published: d.Published, Lang: d.Lang, Fetched: d.Fetched}
}

func (w *wireDoc) document() *model.Document {
	return &model.Document{Source: w.Source, URL: w.URL, Format: w.Format, Content: w.Content, Title: w.Title,
		Published: w.Published, Lang: w.Lang, Fetched: w.Fetched}
}

// EncodeDocument returns the queue message body of a document (JSON with
// the model.Document fields and the content).
func EncodeDocument(d *model.Document) ([]byte, error) {
	b, err := json.Marshal(toWire(d))
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", d.Source, err)
	}
	return b, nil
}

// DecodeDocument reads a queue message body.
func DecodeDocument(b []byte) (*model.Document, error) {
	var w wireDoc
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	return w.document(), nil
}

// outcome is what a worker records in the ledger for one message: the
// document and its annotated article, or that it was a duplicate, or why
// it failed.
type outcome struct {
	Doc     *wireDoc       `json:"doc,omitempty"`
	Article *model.Article `json:"article,omitempty"`
	Dup     bool           `json:"dup,omitempty"`
	Err     string         `json:"err,omitempty"`
	Input   string         `json:"input,omitempty"`
}
