package store

import (
	"errors"
	"io/fs"
	"os"
)

// Open opens the store dsn names: a postgres:// or postgresql:// URL is a
// PostgreSQL database, which a newsroom can share; anything else is the
// path of a SQLite file, created if missing.
func Open(dsn string) (Store, error) {
	s, err := open(dsn)
	if err != nil {
		return nil, err // not a nil *DB in a non-nil Store
	}
	return s, nil
}

func open(dsn string) (*DB, error) {
	if isPostgres(dsn) {
		return OpenPostgres(dsn)
	}
	return OpenSQLite(dsn)
}

// IsFile says whether dsn names a SQLite file (not a database server).
func IsFile(dsn string) bool { return !isPostgres(dsn) }

// Exists says whether dsn may hold a store already, for commands that only
// read and should not create one: false only for a SQLite file that is
// missing. A PostgreSQL database is taken to exist; opening it says if not.
func Exists(dsn string) bool {
	if isPostgres(dsn) {
		return true
	}
	_, err := os.Stat(dsn)
	return !errors.Is(err, fs.ErrNotExist)
}
