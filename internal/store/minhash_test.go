package store

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestNormWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kupiansk, “liberated”—says MoD.", "kupiansk liberated says mod"},
		{"Купянск\nОСВОБОЖДЁН!", "купянск освобождён"},
		{"12,000 households", "12 000 households"},
		{"  \t\n", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(normWords(tt.in), " "); got != tt.want {
			t.Errorf("normWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// words builds a text of n distinct pseudo-random words.
func words(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%x", r.Uint64())
	}
	return out
}

func TestSignatureEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		edit int // words replaced in a 400-word text
	}{
		{"identical", 0},
		{"a few words changed", 5},
		{"a tenth changed", 40},
		{"half changed", 200},
		{"all changed", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := words(r, 400)
			b := append([]string(nil), a...)
			// Replace every k-th word so the edits are spread out.
			if tt.edit > 0 {
				step := len(b) / tt.edit
				repl := words(r, tt.edit)
				for i := 0; i < tt.edit; i++ {
					b[i*step] = repl[i]
				}
			}
			sa, sb := shingleHashes(a), shingleHashes(b)
			inter := 0
			for k := range sa {
				if _, ok := sb[k]; ok {
					inter++
				}
			}
			exact := float64(inter) / float64(len(sa)+len(sb)-inter)
			est := minhash(strings.Join(a, " ")).similarity(minhash(strings.Join(b, " ")))
			// Three standard errors of a 256-hash estimate.
			tol := 3*math.Sqrt(exact*(1-exact)/numHashes) + 0.01
			if math.Abs(est-exact) > tol {
				t.Fatalf("estimate %.3f, exact Jaccard %.3f (tolerance %.3f)", est, exact, tol)
			}
		})
	}
}

func TestShortBodiesHaveNoSignature(t *testing.T) {
	for _, body := range []string{"", "Breaking.", "Russia says it captured the town."} {
		if sig := minhash(body); sig != nil {
			t.Errorf("minhash(%q) gave a signature; short bodies must not be compared", body)
		}
	}
	if sig := minhash(strings.Repeat("word ", 3) + "one two three four five six seven eight nine ten"); sig == nil {
		t.Error("a 13-word body has no signature")
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	sig := minhash("one two three four five six seven eight nine ten eleven twelve")
	if got := decodeSignature(sig.encode()); got.similarity(sig) != 1 {
		t.Fatal("signature changed in encode/decode")
	}
	if decodeSignature([]byte{1, 2, 3}) != nil {
		t.Fatal("truncated signature decoded")
	}
}
