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

	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "compare",
		args:    "EVENT|FILE... [--format text|markdown|json|html] [-o FILE] [--width N]",
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
	if err := refuseOverwrite(*of.out, inputs); err != nil {
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
		arts, ans, eventID, err = storedEvent(ctx, e, eventID)
		if err != nil {
			return err
		}
	} else {
		p, err := newPipeline(e)
		if err != nil {
			return err
		}
		arts, failed = readReports(ctx, e, inputs)
		for _, a := range arts {
			ans = append(ans, p.analyse(a))
		}
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

// readReports reads every input; each failure is one line on stderr.
func readReports(ctx context.Context, e *env, inputs []string) (arts []*domain.Article, failed bool) {
	opts := e.readOptions(false)
	ingest.Walk(ctx, inputs, opts, func(it ingest.Item) {
		if it.Err != nil {
			failed = true
			fmt.Fprintf(e.stderr, "%s: %v\n", it.Input, it.Err)
			return
		}
		arts = append(arts, it.Article)
	})
	return arts, failed
}

// loadStored reads every stored article with its analysis; articles
// stored without one (`parallax ingest` stores articles only) are analysed
// on the fly, in memory.
func loadStored(ctx context.Context, e *env) ([]*domain.Article, []*domain.Analysis, error) {
	st, err := store.Open(e.dbPath)
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
				var err error
				if p, err = newPipeline(e); err != nil {
					return err
				}
			}
			an = p.analyse(a)
		}
		arts, ans = append(arts, a), append(ans, an)
		return ctx.Err()
	})
	return arts, ans, err
}

// storedEvent loads the articles and analyses of a stored event, found in
// the saved events index (see storedIndex, events.go) by ID or ID prefix;
// only the event's own articles are read.
func storedEvent(ctx context.Context, e *env, id string) ([]*domain.Article, []*domain.Analysis, string, error) {
	if !store.Exists(e.dbPath) {
		return nil, nil, "", fmt.Errorf("%q is neither a file nor an event: no store at %s (run `parallax ingest` first, or name files)", id, e.dbPath)
	}
	st, err := store.Open(e.dbPath)
	if err != nil {
		return nil, nil, "", err
	}
	defer st.Close()
	la := &lazyAnalyser{e: e}
	ix, err := storedIndex(ctx, e, st, la, false)
	if err != nil {
		return nil, nil, "", err
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
		a, err := st.Article(ctx, aid)
		if err != nil {
			return nil, nil, "", err
		}
		an, err := storedAnalysis(ctx, st, la, a)
		if err != nil {
			return nil, nil, "", err
		}
		outA, outN = append(outA, a), append(outN, an)
	}
	return outA, outN, ev.ID, nil
}

// refuseOverwrite keeps -o from replacing one of the reports being read.
func refuseOverwrite(out string, inputs []string) error {
	if out == "" {
		return nil
	}
	ost, err := os.Stat(out)
	if err != nil {
		return nil // a new file
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
			return fmt.Errorf("-o %s is one of the reports to compare; refusing to overwrite it", out)
		}
	}
	return nil
}
