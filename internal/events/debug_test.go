package events

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
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

func TestDebugSynth(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	s := NewSynth(7, 500)
	ix := NewIndex()
	var ids []string
	for i := 0; i < 1000; i++ {
		a, an := s.Next()
		ix.Add(a, an)
		ids = append(ids, a.ID)
	}
	var same, diff []float64
	var sameL, diffL []float64
	for i := 0; i < 400; i++ {
		for j := i + 1; j < 400; j++ {
			fi, fj := &ix.arts[i].f, &ix.arts[j].f
			sc := ix.similarity(fi, fj)
			if s.Truth[ids[i]] == s.Truth[ids[j]] {
				same, sameL = append(same, sc), append(sameL, jaccard(&fi.sig, &fj.sig))
			} else {
				diff, diffL = append(diff, sc), append(diffL, jaccard(&fi.sig, &fj.sig))
			}
		}
	}
	q := func(xs []float64, p float64) float64 { sort.Float64s(xs); return xs[int(p*float64(len(xs)-1))] }
	t.Logf("same: n=%d p10 %.3f p50 %.3f; lex p50 %.3f", len(same), q(same, .1), q(same, .5), q(sameL, .5))
	t.Logf("diff: n=%d p50 %.3f p99 %.3f p999 %.3f; lex p50 %.3f p99 %.3f", len(diff), q(diff, .5), q(diff, .99), q(diff, .999), q(diffL, .5), q(diffL, .99))
}

func TestDebugHeap(t *testing.T) {
	if os.Getenv("EVDEBUG") == "" {
		t.Skip()
	}
	runtime.MemProfileRate = 4096
	s := NewSynth(1, 1000)
	ix := NewIndex()
	for i := 0; i < 30000; i++ {
		ix.Add(s.Next())
	}
	runtime.GC()
	runtime.GC()
	fh, _ := os.Create("/tmp/ev.heap")
	pprof.WriteHeapProfile(fh)
	fh.Close()
	runtime.KeepAlive(ix)
}
