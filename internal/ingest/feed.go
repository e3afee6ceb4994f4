package ingest

import (
	"context"
	"errors"

	"github.com/parallaxnews/parallax/internal/domain"
)

// readFeed turns each item of an RSS or Atom feed into an article.
func readFeed(ctx context.Context, source string, data []byte, opts Options) ([]*domain.Article, []Item, error) {
	return nil, nil, errors.New("feed reader not implemented yet")
}
