-- PostgreSQL form of migrations/sqlite/002_near_duplicates.sql. Band
-- hashes are 64-bit (minhash.go stores them as int64), hence BIGINT.

CREATE TABLE minhash (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    scheme     TEXT NOT NULL,
    signature  BYTEA NOT NULL
);

CREATE TABLE lsh_bands (
    band       INTEGER NOT NULL,
    hash       BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
);

CREATE INDEX lsh_bands_article ON lsh_bands(article_id);
