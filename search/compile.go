package search

import (
	"strings"

	"dateline/analysis"
)

// DefaultLangs returns the languages a query word is analysed in when no
// language filter narrows the search: those Dateline reads and stems.
func DefaultLangs() []string {
	return []string{"nl", "en", "de", "fr", "es", "it", "pt", "ru"}
}

// EntityToken returns the index token of an entity ID ("Q38789" ->
// "eq38789"): letters and digits only, so every engine's tokenizer keeps
// it whole.
func EntityToken(id string) string {
	var b strings.Builder
	b.WriteByte('e')
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 1 {
		return ""
	}
	return b.String()
}

// Alternatives are what one query word or phrase matches in the index.
type Alternatives struct {
	// Seqs are sequences of index terms, each matched as a phrase.
	Seqs [][]string
	// Entities are entity tokens (EntityToken).
	Entities []string
}

// Empty reports whether nothing is left to match (the word was a stop
// word in every language).
func (a Alternatives) Empty() bool { return len(a.Seqs) == 0 && len(a.Entities) == 0 }

// Alternatives analyses a Term or Phrase node in each of langs, its
// aliases in their own language (every one of langs when unknown), and
// adds its entity tokens. Duplicates are dropped.
func (n *Node) Alternatives(langs []string) Alternatives {
	key := strings.Join(langs, ",")
	if n.alt != nil && n.alt.langs == key {
		return n.alt.alt
	}
	out := n.alternatives(langs)
	n.alt = &altMemo{langs: key, alt: out}
	return out
}

func (n *Node) alternatives(langs []string) Alternatives {
	var out Alternatives
	seen := map[string]bool{}
	add := func(text, lang string) {
		terms := analysis.For(lang).Terms(text)
		if len(terms) == 0 {
			return
		}
		for i, t := range terms {
			terms[i] = analysis.Fold(t)
		}
		k := strings.Join(terms, " ")
		if seen[k] {
			return
		}
		seen[k] = true
		out.Seqs = append(out.Seqs, terms)
	}
	for _, l := range langs {
		add(n.Text, l)
	}
	for _, al := range n.Aliases {
		if al.Lang != "" && contains(langs, al.Lang) {
			add(al.Text, al.Lang)
			continue
		}
		for _, l := range langs {
			add(al.Text, l)
		}
	}
	for _, id := range n.Entities {
		if t := EntityToken(id); t != "" && !seen["\x00"+t] {
			seen["\x00"+t] = true
			out.Entities = append(out.Entities, t)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// compiler renders a query for one engine.
type compiler struct {
	langs  []string
	phrase func(terms []string) string // one quoted phrase
	or     string
	and    string
	not    func(pos, neg string) string
}

// render returns the expression for n, or "" when nothing of n is left.
func (c *compiler) render(n *Node) string {
	switch n.Op {
	case Term, Phrase:
		alt := n.Alternatives(c.langs)
		var parts []string
		for _, s := range alt.Seqs {
			parts = append(parts, c.phrase(s))
		}
		for _, e := range alt.Entities {
			parts = append(parts, c.phrase([]string{e}))
		}
		switch len(parts) {
		case 0:
			return ""
		case 1:
			return parts[0]
		}
		return "(" + strings.Join(parts, c.or) + ")"
	case Or:
		var parts []string
		for _, k := range n.Kids {
			if s := c.render(k); s != "" {
				parts = append(parts, s)
			}
		}
		switch len(parts) {
		case 0:
			return ""
		case 1:
			return parts[0]
		}
		return "(" + strings.Join(parts, c.or) + ")"
	case And:
		var pos, neg []string
		for _, k := range n.Kids {
			if k.Op == Not {
				if s := c.render(k.Kids[0]); s != "" {
					neg = append(neg, s)
				}
				continue
			}
			if s := c.render(k); s != "" {
				pos = append(pos, s)
			}
		}
		if len(pos) == 0 {
			return ""
		}
		e := pos[0]
		if len(pos) > 1 {
			e = "(" + strings.Join(pos, c.and) + ")"
		}
		for _, s := range neg {
			e = c.not(e, s)
		}
		return e
	case Not: // only reachable for a top-level negation, which Parse rejects
		return ""
	}
	return ""
}

// FTS5 compiles the query to a SQLite FTS5 MATCH expression over an index
// of pre-analysed terms (see Index). Every term is emitted as a quoted
// FTS5 string, so no query text is read as FTS5 syntax. ok is false when
// no word of the query survives analysis (stop words only): the query
// matches nothing.
func FTS5(n *Node, langs []string) (expr string, ok bool) {
	if n == nil {
		return "", false
	}
	c := &compiler{
		langs: langs,
		phrase: func(terms []string) string {
			return `"` + strings.ReplaceAll(strings.Join(terms, " "), `"`, `""`) + `"`
		},
		or:  " OR ",
		and: " AND ",
		not: func(pos, neg string) string { return "(" + pos + " NOT " + neg + ")" },
	}
	e := c.render(n)
	return e, e != ""
}

// TSQuery compiles the query to PostgreSQL tsquery syntax over an index of
// pre-analysed terms, for `to_tsquery('simple', $1)` against
// `to_tsvector('simple', terms)`: phrases become <-> chains, every lexeme
// is single-quoted with quotes doubled. ok is as for FTS5.
func TSQuery(n *Node, langs []string) (expr string, ok bool) {
	if n == nil {
		return "", false
	}
	c := &compiler{
		langs: langs,
		phrase: func(terms []string) string {
			q := make([]string, len(terms))
			for i, t := range terms {
				q[i] = "'" + strings.ReplaceAll(strings.ReplaceAll(t, `\`, `\\`), "'", "''") + "'"
			}
			if len(q) == 1 {
				return q[0]
			}
			return "(" + strings.Join(q, " <-> ") + ")"
		},
		or:  " | ",
		and: " & ",
		not: func(pos, neg string) string { return "(" + pos + " & !" + neg + ")" },
	}
	e := c.render(n)
	return e, e != ""
}

// Resolver returns the entities a word or phrase of a query names and
// other names to match for it; nil, nil when it names none.
type Resolver func(name string) (entities []string, aliases []Alias)

// Expand fills the Entities and Aliases of every word and phrase of n
// (negated ones too) from resolve, keeping what was there and dropping
// duplicates.
func Expand(n *Node, resolve Resolver) {
	for _, leaf := range n.Leaves() {
		leaf.alt = nil
		ents, als := resolve(leaf.Text)
		for _, e := range ents {
			if !contains(leaf.Entities, e) {
				leaf.Entities = append(leaf.Entities, e)
			}
		}
		for _, a := range als {
			dup := false
			for _, b := range leaf.Aliases {
				if strings.EqualFold(a.Text, b.Text) && a.Lang == b.Lang {
					dup = true
					break
				}
			}
			if !dup && !strings.EqualFold(a.Text, leaf.Text) {
				leaf.Aliases = append(leaf.Aliases, a)
			}
		}
	}
}
