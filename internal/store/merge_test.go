package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// bareCopy is a report as a plain-text scrape gives it: the body, perhaps
// a headline, nothing else.
func bareCopy(t *testing.T, title string) *domain.Article {
	a := article(title, "", "", fixture(t, "wire-a.txt"))
	a.Source, a.Format = "scrape/post.txt", "text"
	return a
}

// richCopy is the same report as a JSON Lines record carries it: the same
// words in one paragraph (same ID, other offsets) with full metadata.
func richCopy(t *testing.T, title string) *domain.Article {
	a := article(title, "Wire Daily", "2025-03-04T09:30:00Z", fixture(t, "wire-a.txt"))
	a.SetBody([]domain.Paragraph{{Text: strings.Join(strings.Fields(a.Text()), " "), SourceOffset: -1}})
	a.Source, a.Format = "dump/posts.jsonl:7", "jsonl"
	a.URL, a.URLRepaired, a.URLAsFound = "https://wire.example/post", true, "https://wire.example/ post"
	a.Authors, a.Wires = []string{"Jane Roe"}, []string{"AFP"}
	upd := domain.Timestamp{Time: time.Date(2025, 3, 4, 11, 0, 0, 0, time.UTC), Precision: domain.PrecisionMinute}
	a.Updated = &upd
	return a
}

func warningsWith(a *domain.Article, code string) []domain.Warning {
	var out []domain.Warning
	for _, w := range a.Warnings {
		if w.Code == code {
			out = append(out, w)
		}
	}
	return out
}

func TestPutDuplicateFillsMissingMetadata(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		tests := []struct {
			name         string
			first, later func(t *testing.T) *domain.Article
			wantEnriched []string
			// want builds the article expected in the store from the two copies.
			want func(first, later *domain.Article) *domain.Article
		}{
			{
				name:         "bare txt first, then the jsonl record",
				first:        func(t *testing.T) *domain.Article { return bareCopy(t, "") },
				later:        func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				wantEnriched: []string{FieldTitle, FieldPublished, FieldUpdated, FieldURL, FieldOutlet, FieldAuthors, FieldWires},
				want: func(first, later *domain.Article) *domain.Article {
					w := *first // the body, source and format stay the first copy's
					w.Title, w.Published, w.Updated, w.Outlet = later.Title, later.Published, later.Updated, later.Outlet
					w.URL, w.URLRepaired, w.URLAsFound = later.URL, later.URLRepaired, later.URLAsFound
					w.Authors, w.Wires = later.Authors, later.Wires
					return &w
				},
			},
			{
				name:  "jsonl record first, then the bare txt",
				first: func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				later: func(t *testing.T) *domain.Article { return bareCopy(t, "") },
				want:  func(first, _ *domain.Article) *domain.Article { return first },
			},
			{
				name:  "both complete: the first copy's values stay",
				first: func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				later: func(t *testing.T) *domain.Article {
					a := richCopy(t, "Substation struck")
					a.Outlet = &domain.Outlet{ID: "other", Name: "Other Site"}
					a.URL = "https://other.example/x"
					a.Published.Time = a.Published.Time.Add(time.Hour)
					return a
				},
				want: func(first, _ *domain.Article) *domain.Article { return first },
			},
			{
				name: "each copy knows part: only the missing date is taken",
				first: func(t *testing.T) *domain.Article {
					a := bareCopy(t, "Substation hit")
					a.Outlet = &domain.Outlet{ID: "site-a", Name: "Site A"}
					return a
				},
				later: func(t *testing.T) *domain.Article {
					a := article("Other headline", "Site B", "2025-03-05", fixture(t, "wire-a.txt"))
					a.Source = "b.jsonl:1"
					return a
				},
				wantEnriched: []string{FieldPublished},
				want: func(first, later *domain.Article) *domain.Article {
					w := *first
					w.Published = later.Published
					return &w
				},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := eng.openTemp(t)
				first, later := tt.first(t), tt.later(t)
				if first.ID != later.ID {
					t.Fatal("setup: the two copies have different IDs")
				}
				mustPut(t, s, first)
				an := &domain.Analysis{ArticleID: first.ID, Mentions: []domain.Mention{{EntityID: "geonames:1", Kind: domain.KindPlace}}}
				if err := s.PutAnalysis(ctx, an); err != nil {
					t.Fatal(err)
				}
				before := counts(t, s)

				res := mustPut(t, s, later)
				if !res.Duplicate || res.Stored || !slices.Equal(res.Enriched, tt.wantEnriched) {
					t.Fatalf("put = %+v, want a duplicate enriching %v", res, tt.wantEnriched)
				}
				got, err := s.Article(ctx, first.ID)
				if err != nil {
					t.Fatal(err)
				}
				merged := warningsWith(got, WarnMetadataMerged)
				got.Warnings = slices.DeleteFunc(got.Warnings, func(w domain.Warning) bool { return w.Code == WarnMetadataMerged })
				if len(got.Warnings) == 0 {
					got.Warnings = nil
				}
				want := tt.want(first, later)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("stored article:\n got %+v\nwant %+v", got, want)
				}
				if got.Text() != first.Text() {
					t.Errorf("body changed to %q", got.Text())
				}
				switch {
				case len(tt.wantEnriched) == 0 && len(merged) != 0:
					t.Errorf("nothing filled, yet warnings %+v", merged)
				case len(tt.wantEnriched) > 0 && (len(merged) != 1 ||
					!strings.Contains(merged[0].Message, strings.Join(tt.wantEnriched, ", ")) ||
					!strings.Contains(merged[0].Message, later.Source) || !strings.Contains(merged[0].Message, first.Source)):
					t.Errorf("warnings %+v, want one naming %v, %s and %s", merged, tt.wantEnriched, later.Source, first.Source)
				}

				// The indexed columns follow the JSON: listing, date filter.
				list, err := s.Articles(ctx, Filter{})
				if err != nil || len(list) != 1 {
					t.Fatalf("listing = %+v, %v", list, err)
				}
				sm := list[0]
				wantOutlet := ""
				if want.Outlet != nil {
					wantOutlet = want.Outlet.Name
				}
				if sm.Title != want.Title || sm.URL != want.URL || sm.Outlet != wantOutlet ||
					(sm.Published == nil) != (want.Published == nil) ||
					sm.Published != nil && !sm.Published.Time.Equal(want.Published.Time) {
					t.Errorf("summary %+v disagrees with the stored article %+v", sm, want)
				}
				if want.Published != nil {
					dated, _ := s.Articles(ctx, Filter{Since: want.Published.Time, Until: want.Published.Time.Add(time.Minute)})
					if len(dated) != 1 {
						t.Errorf("date filter around %v finds %d articles, want 1", want.Published.Time, len(dated))
					}
				}
				// The analysis points into the unchanged body and stays.
				if after := counts(t, s); !reflect.DeepEqual(after, before) {
					t.Errorf("rows %v, want %v (no new rows, analysis kept)", after, before)
				}

				// A third copy like the second adds nothing more.
				if res := mustPut(t, s, tt.later(t)); len(res.Enriched) != 0 || !res.Duplicate {
					t.Errorf("third copy = %+v, want a plain duplicate", res)
				}
				again, _ := s.Article(ctx, first.ID)
				if n := len(warningsWith(again, WarnMetadataMerged)); n != len(merged) {
					t.Errorf("%d merge warnings after a third copy, want %d", n, len(merged))
				}
			})
		}
	})
}

func TestEnrichFailureLeavesStoreUnchanged(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		s := eng.openTemp(t)
		first := bareCopy(t, "")
		mustPut(t, s, first)
		before, _ := s.Article(ctx, first.ID)
		beforeList, _ := s.Articles(ctx, Filter{})
		beforeRows := counts(t, s)

		s.failAt = func(step string) error {
			if step == "enrich" {
				return errors.New("injected failure")
			}
			return nil
		}
		if res, err := s.PutArticle(ctx, richCopy(t, "Substation hit")); err == nil {
			t.Fatalf("put with injected failure = %+v, want an error", res)
		}
		after, _ := s.Article(ctx, first.ID)
		afterList, _ := s.Articles(ctx, Filter{})
		if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(afterList, beforeList) || !reflect.DeepEqual(counts(t, s), beforeRows) {
			t.Fatalf("failed enrichment changed the store:\n%+v\n%+v", after, afterList)
		}

		s.failAt = nil
		if res := mustPut(t, s, richCopy(t, "Substation hit")); !slices.Contains(res.Enriched, FieldURL) {
			t.Fatalf("retry = %+v, want the URL filled", res)
		}
	})
}

func TestRefreshNeverErasesMetadata(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		tests := []struct {
			name     string
			stored   func(t *testing.T) *domain.Article
			refresh  func(t *testing.T) *domain.Article
			wantKept []string
			want     func(stored, refresh *domain.Article) *domain.Article
		}{
			{
				name:     "poorer copy keeps the stored metadata, takes its own title",
				stored:   func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				refresh:  func(t *testing.T) *domain.Article { return bareCopy(t, "Substation hit by drone") },
				wantKept: []string{FieldPublished, FieldUpdated, FieldURL, FieldOutlet, FieldAuthors, FieldWires},
				want: func(stored, refresh *domain.Article) *domain.Article {
					w := *refresh
					w.Published, w.Updated, w.Outlet = stored.Published, stored.Updated, stored.Outlet
					w.URL, w.URLRepaired, w.URLAsFound = stored.URL, stored.URLRepaired, stored.URLAsFound
					w.Authors, w.Wires = stored.Authors, stored.Wires
					return &w
				},
			},
			{
				name:    "richer copy's values win",
				stored:  func(t *testing.T) *domain.Article { return bareCopy(t, "old") },
				refresh: func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				want:    func(_, refresh *domain.Article) *domain.Article { return refresh },
			},
			{
				name:   "both complete: the new reading's values win",
				stored: func(t *testing.T) *domain.Article { return richCopy(t, "Substation hit") },
				refresh: func(t *testing.T) *domain.Article {
					a := richCopy(t, "Substation struck")
					a.Outlet = &domain.Outlet{ID: "wire-daily", Name: "Wire Daily (Kyiv)"}
					a.URL, a.URLRepaired, a.URLAsFound = "https://wire.example/post-2", false, ""
					return a
				},
				want: func(_, refresh *domain.Article) *domain.Article { return refresh },
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := eng.openTemp(t)
				stored := tt.stored(t)
				mustPut(t, s, stored)
				fresh := tt.refresh(t)
				want := tt.want(stored, tt.refresh(t))
				res, err := s.RefreshArticle(ctx, fresh)
				if err != nil || !res.Refreshed || !slices.Equal(res.Kept, tt.wantKept) {
					t.Fatalf("refresh = %+v, %v; want refreshed keeping %v", res, err, tt.wantKept)
				}
				got, err := s.Article(ctx, stored.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, fresh) {
					t.Errorf("the caller's article is not what was stored:\n got %+v\nwant %+v", fresh, got)
				}
				kept := warningsWith(got, WarnMetadataKept)
				got.Warnings = slices.DeleteFunc(got.Warnings, func(w domain.Warning) bool { return w.Code == WarnMetadataKept })
				if len(got.Warnings) == 0 {
					got.Warnings = nil
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("stored article:\n got %+v\nwant %+v", got, want)
				}
				if (len(kept) == 1) != (len(tt.wantKept) > 0) || len(kept) > 1 ||
					len(kept) == 1 && !strings.Contains(kept[0].Message, strings.Join(tt.wantKept, ", ")) {
					t.Errorf("warnings %+v, want one naming %v exactly when fields were kept", kept, tt.wantKept)
				}
				list, _ := s.Articles(ctx, Filter{})
				if len(list) != 1 || list[0].URL != want.URL || list[0].Title != want.Title {
					t.Errorf("listing %+v disagrees with the stored article", list)
				}
			})
		}
	})
}
