package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/translit.tsv
var translitData string

//go:embed data/stopwords.txt
var stopwordData string

//go:embed data/weights.tsv
var weightData string

// folding holds the tables loaded from data/.
type folding struct {
	translit  map[rune]string
	stopwords map[string]bool
	// low is translit for runes below lowRunes (Latin and Cyrillic), a
	// table lookup instead of a map lookup on every letter of every word.
	low    [lowRunes]string
	lowSet [lowRunes]bool
}

const lowRunes = 0x530

var fold = mustLoadFolding()

func mustLoadFolding() *folding {
	f, err := loadFolding(translitData, stopwordData)
	if err != nil {
		panic("events: embedded data: " + err.Error()) // the embedded files are part of the build
	}
	return f
}

func loadFolding(translit, stop string) (*folding, error) {
	f := &folding{translit: map[rune]string{}, stopwords: map[string]bool{}}
	err := eachLine(translit, func(n int, line string) error {
		src, dst, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(src) != 1 {
			return fmt.Errorf("translit.tsv line %d: want LETTER<TAB>LATIN", n)
		}
		r, _ := utf8.DecodeRuneInString(src)
		f.translit[r] = dst
		if r < lowRunes {
			f.low[r], f.lowSet[r] = dst, true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(stop, func(_ int, line string) error {
		f.stopwords[f.foldWord(line)] = true
		return nil
	})
	return f, err
}

// eachLine calls fn for every line that is neither blank nor a # comment.
func eachLine(data string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// foldWord lower-cases w and writes it in one Latin script. A word with a
// letter only Ukrainian has (і ї є ґ) is Ukrainian, where г is "h" (the
// national romanisation: Синєгубов is Syniehubov), not Russian "g".
func (f *folding) foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	ukrainian := strings.ContainsAny(w, "іїєґІЇЄҐ")
	for _, r := range w {
		if ukrainian && (r == 'г' || r == 'Г') {
			b.WriteByte('h')
			continue
		}
		if r == '\'' || r == '’' || r == 'ʼ' {
			continue // Куп'янськ and Купянськ are one spelling
		}
		if r < utf8.RuneSelf && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = unicode.ToLower(r)
		}
		if r < lowRunes {
			if f.lowSet[r] {
				b.WriteString(f.low[r])
				continue
			}
		} else if s, ok := f.translit[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stem cuts a folded word to a short prefix without its trailing vowels,
// a crude stemmer that works the same for every language it meets: Russian
// case endings (Курахово, Курахове; Грузия, Грузии) and English spellings
// (Kurakhove, Georgia) of one name mostly share it. Words of three letters
// or fewer (acronyms, numbers) are kept whole.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	if strings.IndexFunc(w, unicode.IsDigit) < 0 {
		w = undouble(w)
	}
	n := 0
	for i := range w {
		if n == stemLen {
			w = w[:i]
			break
		}
		n++
	}
	t := strings.TrimRight(w, "aeiou")
	if len(t) < 3 {
		return w
	}
	return t
}

// stemLen is the prefix kept by stem: six letters keep distinct Russian
// and Ukrainian place names apart while dropping their case endings.
const stemLen = 6

// token is one word of a text, folded and stemmed, with whether it looked
// like a name (capitalised inside a sentence, or all capitals).
type token struct {
	stem string
	name bool
}

// tokenize splits text into content tokens: stop words, URLs, markup and
// single letters are dropped; numbers are kept (casualty counts and dates
// distinguish events).
func tokenize(text string, out []token) []token {
	sentenceStart := true
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == '«' || r == '"' || r == ':' {
				sentenceStart = true
			}
			text = text[size:]
			continue
		}
		end := 0
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if !isWordRune(r2) && !(isInnerMark(r2) && end > 0) && !(r2 == '.' && end > 0 && end+1 < len(text) && text[end+1] != ' ' && text[end+1] != '\n') {
				break
			}
			end += s2
		}
		word := strings.TrimRight(strings.Trim(text[:end], "-.'’ʼ"), "'’ʼ")
		// English possessive: Korea's is Korea.
		for _, p := range []string{"'s", "’s"} {
			word = strings.TrimSuffix(word, p)
		}
		text = text[end:]
		if word == "" {
			continue
		}
		if isURLish(word, text) {
			// skip the rest of a URL: everything up to the next space
			if i := strings.IndexAny(text, " \n\t)]"); i >= 0 {
				text = text[i:]
			} else {
				text = ""
			}
			sentenceStart = false
			continue
		}
		start := sentenceStart
		sentenceStart = false
		folded := fold.foldWord(word)
		if utf8.RuneCountInString(folded) < 2 || fold.stopwords[folded] {
			continue
		}
		first, _ := utf8.DecodeRuneInString(word)
		isName := !start && unicode.IsUpper(first)
		if !isName && utf8.RuneCountInString(word) >= 2 && strings.ToUpper(word) == word && strings.IndexFunc(word, unicode.IsLetter) >= 0 {
			isName = true // an acronym
		}
		out = append(out, token{stem: stem(folded), name: isName})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isInnerMark reports marks that may sit inside a word: hyphens and the
// apostrophes of Ukrainian (Куп'янськ) and English (Korea's).
func isInnerMark(r rune) bool { return r == '-' || r == '\'' || r == '’' || r == 'ʼ' }

// isURLish reports whether word starts a URL or an address (http, www, a
// word followed by "://").
func isURLish(word, rest string) bool {
	lw := strings.ToLower(word)
	if strings.HasPrefix(rest, "://") {
		return true
	}
	return strings.HasPrefix(lw, "www.") || strings.Contains(lw, ".com") || strings.Contains(lw, ".ru/") ||
		(strings.Count(lw, ".") >= 1 && len(lw) > 4 && strings.IndexFunc(lw, unicode.IsLetter) >= 0 && knownTLD(lw))
}

// knownTLD reports whether a dotted word ends like a web address.
func knownTLD(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i < 0 {
		return false
	}
	switch w[i+1:] {
	case "com", "ru", "org", "net", "in", "ly", "me", "ua", "uk", "io", "co", "info":
		return true
	}
	return false
}

// FoldName is how a place or person name typed by a user is compared with
// the names in events: folded into one script and stemmed, word by word.
func FoldName(name string) string {
	toks := tokenize("x "+name, nil) // a leading word so the name is not sentence-initial
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, t.stem)
	}
	return strings.Join(parts, " ")
}

// undouble collapses doubled letters, which transliterations add and drop
// at will (Odessa, Odesa; Tallinn, Таллин).
func undouble(w string) string {
	var prev rune
	for i, r := range w {
		if r == prev {
			var b strings.Builder
			b.WriteString(w[:i])
			for _, r2 := range w[i:] {
				if r2 != prev {
					b.WriteRune(r2)
				}
				prev = r2
			}
			return b.String()
		}
		prev = r
	}
	return w
}
