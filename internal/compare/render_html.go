package compare

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

var htmlTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"lower":    strings.ToLower,
	"category": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"use":      useText,
	"form":     formText,
	"sideclass": func(s string) string {
		switch strings.ToUpper(s) {
		case "RU":
			return "ru"
		case "UA":
			return "ua"
		}
		return "neutral"
	},
}).ParseFS(templateFS, "templates/*.tmpl"))

// The view types below are what the templates see: all article text goes
// through html/template, which escapes it for its context.

type htmlQuote struct {
	Sentence string
	Anchor   string
	Where    string
	Cues     string
}

type htmlCell struct {
	Missing  bool
	Stances  []string
	Lead     string
	Speakers string
	Quotes   []htmlQuote
	More     int
}

type htmlGroup struct {
	ID, Kind, Summary string
	Cells             []htmlCell
	Heads             []string
	SeeAbove          bool
	Outlets           string
	Disputing         *htmlGroup // with SeeAbove: the carriers that doubt or deny it
}

type htmlConflict struct {
	Kind, Subject, Why string
	Positions          []htmlGroup
}

type htmlAttribution struct {
	Summary string
	Heads   []string
	Who     []string
}

type htmlOnly struct {
	Heading string
	Items   []htmlOnlyItem
}

type htmlOnlyItem struct {
	Stances  []string
	Lead     string
	Speaker  string
	Summary  string
	Quote    htmlQuote
	ShowText bool
}

type htmlSource struct {
	ArticleID, Title, Outlet, Published, URL string
	Sentences                                []htmlQuote
}

type htmlReport struct {
	R           *Report
	Heads       []string
	Agreed      []htmlGroup
	Conflicting []htmlConflict
	Attrib      []htmlAttribution
	Only        []htmlOnly
	Sources     []htmlSource
}

// sources collects every sentence the report links to, for the appendix
// the anchors point at.
type sources struct {
	byArticle map[string]map[string]htmlQuote
}

func (s *sources) quote(r Ref, cues []string) htmlQuote {
	q := htmlQuote{Sentence: clip(r.Sentence, 2000), Anchor: r.Anchor(), Where: refText(r), Cues: strings.Join(cues, ", ")}
	if s.byArticle[r.ArticleID] == nil {
		s.byArticle[r.ArticleID] = map[string]htmlQuote{}
	}
	s.byArticle[r.ArticleID][q.Anchor] = q
	return q
}

func stanceStrings(st []domain.Stance) []string {
	if len(st) == 0 {
		return []string{"teaser"}
	}
	out := make([]string, len(st))
	for i, s := range st {
		out[i] = string(s)
	}
	return out
}

func (s *sources) cell(g Group, col string, maxQuotes int) htmlCell {
	cs := g.CarriersIn(col)
	if len(cs) == 0 {
		return htmlCell{Missing: true}
	}
	st := g.StancesIn(col)
	c := htmlCell{Stances: stanceStrings(st), Lead: stanceStrings(st)[0]}
	var speakers []string
	for _, x := range cs {
		if !containsFold(speakers, x.Speaker) {
			speakers = append(speakers, x.Speaker)
		}
	}
	c.Speakers = strings.Join(speakers, "; ")
	for i, x := range cs {
		if i == maxQuotes {
			c.More = len(cs) - maxQuotes
			break
		}
		c.Quotes = append(c.Quotes, s.quote(x.Ref, x.Cues))
	}
	return c
}

func (s *sources) group(r *Report, g Group, cols []string, maxQuotes int) htmlGroup {
	hg := htmlGroup{ID: g.ID, Kind: string(g.Kind), Summary: g.Summary}
	for _, k := range cols {
		c, _ := r.ColumnByKey(k)
		hg.Heads = append(hg.Heads, c.Heading())
		hg.Cells = append(hg.Cells, s.cell(g, k, maxQuotes))
	}
	return hg
}

// RenderHTML writes the comparison as one self-contained HTML page (inline
// CSS, no external assets) that can be mailed as it is.
func RenderHTML(w io.Writer, r *Report) error {
	src := &sources{byArticle: map[string]map[string]htmlQuote{}}
	v := htmlReport{R: r}
	var all []string
	for _, c := range r.Columns {
		v.Heads = append(v.Heads, c.Heading())
		all = append(all, c.Key)
	}
	for _, g := range r.Agreed {
		v.Agreed = append(v.Agreed, src.group(r, g, all, 3))
	}
	for _, c := range r.Conflicting {
		hc := htmlConflict{Kind: c.Kind, Subject: c.Subject, Why: c.Why}
		for _, p := range c.Positions {
			hg := src.group(r, p, p.Columns, 1)
			// Agreed groups are shown in full above: link there, and
			// quote here only who doubts or denies it.
			if hg.SeeAbove = r.isAgreed(p.ID); hg.SeeAbove {
				if d := disputing(p); len(d.Carriers) > 0 {
					dg := src.group(r, d, d.Columns, 2)
					hg.Disputing = &dg
				}
			}
			hg.Outlets = r.outletNames(r.agreedColumns(p.ID, p.Columns))
			hc.Positions = append(hc.Positions, hg)
		}
		v.Conflicting = append(v.Conflicting, hc)
	}
	for _, a := range r.DifferentAttribution {
		ha := htmlAttribution{Summary: a.Group.Summary}
		for _, s := range a.Speakers {
			c, _ := r.ColumnByKey(s.Column)
			ha.Heads = append(ha.Heads, c.Heading())
			who := strings.Join(s.Speakers, "; ")
			if who == "" {
				who = "the outlet itself"
			}
			ha.Who = append(ha.Who, who)
		}
		v.Attrib = append(v.Attrib, ha)
	}
	for _, o := range r.OnlyIn {
		c, _ := r.ColumnByKey(o.Column)
		ho := htmlOnly{Heading: c.Heading()}
		for _, g := range o.Groups {
			cr := g.Carriers[0]
			st := stanceStrings(g.StancesIn(o.Column))
			ho.Items = append(ho.Items, htmlOnlyItem{
				Stances: st, Lead: st[0], Speaker: cr.Speaker, Summary: clip(g.Summary, 600),
				Quote: src.quote(cr.Ref, cr.Cues), ShowText: g.Kind == domain.ClaimControl || cr.Ref.Sentence != g.Summary,
			})
		}
		v.Only = append(v.Only, ho)
	}
	for _, row := range r.Framing {
		for _, c := range row.Cells {
			for _, u := range c.Uses {
				src.quote(u.Ref, nil)
			}
		}
	}
	for _, row := range r.Naming {
		for _, c := range row.Cells {
			for _, f := range c.Forms {
				src.quote(f.Ref, nil)
			}
		}
	}
	for _, col := range r.Columns {
		for _, a := range col.Articles {
			qs := src.byArticle[a.ID]
			if len(qs) == 0 {
				continue
			}
			hs := htmlSource{ArticleID: a.ID, Title: a.Title, Outlet: col.Heading(), URL: safeURL(a.URL)}
			if a.Published != nil {
				hs.Published = a.Published.String()
			}
			for _, q := range qs {
				hs.Sentences = append(hs.Sentences, q)
			}
			sort.Slice(hs.Sentences, func(i, j int) bool { return hs.Sentences[i].Where < hs.Sentences[j].Where })
			v.Sources = append(v.Sources, hs)
		}
	}
	return htmlTemplates.ExecuteTemplate(w, "report.html.tmpl", v)
}

// safeURL keeps only http(s) links; html/template would neutralise others
// anyway, this keeps the page free of dead "#ZgotmplZ" links.
func safeURL(u string) string {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

type htmlEntry struct {
	E        LedgerEntry
	Date     string
	Note     string
	Side     string
	Outlets  []htmlOutletStance
	Quotes   []htmlQuote
	Disputes []htmlDispute
}

type htmlOutletStance struct {
	Outlet  string
	Stances []string
	Lead    string
}

type htmlDispute struct {
	Outlet string
	Quote  htmlQuote
}

// RenderTimelineHTML writes the ledger as one self-contained HTML page
// with a CSS timeline.
func RenderTimelineHTML(w io.Writer, l *Ledger) error {
	src := &sources{byArticle: map[string]map[string]htmlQuote{}}
	var entries []htmlEntry
	for _, e := range l.Entries {
		he := htmlEntry{E: e, Date: "undated", Side: strings.ToLower(e.Side)}
		if e.Date != nil {
			he.Date = e.Date.String()
			if e.Date.Inferred {
				he.Note = "date partly inferred"
			}
		}
		if e.DateFrom == "published" {
			he.Note = strings.TrimPrefix(he.Note+"; date of publication", "; ")
		}
		for _, o := range e.Outlets {
			st := stanceStrings(o.Stances)
			he.Outlets = append(he.Outlets, htmlOutletStance{Outlet: o.Outlet, Stances: st, Lead: st[0]})
		}
		for _, c := range eachSentenceOnce(e.Carriers) {
			he.Quotes = append(he.Quotes, src.quote(c.Ref, c.Cues))
		}
		for _, d := range eachSentenceOnce(e.Disputes) {
			he.Disputes = append(he.Disputes, htmlDispute{Outlet: d.Outlet, Quote: src.quote(d.Ref, d.Cues)})
		}
		entries = append(entries, he)
	}
	return htmlTemplates.ExecuteTemplate(w, "timeline.html.tmpl", struct {
		L       *Ledger
		Entries []htmlEntry
	}{l, entries})
}

func init() {
	// Fail at start-up, not on first use, if a template is missing.
	for _, n := range []string{"report.html.tmpl", "timeline.html.tmpl"} {
		if htmlTemplates.Lookup(n) == nil {
			panic(fmt.Sprintf("compare: template %s missing", n))
		}
	}
}
