package analysis

import "strings"

// IsStopWord reports whether the lowercase word is a stop word in lang:
// the Snowball list of the language (da, de, en, es, fi, fr, hu, it, nb/no,
// nl, pt, ro, ru, sv, tr) plus a few reporting verbs of news text.
func IsStopWord(lang, word string) bool {
	if lang == "no" {
		lang = "nb"
	}
	_, ok := stopWords[lang][word]
	return ok
}

// HasStopWords reports whether IsStopWord has a list for lang.
func HasStopWords(lang string) bool {
	if lang == "no" {
		lang = "nb"
	}
	return stopWords[lang] != nil
}

// newsStop adds words that carry no topic in news text. Read-only.
var newsStop = map[string]string{
	"en": "also said says say one two",
	"nl": "zei zegt volgens",
	"de": "sagte sagt",
	"fr": "a été ont sont est dit selon",
}

// stopWords is built once from snowballStop and newsStop. Read-only.
var stopWords = func() map[string]map[string]struct{} {
	m := make(map[string]map[string]struct{}, len(snowballStop))
	for lang, words := range snowballStop {
		m[lang] = set(strings.Fields(words + " " + newsStop[lang])...)
	}
	return m
}()
