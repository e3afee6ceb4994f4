package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of an article's headline or body.
type Sentence struct {
	Field      string // "title" or "body"
	Start, End int    // byte offsets in Article.Title or Article.Text()
	Text       string
	Para       int // index of the paragraph it starts in (0 for the title)
}

// Splitter splits text into sentences. It knows abbreviations (from
// data/abbrev.yaml), initials, decimals and ordinal dots, and does not split
// inside a quotation, so a quote of several sentences stays one unit.
type Splitter struct {
	abbrev map[string]bool
}

// NewSplitter builds a splitter with the embedded abbreviation list.
func NewSplitter() (*Splitter, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Splitter{abbrev: lx.abbrev}, nil
}

// Split returns the sentence spans of one paragraph as [start, end) byte
// offsets, trimmed of surrounding space. quotes are the paragraph's quotes
// (FindQuotes); nil means find them.
func (s *Splitter) Split(text string, quotes []Quote) [][2]int {
	if quotes == nil {
		quotes = FindQuotes(text)
	}
	var out [][2]int
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		j := i + n
		// runs of terminal marks, then closing quotes and brackets
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || r2 == '”' || r2 == '»' || r2 == '"' || r2 == '’' || r2 == '\'' || r2 == ')' || r2 == ']' || r2 == '“' {
				j += n2
				continue
			}
			break
		}
		if j >= len(text) {
			break
		}
		k := j
		for k < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		if k == j || k >= len(text) {
			i = j
			continue
		}
		nextR, _ := utf8.DecodeRuneInString(text[k:])
		if !startsSentence(nextR) {
			i = j
			continue
		}
		if r == '.' && s.noBreakAfterDot(text, i) {
			i = j
			continue
		}
		if insideQuote(quotes, i, j) {
			i = j
			continue
		}
		out = appendSpan(out, text, start, j)
		start = k
		i = k
	}
	out = appendSpan(out, text, start, len(text))
	return out
}

func appendSpan(out [][2]int, text string, a, b int) [][2]int {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if b > a {
		out = append(out, [2]int{a, b})
	}
	return out
}

// startsSentence says whether a sentence may begin with r.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“„«‘'([—–-•", r) || unicode.Is(unicode.So, r)
}

// noBreakAfterDot: the dot at i ends an abbreviation or an initial.
func (s *Splitter) noBreakAfterDot(text string, i int) bool {
	// the word before the dot, with inner dots (u.s, т.е)
	a := i
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:a])
		if unicode.IsLetter(r) || r == '.' || r == '-' {
			a -= n
			continue
		}
		break
	}
	w := strings.Trim(text[a:i], ".")
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial: V. Putin, В. В. Путин
	}
	return s.abbrev[strings.ToLower(w)]
}

// insideQuote: the candidate break [i, j) falls inside a quote that goes on
// after it. Outer quotes do not overlap and are sorted, so a binary search
// finds the one that could hold i.
func insideQuote(quotes []Quote, i, j int) bool {
	k := sort.Search(len(quotes), func(k int) bool { return quotes[k].InStart > i }) - 1
	for ; k >= 0; k-- {
		q := quotes[k]
		if q.InStart <= i && j < q.End && q.InEnd > j {
			return true
		}
		if q.Depth == 0 {
			return false // an outer quote starting before i that does not hold it
		}
	}
	return false
}
