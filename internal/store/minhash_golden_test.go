package store

import (
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/golden"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenBodies are the fixture bodies whose signatures are pinned.
var goldenBodies = []string{"wire-a.txt", "wire-b.txt", "wire-ru-a.txt", "other.txt", "echo.txt"}

// minhashGolden renders the scheme, each body's signature bytes and LSH
// band hashes, and the pairwise similarity estimates.
func minhashGolden(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "scheme %s\n", minhashScheme)
	sigs := make([]signature, len(goldenBodies))
	for i, name := range goldenBodies {
		body, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		sig := minhash(string(body))
		if sig == nil {
			t.Fatalf("%s has no signature", name)
		}
		sigs[i] = sig
		fmt.Fprintf(&b, "\n== %s\n", name)
		enc := hex.EncodeToString(sig.encode())
		for len(enc) > 0 {
			n := min(64, len(enc)) // 8 values a line
			fmt.Fprintf(&b, "sig %s\n", enc[:n])
			enc = enc[n:]
		}
		for k, h := range sig.bands() {
			fmt.Fprintf(&b, "band %2d %d\n", k, h)
		}
	}
	b.WriteString("\n")
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			fmt.Fprintf(&b, "similarity %s %s %.6f\n", goldenBodies[i], goldenBodies[j], sigs[i].similarity(sigs[j]))
		}
	}
	return b.String()
}

// TestMinhashGolden pins the signatures and band hashes stored under
// minhashScheme: they are persisted, so any change to them (hash family,
// seeds, shingling, band hashing) must come with a new scheme string and a
// migration that recomputes the minhash and lsh_bands tables. Regenerate
// with -update only in that case.
func TestMinhashGolden(t *testing.T) {
	path := filepath.Join("testdata", "minhash.golden")
	golden.Check(t, path, []byte(minhashGolden(t)), *updateGolden)
}
