package store

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"
)

// TestEventIndexSaveLoad: the saved index comes back as saved, assignments
// accumulate across saves, unindexed articles are listed in Each's order,
// and a failing save leaves the previous index and assignments whole.
func TestEventIndexSaveLoad(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		dsn := eng.newDSN(t)
		s, err := open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		a := article("A", "Site A", "2025-03-04", fixture(t, "wire-a.txt"))
		b := article("B", "Site B", "2025-03-03", fixture(t, "other.txt"))
		c := article("C", "Site C", "2025-03-05", fixture(t, "wire-ru-a.txt"))
		mustPut(t, s, a)
		mustPut(t, s, b)

		if _, err := s.EventIndex(ctx); !errors.Is(err, ErrNotFound) {
			t.Fatalf("EventIndex on a new store: %v, want ErrNotFound", err)
		}
		if _, err := s.EventIndexInfo(ctx); !errors.Is(err, ErrNotFound) {
			t.Fatalf("EventIndexInfo on a new store: %v, want ErrNotFound", err)
		}
		if got, _ := s.UnindexedArticles(ctx); !reflect.DeepEqual(got, []string{b.ID, a.ID}) {
			t.Fatalf("unindexed before any save: %v, want [B A] by date: %v", got, []string{b.ID, a.ID})
		}

		steps := []struct {
			name       string
			put        []string // articles to store before saving (by title)
			blob       []byte
			assign     map[string]string
			failAt     string
			wantErr    bool
			wantBlob   []byte
			wantEvents map[string]string // article → event after the step
			wantCount  int
			unindexed  []string
		}{
			{name: "first save", blob: []byte("index-1"), assign: map[string]string{a.ID: "ev-a", b.ID: "ev-b"},
				wantBlob: []byte("index-1"), wantEvents: map[string]string{a.ID: "ev-a", b.ID: "ev-b"}, wantCount: 2},
			{name: "an empty blob is refused; a new article stays unindexed", put: []string{"C"}, blob: nil, wantErr: true,
				wantBlob: []byte("index-1"), wantEvents: map[string]string{a.ID: "ev-a", b.ID: "ev-b"}, wantCount: 2, unindexed: []string{c.ID}},
			{name: "failing save changes nothing", blob: []byte("index-2"), assign: map[string]string{c.ID: "ev-a"}, failAt: "assignments-saved", wantErr: true,
				wantBlob: []byte("index-1"), wantEvents: map[string]string{a.ID: "ev-a", b.ID: "ev-b"}, wantCount: 2, unindexed: []string{c.ID}},
			{name: "assigning an unstored article fails whole", blob: []byte("index-2"), assign: map[string]string{c.ID: "ev-a", "nope": "ev-x"}, wantErr: true,
				wantBlob: []byte("index-1"), wantEvents: map[string]string{a.ID: "ev-a", b.ID: "ev-b"}, wantCount: 2, unindexed: []string{c.ID}},
			{name: "second save adds to the assignments", blob: []byte("index-2"), assign: map[string]string{c.ID: "ev-a"},
				wantBlob: []byte("index-2"), wantEvents: map[string]string{a.ID: "ev-a", b.ID: "ev-b", c.ID: "ev-a"}, wantCount: 3},
		}
		for _, st := range steps {
			for _, title := range st.put {
				if title == "C" {
					mustPut(t, s, c)
				}
			}
			s.failAt = nil
			if st.failAt != "" {
				step := st.failAt
				s.failAt = func(at string) error {
					if at == step {
						return errors.New("injected failure")
					}
					return nil
				}
			}
			err := s.SaveEventIndex(ctx, st.blob, 1, st.assign)
			s.failAt = nil
			if (err != nil) != st.wantErr {
				t.Fatalf("%s: SaveEventIndex error %v, want error %v", st.name, err, st.wantErr)
			}
			if got, err := s.EventIndex(ctx); err != nil || !bytes.Equal(got, st.wantBlob) {
				t.Errorf("%s: EventIndex = %q, %v; want %q", st.name, got, err, st.wantBlob)
			}
			for id, want := range st.wantEvents {
				if got, err := s.EventOf(ctx, id); err != nil || got != want {
					t.Errorf("%s: EventOf(%s) = %q, %v; want %q", st.name, id, got, err, want)
				}
			}
			if info, err := s.EventIndexInfo(ctx); err != nil || info.Articles != st.wantCount || info.Format != 1 || info.SavedAt.IsZero() {
				t.Errorf("%s: EventIndexInfo = %+v, %v; want %d articles, format 1", st.name, info, err, st.wantCount)
			}
			if got, err := s.UnindexedArticles(ctx); err != nil || !reflect.DeepEqual(got, st.unindexed) {
				t.Errorf("%s: unindexed %v, %v; want %v", st.name, got, err, st.unindexed)
			}
		}
		if _, err := s.EventOf(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("EventOf an unknown article: %v, want ErrNotFound", err)
		}
		// The saved index outlives the process.
		s.Close()
		s2, err := open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		if got, err := s2.EventIndex(ctx); err != nil || string(got) != "index-2" {
			t.Errorf("after reopening: EventIndex = %q, %v", got, err)
		}
	})
}
