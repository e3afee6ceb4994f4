// Package domain defines the few types every stage of Parallax shares:
// Article (what ingest produces), Entity and Mention (what resolve
// produces), Claim and Marker (what claims produces) and Event (what events
// produces). It holds data and small helpers only; no stage logic lives here,
// so every stage can import it without importing another stage.
//
// The JSON tags of these types are the stable output schema documented in
// docs/schema.md: add fields, never rename or repurpose them.
package domain
