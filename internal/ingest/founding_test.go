package ingest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// foundingDoc is one document of the founding example's expected.yaml.
type foundingDoc struct {
	Outlet          string   `yaml:"outlet"`
	OutletAlignment string   `yaml:"outlet_alignment"`
	Wire            string   `yaml:"wire"`
	Title           string   `yaml:"title"`
	Published       string   `yaml:"published"`
	Updated         string   `yaml:"updated"`
	URL             string   `yaml:"url"`
	Language        string   `yaml:"language"`
	NotBody         []string `yaml:"not_body"`
}

// TestFoundingExample reads both founding reports and checks them against
// what the analyst wrote down in expected.yaml.
func TestFoundingExample(t *testing.T) {
	dir := sharedtest.Path(t, "corpus/kupiansk-2025-11-20")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Documents map[string]foundingDoc `yaml:"documents"`
	}
	if err := yaml.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("expected.yaml: %v", err)
	}
	if len(exp.Documents) == 0 {
		t.Fatal("expected.yaml lists no documents")
	}
	for name, want := range exp.Documents {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			items := ReadFile(context.Background(), path, Options{})
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("ReadFile(%s) = %+v", name, items)
			}
			a := items[0].Article
			src, _ := os.ReadFile(path)
			checkFounding(t, a, want, string(src))
		})
	}
}

func checkFounding(t *testing.T, a *domain.Article, want foundingDoc, src string) {
	t.Helper()
	if a.Outlet == nil || a.Outlet.Name != want.Outlet {
		t.Errorf("outlet = %+v, want %q", a.Outlet, want.Outlet)
	} else if want.OutletAlignment != "" {
		// "independent … in exile (designated 'undesirable' in Russia)":
		// each part must be one of the outlet's labels.
		for _, part := range strings.FieldsFunc(want.OutletAlignment, func(r rune) bool { return r == '(' || r == ')' }) {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			found := false
			for _, l := range a.Outlet.Labels {
				if strings.EqualFold(l.Label, part) && l.Source != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("outlet labels %+v lack %q (with a source)", a.Outlet.Labels, part)
			}
		}
	}
	if want.Wire != "" {
		if len(a.Wires) != 1 || a.Wires[0] != want.Wire {
			t.Errorf("wires = %v, want [%s]", a.Wires, want.Wire)
		}
		for _, au := range a.Authors {
			if au == want.Wire {
				t.Errorf("wire %s also listed as a person author", au)
			}
		}
	} else if len(a.Wires) != 0 {
		t.Errorf("wires = %v, want none", a.Wires)
	}
	if a.Title != want.Title {
		t.Errorf("title = %q, want %q", a.Title, want.Title)
	}
	checkTimestamp(t, "published", a.Published, want.Published)
	checkTimestamp(t, "updated", a.Updated, want.Updated)
	if want.URL != "" {
		if a.URL != want.URL {
			t.Errorf("url = %q, want %q", a.URL, want.URL)
		}
		if !strings.Contains(src, want.URL) {
			// The source spells it otherwise: the reader must say it repaired it.
			if !a.URLRepaired || a.URLAsFound == "" || !strings.Contains(src, a.URLAsFound) || !hasWarning(a, "url_repaired") {
				t.Errorf("url repaired=%v as_found=%q warnings=%v: want the repair recorded", a.URLRepaired, a.URLAsFound, a.Warnings)
			}
		}
	}
	if a.Language != want.Language {
		t.Errorf("language = %q, want %q", a.Language, want.Language)
	}
	body := a.Text()
	for _, item := range want.NotBody {
		kind, frags := notBodyItem(item)
		if kind == "" || len(frags) == 0 {
			t.Errorf("cannot read not_body item %q", item)
			continue
		}
		for _, f := range frags {
			if strings.Contains(body, f.text) {
				t.Errorf("not_body %q: %q is in the body", item, f.text)
			}
			k := kind
			if f.kind != "" {
				k = f.kind
			}
			if !inBlock(a, k, f.text) {
				t.Errorf("not_body %q: no %s block holds %q; blocks: %+v", item, k, f.text, a.Blocks)
			}
		}
	}
	// Body offsets point where the paragraph starts in the decoded source.
	for _, p := range a.Body {
		if p.SourceOffset < 0 || p.SourceOffset >= len(src) || !strings.HasPrefix(src[p.SourceOffset:], firstWords(p.Text, 1)) {
			t.Errorf("paragraph %q: source offset %d does not point at it", firstWords(p.Text, 5), p.SourceOffset)
		}
	}
}

func checkTimestamp(t *testing.T, what string, got *domain.Timestamp, want string) {
	t.Helper()
	if want == "" {
		if got != nil {
			t.Errorf("%s = %s, want none", what, got)
		}
		return
	}
	if got == nil {
		t.Errorf("%s missing, want %s", what, want)
		return
	}
	if !strings.Contains(want, "T") {
		if got.Precision != domain.PrecisionDate || got.String() != want {
			t.Errorf("%s = %s (%s), want %s (date)", what, got, got.Precision, want)
		}
		return
	}
	wt, err := time.Parse(time.RFC3339, want)
	if err != nil {
		t.Fatalf("expected %s %q: %v", what, want, err)
	}
	if !got.Time.Equal(wt) || (got.Precision != domain.PrecisionMinute && got.Precision != domain.PrecisionSecond) || got.Inferred {
		t.Errorf("%s = %s (%s, inferred=%v), want %s to the minute with its zone", what, got, got.Precision, got.Inferred, want)
	}
}

type notBodyFrag struct {
	text string
	kind domain.BlockKind // overrides the item's kind ("… with credit X")
}

var (
	reQuoted     = regexp.MustCompile(`"([^"]+)"|'([^']+)'`)
	reWithCredit = regexp.MustCompile(`with credit ([^"(]+)$`)
)

// notBodyItem reads an analyst's description such as `photo caption
// "President …" with credit Kremlin Press Service / TASS` into the block
// kind named first and the quoted fragments ("..." splits a quote).
func notBodyItem(item string) (domain.BlockKind, []notBodyFrag) {
	keys := []struct {
		word string
		kind domain.BlockKind
	}{
		{"embedded tweet", domain.BlockSocial}, {"tweet", domain.BlockSocial}, {"telegram", domain.BlockSocial},
		{"teaser", domain.BlockRelated}, {"footer", domain.BlockFooter}, {"header", domain.BlockHeader},
		{"caption", domain.BlockCaption}, {"credit", domain.BlockCredit}, {"embed", domain.BlockEmbed},
	}
	lower := strings.ToLower(item)
	var kind domain.BlockKind
	best := len(lower) + 1
	for _, k := range keys {
		if i := strings.Index(lower, k.word); i >= 0 && i < best {
			best, kind = i, k.kind
		}
	}
	var frags []notBodyFrag
	for _, m := range reQuoted.FindAllStringSubmatch(item, -1) {
		q := m[1] + m[2]
		for _, f := range regexp.MustCompile(`\.\.\.|…`).Split(q, -1) {
			if f = strings.TrimSpace(f); len(f) >= 4 {
				frags = append(frags, notBodyFrag{text: f})
			}
		}
	}
	if m := reWithCredit.FindStringSubmatch(item); m != nil {
		frags = append(frags, notBodyFrag{text: strings.TrimSpace(m[1]), kind: domain.BlockCredit})
	}
	return kind, frags
}

func inBlock(a *domain.Article, kind domain.BlockKind, text string) bool {
	for _, b := range a.Blocks {
		if b.Kind == kind && strings.Contains(b.Text, text) {
			return true
		}
	}
	return false
}

func hasWarning(a *domain.Article, code string) bool {
	for _, w := range a.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}
