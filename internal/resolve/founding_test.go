package resolve

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

var (
	uaOnce sync.Once
	uaGaz  *gazetteer.Gazetteer
	uaErr  error
)

// uaGazetteer loads the full GeoNames Ukraine table from ../shared.
func uaGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	p := sharedtest.Path(t, "data/gazetteer/geonames/UA.txt")
	uaOnce.Do(func() {
		f, err := os.Open(p)
		if err != nil {
			uaErr = err
			return
		}
		defer f.Close()
		uaGaz, uaErr = gazetteer.LoadGeoNames(f)
	})
	if uaErr != nil {
		t.Fatal(uaErr)
	}
	return uaGaz
}

type foundingExpected struct {
	Places []struct {
		Canonical string   `yaml:"canonical"`
		Spellings []string `yaml:"spellings"`
		Admin1    string   `yaml:"admin1"`
	} `yaml:"places"`
	Actors []struct {
		Canonical string   `yaml:"canonical"`
		Spellings []string `yaml:"spellings"`
	} `yaml:"actors"`
}

// TestFoundingExample: every place and actor spelling the analyst lists for
// the founding pair of reports resolves, from the raw files, to its one
// canonical entity.
func TestFoundingExample(t *testing.T) {
	dir := sharedtest.Path(t, "corpus/kupiansk-2025-11-20")
	b, err := os.ReadFile(dir + "/expected.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var exp foundingExpected
	if err := yaml.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	r, err := New(Config{Gazetteer: uaGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	type res struct {
		a  *domain.Article
		an *domain.Analysis
	}
	var docs []res
	for _, name := range []string{"moscowtimes-afp.txt", "sputnik.txt"} {
		items := ingest.ReadFile(context.Background(), dir+"/"+name, ingest.Options{})
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %+v", name, items)
		}
		a := items[0].Article
		an := r.Resolve(a)
		checkOffsets(t, a, an)
		docs = append(docs, res{a, an})
	}
	names := map[string]string{}            // entity ID → canonical name, across both documents
	kinds := map[string]domain.EntityKind{} // canonical name → kind
	for _, d := range docs {
		for _, e := range d.an.Entities {
			names[e.ID] = e.Name
			kinds[e.Name] = e.Kind
		}
	}
	// check finds every occurrence of each spelling in the titles, bodies,
	// captions and teasers and asserts the mentions there resolve to the
	// canonical entity (a
	// spelling may be covered by several mentions: "President" + "Vladimir
	// Putin"). A spelling written only in coordination ("the Dnepropetrovsk
	// and Zaporozhye regions") is looked for without its head noun.
	check := func(kind, canonical string, spellings []string) {
		for _, sp := range spellings {
			variants := []string{sp}
			if w := strings.Fields(sp); len(w) >= 2 {
				variants = append(variants, strings.Join(w[:len(w)-1], " "))
			}
			checked := false
			for _, v := range variants {
				for _, d := range docs {
					for _, field := range readFields(d.a) {
						text := fieldText(d.a, field)
						for _, at := range wordOccurrences(text, v) {
							checked = true
							var ok, bad []string
							for _, m := range d.an.Mentions {
								if m.Field != field || m.End <= at || m.Start >= at+len(v) {
									continue
								}
								if m.Status == domain.StatusResolved && names[m.EntityID] == canonical {
									ok = append(ok, m.Surface)
								} else if m.Kind == kinds[canonical] {
									// Another entity of the same kind inside the spelling is
									// wrong; a unit named inside a commander's title is not.
									bad = append(bad, fmt.Sprintf("%q→%s %q", m.Surface, m.Status, names[m.EntityID]))
								}
							}
							if len(ok) == 0 || len(bad) > 0 {
								t.Errorf("%s %q at %s %s:%d: resolved to %v, others %v; want %q", kind, sp, d.a.Source, field, at, ok, bad, canonical)
							}
						}
					}
				}
				if checked {
					break
				}
			}
			if !checked {
				t.Errorf("%s %q occurs in no title, body, caption or teaser", kind, sp)
			}
		}
	}
	for _, p := range exp.Places {
		check("place", p.Canonical, p.Spellings)
	}
	for _, a := range exp.Actors {
		check("actor", a.Canonical, a.Spellings)
	}
	// Kyiv as the government: "Kyiv had retaken ..."
	metonym := false
	for _, m := range docs[0].an.Mentions {
		if m.Surface == "Kyiv" && strings.Contains(strings.Join(m.Notes, " "), "metonym") {
			metonym = true
		}
	}
	if !metonym {
		t.Error("Kyiv used for the Ukrainian government carries no metonym note")
	}
}

// readFields lists the Mention.Field values of the parts of a the resolver
// reads: title, body, captions and teasers.
func readFields(a *domain.Article) []string {
	fields := []string{"title", "body"}
	for i, b := range a.Blocks {
		if b.Kind == domain.BlockCaption || b.Kind == domain.BlockRelated {
			fields = append(fields, fmt.Sprintf("block:%d", i))
		}
	}
	return fields
}

// fieldText is the text a mention's offsets index for its Field, and ""
// for a field that names no part of a.
func fieldText(a *domain.Article, field string) string {
	switch field {
	case "title":
		return a.Title
	case "body":
		return a.Text()
	}
	var i int
	if _, err := fmt.Sscanf(field, "block:%d", &i); err != nil || i < 0 || i >= len(a.Blocks) {
		return ""
	}
	return a.Blocks[i].Text
}

// wordOccurrences returns the byte offsets where w occurs in s as whole
// words, ignoring case.
func wordOccurrences(s, w string) []int {
	ls, lw := strings.ToLower(s), strings.ToLower(w)
	var out []int
	for i := 0; ; {
		j := strings.Index(ls[i:], lw)
		if j < 0 {
			return out
		}
		at := i + j
		before, _ := utf8.DecodeLastRuneInString(ls[:at])
		after, _ := utf8.DecodeRuneInString(ls[at+len(lw):])
		if (at == 0 || !unicode.IsLetter(before)) && (at+len(lw) == len(ls) || !unicode.IsLetter(after) || after == 's') {
			out = append(out, at)
		}
		i = at + len(lw)
	}
}
