package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/resolve"
)

// readOptions are the ingest options every command reads with: the user's
// outlet registry (global --outlets) and the guarded fetcher.
func (e *env) readOptions(allowPrivate bool) ingest.Options {
	return ingest.Options{Fetcher: newFetcher(allowPrivate), Outlets: e.outlets}
}

// loadUserFiles reads the global --outlets and --actors files once.
func (e *env) loadUserFiles() error {
	if e.outletsFile != "" {
		f, err := os.Open(e.outletsFile)
		if err != nil {
			return err
		}
		defer f.Close()
		reg, err := ingest.LoadOutlets(f)
		if err != nil {
			return fmt.Errorf("%s: %w", e.outletsFile, err)
		}
		e.outlets = ingest.DefaultOutlets().Merge(reg)
	}
	if e.actorsFile != "" {
		f, err := os.Open(e.actorsFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if e.actors, err = resolve.LoadActors(f); err != nil {
			return fmt.Errorf("%s: %w", e.actorsFile, err)
		}
	}
	return nil
}

// pipeline runs the stages after ingest — resolve, then claims — on one
// article at a time. Every command that analyses builds it here, so all
// of them see the same gazetteer (embedded plus imported), actors and
// outlets.
type pipeline struct {
	resolver  *resolve.Resolver
	extractor *claims.Extractor
	stderr    io.Writer
}

// maxAnalysisBytes bounds the body text the analysis stages take on. A
// news report is rarely over 100 KB; a body of megabytes is a dump or a
// mis-read dataset. The stages are linear (about 0.2 CPU-s per MB), so the
// bound is about usefulness and memory, not time.
const maxAnalysisBytes = 4 << 20

// newPipeline builds the stages once; extraGazetteer names GeoNames or
// KATOTTG files to load for this run only.
func newPipeline(e *env, extraGazetteer ...string) (*pipeline, error) {
	var (
		g   *gazetteer.Gazetteer
		err error
	)
	if len(extraGazetteer) > 0 {
		g, err = gazetteer.LoadWith(gazetteerDir(e), extraGazetteer)
	} else {
		g, err = loadGazetteer(e)
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	r, err := resolve.New(resolve.Config{Gazetteer: g, Actors: e.actors, Outlets: e.outlets})
	if err != nil {
		return nil, fmt.Errorf("resolver: %w", err)
	}
	x, err := claims.New()
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return &pipeline{resolver: r, extractor: x, stderr: e.stderr}, nil
}

// analyse finds the mentions, claims and framing markers of a.
func (p *pipeline) analyse(a *domain.Article) *domain.Analysis {
	if n := len(a.Text()); n > maxAnalysisBytes {
		fmt.Fprintf(p.stderr, "%s: body of %d bytes is over the %d-byte analysis limit; stored without analysis\n", a.Source, n, maxAnalysisBytes)
		return &domain.Analysis{ArticleID: a.ID}
	}
	an := p.resolver.Resolve(a)
	if an == nil {
		an = &domain.Analysis{}
	}
	an.ArticleID = a.ID
	p.extractor.Extract(a, an)
	return an
}

// loadOne reads the report(s) in a file, or else the stored article with
// this ID or ID prefix. Unreadable entries of a file are reported on
// stderr; it fails only when nothing could be read.
func loadOne(ctx context.Context, e *env, in string) ([]*domain.Article, error) {
	if st, err := os.Stat(in); err == nil && !st.IsDir() {
		var arts []*domain.Article
		var errs []string
		for _, it := range ingest.ReadFile(ctx, in, e.readOptions(false)) {
			if it.Err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", it.Input, it.Err))
				continue
			}
			arts = append(arts, it.Article)
		}
		if len(arts) == 0 {
			return nil, errors.New(strings.Join(errs, "; "))
		}
		for _, m := range errs {
			fmt.Fprintln(e.stderr, m)
		}
		return arts, nil
	}
	st, err := openStoreForReading(e.dbPath)
	if err != nil {
		return nil, fmt.Errorf("%s is not a file, and %w", in, err)
	}
	defer st.Close()
	a, err := st.Article(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("%s is neither a file nor a stored article: %w", in, err)
	}
	return []*domain.Article{a}, nil
}
