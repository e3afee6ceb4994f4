package claims

import "testing"

func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	toks := lx.tokens("По словам Пескова, Россия освобождена. The Russian army claimed to have captured it.", 0)
	hits := lx.speech.find(toks)
	var classes []string
	for _, h := range hits {
		classes = append(classes, lx.cueClass[h.val])
	}
	want := []string{cueSource, cueHedge}
	if len(classes) != len(want) {
		t.Fatalf("speech cues: got %v, want %v", classes, want)
	}
	for i := range want {
		if classes[i] != want[i] {
			t.Errorf("cue %d: got %s, want %s", i, classes[i], want[i])
		}
	}
	if hs := lx.control.find(toks); len(hs) != 2 || lx.statuses[hs[0].val] != "liberated" || lx.statuses[hs[1].val] != "captured" {
		t.Errorf("control cues: got %v", hs)
	}
}
