package store

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, sqlite, postgres string }{
		{"SELECT 1", "SELECT 1", "SELECT 1"},
		{"a = ? AND b IN (?, ?)", "a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"},
		// Quoted text is not a placeholder, nor is a doubled quote an end.
		{`x LIKE ? ESCAPE '\' AND y = '?''?' AND "c?" = ?`, `x LIKE ? ESCAPE '\' AND y = '?''?' AND "c?" = ?`,
			`x LIKE $1 ESCAPE '\' AND y = '?''?' AND "c?" = $2`},
	}
	for _, tt := range tests {
		if got := sqliteDialect.rebind(tt.in); got != tt.sqlite {
			t.Errorf("sqlite rebind(%q) = %q, want %q", tt.in, got, tt.sqlite)
		}
		for range 2 { // the second answer comes from the cache
			if got := postgresDialect.rebind(tt.in); got != tt.postgres {
				t.Errorf("postgres rebind(%q) = %q, want %q", tt.in, got, tt.postgres)
			}
		}
	}
}

// TestOpenPicksEngine: URLs go to PostgreSQL (here a port nobody listens
// on), whose errors never show the password; anything else is a file.
func TestOpenPicksEngine(t *testing.T) {
	for _, dsn := range []string{
		"postgres://u:s3cret-pw@127.0.0.1:1/db?connect_timeout=2",
		"PostgreSQL://u:s3cret-pw@127.0.0.1:1/db?connect_timeout=2",
	} {
		st, err := Open(dsn)
		if err == nil {
			st.Close()
			t.Fatalf("Open(%q) succeeded with no server", dsn)
		}
		if st != nil {
			t.Errorf("Open(%q) failed but returned a non-nil Store", dsn)
		}
		if strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "127.0.0.1") {
			t.Errorf("Open(%q) error %q: want the server named, the password not", dsn, err)
		}
		if !Exists(dsn) {
			t.Errorf("Exists(%q) = false; a server is asked, not the file system", dsn)
		}
	}
	path := t.TempDir() + "/postgres:/x.db" // a file path that merely mentions postgres
	if Exists(path) {
		t.Errorf("Exists(%q) before creating it", path)
	}
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Location() == "" || !strings.HasSuffix(st.Location(), "x.db") || !Exists(path) {
		t.Errorf("Location %q, Exists %v: want the SQLite file, created", st.Location(), Exists(path))
	}
	if _, err := st.EventIndex(t.Context()); !errors.Is(err, ErrNotFound) {
		t.Errorf("new store's event index: %v", err)
	}
}

func TestLocationHidesPassword(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		dsn := eng.newDSN(t)
		s := openDSN(t, dsn)
		loc := s.Location()
		if loc == "" {
			t.Fatal("empty Location")
		}
		if u, err := url.Parse(dsn); err == nil && isPostgres(dsn) {
			if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(loc, ":"+pw+"@") {
				t.Errorf("Location %q shows the password", loc)
			}
		}
	})
}
