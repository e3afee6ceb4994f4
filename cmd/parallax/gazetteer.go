package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "gazetteer",
		args:    "lookup NAME... [--file GEONAMES.txt]... [--country CC] | import FILE... | fetch CC [--base-url URL]",
		summary: "look place names up across spellings; add GeoNames/KATOTTG files",
		run:     runGazetteer,
	})
	registerBench("gazetteer", &benchmark{
		args:    "[--repeat N] [NAME...]",
		summary: "build the default gazetteer, then look names up; load time and lookups/s in extra",
		run:     benchGazetteer,
	})
}

// benchNames is a mix of what the resolver asks: plain and transliterated
// names, case forms, old names, typos, divisions and non-places.
var benchNames = []string{"Kupiansk", "Kupyansk", "Куп'янськ", "Купянске", "Kharkov region", "Krasnoarmeysk",
	"Konstaninovka", "Zaporozhye", "Харьковской области", "Donetsk People's Republic", "Gerasimov", "Pokrovsk",
	"Kremlin", "Moscow", "Bakhmut", "Покровську"}

func benchGazetteer(_ context.Context, e *env, args []string) (benchWork, error) {
	fs := flag.NewFlagSet("bench gazetteer", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	repeat := fs.Int("repeat", 20000, "look names up `N` times in all")
	names, err := parseFlags(fs, args)
	if err != nil {
		return benchWork{}, err
	}
	if len(names) == 0 {
		names = benchNames
	}
	if *repeat < 1 {
		return benchWork{}, errors.New("--repeat must be at least 1")
	}
	start := time.Now()
	g, err := gazetteer.Default()
	if err != nil {
		return benchWork{}, err
	}
	load := time.Since(start)
	g.Lookup("Konstaninovka") // builds the typo index
	start = time.Now()
	found := 0
	for i := 0; i < *repeat; i++ {
		if len(g.Lookup(names[i%len(names)])) > 0 {
			found++
		}
	}
	secs := time.Since(start).Seconds()
	return benchWork{Extra: map[string]any{
		"load_s": load.Seconds(), "places": g.Len(), "lookups": *repeat, "found": found,
		"lookups_per_s": float64(*repeat) / secs,
	}}, nil
}

// gazetteerDir is where imported gazetteer files live: next to the database.
func gazetteerDir(e *env) string {
	if !store.IsFile(e.dbPath) {
		// A shared database server holds no files: they stay on this machine.
		return filepath.Join(dataDir(), "gazetteer")
	}
	return filepath.Join(filepath.Dir(e.dbPath), "gazetteer")
}

// loadGazetteer is the gazetteer commands should resolve with: the
// embedded default plus whatever `parallax gazetteer import/fetch` stored.
// Problems with stored files are warnings; the default still works.
func loadGazetteer(e *env) (*gazetteer.Gazetteer, error) {
	g, err := gazetteer.Load(gazetteerDir(e))
	if err != nil {
		return nil, err
	}
	if g.Skipped > 0 {
		fmt.Fprintf(e.stderr, "warning: gazetteer: %d stored lines skipped", g.Skipped)
		if len(g.Errors) > 0 {
			fmt.Fprintf(e.stderr, " (first: %v)", g.Errors[0])
		}
		fmt.Fprintln(e.stderr)
	}
	return g, nil
}

func runGazetteer(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return errors.New("name a subcommand: lookup, import or fetch")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(e.stdout, "usage: parallax gazetteer lookup NAME... [--file GEONAMES.txt]... [--country CC] [--n N]")
		fmt.Fprintln(e.stdout, "       parallax gazetteer import FILE...   (GeoNames country file .txt/.zip, admin1CodesASCII.txt, KATOTTG .csv)")
		fmt.Fprintln(e.stdout, "       parallax gazetteer fetch CC [--base-url URL] [--allow-private]")
		fmt.Fprintf(e.stdout, "Imported files are kept in %s and used by every command.\n", gazetteerDir(e))
		return nil
	case "lookup":
		return runGazetteerLookup(e, args[1:])
	case "import":
		return runGazetteerImport(e, args[1:])
	case "fetch":
		return runGazetteerFetch(ctx, e, args[1:])
	}
	return fmt.Errorf("unknown subcommand %q (want lookup, import or fetch)", args[0])
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func runGazetteerLookup(e *env, args []string) error {
	fs := flag.NewFlagSet("gazetteer lookup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var files multiFlag
	fs.Var(&files, "file", "also read this GeoNames table or KATOTTG CSV (repeatable)")
	country := fs.String("country", "", "country the text is about (ISO alpha-2), for ranking")
	n := fs.Int("n", 8, "show at most `N` candidates")
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return errors.New("name at least one place name")
	}
	var g *gazetteer.Gazetteer
	if len(files) > 0 {
		g, err = gazetteer.LoadWith(gazetteerDir(e), files)
	} else {
		g, err = loadGazetteer(e)
	}
	if err != nil {
		return err
	}
	for i, name := range names {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		ms := g.Lookup(name)
		if len(ms) == 0 {
			fmt.Fprintf(e.stdout, "%s: no place found\n", name)
			continue
		}
		r := g.Rank(ms, gazetteer.Context{Country: *country})
		status := "resolved"
		if r.Ambiguous {
			status = "ambiguous"
		}
		fmt.Fprintf(e.stdout, "%s: %d candidate(s), %s\n", name, len(ms), status)
		all := append([]gazetteer.Scored{*r.Best}, r.RunnersUp...)
		for j, s := range all {
			if j >= *n {
				fmt.Fprintf(e.stdout, "  … %d more\n", len(all)-j)
				break
			}
			p := s.Place
			where := strings.Trim(strings.Join([]string{p.Admin1, p.Country}, ", "), ", ")
			fmt.Fprintf(e.stdout, "  %.2f  %-24s %s  %s  [%s, name %s %.2f via %q]\n", s.Score, p.Name, where, p.ID, p.FeatureCode, s.How, s.Match.Score, s.Name)
			fmt.Fprintf(e.stdout, "        %s\n", strings.Join(s.Reasons(), "; "))
		}
	}
	return nil
}

func runGazetteerImport(e *env, args []string) error {
	fs := flag.NewFlagSet("gazetteer import", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("name at least one GeoNames table (.txt/.zip) or KATOTTG CSV")
	}
	failed := false
	for _, f := range files {
		if err := importOne(e, f); err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", f, err)
			failed = true
		}
	}
	if failed {
		return errExitFailure
	}
	return nil
}

func importOne(e *env, file string) error {
	res, err := gazetteer.Import(gazetteerDir(e), file)
	if err != nil {
		for _, er := range res.Errors {
			fmt.Fprintf(e.stderr, "warning: %v\n", er)
		}
		return err
	}
	reportImport(e, file, res)
	return nil
}

func reportImport(e *env, what string, res gazetteer.ImportResult) {
	for _, er := range res.Errors {
		fmt.Fprintf(e.stderr, "warning: %v\n", er)
	}
	fmt.Fprintf(e.stdout, "%s: %s, %d entries stored in %s", what, res.Kind, res.Entries, res.Path)
	if res.Skipped > 0 {
		fmt.Fprintf(e.stdout, ", %d malformed lines skipped", res.Skipped)
	}
	fmt.Fprintln(e.stdout)
}

func runGazetteerFetch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("gazetteer fetch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	base := fs.String("base-url", gazetteer.DefaultDumpURL, "GeoNames dump `URL`")
	allowPrivate := fs.Bool("allow-private", false, "allow a base URL on a private or loopback address")
	ccs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(ccs) == 0 {
		return errors.New("name at least one country code, e.g. UA")
	}
	// The project's guarded client (address checks at dial time, redirect
	// limit), with time for a dump of tens of megabytes.
	client := (&ingest.Fetcher{AllowPrivate: *allowPrivate, Timeout: 10 * time.Minute}).Client()
	failed := false
	for _, cc := range ccs {
		res, err := gazetteer.Fetch(ctx, client, *base, cc, gazetteerDir(e))
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", cc, err)
			failed = true
			continue
		}
		reportImport(e, cc, res)
	}
	if failed {
		return errExitFailure
	}
	return nil
}
