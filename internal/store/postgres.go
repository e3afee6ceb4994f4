package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// isPostgres says whether dsn names a PostgreSQL database rather than a
// SQLite file.
func isPostgres(dsn string) bool {
	l := strings.ToLower(strings.TrimSpace(dsn))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// pgConnectTimeout (seconds) bounds each connection attempt when the URL
// sets no connect_timeout, so a wrong host fails instead of hanging.
const pgConnectTimeout = "15"

// OpenPostgres opens the PostgreSQL database named by a postgres:// URL
// (user, password, host, port, database; search_path and other settings
// as query parameters) and brings its schema up to date. Several machines
// can share it: every write is one transaction holding an advisory lock.
func OpenPostgres(dsn string) (*DB, error) {
	u, err := url.Parse(strings.TrimSpace(dsn))
	if err != nil {
		// The parse error would quote the URL, password and all.
		return nil, fmt.Errorf("store: not a valid postgres:// URL")
	}
	where := u.Redacted()
	if q := u.Query(); !q.Has("connect_timeout") {
		q.Set("connect_timeout", pgConnectTimeout)
		u.RawQuery = q.Encode()
	}
	db, err := sql.Open(postgresDialect.driver, u.String())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", where, err)
	}
	s := &DB{db: sqlDB{db, postgresDialect}, d: postgresDialect, location: where, now: time.Now}
	if err := db.PingContext(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: cannot connect: %w", where, err)
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", where, err)
	}
	return s, nil
}
