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

// TestUserOutlets checks that a user registry passed in Options names
// outlets the embedded one does not know.
func TestUserOutlets(t *testing.T) {
	user, err := LoadOutlets(strings.NewReader(`outlets:
  - id: harbour-gazette
    name: Harbour Gazette
    domains: [harbourgazette.example]
    country: NZ
`))
	if err != nil {
		t.Fatal(err)
	}
	report := "Harbour talks stall\n\nThe harbour board said on Monday that talks had stalled.\n\nOriginal url:\nhttps://harbourgazette.example/2025/talks\n"
	for _, tt := range []struct {
		name string
		reg  *Outlets
		want string
	}{
		{"embedded registry", nil, ""},
		{"user registry merged", DefaultOutlets().Merge(user), "Harbour Gazette"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items := ReadBytes(context.Background(), "r.txt", []byte(report), "", Options{Outlets: tt.reg})
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("got %+v", items)
			}
			got := ""
			if o := items[0].Article.Outlet; o != nil {
				got = o.Name
			}
			if got != tt.want {
				t.Fatalf("outlet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSkipNameSourceFiles(t *testing.T) {
	for name, want := range map[string]bool{"examples.go": true, "report.txt": false, "page.html": false, ".hidden": true, "x.db-wal": true} {
		if got := skipName(name); got != want {
			t.Errorf("skipName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadJSONArrayAndTables(t *testing.T) {
	ctx := context.Background()
	array := `[
 {"title": "Dam repairs begin", "text": "Engineers began repairing the dam on Monday, the regional administration said.", "date": "2025-03-03T09:00:00Z"},
 "not an object",
 {"title": "Ferry resumes", "text": "The river ferry resumed service after a week, operators said.", "date": "2025-03-04T10:00:00Z"}
]`
	items := ReadBytes(ctx, "dump.json", []byte(array), "", Options{})
	var titles, errs []string
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
			continue
		}
		titles = append(titles, it.Article.Title)
	}
	if strings.Join(titles, "|") != "Dam repairs begin|Ferry resumes" || len(errs) != 1 || !strings.Contains(errs[0], "entry 2") {
		t.Errorf("JSON array: titles %q, errors %q", titles, errs)
	}

	items = ReadBytes(ctx, "headlines.csv", []byte("id,title\n1,Dam repairs begin\n"), "", Options{})
	if len(items) != 1 || SkipReason(items[0].Err) != SkipTable {
		t.Errorf("CSV: got %+v, want one skip with reason %q", items, SkipTable)
	}
}
