-- Articles, stored whole as JSON with the fields people query in columns,
-- and what the later stages found in them.

CREATE TABLE articles (
    id                TEXT PRIMARY KEY,
    outlet            TEXT NOT NULL DEFAULT '',   -- display name
    outlet_id         TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL DEFAULT '',
    -- published is a UTC sort key (2006-01-02T15:04:05Z); published_json
    -- keeps the timestamp with its precision and zone as the source gave it.
    published         TEXT,
    published_json    TEXT,
    language          TEXT NOT NULL DEFAULT '',
    url               TEXT NOT NULL DEFAULT '',
    near_duplicate_of TEXT REFERENCES articles(id),
    stored_at         TEXT NOT NULL,
    json              BLOB NOT NULL
);

CREATE INDEX articles_published ON articles(published DESC, stored_at DESC);
CREATE INDEX articles_near_duplicate_of ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    stored_at  TEXT NOT NULL,
    json       BLOB NOT NULL
);

-- One row per entity an article's analysis mentions, so later stages can
-- ask "which articles mention place X" without decoding every analysis.
CREATE TABLE mentions (
    entity_id  TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id, kind)
) WITHOUT ROWID;

CREATE INDEX mentions_article ON mentions(article_id);
