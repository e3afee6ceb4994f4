package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/resolve"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "compare",
		args:    "EVENT|FILE... [--format text|markdown|json|html] [-o FILE] [--outlets FILE] [--width N]",
		summary: "compare the reports of one event side by side (FILEs are read and analysed on the fly; EVENT is a stored event id)",
		run:     runCompare,
	})
}

// outputFlags are the flags compare, timeline and demo share.
type outputFlags struct {
	format *string
	out    *string
	width  *int
}

func addOutputFlags(fs *flag.FlagSet, formats string) outputFlags {
	return outputFlags{
		format: fs.String("format", "text", "output `format`: "+formats),
		out:    fs.String("o", "", "write to `FILE` instead of standard output"),
		width:  fs.Int("width", 0, "text width in `columns` (default: the terminal's, else 100)"),
	}
}

// writer opens the output: -o FILE, else stdout; it also says whether the
// output is a terminal (colours, width).
func (o outputFlags) writer(e *env) (w io.Writer, opts compare.TextOptions, done func() error, err error) {
	opts.Width = *o.width
	if *o.out != "" {
		f, err := os.Create(*o.out)
		if err != nil {
			return nil, opts, nil, err
		}
		return f, opts, f.Close, nil
	}
	if f, ok := e.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if opts.Width == 0 {
			if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
				opts.Width = w
			}
		}
		opts.Color = os.Getenv("NO_COLOR") == ""
	}
	return e.stdout, opts, func() error { return nil }, nil
}

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "text, markdown, json or html")
	outlets := fs.String("outlets", "", "extra outlet registry `FILE` (YAML, as ingest's data/outlets.yaml) for outlets the built-in list lacks")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("name an EVENT id (see `parallax events`) or the report FILEs to compare")
	}
	if err := checkFormat(*of.format, compare.Formats); err != nil {
		return err
	}
	reg, err := loadOutlets(*outlets)
	if err != nil {
		return err
	}
	var (
		arts    []*domain.Article
		ans     []*domain.Analysis
		eventID string
		failed  bool
	)
	if len(inputs) == 1 && !pathExists(inputs[0]) && !strings.Contains(inputs[0], "://") {
		eventID = inputs[0]
		arts, ans, eventID, err = storedEvent(ctx, e.dbPath, eventID, e.stderr)
		if err != nil {
			return err
		}
	} else {
		p := newPipeline(e.stderr)
		arts, failed = readReports(ctx, e, inputs, reg)
		for _, a := range arts {
			ans = append(ans, p.analyse(a))
		}
		p.explain()
		warnSeveralEvents(e.stderr, arts, ans)
	}
	if len(arts) == 0 {
		return errors.New("no reports to compare")
	}
	r := compare.Compare(arts, ans)
	r.EventID = eventID
	w, opts, done, err := of.writer(e)
	if err != nil {
		return err
	}
	if err := compare.Render(w, r, *of.format, opts); err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	if failed {
		return errExitFailure
	}
	return nil
}

// warnSeveralEvents says when the files given look like more than one
// event: they are still compared as asked, but the user should know.
func warnSeveralEvents(w io.Writer, arts []*domain.Article, ans []*domain.Analysis) {
	ix := events.NewIndex()
	for i, a := range arts {
		ix.Add(a, ans[i])
	}
	evs := ix.Events()
	if len(evs) < 2 {
		return
	}
	fmt.Fprintf(w, "note: these %d reports look like %d different events; they are compared as one all the same:\n", len(arts), len(evs))
	for _, ev := range evs {
		date := "undated   "
		if !ev.Start.IsZero() {
			date = ev.Start.Format("2006-01-02")
		}
		fmt.Fprintf(w, "  %s  %s (%d)\n", date, ev.Title, len(ev.Articles))
	}
}

func checkFormat(f string, allowed []string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return fmt.Errorf("unknown --format %q (want %s)", f, strings.Join(allowed, ", "))
}

func pathExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// loadOutlets reads a user outlet registry, or returns nil.
func loadOutlets(path string) (*ingest.Outlets, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	reg, err := ingest.LoadOutlets(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return reg, nil
}

// readReports reads every input; each failure is one line on stderr.
func readReports(ctx context.Context, e *env, inputs []string, reg *ingest.Outlets) (arts []*domain.Article, failed bool) {
	opts := ingest.Options{Fetcher: newFetcher(false)}
	ingest.Walk(ctx, inputs, opts, func(it ingest.Item) {
		if it.Err != nil {
			failed = true
			fmt.Fprintf(e.stderr, "%s: %v\n", it.Input, it.Err)
			return
		}
		applyOutlets(it.Article, reg)
		arts = append(arts, it.Article)
	})
	return arts, failed
}

// applyOutlets names the outlet of an article the built-in registry did
// not know, from a user registry. (ingest.Options has no registry field
// yet; once it has, this moves there.)
func applyOutlets(a *domain.Article, reg *ingest.Outlets) {
	if reg == nil || (a.Outlet != nil && a.Outlet.ID != "") {
		return
	}
	for _, u := range []string{a.URL, a.Source} {
		if u == "" {
			continue
		}
		if o, ok := reg.ByDomain(u); ok {
			o.Matched = "URL (user outlet file)"
			a.Outlet = o
			return
		}
	}
	if a.Outlet != nil {
		if o, ok := reg.ByName(a.Outlet.Name); ok {
			a.Outlet = o
		}
	}
}

// loadStored reads every stored article with its analysis; articles
// stored without one (`parallax ingest` stores articles only) are analysed
// on the fly, in memory.
func loadStored(ctx context.Context, dbPath string, stderr io.Writer) ([]*domain.Article, []*domain.Analysis, error) {
	st, err := store.OpenSQLite(dbPath)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	var arts []*domain.Article
	var ans []*domain.Analysis
	var p *pipeline
	err = st.Each(ctx, func(a *domain.Article, an *domain.Analysis) error {
		if a == nil {
			return nil
		}
		if an == nil {
			if p == nil {
				p = newPipeline(stderr)
			}
			an = p.analyse(a)
		}
		arts, ans = append(arts, a), append(ans, an)
		return ctx.Err()
	})
	if p != nil {
		p.explain()
	}
	return arts, ans, err
}

// storedEvent loads the articles and analyses of a stored event: the
// events index is rebuilt over the store (it is not stored itself).
func storedEvent(ctx context.Context, dbPath, id string, stderr io.Writer) ([]*domain.Article, []*domain.Analysis, string, error) {
	if !pathExists(dbPath) {
		return nil, nil, "", fmt.Errorf("%q is neither a file nor an event: no store at %s (run `parallax ingest` first, or name files)", id, dbPath)
	}
	all, allAns, err := loadStored(ctx, dbPath, stderr)
	if err != nil {
		return nil, nil, "", err
	}
	ix := events.NewIndex()
	arts := map[string]*domain.Article{}
	ans := map[string]*domain.Analysis{}
	for i, a := range all {
		ix.Add(a, allAns[i])
		arts[a.ID], ans[a.ID] = a, allAns[i]
	}
	ev, ok := ix.Event(id)
	if !ok {
		var matches []domain.Event
		for _, x := range ix.Events() {
			if strings.HasPrefix(x.ID, id) {
				matches = append(matches, x)
			}
		}
		switch len(matches) {
		case 0:
			return nil, nil, "", fmt.Errorf("no event %q and no such file (list events with `parallax events`)", id)
		case 1:
			ev = matches[0]
		default:
			return nil, nil, "", fmt.Errorf("event id prefix %q is ambiguous (%d events)", id, len(matches))
		}
	}
	var outA []*domain.Article
	var outN []*domain.Analysis
	for _, aid := range ev.Articles {
		if a := arts[aid]; a != nil {
			outA = append(outA, a)
			outN = append(outN, ans[aid])
		}
	}
	return outA, outN, ev.ID, nil
}

// pipeline runs the stages after ingest (resolve, then claims) on one
// article at a time.
type pipeline struct {
	stderr    io.Writer
	resolver  *resolve.Resolver
	extractor *claims.Extractor
	missing   []string // stages not available in this build
}

// newPipeline builds the stages once. A stage that fails to build is
// reported and skipped, so the comparison still shows what it can.
func newPipeline(stderr io.Writer) *pipeline {
	p := &pipeline{stderr: stderr}
	gaz, err := gazetteer.Default()
	if err != nil {
		fmt.Fprintf(stderr, "warning: gazetteer: %v (places will not resolve)\n", err)
		gaz = nil
	}
	if p.resolver, err = resolve.New(resolve.Config{Gazetteer: gaz}); err != nil {
		fmt.Fprintf(stderr, "warning: resolver: %v\n", err)
		p.missing = append(p.missing, "resolve")
	}
	if p.extractor, err = claims.New(); err != nil {
		fmt.Fprintf(stderr, "warning: claims: %v\n", err)
		p.missing = append(p.missing, "claims")
	}
	return p
}

func (p *pipeline) analyse(a *domain.Article) *domain.Analysis {
	an := &domain.Analysis{ArticleID: a.ID}
	if p.resolver != nil {
		if r := p.resolver.Resolve(a); r != nil {
			an = r
			an.ArticleID = a.ID
		}
	}
	if p.extractor != nil {
		p.extractor.Extract(a, an)
	}
	return an
}

// explain says on stderr which stages were missing, once.
func (p *pipeline) explain() {
	if len(p.missing) > 0 {
		fmt.Fprintf(p.stderr, "note: the %s stage(s) could not run; the comparison shows what the other stages found\n", strings.Join(p.missing, " and "))
		p.missing = nil
	}
}
