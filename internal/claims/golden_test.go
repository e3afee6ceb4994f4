package claims_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/claims/claimseval"
	"github.com/parallaxnews/parallax/internal/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenClaim is what a reader checks of a claim.
type goldenClaim struct {
	Kind        domain.ClaimKind  `json:"kind"`
	Stance      domain.Stance     `json:"stance"`
	Stances     []domain.Stance   `json:"stances"`
	Voice       string            `json:"voice"`
	Text        string            `json:"text"`
	Proposition string            `json:"proposition"`
	Time        string            `json:"time,omitempty"`
	Quantities  []domain.Quantity `json:"quantities,omitempty"`
}

type goldenOut struct {
	Claims  []goldenClaim `json:"claims"`
	Markers []string      `json:"markers"`
}

// TestGolden extracts claims (words only, no resolver) from reports
// written for this test and compares them with testdata/golden/*.golden.json;
// go test -run Golden -update rewrites them after a reviewed change.
func TestGolden(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("testdata/golden/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, p := range paths {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			d := claimseval.Doc{Name: strings.TrimSuffix(name, ".yaml")}
			if err := yaml.Unmarshal(b, &d); err != nil {
				t.Fatal(err)
			}
			a := d.Article()
			an := &domain.Analysis{}
			x.Extract(a, an)
			var out goldenOut
			for _, c := range an.Claims {
				g := goldenClaim{Kind: c.Kind, Stance: c.Stance, Stances: c.Stances, Text: c.Text, Proposition: c.Proposition, Quantities: c.Quantities}
				g.Voice = c.Voice.Kind + ": " + strings.TrimSpace(c.Voice.Name+" / "+c.Voice.Description)
				for _, v := range c.Voice.Via {
					g.Voice += " via " + v.Name + v.Description
				}
				if c.Time != nil {
					g.Time = c.Time.String()
					if c.Time.Inferred {
						g.Time += " (inferred)"
					}
				}
				out.Claims = append(out.Claims, g)
			}
			for _, m := range an.Markers {
				s := m.Category + " " + m.Side + " " + m.Surface
				if m.Quoted {
					s += " [quoted]"
				}
				out.Markers = append(out.Markers, s)
			}
			got, _ := json.MarshalIndent(out, "", "  ")
			got = append(got, '\n')
			gp := strings.TrimSuffix(p, ".yaml") + ".golden.json"
			if *update {
				if err := os.WriteFile(gp, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gp)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s:\n%s", name, gp, got)
			}
		})
	}
}
