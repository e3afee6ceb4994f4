package ingest

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/pemistahl/lingua-go"

	"github.com/parallaxnews/parallax/internal/domain"
)

// detectLanguages are the languages Parallax reads. Restricting lingua to
// them keeps detection fast and avoids confusing Ukrainian or Russian with
// Bulgarian, Serbian and the like that the project never sees.
var detectLanguages = []lingua.Language{
	lingua.English, lingua.Russian, lingua.Ukrainian, lingua.German, lingua.French,
	lingua.Polish, lingua.Spanish, lingua.Italian, lingua.Portuguese,
}

// langSampleBytes caps the text given to the detector: a headline and the
// first paragraphs decide a news report's language, and detection time
// grows with length.
const langSampleBytes = 600

// lowLanguageConfidence is the confidence under which the language is
// flagged as a guess.
const lowLanguageConfidence = 0.5

// detector is built once and shared. Low-accuracy mode uses trigrams
// only, which is ample for whole paragraphs and several times faster and
// smaller than the full models. Models load lazily, per language, on first
// need: most reports are settled by the cheap rules below, so preloading
// all nine (about 30 MB) would mostly waste memory.
var detector = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().
		FromLanguages(detectLanguages...).
		WithLowAccuracyMode().
		Build()
})

// cyrillicDetector decides between the Cyrillic-script languages only, for
// text that is mostly Cyrillic: Latin names and acronyms inside a Russian
// report must not pull it towards English.
var cyrillicDetector = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().
		FromLanguages(lingua.Russian, lingua.Ukrainian).
		WithLowAccuracyMode().
		Build()
})

// reSampleNoise is what says nothing about a report's language: web
// addresses, markdown link targets and emphasis marks.
var reSampleNoise = regexp.MustCompile(`\]\([^)\s]*\)|\S*(?:://|www\.)\S*|\S+\.(?:ly|me|com|ru|ua)/\S*|[*_]{2,}`)

// DetectLanguage returns the ISO 639-1 code of text's language and the
// detector's confidence (0–1); "" when it cannot tell.
func DetectLanguage(text string) (string, float64) {
	if strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, "](") || strings.Contains(text, ".ly/") || strings.Contains(text, ".me/") || strings.Contains(text, "**") || strings.Contains(text, "__") {
		text = reSampleNoise.ReplaceAllString(headBytes(text, 4*langSampleBytes), " ")
	}
	if len(text) > langSampleBytes {
		cut := langSampleBytes
		for cut > 0 && text[cut]&0xC0 == 0x80 { // don't split a UTF-8 character
			cut--
		}
		text = text[:cut]
	}
	if strings.TrimSpace(text) == "" {
		return "", 0
	}
	if code, conf, ok := cyrillicLanguage(text); ok {
		return code, conf
	}
	if code, conf, ok := stopwordLanguage(text); ok {
		return code, conf
	}
	det := detector()
	if cyr, lat := scriptCounts(text); cyr > lat {
		det = cyrillicDetector()
		if lat > 0 {
			text = cyrillicWords(text)
		}
	}
	vals := det.ComputeLanguageConfidenceValues(text)
	if len(vals) == 0 || vals[0].Value() == 0 {
		return "", 0
	}
	return strings.ToLower(vals[0].Language().IsoCode639_1().String()), vals[0].Value()
}

// setLanguage detects the article's language from its headline and body.
// A language the reader found declared in the source (HTML lang, a JSON
// field) is kept; a disagreement with the text is reported.
func setLanguage(a *domain.Article) {
	sample := a.Title + "\n" + a.Text()
	code, conf := DetectLanguage(sample)
	declared := normLangTag(a.Language)
	switch {
	case declared == "":
		a.Language, a.LanguageConfidence = code, conf
		if code == "" {
			a.Warn("language_unknown", "could not detect the language")
		} else if conf < lowLanguageConfidence {
			a.Warn("language_low_confidence", "language detected as %s with low confidence %.2f", code, conf)
		}
	case code == declared:
		a.Language, a.LanguageConfidence = declared, conf
	default:
		a.Language = declared
		a.LanguageConfidence = 0
		if code != "" && supportedLang(declared) {
			a.Warn("language_mismatch", "source declares %s but the text reads as %s (confidence %.2f); kept %s",
				declared, code, conf, declared)
		}
	}
}

// normLangTag turns "en-US", "ru_RU" or "EN" into "en".
func normLangTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

func supportedLang(code string) bool {
	for _, l := range detectLanguages {
		if strings.EqualFold(l.IsoCode639_1().String(), code) {
			return true
		}
	}
	return false
}

// cyrillicLanguage settles Russian against Ukrainian by the letters only
// one of them writes (Ukrainian і ї є ґ; Russian ы э ъ ё) — the same rule
// lingua applies first, without the cost of its n-gram models. It answers
// only when the text is mostly Cyrillic and the letters point one way;
// the confidence is the share of distinctive letters that agree.
// cyrillicWords keeps the words written in Cyrillic: lingua decides the
// alphabet by counting words, so Latin names could outvote the prose.
func cyrillicWords(text string) string {
	var b strings.Builder
	for _, w := range strings.Fields(text) {
		if c, _ := scriptCounts(w); c > 0 {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// scriptCounts counts Cyrillic and Latin letters.
func scriptCounts(text string) (cyr, lat int) {
	for _, r := range text {
		switch {
		case r >= 0x400 && r <= 0x4FF:
			cyr++
		case r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			lat++
		}
	}
	return cyr, lat
}

func cyrillicLanguage(text string) (string, float64, bool) {
	cyr, lat, uk, ru := 0, 0, 0, 0
	for _, r := range text {
		switch {
		case r >= 'а' && r <= 'я' || r >= 'А' && r <= 'Я':
			cyr++
			switch r {
			case 'ы', 'э', 'ъ', 'Ы', 'Э':
				ru++
			}
		case r == 'ё' || r == 'Ё':
			cyr++
			ru++
		case r == 'і' || r == 'ї' || r == 'є' || r == 'ґ' || r == 'І' || r == 'Ї' || r == 'Є' || r == 'Ґ':
			cyr++
			uk++
		case r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			lat++
		}
	}
	if cyr < 40 || cyr < 2*lat {
		return "", 0, false
	}
	switch {
	case uk >= 3 && uk >= 10*ru:
		return "uk", float64(uk) / float64(uk+ru), true
	case ru >= 3 && ru >= 10*uk:
		return "ru", float64(ru) / float64(uk+ru), true
	}
	return "", 0, false
}

//go:embed data/stopwords.yaml
var stopwordsYAML []byte

// stopwords maps a function word to the languages that use it.
var stopwords = sync.OnceValue(func() map[string][]string {
	var lists map[string]yaml.Node
	if err := yaml.Unmarshal(stopwordsYAML, &lists); err != nil {
		panic("ingest: embedded data/stopwords.yaml: " + err.Error()) // a build defect, caught by every test
	}
	m := map[string][]string{}
	for lang, node := range lists {
		if lang == "letters" {
			continue
		}
		var words []string
		if err := node.Decode(&words); err != nil {
			panic("ingest: embedded data/stopwords.yaml: " + lang + ": " + err.Error())
		}
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
})

// uniqueLetters maps a letter to the one language (of those read) that
// writes it.
var uniqueLetters = sync.OnceValue(func() map[rune]string {
	var f struct {
		Letters map[string]string `yaml:"letters"`
	}
	if err := yaml.Unmarshal(stopwordsYAML, &f); err != nil {
		panic("ingest: embedded data/stopwords.yaml: " + err.Error())
	}
	m := map[rune]string{}
	for lang, letters := range f.Letters {
		for _, r := range letters {
			m[r] = lang
		}
	}
	return m
})

// stopwordLanguage is a fast first guess for Latin-script text: count the
// function words of each language, and the letters only one of them writes. It answers only when the evidence is
// plain (enough hits, the best language at least three times the next);
// the confidence is the best language's share of all hits.
func stopwordLanguage(text string) (string, float64, bool) {
	sw := stopwords()
	hits := map[string]int{}
	total := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > 12 {
			continue
		}
		if !isLowerASCII(w) {
			w = strings.ToLower(w)
		}
		for _, lang := range sw[w] {
			hits[lang]++
			total++
		}
	}
	ul := uniqueLetters()
	for _, r := range text {
		if r >= 0xC0 && r < 0x250 || r == '¿' || r == '¡' {
			if lang, ok := ul[unicode.ToLower(r)]; ok {
				hits[lang]++
				total++
			}
		}
	}
	best, second, code := 0, 0, ""
	for lang, n := range hits {
		switch {
		case n > best || n == best && lang < code:
			best, second, code = n, best, lang
		case n > second:
			second = n
		}
	}
	if best < 8 || best < 3*second {
		return "", 0, false
	}
	return code, float64(best) / float64(total), true
}

// isLowerASCII spares strings.ToLower's allocation for most words.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}
