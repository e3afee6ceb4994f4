package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// benchInputs are the repository's own text fixtures plus, where present,
// the founding example.
func benchInputs(b *testing.B) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	if root := sharedtest.Root(); root != "" {
		more, _ := filepath.Glob(filepath.Join(root, "corpus", "kupiansk-2025-11-20", "*.txt"))
		paths = append(paths, more...)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		b.Skip("no text fixtures")
	}
	return out
}

// BenchmarkReadText is the plain-text reader alone (decode, split, blocks).
func BenchmarkReadText(b *testing.B) {
	inputs := benchInputs(b)
	var n int64
	for _, d := range inputs {
		n += int64(len(d))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range inputs {
			if _, err := readText("bench.txt", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadTextFinished is the whole stage: reader plus finish
// (outlet, wires, language detection, ID), as ReadBytes runs it.
func BenchmarkReadTextFinished(b *testing.B) {
	inputs := benchInputs(b)
	var n int64
	for _, d := range inputs {
		n += int64(len(d))
	}
	DetectLanguage("warm up the language models")
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range inputs {
			items := ReadBytes(context.Background(), "bench.txt", d, "", Options{})
			if len(items) != 1 || items[0].Err != nil {
				b.Fatalf("%+v", items)
			}
		}
	}
}

func BenchmarkDecodeText(b *testing.B) {
	inputs := benchInputs(b)
	var n int64
	for _, d := range inputs {
		n += int64(len(d))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, d := range inputs {
			if _, _, err := DecodeText(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	var texts []string
	for _, d := range benchInputs(b) {
		a, err := readText("bench.txt", d)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Title+"\n"+a.Text())
	}
	DetectLanguage("warm up the language models")
	for b.Loop() {
		for _, s := range texts {
			DetectLanguage(s)
		}
	}
}

func BenchmarkParseDateLine(b *testing.B) {
	lines := []string{"18:16 GMT 20.11.2025 (Updated: 19:00 GMT 20.11.2025)", "November 20, 2025", "20 ноября 2025 года, 19:40", "Kupiansk had a population of around 55,000 people."}
	for b.Loop() {
		for _, l := range lines {
			parseDateLine(l)
		}
	}
}

// BenchmarkWalkText is `parallax bench read testdata/text`: file I/O, format
// sniffing, reading and finishing, as a user runs it.
func BenchmarkWalkText(b *testing.B) {
	dir := filepath.Join("testdata", "text")
	var n int64
	_ = filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	DetectLanguage("warm up the language models")
	b.SetBytes(n)
	for b.Loop() {
		Walk(context.Background(), []string{dir}, Options{}, func(it Item) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		})
	}
}
