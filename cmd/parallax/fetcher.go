package main

import "github.com/parallaxnews/parallax/internal/ingest"

// newFetcher builds the URL fetcher the commands share.
func newFetcher(allowPrivate bool) *ingest.Fetcher {
	return &ingest.Fetcher{AllowPrivate: allowPrivate}
}
