package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// postgresEnv names the environment variable holding the PostgreSQL
// server the suite also runs against (a postgres:// URL whose user may
// create schemas). .ci/run sets it up.
const postgresEnv = "PARALLAX_TEST_POSTGRES"

// engine is one database engine the store suite runs against.
type engine struct {
	name string
	d    *dialect
	// newDSN returns where a fresh, empty store for t lives; it is removed
	// when t ends.
	newDSN func(t testing.TB) string
}

var engines = []engine{
	{name: "sqlite", d: sqliteDialect, newDSN: func(t testing.TB) string {
		return filepath.Join(t.TempDir(), "sub", "dir", "parallax.db")
	}},
	{name: "postgres", d: postgresDialect, newDSN: newPostgresSchema},
}

// forEachEngine runs fn as a subtest per engine.
func forEachEngine(t *testing.T, fn func(t *testing.T, eng engine)) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) { fn(t, eng) })
	}
}

// openTemp opens a fresh store, closed when t ends.
func (eng engine) openTemp(t testing.TB) *DB {
	t.Helper()
	return openDSN(t, eng.newDSN(t))
}

// openDSN opens the store at dsn, closed when t ends.
func openDSN(t testing.TB, dsn string) *DB {
	t.Helper()
	s, err := open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var pgAdmin struct {
	once sync.Once
	db   *sql.DB
	base *url.URL
	err  error
}

// newPostgresSchema creates a schema of its own for t on the server named
// by PARALLAX_TEST_POSTGRES, returns a URL whose search_path is that
// schema, and drops the schema when t ends. Without the variable the
// test is skipped.
func newPostgresSchema(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Skipf("PostgreSQL not tested: set %s to a postgres:// URL (.ci/run does) to run the store suite against it", postgresEnv)
	}
	pgAdmin.once.Do(func() {
		if !isPostgres(dsn) {
			pgAdmin.err = errors.New("not a postgres:// URL")
			return
		}
		pgAdmin.base, pgAdmin.err = url.Parse(dsn)
		if pgAdmin.err == nil {
			pgAdmin.db, pgAdmin.err = sql.Open("pgx", dsn)
		}
	})
	if pgAdmin.err != nil {
		t.Fatalf("%s: %v", postgresEnv, pgAdmin.err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// The name is made here from hex digits, never from input.
	if _, err := pgAdmin.db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("%s: create schema: %v", postgresEnv, err)
	}
	t.Cleanup(func() {
		if _, err := pgAdmin.db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u := *pgAdmin.base
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
