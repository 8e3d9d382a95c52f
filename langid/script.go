package langid

import "unicode"

// script is a writing system, the first cue of the detector.
type script uint8

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptArabic
	scriptGreek
	scriptHebrew
	scriptDevanagari
	scriptArmenian
	scriptGeorgian
	scriptHangul
	scriptThai
	scriptHan
	scriptKana
	numScripts
)

// scriptOf classifies a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		return scriptLatin
	case r < 0x250 || (r >= 0x1E00 && r < 0x1F00):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	case unicode.Is(unicode.Georgian, r):
		return scriptGeorgian
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return scriptKana
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	}
	return scriptOther
}

// langScript is the script a language of the model is written in
// (Japanese: Kana, the decisive cue beside Han).
func langScript(lang string) script {
	switch lang {
	case "be", "bg", "kk", "mk", "ru", "sr", "uk", "mn":
		return scriptCyrillic
	case "ar", "fa", "ur":
		return scriptArabic
	case "el":
		return scriptGreek
	case "he":
		return scriptHebrew
	case "hi", "mr":
		return scriptDevanagari
	case "hy":
		return scriptArmenian
	case "ka":
		return scriptGeorgian
	case "ko":
		return scriptHangul
	case "th":
		return scriptThai
	case "zh":
		return scriptHan
	case "ja":
		return scriptKana
	}
	return scriptLatin
}
