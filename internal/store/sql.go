package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// sortKey is the layout of the published column: fixed width, UTC, so that
// comparing strings compares times.
const sortKey = "2006-01-02T15:04:05Z"

// maxCandidates bounds how many LSH candidates one put compares in full, so
// boilerplate shared by many stored articles cannot make a put linear.
const maxCandidates = 64

func placeholders(n int, group string) string {
	return strings.TrimSuffix(strings.Repeat(group+", ", n), ", ")
}

// DB is the Store over database/sql, one implementation for every engine;
// what the engines do differently is in its dialect. It is safe for
// concurrent use by several goroutines and processes: every write is one
// transaction, and write transactions take a store-wide lock first (BEGIN
// IMMEDIATE in SQLite, an advisory lock in PostgreSQL), so duplicate and
// near-duplicate checks see every earlier write.
type DB struct {
	db       sqlDB
	d        *dialect
	location string
	now      func() time.Time
	// failAt makes a write fail at a named step; tests use it to check that
	// a failing write leaves nothing behind.
	failAt func(step string) error
}

var _ Store = (*DB)(nil)

// Location names the database for messages: the SQLite file, or the
// PostgreSQL URL without its password.
func (s *DB) Location() string { return s.location }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// sqlDB and sqlTx rewrite every statement for the engine (placeholders)
// before it runs, so the statements in this file are written once.
type sqlDB struct {
	*sql.DB
	d *dialect
}

type sqlTx struct {
	*sql.Tx
	d *dialect
}

func (db sqlDB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return db.DB.ExecContext(ctx, db.d.rebind(q), args...)
}

func (db sqlDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return db.DB.QueryContext(ctx, db.d.rebind(q), args...)
}

func (db sqlDB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return db.DB.QueryRowContext(ctx, db.d.rebind(q), args...)
}

func (tx sqlTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return tx.Tx.ExecContext(ctx, tx.d.rebind(q), args...)
}

func (tx sqlTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return tx.Tx.QueryContext(ctx, tx.d.rebind(q), args...)
}

func (tx sqlTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return tx.Tx.QueryRowContext(ctx, tx.d.rebind(q), args...)
}

// begin starts a write transaction holding the store's write lock, so
// writers from every process take turns as they do in SQLite.
func (s *DB) begin(ctx context.Context) (sqlTx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sqlTx{}, err
	}
	if s.d.writeLock != "" {
		if _, err := tx.ExecContext(ctx, s.d.writeLock); err != nil {
			tx.Rollback()
			return sqlTx{}, err
		}
	}
	return sqlTx{tx, s.d}, nil
}

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the engine's migrations, in version order.
func loadMigrations(d *dialect) ([]migration, error) {
	files, err := fs.Glob(migrationFS, "migrations/"+d.migrations+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, f := range files {
		base := path.Base(f)
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
	if len(ms) == 0 {
		return nil, fmt.Errorf("no %s migrations", d.name)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate brings the schema up to date. A store already current is only
// read; otherwise each missing migration is applied in its own write
// transaction, which holds the write lock and reads the version again, so
// processes opening a new store at once apply each migration once.
func (s *DB) migrate(ctx context.Context) error {
	ms, err := loadMigrations(s.d)
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	var have int
	// Fails on a new store (no schema_version yet), which then migrates.
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err == nil {
		if have > latest {
			return newerSchema(have, latest)
		}
		if have == latest {
			return nil
		}
	}
	for {
		done, err := s.migrateStep(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

func newerSchema(have, latest int) error {
	return fmt.Errorf("schema version %d is newer than this parallax knows (%d); upgrade parallax", have, latest)
}

// migrateStep applies, in one transaction, the first migration the store
// lacks, and reports whether none was left.
func (s *DB) migrateStep(ctx context.Context, ms []migration) (done bool, err error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("not a usable %s database: %w", s.d.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return false, fmt.Errorf("not a usable %s database: %w", s.d.name, err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return false, err
	}
	if latest := ms[len(ms)-1].version; have > latest {
		return false, newerSchema(have, latest)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, s.now().UTC().Format(time.RFC3339)); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		return false, nil
	}
	return true, nil
}

func (s *DB) fail(step string) error {
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
func (s *DB) PutArticle(ctx context.Context, a *domain.Article) (PutResult, error) {
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

	tx, err := s.begin(ctx)
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

// rowQuerier is what storedArticle needs of a sqlDB or sqlTx.
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
func (s *DB) enrich(ctx context.Context, tx sqlTx, stored, a *domain.Article) (PutResult, error) {
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
func updateArticle(ctx context.Context, tx sqlTx, a *domain.Article) error {
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
func (s *DB) RefreshArticle(ctx context.Context, a *domain.Article) (PutResult, error) {
	if a == nil || strings.TrimSpace(a.ID) == "" {
		return s.PutArticle(ctx, a) // the same errors
	}
	tx, err := s.begin(ctx)
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
func nearest(ctx context.Context, tx sqlTx, sig signature) (string, float64, error) {
	bands := sig.bands()
	args := make([]any, 0, 2*len(bands)+1)
	for band, h := range bands {
		args = append(args, band, h)
	}
	args = append(args, maxCandidates)
	// One query returns every candidate's signature: a round trip per
	// candidate costs little in SQLite but much over a network.
	rows, err := tx.QueryContext(ctx, tx.d.candidates, args...)
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	best, bestSim := "", 0.0
	for rows.Next() {
		var id, scheme string
		var blob []byte
		if err := rows.Scan(&id, &scheme, &blob); err != nil {
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
	if err := rows.Err(); err != nil {
		return "", 0, err
	}
	return best, bestSim, nil
}

// Article returns the article with this ID, or the one article whose ID
// starts with it. A prefix matching several is an ErrAmbiguous error that
// names them.
func (s *DB) Article(ctx context.Context, id string) (*domain.Article, error) {
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

// idsWithPrefix lists the IDs starting with prefix through the dialect's
// index-friendly prefix match, the prefix's own wildcards escaped.
func (s *DB) idsWithPrefix(ctx context.Context, prefix string, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.d.idPrefix, s.d.prefixPattern(prefix), limit)
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
func (s *DB) Articles(ctx context.Context, f Filter) ([]Summary, error) {
	var since, until string
	if !f.Since.IsZero() {
		since = f.Since.UTC().Format(sortKey)
	}
	if !f.Until.IsZero() {
		until = f.Until.UTC().Format(sortKey)
	}
	var limit any = f.Limit
	if f.Limit <= 0 {
		limit = s.d.noLimit
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
func (s *DB) PutAnalysis(ctx context.Context, an *domain.Analysis) error {
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
	tx, err := s.begin(ctx)
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
func (s *DB) Analysis(ctx context.Context, articleID string) (*domain.Analysis, error) {
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
func (s *DB) ArticlesMentioning(ctx context.Context, entityID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id FROM articles a
		WHERE a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id = ?)
		ORDER BY a.published IS NULL, a.published DESC, a.stored_at DESC, a.id`, entityID)
	if err != nil {
		return nil, fmt.Errorf("store: articles mentioning %s: %w", entityID, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
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
func (s *DB) Each(ctx context.Context, fn func(*domain.Article, *domain.Analysis) error) error {
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
func (s *DB) Repeats(ctx context.Context, id string) ([]Summary, error) {
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
