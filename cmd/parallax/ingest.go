package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "ingest",
		args:    "[--refresh] [--allow-private] FILE|DIR|URL|FEED...",
		summary: "read reports and store them in the database (--db)",
		run:     runIngest,
	})
	registerBench("ingest", &benchmark{
		args:    "FILE|DIR...",
		summary: "read reports and store them in a fresh temporary database (not --db)",
		run:     benchIngest,
	})
}

// benchIngest reads and stores into a throw-away database, timing the store
// apart so its cost can be told from the readers'.
func benchIngest(ctx context.Context, e *env, args []string) (benchWork, error) {
	if len(args) == 0 {
		return benchWork{}, fmt.Errorf("name the FILEs or DIRs to ingest")
	}
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return benchWork{}, err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		return benchWork{}, err
	}
	defer st.Close()
	var (
		w        benchWork
		storeDur time.Duration
		seen     = map[string]bool{}
		t        = &ingestTally{skipped: map[string]int{}}
	)
	for it := range walkAhead(ctx, args, ingest.Options{}) {
		if !seen[it.Input] {
			seen[it.Input] = true
			if fi, err := os.Stat(it.Input); err == nil && !fi.IsDir() {
				w.Bytes += fi.Size()
			}
		}
		if it.Err != nil {
			t.failed++
			continue
		}
		t.read++
		start := time.Now()
		res, err := st.PutArticle(ctx, it.Article)
		storeDur += time.Since(start)
		switch {
		case err != nil:
			t.failed++
		case res.Duplicate:
			t.duplicates++
		case res.Stored:
			t.stored++
			if res.NearDuplicateOf != "" {
				t.nearDuplicates++
			}
		}
	}
	w.Articles = t.read
	w.Extra = map[string]any{
		"stored": t.stored, "duplicates": t.duplicates, "near_duplicates": t.nearDuplicates,
		"failed_inputs": t.failed, "store_seconds": round3(storeDur.Seconds()),
	}
	if storeDur > 0 {
		w.Extra["store_puts_per_s"] = round3(float64(t.read) / storeDur.Seconds())
	}
	return w, nil
}

const ingestHelp = `usage: parallax [--db PATH] ingest [--refresh] [--allow-private] [--no-analysis] FILE|DIR|URL|FEED...

Reads every input (directories recursively, feeds and JSON Lines entry by
entry), analyses each report (places and actors, claims, framing words) and
stores both in the database, then adds the new reports to the saved
events index (see parallax events). A report already stored is
not stored again; one whose body nearly repeats a stored report (the same
wire story on two sites) is stored and linked to it (see parallax ls).

Each input that was skipped or failed is reported as one line on stderr,
  INPUT: reason
and one summary line is printed on stdout at the end:
  read N, stored N, duplicates N, near-duplicates N, skipped N (empty N, binary N, ...)[, refreshed N][, failed N]
where
  read             reports read from the inputs
  stored           reports newly stored (near-duplicates included)
  duplicates       reports already stored (metadata the stored copy lacks is filled in)
  near-duplicates  newly stored reports linked to a stored one they nearly repeat
  skipped          inputs passed over on purpose, by reason (empty, binary,
                   too large, no body text, ...)
  refreshed        duplicates replaced by the new reading (with --refresh)
  failed           inputs that could not be read or stored (shown only if any)
The exit status is 1 if any input was skipped or failed; everything else
is stored all the same. A progress bar is shown on stderr when it is a
terminal.

Flags:
`

// ingestTally counts what happened to the inputs.
type ingestTally struct {
	read, stored, duplicates, nearDuplicates, failed int
	refreshed                                        int
	refresh                                          bool // --refresh: report refreshed
	skipped                                          map[string]int
}

// String is the summary line documented in ingestHelp.
func (t *ingestTally) String() string {
	nSkipped := 0
	reasons := make([]string, 0, len(t.skipped))
	for r, n := range t.skipped {
		nSkipped += n
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	var b strings.Builder
	fmt.Fprintf(&b, "read %d, stored %d, duplicates %d, near-duplicates %d, skipped %d",
		t.read, t.stored, t.duplicates, t.nearDuplicates, nSkipped)
	if nSkipped > 0 {
		parts := make([]string, len(reasons))
		for i, r := range reasons {
			parts[i] = fmt.Sprintf("%s %d", r, t.skipped[r])
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	if t.refresh {
		fmt.Fprintf(&b, ", refreshed %d", t.refreshed)
	}
	if t.failed > 0 {
		fmt.Fprintf(&b, ", failed %d", t.failed)
	}
	return b.String()
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private and loopback addresses")
	noAnalysis := fs.Bool("no-analysis", false, "store the reports only; commands that need the analysis then compute it on the fly")
	refresh := fs.Bool("refresh", false, "replace reports stored already with the new reading (better titles, dates, outlets after a parallax upgrade); their analysis is dropped if the body layout changed")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), ingestHelp)
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("name at least one FILE, DIR, URL or FEED (parallax ingest -h for help)")
	}
	st, err := store.Open(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	bar := newIngestBar(e.stderr, inputs)
	// report writes one failure line, clearing the bar first so the two
	// do not share a line.
	report := func(input string, err error) {
		if bar != nil {
			_ = bar.Clear()
		}
		// One line per failure, whatever the reason's text holds, so the
		// output can be grepped and counted.
		fmt.Fprintf(e.stderr, "%s: %s\n", input, strings.Join(strings.Fields(err.Error()), " "))
	}
	t := &ingestTally{skipped: map[string]int{}, refresh: *refresh}
	put := st.PutArticle
	if *refresh {
		put = st.RefreshArticle
	}
	// A report being stored when the user interrupts is finished whole
	// (article and analysis), so writes do not see the cancellation; the
	// walk does, and stops.
	wctx := context.WithoutCancel(ctx)
	// The analysis stages load once, on the first report to analyse.
	var p *pipeline
	analyse := func(a *domain.Article) error {
		if *noAnalysis {
			return nil
		}
		if p == nil {
			var err error
			if p, err = newPipeline(e); err != nil {
				return err
			}
		}
		return st.PutAnalysis(wctx, p.analyse(a))
	}
	done := 0
	for it := range walkAhead(ctx, inputs, e.readOptions(*allowPrivate)) {
		if ctx.Err() != nil {
			continue // interrupted: drain what the reader had ready, store nothing more
		}
		done++
		if bar != nil {
			if done > bar.GetMax() {
				bar.ChangeMax(done) // feeds and JSON Lines give several reports per file
			}
			_ = bar.Add(1)
		}
		if it.Err != nil {
			if errors.Is(it.Err, ingest.ErrSkipped) {
				t.skipped[ingest.SkipReason(it.Err)]++
			} else {
				t.failed++
			}
			report(it.Input, it.Err)
			continue
		}
		t.read++
		res, err := put(wctx, it.Article)
		switch {
		case err != nil:
			t.failed++
			report(it.Input, err)
		case res.Duplicate:
			t.duplicates++
			switch {
			case res.Refreshed:
				// it.Article is now the stored form, metadata kept included.
				t.refreshed++
				if err := analyse(it.Article); err != nil {
					t.failed++
					report(it.Input, fmt.Errorf("analysis: %w", err))
				}
			case len(res.Enriched) > 0:
				// Another copy filled the stored report's title, date or
				// outlet, which the analysis reads (headline claims,
				// relative dates, the outlet as speaker). It is redone on
				// the stored form, whose body the offsets point into.
				stored, err := st.Article(wctx, it.Article.ID)
				if err == nil {
					err = analyse(stored)
				}
				if err != nil {
					t.failed++
					report(it.Input, fmt.Errorf("analysis: %w", err))
				}
			}
		case res.Stored:
			t.stored++
			if res.NearDuplicateOf != "" {
				t.nearDuplicates++
			}
			if err := analyse(it.Article); err != nil {
				t.failed++
				report(it.Input, fmt.Errorf("analysis: %w", err))
			}
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	// New reports join the saved events index (or start events in it), so
	// later commands need not re-cluster the store. Without analyses the
	// index would be built on guesses; it is then left to catch up later.
	if t.stored > 0 && !*noAnalysis && ctx.Err() == nil {
		if _, err := storedIndex(ctx, e, st, &lazyAnalyser{e: e, p: p}, true); err != nil {
			fmt.Fprintf(e.stderr, "events index not updated (parallax events groups the reports on the fly): %v\n", err)
		}
	}
	fmt.Fprintln(e.stdout, t.String())
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "interrupted: what was stored above is complete; run the same command again to read the rest (stored reports are recognised as duplicates)")
		return errExitFailure
	}
	if t.failed > 0 || len(t.skipped) > 0 {
		return errExitFailure
	}
	return nil
}

// walkAhead runs ingest.Walk in its own goroutine, a few items ahead of
// the caller, so parsing the next report overlaps storing this one (the
// two take about the same time on plain text). Items keep Walk's order;
// the caller must drain the channel.
func walkAhead(ctx context.Context, inputs []string, opts ingest.Options) <-chan ingest.Item {
	ch := make(chan ingest.Item, 32)
	go func() {
		defer close(ch)
		ingest.Walk(ctx, inputs, opts, func(it ingest.Item) { ch <- it })
	}()
	return ch
}

// newIngestBar is ingest's progress bar, one step per input file.
func newIngestBar(w io.Writer, inputs []string) *progressbar.ProgressBar {
	return newProgressBar(w, ingest.Files(inputs), "ingest")
}

// newProgressBar returns a progress bar of max steps on w when w is a
// terminal, else nil: piped or redirected output stays free of control
// codes.
func newProgressBar(w io.Writer, max int, what string) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
}
