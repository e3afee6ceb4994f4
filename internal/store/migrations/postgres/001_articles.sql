-- PostgreSQL form of migrations/sqlite/001_articles.sql: the same tables
-- and columns. Text columns are COLLATE "C" so that they sort and compare
-- by bytes as in SQLite (the published and stored_at sort keys, ID
-- tie-breaks, ID prefixes through LIKE on the index), whatever the
-- database's locale. BYTEA holds what SQLite keeps in BLOBs.

CREATE TABLE articles (
    id                TEXT COLLATE "C" PRIMARY KEY,
    outlet            TEXT COLLATE "C" NOT NULL DEFAULT '',
    outlet_id         TEXT COLLATE "C" NOT NULL DEFAULT '',
    title             TEXT COLLATE "C" NOT NULL DEFAULT '',
    published         TEXT COLLATE "C",
    published_json    TEXT,
    language          TEXT COLLATE "C" NOT NULL DEFAULT '',
    url               TEXT COLLATE "C" NOT NULL DEFAULT '',
    near_duplicate_of TEXT COLLATE "C" REFERENCES articles(id),
    stored_at         TEXT COLLATE "C" NOT NULL,
    json              BYTEA NOT NULL
);

CREATE INDEX articles_published ON articles(published DESC, stored_at DESC);
CREATE INDEX articles_near_duplicate_of ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE analyses (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    stored_at  TEXT COLLATE "C" NOT NULL,
    json       BYTEA NOT NULL
);

CREATE TABLE mentions (
    entity_id  TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT COLLATE "C" NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id, kind)
);

CREATE INDEX mentions_article ON mentions(article_id);
