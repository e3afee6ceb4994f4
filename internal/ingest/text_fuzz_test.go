package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func fuzzSeeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "\n\n\n", "date 2025-11-20 Title\n18:16 GMT 20.11.2025 (Updated: 19:00 GMT 20.11.2025)\n© Photo : KremlinPresident speaks.\nBody.",
		"Title\n\nBy AFP\n\nOriginal url:\n\nhttps://example.com/a b c",
		"Title\nRead more\n", "Embed:\nRelated article:\n© \n**x**", "\xff\xfe\x00", "\xfe\xff\x00T", "\xef\xbb\xbf",
		"İİİ İstanbul\nİread more: x", "— X (@y) November 20, 2025", "t.me/", "KYIV, Nov 20 (Reuters) -",
	} {
		f.Add([]byte(s))
	}
}

// FuzzReadText: no input may panic, and what comes out is valid UTF-8
// with offsets inside the text they index.
func FuzzReadText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readText("fuzz.txt", data)
		if err != nil {
			if a != nil {
				t.Fatal("article returned with an error")
			}
			return
		}
		d, _ := Decode(data)
		for _, p := range a.Body {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 in body: %q", p.Text)
			}
			if p.SourceOffset < 0 || p.SourceOffset > len(d.Text) {
				t.Fatalf("source offset %d outside the %d-byte text", p.SourceOffset, len(d.Text))
			}
		}
		// Outlet, wires and the language rules must cope with anything too
		// (lingua itself is left out: loading its models in every fuzz
		// worker would leave no time to fuzz).
		reg := DefaultOutlets()
		setWires(a, reg)
		setOutlet(a, reg)
		for _, f := range []func(string) (string, float64, bool){cyrillicLanguage, stopwordLanguage} {
			if _, conf, _ := f(a.Title + a.Text()); conf < 0 || conf > 1 {
				t.Fatalf("language confidence %v", conf)
			}
		}
		for _, b := range a.Blocks {
			if b.SourceOffset < 0 || b.SourceOffset+len(b.Text) > len(d.Text) || !strings.HasPrefix(d.Text[b.SourceOffset:], b.Text) {
				t.Fatalf("%s block %q not found at its offset %d", b.Kind, b.Text, b.SourceOffset)
			}
		}
	})
}

// FuzzDecodeText: any bytes give valid UTF-8 or an error, never a panic.
func FuzzDecodeText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := DecodeText(data)
		if err != nil {
			return
		}
		if enc == "" || !utf8.ValidString(text) {
			t.Fatalf("DecodeText = %q (%s): want valid UTF-8 and a named encoding", text, enc)
		}
	})
}
