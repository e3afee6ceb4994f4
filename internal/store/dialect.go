package store

import (
	"strconv"
	"strings"
	"sync"
)

// dialect is everything the SQL engines do differently; the statements
// elsewhere are written once, in SQLite's form, and rewritten here.
type dialect struct {
	name       string // for messages: "SQLite", "PostgreSQL"
	driver     string // database/sql driver name
	migrations string // folder under migrations/
	// dollar: placeholders are $1, $2, … instead of ?.
	dollar bool
	// writeLock runs first in every write transaction, making writers from
	// all processes take turns; empty when BEGIN itself locks.
	writeLock string
	// candidates lists the articles sharing LSH bands with a new one (see
	// nearest); the band values are typed where the engine cannot infer it.
	candidates string
	// idPrefix selects IDs matching prefixPattern(prefix), ordered, with a
	// LIMIT; both engines answer it from the primary-key index.
	idPrefix      string
	prefixPattern func(prefix string) string
	// noLimit is the LIMIT value meaning "all rows".
	noLimit any

	rebound sync.Map // statement text → its rewritten form
}

// The band statements are built once from the constant band count: they
// hold placeholders only, never values. One statement each instead of one
// per band keeps a put to a handful of round trips.
var (
	// insertBandsSQL: ON CONFLICT DO NOTHING is the form both engines know.
	insertBandsSQL = `INSERT INTO lsh_bands (band, hash, article_id) VALUES ` +
		placeholders(lshBands, "(?, ?, ?)") + ` ON CONFLICT DO NOTHING`
)

// candidatesSQL lists the articles sharing a band with the new one, at
// most maxCandidates of those sharing most, with their signatures; the
// band condition (bandsIn) is answered from the primary key. The order of
// the rows does not matter: nearest picks the best by similarity, then ID.
func candidatesSQL(bandsIn string) string {
	return `SELECT c.article_id, m.scheme, m.signature FROM (
			SELECT article_id, COUNT(*) AS shared FROM lsh_bands
			WHERE (band, hash) IN (` + bandsIn + `)
			GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?) c
		JOIN minhash m ON m.article_id = c.article_id`
}

var sqliteDialect = &dialect{
	name:       "SQLite",
	driver:     "sqlite",
	migrations: "sqlite",
	// SQLite takes row values in IN only from a VALUES list.
	candidates: candidatesSQL("VALUES " + placeholders(lshBands, "(?, ?)")),
	// GLOB, unlike LIKE, is case-sensitive and so can use the index; its
	// wildcards in the prefix become one-character sets.
	idPrefix: `SELECT id FROM articles WHERE id GLOB ? ORDER BY id LIMIT ?`,
	prefixPattern: func(prefix string) string {
		var pat strings.Builder
		for _, r := range prefix {
			switch r {
			case '*', '?', '[':
				pat.WriteString("[" + string(r) + "]")
			default:
				pat.WriteRune(r)
			}
		}
		pat.WriteString("*")
		return pat.String()
	},
	noLimit: -1,
}

var postgresDialect = &dialect{
	name:       "PostgreSQL",
	driver:     "pgx",
	migrations: "postgres",
	dollar:     true,
	// A transaction-scoped advisory lock, keyed by the schema the store
	// lives in, so stores in other schemas of one database do not wait.
	writeLock: `SELECT pg_advisory_xact_lock(7061, hashtext(COALESCE(current_schema(), '')))`,
	// A list of rows becomes one index probe per band (a BitmapOr) whatever
	// the table's statistics, which a new store has none of yet; the
	// parameters take the columns' types.
	candidates: candidatesSQL(placeholders(lshBands, "(?, ?)")),
	// The id column is COLLATE "C", so LIKE 'prefix%' uses its index.
	idPrefix: `SELECT id FROM articles WHERE id LIKE ? ESCAPE '\' ORDER BY id LIMIT ?`,
	prefixPattern: func(prefix string) string {
		r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
		return r.Replace(prefix) + "%"
	},
	noLimit: nil, // LIMIT NULL
}

// rebind rewrites a statement's ? placeholders for the engine. Only the
// static statement text is rewritten; values always travel as arguments.
// A ? inside a quoted literal or identifier is left alone.
func (d *dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	if r, ok := d.rebound.Load(q); ok {
		return r.(string)
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte // the quote character we are inside, or 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0 // a doubled quote reopens at once: same result
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	r := b.String()
	d.rebound.Store(q, r)
	return r
}
