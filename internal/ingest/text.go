package ingest

import (
	"errors"

	"github.com/parallaxnews/parallax/internal/domain"
)

// readText reads a plain-text scrape.
func readText(source string, data []byte) (*domain.Article, error) {
	return nil, errors.New("plain-text reader not implemented yet")
}
