package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// teasers turns each article's related-article lines into only-in items:
// a teaser an outlet puts beside the story ("… Experts Doubt It") is often
// where its doubt is, and no other outlet carries it.
func (in *input) teasers() []Group {
	var out []Group
	for _, a := range in.arts {
		col := in.colOf[a.ID]
		for i, b := range a.Blocks {
			if b.Kind != domain.BlockRelated {
				continue
			}
			text := strings.TrimSpace(b.Text)
			if text == "" || in.claimCovers(a.ID, text) {
				continue
			}
			c := Carrier{
				Column: col, Outlet: in.columnName(col), Speaker: "the outlet", Text: text,
				Ref: Ref{ArticleID: a.ID, Field: fmt.Sprintf("block:%d", i), Start: 0, End: len(b.Text), Sentence: b.Text},
			}
			if hasDisputeCue(text) {
				c.Stance = domain.StanceDisputed
			}
			out = append(out, Group{
				ID: fmt.Sprintf("t-%s-%d", a.ID, i), Kind: "teaser", Summary: text,
				Columns: []string{col}, Carriers: []Carrier{c},
			})
		}
	}
	return out
}

// claimCovers says whether the claims stage already made a claim of text.
func (in *input) claimCovers(articleID, text string) bool {
	for _, c := range claimsOf(in.ans[articleID]) {
		if c.Sentence != "" && (strings.Contains(text, c.Sentence) || strings.Contains(c.Sentence, text)) {
			return true
		}
	}
	return false
}

func (in *input) columnName(key string) string {
	for _, c := range in.columns {
		if c.Key == key {
			return c.Outlet
		}
	}
	return key
}

// categoryOrder puts the categories a reader looks at first first; others
// follow alphabetically.
var categoryOrder = map[string]int{"loaded_verb": 0, "hedge": 1, "war_name": 2, "naming": 3, "name_calling": 4}

// framing lays each outlet's markers side by side, one row per category.
func (in *input) framing() []FramingRow {
	type key struct{ cat, col, surface string }
	uses := map[key]*MarkerUse{}
	var order []key
	cats := map[string]bool{}
	for _, a := range in.arts {
		col := in.colOf[a.ID]
		an := in.ans[a.ID]
		if an == nil {
			continue
		}
		for _, m := range an.Markers {
			cat := m.Category
			if cat == "" {
				cat = "other"
			}
			k := key{cat, col, strings.ToLower(strings.TrimSpace(m.Surface))}
			u, ok := uses[k]
			if !ok {
				u = &MarkerUse{Surface: strings.TrimSpace(m.Surface), Entry: m.Entry, Side: m.Side, Quoted: true,
					Ref: Ref{ArticleID: a.ID, Field: m.Field, Start: m.Start, End: m.End, Sentence: sentenceAt(a, m.Field, m.Start, m.End)}}
				uses[k] = u
				order = append(order, k)
			}
			u.Count++
			u.Quoted = u.Quoted && m.Quoted
			u.Scare = u.Scare || m.Scare
			cats[cat] = true
		}
		// The words an outlet hedges or doubts with ("claimed",
		// "reportedly") are framing too: they are how it keeps its distance.
		for _, c := range an.Claims {
			if !containsStance(c.Stances, domain.StanceHedged) && !containsStance(c.Stances, domain.StanceDisputed) &&
				c.Stance != domain.StanceHedged && c.Stance != domain.StanceDisputed {
				continue
			}
			for _, cue := range c.Cues {
				k := key{"hedge", col, strings.ToLower(strings.TrimSpace(cue))}
				u, ok := uses[k]
				if !ok {
					u = &MarkerUse{Surface: strings.TrimSpace(cue), Quoted: false,
						Ref: Ref{ArticleID: a.ID, Field: c.Field, Start: c.Start, End: c.End, Sentence: c.Sentence}}
					uses[k] = u
					order = append(order, k)
				}
				u.Count++
				cats["hedge"] = true
			}
		}
	}
	catList := make([]string, 0, len(cats))
	for c := range cats {
		catList = append(catList, c)
	}
	sort.Slice(catList, func(i, j int) bool {
		ri, oki := categoryOrder[catList[i]]
		rj, okj := categoryOrder[catList[j]]
		if oki != okj {
			return oki
		}
		if oki && ri != rj {
			return ri < rj
		}
		return catList[i] < catList[j]
	})
	rows := []FramingRow{}
	for _, cat := range catList {
		row := FramingRow{Category: cat}
		for _, col := range in.columns {
			cell := FramingCell{Column: col.Key}
			for _, k := range order {
				if k.cat == cat && k.col == col.Key {
					cell.Uses = append(cell.Uses, *uses[k])
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// naming lists places and units that outlets spell differently
// (Kharkov vs Kharkiv, Kupyansk vs Kupiansk).
func (in *input) naming() []NamingRow {
	type ent struct {
		name, kind string
		forms      map[string][]Form // column → forms
		first      int
	}
	ents := map[string]*ent{}
	n := 0
	for _, a := range in.arts {
		col := in.colOf[a.ID]
		an := in.ans[a.ID]
		if an == nil {
			continue
		}
		for _, m := range an.Mentions {
			if m.EntityID == "" || (m.Kind != domain.KindPlace && m.Kind != domain.KindUnit) {
				continue
			}
			e := ents[m.EntityID]
			if e == nil {
				e = &ent{name: m.Name, kind: string(m.Kind), forms: map[string][]Form{}, first: n}
				ents[m.EntityID] = e
				n++
			}
			surface := strings.TrimSpace(m.Surface)
			found := false
			for i, f := range e.forms[col] {
				if f.Surface == surface {
					e.forms[col][i].Count++
					found = true
				}
			}
			if !found {
				e.forms[col] = append(e.forms[col], Form{Surface: surface, Count: 1,
					Ref: Ref{ArticleID: a.ID, Field: m.Field, Start: m.Start, End: m.End, Sentence: sentenceAt(a, m.Field, m.Start, m.End)}})
			}
		}
	}
	ids := make([]string, 0, len(ents))
	for id, e := range ents {
		if len(e.forms) >= 2 && spellingsDiffer(e.forms) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ents[ids[i]].first < ents[ids[j]].first })
	rows := []NamingRow{}
	for _, id := range ids {
		e := ents[id]
		row := NamingRow{EntityID: id, Name: e.name, Kind: e.kind}
		for _, col := range in.columns {
			forms := e.forms[col.Key]
			sort.SliceStable(forms, func(i, j int) bool { return forms[i].Count > forms[j].Count })
			row.Cells = append(row.Cells, NamingCell{Column: col.Key, Forms: forms})
		}
		rows = append(rows, row)
	}
	return rows
}

// spellingsDiffer: some two outlets used different sets of spellings.
func spellingsDiffer(forms map[string][]Form) bool {
	var sets []string
	for _, fs := range forms {
		var s []string
		for _, f := range fs {
			s = append(s, strings.ToLower(f.Surface))
		}
		sort.Strings(s)
		sets = append(sets, strings.Join(s, "\x00"))
	}
	for _, s := range sets[1:] {
		if s != sets[0] {
			return true
		}
	}
	return false
}

// sentenceAt returns the sentence around [start,end) of the field, for
// markers and mentions, which carry offsets but no sentence.
func sentenceAt(a *domain.Article, field string, start, end int) string {
	var text string
	switch field {
	case "title":
		return a.Title
	case "body":
		text = a.Text()
	default:
		// "block:<i>": a caption or teaser; its sentence is in that block.
		i, err := strconv.Atoi(strings.TrimPrefix(field, "block:"))
		if !strings.HasPrefix(field, "block:") || err != nil || i < 0 || i >= len(a.Blocks) {
			return ""
		}
		text = a.Blocks[i].Text
	}
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	s := start
	for s > 0 {
		if text[s-1] == '\n' || (s >= 2 && strings.ContainsRune(".!?", rune(text[s-2])) && text[s-1] == ' ') {
			break
		}
		s--
	}
	e := end
	for e < len(text) {
		if text[e] == '\n' || (strings.ContainsRune(".!?", rune(text[e])) && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n')) {
			if text[e] != '\n' {
				e++
			}
			break
		}
		e++
	}
	return strings.TrimSpace(text[s:e])
}
