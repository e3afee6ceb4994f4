package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// DefaultMaxBytes caps the size of one input (file, page or feed).
const DefaultMaxBytes = 16 << 20

// Options control how inputs are read.
type Options struct {
	// MaxBytes caps the size of one input; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Fetcher fetches URLs and the pages of summary-only feed items.
	// Nil means URLs are refused.
	Fetcher *Fetcher
	// Outlets recognises outlets and wire agencies; nil means the embedded
	// registry (DefaultOutlets). Merge a user file over it with
	// DefaultOutlets().Merge(LoadOutlets(...)).
	Outlets *Outlets
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Item is the outcome of reading one input, or one entry of a feed or
// JSON Lines file: an article, or an error naming the input and the reason.
type Item struct {
	Input   string
	Article *domain.Article
	Err     error
}

// ErrSkipped marks inputs that were passed over on purpose (empty, binary,
// too large); errors.Is(err, ErrSkipped) holds for every SkipError.
var ErrSkipped = errors.New("skipped")

// Skip reasons, short and stable so summaries can count them.
const (
	SkipEmpty     = "empty"
	SkipBinary    = "binary"
	SkipTooLarge  = "too large"
	SkipNoBody    = "no body"
	SkipEmptyFeed = "empty feed"
	SkipTable     = "table"
)

// SkipError says why an input was passed over: Reason is one of the Skip
// constants, Detail is for people.
type SkipError struct {
	Reason string
	Detail string
}

func (e *SkipError) Error() string { return ErrSkipped.Error() + ": " + e.Detail }

// Is makes errors.Is(err, ErrSkipped) hold.
func (e *SkipError) Is(target error) bool { return target == ErrSkipped }

func skip(reason, format string, args ...any) error {
	return &SkipError{Reason: reason, Detail: fmt.Sprintf(format, args...)}
}

// SkipReason is the reason of a SkipError in err's chain, or "other".
func SkipReason(err error) string {
	var se *SkipError
	if errors.As(err, &se) {
		return se.Reason
	}
	return "other"
}

// Walk reads every input — file, directory (recursively, in name order),
// URL or feed URL — and calls fn for each article or failure, in order.
// A failing input never stops the walk.
func Walk(ctx context.Context, inputs []string, opts Options, fn func(Item)) {
	for _, in := range inputs {
		if ctx.Err() != nil {
			fn(Item{Input: in, Err: ctx.Err()})
			return
		}
		switch {
		case isURL(in):
			items := ReadURL(ctx, in, opts)
			for _, it := range items {
				fn(it)
			}
		default:
			walkPath(ctx, in, opts, fn)
		}
	}
}

// Files lists the files Walk would read under the given inputs, for
// progress bars; URLs count as one each.
func Files(inputs []string) int {
	n := 0
	for _, in := range inputs {
		if isURL(in) {
			n++
			continue
		}
		_ = filepath.WalkDir(in, func(_ string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !skipName(d.Name()) {
				n++
			}
			return nil
		})
	}
	return n
}

func walkPath(ctx context.Context, root string, opts Options, fn func(Item)) {
	info, err := os.Stat(root)
	if err != nil {
		fn(Item{Input: root, Err: err})
		return
	}
	if !info.IsDir() {
		for _, it := range ReadFile(ctx, root, opts) {
			fn(it)
		}
		return
	}
	var paths []string
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			fn(Item{Input: p, Err: err})
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !skipName(d.Name()) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		fn(Item{Input: root, Err: err})
	}
	sort.Strings(paths)
	for _, p := range paths {
		if ctx.Err() != nil {
			return
		}
		for _, it := range ReadFile(ctx, p, opts) {
			fn(it)
		}
	}
}

// skipName passes over files that are never reports: hidden files and the
// metadata that travels with corpora.
func skipName(name string) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".md", ".csv", ".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf",
		".go", ".mod", ".sum", ".db", ".db-wal", ".db-shm":
		return true
	}
	return false
}

// ReadFile reads one file into articles.
func ReadFile(ctx context.Context, path string, opts Options) []Item {
	f, err := os.Open(path)
	if err != nil {
		return []Item{{Input: path, Err: err}}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return []Item{{Input: path, Err: err}}
	}
	if info.Size() > opts.maxBytes() {
		return []Item{{Input: path, Err: skip(SkipTooLarge, "%d bytes is over the %d-byte cap", info.Size(), opts.maxBytes())}}
	}
	// Read through a limit as well: the file may grow after Stat.
	data, err := io.ReadAll(io.LimitReader(f, opts.maxBytes()+1))
	if err != nil {
		return []Item{{Input: path, Err: err}}
	}
	return ReadBytes(ctx, path, data, "", opts)
}

// ReadBytes reads data, named by source, into articles. contentType is the
// HTTP Content-Type where known; the format is sniffed from the bytes.
func ReadBytes(ctx context.Context, source string, data []byte, contentType string, opts Options) []Item {
	if int64(len(data)) > opts.maxBytes() {
		return []Item{{Input: source, Err: skip(SkipTooLarge, "%d bytes is over the %d-byte cap", len(data), opts.maxBytes())}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return []Item{{Input: source, Err: skip(SkipEmpty, "empty input")}}
	}
	format := Sniff(source, data, contentType)
	var (
		arts []*domain.Article
		errs []Item
		err  error
	)
	switch format {
	case FormatBinary:
		return []Item{{Input: source, Err: skip(SkipBinary, "binary data, not a news report")}}
	case FormatTable:
		return []Item{{Input: source, Err: skip(SkipTable, "a CSV/TSV table, not a news report (convert its rows to JSON Lines with title, text, date_publish, url)")}}
	case FormatHTML:
		var a *domain.Article
		a, err = readHTML(source, data, contentType)
		if a != nil {
			arts = append(arts, a)
		}
	case FormatFeed:
		arts, errs, err = readFeed(ctx, source, data, opts)
	case FormatJSONL:
		arts, errs, err = readJSONL(source, data)
	default:
		var a *domain.Article
		a, err = readText(source, data)
		if a != nil {
			arts = append(arts, a)
		}
	}
	items := errs
	if err != nil {
		items = append(items, Item{Input: source, Err: err})
	}
	for _, a := range arts {
		a.Source = firstNonEmpty(a.Source, source)
		if a.Format == "" {
			a.Format = string(format)
		}
		finishWith(a, opts.Outlets)
		if len(a.Body) == 0 {
			items = append(items, Item{Input: a.Source, Err: skip(SkipNoBody, "no body text found")})
			continue
		}
		items = append(items, Item{Input: a.Source, Article: a})
	}
	return items
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// isURL sends anything with a scheme to the fetcher, which refuses all but
// http(s) with a clear error, rather than reading "file://x" as a path.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.Contains(l, "://")
}
