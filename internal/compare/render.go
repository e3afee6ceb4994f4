package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the output formats of Render.
var Formats = []string{"text", "markdown", "json", "html"}

// Render writes r in format (text, markdown, json or html).
func Render(w io.Writer, r *Report, format string, o TextOptions) error {
	switch format {
	case "text", "":
		return RenderText(w, r, o)
	case "markdown", "md":
		return RenderMarkdown(w, r)
	case "json":
		return RenderJSON(w, r)
	case "html":
		return RenderHTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// RenderLedger writes l in format (text, json or html).
func RenderLedger(w io.Writer, l *Ledger, format string, o TextOptions) error {
	switch format {
	case "text", "":
		return RenderTimelineText(w, l, o)
	case "json":
		return RenderJSON(w, l)
	case "html":
		return RenderTimelineHTML(w, l)
	}
	return fmt.Errorf("unknown format %q (want text, json or html)", format)
}

// RenderJSON writes v (a Report or Ledger) as indented JSON; the schema is
// in schema.md.
func RenderJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// mdEscape makes article text safe inside a Markdown table cell: pipes,
// markup characters and line breaks would otherwise change the table.
func mdEscape(s string) string {
	return mdReplacer.Replace(strings.Join(strings.Fields(s), " "))
}

var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`,
)

func mdCell(g Group, col string) string {
	cs := g.CarriersIn(col)
	if len(cs) == 0 {
		return "— not reported"
	}
	var speakers []string
	for _, c := range cs {
		if !containsFold(speakers, c.Speaker) {
			speakers = append(speakers, c.Speaker)
		}
	}
	parts := []string{fmt.Sprintf("**%s** · %s", strings.ToLower(stanceLabel(g.StancesIn(col))), mdEscape(strings.Join(speakers, "; ")))}
	for i, c := range cs {
		if i == 2 {
			parts = append(parts, fmt.Sprintf("+%d more", len(cs)-2))
			break
		}
		parts = append(parts, "“"+mdEscape(clip(c.Ref.Sentence, maxSentence))+"” <sub>"+mdEscape(refText(c.Ref))+"</sub>")
	}
	return strings.Join(parts, "<br>")
}

func refText(r Ref) string {
	return fmt.Sprintf("%s %s %d–%d", r.ArticleID, r.Field, r.Start, r.End)
}

// RenderMarkdown writes the comparison as Markdown with one table column
// per outlet.
func RenderMarkdown(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", mdEscape(r.Title))
	p("## Outlets\n\n")
	for _, c := range r.Columns {
		p("- **%s**", mdEscape(c.Heading()))
		if c.Domain != "" {
			p(" — %s", mdEscape(c.Domain))
		}
		for _, l := range c.Labels {
			p(" · *%s* (source: %s)", mdEscape(l.Label), mdEscape(l.Source))
		}
		p("\n")
		for _, a := range c.Articles {
			pub := ""
			if a.Published != nil {
				pub = " · " + a.Published.String()
			}
			p("  - “%s”%s · `%s`\n", mdEscape(a.Title), pub, a.ID)
		}
	}
	header := func(cols []string) {
		p("\n|")
		for _, k := range cols {
			c, _ := r.ColumnByKey(k)
			p(" %s |", mdEscape(c.Heading()))
		}
		p("\n|")
		for range cols {
			p(" --- |")
		}
		p("\n")
	}
	allCols := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		allCols[i] = c.Key
	}
	groupTable := func(g Group, cols []string) {
		header(cols)
		p("|")
		for _, k := range cols {
			p(" %s |", mdCell(g, k))
		}
		p("\n")
	}
	p("\n## Agreed\n")
	if len(r.Agreed) == 0 {
		p("\nNone.\n")
	}
	for _, g := range r.Agreed {
		p("\n### %s\n", mdEscape(g.Summary))
		groupTable(g, allCols)
	}
	p("\n## Conflicting\n")
	if len(r.Conflicting) == 0 {
		p("\nNone found.\n")
	}
	for _, c := range r.Conflicting {
		p("\n### %s — %s\n\n%s\n", mdEscape(c.Subject), c.Kind, mdEscape(c.Why))
		for _, g := range c.Positions {
			if r.isAgreed(g.ID) {
				p("\n**%s** — carried by %s (see Agreed)\n", mdEscape(g.Summary), mdEscape(r.outletNames(r.agreedColumns(g.ID, g.Columns))))
				if d := disputing(g); len(d.Carriers) > 0 {
					p("\n**Doubted or denied:**\n")
					groupTable(d, d.Columns)
				}
				continue
			}
			p("\n**%s**\n", mdEscape(g.Summary))
			groupTable(g, g.Columns)
		}
	}
	p("\n## Different attribution\n")
	if len(r.DifferentAttribution) == 0 {
		p("\nNone.\n")
	}
	for _, a := range r.DifferentAttribution {
		p("\n### %s\n", mdEscape(a.Group.Summary))
		var cols []string
		for _, s := range a.Speakers {
			cols = append(cols, s.Column)
		}
		header(cols)
		p("|")
		for _, s := range a.Speakers {
			who := strings.Join(s.Speakers, "; ")
			if who == "" {
				who = "the outlet itself"
			}
			p(" %s |", mdEscape(who))
		}
		p("\n")
	}
	for _, o := range r.OnlyIn {
		c, _ := r.ColumnByKey(o.Column)
		p("\n## Only in %s\n\n", mdEscape(c.Heading()))
		for _, g := range o.Groups {
			cr := g.Carriers[0]
			p("- **%s** · %s: %s — “%s” <sub>%s</sub>\n", strings.ToLower(stanceLabel(g.StancesIn(o.Column))),
				mdEscape(cr.Speaker), mdEscape(clip(g.Summary, maxSentence)), mdEscape(clip(cr.Ref.Sentence, maxSentence)), mdEscape(refText(cr.Ref)))
		}
	}
	p("\n## Framing\n")
	if len(r.Framing) > 0 {
		p("\n| category |")
		for _, c := range r.Columns {
			p(" %s |", mdEscape(c.Heading()))
		}
		p("\n| --- |")
		for range r.Columns {
			p(" --- |")
		}
		p("\n")
		for _, row := range r.Framing {
			p("| %s |", mdEscape(strings.ReplaceAll(row.Category, "_", " ")))
			for _, c := range row.Cells {
				var us []string
				for _, u := range c.Uses {
					us = append(us, mdEscape(useText(u)))
				}
				if len(us) == 0 {
					us = []string{"—"}
				}
				p(" %s |", strings.Join(us, ", "))
			}
			p("\n")
		}
	}
	if len(r.Naming) > 0 {
		p("\n**Spellings of the same place**\n\n| place |")
		for _, c := range r.Columns {
			p(" %s |", mdEscape(c.Heading()))
		}
		p("\n| --- |")
		for range r.Columns {
			p(" --- |")
		}
		p("\n")
		for _, row := range r.Naming {
			p("| %s |", mdEscape(row.Name))
			for _, c := range row.Cells {
				var fs []string
				for _, f := range c.Forms {
					fs = append(fs, mdEscape(formText(f)))
				}
				if len(fs) == 0 {
					fs = []string{"—"}
				}
				p(" %s |", strings.Join(fs, ", "))
			}
			p("\n")
		}
	}
	if len(r.Framing) == 0 && len(r.Naming) == 0 {
		p("\nNo framing markers found.\n")
	}
	p("\n---\nStances: asserted = in the outlet's own voice · attributed = “X said” · quoted = direct quote · hedged = “claimed”, “reportedly” · disputed = doubt or denial reported. References: article id, field, byte offsets.\n")
	return b.Flush()
}
