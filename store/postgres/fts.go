package postgres

import "strings"

// textSearchConfigs maps ISO 639-1 codes to the text search configurations
// built into PostgreSQL (snowball stemmers and stop words).
var textSearchConfigs = map[string]string{
	"ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
	"en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
	"ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
	"it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch",
	"nn": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
	"sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

// TextSearchConfig returns the PostgreSQL text search configuration for a
// language code ("nl" or "nl-NL": "dutch"), "simple" (no stemming, no stop
// words) for languages without one. The value is a fixed identifier, safe
// to cast to regconfig.
func TextSearchConfig(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if c, ok := textSearchConfigs[lang]; ok {
		return c
	}
	return "simple"
}
