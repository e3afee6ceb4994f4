package gazetteer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/russian"
)

//go:embed data/uk_suffixes.tsv
var ukSuffixTSV string

type suffixRule struct{ ending, repl string }

var ukSuffixes = mustParse(func() ([]suffixRule, error) {
	var out []suffixRule
	for i, line := range strings.Split(ukSuffixTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || f[0] == "" {
			return nil, fmt.Errorf("data/uk_suffixes.tsv:%d: want ENDING<TAB>REPLACEMENT", i+1)
		}
		out = append(out, suffixRule{f[0], f[1]})
	}
	return out, nil
}())

// stemWord reduces each Cyrillic word of a name to its stem with the
// Snowball Russian stemmer ("Купянске", "Купянска" → "купянск"); Latin
// words pass through. It is applied alike to indexed names and to
// looked-up ones, so the stems only have to agree with each other.
func stemWord(name string) string {
	words := strings.Fields(strings.ReplaceAll(Fold(name), "-", " "))
	for i, w := range words {
		if isCyrillic(w) && utf8.RuneCountInString(w) > 3 {
			words[i] = russian.Stem(strings.ReplaceAll(w, "'", ""), true)
		}
	}
	return strings.Join(words, " ")
}

// stemCacheMax bounds stemCache; names met in lookups repeat (the places
// a stem meets are the same few thousand), so a full cache is simply
// started again.
const stemCacheMax = 50_000

var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// cachedStem is stemWord behind a cache, for lookups: Snowball is a fair
// share of looking a name up for the first time, and nameWithStem stems
// the same place names again and again.
func cachedStem(name string) string {
	stemCache.RLock()
	st, ok := stemCache.m[name]
	stemCache.RUnlock()
	if ok {
		return st
	}
	st = stemWord(name)
	stemCache.Lock()
	if len(stemCache.m) >= stemCacheMax {
		stemCache.m = map[string]string{}
	}
	stemCache.m[strings.Clone(name)] = st
	stemCache.Unlock()
	return st
}

// ukVariants returns what a Ukrainian inflected word may have been in the
// nominative, by the endings of data/uk_suffixes.tsv: "Харкові" → "Харків",
// "Покровську" → "Покровськ". Only the last word is inflected here; place
// names of several words mostly keep the others as written in headlines.
func ukVariants(folded string) []string {
	i := strings.LastIndexAny(folded, " -")
	head, w := folded[:i+1], folded[i+1:]
	var out []string
	for _, r := range ukSuffixes {
		if stem, ok := strings.CutSuffix(w, r.ending); ok && utf8.RuneCountInString(stem) >= 3 {
			out = append(out, head+stem+r.repl)
		}
	}
	return out
}
