package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord  = iota // letters, with inner apostrophes and hyphens
	tokNum          // digits, with inner , . / (55,000  4/5  1.2)
	tokPunct        // any other single rune
)

// token is one word, number or punctuation mark of a sentence: s is its
// lower-cased, normalised form; start and end are byte offsets in the field.
type token struct {
	s          string
	start, end int
	kind       int
	upper      bool  // first letter is upper case
	first      rune  // first rune of s
	id         int32 // vocabulary id (lexicon.tokens), 0 if in no lexicon
}

// tokenize splits text into tokens; base is added to every offset.
func tokenize(text string, base int) []token { return tokenizeV(text, base, nil) }

// tokenizeV tokenises and, with a vocabulary, numbers the words.
func tokenizeV(text string, base int, v *vocab) []token {
	toks := make([]token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isSpace(r):
			i += n
		case isLetter(r):
			j := i + n
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 >= utf8.RuneSelf && (unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2)) {
					j += n2
					continue
				}
				// inner apostrophe or hyphen between letters: russia's, pro-war, п'ять
				if r2 == '\'' || r2 == '’' || r2 == 'ʼ' || r2 == '-' {
					if k := j + n2; k < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[k:])
						if unicode.IsLetter(r3) {
							j = k
							continue
						}
					}
				}
				break
			}
			w, id := norm(text[i:j], v)
			f, _ := utf8.DecodeRuneInString(w)
			toks = append(toks, token{s: w, start: base + i, end: base + j, kind: tokWord, upper: unicode.IsUpper(r), first: f, id: id})
			i = j
		case r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.' || c == '/') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				// "150 230": a space inside a Russian number written in groups of three
				if c == ' ' && j+3 < len(text) && isDigits(text[j+1:j+4]) && (j+4 == len(text) || !isDigit(text[j+4])) && groupedBefore(text[i:j]) {
					j += 4
					continue
				}
				break
			}
			toks = append(toks, token{s: text[i:j], start: base + i, end: base + j, kind: tokNum, id: v.lookup(text[i:j])})
			i = j
		default:
			toks = append(toks, token{s: text[i : i+n], start: base + i, end: base + i + n, kind: tokPunct, id: v.lookup(text[i : i+n])})
			i += n
		}
	}
	return toks
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u00ad' || r == '\u200b'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// groupedBefore says whether the digits so far could be the head of a
// number written in space-separated groups (1 to 3 digits, or groups).
func groupedBefore(s string) bool {
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return len(last) >= 1 && len(last) <= 3 && isDigits(last)
}

// norm lower-cases a word and folds spelling variants that carry no meaning
// (typographic apostrophes, ё). A word the lexicons know comes back as the
// vocabulary's own string with its id, so most words cost no allocation.
func norm(w string, v *vocab) (string, int32) {
	lower, ascii := true, true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
		if w[i] >= 'A' && w[i] <= 'Z' {
			lower = false
		}
	}
	if ascii && lower {
		if v != nil {
			return w, v.ids[w]
		}
		return w, 0
	}
	var arr [96]byte
	buf := arr[:0]
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		if v != nil {
			if id, ok := v.ids[string(buf)]; ok {
				return v.keys[id], id
			}
		}
		return string(buf), 0
	}
	for _, r := range w {
		switch r {
		case '’', 'ʼ':
			r = '\''
		case 'ё', 'Ё':
			r = 'е'
		default:
			r = unicode.ToLower(r)
		}
		buf = utf8.AppendRune(buf, r)
	}
	if v != nil {
		if id, ok := v.ids[string(buf)]; ok {
			return v.keys[id], id
		}
	}
	return string(buf), 0
}
