package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// Ordinary words that happen to be some place's name or spelling (German
// "Wie" is a romanisation of Huế, Russian "Далее" of Dalle, "Читать" stems
// to Chita) are the gazetteer's main source of false places: a sentence
// starts with a capital. The 10,000 most frequent words of each language
// Parallax's outlets write (data/common_words.txt.gz, see data/README.md)
// mark a query as a common word; Lookup then scores its matches low and
// says so, and never reads it as a typo.

//go:embed data/common_words.txt.gz
var commonWordsGz []byte

var (
	commonOnce  sync.Once
	commonWords map[string]bool // folded words
)

func loadCommonWords() {
	commonWords = map[string]bool{}
	zr, err := gzip.NewReader(bytes.NewReader(commonWordsGz))
	if err != nil {
		panic("embedded common_words.txt.gz: " + err.Error()) // the tests load it
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if _, w, ok := strings.Cut(line, "\t"); ok {
			commonWords[Fold(w)] = true
		}
	}
	if err := sc.Err(); err != nil {
		panic("embedded common_words.txt.gz: " + err.Error())
	}
}

// IsCommonWord says whether a single word is among the most frequent words
// of English, Russian, Ukrainian, German, French, Spanish or Polish.
func IsCommonWord(word string) bool {
	commonOnce.Do(loadCommonWords)
	return commonWords[Fold(strings.TrimSpace(word))]
}

// Scores of weak readings (see weaken).
const (
	scoreCommonWord = 0.45 // a common word meeting a place other than by its own name
	scoreShortLatin = 0.6  // a short Latin name meeting another Latin spelling only by skeleton
	shortSkeleton   = 4    // skeletons this long or shorter are "short"
	notablePlace    = 100000
)

// weaken lowers the scores of matches that say little: a common word that
// meets a place other than as the main, official or (in the region the
// Cyrillic outlets cover) Cyrillic name of a notable place, and a short
// name that meets another place's Latin name only through the skeleton
// ("Wie" and "We"; Ukrainian "Бої" and Kenya's Voi). How says why: "translit,common-word",
// "translit,short".
func weaken(ms []Match, folded, sk string, common bool) {
	for i := range ms {
		m := &ms[i]
		switch {
		case common && !ownNotableName(*m):
			if m.Score > scoreCommonWord {
				m.Score = scoreCommonWord
			}
			m.How += ",common-word"
		case m.How == "translit" && len(sk) <= shortSkeleton && !isCyrillic(m.Name) && (!isCyrillic(folded) || !ruUkNames(m.Place)):
			// Latin spellings of one short skeleton, or a short Cyrillic
			// word romanised onto a far place's Latin name (Бої → Voi).
			m.Score = min(m.Score, scoreShortLatin)
			m.How += ",short"
		}
	}
}

// ownNotableName: "Paris", "Kyiv", "Київ", "Харьков", "России" are common
// words that also name a place everybody means by them.
func ownNotableName(m Match) bool {
	p := m.Place
	switch m.How {
	case "exact", "folded", "alias", "former-name":
	case "stem":
		// Case forms of countries, capitals, oblasts and cities of a
		// million (России, Україні, Вашингтоне), but a verb is no case
		// form of a provincial town (Читать is not Chita).
		switch p.FeatureCode {
		case "PCLI", "PPLC", "ADM1":
			return true
		}
		return p.Population >= 1000000
	default:
		return false
	}
	switch p.FeatureCode {
	case "PCLI", "PPLC", "ADM1":
		return true // any of their names: Рим is Rome, Крым is Crimea
	}
	if p.Population < notablePlace {
		return false
	}
	if m.Name == p.Names[0] || m.Name == p.Name || m.Name == p.Official || m.How == "alias" {
		return true
	}
	switch p.Country {
	case "UA", "RU", "BY":
		return isCyrillic(m.Name)
	}
	return false
}

// letterCount counts the letters of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
