package gazetteer

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Case forms of first names (Сергеем, Кирилла, Ольги) come up in every
// Russian and Ukrainian report, capitalised. Read loosely — through a
// stem, a romanisation or a typo — they meet places they are no form of
// (Сергеем and Sergiyev Posad, Кирилла and Kyzyl). data/given_names.txt
// lists the common given names; a word declining one of them is read as
// a place only by a place's own name, or where the place bears that very
// name (Софии is Sofia's, Владимире Vladimir's).

//go:embed data/given_names.txt
var givenNamesTxt string

var (
	givenOnce sync.Once
	// givenByPrefix: folded nominatives by their first two letters, which
	// every case form keeps.
	givenByPrefix map[string][]string
)

func loadGivenNames() {
	givenByPrefix = map[string][]string{}
	for _, line := range strings.Split(givenNamesTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := Fold(line)
		if k := prefix2(f); k != "" {
			givenByPrefix[k] = append(givenByPrefix[k], f)
		}
	}
}

// prefix2 is the first two letters of s, or "" when it has fewer.
func prefix2(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	if a == 0 || a >= len(s) {
		return ""
	}
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b]
}

// givenNameForms returns the given names (folded nominatives) of which the
// folded word is the nominative or a case form.
func givenNameForms(folded string) []string {
	givenOnce.Do(loadGivenNames)
	var out []string
	for _, n := range givenByPrefix[prefix2(folded)] {
		if wordCaseFormIn(placeCases, n, folded) {
			out = append(out, n)
		}
	}
	return out
}

// IsGivenNameForm says whether a single Cyrillic word is a common given
// name or a case form of one.
func IsGivenNameForm(word string) bool {
	f := Fold(strings.TrimSpace(word))
	return isCyrillic(f) && !strings.ContainsAny(f, " -") && len(givenNameForms(f)) > 0
}

// bearsName says whether one of p's Cyrillic names is one of the folded
// names.
func bearsName(p *Place, names []string) bool {
	for _, n := range p.Names {
		if !isCyrillic(n) {
			continue
		}
		f := Fold(n)
		for _, x := range names {
			if f == x {
				return true
			}
		}
	}
	return false
}

// looseReading: the ways of meeting a name that a first name's case form
// does not earn (see givenNameForms).
func looseReading(how string) bool {
	switch how {
	case "translit", "stem", "fuzzy":
		return true
	}
	return false
}
