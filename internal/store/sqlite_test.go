package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// article builds an article the way ingest does: the ID hashes the body.
func article(title, outlet, published string, body string) *domain.Article {
	a := &domain.Article{Title: title, Format: "text", Source: title + ".txt", Language: "en"}
	var paras []domain.Paragraph
	for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
		paras = append(paras, domain.Paragraph{Text: strings.TrimSpace(p), SourceOffset: -1})
	}
	a.SetBody(paras)
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(a.Text()), " "))))
	a.ID = hex.EncodeToString(sum[:8])
	if outlet != "" {
		a.Outlet = &domain.Outlet{ID: strings.ToLower(outlet), Name: outlet}
	}
	if published != "" {
		prec := domain.PrecisionDate
		layout := "2006-01-02"
		if len(published) > 10 {
			prec, layout = domain.PrecisionMinute, time.RFC3339
		}
		tm, err := time.Parse(layout, published)
		if err != nil {
			panic(err)
		}
		a.Published = &domain.Timestamp{Time: tm, Precision: prec}
	}
	return a
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// counts returns the number of rows in every table a put or an analysis
// writes, to show that a failed write left nothing behind.
func counts(t *testing.T, s *DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"articles", "analyses", "mentions", "minhash", "lsh_bands"} {
		var n int
		// Table names come from the fixed list above, never from input.
		if err := s.db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func mustPut(t *testing.T, s *DB, a *domain.Article) PutResult {
	t.Helper()
	res, err := s.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("put %s: %v", a.Title, err)
	}
	return res
}

func TestPutArticleDuplicate(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		s := eng.openTemp(t)
		a := article("Substation hit", "Wire", "2025-03-04", fixture(t, "wire-a.txt"))
		if res := mustPut(t, s, a); !res.Stored || res.Duplicate {
			t.Fatalf("first put = %+v, want stored", res)
		}
		// The same story read again from another file: same ID.
		again := article("Substation hit (re-scrape)", "Wire", "2025-03-04", fixture(t, "wire-a.txt"))
		res := mustPut(t, s, again)
		if res.Stored || !res.Duplicate {
			t.Fatalf("second put = %+v, want duplicate", res)
		}
		list, err := s.Articles(context.Background(), Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Title != "Substation hit" {
			t.Fatalf("listing = %+v, want the first article once", list)
		}
	})
}

func TestNearDuplicates(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		tests := []struct {
			name          string
			first, second string
			wantLinked    bool
		}{
			{"wire story on a second site", "wire-a.txt", "wire-b.txt", true},
			{"same in Russian, other quote marks", "wire-ru-a.txt", "wire-ru-b.txt", true},
			{"shared lead paragraph, different story", "wire-a.txt", "echo.txt", false},
			{"same region, other story", "wire-a.txt", "other.txt", false},
			{"translation is not a near-duplicate", "wire-a.txt", "wire-ru-a.txt", false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := eng.openTemp(t)
				a := article("first", "Site A", "2025-03-04", fixture(t, tt.first))
				b := article("second", "Site B", "2025-03-04", fixture(t, tt.second))
				mustPut(t, s, a)
				res := mustPut(t, s, b)
				if !res.Stored {
					t.Fatalf("near-duplicate must be stored, got %+v", res)
				}
				linked := res.NearDuplicateOf == a.ID
				if linked != tt.wantLinked {
					t.Fatalf("linked = %v (result %+v), want %v", linked, res, tt.wantLinked)
				}
				if res.NearDuplicateOf != "" && res.NearDuplicateOf != a.ID {
					t.Fatalf("linked to %s, which is not the stored article %s", res.NearDuplicateOf, a.ID)
				}
				if b.NearDuplicateOf != res.NearDuplicateOf {
					t.Errorf("article's NearDuplicateOf = %q, result says %q", b.NearDuplicateOf, res.NearDuplicateOf)
				}
				got, err := s.Article(context.Background(), b.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.NearDuplicateOf != res.NearDuplicateOf {
					t.Errorf("stored NearDuplicateOf = %q, want %q", got.NearDuplicateOf, res.NearDuplicateOf)
				}
				reps, err := s.Repeats(context.Background(), a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if linked != (len(reps) == 1 && reps[0].ID == b.ID && reps[0].Outlet == "Site B") {
					t.Errorf("Repeats(first) = %+v; linked = %v", reps, linked)
				}
				list, err := s.Articles(context.Background(), Filter{})
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != 2 {
					t.Fatalf("%d articles stored, want 2", len(list))
				}
				for _, sm := range list {
					want := ""
					if sm.ID == b.ID {
						want = res.NearDuplicateOf
					}
					if sm.NearDuplicateOf != want {
						t.Errorf("summary %s NearDuplicateOf = %q, want %q", sm.Title, sm.NearDuplicateOf, want)
					}
				}
			})
		}
	})
}

func TestPutFailureLeavesStoreUnchanged(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		boom := errors.New("injected failure")
		tests := []struct {
			name   string
			ctx    context.Context
			failAt string
			edit   func(a *domain.Article)
		}{
			{name: "fails after the article row", ctx: context.Background(), failAt: "article"},
			{name: "fails after the signature rows", ctx: context.Background(), failAt: "signature"},
			{name: "cancelled context", ctx: cancelled},
			{name: "no ID", ctx: context.Background(), edit: func(a *domain.Article) { a.ID = "" }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := eng.openTemp(t)
				mustPut(t, s, article("kept", "Site A", "2025-03-04", fixture(t, "wire-a.txt")))
				before := counts(t, s)
				if tt.failAt != "" {
					s.failAt = func(step string) error {
						if step == tt.failAt {
							return boom
						}
						return nil
					}
				}
				b := article("failing", "Site B", "2025-03-05", fixture(t, "wire-b.txt"))
				if tt.edit != nil {
					tt.edit(b)
				}
				res, err := s.PutArticle(tt.ctx, b)
				if err == nil {
					t.Fatalf("put succeeded (%+v), want an error", res)
				}
				if b.NearDuplicateOf != "" {
					t.Errorf("failed put set NearDuplicateOf = %q on the article", b.NearDuplicateOf)
				}
				if after := counts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Fatalf("rows after failed put = %v, before = %v", after, before)
				}
				// The store still works and the article can be put afterwards.
				s.failAt = nil
				b = article("failing", "Site B", "2025-03-05", fixture(t, "wire-b.txt"))
				if res := mustPut(t, s, b); !res.Stored {
					t.Fatalf("retry = %+v, want stored", res)
				}
			})
		}
	})
}

func TestPutAnalysis(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		s := eng.openTemp(t)
		a, b := putTwo(t, s)
		zap := domain.Mention{Field: "body", Surface: "Zaporizhzhia", Kind: domain.KindPlace, EntityID: "geonames:687699", Status: domain.StatusResolved}
		unresolved := domain.Mention{Field: "body", Surface: "Nowhereville", Kind: domain.KindPlace, Status: domain.StatusUnresolved}
		anA := &domain.Analysis{ArticleID: a.ID, Mentions: []domain.Mention{zap, zap, unresolved},
			Claims: []domain.Claim{{ID: a.ID + "-c1", Actors: []domain.Ref{{EntityID: "actor:governor", Name: "governor"}}}}}
		anB := &domain.Analysis{ArticleID: b.ID, Mentions: []domain.Mention{zap}}
		for _, an := range []*domain.Analysis{anA, anB} {
			if err := s.PutAnalysis(ctx, an); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Mentions) != 3 || len(got.Claims) != 1 {
			t.Fatalf("analysis read back = %+v", got)
		}

		mentioning := func(id string) string {
			t.Helper()
			ids, err := s.ArticlesMentioning(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Join(ids, ",")
		}
		tests := []struct{ entity, want string }{
			{"geonames:687699", a.ID + "," + b.ID}, // newest first
			{"actor:governor", a.ID},               // named only in a claim
			{"geonames:0", ""},
			{"", ""}, // unresolved mentions are not indexed
		}
		for _, tt := range tests {
			if got := mentioning(tt.entity); got != tt.want {
				t.Errorf("ArticlesMentioning(%q) = %q, want %q", tt.entity, got, tt.want)
			}
		}

		// Replacing the analysis rewrites the index.
		if err := s.PutAnalysis(ctx, &domain.Analysis{ArticleID: a.ID}); err != nil {
			t.Fatal(err)
		}
		if got := mentioning("geonames:687699"); got != b.ID {
			t.Errorf("after replacing a's analysis, mentioning = %q, want %q", got, b.ID)
		}

		// A failing rewrite leaves the previous analysis and index rows.
		before := counts(t, s)
		s.failAt = func(step string) error {
			if step == "mentions-deleted" {
				return errors.New("injected failure")
			}
			return nil
		}
		if err := s.PutAnalysis(ctx, &domain.Analysis{ArticleID: b.ID}); err == nil {
			t.Fatal("PutAnalysis with injected failure succeeded")
		}
		s.failAt = nil
		if after := counts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("rows after failed analysis = %v, before = %v", after, before)
		}
		if got := mentioning("geonames:687699"); got != b.ID {
			t.Errorf("after failed rewrite, mentioning = %q, want %q", got, b.ID)
		}

		if err := s.PutAnalysis(ctx, &domain.Analysis{ArticleID: "0000000000000000"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("analysis of unknown article: err = %v, want ErrNotFound", err)
		}
		if _, err := s.Analysis(ctx, "0000000000000000"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Analysis(unknown): err = %v, want ErrNotFound", err)
		}
	})
}

func TestMigrationsOnceAcrossReopen(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		dsn := eng.newDSN(t)
		ms, err := loadMigrations(eng.d)
		if err != nil {
			t.Fatal(err)
		}
		a := article("kept", "Site A", "2025-03-04", fixture(t, "wire-a.txt"))
		for i := 0; i < 3; i++ {
			s, err := open(dsn)
			if err != nil {
				t.Fatalf("open #%d: %v", i+1, err)
			}
			if i == 0 {
				mustPut(t, s, a)
			}
			var rows, maxV int
			if err := s.db.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_version`).Scan(&rows, &maxV); err != nil {
				t.Fatal(err)
			}
			if rows != len(ms) || maxV != ms[len(ms)-1].version {
				t.Fatalf("open #%d: %d schema_version rows up to %d, want %d up to %d", i+1, rows, maxV, len(ms), ms[len(ms)-1].version)
			}
			if _, err := s.Article(context.Background(), a.ID); err != nil {
				t.Fatalf("open #%d: stored article lost: %v", i+1, err)
			}
			if eng.d == sqliteDialect {
				var mode string
				if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
					t.Errorf("journal_mode = %q (%v), want wal", mode, err)
				}
			}
			s.Close()
		}

		// A database written by a newer parallax is refused, not damaged.
		s, err := open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future.sql', 'x')`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if _, err := open(dsn); err == nil || !strings.Contains(err.Error(), "newer") {
			t.Fatalf("opening a newer schema: err = %v, want a 'newer' error", err)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"", dir, notDB} {
		s, err := OpenSQLite(path)
		if err == nil {
			s.Close()
			t.Errorf("OpenSQLite(%q) succeeded, want an error", path)
		}
	}
}

func TestArticleByPrefix(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		s := eng.openTemp(t)
		// IDs chosen to share prefixes.
		for _, id := range []string{"abc1230000000000", "abc4560000000000", "def0000000000000"} {
			a := article(id, "Site", "2025-03-04", fixture(t, "other.txt")+"\n\n"+id)
			a.ID = id
			mustPut(t, s, a)
		}
		tests := []struct {
			query   string
			want    string
			wantErr error
		}{
			{query: "def0000000000000", want: "def0000000000000"},
			{query: "abc4", want: "abc4560000000000"},
			{query: "  d  ", want: "def0000000000000"},
			{query: "abc", wantErr: ErrAmbiguous},
			{query: "ff", wantErr: ErrNotFound},
			{query: "*", wantErr: ErrNotFound}, // glob characters match themselves
			{query: "a?c", wantErr: ErrNotFound},
			{query: "[a]", wantErr: ErrNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				a, err := s.Article(ctx, tt.query)
				if tt.wantErr != nil {
					if !errors.Is(err, tt.wantErr) {
						t.Fatalf("err = %v, want %v", err, tt.wantErr)
					}
					if tt.wantErr == ErrAmbiguous && !strings.Contains(err.Error(), "abc1230000000000") {
						t.Errorf("ambiguity error %q does not name the matches", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if a.ID != tt.want {
					t.Fatalf("got %s, want %s", a.ID, tt.want)
				}
			})
		}
		if _, err := s.Article(ctx, ""); err == nil {
			t.Error("empty ID accepted")
		}
	})
}

func TestArticlesOrderAndFilter(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		s := eng.openTemp(t)
		base := fixture(t, "other.txt")
		put := func(title, published string) {
			mustPut(t, s, article(title, "Site", published, base+"\n\nUnique closing line for "+title+" "+strings.Repeat(title+" ", 30)))
		}
		put("undated", "")
		put("march-3", "2025-03-03")
		put("march-4-evening", "2025-03-04T21:30:00+03:00") // 18:30 UTC
		put("march-4", "2025-03-04")
		put("march-5", "2025-03-05T08:00:00Z")
		day := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
		tests := []struct {
			name string
			f    Filter
			want string
		}{
			{"all, newest first, undated last", Filter{}, "march-5 march-4-evening march-4 march-3 undated"},
			{"since a date includes that day", Filter{Since: day("2025-03-04")}, "march-5 march-4-evening march-4"},
			{"until is exclusive", Filter{Until: day("2025-03-05")}, "march-4-evening march-4 march-3"},
			{"limit", Filter{Limit: 2}, "march-5 march-4-evening"},
			{"nothing in range", Filter{Since: day("2026-01-01")}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				list, err := s.Articles(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var titles []string
				for _, sm := range list {
					titles = append(titles, sm.Title)
				}
				if got := strings.Join(titles, " "); got != tt.want {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
			})
		}
		// The listing keeps the source's precision and zone.
		list, err := s.Articles(ctx, Filter{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if got := list[1].Published.String(); got != "2025-03-04T21:30:00+03:00" {
			t.Errorf("published shown as %q, want the source's zone kept", got)
		}
		if got := list[2].Published.String(); got != "2025-03-04" {
			t.Errorf("date-only published shown as %q", got)
		}
		if list[0].Outlet != "Site" || list[0].Language != "en" || list[0].StoredAt.IsZero() {
			t.Errorf("summary fields missing: %+v", list[0])
		}
	})
}

func TestEach(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		s := eng.openTemp(t)
		a, _ := putTwo(t, s)
		if err := s.PutAnalysis(ctx, &domain.Analysis{ArticleID: a.ID, Markers: []domain.Marker{{Surface: "liberated"}}}); err != nil {
			t.Fatal(err)
		}
		var seen []string
		err := s.Each(ctx, func(art *domain.Article, an *domain.Analysis) error {
			desc := art.Title
			if an != nil {
				desc += fmt.Sprintf("+%d markers", len(an.Markers))
				// Writing from inside the walk must not deadlock.
				if err := s.PutAnalysis(ctx, an); err != nil {
					return err
				}
			}
			seen = append(seen, desc)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(seen, " "); got != "b a+1 markers" {
			t.Fatalf("Each visited %q, want oldest first with analyses", got)
		}
		stop := errors.New("stop")
		n := 0
		if err := s.Each(ctx, func(*domain.Article, *domain.Analysis) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
			t.Fatalf("Each with failing fn: err = %v after %d calls, want stop after 1", err, n)
		}
	})
}

func TestConcurrentReadersWhileWriting(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		dsn := eng.newDSN(t)
		// Two handles stand for two processes sharing the file.
		w1, err := open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer w1.Close()
		w2, err := open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer w2.Close()
		base := fixture(t, "other.txt")
		const perWriter = 25
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		done := make(chan struct{})
		for wi, w := range []*DB{w1, w2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < perWriter; i++ {
					title := fmt.Sprintf("w%d-%d", wi, i)
					a := article(title, "Site", "2025-03-04", base+"\n\n"+strings.Repeat(title+" distinct words here ", 20))
					if _, err := w.PutArticle(ctx, a); err != nil {
						errs <- fmt.Errorf("writer %d: %w", wi, err)
						return
					}
				}
			}()
		}
		var readers sync.WaitGroup
		for r := 0; r < 3; r++ {
			readers.Add(1)
			go func() {
				defer readers.Done()
				for {
					select {
					case <-done:
						return
					default:
					}
					list, err := w1.Articles(ctx, Filter{Limit: 10})
					if err != nil {
						errs <- fmt.Errorf("reader: %w", err)
						return
					}
					for _, sm := range list {
						if _, err := w2.Article(ctx, sm.ID); err != nil {
							errs <- fmt.Errorf("reader: %w", err)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(done)
		readers.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		list, err := w1.Articles(ctx, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2*perWriter {
			t.Fatalf("%d articles stored, want %d", len(list), 2*perWriter)
		}
	})
}

func TestConcurrentOpenMigratesOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		dsn := eng.newDSN(t)
		ms, err := loadMigrations(eng.d)
		if err != nil {
			t.Fatal(err)
		}
		const procs = 4
		stores := make([]*DB, procs)
		errs := make([]error, procs)
		var wg sync.WaitGroup
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = open(dsn)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("open #%d: %v", i, err)
			}
			defer stores[i].Close()
		}
		var rows int
		if err := stores[0].db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows != len(ms) {
			t.Fatalf("%d schema_version rows after %d concurrent opens, want %d", rows, procs, len(ms))
		}
	})
}

func TestRefreshArticle(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		ctx := context.Background()
		tests := []struct {
			name         string
			edit         func(a *domain.Article)
			failAt       string
			wantTitle    string
			wantAnalysis bool
		}{
			{name: "better title, same text", edit: func(a *domain.Article) { a.Title = "Substation hit by drone" },
				wantTitle: "Substation hit by drone", wantAnalysis: true},
			{name: "paragraphs split differently", edit: func(a *domain.Article) {
				// Same words, hence the same ID, but other offsets.
				a.SetBody([]domain.Paragraph{{Text: strings.Join(strings.Fields(a.Text()), " ")}})
				a.Title = "one paragraph"
			}, wantTitle: "one paragraph", wantAnalysis: false},
			{name: "failure leaves the stored form", edit: func(a *domain.Article) { a.Title = "lost" },
				failAt: "refresh", wantTitle: "second", wantAnalysis: true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := eng.openTemp(t)
				first := article("first", "Site A", "2025-03-04", fixture(t, "wire-a.txt"))
				mustPut(t, s, first)
				b := article("second", "Site B", "2025-03-04", fixture(t, "wire-b.txt"))
				if res := mustPut(t, s, b); res.NearDuplicateOf != first.ID {
					t.Fatalf("setup: %+v", res)
				}
				if err := s.PutAnalysis(ctx, &domain.Analysis{ArticleID: b.ID, Mentions: []domain.Mention{{EntityID: "geonames:1", Kind: domain.KindPlace}}}); err != nil {
					t.Fatal(err)
				}
				again := article("second", "Site B", "2025-03-04", fixture(t, "wire-b.txt"))
				tt.edit(again)
				if again.ID != b.ID {
					t.Fatalf("edit changed the ID")
				}
				if tt.failAt != "" {
					s.failAt = func(step string) error {
						if step == tt.failAt {
							return errors.New("injected failure")
						}
						return nil
					}
				}
				res, err := s.RefreshArticle(ctx, again)
				if tt.failAt == "" && (err != nil || !res.Refreshed || res.Stored) {
					t.Fatalf("refresh = %+v, %v; want refreshed", res, err)
				}
				if tt.failAt != "" && err == nil {
					t.Fatal("refresh with injected failure succeeded")
				}
				got, err := s.Article(ctx, b.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Title != tt.wantTitle || got.NearDuplicateOf != first.ID {
					t.Errorf("stored title %q, link %q; want %q linked to %s", got.Title, got.NearDuplicateOf, tt.wantTitle, first.ID)
				}
				list, _ := s.Articles(ctx, Filter{})
				if len(list) != 2 {
					t.Fatalf("%d articles after refresh, want 2", len(list))
				}
				_, err = s.Analysis(ctx, b.ID)
				if hasAnalysis := err == nil; hasAnalysis != tt.wantAnalysis {
					t.Errorf("analysis kept = %v, want %v", hasAnalysis, tt.wantAnalysis)
				}
				ids, _ := s.ArticlesMentioning(ctx, "geonames:1")
				if (len(ids) == 1) != tt.wantAnalysis {
					t.Errorf("mention index = %v, want rows only with the analysis", ids)
				}
			})
		}
		// An article not stored yet is simply stored.
		s := eng.openTemp(t)
		a := article("new", "Site", "2025-03-04", fixture(t, "other.txt"))
		if res, err := s.RefreshArticle(ctx, a); err != nil || !res.Stored {
			t.Fatalf("refresh of a new article = %+v, %v", res, err)
		}
	})
}

func TestOpenOddPath(t *testing.T) {
	// The path goes into a file: URI; characters that mean something in a
	// URI must still name the file the user gave.
	path := filepath.Join(t.TempDir(), "news 50% #1 ?x&y", "Купянск.db")
	s, err := OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, article("a", "Site", "2025-03-04", fixture(t, "other.txt")))
	s.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database not at %q: %v", path, err)
	}
}

func TestSameArticleFromTwoWritersStoredOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		dsn := eng.newDSN(t)
		const writers = 4
		var wg sync.WaitGroup
		results := make([]PutResult, writers)
		errs := make([]error, writers)
		for i := 0; i < writers; i++ {
			s, err := open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			wg.Add(1)
			go func() {
				defer wg.Done()
				a := article("same", "Site", "2025-03-04", fixture(t, "wire-a.txt"))
				results[i], errs[i] = s.PutArticle(context.Background(), a)
			}()
		}
		wg.Wait()
		stored, dups := 0, 0
		for i, r := range results {
			if errs[i] != nil {
				t.Fatalf("writer %d: %v", i, errs[i])
			}
			if r.Stored {
				stored++
			}
			if r.Duplicate {
				dups++
			}
		}
		if stored != 1 || dups != writers-1 {
			t.Fatalf("%d stored, %d duplicates from %d writers; want 1 and %d", stored, dups, writers, writers-1)
		}
	})
}

// putTwo stores two unrelated reports, a newer (a) and an older (b).
func putTwo(t *testing.T, s *DB) (a, b *domain.Article) {
	t.Helper()
	a = article("a", "Site A", "2025-03-04", fixture(t, "wire-a.txt"))
	b = article("b", "Site B", "2025-03-03", fixture(t, "other.txt"))
	mustPut(t, s, a)
	mustPut(t, s, b)
	return a, b
}
