package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/parallaxnews/parallax/internal/domain"
)

func init() {
	register(&command{
		name:    "claims",
		args:    "FILE|ID [--format text|json]",
		summary: "list who claims what in one report (speaker, stance, kind, places, numbers, dates) and its framing words",
		run:     runClaims,
	})
}

func runClaims(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("claims", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) != 1 {
		return fmt.Errorf("name one FILE or stored article ID")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	arts, err := loadOne(ctx, e, inputs[0])
	if err != nil {
		return err
	}
	p, err := newPipeline(e)
	if err != nil {
		return err
	}
	type out struct {
		Article  *domain.Article  `json:"article"`
		Analysis *domain.Analysis `json:"analysis"`
		// BlockClaims come from related-article teasers; their offsets are
		// into the block named by Field ("block:<i>").
		BlockClaims []domain.Claim `json:"block_claims,omitempty"`
	}
	var outs []out
	for _, a := range arts {
		outs = append(outs, out{a, p.analyse(a), p.extractor.ExtractBlocks(a)})
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if len(outs) == 1 {
			return enc.Encode(outs[0])
		}
		return enc.Encode(outs)
	}
	mark := bracketMark
	if f, ok := e.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		mark = underlineMark
	}
	for i, o := range outs {
		if i > 0 {
			fmt.Fprintln(e.stdout, strings.Repeat("─", 72))
		}
		printClaims(e.stdout, o.Article, o.Analysis, mark)
		if len(o.BlockClaims) > 0 {
			fmt.Fprintf(e.stdout, "\nrelated-article teasers (not the story; they can report doubt about it)\n")
			for _, c := range o.BlockClaims {
				fmt.Fprintf(e.stdout, "  %s  %s  voice: %s\n    %s\n", c.Kind, c.Stance, voiceString(c.Voice), markSpan(c, mark))
			}
		}
	}
	return nil
}

func bracketMark(s string) string   { return "⟦" + s + "⟧" }
func underlineMark(s string) string { return "\x1b[4m" + s + "\x1b[24m" }

// printClaims writes each claim with its sentence, the claimed span marked,
// then the framing markers.
func printClaims(w io.Writer, a *domain.Article, an *domain.Analysis, mark func(string) string) {
	fmt.Fprintf(w, "%s  %s\n", a.ID, a.Title)
	if a.Outlet != nil {
		fmt.Fprintf(w, "outlet: %s", a.Outlet.Name)
		if len(a.Wires) > 0 {
			fmt.Fprintf(w, " (wire: %s)", strings.Join(a.Wires, ", "))
		}
		fmt.Fprintln(w)
	}
	if a.Published != nil {
		fmt.Fprintf(w, "published: %s\n", a.Published)
	}
	fmt.Fprintf(w, "\n%d claims\n", len(an.Claims))
	for _, c := range an.Claims {
		// the stance, then the others that also hold, as compare shows
		// them ("attributed+quoted"), not "asserted (asserted, attributed)"
		stances := string(c.Stance)
		for _, s := range c.Stances {
			if s != c.Stance {
				stances += "+" + string(s)
			}
		}
		fmt.Fprintf(w, "\n%s  %s  %s  voice: %s\n", strings.TrimPrefix(c.ID, a.ID+"-"), c.Kind, stances, voiceString(c.Voice))
		if len(c.Cues) > 0 {
			fmt.Fprintf(w, "    cues:     %s\n", strings.Join(c.Cues, ", "))
		}
		if c.Control != nil {
			fmt.Fprintf(w, "    control:  %s", c.Control.Status)
			if c.Control.Side != "" {
				fmt.Fprintf(w, " by %s", c.Control.Side)
			}
			if c.Control.Share > 0 {
				fmt.Fprintf(w, ", share %g", c.Control.Share)
			}
			if c.Control.Settlements > 0 {
				fmt.Fprintf(w, ", %d settlements", c.Control.Settlements)
			}
			fmt.Fprintln(w)
		}
		if len(c.Places) > 0 {
			fmt.Fprintf(w, "    places:   %s\n", refsString(c.Places))
		}
		if len(c.Actors) > 0 {
			fmt.Fprintf(w, "    actors:   %s\n", refsString(c.Actors))
		}
		for _, q := range c.Quantities {
			of := ""
			if q.Of != "" {
				of = " of " + q.Of
			}
			fmt.Fprintf(w, "    quantity: %q = %s %g %s%s\n", q.Surface, q.Qualifier, q.Value, q.Unit, of)
		}
		if c.Time != nil {
			note := ""
			if c.Time.Inferred {
				note = " (inferred)"
			}
			if c.Time.Surface != "" {
				note += fmt.Sprintf(" from %q", c.Time.Surface)
			}
			fmt.Fprintf(w, "    time:     %s%s\n", c.Time, note)
		}
		fmt.Fprintf(w, "    key:      %s\n", c.Proposition)
		fmt.Fprintf(w, "    %-9s %s\n", c.Field+":", markSpan(c, mark))
	}
	if len(an.Markers) > 0 {
		// which side's vocabulary the outlet uses in its own voice
		own := map[string]int{}
		for _, m := range an.Markers {
			if !m.Quoted && m.Side != "" {
				own[m.Side]++
			}
		}
		fmt.Fprintf(w, "\nframing (%d markers; in the outlet's own voice: RU-usage %d, UA-usage %d, neutral %d)\n",
			len(an.Markers), own["RU"], own["UA"], own["neutral"])
		for _, m := range an.Markers {
			q := ""
			switch {
			case m.Scare:
				q = "  [scare quotes]"
			case m.Quoted:
				q = "  [quoted]"
			}
			fmt.Fprintf(w, "  %-16s %-8s %-5s %q%s\n", m.Category, m.Side, m.Field, m.Surface, q)
		}
	}
}

func markSpan(c domain.Claim, mark func(string) string) string {
	a, b := c.SpanStart-c.Start, c.SpanEnd-c.Start
	if a < 0 || b > len(c.Sentence) || a > b {
		return c.Sentence
	}
	return c.Sentence[:a] + mark(c.Sentence[a:b]) + c.Sentence[b:]
}

func voiceString(v domain.Voice) string {
	var s string
	switch {
	case v.Name != "" && v.Description != "":
		s = fmt.Sprintf("%s (%s, %s)", v.Name, v.Kind, v.Description)
	case v.Name != "":
		s = fmt.Sprintf("%s (%s)", v.Name, v.Kind)
	case v.Description != "":
		s = fmt.Sprintf("%q (%s)", v.Description, v.Kind)
	default:
		s = v.Kind
	}
	if v.EntityID != "" {
		s += " [" + v.EntityID + "]"
	}
	for _, via := range v.Via {
		s += " via " + voiceString(via)
	}
	return s
}

func refsString(rs []domain.Ref) string {
	var out []string
	for _, r := range rs {
		s := r.Name
		if r.Surface != "" && r.Surface != r.Name {
			s += fmt.Sprintf(" (%q)", r.Surface)
		}
		if r.EntityID != "" {
			s += " [" + r.EntityID + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}
