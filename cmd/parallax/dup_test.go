package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// The same report twice: a bare scrape (body only) and a JSON Lines record
// with headline, date and URL. Written for this test, in no outlet's words.
var dupParas = []string{
	"Regional officials in Kharkiv said on Tuesday that a drone had damaged a rail depot on the southern edge of the city overnight, cutting power to two suburban lines.",
	"The regional governor said repair crews expected to restore the lines by the evening, and that no one had been hurt in the attack on the depot.",
	"Russia's Defence Ministry said its forces had struck military infrastructure in the region, without naming the depot or giving further details.",
}

const (
	dupTitle = "Drone damages Kharkiv rail depot, officials say"
	dupURL   = "https://news.example.org/2025/11/18/kharkiv-depot"
	dupDate  = "2025-11-18"
)

// showArticle is what `show --format json` prints.
type showArticle struct {
	Article  domain.Article   `json:"article"`
	Analysis *domain.Analysis `json:"analysis"`
}

func TestIngestDuplicateFillsMetadata(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "depot.txt")
	if err := os.WriteFile(txt, []byte(strings.Join(dupParas, "\n\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec, err := json.Marshal(map[string]string{
		"title": dupTitle, "maintext": strings.Join(dupParas, "\n\n"),
		"date_publish": dupDate, "url": dupURL, "language": "en",
	})
	if err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "depot.jsonl")
	if err := os.WriteFile(jsonl, append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		steps [][]string // ingest arguments, in order
		// summaries are the exact summary lines of the steps.
		summaries []string
	}{
		{
			name:  "bare txt first, then the jsonl record",
			steps: [][]string{{txt}, {jsonl}},
			summaries: []string{
				"read 1, stored 1, duplicates 0, near-duplicates 0, skipped 0\n",
				"read 1, stored 0, duplicates 1, near-duplicates 0, skipped 0\n",
			},
		},
		{
			name:  "jsonl record first, then the bare txt",
			steps: [][]string{{jsonl}, {txt}},
			summaries: []string{
				"read 1, stored 1, duplicates 0, near-duplicates 0, skipped 0\n",
				"read 1, stored 0, duplicates 1, near-duplicates 0, skipped 0\n",
			},
		},
		{
			name:  "refresh with the bare txt keeps what the jsonl gave",
			steps: [][]string{{jsonl}, {"--refresh", txt}},
			summaries: []string{
				"read 1, stored 1, duplicates 0, near-duplicates 0, skipped 0\n",
				"read 1, stored 0, duplicates 1, near-duplicates 0, skipped 0, refreshed 1\n",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newStoreCLI(t)
			for i, args := range tt.steps {
				code, out, errs := c.run(append([]string{"ingest"}, args...)...)
				if code != 0 || out != tt.summaries[i] {
					t.Fatalf("ingest %v: exit %d, summary %q, want %q\n%s", args, code, out, tt.summaries[i], errs)
				}
			}
			list := lsJSON(t, c)
			if len(list) != 1 {
				t.Fatalf("%d stored reports, want 1", len(list))
			}
			code, out, errs := c.run("show", "--format", "json", list[0].ID)
			if code != 0 {
				t.Fatalf("show: exit %d, stderr %q", code, errs)
			}
			var got showArticle
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("show --format json: %v\n%s", err, out)
			}
			a := got.Article
			if a.Title != dupTitle || a.URL != dupURL || a.Published == nil || a.Published.String() != dupDate {
				t.Errorf("stored title %q, url %q, published %v; want %q, %q, %s", a.Title, a.URL, a.Published, dupTitle, dupURL, dupDate)
			}
			if a.Text() != strings.Join(dupParas, "\n\n") {
				t.Errorf("stored body %q", a.Text())
			}
			// The headline was analysed too, whichever copy brought it.
			if got.Analysis == nil {
				t.Fatal("no stored analysis")
			}
			inTitle := 0
			for _, m := range got.Analysis.Mentions {
				if m.Field == "title" {
					inTitle++
					if m.Start < 0 || m.Start > m.End || m.End > len(a.Title) || a.Title[m.Start:m.End] != m.Surface {
						t.Errorf("title mention %q at %d:%d does not point into the title %q", m.Surface, m.Start, m.End, a.Title)
					}
				}
			}
			if inTitle == 0 {
				t.Errorf("no mention in the headline %q: the analysis was not redone with it", a.Title)
			}
		})
	}
}
