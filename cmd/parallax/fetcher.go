package main

import "github.com/parallaxnews/parallax/internal/ingest"

// newFetcher builds the URL fetcher the commands share: 30 s per request,
// 10 s to connect, 16 MiB cap, 3 retries on timeouts/429/5xx, at most 10
// redirects, and no private or loopback addresses unless allowPrivate
// (--allow-private). Commands that need a plain *http.Client with the same
// guard (gazetteer fetch) use newFetcher(...).Client(); Get returns a
// capped, retried body.
func newFetcher(allowPrivate bool) *ingest.Fetcher {
	return &ingest.Fetcher{AllowPrivate: allowPrivate}
}
