package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AddActorNames reads a TABARI/PETRARCH actor dictionary (the format of
// Phoenix.Countries.actors.txt: one actor per line in capitals with
// underscores for spaces, "+" lines for its other spellings, bracketed
// CAMEO codes, "#" comments) and adds its names to d, each in title case
// and in capitals, typed as follows:
//   - an entry coded with a bare country code ("AFGHANISTAN_ [AFG]") and
//     its "+" spellings (cities, provinces, other names): LOC, except
//     spellings that isMISC reports (demonyms, "AFGHAN"), which are
//     skipped;
//   - an entry whose name holds an organisation word (PARTY, COUNCIL,
//     MINISTRY, ARMY, FRONT, ...), and its spellings: ORG;
//   - an entry of two to five words that holds no title word
//     (PRESIDENT, MINISTER, ...), and its spellings: PER;
//   - anything else is skipped.
//
// It returns the number of names added (before the capitals copies).
// isMISC may be nil.
func AddActorNames(d *Dict, r io.Reader, isMISC func(tokens []string) bool) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	var head string
	var aliases, codes []string
	flush := func() {
		typ := actorType(head, codes)
		if head == "" || typ == "" {
			return
		}
		for _, raw := range append([]string{head}, aliases...) {
			toks := actorTokens(raw)
			if len(toks) == 0 || len(toks) > 6 {
				continue
			}
			if typ == "LOC" && isMISC != nil && isMISC(toks) {
				continue
			}
			addKBName(d, strings.Join(toks, " "), "", typ)
			n++
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code := ""
		if i := strings.IndexByte(line, '['); i >= 0 {
			if j := strings.IndexByte(line[i:], ']'); j > 0 {
				if f := strings.Fields(line[i+1 : i+j]); len(f) > 0 {
					code = f[0]
				}
			}
			line = line[:i]
		}
		name := strings.TrimSpace(line)
		switch {
		case indented || name == "":
		case strings.HasPrefix(name, "+"):
			aliases = append(aliases, name[1:])
		case strings.HasPrefix(name, "!") || strings.Contains(name, "="):
			flush()
			head, aliases, codes = "", nil, nil
			continue
		default:
			flush()
			head, aliases, codes = name, nil, nil
		}
		if code != "" {
			codes = append(codes, code)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("read actor dictionary: %w", err)
	}
	return n, nil
}

// actorOrgWords mark an actor entry as an organisation.
var actorOrgWords = map[string]bool{
	"PARTY": true, "COUNCIL": true, "MINISTRY": true, "ARMY": true, "FRONT": true,
	"FORCES": true, "FORCE": true, "MOVEMENT": true, "ORGANIZATION": true, "ORGANISATION": true,
	"COMMITTEE": true, "ASSEMBLY": true, "PARLIAMENT": true, "BANK": true, "BRIGADE": true,
	"BRIGADES": true, "ALLIANCE": true, "LEAGUE": true, "CONGRESS": true, "AGENCY": true,
	"COMMISSION": true, "GUARD": true, "POLICE": true, "COURT": true, "SENATE": true,
	"BUREAU": true, "INSTITUTE": true, "UNIVERSITY": true, "CORPORATION": true, "COMPANY": true,
	"ASSOCIATION": true, "FEDERATION": true, "POLITBURO": true, "GOVERNMENT": true, "CABINET": true,
	"DEPARTMENT": true, "SERVICE": true, "SERVICES": true, "NAVY": true, "COALITION": true,
	"UNION": true,
}

// actorTitleWords mark an entry as a title or description, not a name.
var actorTitleWords = map[string]bool{
	"PRESIDENT": true, "MINISTER": true, "SECRETARY": true, "CHIEF": true, "LEADER": true,
	"GENERAL": true, "KING": true, "QUEEN": true, "PRINCE": true, "PRIME": true, "HEAD": true,
	"CHAIRMAN": true, "AMBASSADOR": true, "OF": true, "THE": true, "AND": true, "FOR": true,
	"GOVERNOR": true, "MAYOR": true, "COMMANDER": true, "SPOKESMAN": true,
}

// actorType types an actor entry by its name and codes.
func actorType(name string, codes []string) string {
	words := strings.FieldsFunc(strings.Trim(name, "_ "), func(r rune) bool { return r == '_' || r == ' ' })
	if len(words) == 0 {
		return ""
	}
	for _, c := range codes {
		// a bare country code ("AFG"), or a former state's code followed
		// by its successor's ("USRBLR")
		if isLetters(c) && (len(c) == 3 || (len(c) == 6 && !actorAgentCodes[c[3:]])) {
			return "LOC"
		}
	}
	for _, w := range words {
		if actorOrgWords[w] {
			return "ORG"
		}
	}
	if len(words) < 2 || len(words) > 5 {
		return ""
	}
	for _, w := range words {
		if actorTitleWords[w] {
			return ""
		}
	}
	return "PER"
}

// actorAgentCodes are CAMEO agent codes (government, military, ...):
// "AFGGOV" is a person or body of Afghanistan, not a country.
var actorAgentCodes = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "BUS": true, "JUD": true, "COP": true,
	"ELI": true, "LEG": true, "EDU": true, "HRI": true, "MED": true, "SPY": true, "IGO": true,
	"NGO": true, "PTY": true, "REF": true, "AGR": true, "LAB": true, "CVL": true, "CRM": true,
	"UAF": true, "REL": true, "ENV": true, "HLH": true, "DEV": true, "MOD": true, "RAD": true,
	"INS": true, "SEP": true, "IMG": true, "PPL": true, "MUS": true, "CHR": true, "JEW": true,
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

// actorTokens turns "BORIS_N._YELTSIN_" into title-case tokens ("Boris",
// "N.", "Yeltsin"); short function words inside names stay lower case
// ("Islamic Republic of Afghanistan").
func actorTokens(raw string) []string {
	words := strings.FieldsFunc(strings.Trim(raw, "_ "), func(r rune) bool { return r == '_' || r == ' ' })
	out := make([]string, 0, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 0 && actorLower[lw] {
			out = append(out, lw)
			continue
		}
		out = append(out, titleWord(lw))
	}
	return out
}

// actorLower are words written in lower case inside names.
var actorLower = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "du": true, "la": true, "del": true, "da": true, "van": true, "von": true, "bin": true}

// titleWord capitalises the first letter of w and of every part after a
// hyphen or apostrophe ("al-assad" -> "Al-Assad", "o'neill" -> "O'Neill").
func titleWord(w string) string {
	var b strings.Builder
	up := true
	for len(w) > 0 {
		r, sz := utf8.DecodeRuneInString(w)
		w = w[sz:]
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(r)
		}
		up = r == '-' || r == '\''
	}
	return b.String()
}
