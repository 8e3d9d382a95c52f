// Package analysis is Dateline's per-language text analysis chain, in the
// style of bleve: char filters normalise the text, one tokenizer cuts it
// into tokens, token filters (lowercase, stop words, stemming) refine them.
// Each stage is a one-method interface; a language's Analyzer is just a
// composition of stages. Sentence splitting lives beside it (Sentences).
package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/turkish"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters (and marks, digits, inner apostrophes/hyphens)
	Number             // digits, with inner separators
	Punct              // any other non-space rune
)

// Token is a piece of text with its byte offsets in the analysed string.
type Token struct {
	// Text is the token as it stands after the filters that ran.
	Text string
	// Start and End are byte offsets of the original span.
	Start, End int
	Kind       Kind
}

// CharFilter rewrites text before tokenisation, keeping byte offsets valid
// (replacements have the same byte length, or offsets refer to its output).
type CharFilter interface {
	Filter(text string) string
}

// Tokenizer cuts text into tokens.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// TokenFilter transforms a token stream (it may drop tokens).
type TokenFilter interface {
	Filter(tokens []Token) []Token
}

// Analyzer is a composed chain for one language.
type Analyzer struct {
	Lang        string
	CharFilters []CharFilter
	Tokenizer   Tokenizer
	Filters     []TokenFilter
}

// Analyze runs the chain over text.
func (a *Analyzer) Analyze(text string) []Token {
	for _, c := range a.CharFilters {
		text = c.Filter(text)
	}
	tz := a.Tokenizer
	if tz == nil {
		tz = WordTokenizer{}
	}
	toks := tz.Tokenize(text)
	for _, f := range a.Filters {
		toks = f.Filter(toks)
	}
	return toks
}

// Terms returns the analysed terms of text as strings: the index and
// similarity vocabulary (lowercased, stop words dropped, stemmed).
func (a *Analyzer) Terms(text string) []string {
	toks := a.Analyze(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// For returns the standard analyzer for a language code ("nl", "en", ...):
// word tokenizer, lowercase, punctuation dropped, stop words, snowball stem.
// Unknown languages get the chain without stop words and stemming.
func For(lang string) *Analyzer {
	return &Analyzer{
		Lang:      lang,
		Tokenizer: WordTokenizer{},
		Filters: []TokenFilter{
			KindFilter{Keep: []Kind{Word, Number}},
			LowerCase{},
			StopFilter{Lang: lang},
			StemFilter{Lang: lang},
		},
	}
}

// WordTokenizer splits on Unicode word boundaries: runs of letters/digits
// (keeping inner apostrophes, hyphens, periods and commas between digits)
// become Word or Number tokens; every other non-space rune is a Punct token.
type WordTokenizer struct{}

// Tokenize implements Tokenizer.
func (WordTokenizer) Tokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			start := i
			digits, letters := 0, 0
			for i < len(text) {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					if unicode.IsDigit(r) {
						digits++
					} else {
						letters++
					}
					i += n
					continue
				}
				// inner joiner: ' - . , followed by a word rune
				if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && i+n < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWordRune(r2) && (r == '-' || r == '\'' || r == '’' || (unicode.IsDigit(r2) && digits > 0 && letters == 0)) {
						i += n
						continue
					}
				}
				break
			}
			k := Word
			if letters == 0 {
				k = Number
			}
			toks = append(toks, Token{Text: text[start:i], Start: start, End: i, Kind: k})
		default:
			toks = append(toks, Token{Text: text[i : i+n], Start: i, End: i + n, Kind: Punct})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Tokenize cuts text with the WordTokenizer.
func Tokenize(text string) []Token { return WordTokenizer{}.Tokenize(text) }

// KindFilter keeps tokens of the given kinds.
type KindFilter struct{ Keep []Kind }

// Filter implements TokenFilter.
func (f KindFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		for _, k := range f.Keep {
			if t.Kind == k {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// LowerCase lowercases token text.
type LowerCase struct{}

// Filter implements TokenFilter.
func (LowerCase) Filter(toks []Token) []Token {
	for i := range toks {
		toks[i].Text = strings.ToLower(toks[i].Text)
	}
	return toks
}

// StopFilter drops the language's stop words (expects lowercase input).
type StopFilter struct{ Lang string }

// Filter implements TokenFilter.
func (f StopFilter) Filter(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if !IsStopWord(f.Lang, t.Text) {
			out = append(out, t)
		}
	}
	return out
}

// StemFilter replaces word tokens by their snowball stem.
type StemFilter struct{ Lang string }

// Filter implements TokenFilter.
func (f StemFilter) Filter(toks []Token) []Token {
	for i := range toks {
		if toks[i].Kind == Word {
			toks[i].Text = Stem(f.Lang, toks[i].Text)
		}
	}
	return toks
}

// Stem returns the snowball stem of a lowercase word in lang; words of
// languages without a stemmer are returned unchanged.
func Stem(lang, word string) string {
	var fn func(*snowballstem.Env) bool
	switch lang {
	case "nl":
		fn = dutch.Stem
	case "en":
		fn = english.Stem
	case "de":
		fn = german.Stem
	case "fr":
		fn = french.Stem
	case "es":
		fn = spanish.Stem
	case "it":
		fn = italian.Stem
	case "pt":
		fn = portuguese.Stem
	case "ru":
		fn = russian.Stem
	case "tr":
		fn = turkish.Stem
	default:
		return word
	}
	env := snowballstem.NewEnv(word)
	fn(env)
	return env.Current()
}
