package claims

import (
	"unicode"
	"unicode/utf8"
)

// Quote is one direct quotation: Start and End enclose the marks, the
// content is text[Start+len(open) : End-len(close)].
type Quote struct {
	Start, End       int // byte offsets including the marks
	InStart, InEnd   int // byte offsets of the content
	Open, Close      rune
	Depth            int // 0 for an outer quote, 1 for a quote inside it
	ContinuesToBreak bool
}

// Content returns the quoted words.
func (q Quote) Content(text string) string { return text[q.InStart:q.InEnd] }

// closer maps each opening mark to the mark that closes it.
var closer = map[rune]rune{
	'“': '”', '„': '“', '«': '»', '‘': '’', '"': '"', '\'': '\'', '‹': '›', '‚': '‘', '「': '」',
}

type openMark struct {
	r   rune
	pos int
	n   int
}

// FindQuotes returns the quotations in one paragraph, outer quotes before
// the quotes nested in them, in order of their start. Marks that pair with
// nothing (an apostrophe, a stray inch sign) are ignored. Straight quotes are
// paired by position: one after a space or an opening bracket opens, one
// before a space or punctuation closes.
func FindQuotes(text string) []Quote {
	var stack []openMark
	var out []Quote
	prev := rune(' ')
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := rune(' ')
		if i+n < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch r {
		case '“', '”', '„', '«', '»', '‘', '’', '"', '\'', '‹', '›', '‚', '「', '」':
			if closes(stack, r, prev, next) {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if i > top.pos+top.n { // not empty
					out = append(out, Quote{Start: top.pos, End: i + n, InStart: top.pos + top.n, InEnd: i, Open: top.r, Close: r, Depth: len(stack)})
				}
			} else if opens(r, prev, next) {
				stack = append(stack, openMark{r: r, pos: i, n: n})
			}
		}
		prev = r
		i += n
	}
	// A quote left open at the end of a paragraph runs to its end (the
	// convention for quotes that continue in the next paragraph), provided
	// it is long enough to be speech, not a stray mark.
	if len(stack) > 0 && (stack[0].r == '“' || stack[0].r == '«' || stack[0].r == '"' || stack[0].r == '„') {
		o := stack[0]
		if len(text)-o.pos > 40 && !hasQuoteAfter(out, o.pos) {
			out = append(out, Quote{Start: o.pos, End: len(text), InStart: o.pos + o.n, InEnd: len(text), Open: o.r, ContinuesToBreak: true})
		}
	}
	sortQuotes(out)
	return out
}

func hasQuoteAfter(qs []Quote, pos int) bool {
	for _, q := range qs {
		if q.Start > pos {
			return true
		}
	}
	return false
}

// closes says whether r closes the innermost open quote.
func closes(stack []openMark, r, prev, next rune) bool {
	if len(stack) == 0 {
		return false
	}
	top := stack[len(stack)-1]
	if closer[top.r] != r && !(top.r == '„' && r == '”') {
		return false
	}
	switch r {
	case '"', '\'', '’':
		// straight marks and ’ close only after a word or punctuation and
		// before a non-letter (’ inside a word is an apostrophe)
		if unicode.IsSpace(prev) || unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

// opens says whether r may open a quote here.
func opens(r, prev, next rune) bool {
	if _, ok := closer[r]; !ok {
		return false
	}
	if unicode.IsSpace(next) && r != '«' {
		return false
	}
	switch r {
	case '"', '\'', '‘', '‚':
		// straight and single marks open only after a space, a bracket,
		// a dash or another quote mark (not inside a word: don't, 1990's)
		return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == '“' || prev == '«' || prev == '"' || prev == '/'
	}
	return true
}

func sortQuotes(qs []Quote) {
	// insertion sort: few quotes per paragraph
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && (qs[j].Start < qs[j-1].Start || (qs[j].Start == qs[j-1].Start && qs[j].End > qs[j-1].End)); j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}
