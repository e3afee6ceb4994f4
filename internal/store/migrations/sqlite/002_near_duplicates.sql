-- Near-duplicate detection: a MinHash signature per article (over word
-- shingles of its normalised body) and its LSH band hashes. Looking up the
-- band hashes of a new article finds candidates through the index, so a put
-- stays sub-linear in the number of stored articles.

CREATE TABLE minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    scheme     TEXT NOT NULL,   -- signature parameters, see minhash.go
    signature  BLOB NOT NULL
);

CREATE TABLE lsh_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

CREATE INDEX lsh_bands_article ON lsh_bands(article_id);
