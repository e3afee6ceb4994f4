package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Encoding names returned by DecodeText.
const (
	EncUTF8        = "utf-8"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1251 = "windows-1251"
	EncKOI8R       = "koi8-r"
	EncWindows1252 = "windows-1252"
	EncLatin1      = "iso-8859-1"
)

// ErrNotText is returned for bytes that are no text in any encoding the
// readers know (binary data, or text too damaged to be read).
var ErrNotText = errors.New("not text in a known encoding")

// Decoded is text converted to UTF-8, with the encoding it was found in and
// the guesses made on the way.
type Decoded struct {
	Text     string
	Encoding string
	Warnings []domain.Warning
}

// DecodeText converts data to UTF-8 and names the encoding it found:
// UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251, KOI8-R,
// Windows-1252 or Latin-1. Damaged UTF-8 is repaired with U+FFFD; use
// Decode to see the warnings that go with such guesses.
func DecodeText(data []byte) (text string, enc string, err error) {
	d, err := Decode(data)
	if err != nil {
		return "", "", err
	}
	return d.Text, d.Encoding, nil
}

// Decode is DecodeText with the warnings: every guess (a legacy single-byte
// encoding, UTF-16 without BOM, replaced bytes) is reported.
func Decode(data []byte) (*Decoded, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		d := &Decoded{Encoding: EncUTF8}
		body := data[3:]
		if !utf8.Valid(body) {
			d.Warnings = append(d.Warnings, domain.NewWarning("charset_repaired",
				"UTF-8 text (with BOM) holds %d invalid bytes, replaced with U+FFFD", countInvalidUTF8(body)))
			body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
		}
		d.Text = string(body)
		return d, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), EncUTF16LE, nil)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), EncUTF16BE, nil)
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			if enc, name, ok := sniffUTF16(data); ok {
				return decodeWith(data, enc, name, []domain.Warning{domain.NewWarning("charset_guess",
					"no byte-order mark; read as %s from the pattern of zero bytes", name)})
			}
			return nil, fmt.Errorf("%w: holds NUL bytes (binary data?)", ErrNotText)
		}
		if controlShare(data) > 0.1 {
			return nil, fmt.Errorf("%w: mostly control characters", ErrNotText)
		}
		return &Decoded{Text: string(data), Encoding: EncUTF8}, nil
	}
	if enc, name, ok := sniffUTF16(data); ok {
		return decodeWith(data, enc, name, []domain.Warning{domain.NewWarning("charset_guess",
			"no byte-order mark; read as %s from the pattern of zero bytes", name)})
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%w: holds NUL bytes (binary data?)", ErrNotText)
	}
	if controlShare(data) > 0.1 {
		return nil, fmt.Errorf("%w: mostly control characters", ErrNotText)
	}
	// Mostly well-formed UTF-8 with a few broken bytes is damaged UTF-8
	// (a cut multi-byte character, a stray legacy byte), not a legacy
	// encoding: keep it and say how much was replaced.
	good, bad := utf8Sequences(data)
	if good > 0 && good >= 2*bad {
		return &Decoded{
			Text:     string(bytes.ToValidUTF8(data, []byte("\uFFFD"))),
			Encoding: EncUTF8,
			Warnings: []domain.Warning{domain.NewWarning("charset_repaired",
				"UTF-8 text holds %d invalid bytes, replaced with U+FFFD", bad)},
		}, nil
	}
	enc, name := guessSingleByte(data)
	return decodeWith(data, enc, name, []domain.Warning{domain.NewWarning("charset_guess",
		"not UTF-8; read as %s by letter statistics", name)})
}

func decodeWith(data []byte, enc encoding.Encoding, name string, warns []domain.Warning) (*Decoded, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("%w: decoding as %s: %v", ErrNotText, name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if bytes.IndexByte(out, 0) >= 0 {
		return nil, fmt.Errorf("%w: decoded %s holds NUL characters", ErrNotText, name)
	}
	return &Decoded{Text: string(out), Encoding: name, Warnings: warns}, nil
}

// sniffUTF16 recognises BOM-less UTF-16 of mostly ASCII-range text: one byte
// in two is zero, always on the same side.
func sniffUTF16(data []byte) (encoding.Encoding, string, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return nil, "", false
	}
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	evenZero, oddZero := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*7 && evenZero*10 < pairs:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), EncUTF16LE, true
	case evenZero*10 >= pairs*7 && oddZero*10 < pairs:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), EncUTF16BE, true
	}
	return nil, "", false
}

func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

// utf8Sequences counts well-formed multi-byte UTF-8 sequences and invalid bytes.
func utf8Sequences(b []byte) (good, bad int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += size
	}
	return good, bad
}

func countInvalidUTF8(b []byte) int {
	_, bad := utf8Sequences(b)
	return bad
}

// guessSingleByte picks a legacy single-byte encoding. Cyrillic text in
// these encodings puts whole words in bytes ≥ 0xC0; Western European text
// has isolated accented letters among ASCII ones. Between Windows-1251 and
// KOI8-R the same bytes mean different letters, so the text is decoded both
// ways and scored on Russian/Ukrainian letter frequencies.
func guessSingleByte(data []byte) (encoding.Encoding, string) {
	high, ascii, c1 := 0, 0, 0
	for _, c := range data {
		switch {
		case c >= 0xC0:
			high++
		case c >= 0x80 && c < 0xA0:
			c1++
		case c < 0x80 && (c|0x20) >= 'a' && (c|0x20) <= 'z':
			ascii++
		}
	}
	if high > 0 && float64(high)/float64(high+ascii) > 0.3 {
		s1251 := cyrillicScore(charmap.Windows1251, data)
		sKOI := cyrillicScore(charmap.KOI8R, data)
		if sKOI > s1251 {
			return charmap.KOI8R, EncKOI8R
		}
		return charmap.Windows1251, EncWindows1251
	}
	if c1 > 0 {
		return charmap.Windows1252, EncWindows1252
	}
	return charmap.ISO8859_1, EncLatin1
}

// cyrillicLetterWeight scores letters by how common they are in Russian and
// Ukrainian prose (frequent vowels and consonants up, hard sign and rare
// letters down). Lowercase counts more than uppercase because running text
// is mostly lowercase — the decisive cue, as KOI8-R and Windows-1251 swap
// the case halves.
var cyrillicLetterWeight = func() map[rune]int {
	m := map[rune]int{}
	for _, r := range "оеаинтсрвлкмдпуяыьгзбчйіїє" {
		m[r] = 3
	}
	for _, r := range "ъэщцюжшхфё" {
		m[r] = 1
	}
	return m
}()

func cyrillicScore(cm *charmap.Charmap, data []byte) int {
	score := 0
	for _, c := range data {
		if c < 0x80 {
			continue
		}
		r := cm.DecodeByte(c)
		if !unicode.Is(unicode.Cyrillic, r) {
			continue
		}
		if unicode.IsLower(r) {
			score += 1 + cyrillicLetterWeight[r]
		}
	}
	return score
}
