package ingest

import (
	"errors"

	"github.com/parallaxnews/parallax/internal/domain"
)

// readJSONL reads JSON Lines as written by news crawlers.
func readJSONL(source string, data []byte) ([]*domain.Article, []Item, error) {
	return nil, nil, errors.New("JSON Lines reader not implemented yet")
}
