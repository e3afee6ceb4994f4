package gazetteer

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

//go:embed data/country_cases.tsv
var countryCasesTSV string

//go:embed data/place_cases.tsv
var placeCasesTSV string

type caseClass struct {
	nom     string   // nominative ending; "*" any other consonant
	endings []string // case endings that replace it
}

var (
	countryCases = mustParse(parseCases("data/country_cases.tsv", countryCasesTSV))
	// placeCases: place names decline in more ways than country names;
	// the country classes come after these.
	placeCases = append(mustParse(parseCases("data/place_cases.tsv", placeCasesTSV)), countryCases...)
)

func parseCases(file, tsv string) ([]caseClass, error) {
	var out []caseClass
	for i, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || f[0] == "" {
			return nil, fmt.Errorf("%s:%d: want NOMINATIVE<TAB>ENDINGS", file, i+1)
		}
		c := caseClass{nom: f[0]}
		for _, e := range strings.Fields(f[1]) {
			if e == "-" {
				e = ""
			}
			c.endings = append(c.endings, e)
		}
		out = append(out, c)
	}
	return out, nil
}

// isCaseForm says whether the folded word q is a Russian or Ukrainian case
// form of the folded name (Ливане of ливан, Лівії of лівія, Египте of
// египет). Words before the last only have to agree but for their ending
// (Саудовской Аравии).
func isCaseForm(name, q string) bool {
	return caseFormOfWords(strings.FieldsFunc(name, isNameSep), strings.FieldsFunc(q, isNameSep))
}

// isPlaceCaseForm is isCaseForm with the endings of place names
// (data/place_cases.tsv) as well.
func isPlaceCaseForm(name, q string) bool {
	nw, qw := strings.FieldsFunc(name, isNameSep), strings.FieldsFunc(q, isNameSep)
	if len(nw) != len(qw) || len(nw) == 0 {
		return false
	}
	for i := range len(nw) - 1 {
		if !sameButEnding(nw[i], qw[i]) {
			return false
		}
	}
	return wordCaseFormIn(placeCases, nw[len(nw)-1], qw[len(qw)-1])
}

// caseFormOfWords is isCaseForm on names already split into words.
func caseFormOfWords(nw, qw []string) bool {
	if len(nw) != len(qw) || len(nw) == 0 {
		return false
	}
	for i := range len(nw) - 1 {
		if !sameButEnding(nw[i], qw[i]) {
			return false
		}
	}
	return wordCaseForm(nw[len(nw)-1], qw[len(qw)-1])
}

func isNameSep(r rune) bool { return r == ' ' || r == '-' }

// sameButEnding: the words share all but at most their last three letters.
func sameButEnding(a, b string) bool {
	na := utf8.RuneCountInString(a)
	n := max(na-3, min(na, 2)) // letters of a that b must begin with
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(a[i:])
		i += size
	}
	return strings.HasPrefix(b, a[:i])
}

func wordCaseForm(nom, q string) bool { return wordCaseFormIn(countryCases, nom, q) }

func wordCaseFormIn(classes []caseClass, nom, q string) bool {
	if nom == q {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(nom)
	for _, c := range classes {
		var bases []string
		switch {
		case c.nom == "*":
			if strings.ContainsRune("аеёиоуыэюяіїєь", last) {
				return false // Конго, Перу: no case forms
			}
			bases = append(bases, nom)
			if r := []rune(nom); len(r) > 3 && (r[len(r)-2] == 'е' || r[len(r)-2] == 'о') {
				bases = append(bases, string(r[:len(r)-2])+string(last)) // Египет → Египт-
			}
		case strings.HasSuffix(nom, c.nom):
			bases = append(bases, strings.TrimSuffix(nom, c.nom))
		default:
			continue
		}
		for _, b := range bases {
			if rest, ok := strings.CutPrefix(q, b); ok {
				for _, e := range c.endings {
					if rest == e {
						return true
					}
				}
			}
		}
		return false
	}
	return false
}
