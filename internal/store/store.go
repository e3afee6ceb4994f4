package store

import (
	"context"
	"errors"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// ErrNotFound is returned when no stored article matches.
var ErrNotFound = errors.New("not found")

// Store keeps articles and their analyses.
type Store interface {
	// PutArticle stores a. An article whose ID is already stored is not
	// stored again (Result.Duplicate); one that nearly repeats a stored
	// article is stored with NearDuplicateOf set.
	PutArticle(ctx context.Context, a *domain.Article) (PutResult, error)
	// Article returns the article with this ID or unique ID prefix.
	Article(ctx context.Context, id string) (*domain.Article, error)
	// Articles lists stored articles, newest first.
	Articles(ctx context.Context, f Filter) ([]Summary, error)
	// PutAnalysis stores (replaces) the analysis of one article.
	PutAnalysis(ctx context.Context, an *domain.Analysis) error
	// Analysis returns the stored analysis of an article.
	Analysis(ctx context.Context, articleID string) (*domain.Analysis, error)
	Close() error
}

// PutResult says what PutArticle did.
type PutResult struct {
	Stored          bool   // a new row was written
	Duplicate       bool   // the same article was already stored
	NearDuplicateOf string // ID of a stored article this one closely repeats
}

// Filter narrows Articles.
type Filter struct {
	Since time.Time
	Until time.Time
	Limit int
}

// Summary is one row of a listing.
type Summary struct {
	ID              string
	Outlet          string
	Title           string
	Published       *domain.Timestamp
	Language        string
	NearDuplicateOf string
	StoredAt        time.Time
}
