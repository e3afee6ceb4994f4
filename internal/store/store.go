package store

import (
	"context"
	"errors"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// ErrNotFound is returned when no stored article matches.
var ErrNotFound = errors.New("not found")

// ErrAmbiguous is returned when an ID prefix matches more than one article.
var ErrAmbiguous = errors.New("ambiguous")

// Store keeps articles, their analyses and the events index. DB implements
// it over SQLite (a file) and PostgreSQL (a shared server); Open picks.
type Store interface {
	// PutArticle stores a. An article whose ID is already stored is not
	// stored again (Result.Duplicate), but metadata the stored copy lacks
	// and a has is filled in (Result.Enriched); nothing present is
	// replaced. One that nearly repeats a stored article is stored with
	// NearDuplicateOf set.
	PutArticle(ctx context.Context, a *domain.Article) (PutResult, error)
	// RefreshArticle is PutArticle, but replaces an article stored already
	// with a (a newer reading of the same report), keeping its
	// near-duplicate link and any stored metadata a has no value for
	// (Result.Kept; a is updated to the stored form); its analysis is
	// dropped if the body text changed.
	RefreshArticle(ctx context.Context, a *domain.Article) (PutResult, error)
	// Article returns the article with this ID or unique ID prefix.
	Article(ctx context.Context, id string) (*domain.Article, error)
	// Articles lists stored articles, newest first.
	Articles(ctx context.Context, f Filter) ([]Summary, error)
	// PutAnalysis stores (replaces) the analysis of one article.
	PutAnalysis(ctx context.Context, an *domain.Analysis) error
	// Analysis returns the stored analysis of an article.
	Analysis(ctx context.Context, articleID string) (*domain.Analysis, error)
	// ArticlesMentioning lists the IDs of articles whose stored analysis
	// mentions the entity, newest first.
	ArticlesMentioning(ctx context.Context, entityID string) ([]string, error)
	// Each calls fn for every stored article, oldest first, with its
	// analysis or nil; an error from fn stops the walk and is returned.
	Each(ctx context.Context, fn func(*domain.Article, *domain.Analysis) error) error
	// Repeats lists the stored articles linked as near-duplicates of id,
	// oldest stored first.
	Repeats(ctx context.Context, id string) ([]Summary, error)

	// SaveEventIndex replaces the saved events index and records which
	// event each article in assignments joined, in one transaction.
	SaveEventIndex(ctx context.Context, blob []byte, format int, assignments map[string]string) error
	// EventIndex returns the saved events index, or ErrNotFound.
	EventIndex(ctx context.Context) ([]byte, error)
	// EventIndexInfo describes the saved events index, or returns ErrNotFound.
	EventIndexInfo(ctx context.Context) (EventIndexInfo, error)
	// EventOf returns the event a stored article was assigned to, or ErrNotFound.
	EventOf(ctx context.Context, articleID string) (string, error)
	// UnindexedArticles lists the stored articles the saved events index
	// does not hold yet, in Each's order.
	UnindexedArticles(ctx context.Context) ([]string, error)

	// Location names the database for messages (a file path, or a URL
	// without its password).
	Location() string
	Close() error
}

// PutResult says what PutArticle did.
type PutResult struct {
	Stored          bool   // a new row was written
	Duplicate       bool   // the same article was already stored
	Refreshed       bool   // a stored article was replaced by a newer reading (RefreshArticle)
	NearDuplicateOf string // ID of a stored article this one closely repeats
	// Similarity is the estimated Jaccard similarity of the two bodies'
	// word shingles when NearDuplicateOf is set.
	Similarity float64
	// Enriched names the metadata fields (FieldTitle, FieldPublished, ...)
	// a duplicate filled in on the stored article, which lacked them; the
	// stored analysis may then be stale (it reads title, date, outlet).
	Enriched []string
	// Kept names the stored fields a refresh kept because the new reading
	// had no value for them.
	Kept []string
}

// Filter narrows Articles. Zero values do not filter; an article without a
// publication date is left out when Since or Until is set.
type Filter struct {
	Since time.Time // published at or after
	Until time.Time // published before
	Limit int       // at most this many; 0 means all
}

// Summary is one row of a listing.
type Summary struct {
	ID              string            `json:"id"`
	Outlet          string            `json:"outlet,omitempty"`
	Title           string            `json:"title"`
	Published       *domain.Timestamp `json:"published,omitempty"`
	Language        string            `json:"language,omitempty"`
	URL             string            `json:"url,omitempty"`
	NearDuplicateOf string            `json:"near_duplicate_of,omitempty"`
	StoredAt        time.Time         `json:"stored_at"`
}
