package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// finish fills what every reader leaves to the end: the stable ID (and, as
// readers land, outlet, wires and language).
func finish(a *domain.Article) {
	a.ID = articleID(a.Text())
}

// articleID hashes the body after folding case and white space, so the same
// story re-scraped with other line breaks keeps its ID.
func articleID(body string) string {
	norm := strings.Join(strings.Fields(strings.ToLower(body)), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:8])
}
