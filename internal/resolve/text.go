package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a field, with the forms the matcher compares.
type token struct {
	start, end int    // byte offsets in the field
	text       string // as written
	norm       string // lower case, ё→е, apostrophes unified, Latin diacritics folded
	stem       string // Cyrillic: norm without its case ending; else norm
	upper      bool   // starts with an upper-case letter
	allCaps    bool   // two or more letters, all upper case
	cyr        bool   // Cyrillic
	sent       int    // sentence index within the field
	sentStart  bool   // first token of its sentence
	gap        string // raw text between the previous token and this one
}

// isApos reports the apostrophes texts use inside words (Куп'янськ, O'Brien)
// and for the English possessive.
func isApos(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isWordRune(r rune) bool {
	// Fast paths for ASCII and the Cyrillic block, which is most text here.
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x400 <= r && r <= 0x481 || 0x48A <= r && r <= 0x4FF:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isUpper is unicode.IsUpper with fast paths for ASCII and basic Cyrillic.
func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x42F:
		return true
	case 0x430 <= r && r <= 0x45F:
		return false
	}
	return unicode.IsUpper(r)
}

// toLower is unicode.ToLower with fast paths for ASCII and basic Cyrillic.
func toLower(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	case 0x410 <= r && r <= 0x42F:
		return r + 0x20
	case 0x400 <= r && r <= 0x40F:
		return r + 0x50
	case 0x430 <= r && r <= 0x45F:
		return r
	}
	return unicode.ToLower(r)
}

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x52F }

// tokenize splits s into words. A word may hold inner hyphens and
// apostrophes; a trailing English possessive ("Russia's") is left out of the
// word; "U.S."-style initialisms are one word.
func (r *Resolver) tokenize(s string) []token { return r.tokenizeInto(nil, s) }

// tokenizeInto appends the words of s to toks (a reused buffer).
func (r *Resolver) tokenizeInto(toks []token, s string) []token {
	low := lowerSameLength(s)
	prevEnd := 0
	sent := 0
	i := 0
	for i < len(s) {
		c, size := decodeRune(s, i)
		if !isWordRune(c) {
			i += size
			continue
		}
		start := i
		j := i + size
		// simple: every letter is ASCII or basic Cyrillic, so low[start:j]
		// is the word's normal form (see lowerSameLength).
		simple := c < 0x80 || 0x400 <= c && c <= 0x45F
		for j < len(s) {
			c2, sz2 := decodeRune(s, j)
			if isWordRune(c2) {
				simple = simple && (c2 < 0x80 || 0x400 <= c2 && c2 <= 0x45F)
				j += sz2
				continue
			}
			if isApos(c2) || isHyphen(c2) {
				nxt, nsz := utf8.DecodeRuneInString(s[j+sz2:])
				if j+sz2 < len(s) && isWordRune(nxt) {
					// English possessive: 's / ’s at the end of a Latin word.
					if isApos(c2) && (nxt == 's' || nxt == 'S') {
						after, _ := utf8.DecodeRuneInString(s[j+sz2+nsz:])
						if j+sz2+nsz >= len(s) || !isWordRune(after) {
							break
						}
					}
					simple = simple && c2 < 0x80
					j += sz2
					continue
				}
			}
			// Initialisms: U.S. / U.N. — a single letter followed by '.' and a letter.
			if c2 == '.' && utf8.RuneCountInString(s[start:j]) == 1 || c2 == '.' && isInitialism(s[start:j]) {
				nxt, nsz := utf8.DecodeRuneInString(s[j+1:])
				if j+1 < len(s) && unicode.IsUpper(nxt) {
					after, _ := utf8.DecodeRuneInString(s[j+1+nsz:])
					if after == '.' {
						simple = simple && nxt < 0x80
						j += 1 + nsz + 1
						continue
					}
				}
			}
			break
		}
		gap := s[prevEnd:start]
		if len(toks) > 0 && gap != " " && r.endsSentence(toks[len(toks)-1], gap, s[start:]) {
			sent++
		}
		var norm string
		if simple {
			norm = low[start:j]
		}
		t := r.makeToken(s[start:j], norm, start, j)
		t.gap = gap
		t.sent = sent
		t.sentStart = len(toks) == 0 || toks[len(toks)-1].sent != sent
		toks = append(toks, t)
		prevEnd = j
		i = j
		// Skip a possessive 's so that it stays in the gap, not a word.
		if c, sz := utf8.DecodeRuneInString(s[j:]); j < len(s) && isApos(c) {
			if n, nsz := utf8.DecodeRuneInString(s[j+sz:]); n == 's' || n == 'S' {
				after, _ := utf8.DecodeRuneInString(s[j+sz+nsz:])
				if j+sz+nsz >= len(s) || !isWordRune(after) {
					i = j + sz + nsz
				}
			}
		}
	}
	return toks
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the ASCII case inline.
func decodeRune(s string, i int) (rune, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lowerSameLength returns s with the letters whose normal form (normWord)
// has the same length in UTF-8 put in that form: ASCII capitals, the
// backquote as an apostrophe, and basic Cyrillic (А-Я, Ѐ-Џ, ё → е). All
// else is copied as it is. A word made only of such letters can take its
// normal form from this one copy of the field instead of a copy of its own.
func lowerSameLength(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '`':
			b.WriteByte('\'')
		case (c == 0xD0 || c == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r := lowerCyrillic(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F))
			b.WriteByte(0xC0 | byte(r>>6))
			b.WriteByte(0x80 | byte(r&0x3F))
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// lowerCyrillic lower-cases a rune of U+0400..U+047F, mapping Ё and ё to е;
// the result is in the same range, so its UTF-8 form has the same length.
func lowerCyrillic(r rune) rune {
	switch {
	case r == 'Ё' || r == 'ё':
		return 'е'
	case 0x400 <= r && r <= 0x40F:
		return r + 0x50
	case 0x410 <= r && r <= 0x42F:
		return r + 0x20
	}
	return r
}

func isInitialism(w string) bool {
	// "U.S" so far: letters separated by dots.
	if len(w) < 3 {
		return false
	}
	for k, c := range w {
		if k%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// endsSentence decides whether the gap between prev and the next word
// closes a sentence.
func (r *Resolver) endsSentence(prev token, gap, rest string) bool {
	if strings.Contains(gap, "\n") {
		return true
	}
	if !strings.ContainsAny(gap, ".!?…") {
		return false
	}
	if strings.ContainsAny(gap, "!?…") {
		return true
	}
	// A full stop after an abbreviation or an initial does not end a sentence.
	if strings.HasPrefix(gap, ".") {
		if utf8.RuneCountInString(prev.text) == 1 && prev.upper {
			return false
		}
		if r.lex.abbrev[prev.text] {
			return false
		}
		if strings.HasSuffix(prev.text, ".") {
			return false
		}
	}
	c, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(c) || unicode.IsDigit(c) || !unicode.IsLetter(c)
}

// makeToken makes the token of word w; norm is its normal form when the
// caller has it ("" to compute it).
func (r *Resolver) makeToken(w, norm string, start, end int) token {
	t := token{start: start, end: end, text: w}
	first, _ := utf8.DecodeRuneInString(w)
	t.upper = isUpper(first)
	t.cyr = isCyrillic(first)
	if t.upper {
		letters, uppers := 0, 0
		for _, c := range w {
			if c >= '0' && c <= '9' || isApos(c) || isHyphen(c) || c == '.' {
				continue
			}
			if isWordRune(c) && !unicode.Is(unicode.Mn, c) {
				letters++
				if isUpper(c) {
					uppers++
				}
			}
		}
		t.allCaps = letters >= 2 && letters == uppers
	}
	if norm == "" {
		norm = normWord(w)
	}
	t.norm = norm
	t.stem = t.norm
	if t.cyr {
		t.stem = r.lex.stem(t.norm)
	}
	return t
}

// normWord lower-cases a word, unifies apostrophes and hyphens, maps ё to е
// and folds Latin diacritics (Erdoğan → erdogan).
func normWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || w[i] == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	if isNormCyrillic(w) {
		return w // most Russian and Ukrainian words: no copy
	}
	var b strings.Builder
	b.Grow(len(w))
	needFold, hasMark := false, false
	for _, c := range w {
		switch {
		case isApos(c):
			b.WriteByte('\'')
		case isHyphen(c):
			b.WriteByte('-')
		case c == 'ё' || c == 'Ё':
			b.WriteRune('е')
		case c == 'ı':
			b.WriteByte('i')
		case c >= latinFoldFrom && c < latinFoldTo:
			needFold = true
			b.WriteString(latinFold[c-latinFoldFrom])
		default:
			hasMark = hasMark || unicode.Is(unicode.Mn, c)
			b.WriteRune(toLower(c))
		}
	}
	s := b.String()
	if needFold && hasMark {
		// Combining accents written apart go with the folded ones.
		var f strings.Builder
		for _, c := range s {
			if !unicode.Is(unicode.Mn, c) {
				f.WriteRune(c)
			}
		}
		s = f.String()
	}
	return s
}

// latinFold holds the lower-case, accent-free form of each letter of
// Latin-1 Supplement to Latin Extended-B (é → e, Ł → ł, ß → ß), computed
// once rather than normalising every accented word.
const latinFoldFrom, latinFoldTo = 0xC0, 0x250

var latinFold = func() (t [latinFoldTo - latinFoldFrom]string) {
	for c := rune(latinFoldFrom); c < latinFoldTo; c++ {
		var f strings.Builder
		for _, d := range norm.NFD.String(string(toLower(c))) {
			if !unicode.Is(unicode.Mn, d) {
				f.WriteRune(d)
			}
		}
		t[c-latinFoldFrom] = f.String()
	}
	return t
}()

// isNormCyrillic reports a word already in normal form: lower-case
// Cyrillic letters (but ё) and ASCII lower-case letters and digits only.
func isNormCyrillic(w string) bool {
	for _, c := range w {
		switch {
		case c < 0x80:
			if 'A' <= c && c <= 'Z' || c == '\'' || c == '`' {
				return false
			}
		case 0x430 <= c && c <= 0x44F, 0x454 <= c && c <= 0x457 && c != 0x455, c == 0x491:
			// а..я, є і ї, ґ
		default:
			return false
		}
	}
	return true
}

// stem strips the longest Cyrillic case ending that leaves three letters.
func (l *lexicon) stem(w string) string {
	last, _ := utf8.DecodeLastRuneInString(w)
	ends := l.endingsByLast[last]
	if len(ends) == 0 {
		return w
	}
	n := utf8.RuneCountInString(w)
	if n < 4 {
		return w
	}
	for _, e := range ends {
		if strings.HasSuffix(w, e.s) && n-e.runes >= 3 {
			return w[:len(w)-len(e.s)]
		}
	}
	return w
}

// gapJoins reports whether two words separated by gap can belong to one
// name: only spaces, quotes and brackets between them ("Zapad ('West')
// Battlegroup", группировка войск «Запад»).
func gapJoins(gap string) bool {
	// A possessive left between two words ("Russia's General Staff").
	if strings.HasPrefix(gap, "'s") {
		gap = gap[2:]
	} else if strings.HasPrefix(gap, "’s") {
		gap = gap[len("’s"):]
	}
	if gap == "" || len(gap) > 8 {
		return false
	}
	for _, c := range gap {
		switch c {
		case ' ', '\t', '\u00a0', '(', ')', '\'', '"', '«', '»', '“', '”', '‘', '’', '„':
		default:
			return false
		}
	}
	return true
}

// gapSpaces reports a gap of white space only (no newline).
func gapSpaces(gap string) bool {
	if gap == "" || len(gap) > 4 {
		return false
	}
	for _, c := range gap {
		if c != ' ' && c != '\t' && c != '\u00a0' {
			return false
		}
	}
	return true
}
