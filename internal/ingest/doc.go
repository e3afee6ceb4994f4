// Package ingest reads news reports in the shapes people save them — plain
// text scrapes, HTML pages, RSS/Atom feeds, JSON Lines from crawlers, and
// URLs — and turns each into one clean domain.Article.
//
// Every input goes through the same steps: fetch or read the bytes (with a
// size cap), detect and convert the character encoding, sniff the format,
// run that format's reader, then finish the article: recognise the outlet
// and wire agencies from the embedded outlets data, detect the language,
// and compute the stable ID from the normalised body. Readers never guess
// silently: each guess or repair is recorded as a warning on the article.
package ingest
