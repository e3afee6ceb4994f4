package store

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Near-duplicate detection parameters. A stored signature is only
// comparable with one computed under the same scheme; changing any of these
// needs a migration that recomputes the minhash and lsh_bands tables.
const (
	shingleWords = 3   // words per shingle: one edited word changes 3 shingles
	numHashes    = 256 // signature length: the estimate's standard error at J=0.8 is ~0.025
	lshBands     = 32  // bands × rows = numHashes
	lshRows      = 8
	// With 32 bands of 8 rows, a pair at Jaccard 0.8 becomes a candidate
	// with probability 1-(1-0.8^8)^32 ≈ 0.997, a pair at 0.5 with ≈ 0.12,
	// at 0.3 with ≈ 0.002; candidates are then checked on the full signature.

	// NearDuplicateThreshold is the estimated Jaccard similarity of body
	// shingles above which an article is linked as a near-duplicate.
	NearDuplicateThreshold = 0.8
	// minShingles keeps very short bodies out: a two-line brief shares too
	// few shingles for the estimate to mean anything.
	minShingles = 8

	minhashScheme = "w3-h256-b32r8-fnv64a-sm64"
)

// hashSeeds are fixed so signatures are stable across runs and machines.
var hashSeeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	x := uint64(0x5eed_0f_9a7a11a0)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// mix64 is the splitmix64 finaliser: a cheap, well-spread 64-bit mix that
// turns one shingle hash into numHashes independent-looking ones.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// normWords splits text into lower-cased words of letters and digits, so
// punctuation, typographic quotes and line breaks do not count as edits.
func normWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// shingleHashes hashes every run of shingleWords consecutive words.
func shingleHashes(words []string) map[uint64]struct{} {
	set := make(map[uint64]struct{}, len(words))
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for j, w := range words[i : i+shingleWords] {
			if j > 0 {
				h.Write([]byte{0x1f})
			}
			h.Write([]byte(w))
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// signature is the MinHash signature of a body, or nil when the body is too
// short to compare.
type signature []uint32

func minhash(text string) signature {
	shingles := shingleHashes(normWords(text))
	if len(shingles) < minShingles {
		return nil
	}
	sig := make(signature, numHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for x := range shingles {
		for i, seed := range hashSeeds {
			if v := uint32(mix64(x ^ seed)); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// similarity estimates the Jaccard similarity of the two shingle sets.
func (s signature) similarity(o signature) float64 {
	if len(s) != numHashes || len(o) != numHashes {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// bands returns the LSH band hashes. SQLite integers are signed, hence int64.
func (s signature) bands() [lshBands]int64 {
	var out [lshBands]int64
	buf := make([]byte, 4*lshRows)
	for b := range out {
		for r := 0; r < lshRows; r++ {
			binary.LittleEndian.PutUint32(buf[4*r:], s[b*lshRows+r])
		}
		h := fnv.New64a()
		h.Write(buf)
		out[b] = int64(h.Sum64())
	}
	return out
}

func (s signature) encode() []byte {
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSignature(b []byte) signature {
	if len(b) != 4*numHashes {
		return nil
	}
	s := make(signature, numHashes)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}
