-- The events index (internal/events), saved so that ingest extends it with
-- each new article instead of every run re-clustering the whole store, and
-- event IDs stay as first given. One row: the index as events'
-- MarshalBinary wrote it, its format version (a reader of another version
-- rebuilds) and how many articles it holds.

CREATE TABLE event_index (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    format   INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    blob     BLOB NOT NULL
);

-- Which event each indexed article joined; an article without a row is not
-- in the saved index yet.
CREATE TABLE event_assignments (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX event_assignments_event ON event_assignments(event_id);
