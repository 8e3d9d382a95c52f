package ner

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/analysis"
)

// The silver training data (WikiANN, Europeana) has no MISC type. The
// tagger still predicts MISC for the commonest kind in news, nationality
// and language words, from these hand-written lexicons (the project's own
// annotation): they enter the model's gazetteer, and RelabelMISC marks
// their occurrences in training data as MISC so the model learns MISC
// from context, affixes and the lexicon feature.

// nlAdjectives are Dutch adjectival base forms; the inflected form is
// derived ("Duits" -> "Duitse", "Chinees" -> "Chinese").
const nlAdjectives = `Nederlands Belgisch Duits Frans Engels Brits Amerikaans Russisch Chinees
Japans Italiaans Spaans Portugees Pools Oekraïens Belarussisch Wit-Russisch Turks Grieks Zweeds
Noors Deens Fins Oostenrijks Zwitsers Iers Schots Welsh Europees Afrikaans Aziatisch Arabisch
Israëlisch Palestijns Iraans Iraaks Syrisch Libanees Egyptisch Marokkaans Indiaas Pakistaans
Afghaans Koreaans Noord-Koreaans Zuid-Koreaans Vietnamees Indonesisch Australisch Canadees
Mexicaans Braziliaans Argentijns Cubaans Hongaars Tsjechisch Slowaaks Roemeens Bulgaars Servisch
Kroatisch Bosnisch Albanees Georgisch Armeens Saoedisch Joods Surinaams Antilliaans Vlaams Waals
Brabants Fries Limburgs Amsterdams Rotterdams Haags Brussels Latijns Keniaans Nigeriaans
Zuid-Afrikaans Baltisch Scandinavisch Kosovaars Tsjetsjeens Koerdisch Taiwanees Thais Filipijns
Jemenitisch Jordaans Venezolaans Colombiaans Chileens Peruaans Ethiopisch Soedanees Somalisch
Algerijns Tunesisch Libisch Nieuw-Zeelands Luxemburgs Litouws Lets Ests Sloveens Macedonisch
Moldavisch Kazachs Oezbeeks Mongools Birmees Congolees Senegalees Ghanees Rwandees Cypriotisch
Maltees IJslands Azerbeidzjaans Oegandees Tanzaniaans Zimbabwaans Angolees Mozambikaans Malinees
Qatarees Koeweits Bahreins Omaans Jemenitisch Bengaals Nepalees Sri-Lankaans Cambodjaans Laotiaans
Maleisisch Singaporees Hollands Gronings Utrechts Zeeuws Gents Antwerps Londens Parijs Berlijns
Moskous Sovjet-Russisch Bijbels Boeddhistisch Romeins Byzantijns Ottomaans Habsburgs Keltisch
Germaans Slavisch Perzisch Sjiitisch Soennitisch Hebreeuws Jiddisch`

// nlNouns are Dutch demonym nouns, singular and plural.
const nlNouns = `Nederlander Nederlanders Belg Belgen Duitser Duitsers Fransman Fransen Amerikaan
Amerikanen Rus Russen Chinees Chinezen Brit Britten Europeaan Europeanen Israëliër Israëliërs
Palestijn Palestijnen Oekraïner Oekraïners Turk Turken Marokkaan Marokkanen Japanner Japanners
Italiaan Italianen Spanjaard Spanjaarden Engelsman Engelsen Irakees Irakezen Iraniër Iraniërs
Afghaan Afghanen Syriër Syriërs Koerd Koerden Serviër Serviërs Kroaat Kroaten Bosniër Bosniërs
Surinamer Surinamers Antilliaan Antillianen Vlaming Vlamingen Waal Walen Fries Friezen
Limburger Limburgers Amsterdammer Amsterdammers Rotterdammer Rotterdammers Hagenaar Hagenaars
Joden Jood Moslim Moslims Christen Christenen Katholiek Katholieken Protestant Protestanten
Noord-Koreanen Zuid-Koreanen Koreanen Indiër Indiërs Pakistaan Pakistanen Egyptenaar Egyptenaren
Grieken Griek Zweden Zweed Noren Noor Denen Deen Finnen Fin Oostenrijker Oostenrijkers
Zwitser Zwitsers Ier Ieren Schot Schotten Australiër Australiërs Canadees Canadezen
Braziliaan Brazilianen Argentijn Argentijnen Cubaan Cubanen Hongaar Hongaren Tsjech Tsjechen
Roemeen Roemenen Bulgaar Bulgaren Albanees Albanezen Georgiër Georgiërs Armeniër Armeniërs
Saoediër Saoediërs Tsjetsjeen Tsjetsjenen Taliban Sjiieten Soennieten Arabieren Arabier
Aziaten Afrikanen Afrikaan Mexicaan Mexicanen Libanees Libanezen Vietnamees Vietnamezen
Israëli Israëli's Hutu Hutu's Tutsi Tutsi's Iraki's Saoedi's Somaliërs Koerden Serven Kosovaren`

// nlEvents are Dutch names of recurring events and awards.
var nlEvents = []string{"Olympische Spelen", "Olympische Winterspelen", "Paralympische Spelen",
	"Formule 1", "Tour de France", "Ronde van Frankrijk", "Ronde van Vlaanderen", "Giro",
	"Champions League", "Europa League", "Wereldbeker", "Europees Kampioenschap",
	"Wereldkampioenschap", "Nobelprijs", "Nobelprijs voor de Vrede", "Eurovisiesongfestival",
	"Songfestival", "Ramadan", "Kerstmis", "Pasen", "Tweede Wereldoorlog", "Eerste Wereldoorlog",
	"Koude Oorlog", "Golfoorlog", "Holocaust", "Brexit", "Grand Prix", "Elfstedentocht"}

// enEvents are English names of recurring events and awards.
var enEvents = []string{"Olympic Games", "Olympics", "Winter Olympics", "Paralympics",
	"Formula One", "Tour de France", "Champions League", "World Cup", "UEFA Cup",
	"Davis Cup", "Ryder Cup", "Super Bowl", "Grand Prix", "Grand Slam", "Nobel Prize",
	"Nobel Peace Prize", "Eurovision Song Contest", "Ramadan", "Christmas", "Easter",
	"World War Two", "World War II", "Second World War", "First World War", "Cold War",
	"Gulf War", "Holocaust", "Brexit", "U.S. Open", "Australian Open", "French Open",
	"Wimbledon"}

// enAdjectives are English nationality words; "+s" also adds the plural.
const enAdjectives = `American+s British Briton+s English Englishman Englishmen French Frenchman
Frenchmen German+s Dutch Dutchman Belgian+s Russian+s Soviet+s Chinese Japanese Korean+s Italian+s
Spanish Spaniard+s Portuguese Polish Ukrainian+s Belarusian+s Byelorussian Turkish Turk+s Greek+s
Swedish Swede+s Norwegian+s Danish Dane+s Finnish Finn+s Austrian+s Swiss Irish Scottish Scot+s
Welsh European+s African+s Asian+s Arab+s Arabic Israeli+s Palestinian+s Iranian+s Iraqi+s Syrian+s
Lebanese Egyptian+s Moroccan+s Indian+s Pakistani+s Afghan+s Vietnamese Indonesian+s
Australian+s Canadian+s Mexican+s Brazilian+s Argentine+s Argentinian+s Cuban+s Hungarian+s
Czech+s Slovak+s Romanian+s Bulgarian+s Serbian+s Serb+s Croatian+s Croat+s Bosnian+s Albanian+s
Georgian+s Armenian+s Saudi+s Jewish Jew+s Muslim+s Moslem+s Christian+s Catholic+s Protestant+s
Islamic Kurdish Kurd+s Taiwanese Thai Filipino+s Yemeni+s Jordanian+s Qatari+s Venezuelan+s
Colombian+s Chilean+s Peruvian+s Ethiopian+s Sudanese Somali+s Algerian+s Tunisian+s Libyan+s
Nigerian+s Kenyan+s Zimbabwean+s Zairean+s Rwandan+s Ugandan+s Angolan+s Liberian+s
Scandinavian+s Kosovar+s Chechen+s Kazakh+s Uzbek+s Mongolian+s Burmese Bangladeshi+s Nepalese
Cypriot+s Maltese Icelandic Lithuanian+s Latvian+s Estonian+s Slovenian+s Slovene+s
Macedonian+s Moldovan+s Azerbaijani+s Tajik+s Turkmen Kyrgyz Sri Lankan+s New Zealander+s
Zealander+s Hindu+s Sikh+s Buddhist+s Shi'ite+s Shiite+s Sunni+s Hebrew Yiddish Latin Persian+s
Tamil+s Basque+s Catalan+s Flemish Walloon+s Bavarian+s Texan+s Californian+s Londoner+s
Parisian+s Malaysian+s Singaporean+s Cambodian+s Laotian+s Haitian+s Jamaican+s Ecuadorean+s
Bolivian+s Paraguayan+s Uruguayan+s Panamanian+s Nicaraguan+s Salvadoran+s Guatemalan+s
Honduran+s Dominican+s Ghanaian+s Senegalese Ivorian+s Congolese Cameroonian+s Tanzanian+s
Mozambican+s Namibian+s Zambian+s Malawian+s Eritrean+s Djiboutian+s Omani+s Kuwaiti+s
Bahraini+s Emirati+s Gulf Balkan Baltic Caucasian Olympic Olympics`

// deNouns are German nationality nouns and capitalised forms.
const deNouns = `Deutsche Deutschen Deutscher Russe Russen Franzose Franzosen Amerikaner
Amerikanerin Brite Briten Chinese Chinesen Europäer Israeli Israelis Palästinenser Ukrainer
Türke Türken Italiener Spanier Polen Pole Niederländer Holländer Belgier Österreicher Schweizer
Japaner Iraner Iraker Syrer Kurde Kurden Araber Afghane Afghanen Inder Pakistaner Serbe Serben
Kroate Kroaten Bosnier Albaner Griechen Grieche Schwede Schweden Norweger Dänen Däne Finnen
Ungarn Tschechen Rumänen Bulgaren Georgier Armenier Juden Jude Muslime Christen Katholiken
Protestanten Weißrussen Belarussen Tschetschenen Taliban Sowjets Afrikaner Asiaten Kanadier
Australier Mexikaner Brasilianer Argentinier Kubaner Ägypter Marokkaner Algerier Libyer
Libanesen Jordanier Saudis Koreaner Nordkoreaner Südkoreaner Vietnamesen Indonesier`

// frNouns are French nationality nouns (capitalised as nouns).
const frNouns = `Français Française Françaises Américain Américains Américaine Russe Russes
Allemand Allemands Britannique Britanniques Anglais Chinois Européen Européens Israélien
Israéliens Palestinien Palestiniens Ukrainien Ukrainiens Turc Turcs Italien Italiens Espagnol
Espagnols Polonais Néerlandais Hollandais Belge Belges Suisse Suisses Autrichien Autrichiens
Japonais Iranien Iraniens Irakien Irakiens Syrien Syriens Kurde Kurdes Arabe Arabes Afghan Afghans
Indien Indiens Pakistanais Serbe Serbes Croate Croates Bosniaque Bosniaques Albanais Grec Grecs
Suédois Norvégien Norvégiens Danois Finlandais Hongrois Tchèque Tchèques Roumain Roumains
Bulgare Bulgares Géorgien Géorgiens Arménien Arméniens Juif Juifs Musulman Musulmans Chrétien
Chrétiens Catholiques Protestants Biélorusse Biélorusses Tchétchène Tchétchènes Talibans
Soviétiques Africains Asiatiques Canadien Canadiens Australien Australiens Mexicain Mexicains
Brésilien Brésiliens Argentin Argentins Cubain Cubains Égyptien Égyptiens Marocain Marocains
Algérien Algériens Libyen Libyens Libanais Jordanien Jordaniens Saoudien Saoudiens Coréen
Coréens Nord-Coréens Vietnamiens Indonésiens Québécois Parisien Parisiens Bretons Corses`

// Lexicon returns the tagger's own name lexicon for lang: nationality and
// language words, all typed MISC. Unknown languages get an empty Dict.
func Lexicon(lang string) *Dict {
	d := &Dict{}
	add := func(s string) {
		if s != "" {
			d.Add(strings.Fields(s), "MISC")
		}
	}
	switch lang {
	case "nl":
		for _, w := range strings.Fields(nlAdjectives) {
			infl := w + "e"
			switch {
			case strings.HasSuffix(w, "ees"):
				infl = strings.TrimSuffix(w, "ees") + "ese"
			case strings.HasSuffix(w, "aas"): // Indiaas -> Indiase
				infl = strings.TrimSuffix(w, "aas") + "ase"
			}
			add(w)
			add(infl)
			if !strings.Contains(w, "-") {
				// Noord-Duitse, Oost-Europese, Zuid-Amerikaans
				for _, c := range []string{"Noord-", "Zuid-", "Oost-", "West-", "Midden-", "Centraal-"} {
					add(c + w)
					add(c + infl)
				}
			}
		}
		for _, w := range strings.Fields(nlNouns) {
			add(w)
		}
		for _, w := range nlEvents {
			add(w)
		}
	case "en":
		// multi-word entries are written with a space before "+s" forms
		words := strings.Fields(enAdjectives)
		for i := 0; i < len(words); i++ {
			w := words[i]
			name := w
			if (w == "Sri" || w == "New") && i+1 < len(words) {
				i++
				name = w + " " + words[i]
			}
			base, plural := strings.CutSuffix(name, "+s")
			add(base)
			if plural {
				add(base + "s")
			}
		}
		for _, w := range enEvents {
			add(w)
		}
	case "de":
		for _, w := range strings.Fields(deNouns) {
			add(w)
		}
	case "fr":
		for _, w := range strings.Fields(frNouns) {
			add(w)
		}
	}
	return d
}

// RelabelMISC marks, in silver training data without MISC, the tokens the
// lexicon knows as MISC (when they are untagged or tagged as exactly that
// span), and for Dutch also the capitalised adjectives a lexicon may lack:
// a capitalised word inside a sentence ending in -se or -sche ("Indiase",
// "Belarussische") that is tagged O and not followed by another
// capitalised word. It returns the number of mentions it relabelled.
func RelabelMISC(sents []Sentence, lang string, lex *Dict) int {
	n := 0
	for _, s := range sents {
		for i := 0; i < len(s.Tokens); i++ {
			var length int
			for _, m := range lex.Lookup(s.Tokens, i) {
				if m.Type == "MISC" && m.Len > length {
					length = m.Len
				}
			}
			if length == 0 && lang == "nl" && i > 0 && s.Tags[i] == "O" && dutchAdjective(s.Tokens[i]) &&
				(i+1 == len(s.Tokens) || !startsUpper(s.Tokens[i+1])) {
				length = 1
			}
			// "de Frankische koningen": a one-word place or organisation
			// link on an adjective before a lower-case word
			if length == 0 && lang == "nl" && i > 0 && i+1 < len(s.Tokens) && strings.HasPrefix(s.Tags[i], "B-") &&
				!strings.HasPrefix(s.Tags[i+1], "I-") && dutchAdjective(s.Tokens[i]) && lowerWord(s.Tokens[i+1]) {
				length = 1
			}
			if length == 0 || !relabelable(s.Tags, i, length) {
				continue
			}
			s.Tags[i] = "B-MISC"
			for j := i + 1; j < i+length; j++ {
				s.Tags[j] = "I-MISC"
			}
			n++
			i += length - 1
		}
	}
	return n
}

// relabelable reports whether tags[i:i+n] are all O or form exactly one
// entity.
func relabelable(tags []string, i, n int) bool {
	allO := true
	for _, t := range tags[i : i+n] {
		if t != "O" {
			allO = false
		}
	}
	if allO {
		return true
	}
	if !strings.HasPrefix(tags[i], "B-") {
		return false
	}
	for _, t := range tags[i+1 : i+n] {
		if t != "I-"+tags[i][2:] {
			return false
		}
	}
	return i+n == len(tags) || !strings.HasPrefix(tags[i+n], "I-")
}

func dutchAdjective(w string) bool {
	if !startsUpper(w) || utf8.RuneCountInString(w) < 5 {
		return false
	}
	return strings.HasSuffix(w, "se") || strings.HasSuffix(w, "sche")
}

// lowerWord reports whether w starts with a lower-case letter.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nonNames are capitalised words that never open a name on their own in
// news text: the English pronoun "I" and the weekdays (the CoNLL
// guidelines do not mark days; "Good Friday" may still continue one).
// The tagger never starts a mention with them. Dutch, German and French
// write weekdays in lower case, so they need no list.
var nonNames = map[string]map[string]bool{
	"en": setOf("I Monday Tuesday Wednesday Thursday Friday Saturday Sunday MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY"),
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// forbidStarts keeps the tokens of nonNames from starting a mention by
// giving their B- tags no chance in the emission scores em.
func forbidStarts(lang string, tokens []string, em []float32) {
	nn := nonNames[lang]
	if nn == nil {
		return
	}
	for i, w := range tokens {
		if !nn[w] {
			continue
		}
		for t := 1; t < nTags; t += 2 {
			em[i*nTags+t] = -1e9
		}
	}
}

// eventHeads are the last words of names of events, competitions,
// awards and wars, which news annotation types MISC ("World Cup",
// "U.S. Open", "Nobel Prize", "Olympische Spelen"). Wikipedia links type
// many of them ORG or LOC.
var eventHeads = map[string]map[string]bool{
	"en": setOf("Cup Open Championship Championships Games Olympics Trophy Prize Award Awards Festival War Series League Grand Prix Marathon Classic Rally Tournament Bowl Derby Masters Tour Contest Expo Summit Open Olympiad"),
	"nl": setOf("Spelen Beker Cup Prijs Oorlog Kampioenschap Kampioenschappen Trofee League Open Tour Marathon Klassieker Festival Songfestival Wereldbeker Olympiade Top Classic"),
	"de": setOf("Spiele Pokal Cup Preis Krieg Meisterschaft Meisterschaften Trophäe Liga League Open Tour Marathon Festival Festspiele Gipfel"),
	"fr": setOf("Jeux Coupe Prix Guerre Championnat Championnats Trophée Ligue League Open Tour Marathon Festival Sommet"),
}

// RelabelEvents retypes as MISC the entities of the training data whose
// last word names an event, competition, award or war (eventHeads), or
// whose first word does for languages that put the head first ("Coupe du
// monde", "Tour de France"), and returns how many it changed.
func RelabelEvents(sents []Sentence, lang string) int {
	heads := eventHeads[lang]
	if heads == nil {
		return 0
	}
	headFirst := lang == "fr"
	n := 0
	for _, s := range sents {
		for _, c := range spansOf(s.Tags) {
			if c.Type == "MISC" || c.Type == "PER" {
				continue
			}
			w := s.Tokens[c.End-1]
			if headFirst || c.End-c.Start == 1 {
				if c.End-c.Start > 1 && heads[s.Tokens[c.Start]] {
					w = s.Tokens[c.Start]
				}
			}
			if !heads[w] || c.End-c.Start == 1 {
				continue
			}
			s.Tags[c.Start] = "B-MISC"
			for j := c.Start + 1; j < c.End; j++ {
				s.Tags[j] = "I-MISC"
			}
			n++
		}
	}
	return n
}

// geoHeads are Dutch last parts of hyphenated names of places and
// landscapes ("Pamir-gebergte", "Riukiu-eilanden"), which stay places.
var geoHeads = setOf("gebergte eilanden eiland meer zee rivier baai vlakte kanaal gebied dal woud woestijn oceaan golf delta schiereiland archipel")

// RelabelCompounds marks as MISC, in Dutch data without MISC, the
// compounds of a name and a common word written with a hyphen
// ("Sabena-aandelen", "VRT-journalist", "EU-burgers"): the CoNLL-2002
// guidelines type such words MISC, while Wikipedia links type them by
// their name part or leave them O. A token qualifies (nameCompound) when
// every part but the last starts with a capital or a digit, the first
// part is a name the data knows (a word of one of its entities, or an
// acronym of two capitals or more), and the last part is a lower-case
// word of three letters or more that is not a landscape word
// (geoHeads). Only tokens tagged O or forming a one-word entity are
// changed. It returns the number of tokens relabelled; other languages
// are left alone.
func RelabelCompounds(sents []Sentence, lang string) int {
	if lang != "nl" {
		return 0
	}
	known := map[string]bool{}
	for _, s := range sents {
		for _, c := range spansOf(s.Tags) {
			for _, w := range s.Tokens[c.Start:c.End] {
				if startsUpper(w) {
					known[w] = true
				}
			}
		}
	}
	n := 0
	for _, s := range sents {
		for i, w := range s.Tokens {
			if !nameCompound(w, known) || !relabelable(s.Tags, i, 1) {
				continue
			}
			s.Tags[i] = "B-MISC"
			n++
		}
	}
	return n
}

// nameCompound reports whether w is a hyphenated compound of a known name
// and a common word (see RelabelCompounds).
func nameCompound(w string, known map[string]bool) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	if utf8.RuneCountInString(last) < 3 || geoHeads[last] {
		return false
	}
	for _, r := range last {
		if !unicode.IsLower(r) {
			return false
		}
	}
	for _, p := range parts[:len(parts)-1] {
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return known[parts[0]] || isAcronym(parts[0])
}

// isAcronym reports whether w is two or more capitals (digits allowed
// after the first: "D66", "G8").
func isAcronym(w string) bool {
	upper := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case i > 0 && unicode.IsDigit(r):
		default:
			return false
		}
	}
	return upper >= 2 || (upper == 1 && utf8.RuneCountInString(w) >= 2)
}

// AugmentCompounds returns, for Dutch, copies of a share p of the
// sentences holding "NOUN van NAME" (a lower-case word, "van", a one-word
// entity: "de aandelen van Sabena") with those three tokens written as
// the compound "NAME-NOUN" ("de Sabena-aandelen") and tagged MISC, the
// way the CoNLL-2002 guidelines type a name joined to a common word. The
// silver data holds few such compounds, news many. Other languages get
// nil.
func AugmentCompounds(sents []Sentence, lang string, p float64, seed uint64) []Sentence {
	if lang != "nl" || p <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0xc0b0))
	var out []Sentence
	for _, s := range sents {
		var at []int
		for i := 0; i+2 < len(s.Tokens); i++ {
			if s.Tokens[i+1] == "van" && compoundNoun(lang, s.Tokens[i]) && s.Tags[i] == "O" && s.Tags[i+1] == "O" &&
				strings.HasPrefix(s.Tags[i+2], "B-") && (i+3 == len(s.Tags) || !strings.HasPrefix(s.Tags[i+3], "I-")) &&
				oneWordName(s.Tokens[i+2]) {
				at = append(at, i)
			}
		}
		if len(at) == 0 || rng.Float64() >= p {
			continue
		}
		i := at[rng.IntN(len(at))]
		var ns Sentence
		ns.Tokens = append(ns.Tokens, s.Tokens[:i]...)
		ns.Tags = append(ns.Tags, s.Tags[:i]...)
		ns.Tokens = append(ns.Tokens, s.Tokens[i+2]+"-"+s.Tokens[i])
		ns.Tags = append(ns.Tags, "B-MISC")
		ns.Tokens = append(ns.Tokens, s.Tokens[i+3:]...)
		ns.Tags = append(ns.Tags, s.Tags[i+3:]...)
		out = append(out, ns)
	}
	return out
}

// compoundNoun reports whether w can be the common-word part of a
// compound: lower-case letters only, four or more, not a stop word.
func compoundNoun(lang, w string) bool {
	if utf8.RuneCountInString(w) < 4 || analysis.IsStopWord(lang, w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// oneWordName reports whether w is a capitalised word or acronym of
// letters and digits only.
func oneWordName(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// AugmentGenitives returns, for Dutch, copies of a share p of the
// sentences holding "de NOUN van NAME" (a one-word person, place or
// organisation: "de regering van India") rewritten with the genitive
// "NAME's NOUN" ("India's regering", "Baraks regering"), the genitive
// tagged MISC as the CoNLL-2002 guidelines do for a name inflected into
// another word. Other languages get nil.
func AugmentGenitives(sents []Sentence, lang string, p float64, seed uint64) []Sentence {
	if lang != "nl" || p <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e17))
	var out []Sentence
	for _, s := range sents {
		var at []int
		for i := 0; i+3 < len(s.Tokens); i++ {
			d := strings.ToLower(s.Tokens[i])
			if (d == "de" || d == "het") && s.Tokens[i+2] == "van" && compoundNoun(lang, s.Tokens[i+1]) &&
				s.Tags[i] == "O" && s.Tags[i+1] == "O" && s.Tags[i+2] == "O" && strings.HasPrefix(s.Tags[i+3], "B-") &&
				(i+4 == len(s.Tags) || !strings.HasPrefix(s.Tags[i+4], "I-")) && oneWordName(s.Tokens[i+3]) {
				at = append(at, i)
			}
		}
		if len(at) == 0 || rng.Float64() >= p {
			continue
		}
		i := at[rng.IntN(len(at))]
		var ns Sentence
		ns.Tokens = append(ns.Tokens, s.Tokens[:i]...)
		ns.Tags = append(ns.Tags, s.Tags[:i]...)
		ns.Tokens = append(ns.Tokens, dutchGenitive(s.Tokens[i+3]), s.Tokens[i+1])
		ns.Tags = append(ns.Tags, "B-MISC", "O")
		ns.Tokens = append(ns.Tokens, s.Tokens[i+4:]...)
		ns.Tags = append(ns.Tags, s.Tags[i+4:]...)
		out = append(out, ns)
	}
	return out
}

// dutchGenitive writes the Dutch genitive of a name: "'s" after a vowel
// or an acronym ("India's", "VRT's"), "'" after s, x or z, "s" otherwise
// ("Baraks").
func dutchGenitive(name string) string {
	last, _ := utf8.DecodeLastRuneInString(name)
	switch {
	case strings.ContainsRune("sxz", last):
		return name + "'"
	case strings.ContainsRune("aeiouyAEIOUY", last) || isAcronym(name):
		return name + "'s"
	}
	return name + "s"
}
