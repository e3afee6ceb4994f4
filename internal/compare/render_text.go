package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/rivo/uniseg"
)

// TextOptions shape the terminal form.
type TextOptions struct {
	// Width is the line width in terminal cells; 0 means DefaultWidth.
	Width int
	// Color adds ANSI colours (only for a terminal).
	Color bool
}

// DefaultWidth is the width used when output is not a terminal.
const DefaultWidth = 100

// minColumn is the narrowest readable column; below it outlets are
// stacked one after another instead of side by side.
const minColumn = 20

// notReported fills the cell of an outlet that does not carry a claim.
const notReported = "— not reported"

// maxSentence caps a quoted sentence in the text view (cells stay short;
// the full sentence is in the other formats).
const maxSentence = 320

// bulletBlank turns a first-line bullet into the continuation indent,
// keeping timeline rails (│).
var bulletBlank = strings.NewReplacer("•", " ", "●", " ", "✗", " ", "≠", " ", "◦", " ")

type line struct {
	text  string
	style string // ANSI SGR parameters, "" for plain
}

type textWriter struct {
	w     *bufio.Writer
	width int
	color bool
	err   error
}

func newTextWriter(w io.Writer, o TextOptions) *textWriter {
	width := o.Width
	if width <= 0 {
		width = DefaultWidth
	}
	if width < 40 {
		width = 40
	}
	return &textWriter{w: bufio.NewWriter(w), width: width, color: o.Color}
}

func (t *textWriter) paint(s, style string) string {
	if !t.color || style == "" || s == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

func (t *textWriter) println(parts ...string) {
	if t.err != nil {
		return
	}
	_, t.err = t.w.WriteString(strings.TrimRight(strings.Join(parts, ""), " ") + "\n")
}

func (t *textWriter) heading(s string) {
	t.println()
	s = truncate(s, t.width-7)
	bar := t.width - uniseg.StringWidth(s) - 4
	if bar < 3 {
		bar = 3
	}
	t.println(t.paint("══ "+s+" "+strings.Repeat("═", bar), "1"))
}

// wrapped writes s wrapped to the width after indent; a bullet indent
// ("• ") is written once and continuation lines are indented under it.
func (t *textWriter) wrapped(indent, s, style string) {
	cont := bulletBlank.Replace(indent)
	for i, l := range wrap(s, t.width-uniseg.StringWidth(indent)) {
		if i == 0 {
			t.println(indent, t.paint(l, style))
		} else {
			t.println(cont, t.paint(l, style))
		}
	}
}

// columns writes cells side by side, one per column, or stacked with the
// column heading when the terminal is too narrow.
func (t *textWriter) columns(heads []string, cells [][]line) {
	n := len(cells)
	if n == 0 {
		return
	}
	sep := " │ "
	colW := (t.width - 2 - (n-1)*uniseg.StringWidth(sep)) / n
	if colW < minColumn {
		// stacked, a block per outlet: the outlets that do not report
		// the claim share one line, not a block each
		var absent []string
		for i, c := range cells {
			if len(c) == 1 && c[0].text == notReported {
				absent = append(absent, heads[i])
				continue
			}
			t.println("  ", t.paint("▌ "+heads[i], "1"))
			for _, l := range c {
				for _, wl := range wrap(l.text, t.width-4) {
					t.println("    ", t.paint(wl, l.style))
				}
			}
		}
		if len(absent) > 0 {
			t.wrapped("  ", notReported+" by "+strings.Join(absent, ", "), "2")
		}
		return
	}
	wrappedCells := make([][]line, n)
	rows := 0
	for i, c := range cells {
		wrappedCells[i] = append(wrappedCells[i], line{truncate(heads[i], colW), "1;4"})
		for _, l := range c {
			for _, wl := range wrap(l.text, colW) {
				wrappedCells[i] = append(wrappedCells[i], line{wl, l.style})
			}
		}
		if len(wrappedCells[i]) > rows {
			rows = len(wrappedCells[i])
		}
	}
	for r := 0; r < rows; r++ {
		var b strings.Builder
		b.WriteString("  ")
		for i := range wrappedCells {
			if i > 0 {
				b.WriteString(t.paint(sep, "2"))
			}
			var l line
			if r < len(wrappedCells[i]) {
				l = wrappedCells[i][r]
			}
			pad := colW - uniseg.StringWidth(l.text)
			b.WriteString(t.paint(l.text, l.style))
			if i < n-1 && pad > 0 {
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
		t.println(b.String())
	}
}

// wrap breaks s into lines of at most width cells, at spaces where it can.
func wrap(s string, width int) []string {
	if width < 8 {
		width = 8
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		cur, curW := "", 0
		for _, w := range words {
			ww := uniseg.StringWidth(w)
			for ww > width {
				// A word longer than the line (a URL) is cut.
				if cur != "" {
					out = append(out, cur)
					cur, curW = "", 0
				}
				head, rest := cutWidth(w, width)
				out = append(out, head)
				w, ww = rest, uniseg.StringWidth(rest)
			}
			switch {
			case cur == "":
				cur, curW = w, ww
			case curW+1+ww <= width:
				cur += " " + w
				curW += 1 + ww
			default:
				out = append(out, cur)
				cur, curW = w, ww
			}
		}
		if cur != "" {
			out = append(out, cur)
		}
	}
	return out
}

// cutWidth splits s after at most width cells, on grapheme boundaries.
func cutWidth(s string, width int) (string, string) {
	g := uniseg.NewGraphemes(s)
	w, end := 0, 0
	for g.Next() {
		cw := g.Width()
		if w+cw > width && end > 0 {
			break
		}
		w += cw
		_, end = g.Positions()
	}
	return s[:end], s[end:]
}

func truncate(s string, width int) string {
	if uniseg.StringWidth(s) <= width {
		return s
	}
	head, _ := cutWidth(s, width-1)
	return head + "…"
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func stanceStyle(s domain.Stance) string {
	switch s {
	case domain.StanceAsserted:
		return "1;32"
	case domain.StanceAttributed:
		return "36"
	case domain.StanceQuoted:
		return "34"
	case domain.StanceHedged:
		return "33"
	case domain.StanceDisputed:
		return "1;31"
	}
	return "35"
}

func stanceLabel(st []domain.Stance) string {
	if len(st) == 0 {
		return "TEASER"
	}
	parts := make([]string, len(st))
	for i, s := range st {
		parts[i] = strings.ToUpper(string(s))
	}
	return strings.Join(parts, "+")
}

// shortRef is the compact "where": article ID prefix, field and offsets.
func shortRef(r Ref) string {
	id := r.ArticleID
	if len(id) > 8 {
		id = id[:8]
	}
	return fmt.Sprintf("↳ %s %s %d–%d", id, r.Field, r.Start, r.End)
}

// carrierLines is one outlet's cell for a group, with at most maxShown
// sentences.
func carrierLines(g Group, col string, maxShown int) []line {
	cs := g.CarriersIn(col)
	if len(cs) == 0 {
		return []line{{notReported, "2"}}
	}
	st := g.StancesIn(col)
	lead := domain.Stance("")
	if len(st) > 0 {
		lead = st[0]
	}
	var speakers []string
	for _, c := range cs {
		if !containsFold(speakers, c.Speaker) {
			speakers = append(speakers, c.Speaker)
		}
	}
	out := []line{{"[" + stanceLabel(st) + "] " + strings.Join(speakers, "; "), stanceStyle(lead)}}
	for i, c := range cs {
		if i == maxShown {
			out = append(out, line{fmt.Sprintf("+%d more", len(cs)-maxShown), "2"})
			break
		}
		if len(c.Cues) > 0 {
			out = append(out, line{"cues: " + strings.Join(c.Cues, ", "), "2"})
		}
		out = append(out, line{"“" + clip(c.Ref.Sentence, maxSentence) + "”", ""})
		out = append(out, line{shortRef(c.Ref), "2"})
	}
	return out
}

// RenderText writes the comparison for a terminal: one column per outlet.
func RenderText(w io.Writer, r *Report, o TextOptions) error {
	t := newTextWriter(w, o)
	t.wrapped("", "PARALLAX · "+r.Title, "1")
	t.println()
	t.println(t.paint("Outlets compared", "1"))
	for i, c := range r.Columns {
		t.wrapped("  ", fmt.Sprintf("[%d] %s", i+1, c.Heading()), "1")
		var meta []string
		if c.Domain != "" {
			meta = append(meta, c.Domain)
		}
		if c.Country != "" {
			meta = append(meta, c.Country)
		}
		if len(meta) > 0 {
			t.wrapped("      ", strings.Join(meta, " · "), "")
		}
		for _, l := range c.Labels {
			t.wrapped("      ", "label: "+l.Label+"  (source: "+l.Source+")", "35")
		}
		if len(c.Labels) == 0 {
			t.wrapped("      ", "label: none on record", "2")
		}
		for _, a := range c.Articles {
			s := "“" + a.Title + "”"
			if a.Published != nil {
				s += " · " + a.Published.String()
			}
			if a.Language != "" {
				s += " · " + a.Language
			}
			s += " · id " + a.ID
			t.wrapped("      ", s, "")
		}
	}
	heads := make([]string, len(r.Columns))
	keys := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		heads[i], keys[i] = c.Heading(), c.Key
	}
	cellsFor := func(g Group, only []string, maxShown int) ([]string, [][]line) {
		var hs []string
		var cells [][]line
		for i, k := range keys {
			if only != nil && !containsFold(only, k) {
				continue
			}
			hs = append(hs, heads[i])
			cells = append(cells, carrierLines(g, k, maxShown))
		}
		return hs, cells
	}

	t.heading(fmt.Sprintf("AGREED · %s carried by several outlets", plural(len(r.Agreed), "claim")))
	if len(r.Agreed) == 0 {
		t.println("  (none)")
	}
	for _, g := range r.Agreed {
		t.println()
		t.wrapped("● ", fmt.Sprintf("%s  [%s, %s]", g.Summary, g.Kind, g.ID), "1")
		h, c := cellsFor(g, nil, 2)
		t.columns(h, c)
	}

	t.heading(fmt.Sprintf("CONFLICTING · %d", len(r.Conflicting)))
	if len(r.Conflicting) == 0 {
		t.println("  (none found)")
	}
	for _, c := range r.Conflicting {
		t.println()
		t.wrapped("✗ ", fmt.Sprintf("%s — %s: %s", c.Subject, c.Kind, c.Why), "1;31")
		for _, p := range c.Positions {
			if r.isAgreed(p.ID) {
				// Shown in full under AGREED: one line here.
				t.wrapped("  ◦ ", fmt.Sprintf("%s — carried by %s (see AGREED %s)", p.Summary, r.outletNames(r.agreedColumns(p.ID, p.Columns)), p.ID), "1")
				if d := disputing(p); len(d.Carriers) > 0 {
					t.wrapped("  ◦ ", "doubted or denied:", "1")
					h, cells := cellsFor(d, d.Columns, 2)
					t.columns(h, cells)
				}
				continue
			}
			t.wrapped("  ◦ ", p.Summary, "1")
			h, cells := cellsFor(p, p.Columns, 1)
			t.columns(h, cells)
		}
	}

	t.heading(fmt.Sprintf("DIFFERENT ATTRIBUTION · %d", len(r.DifferentAttribution)))
	if len(r.DifferentAttribution) == 0 {
		t.println("  (none)")
	}
	for _, a := range r.DifferentAttribution {
		t.println()
		t.wrapped("≠ ", a.Group.Summary+"  (the same claim, credited to different speakers)", "1")
		var hs []string
		var cells [][]line
		for _, s := range a.Speakers {
			col, _ := r.ColumnByKey(s.Column)
			hs = append(hs, col.Heading())
			who := strings.Join(s.Speakers, "; ")
			if who == "" {
				who = "the outlet itself"
			}
			cells = append(cells, []line{{who, "36"}})
		}
		t.columns(hs, cells)
	}

	for _, o := range r.OnlyIn {
		col, _ := r.ColumnByKey(o.Column)
		t.heading(fmt.Sprintf("ONLY IN %s · %d", col.Heading(), len(o.Groups)))
		for _, g := range o.Groups {
			st := g.StancesIn(o.Column)
			lead := domain.Stance("")
			if len(st) > 0 {
				lead = st[0]
			}
			cs := g.Carriers
			who := cs[0].Speaker
			t.wrapped("• ", fmt.Sprintf("[%s] %s: %s", stanceLabel(st), who, clip(g.Summary, maxSentence)), stanceStyle(lead))
			if g.Kind == domain.ClaimControl || cs[0].Ref.Sentence != g.Summary {
				t.wrapped("    ", "“"+clip(cs[0].Ref.Sentence, maxSentence)+"”", "")
			}
			t.wrapped("    ", shortRef(cs[0].Ref), "2")
		}
	}

	t.heading("FRAMING · the words each outlet chose")
	if len(r.Framing) == 0 && len(r.Naming) == 0 {
		t.println("  (no framing markers found)")
	}
	for _, row := range r.Framing {
		t.println()
		t.println(t.paint("  "+strings.ReplaceAll(row.Category, "_", " "), "1"))
		var cells [][]line
		for _, c := range row.Cells {
			var ls []line
			for _, u := range c.Uses {
				ls = append(ls, line{useText(u), sideStyle(u.Side)})
			}
			if len(ls) == 0 {
				ls = []line{{"—", "2"}}
			}
			cells = append(cells, ls)
		}
		t.columns(heads, cells)
	}
	if len(r.Naming) > 0 {
		t.println()
		t.println(t.paint("  spellings of the same place", "1"))
		for _, row := range r.Naming {
			var cells [][]line
			for _, c := range row.Cells {
				var fs []string
				for _, f := range c.Forms {
					fs = append(fs, formText(f))
				}
				if len(fs) == 0 {
					fs = []string{"—"}
				}
				cells = append(cells, []line{{strings.Join(fs, ", "), ""}})
			}
			t.wrapped("  ", row.Name+":", "")
			t.columns(heads, cells)
		}
	}
	t.println()
	t.wrapped("", "Stances: ASSERTED = in the outlet's own voice · ATTRIBUTED = “X said” · QUOTED = direct quote · HEDGED = “claimed”, “reportedly” · DISPUTED = doubt or denial reported. ↳ = article id, field, byte offsets of the sentence.", "2")
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func useText(u MarkerUse) string {
	s := u.Surface
	if u.Quoted {
		s = "“" + s + "” (quoted)"
	} else if u.Scare {
		s = "“" + s + "” (scare quotes)"
	}
	if u.Count > 1 {
		s += fmt.Sprintf(" ×%d", u.Count)
	}
	if u.Side != "" {
		s += " [" + u.Side + "]"
	}
	return s
}

func formText(f Form) string {
	if f.Count > 1 {
		return fmt.Sprintf("%s ×%d", f.Surface, f.Count)
	}
	return f.Surface
}

func sideStyle(side string) string {
	switch strings.ToUpper(side) {
	case "RU":
		return "31"
	case "UA":
		return "34"
	}
	return ""
}

// eachSentenceOnce drops carriers quoting a sentence already quoted: one
// sentence can hold two claims about a place ("took the heights in X;
// fighting to liberate X goes on"), and the reader needs it once.
func eachSentenceOnce(cs []Carrier) []Carrier {
	type key struct {
		article, field string
		start          int
	}
	seen := map[key]bool{}
	var out []Carrier
	for _, c := range cs {
		k := key{c.Ref.ArticleID, c.Ref.Field, c.Ref.Start}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// RenderTimelineText draws the ledger as a vertical timeline.
func RenderTimelineText(w io.Writer, l *Ledger, o TextOptions) error {
	t := newTextWriter(w, o)
	t.wrapped("", fmt.Sprintf("PARALLAX · control timeline of %s (%s)", l.Place, l.PlaceID), "1")
	t.println()
	if len(l.Entries) == 0 {
		t.println("  no control claims about this place in the stored reports")
	}
	for i, e := range l.Entries {
		date := "undated"
		if e.Date != nil {
			date = e.Date.String()
			if e.Date.Inferred {
				date += " (inferred)"
			}
		}
		if e.DateFrom == "published" {
			date += " (publication date)"
		}
		t.println(t.paint("  ● ", "1"), t.paint(date, "1"))
		status := e.Summary
		if len(e.Statuses) > 0 {
			status += " · reported as: " + strings.Join(e.Statuses, ", ")
		}
		t.wrapped("  │   ", status, "1")
		if len(e.Claimants) > 0 {
			t.wrapped("  │   ", "claimed by: "+strings.Join(e.Claimants, "; "), "")
		}
		for _, os := range e.Outlets {
			lead := domain.Stance("")
			if len(os.Stances) > 0 {
				lead = os.Stances[0]
			}
			t.wrapped("  │   ", fmt.Sprintf("%s: %s", os.Outlet, strings.ToLower(stanceLabel(os.Stances))), stanceStyle(lead))
		}
		for _, c := range eachSentenceOnce(e.Carriers) {
			t.wrapped("  │     ", "“"+clip(c.Ref.Sentence, maxSentence)+"” "+shortRef(c.Ref), "2")
		}
		for _, d := range eachSentenceOnce(e.Disputes) {
			t.wrapped("  │   ", "✗ doubted ("+d.Outlet+"): “"+clip(d.Ref.Sentence, maxSentence)+"” "+shortRef(d.Ref), "31")
		}
		if i < len(l.Entries)-1 {
			t.println("  │")
		}
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}
