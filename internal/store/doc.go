// Package store keeps articles and what the later stages found in them.
//
// Store is the small interface every command uses, and Open picks the
// engine from the location: a postgres:// URL is a PostgreSQL database a
// newsroom shares (pgx's database/sql driver), anything else a SQLite file
// (pure Go, modernc.org/sqlite, WAL), the embedded default. One
// implementation, DB, serves both over database/sql; what differs (the
// placeholder style, the write lock, the ID prefix match, the
// migrations) is in dialect.go. Articles are stored whole as JSON with the fields people
// query (outlet, dates, title) in columns. Putting the same article twice
// stores it once, but the second copy fills metadata the first lacked (the
// ID hashes the body only, so a bare .txt scrape and a JSON Lines record
// of one post collide): title, dates, URL, outlet, authors, wires and
// language are taken where missing, never replacing a value, and a
// warning on the article says which came from where. A refresh prefers
// the new reading but keeps stored values it has none for. An article
// whose body nearly repeats a stored one (the same wire story on two
// sites) is stored and linked to it. Every write is
// one transaction, so a failing input never damages what is stored.
//
// Near-duplicates are found with MinHash: the body is folded to lower-case
// words (punctuation and line breaks do not count), every run of three
// words is hashed, and a 256-value signature estimates the Jaccard
// similarity of two bodies' word triples. The signature's 32 LSH band hashes
// sit in an indexed table, so a new article is only compared with stored
// articles sharing a band; the most similar at estimated Jaccard ≥ 0.8 is
// linked. Bodies under eight word triples are never linked.
//
// The schema lives in migrations/ENGINE/NNN_name.sql (the same tables and
// columns for both engines; timestamps are text in both), applied in order,
// each in its own transaction under the write lock, and recorded in
// schema_version; reopening a database applies none twice, two processes
// opening a new one apply each once, and a database from a newer parallax
// is refused. Every write transaction first takes the store's write lock
// (BEGIN IMMEDIATE in SQLite, a transaction-scoped advisory lock in
// PostgreSQL), so writers from any number of processes or machines take
// turns and the duplicate and near-duplicate checks see every earlier write.
//
// Analyses (mentions, claims, markers) are stored as JSON beside their
// article; a mentions table indexes which articles name which entity
// (ArticlesMentioning), and Each walks everything for the later stages.
package store
