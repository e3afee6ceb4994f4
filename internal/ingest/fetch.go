package ingest

import (
	"context"
	"errors"
)

// Fetcher fetches URLs with timeouts, a size cap, retries and a guard
// against private addresses.
type Fetcher struct {
	// AllowPrivate lets the fetcher reach loopback and private addresses.
	AllowPrivate bool
}

// ReadURL fetches a URL and reads it.
func ReadURL(ctx context.Context, url string, opts Options) []Item {
	return []Item{{Input: url, Err: errors.New("URL fetching not implemented yet")}}
}
