// Command parallax reads news reports from many outlets and shows, side by
// side, what each says about the same event. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/resolve"
)

// command is one subcommand. run gets the arguments after the name and
// returns errExitFailure (already reported) or an error to print.
type command struct {
	name    string
	args    string // usage after the name
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every command gets: where to write and the global settings.
type env struct {
	stdout, stderr io.Writer
	dbPath         string
	outletsFile    string          // --outlets: extra outlet registry (YAML)
	actorsFile     string          // --actors: extra actors (YAML)
	outlets        *ingest.Outlets // nil: the embedded registry
	actors         []resolve.Actor
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// errExitFailure means some inputs failed and were reported already.
var errExitFailure = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("parallax", flag.ContinueOnError)
	global.SetOutput(stderr)
	e := &env{stdout: stdout, stderr: stderr}
	global.StringVar(&e.dbPath, "db", defaultDBPath(), "the store: a SQLite file `path`, or a postgres:// URL")
	global.StringVar(&e.outletsFile, "outlets", "", "extra outlet registry `file` (YAML, as internal/ingest/data/outlets.yaml)")
	global.StringVar(&e.actorsFile, "actors", "", "extra actors `file` (YAML, as internal/resolve/data/actors.yaml)")
	global.Usage = func() { usage(stderr) }
	if err := global.Parse(args); err != nil {
		return 2
	}
	rest := global.Args()
	if len(rest) > 0 {
		// "parallax ls --db x.db" is as clear as "parallax --db x.db ls":
		// the global flags are taken wherever they stand
		var hoisted []string
		hoisted, rest = hoistGlobals(global, rest)
		if err := global.Parse(hoisted); err != nil {
			return 2
		}
	}
	if len(rest) == 0 {
		usage(stderr)
		return 2
	}
	if rest[0] == "help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "parallax: unknown command %q\n\n", rest[0])
		usage(stderr)
		return 2
	}
	if err := e.loadUserFiles(); err != nil {
		fmt.Fprintf(stderr, "parallax: %v\n", err)
		return 2
	}
	err := c.run(ctx, e, rest[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errExitFailure):
		return 1
	default:
		fmt.Fprintf(stderr, "parallax %s: %v\n", c.name, err)
		return 1
	}
}

// hoistGlobals takes the global flags (with their values) out of a
// command's arguments, up to a "--", and returns them apart from the rest.
// No command defines a flag of the same name.
func hoistGlobals(global *flag.FlagSet, args []string) (globals, rest []string) {
	rest = append(rest, args[0])
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return globals, append(rest, args[i:]...)
		}
		name, hasValue := strings.TrimLeft(a, "-"), false
		if !strings.HasPrefix(a, "-") || len(a)-len(name) > 2 {
			rest = append(rest, a)
			continue
		}
		if k, _, ok := strings.Cut(name, "="); ok {
			name, hasValue = k, true
		}
		if global.Lookup(name) == nil {
			rest = append(rest, a)
			continue
		}
		globals = append(globals, a)
		if !hasValue && i+1 < len(args) {
			i++
			globals = append(globals, args[i])
		}
	}
	return globals, rest
}

// errUsage means the flags were wrong and the flag package said so.
var errUsage = errors.New("usage")

// parseFlags parses a subcommand's flags, allowing flags after positional
// arguments (parallax read FILE --format json).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: parallax [--db PATH] [--outlets FILE] [--actors FILE] COMMAND [ARGS]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-10s %s\n", n, c.summary)
		fmt.Fprintf(w, "  %-10s   parallax %s %s\n", "", n, strings.TrimSpace(c.args))
	}
}
