package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// sortKey is the layout of the published column: fixed width, UTC, so that
// comparing strings compares times.
const sortKey = "2006-01-02T15:04:05Z"

// maxCandidates bounds how many LSH candidates one put compares in full, so
// boilerplate shared by many stored articles cannot make a put linear.
const maxCandidates = 64

// The band statements are built once from the constant band count: they
// hold placeholders only, never values. One statement each instead of one
// per band keeps a put to a handful of round trips into SQLite.
var (
	// candidatesSQL lists the articles sharing a band with the new one, those
	// sharing most first; the row-value IN is answered from the primary key.
	candidatesSQL = `SELECT article_id, COUNT(*) AS shared FROM lsh_bands
		WHERE (band, hash) IN (VALUES ` + placeholders(lshBands, "(?, ?)") + `)
		GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?`
	insertBandsSQL = `INSERT OR IGNORE INTO lsh_bands (band, hash, article_id) VALUES ` +
		placeholders(lshBands, "(?, ?, ?)")
)

func placeholders(n int, group string) string {
	return strings.TrimSuffix(strings.Repeat(group+", ", n), ", ")
}

// SQLite is the embedded Store: one database file, safe for concurrent use
// by several goroutines and processes (WAL, busy timeout, every write one
// IMMEDIATE transaction).
type SQLite struct {
	db   *sql.DB
	path string
	now  func() time.Time
	// failAt makes a write fail at a named step; tests use it to check that
	// a failing write leaves nothing behind.
	failAt func(step string) error
}

var _ Store = (*SQLite)(nil)

// OpenSQLite opens (creating it and its directory if needed) the database
// at path and brings its schema up to date.
func OpenSQLite(path string) (*SQLite, error) {
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
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	s := &SQLite{db: db, path: abs, now: time.Now}
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

// Path is the database file.
func (s *SQLite) Path() string { return s.path }

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	files, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, f := range files {
		base := filepath.Base(f)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a version number and '_'", base)
		}
		b, err := migrationFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate applies, each in its own transaction, the migrations the database
// has not seen. The version check is repeated inside the transaction so two
// processes opening a new database at once apply each migration once.
func (s *SQLite) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("not a usable SQLite database: %w", err)
	}
	var have int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return err
	}
	if latest := ms[len(ms)-1].version; have > latest {
		return fmt.Errorf("schema version %d is newer than this parallax knows (%d); upgrade parallax", have, latest)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		if err := s.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *SQLite) applyMigration(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil // another process got there first
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, s.now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *SQLite) fail(step string) error {
	if s.failAt == nil {
		return nil
	}
	return s.failAt(step)
}

// PutArticle stores a in one transaction. An article whose ID is stored
// already is not stored again (Duplicate); if a carries metadata the stored
// copy lacks (a JSON Lines record of a story first read from a bare .txt),
// those fields are filled in, never replacing a value, and named in
// Enriched. Otherwise its body's MinHash signature is compared, through the
// LSH band index, with stored ones; the closest at or above
// NearDuplicateThreshold becomes a.NearDuplicateOf, and the article is
// stored either way.
func (s *SQLite) PutArticle(ctx context.Context, a *domain.Article) (PutResult, error) {
	if a == nil {
		return PutResult{}, errors.New("store: nil article")
	}
	if strings.TrimSpace(a.ID) == "" {
		return PutResult{}, errors.New("store: article has no ID")
	}
	// A re-ingest is mostly duplicates with nothing new: answer those from
	// a plain read, and hash the body before taking the write lock, not
	// while holding it. Articles are never deleted, so a duplicate seen
	// here stays one.
	stored, err := storedArticle(ctx, s.db, a.ID)
	if err != nil {
		return PutResult{}, err
	}
	if stored != nil {
		probe := *stored
		if len(fillMissing(&probe, a)) == 0 {
			return PutResult{Duplicate: true}, nil
		}
	}
	var sig signature
	hashed := stored == nil
	if hashed {
		sig = minhash(a.Text())
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return PutResult{}, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	// Again inside the transaction: another writer may have stored or
	// enriched it since.
	if stored, err = storedArticle(ctx, tx, a.ID); err != nil {
		return PutResult{}, err
	}
	if stored != nil {
		return s.enrich(ctx, tx, stored, a)
	}
	if !hashed {
		sig = minhash(a.Text())
	}

	var res PutResult
	if sig != nil {
		res.NearDuplicateOf, res.Similarity, err = nearest(ctx, tx, sig)
		if err != nil {
			return PutResult{}, fmt.Errorf("store: near-duplicate lookup: %w", err)
		}
	}

	cp := *a
	cp.NearDuplicateOf = res.NearDuplicateOf
	cols, err := articleColumns(&cp)
	if err != nil {
		return PutResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles
		(id, outlet, outlet_id, title, published, published_json, language, url, near_duplicate_of, stored_at, json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, cols.outlet, cols.outletID, a.Title, cols.published, cols.publishedJSON, a.Language, a.URL, cols.nearDup,
		s.now().UTC().Format(time.RFC3339Nano), cols.blob); err != nil {
		return PutResult{}, fmt.Errorf("store: insert article %s: %w", a.ID, err)
	}
	if err := s.fail("article"); err != nil {
		return PutResult{}, err
	}
	if sig != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO minhash (article_id, scheme, signature) VALUES (?, ?, ?)`,
			a.ID, minhashScheme, sig.encode()); err != nil {
			return PutResult{}, fmt.Errorf("store: insert signature of %s: %w", a.ID, err)
		}
		bands := sig.bands()
		args := make([]any, 0, 3*len(bands))
		for band, h := range bands {
			args = append(args, band, h, a.ID)
		}
		if _, err := tx.ExecContext(ctx, insertBandsSQL, args...); err != nil {
			return PutResult{}, fmt.Errorf("store: insert bands of %s: %w", a.ID, err)
		}
	}
	if err := s.fail("signature"); err != nil {
		return PutResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return PutResult{}, fmt.Errorf("store: commit %s: %w", a.ID, err)
	}
	res.Stored = true
	a.NearDuplicateOf = res.NearDuplicateOf
	return res, nil
}

// rowQuerier is what storedArticle needs of a *sql.DB or *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// storedArticle returns the stored article with exactly this ID, or nil.
func storedArticle(ctx context.Context, q rowQuerier, id string) (*domain.Article, error) {
	var blob []byte
	err := q.QueryRowContext(ctx, `SELECT json FROM articles WHERE id = ?`, id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var a domain.Article
	if err := json.Unmarshal(blob, &a); err != nil {
		return nil, fmt.Errorf("store: decode article %s: %w", id, err)
	}
	return &a, nil
}

// enrich fills, within tx, the metadata stored lacks from a (another copy
// of the same report), and records on the stored article which fields came
// from which copy. The body, the source and the analysis are untouched:
// the stored analysis still points into the same text.
func (s *SQLite) enrich(ctx context.Context, tx *sql.Tx, stored, a *domain.Article) (PutResult, error) {
	merged := *stored
	filled := fillMissing(&merged, a)
	if len(filled) == 0 {
		return PutResult{Duplicate: true}, nil
	}
	merged.Warnings = append(append([]domain.Warning(nil), stored.Warnings...), domain.NewWarning(WarnMetadataMerged,
		"%s taken from another copy of this report, %s; the copy stored first, %s, had none",
		strings.Join(filled, ", "), describeCopy(a), describeCopy(stored)))
	if err := updateArticle(ctx, tx, &merged); err != nil {
		return PutResult{}, err
	}
	if err := s.fail("enrich"); err != nil {
		return PutResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return PutResult{}, fmt.Errorf("store: commit %s: %w", a.ID, err)
	}
	return PutResult{Duplicate: true, Enriched: filled}, nil
}

// updateArticle rewrites a stored article's JSON and its indexed columns
// (not its ID, near-duplicate link or first-stored time) from a.
func updateArticle(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	cols, err := articleColumns(a)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET outlet = ?, outlet_id = ?, title = ?, published = ?,
		published_json = ?, language = ?, url = ?, json = ? WHERE id = ?`,
		cols.outlet, cols.outletID, a.Title, cols.published, cols.publishedJSON, a.Language, a.URL, cols.blob, a.ID); err != nil {
		return fmt.Errorf("store: update article %s: %w", a.ID, err)
	}
	return nil
}

// columns are the values of an articles row other than the ID and times.
type columns struct {
	outlet, outletID         string
	published, publishedJSON any // NULL when undated
	nearDup                  any
	blob                     []byte
}

func articleColumns(a *domain.Article) (columns, error) {
	var c columns
	blob, err := json.Marshal(a)
	if err != nil {
		return c, fmt.Errorf("store: encode article %s: %w", a.ID, err)
	}
	c.blob = blob
	if a.Outlet != nil {
		c.outlet, c.outletID = a.Outlet.Name, a.Outlet.ID
		if c.outlet == "" {
			c.outlet = a.Outlet.ID
		}
	}
	if a.Published != nil {
		c.published = a.Published.Time.UTC().Format(sortKey)
		b, err := json.Marshal(a.Published)
		if err != nil {
			return c, fmt.Errorf("store: encode date of %s: %w", a.ID, err)
		}
		c.publishedJSON = string(b)
	}
	if a.NearDuplicateOf != "" {
		c.nearDup = a.NearDuplicateOf
	}
	return c, nil
}

// RefreshArticle is PutArticle, except that an article stored already is
// replaced by a (as a newer reader parses it), keeping its near-duplicate
// link and when it was first stored. A poorer reading never erases
// metadata: a stored field a has no value for is kept (Kept, with a
// warning), and a is updated to what was stored. A stored analysis
// survives only if the body text is unchanged, since its offsets point
// into that text.
func (s *SQLite) RefreshArticle(ctx context.Context, a *domain.Article) (PutResult, error) {
	if a == nil || strings.TrimSpace(a.ID) == "" {
		return s.PutArticle(ctx, a) // the same errors
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return PutResult{}, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	var oldBlob []byte
	var nearDup sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT json, near_duplicate_of FROM articles WHERE id = ?`, a.ID).Scan(&oldBlob, &nearDup)
	if errors.Is(err, sql.ErrNoRows) {
		tx.Rollback()
		return s.PutArticle(ctx, a)
	}
	if err != nil {
		return PutResult{}, fmt.Errorf("store: %w", err)
	}
	var old domain.Article
	oldErr := json.Unmarshal(oldBlob, &old)
	textChanged := oldErr != nil || old.Text() != a.Text()
	merged := *a
	merged.NearDuplicateOf = nearDup.String
	var kept []string
	if oldErr == nil {
		if kept = fillMissing(&merged, &old); len(kept) > 0 {
			merged.Warnings = append(append([]domain.Warning(nil), a.Warnings...), domain.NewWarning(WarnMetadataKept,
				"%s kept from the stored copy of this report, %s; this reading, %s, has none",
				strings.Join(kept, ", "), describeCopy(&old), describeCopy(a)))
		}
	}
	if err := updateArticle(ctx, tx, &merged); err != nil {
		return PutResult{}, err
	}
	if textChanged {
		for _, q := range []string{`DELETE FROM mentions WHERE article_id = ?`, `DELETE FROM analyses WHERE article_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
				return PutResult{}, fmt.Errorf("store: refresh article %s: %w", a.ID, err)
			}
		}
	}
	if err := s.fail("refresh"); err != nil {
		return PutResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return PutResult{}, fmt.Errorf("store: commit %s: %w", a.ID, err)
	}
	*a = merged
	return PutResult{Duplicate: true, Refreshed: true, Kept: kept}, nil
}

// nearest finds the stored article whose signature is closest to sig, if it
// reaches NearDuplicateThreshold. Candidates are the articles sharing at
// least one LSH band; those sharing the most bands are compared first.
func nearest(ctx context.Context, tx *sql.Tx, sig signature) (string, float64, error) {
	bands := sig.bands()
	args := make([]any, 0, 2*len(bands)+1)
	for band, h := range bands {
		args = append(args, band, h)
	}
	args = append(args, maxCandidates)
	rows, err := tx.QueryContext(ctx, candidatesSQL, args...)
	if err != nil {
		return "", 0, err
	}
	var cands []string
	for rows.Next() {
		var id string
		var shared int
		if err := rows.Scan(&id, &shared); err != nil {
			rows.Close()
			return "", 0, err
		}
		cands = append(cands, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", 0, err
	}
	best, bestSim := "", 0.0
	for _, id := range cands {
		var scheme string
		var blob []byte
		err := tx.QueryRowContext(ctx, `SELECT scheme, signature FROM minhash WHERE article_id = ?`, id).Scan(&scheme, &blob)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return "", 0, err
		}
		if scheme != minhashScheme {
			continue
		}
		sim := sig.similarity(decodeSignature(blob))
		if sim >= NearDuplicateThreshold && (sim > bestSim || sim == bestSim && id < best) {
			best, bestSim = id, sim
		}
	}
	return best, bestSim, nil
}

// Article returns the article with this ID, or the one article whose ID
// starts with it. A prefix matching several is an ErrAmbiguous error that
// names them.
func (s *SQLite) Article(ctx context.Context, id string) (*domain.Article, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, errors.New("store: empty article ID")
	}
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT json FROM articles WHERE id = ?`, id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		var ids []string
		ids, err = s.idsWithPrefix(ctx, id, 6)
		if err != nil {
			return nil, err
		}
		switch len(ids) {
		case 0:
			return nil, fmt.Errorf("article %q: %w", id, ErrNotFound)
		case 1:
			err = s.db.QueryRowContext(ctx, `SELECT json FROM articles WHERE id = ?`, ids[0]).Scan(&blob)
		default:
			list := strings.Join(ids, ", ")
			if len(ids) > 5 {
				list = strings.Join(ids[:5], ", ") + ", …"
			}
			return nil, fmt.Errorf("article ID prefix %q is %w: it matches %s; give more characters", id, ErrAmbiguous, list)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	var a domain.Article
	if err := json.Unmarshal(blob, &a); err != nil {
		return nil, fmt.Errorf("store: decode article %s: %w", id, err)
	}
	return &a, nil
}

// idsWithPrefix uses GLOB, which SQLite answers from the primary-key index;
// the prefix's own wildcard characters are escaped as one-character sets.
func (s *SQLite) idsWithPrefix(ctx context.Context, prefix string, limit int) ([]string, error) {
	var pat strings.Builder
	for _, r := range prefix {
		switch r {
		case '*', '?', '[':
			pat.WriteString("[" + string(r) + "]")
		default:
			pat.WriteRune(r)
		}
	}
	pat.WriteString("*")
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles WHERE id GLOB ? ORDER BY id LIMIT ?`, pat.String(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Articles lists stored articles, newest first; undated ones come last,
// latest stored first.
func (s *SQLite) Articles(ctx context.Context, f Filter) ([]Summary, error) {
	var since, until string
	if !f.Since.IsZero() {
		since = f.Since.UTC().Format(sortKey)
	}
	if !f.Until.IsZero() {
		until = f.Until.UTC().Format(sortKey)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+` FROM articles
		WHERE (? = '' OR published >= ?) AND (? = '' OR published < ?)
		ORDER BY published IS NULL, published DESC, stored_at DESC, id
		LIMIT ?`, since, since, until, until, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list: %w", err)
	}
	out, err := scanSummaries(rows)
	if err != nil {
		return nil, fmt.Errorf("store: list: %w", err)
	}
	return out, nil
}

// summaryColumns are the columns scanSummaries reads, in its order.
const summaryColumns = `id, outlet, title, published_json, language, url, COALESCE(near_duplicate_of, ''), stored_at`

// scanSummaries reads and closes rows selected with summaryColumns.
func scanSummaries(rows *sql.Rows) ([]Summary, error) {
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var (
			sm       Summary
			pub      sql.NullString
			storedAt string
		)
		if err := rows.Scan(&sm.ID, &sm.Outlet, &sm.Title, &pub, &sm.Language, &sm.URL, &sm.NearDuplicateOf, &storedAt); err != nil {
			return nil, err
		}
		if pub.Valid {
			var ts domain.Timestamp
			if err := json.Unmarshal([]byte(pub.String), &ts); err != nil {
				return nil, fmt.Errorf("date of %s: %w", sm.ID, err)
			}
			sm.Published = &ts
		}
		sm.StoredAt, _ = time.Parse(time.RFC3339Nano, storedAt)
		out = append(out, sm)
	}
	return out, rows.Err()
}

// PutAnalysis stores (replaces) the analysis of a stored article and, in the
// same transaction, rewrites the article's rows in the mention index.
func (s *SQLite) PutAnalysis(ctx context.Context, an *domain.Analysis) error {
	if an == nil {
		return errors.New("store: nil analysis")
	}
	if strings.TrimSpace(an.ArticleID) == "" {
		return errors.New("store: analysis has no article ID")
	}
	blob, err := json.Marshal(an)
	if err != nil {
		return fmt.Errorf("store: encode analysis of %s: %w", an.ArticleID, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE id = ?`, an.ArticleID).Scan(&n); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("store: analysis of article %q: %w (store the article first)", an.ArticleID, ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analyses (article_id, stored_at, json) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET stored_at = excluded.stored_at, json = excluded.json`,
		an.ArticleID, s.now().UTC().Format(time.RFC3339Nano), blob); err != nil {
		return fmt.Errorf("store: analysis of %s: %w", an.ArticleID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, an.ArticleID); err != nil {
		return fmt.Errorf("store: mentions of %s: %w", an.ArticleID, err)
	}
	if err := s.fail("mentions-deleted"); err != nil {
		return err
	}
	for _, row := range mentionRows(an) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (entity_id, article_id, kind, count) VALUES (?, ?, ?, ?)`,
			row.entityID, an.ArticleID, row.kind, row.count); err != nil {
			return fmt.Errorf("store: mentions of %s: %w", an.ArticleID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit analysis of %s: %w", an.ArticleID, err)
	}
	return nil
}

type mentionRow struct {
	entityID, kind string
	count          int
}

// mentionRows counts the resolved mentions of each entity; claims' place and
// actor references count too, since a claim can name an entity that the
// mention list carries under another kind or not at all.
func mentionRows(an *domain.Analysis) []mentionRow {
	type key struct{ id, kind string }
	counts := map[key]int{}
	for _, m := range an.Mentions {
		if m.EntityID != "" {
			counts[key{m.EntityID, string(m.Kind)}]++
		}
	}
	kinds := map[string]string{}
	for _, e := range an.Entities {
		kinds[e.ID] = string(e.Kind)
	}
	refKind := func(r domain.Ref, fallback domain.EntityKind) key {
		if k, ok := kinds[r.EntityID]; ok && k != "" {
			return key{r.EntityID, k}
		}
		return key{r.EntityID, string(fallback)}
	}
	for _, c := range an.Claims {
		for _, r := range c.Places {
			if r.EntityID != "" {
				if k := refKind(r, domain.KindPlace); counts[k] == 0 {
					counts[k] = 1
				}
			}
		}
		for _, r := range c.Actors {
			if r.EntityID != "" {
				if k := refKind(r, ""); counts[k] == 0 {
					counts[k] = 1
				}
			}
		}
	}
	rows := make([]mentionRow, 0, len(counts))
	for k, n := range counts {
		rows = append(rows, mentionRow{entityID: k.id, kind: k.kind, count: n})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].entityID != rows[j].entityID {
			return rows[i].entityID < rows[j].entityID
		}
		return rows[i].kind < rows[j].kind
	})
	return rows
}

// Analysis returns the stored analysis of the article with this exact ID.
func (s *SQLite) Analysis(ctx context.Context, articleID string) (*domain.Analysis, error) {
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT json FROM analyses WHERE article_id = ?`, articleID).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("analysis of article %q: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: analysis of %s: %w", articleID, err)
	}
	var an domain.Analysis
	if err := json.Unmarshal(blob, &an); err != nil {
		return nil, fmt.Errorf("store: decode analysis of %s: %w", articleID, err)
	}
	return &an, nil
}

// ArticlesMentioning lists, newest first, the articles whose analysis
// mentions the entity.
func (s *SQLite) ArticlesMentioning(ctx context.Context, entityID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT a.id, a.published, a.stored_at
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id = ?
		ORDER BY a.published IS NULL, a.published DESC, a.stored_at DESC, a.id`, entityID)
	if err != nil {
		return nil, fmt.Errorf("store: articles mentioning %s: %w", entityID, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		var pub sql.NullString
		var storedAt string
		if err := rows.Scan(&id, &pub, &storedAt); err != nil {
			return nil, fmt.Errorf("store: articles mentioning %s: %w", entityID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Each calls fn for every stored article, oldest published first (undated
// last), with its analysis or nil. Only the IDs are listed up front and
// each article is loaded when its turn comes, so fn may write to the store
// meanwhile and memory does not grow with the store.
func (s *SQLite) Each(ctx context.Context, fn func(*domain.Article, *domain.Analysis) error) error {
	// A read cursor held open while fn runs would pin the WAL, so the
	// cursor is closed before fn is first called.
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles ORDER BY published IS NULL, published, stored_at, id`)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("store: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		var aBlob, anBlob []byte
		err := s.db.QueryRowContext(ctx, `SELECT a.json, an.json FROM articles a
			LEFT JOIN analyses an ON an.article_id = a.id WHERE a.id = ?`, id).Scan(&aBlob, &anBlob)
		if errors.Is(err, sql.ErrNoRows) {
			continue // removed since the listing
		}
		if err != nil {
			return fmt.Errorf("store: article %s: %w", id, err)
		}
		var a domain.Article
		if err := json.Unmarshal(aBlob, &a); err != nil {
			return fmt.Errorf("store: decode article %s: %w", id, err)
		}
		var an *domain.Analysis
		if anBlob != nil {
			an = new(domain.Analysis)
			if err := json.Unmarshal(anBlob, an); err != nil {
				return fmt.Errorf("store: decode analysis of %s: %w", id, err)
			}
		}
		if err := fn(&a, an); err != nil {
			return err
		}
	}
	return nil
}

// Repeats lists the stored articles linked as near-duplicates of id (the
// other sites that carried the same story), oldest stored first.
func (s *SQLite) Repeats(ctx context.Context, id string) ([]Summary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+` FROM articles
		WHERE near_duplicate_of = ? ORDER BY stored_at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: repeats of %s: %w", id, err)
	}
	out, err := scanSummaries(rows)
	if err != nil {
		return nil, fmt.Errorf("store: repeats of %s: %w", id, err)
	}
	return out, nil
}
