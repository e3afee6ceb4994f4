package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/store"
)

// TestReanalyse: analyses made by an older Parallax (here: none, then a
// stale one) are re-made from the stored reports alone, and the events
// index is rebuilt so that events needs no on-the-fly grouping.
func TestReanalyse(t *testing.T) {
	c := newStoreCLI(t)
	if code, _, errs := c.run("reanalyse"); code != 1 || !strings.Contains(errs, "no database") {
		t.Fatalf("reanalyse without a store: exit %d, stderr %q", code, errs)
	}
	dir, names := copyIngestFixtures(t, "ingest")
	if code, out, errs := c.run("ingest", "--no-analysis", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	st, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Articles(context.Background(), store.Filter{})
	if err != nil || len(list) != len(names) {
		t.Fatalf("stored %d reports (%v), want %d", len(list), err, len(names))
	}
	// A stale analysis: what an older resolver might have left.
	stale := list[0].ID
	if err := st.PutAnalysis(context.Background(), &domain.Analysis{ArticleID: stale}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errs := c.run("reanalyse")
	if code != 0 {
		t.Fatalf("reanalyse: exit %d, stderr %q", code, errs)
	}
	if want := fmt.Sprintf("reanalysed %d reports; events index rebuilt: ", len(names)); !strings.HasPrefix(out, want) {
		t.Fatalf("reanalyse summary %q, want %q...", out, want)
	}
	_, out, _ = c.run("show", "--format", "json", stale)
	var shown struct {
		Analysis *domain.Analysis `json:"analysis"`
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("show --format json: %v\n%s", err, out)
	}
	if shown.Analysis == nil || len(shown.Analysis.Mentions) == 0 {
		t.Fatalf("the stale analysis of %s was not re-made:\n%s", stale, out)
	}
	if code, _, errs := c.run("events"); code != 0 || errs != "" {
		t.Fatalf("events after reanalyse: exit %d, stderr %q (the rebuilt index should be saved)", code, errs)
	}
	if code, _, errs := c.run("reanalyse", "extra"); code != 1 || !strings.Contains(errs, "unexpected argument") {
		t.Fatalf("reanalyse extra: exit %d, stderr %q", code, errs)
	}
}
