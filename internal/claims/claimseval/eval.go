package claimseval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// Doc is one report with its gold claims.
type Doc struct {
	Name      string `yaml:"-"`
	Style     string `yaml:"style"`
	Language  string `yaml:"language"`
	Published string `yaml:"published"`
	Title     string `yaml:"title"`
	Body      string `yaml:"body"`
	Claims    []Gold `yaml:"claims"`
}

// Gold is one annotated claim: a substring of its sentence, the speaker
// ("outlet", "anonymous" or the name as written) and the stance.
type Gold struct {
	Sentence string `yaml:"sentence"`
	Speaker  string `yaml:"speaker"`
	Stance   string `yaml:"stance"`
}

// Load reads every *.yaml report in dir, in name order.
func Load(dir string) ([]*Doc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var docs []*Doc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		d := &Doc{Name: strings.TrimSuffix(filepath.Base(p), ".yaml")}
		if err := yaml.Unmarshal(b, d); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Article builds the Article a reader would: paragraphs split at blank lines.
func (d *Doc) Article() *domain.Article {
	a := &domain.Article{ID: d.Name, Title: d.Title, Language: d.Language, Format: "text"}
	if tm, err := time.Parse("2006-01-02", d.Published); err == nil {
		a.Published = &domain.Timestamp{Time: tm, Precision: domain.PrecisionDate}
	}
	var paras []domain.Paragraph
	for _, p := range strings.Split(strings.TrimSpace(d.Body), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, domain.Paragraph{Text: p, SourceOffset: -1})
		}
	}
	a.SetBody(paras)
	return a
}

// SpeakerMatches: gold "outlet" and "anonymous" name voice kinds; any other
// gold speaker must be part of the voice's name or description (or hold
// the name: "Пескова" is "Песков" inflected).
func SpeakerMatches(gold string, v domain.Voice) bool {
	g := strings.ToLower(gold)
	switch g {
	case "outlet":
		return v.Kind == domain.VoiceOutlet
	case "anonymous":
		return v.Kind == domain.VoiceAnonymous
	}
	if v.Kind == domain.VoiceOutlet {
		return false
	}
	have := strings.ToLower(v.Name + " | " + v.Description)
	if strings.Contains(have, g) {
		return true
	}
	name := strings.ToLower(v.Name)
	return name != "" && strings.Contains(g, name)
}

// Scores are precision and recall of speaker and stance, counted per
// sentence: a system sentence is one that carries at least one claim.
type Scores struct {
	Gold, System            int
	SpeakerHits, StanceHits int
	SpeakerP, SpeakerR      float64
	StanceP, StanceR        float64
	PerStance               map[string][2]int // gold stance -> hits, total
}

// String is the one-line summary tests log.
func (s Scores) String() string {
	return fmt.Sprintf("%d gold claims, %d claim sentences; speaker P=%.2f R=%.2f; stance P=%.2f R=%.2f",
		s.Gold, s.System, s.SpeakerP, s.SpeakerR, s.StanceP, s.StanceR)
}

// Score extracts claims from every doc (after analyse, which may run a
// resolver or return an empty Analysis) and scores them.
func Score(x *claims.Extractor, docs []*Doc, analyse func(*domain.Article) *domain.Analysis) Scores {
	sc := Scores{PerStance: map[string][2]int{}}
	for _, d := range docs {
		a := d.Article()
		an := analyse(a)
		x.Extract(a, an)
		type key struct {
			field string
			start int
		}
		bySent := map[key][]domain.Claim{}
		var order []key
		for _, c := range an.Claims {
			k := key{c.Field, c.Start}
			if bySent[k] == nil {
				order = append(order, k)
			}
			bySent[k] = append(bySent[k], c)
		}
		sc.System += len(bySent)
		for _, g := range d.Claims {
			sc.Gold++
			ps := sc.PerStance[g.Stance]
			ps[1]++
			var cs []domain.Claim
			for _, k := range order {
				if strings.Contains(bySent[k][0].Sentence, g.Sentence) {
					cs = bySent[k]
					break
				}
			}
			if len(cs) > 0 {
				for _, c := range cs {
					if SpeakerMatches(g.Speaker, c.Voice) {
						sc.SpeakerHits++
						break
					}
				}
				if string(cs[0].Stance) == g.Stance {
					sc.StanceHits++
					ps[0]++
				}
			}
			sc.PerStance[g.Stance] = ps
		}
	}
	sc.SpeakerP, sc.SpeakerR = ratio(sc.SpeakerHits, sc.System), ratio(sc.SpeakerHits, sc.Gold)
	sc.StanceP, sc.StanceR = ratio(sc.StanceHits, sc.System), ratio(sc.StanceHits, sc.Gold)
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
