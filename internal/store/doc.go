// Package store keeps articles and what the later stages found in them.
//
// Store is the small interface every command uses; SQLite (pure Go,
// modernc.org/sqlite, WAL, versioned schema migrations) is the embedded
// default, and a PostgreSQL implementation is planned for multi-machine
// deployments. Articles are stored whole as JSON with the fields people
// query (outlet, dates, title) in columns. Putting the same article twice
// stores it once; an article whose body nearly repeats a stored one (the
// same wire story on two sites) is stored and linked to it. Every write is
// one transaction, so a failing input never damages what is stored.
package store
