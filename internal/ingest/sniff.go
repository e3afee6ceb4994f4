package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format names an input format.
type Format string

// Input formats.
const (
	FormatText   Format = "text"
	FormatHTML   Format = "html"
	FormatFeed   Format = "feed"
	FormatJSONL  Format = "jsonl"
	FormatBinary Format = "binary"
	// FormatTable is a CSV or TSV file: a dataset, not a report; it is
	// skipped rather than read as one huge text.
	FormatTable Format = "table"
)

// Sniff decides an input's format from its name, its bytes and the HTTP
// Content-Type (any may be empty). Content wins over names: a .txt file
// holding HTML is read as HTML.
func Sniff(name string, data []byte, contentType string) Format {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if looksBinary(head) {
		return FormatBinary
	}
	trimmed := bytes.TrimLeft(stripBOM(head), " \t\r\n")
	lower := bytes.ToLower(trimmed)
	ct := strings.ToLower(contentType)
	switch {
	case tgExportShape(trimmed):
		// Before the HTML test: a post may quote "<body>".
		return FormatJSONL
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return FormatFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return FormatHTML
		}
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		return FormatFeed
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) || strings.Contains(ct, "html"):
		return FormatHTML
	case bytes.HasPrefix(trimmed, []byte("[")) && isJSONName(name, ct):
		return FormatJSONL
	case isTableName(name):
		return FormatTable
	case bytes.HasPrefix(trimmed, []byte("{")):
		ext := strings.ToLower(filepath.Ext(name))
		if ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || strings.Contains(ct, "json") || bytes.Contains(trimmed, []byte("\"title\"")) {
			return FormatJSONL
		}
	}
	return FormatText
}

func stripBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// looksBinary reports NUL bytes or mostly control characters. UTF-16 text
// has NULs too, so a UTF-16 byte-order mark exempts it.
func looksBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return len(b) > 0 && ctrl*10 > len(b) && !utf8.Valid(b)
}

func isJSONName(name, ct string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || strings.Contains(ct, "json")
}

func isTableName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".csv" || ext == ".tsv"
}
