package events

import (
	"os"
	"testing"
)

func TestDebugScores(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	for _, file := range []string{"testdata/fixtures.jsonl", "testdata/fixtures-heldout.jsonl"} {
		arts, ans, gold := loadFixtures(t, file)
		ix, _ := cluster(arts, ans)
		for i := range arts {
			for j := i + 1; j < len(arts); j++ {
				fi, fj := &ix.arts[ix.byID[arts[i].ID]].f, &ix.arts[ix.byID[arts[j].ID]].f
				s := ix.similarity(fi, fj)
				if s > 0.1 || gold[arts[i].ID] == gold[arts[j].ID] {
					t.Logf("%s %s same=%v score=%.3f lexJ=%.3f", arts[i].ID, arts[j].ID, gold[arts[i].ID] == gold[arts[j].ID], s, jaccard(&fi.sig, &fj.sig))
				}
			}
		}
	}
}

func TestDebugNameShare(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	for _, file := range []string{"testdata/fixtures.jsonl", "testdata/fixtures-heldout.jsonl"} {
		arts, _, _ := loadFixtures(t, file)
		for _, a := range arts {
			toks := tokenize(textOf(a, func(string) bool { return false }), nil)
			n := 0
			var names []string
			for _, tk := range toks {
				if tk.name {
					n++
					names = append(names, tk.stem)
				}
			}
			t.Logf("%s share=%.2f %v", a.ID, float64(n)/float64(len(toks)), names)
		}
	}
}

func TestDebugFounding(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	TestFoundingExample(t)
}
