package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestSkipReason names the reasons from what the readers really say.
func TestSkipReason(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		data string
		opts Options
		want string
	}{
		{"empty", " \n\t\n", Options{}, "empty"},
		{"binary", "\x00\x01\x02PK\x03\x04\x00\x00binary", Options{}, "binary"},
		{"too large", strings.Repeat("A long report. ", 100), Options{MaxBytes: 64}, "too large"},
		{"feed without items, title with misleading words",
			`<?xml version="1.0"?><rss version="2.0"><channel><title>Empty binary cap</title><link>https://example.org/</link></channel></rss>`,
			Options{}, "empty feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := ReadBytes(ctx, "input", []byte(tt.data), "", tt.opts)
			if len(items) != 1 || !errors.Is(items[0].Err, ErrSkipped) {
				t.Fatalf("reader gave %+v, want one skipped input", items)
			}
			if got := SkipReason(items[0].Err); got != tt.want {
				t.Fatalf("SkipReason(%q) = %q, want %q", items[0].Err, got, tt.want)
			}
		})
	}
}
