package gazetteer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/translit.tsv
var translitTSV string

//go:embed data/skeleton.tsv
var skeletonTSV string

// System is a romanisation system for Cyrillic.
type System int

// Romanisation systems, as in data/translit.tsv.
const (
	KMU2010 System = iota // Ukraine's national system (display names)
	BGNPCGN               // BGN/PCGN for Russian
	ISO9                  // ISO 9:1995
)

type letterRow struct {
	kmu0, kmu, bgn0, bgn, iso9, skel string
}

type rewrite struct {
	from, to string
	late     bool
}

var (
	letters  map[rune]letterRow
	rewrites []rewrite
)

func init() {
	var err error
	if letters, err = parseTranslit(translitTSV); err != nil {
		panic(err) // embedded data is checked by the tests
	}
	if rewrites, err = parseRewrites(skeletonTSV); err != nil {
		panic(err)
	}
	initSkeleton()
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func parseTranslit(src string) (map[rune]letterRow, error) {
	m := map[rune]letterRow{}
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("data/translit.tsv:%d: %d columns, want 7", i+1, len(f))
		}
		r, n := utf8.DecodeRuneInString(f[0])
		if n != len(f[0]) {
			return nil, fmt.Errorf("data/translit.tsv:%d: %q is not one letter", i+1, f[0])
		}
		m[r] = letterRow{dash(f[1]), dash(f[2]), dash(f[3]), dash(f[4]), dash(f[5]), dash(f[6])}
	}
	return m, nil
}

func parseRewrites(src string) ([]rewrite, error) {
	var out []rewrite
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" {
			return nil, fmt.Errorf("data/skeleton.tsv:%d: want FROM<TAB>TO", i+1)
		}
		out = append(out, rewrite{f[0], f[1], len(f) > 2 && f[2] == "late"})
	}
	return out, nil
}

// apostrophes are the marks used for the Ukrainian apostrophe and the soft
// sign in romanisations; they all fold to one.
const apostrophes = "'’ʼ`´ʹʺ‘\"”“′"

// Fold lower-cases s, removes diacritics from Latin letters, unifies
// apostrophes to ' and dashes/spaces to single ones. Cyrillic letters keep
// their identity (й, ї and ё stay as they are).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case strings.ContainsRune(apostrophes, r):
			b.WriteByte('\'')
			space = false
			continue
		case r == '-' || r == '‐' || r == '–' || r == '—':
			b.WriteByte('-')
			space = false
			continue
		case unicode.IsSpace(r) || r == '_':
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		r = unicode.ToLower(r)
		if r < 0x80 || unicode.Is(unicode.Cyrillic, r) {
			b.WriteRune(r)
			continue
		}
		b.WriteString(stripMarks(r))
	}
	return strings.TrimRight(b.String(), " ")
}

// stripMarks removes combining marks from a Latin letter (ń → n, ł → l).
func stripMarks(r rune) string {
	switch r {
	case 'ł':
		return "l"
	case 'ø':
		return "o"
	case 'ß':
		return "ss"
	case 'đ':
		return "d"
	case 'ı':
		return "i"
	case 'â':
		return "â" // ISO 9 я: kept for the skeleton rules
	case 'û':
		return "û"
	case 'ê':
		return "ê"
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Skeleton is the matching key of a name: folded, Cyrillic turned into
// Latin, romanisation differences rewritten away, non-letters dropped and
// doubled letters collapsed. Kupiansk, Kupyansk, Kup'jans'k, Куп'янськ and
// Купянск all have the skeleton "kupiansk".
//
// It runs for every name at load time, so it works in one pass over a
// byte buffer: the rules of data/skeleton.tsv apply at each position,
// longest match first.
func Skeleton(s string) string {
	buf := make([]byte, 0, len(s)+8)
	for _, r := range s {
		if r < 0x80 {
			switch {
			case 'A' <= r && r <= 'Z':
				buf = append(buf, byte(r)+32)
			case 'a' <= r && r <= 'z':
				buf = append(buf, byte(r))
			case r == '\'' || r == '`' || r == '"':
				// apostrophes and soft signs belong inside the word
			default:
				buf = append(buf, ' ') // separators keep rules from joining words
			}
			continue
		}
		r = unicode.ToLower(r)
		if r >= 0x400 && r < 0x400+rune(len(skelCyr)) {
			buf = append(buf, skelCyr[r-0x400]...)
			continue
		}
		if row, ok := letters[r]; ok {
			buf = append(buf, row.skel...)
			continue
		}
		if unicode.Is(unicode.Lm, r) {
			continue // modifier letters: ISO 9's ʹ ʺ, the apostrophe ʼ
		}
		switch r {
		case 'â', 'û', 'ê':
			buf = append(buf, string(r)...) // ISO 9 я ю є: the rules know them
		default:
			if unicode.IsLetter(r) {
				buf = append(buf, foldLetter(r)...)
			} else {
				buf = append(buf, ' ')
			}
		}
	}
	out := make([]byte, 0, len(buf))
	for i := 0; i < len(buf); {
		if rw := matchRule(buf[i:], false); rw != nil {
			out = append(out, rw.to...)
			i += len(rw.from)
			continue
		}
		out = append(out, buf[i])
		i++
	}
	out = collapse(out)
	late := out[:0:0]
	for i := 0; i < len(out); {
		if rw := matchRule(out[i:], true); rw != nil {
			late = append(late, rw.to...)
			i += len(rw.from)
			continue
		}
		late = append(late, out[i])
		i++
	}
	return string(collapse(late))
}

// matchRule returns the longest rule that matches at the start of b.
func matchRule(b []byte, late bool) *rewrite {
	var best *rewrite
	for _, i := range rulesByByte[b[0]] {
		rw := &rewrites[i]
		if rw.late == late && len(rw.from) <= len(b) && string(b[:len(rw.from)]) == rw.from && (best == nil || len(rw.from) > len(best.from)) {
			best = rw
		}
	}
	return best
}

// collapse drops non-letters and doubled letters in place.
func collapse(b []byte) []byte {
	out := b[:0]
	var last rune = -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r < 0x80 {
			n = 1
			r = rune(b[i])
		}
		if (r < 0x80 && (r < 'a' || r > 'z')) || (r >= 0x80 && !unicode.IsLetter(r)) || r == last {
			i += n
			continue
		}
		out = append(out, b[i:i+n]...)
		last = r
		i += n
	}
	return out
}

// foldLetter strips marks from a Latin letter, cached: there are few of them.
func foldLetter(r rune) string {
	foldMu.RLock()
	f, ok := foldCache[r]
	foldMu.RUnlock()
	if ok {
		return f
	}
	f = strings.ToLower(stripMarks(r))
	foldMu.Lock()
	foldCache[r] = f
	foldMu.Unlock()
	return f
}

var (
	foldMu    sync.RWMutex
	foldCache = map[rune]string{}
	// skelCyr is the skel column of translit.tsv for U+0400..U+045F.
	skelCyr     [0x60]string
	rulesByByte [256][]int
)

func initSkeleton() {
	for i := range skelCyr {
		r := rune(0x400 + i)
		if row, ok := letters[r]; ok {
			skelCyr[i] = row.skel
		} else if unicode.IsLetter(r) {
			skelCyr[i] = strings.ToLower(string(r)) // Serbian, Macedonian letters: kept as they are
		} else {
			skelCyr[i] = " "
		}
	}
	for i, rw := range rewrites {
		rulesByByte[rw.from[0]] = append(rulesByByte[rw.from[0]], i)
	}
}

// Transliterate romanises Cyrillic text under sys; other characters pass
// through. Capitalisation follows the source letter.
func Transliterate(s string, sys System) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		lower := unicode.ToLower(r)
		row, ok := letters[lower]
		if !ok {
			b.WriteRune(r)
			continue
		}
		initial := i == 0 || !isLetter(rs[i-1])
		var out string
		switch sys {
		case KMU2010:
			out = row.kmu
			if initial {
				out = row.kmu0
			}
			// зг is zgh so that it is not read as the digraph zh.
			if lower == 'г' && i > 0 && unicode.ToLower(rs[i-1]) == 'з' {
				out = "gh"
			}
			if strings.ContainsRune("ёъыэ", lower) {
				out = row.bgn
				if initial {
					out = row.bgn0
				}
			}
		case BGNPCGN:
			out = row.bgn
			if initial || strings.ContainsRune("аеёиоуыэюяьъ", unicode.ToLower(rs[i-1])) {
				out = row.bgn0
			}
		case ISO9:
			out = row.iso9
		}
		if unicode.IsUpper(r) && out != "" {
			// Capitalise the first letter only (Shch, Ya), or all of it
			// when the whole word is in capitals.
			nextUpper := i+1 < len(rs) && unicode.IsUpper(rs[i+1])
			if nextUpper {
				out = strings.ToUpper(out)
			} else {
				fr, n := utf8.DecodeRuneInString(out)
				out = string(unicode.ToUpper(fr)) + out[n:]
			}
		}
		b.WriteString(out)
	}
	return b.String()
}

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || strings.ContainsRune(apostrophes, r)
}

// isCyrillic says whether s has any Cyrillic letter.
func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
