package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"
)

// EventIndexInfo describes the saved events index.
type EventIndexInfo struct {
	Format   int       // the events format version it was written in
	Articles int       // articles assigned to events
	SavedAt  time.Time // when it was last saved
}

// SaveEventIndex replaces the saved events index with blob (written in
// events format version format) and records, adding or replacing, which
// event each article in assignments joined — in one transaction, so the
// blob and the assignments never disagree. Every assigned article must be
// stored. Articles assigned earlier and absent from assignments keep
// their rows: an index only grows, so a caller passes the articles it
// added (or all of them after a rebuild).
func (s *DB) SaveEventIndex(ctx context.Context, blob []byte, format int, assignments map[string]string) error {
	if len(blob) == 0 {
		return errors.New("store: empty event index")
	}
	ids := make([]string, 0, len(assignments))
	for id := range assignments {
		ids = append(ids, id)
	}
	sort.Strings(ids) // inserts in key order are cheaper, and failures reproducible
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_assignments (article_id, event_id) VALUES (?, ?)
			ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id`, id, assignments[id]); err != nil {
			return fmt.Errorf("store: event of article %s: %w", id, err)
		}
	}
	if err := s.fail("assignments-saved"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_index (id, format, articles, saved_at, blob)
		VALUES (1, ?, (SELECT COUNT(*) FROM event_assignments), ?, ?)
		ON CONFLICT (id) DO UPDATE SET format = excluded.format, articles = excluded.articles,
			saved_at = excluded.saved_at, blob = excluded.blob`,
		format, s.now().UTC().Format(time.RFC3339Nano), blob); err != nil {
		return fmt.Errorf("store: save event index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit event index: %w", err)
	}
	return nil
}

// EventIndex returns the saved events index, or ErrNotFound.
func (s *DB) EventIndex(ctx context.Context) ([]byte, error) {
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT blob FROM event_index WHERE id = 1`).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event index: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: event index: %w", err)
	}
	return blob, nil
}

// EventIndexInfo describes the saved events index, or returns ErrNotFound.
func (s *DB) EventIndexInfo(ctx context.Context) (EventIndexInfo, error) {
	var info EventIndexInfo
	var saved string
	err := s.db.QueryRowContext(ctx, `SELECT format, articles, saved_at FROM event_index WHERE id = 1`).
		Scan(&info.Format, &info.Articles, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return info, fmt.Errorf("event index: %w", ErrNotFound)
	}
	if err != nil {
		return info, fmt.Errorf("store: event index: %w", err)
	}
	info.SavedAt, _ = time.Parse(time.RFC3339Nano, saved)
	return info, nil
}

// EventOf returns the ID of the event a stored article was assigned to,
// or ErrNotFound when it is not in the saved index.
func (s *DB) EventOf(ctx context.Context, articleID string) (string, error) {
	var ev string
	err := s.db.QueryRowContext(ctx, `SELECT event_id FROM event_assignments WHERE article_id = ?`, articleID).Scan(&ev)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("event of article %q: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("store: event of %s: %w", articleID, err)
	}
	return ev, nil
}

// UnindexedArticles lists the stored articles the saved events index does
// not hold yet, in Each's order (oldest published first, undated last).
func (s *DB) UnindexedArticles(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM event_assignments e WHERE e.article_id = a.id)
		ORDER BY a.published IS NULL, a.published, a.stored_at, a.id`)
	if err != nil {
		return nil, fmt.Errorf("store: unindexed articles: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: unindexed articles: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
