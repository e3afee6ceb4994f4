package main

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// postgresSchema makes a schema of its own for t on the server named by
// PARALLAX_TEST_POSTGRES (see internal/store), dropped when t ends, and
// returns a --db URL pointing at it; without the variable t is skipped.
func postgresSchema(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("PARALLAX_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("PostgreSQL not tested: set PARALLAX_TEST_POSTGRES to a postgres:// URL (.ci/run does)")
	}
	db, err := sql.Open("pgx", dsn) // the driver comes with internal/store
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var b [6]byte
	rand.Read(b[:])
	schema := "test_cmd_" + hex.EncodeToString(b[:]) // hex digits only, never input
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("PARALLAX_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestPostgresLikeSQLite: the same ingest runs into a SQLite file and into
// PostgreSQL give the same listing, events and comparison.
func TestPostgresLikeSQLite(t *testing.T) {
	pg := &storeCLI{t: t, db: postgresSchema(t)}
	lite := newStoreCLI(t)
	dir, _ := copyIngestFixtures(t, "ingest")
	second := filepath.Join("testdata", "events", "bridge-second-outlet.txt")

	both := func(args ...string) string {
		t.Helper()
		var outs [2]string
		for i, c := range []*storeCLI{lite, pg} {
			code, out, errs := c.run(args...)
			if code != 0 {
				t.Fatalf("%v on %s: exit %d: %s", args, []string{"SQLite", "PostgreSQL"}[i], code, errs)
			}
			outs[i] = out
		}
		if outs[0] != outs[1] {
			t.Errorf("%v: SQLite and PostgreSQL differ:\n%s\n---\n%s", args, outs[0], outs[1])
		}
		return outs[1]
	}
	both("ingest", dir)
	both("ingest", second)

	// Listings agree but for when each store took the report in.
	var lists [2][]map[string]any
	for i, c := range []*storeCLI{lite, pg} {
		code, out, errs := c.run("ls", "--format", "json")
		if code != 0 {
			t.Fatalf("ls: exit %d: %s", code, errs)
		}
		if err := json.Unmarshal([]byte(out), &lists[i]); err != nil {
			t.Fatal(err)
		}
		for _, row := range lists[i] {
			delete(row, "stored_at")
		}
	}
	if len(lists[0]) < 5 || !reflect.DeepEqual(lists[0], lists[1]) {
		t.Errorf("ls differs:\n%v\n---\n%v", lists[0], lists[1])
	}

	var evs []domain.Event
	if err := json.Unmarshal([]byte(both("events", "--format", "json")), &evs); err != nil || len(evs) == 0 {
		t.Fatalf("events: %v, %d events", err, len(evs))
	}
	both("events")
	both("compare", evs[0].ID)
	if out := both("show", lists[1][0]["id"].(string)[:8]); !bytes.Contains([]byte(out), []byte(lists[1][0]["id"].(string))) {
		t.Errorf("show by ID prefix does not name the article:\n%s", out)
	}
}
