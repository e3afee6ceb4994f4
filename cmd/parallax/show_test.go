package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// TestShowClaimLinesNamePlaces: two control claims from one sentence
// ("4/5 of X and 70% of Y have been freed") are told apart by their
// places, and the outlet's own voice reads "the outlet", not "outlet".
func TestShowClaimLinesNamePlaces(t *testing.T) {
	s := "Over 4/5 of Volchansk and 70% of Krasnoarmeysk have also been freed, he said."
	control := func(name string) domain.Claim {
		return domain.Claim{Kind: domain.ClaimControl, Stance: domain.StanceAttributed, Sentence: s, Text: s,
			Voice:  domain.Voice{Kind: domain.VoiceNamed, Name: "Valery Gerasimov"},
			Places: []domain.Ref{{EntityID: "geonames:" + name, Name: name}}}
	}
	an := &domain.Analysis{ArticleID: "abc", Claims: []domain.Claim{
		control("Vovchansk"), control("Pokrovsk"),
		{Kind: domain.ClaimStatement, Stance: domain.StanceAsserted, Text: "The town is a rail hub.", Voice: domain.Voice{Kind: domain.VoiceOutlet}},
	}}
	var b bytes.Buffer
	printAnalysisSummary(&b, an)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.Contains(l, "claim [") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 3 {
		t.Fatalf("want 3 claim lines, got:\n%s", b.String())
	}
	if lines[0] == lines[1] || !strings.Contains(lines[0], "Vovchansk") || !strings.Contains(lines[1], "Pokrovsk") {
		t.Errorf("claims about two places read alike:\n%s\n%s", lines[0], lines[1])
	}
	if !strings.Contains(lines[2], "] the outlet: ") {
		t.Errorf("the outlet's own voice: %q", lines[2])
	}
}
