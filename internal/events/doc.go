// Package events groups articles into events: the reports, from any outlet
// and in any language, that cover the same happening.
//
// Clustering is incremental: Index.Add places each new article in an
// existing event or starts a new one, without re-clustering. An article is
// compared only with candidates found through two inverted indexes kept per
// day — MinHash/LSH buckets over its folded, stemmed words (Cyrillic and
// Latin folded into one script, so Купянск and Kupyansk meet) and the rare
// entities it mentions (resolved entity IDs from resolve, capitalised names
// otherwise) — within MaxGap of its publication time, so the cost of an
// Add depends on how many reports a few days hold, not on the size of the
// index (days that fall out of the window are frozen into compact sorted
// arrays). Candidates are scored on IDF-weighted shared entities (a
// settlement or a person counts far more than a country or an oblast),
// word overlap and shared claim propositions, times a time factor: reports
// days apart about the same place are different events. The article joins
// the event that scores best — half its best member, half the mean of its
// three best — if that reaches JoinThreshold and the event stays within
// MaxSpan. Paragraphs an outlet repeats in every report (footers) are left
// out of words and names.
//
// Events carry a title (the headline of the member most similar to the
// others), a date range, the places and actors most named, the outlets and
// the article IDs (domain.Event). FromStore runs an Index over the stored
// articles and analyses in published order; WriteText and WriteJSON print
// the events. MarshalBinary and Unmarshal save and restore an index's whole
// state (versioned, with a fingerprint of the tuned parameters and data,
// and a checksum), so the store keeps one index that each ingest extends:
// a restored index given more articles groups them exactly as one never
// saved would, and event IDs stay those first given.
//
// Quality is measured with B-cubed scores (BCubed) on hand-labelled
// Telegram posts (testdata/telegram-gold*.tsv, IDs only; the posts are read
// from ../shared), on RUWA's silver story labels, and on the synthetic
// stream of Synth, which `parallax bench cluster` also uses for speed.
// Package pipelineeval repeats the Telegram evaluation through resolve and
// claims.
package events
