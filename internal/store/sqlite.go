package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// OpenSQLite opens (creating it and its directory if needed) the SQLite
// database at path and brings its schema up to date. WAL and a busy
// timeout let several processes share the file; every write is one
// IMMEDIATE transaction.
func OpenSQLite(path string) (*DB, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("store: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("store: %s is a directory, not a database file", abs)
	}
	q := url.Values{}
	// Pragmas in the DSN run on every new connection of the pool.
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// BEGIN IMMEDIATE takes the write lock up front: two writers then wait
	// on the busy timeout instead of failing when a read lock cannot be
	// upgraded.
	q.Set("_txlock", "immediate")
	dsn := (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String()
	db, err := sql.Open(sqliteDialect.driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	s := &DB{db: sqlDB{db, sqliteDialect}, d: sqliteDialect, location: abs, now: time.Now}
	if err := connect(context.Background(), db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: not a usable SQLite database: %w", abs, err)
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", abs, err)
	}
	return s, nil
}

// connectTimeout bounds how long OpenSQLite retries a busy first
// connection; it matches the busy timeout.
const connectTimeout = 10 * time.Second

// connect opens the pool's first connection, which runs the DSN pragmas.
// Switching a new database to WAL takes an exclusive lock for which SQLite
// returns SQLITE_BUSY at once, without the busy timeout, so processes
// opening a new database together retry here for a while.
func connect(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(connectTimeout)
	for wait := time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		err := db.PingContext(ctx)
		var se interface{ Code() int }
		// The primary result code is the low byte of an extended one.
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// sqliteBusy is SQLITE_BUSY, "database is locked".
const sqliteBusy = 5
