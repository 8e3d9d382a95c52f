package timex

import "strings"

// dutchPast recognises weak past tenses ("protesteerden", "maakte",
// "meldden") but not adjectives or nouns after a determiner ("de grote",
// "de landen").
func dutchPast(w, prev string) bool {
	if len(w) < 6 || nlDeterminers[prev] || nlNotPast[w] || strings.HasPrefix(w, "ge") {
		return false
	}
	for _, suf := range []string{"den", "ten", "de", "te"} {
		if !strings.HasSuffix(w, suf) {
			continue
		}
		stem := strings.TrimSuffix(w, suf)
		// "komende", "laatste", "verkiezingen"-like forms are no pasts
		if strings.HasSuffix(stem, "en") || strings.HasSuffix(stem, "aats") || strings.HasSuffix(stem, "ers") || strings.HasSuffix(stem, "oogs") {
			return false
		}
		return true
	}
	return false
}

var nlDeterminers = set("de", "het", "een", "die", "deze", "dit", "dat", "zijn", "haar", "hun", "onze", "mijn", "uw", "alle", "elke",
	"veel", "andere", "vele", "enkele", "twee", "drie", "vier", "vijf", "tien", "van", "in", "op", "met", "voor", "zeer", "heel", "erg",
	"meer", "minder", "nieuwe", "grote")

var nlNotPast = set("beste", "laatste", "eerste", "grootste", "meeste", "hoogste", "kleinste", "volgende", "komende", "vorige",
	"afgelopen", "andere", "steden", "leden", "tijden", "woorden", "landen", "handen", "vrienden", "midden", "beide", "wilde", "oude",
	"goede", "harde", "rode", "brede", "tweede", "derde", "vierde", "zevende", "achtste", "tiende", "moeite", "ruimte", "hoogte",
	"lengte", "breedte", "diepte", "grootte", "warmte", "gedeelte", "vrede", "ronde", "zonde", "ziekte", "gedachte", "soldaten",
	"kandidaten", "resultaten", "gevolgen", "minuten", "plaatsen", "staten", "producten", "activiteiten", "universiteiten",
	"autoriteiten", "feiten", "grenzen", "buiten", "binnen", "boete", "ambassade", "brigade", "parade", "methode", "periode",
	"episode", "schade", "weduwe", "zitten", "laten", "weten", "eten", "ontmoeten", "praten", "zetten", "houden", "worden", "vinden",
	"zenden", "wachten", "verwachten", "beraden", "treden", "bieden", "raden", "rijden", "lijden", "vermijden", "verbieden", "luiden",
	"kosten", "posten", "lasten", "kusten", "rusten", "boeten", "partijen", "expositie", "tentoonstelling", "dienstregeling",
	"hoeveelheden", "mogelijkheden", "moeilijkheden", "gelegenheden", "omstandigheden", "veiligheidsraad", "kustprovincies", "lichte", "zachte", "echte", "slechte", "rechte", "juiste", "vaste", "korte", "witte", "zwarte", "laatste", "hevige", "halve", "zware")
