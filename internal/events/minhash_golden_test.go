package events

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/golden"
	mh "github.com/parallaxnews/parallax/internal/minhash"
)

// goldenTexts are short reports written for this test (one paraphrased, one
// in Russian); their words are the shingles.
var goldenTexts = []struct{ name, text string }{
	{"en", "Troops entered the town on Thursday after weeks of fighting, the ministry said; officials in the regional capital denied the claim and said the defenders still held the northern districts near the river crossing"},
	{"en-edited", "Troops entered the town on Friday after weeks of heavy fighting, the ministry said; officials in the regional capital rejected the claim and said the defenders still held the northern districts near the old river crossing"},
	{"ru", "Войска вошли в город в четверг после нескольких недель боёв, заявило министерство; власти областного центра опровергли это и сообщили, что защитники удерживают северные кварталы у переправы"},
}

func goldenShingles(text string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(strings.ToLower(text)) {
		out = append(out, fnv64(w))
	}
	return out
}

// TestMinhashGolden pins the signatures, band keys and Jaccard estimates
// of the clustering's MinHash. testdata/minhash.golden was written by the
// events package's own implementation before it moved to
// internal/minhash; the thresholds were tuned on these values, and with 64
// hashes any other hash family regroups reports, so a change here must
// come with a re-run of the B-cubed evaluations.
func TestMinhashGolden(t *testing.T) {
	var b strings.Builder
	sigs := make([][]uint32, len(goldenTexts))
	for i, g := range goldenTexts {
		sig := hasher.Sign(goldenShingles(g.text))
		sigs[i] = sig
		fmt.Fprintf(&b, "== %s\n", g.name)
		for j := 0; j < len(sig); j += 8 {
			b.WriteString("sig")
			for _, v := range sig[j:min(j+8, len(sig))] {
				fmt.Fprintf(&b, " %08x", v)
			}
			b.WriteString("\n")
		}
		for k, key := range hasher.AppendBands(nil, sig) {
			fmt.Fprintf(&b, "band %2d %016x\n", k, key)
		}
	}
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			fmt.Fprintf(&b, "jaccard %s %s %.6f\n", goldenTexts[i].name, goldenTexts[j].name, mh.Jaccard(sigs[i], sigs[j]))
		}
	}
	empty := hasher.Sign(nil)
	fmt.Fprintf(&b, "empty bands %d jaccard %.6f\n", len(hasher.AppendBands(nil, empty)), mh.Jaccard(empty, empty))

	golden.Check(t, "testdata/minhash.golden", []byte(b.String()), *update)
}
