package ingest

import (
	"errors"

	"github.com/parallaxnews/parallax/internal/domain"
)

// readHTML extracts the main text and metadata of an HTML page.
func readHTML(source string, data []byte, contentType string) (*domain.Article, error) {
	return nil, errors.New("HTML reader not implemented yet")
}
