package resolve

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// TestBlocks: captions and teasers are read after the body, with its
// context, and reported with Field "block:<i>"; credits and footers are not
// read; the body's mentions are the same with or without the blocks.
func TestBlocks(t *testing.T) {
	r := newTestResolverNoGaz(t)
	cases := []struct {
		name   string
		body   string
		blocks []domain.Block
		// want: surface in a block → entity name ("" for none resolved).
		want map[string]string
		// unread: block indexes that must carry no mention.
		unread []int
	}{
		{
			name: "caption names a known actor",
			body: "Officials met in Moscow on Tuesday to discuss the front.",
			blocks: []domain.Block{
				{Kind: domain.BlockCredit, Text: "Photo: Sergei Shoigu press office"},
				{Kind: domain.BlockCaption, Text: "Sergei Shoigu at the meeting in Moscow."},
			},
			want:   map[string]string{"Sergei Shoigu": "Sergei Shoigu"},
			unread: []int{0},
		},
		{
			name: "caption surname takes the person the body named",
			body: "Governor Andriy Kovalchuk said the shelling lasted all night.\n\nKovalchuk added that the power was back.",
			blocks: []domain.Block{
				{Kind: domain.BlockCaption, Text: "Kovalchuk speaks to reporters."},
				{Kind: domain.BlockFooter, Text: "Kovalchuk © 2025 all rights reserved"},
			},
			want:   map[string]string{"Kovalchuk": "Andriy Kovalchuk"},
			unread: []int{1},
		},
		{
			name: "teaser about another story",
			body: "He said the city would hold. The mayor spoke after the strike.",
			blocks: []domain.Block{
				{Kind: domain.BlockRelated, Text: "Volodymyr Zelensky Visits Troops Near the Front"},
				{Kind: domain.BlockSocial, Text: "Volodymyr Zelensky posted a video"},
			},
			want:   map[string]string{"Volodymyr Zelensky": "Volodymyr Zelensky", "Visits": ""},
			unread: []int{1},
		},
	}
	cases = append(cases, struct {
		name   string
		body   string
		blocks []domain.Block
		want   map[string]string
		unread []int
	}{
		name:   "a person named only in a caption is a new local, not the body's",
		body:   "Governor Andriy Kovalchuk said the shelling lasted all night.",
		blocks: []domain.Block{{Kind: domain.BlockCaption, Text: "Mayor Olena Hrytsenko at the site."}},
		want:   map[string]string{"Olena Hrytsenko": "Olena Hrytsenko"},
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := article(c.body, "2025-11-20", "")
			plain := r.Resolve(a)
			a.Blocks = c.blocks
			an := r.Resolve(a)
			checkOffsets(t, a, an)
			var body []domain.Mention
			got := map[string]string{}
			fields := map[string]int{}
			for _, m := range an.Mentions {
				if !strings.HasPrefix(m.Field, "block:") {
					body = append(body, m)
					continue
				}
				fields[m.Field]++
				if m.Status == domain.StatusResolved {
					got[m.Surface] = m.Name
				} else {
					got[m.Surface] = ""
				}
			}
			if !reflect.DeepEqual(body, plain.Mentions) {
				t.Errorf("blocks changed the title and body mentions:\n got %+v\nwant %+v", body, plain.Mentions)
			}
			for s, w := range c.want {
				g, ok := got[s]
				if w != "" && (!ok || g != w) {
					t.Errorf("block mention %q → %q (found %v); want %q; all %v", s, g, ok, w, got)
				}
				if w == "" && g != "" {
					t.Errorf("block mention %q → %q; want none resolved", s, g)
				}
			}
			ids := map[string]string{}
			for _, e := range an.Entities {
				if prev, dup := ids[e.ID]; dup {
					t.Errorf("entity %s listed twice (%s, %s)", e.ID, prev, e.Name)
				}
				ids[e.ID] = e.Name
			}
			for _, m := range an.Mentions {
				if m.EntityID != "" && ids[m.EntityID] != m.Name {
					t.Errorf("mention %q (%s) → %s named %q in Entities; want %q", m.Surface, m.Field, m.EntityID, ids[m.EntityID], m.Name)
				}
			}
			for _, i := range c.unread {
				if n := fields[fmt.Sprintf("block:%d", i)]; n > 0 {
					t.Errorf("%s block %d: %d mentions; want it unread", c.blocks[i].Kind, i, n)
				}
			}
		})
	}
}
