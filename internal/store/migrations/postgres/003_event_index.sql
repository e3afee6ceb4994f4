-- PostgreSQL form of migrations/sqlite/003_event_index.sql.

CREATE TABLE event_index (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    format   INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    blob     BYTEA NOT NULL
);

CREATE TABLE event_assignments (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event_id   TEXT COLLATE "C" NOT NULL
);

CREATE INDEX event_assignments_event ON event_assignments(event_id);
