package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dateline/model"
)

// PublishSummary counts what a Publisher did.
type PublishSummary struct {
	// Published counts documents newly stored in the stream.
	Published int64 `json:"published"`
	// Duplicates counts documents JetStream dropped as already published
	// within the duplicate window (same hash).
	Duplicates int64 `json:"duplicates"`
	// Retried counts publishes that failed once and were sent again.
	Retried int64 `json:"retried"`
}

// Publisher puts documents on the stream. Publishes are pipelined (up to
// Window unacknowledged) in input order, so the stream order is the input
// order; a publish that fails is retried on its own (its message ID, the
// document hash, makes a retry of a publish that did arrive a duplicate).
// Not safe for concurrent use.
type Publisher struct {
	JS     jetstream.JetStream
	Config Config
	// Window is the number of publishes awaiting their ack (default 256).
	Window int
	// Attempts bounds the tries for one document (default 10).
	Attempts int

	sum     PublishSummary
	pending []pending
}

type pending struct {
	msg *nats.Msg
	fut jetstream.PubAckFuture
}

// Publish sends one document; its ack is awaited by a later Publish or by
// Flush.
func (p *Publisher) Publish(ctx context.Context, doc *model.Document) error {
	c := p.Config.withDefaults()
	body, err := EncodeDocument(doc)
	if err != nil {
		return err
	}
	hash := doc.Hash()
	msg := &nats.Msg{Subject: c.subject(hash), Data: body, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, hash)
	msg.Header.Set(jetstream.ExpectedStreamHeader, c.Stream)
	window := p.Window
	if window <= 0 {
		window = 256
	}
	if len(p.pending) >= window {
		if err := p.Flush(ctx); err != nil {
			return err
		}
	}
	fut, err := p.JS.PublishMsgAsync(msg)
	if err != nil {
		// Could not even send (disconnected, too many pending): settle what
		// is in flight, then send this one synchronously.
		if ferr := p.Flush(ctx); ferr != nil {
			return ferr
		}
		return p.publishSync(ctx, msg)
	}
	p.pending = append(p.pending, pending{msg, fut})
	return nil
}

// Flush waits for the acks of every publish in flight, retrying failed ones.
func (p *Publisher) Flush(ctx context.Context) error {
	for i, pd := range p.pending {
		var ack *jetstream.PubAck
		var err error
		select {
		case ack = <-pd.fut.Ok():
		case err = <-pd.fut.Err():
		case <-time.After(30 * time.Second):
			err = errors.New("no publish ack")
		case <-ctx.Done():
			p.pending = p.pending[i:]
			return ctx.Err()
		}
		if err != nil {
			p.sum.Retried++
			if err := p.publishSync(ctx, pd.msg); err != nil {
				p.pending = p.pending[i+1:]
				return err
			}
			continue
		}
		p.count(ack)
	}
	p.pending = p.pending[:0]
	return nil
}

func (p *Publisher) count(ack *jetstream.PubAck) {
	if ack.Duplicate {
		p.sum.Duplicates++
	} else {
		p.sum.Published++
	}
}

func (p *Publisher) publishSync(ctx context.Context, msg *nats.Msg) error {
	attempts := p.Attempts
	if attempts <= 0 {
		attempts = 10
	}
	var last error
	for i := 0; i < attempts; i++ {
		actx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ack, err := p.JS.PublishMsg(actx, msg)
		cancel()
		if err == nil {
			p.count(ack)
			return nil
		}
		last = err
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 250 * time.Millisecond):
		}
	}
	return fmt.Errorf("publish %s: %w", msg.Header.Get(jetstream.MsgIDHeader), last)
}

// Summary returns the counts so far (complete after Flush).
func (p *Publisher) Summary() PublishSummary { return p.sum }
