package ingest

import (
	"strings"
	"sync"

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
const langSampleBytes = 2000

// lowLanguageConfidence is the confidence under which the language is
// flagged as a guess.
const lowLanguageConfidence = 0.5

// detector is built once: models load on first use and are shared.
// Low-accuracy mode uses trigrams only, which is ample for whole
// paragraphs and several times faster and smaller than the full models.
var detector = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().
		FromLanguages(detectLanguages...).
		WithLowAccuracyMode().
		WithPreloadedLanguageModels().
		Build()
})

// DetectLanguage returns the ISO 639-1 code of text's language and the
// detector's confidence (0–1); "" when it cannot tell.
func DetectLanguage(text string) (string, float64) {
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
	vals := detector().ComputeLanguageConfidenceValues(text)
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
