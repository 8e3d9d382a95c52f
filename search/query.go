// Package search is Dateline's query language and the pieces of full-text
// search that every store driver shares: the parser (words, "phrases",
// AND, OR, NOT, -word, parentheses), the analysis of query words into
// index terms for every language, the compilers to a SQLite FTS5 MATCH
// expression and a PostgreSQL tsquery (both built only from analysed,
// quoted terms: user syntax never reaches the engine), the index fields
// of an article, and highlighting.
//
// The index holds pre-analysed terms (lowercased, stop words removed,
// snowball stems from package analysis) rather than raw text, because
// neither engine stems every language Dateline reads (FTS5 has no Dutch
// stemmer). A query word is analysed with the analyzer of every language
// and the alternatives are ORed, so "bezoeken" finds Dutch "bezoek" and
// "visits" finds English "visit". A word that names an entity also
// matches the entity's ID token and its other names (see Expand), so
// "Lukashenko" finds Dutch pages that say "Loekasjenko".
package search

import (
	"errors"
	"fmt"
	"strings"
)

// Op is the kind of a query node.
type Op uint8

// Query node kinds.
const (
	Term   Op = iota // one word as typed
	Phrase           // words in sequence
	And              // every child
	Or               // any child
	Not              // the single child must not match (only inside And)
)

// Limits on a query's size.
const (
	MaxQueryLen = 1000 // bytes of query text
	MaxTerms    = 32   // terms and phrases
	MaxDepth    = 10   // nesting of parentheses
)

// ErrSyntax is wrapped by every error Parse returns.
var ErrSyntax = errors.New("bad query")

// Node is a parsed query. A Node is not safe for concurrent use:
// Alternatives caches the analysis of its words.
type Node struct {
	Op Op
	// Text is the word or phrase as typed (Term, Phrase).
	Text string
	// Kids are the operands (And, Or) or the negated node (Not).
	Kids []*Node
	// Entities are IDs of entities the word or phrase names; the index
	// holds a token per linked entity, so these match across languages
	// and scripts. Filled by Expand.
	Entities []string
	// Aliases are other names of those entities ("Loekasjenko" for
	// "Lukashenko"), matched as phrases. Filled by Expand.
	Aliases []Alias

	// alt caches Alternatives for one list of languages: a search
	// compiles the query and builds its highlighter from the same
	// analysis. Expand clears it.
	alt *altMemo
}

type altMemo struct {
	langs string
	alt   Alternatives
}

// Alias is another name to match for a term, in a language ("" for any).
type Alias struct {
	Text string
	Lang string
}

// String renders the node in the query language (normalised).
func (n *Node) String() string {
	if n == nil {
		return ""
	}
	switch n.Op {
	case Term:
		return n.Text
	case Phrase:
		return `"` + strings.ReplaceAll(n.Text, `"`, ``) + `"`
	case Not:
		if k := n.Kids[0]; k.Op == And || k.Op == Or {
			return "-(" + k.String() + ")"
		}
		return "-" + n.Kids[0].String()
	}
	sep := " "
	if n.Op == Or {
		sep = " OR "
	}
	parts := make([]string, len(n.Kids))
	for i, k := range n.Kids {
		parts[i] = k.String()
		if k.Op == And || k.Op == Or {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
}

// Leaves returns the Term and Phrase nodes of the query, including those
// under Not.
func (n *Node) Leaves() []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(x *Node) {
		if x == nil {
			return
		}
		if x.Op == Term || x.Op == Phrase {
			out = append(out, x)
			return
		}
		for _, k := range x.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// Positive returns the Term and Phrase nodes that are not negated: the
// ones to highlight.
func (n *Node) Positive() []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(x *Node) {
		if x == nil || x.Op == Not {
			return
		}
		if x.Op == Term || x.Op == Phrase {
			out = append(out, x)
			return
		}
		for _, k := range x.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

type tokKind uint8

const (
	tWord tokKind = iota
	tPhrase
	tLParen
	tRParen
	tMinus
	tAnd
	tOr
	tNot
)

type qtok struct {
	kind tokKind
	text string
}

// lex cuts the query into tokens. A '-' starts a negation only at the
// start of a token; '"' opens a phrase that runs to the next '"' (or the
// end of the query).
func lex(s string) []qtok {
	var out []qtok
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '(':
			out = append(out, qtok{kind: tLParen})
			i++
		case c == ')':
			out = append(out, qtok{kind: tRParen})
			i++
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			var p string
			if j < 0 {
				p, i = s[i+1:], len(s)
			} else {
				p, i = s[i+1:i+1+j], i+2+j
			}
			out = append(out, qtok{kind: tPhrase, text: p})
		case c == '-' && i+1 < len(s) && !isSpace(s[i+1]) && s[i+1] != ')' && s[i+1] != '-':
			out = append(out, qtok{kind: tMinus})
			i++
		default:
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '"' {
				j++
			}
			w := s[i:j]
			i = j
			switch w {
			case "AND", "&&":
				out = append(out, qtok{kind: tAnd})
			case "OR", "||":
				out = append(out, qtok{kind: tOr})
			case "NOT":
				out = append(out, qtok{kind: tNot})
			default:
				out = append(out, qtok{kind: tWord, text: w})
			}
		}
	}
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

type parser struct {
	toks  []qtok
	pos   int
	terms int
}

// Parse reads a query: words (implicitly ANDed), "quoted phrases", the
// operators AND, OR and NOT (upper case; && and || too), -word and
// -"phrase" for negation, and parentheses. OR binds tighter than the
// implicit AND is not assumed: "a b OR c" is a AND (b OR c), as in most
// web search engines. An empty query returns nil, nil. Errors wrap
// ErrSyntax.
func Parse(s string) (*Node, error) {
	if len(s) > MaxQueryLen {
		return nil, fmt.Errorf("%w: longer than %d bytes", ErrSyntax, MaxQueryLen)
	}
	p := &parser{toks: lex(s)}
	if len(p.toks) == 0 {
		return nil, nil
	}
	n, err := p.and(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf("%w: unexpected %s", ErrSyntax, p.describe(p.toks[p.pos]))
	}
	if n == nil {
		return nil, nil
	}
	if n.Op == Not {
		return nil, fmt.Errorf("%w: a query needs at least one word that is not negated", ErrSyntax)
	}
	if err := checkNot(n, false); err != nil {
		return nil, err
	}
	return n, nil
}

func (p *parser) describe(t qtok) string {
	switch t.kind {
	case tRParen:
		return `")"`
	case tAnd:
		return "AND"
	case tOr:
		return "OR"
	case tNot:
		return "NOT"
	}
	return fmt.Sprintf("%q", t.text)
}

func (p *parser) peek() (qtok, bool) {
	if p.pos >= len(p.toks) {
		return qtok{}, false
	}
	return p.toks[p.pos], true
}

// and parses a sequence of or-groups joined by AND or juxtaposition.
func (p *parser) and(depth int) (*Node, error) {
	var kids []*Node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tRParen {
			break
		}
		if t.kind == tAnd {
			if len(kids) == 0 {
				return nil, fmt.Errorf("%w: AND needs a left operand", ErrSyntax)
			}
			p.pos++
			continue
		}
		n, err := p.or(depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	if len(kids) == 0 {
		return nil, nil
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return &Node{Op: And, Kids: flatten(And, kids)}, nil
}

// or parses unary operands joined by OR.
func (p *parser) or(depth int) (*Node, error) {
	n, err := p.unary(depth)
	if err != nil {
		return nil, err
	}
	kids := []*Node{n}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.pos++
		if t, ok := p.peek(); !ok || t.kind == tRParen || t.kind == tOr || t.kind == tAnd {
			return nil, fmt.Errorf("%w: OR needs a right operand", ErrSyntax)
		}
		m, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, m)
	}
	if len(kids) == 1 {
		return n, nil
	}
	return &Node{Op: Or, Kids: flatten(Or, kids)}, nil
}

func (p *parser) unary(depth int) (*Node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, fmt.Errorf("%w: operand missing at the end", ErrSyntax)
	}
	switch t.kind {
	case tNot, tMinus:
		p.pos++
		if nt, ok := p.peek(); !ok || nt.kind == tRParen || nt.kind == tOr || nt.kind == tAnd {
			return nil, fmt.Errorf("%w: NOT needs an operand", ErrSyntax)
		}
		k, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		if k.Op == Not { // double negation
			return k.Kids[0], nil
		}
		return &Node{Op: Not, Kids: []*Node{k}}, nil
	case tLParen:
		if depth >= MaxDepth {
			return nil, fmt.Errorf("%w: parentheses nested deeper than %d", ErrSyntax, MaxDepth)
		}
		p.pos++
		n, err := p.and(depth + 1)
		if err != nil {
			return nil, err
		}
		if t, ok := p.peek(); ok && t.kind == tRParen {
			p.pos++
		} // a missing ")" at the end is forgiven
		if n == nil {
			return nil, fmt.Errorf("%w: empty parentheses", ErrSyntax)
		}
		return n, nil
	case tWord, tPhrase:
		p.pos++
		p.terms++
		if p.terms > MaxTerms {
			return nil, fmt.Errorf("%w: more than %d terms", ErrSyntax, MaxTerms)
		}
		text := strings.TrimSpace(t.text)
		if t.kind == tPhrase {
			text = strings.Join(strings.Fields(text), " ")
			return &Node{Op: Phrase, Text: text}, nil
		}
		return &Node{Op: Term, Text: text}, nil
	case tRParen:
		return nil, fmt.Errorf("%w: unexpected \")\"", ErrSyntax)
	default:
		return nil, fmt.Errorf("%w: unexpected %s", ErrSyntax, p.describe(t))
	}
}

func flatten(op Op, kids []*Node) []*Node {
	var out []*Node
	for _, k := range kids {
		if k.Op == op {
			out = append(out, k.Kids...)
		} else {
			out = append(out, k)
		}
	}
	return out
}

// checkNot rejects negations the engines cannot evaluate: a query that is
// only negative, and a negation inside OR.
func checkNot(n *Node, inOr bool) error {
	switch n.Op {
	case Not:
		if inOr {
			return fmt.Errorf("%w: NOT cannot be an operand of OR", ErrSyntax)
		}
		return checkNot(n.Kids[0], false)
	case And:
		pos := false
		for _, k := range n.Kids {
			if k.Op != Not {
				pos = true
			}
			if err := checkNot(k, false); err != nil {
				return err
			}
		}
		if !pos {
			return fmt.Errorf("%w: a query needs at least one word that is not negated", ErrSyntax)
		}
	case Or:
		for _, k := range n.Kids {
			if err := checkNot(k, true); err != nil {
				return err
			}
		}
	}
	return nil
}
