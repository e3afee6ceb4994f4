package events

import "math"

// MinHash parameters. numHashes=64 estimates Jaccard similarity to about
// ±0.06; lshBands×lshRows must not exceed it. Bands of two rows give a
// pair with Jaccard J a chance 1-(1-J²)^32 of meeting in a bucket: 0.37 at
// J=0.12, 0.73 at J=0.2, 0.95 at J=0.3, while a random pair of news posts
// (J≈0.02) meets in 1%. Reports of one event in different words often have
// J of 0.1–0.2, so the rare-name inverted index, not LSH alone, has to find
// those: LSH is tuned to stay cheap, the name index to catch paraphrase.
const (
	numHashes = 64
	lshBands  = 32
	lshRows   = 2
)

// signature is the MinHash of a set of shingles.
type signature [numHashes]uint32

// hashSeeds are fixed so signatures are comparable across runs.
var hashSeeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

// splitmix is the SplitMix64 finaliser: a cheap, well-mixed 64-bit hash.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// fnv64 is FNV-1a over a string.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// minhash computes the signature of a set of shingle hashes. An empty set
// gets a signature of all MaxUint32, which matches nothing (see jaccard).
func minhash(shingles []uint64) signature {
	var sig signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, sh := range shingles {
		for i, seed := range hashSeeds {
			if v := uint32(splitmix(sh^seed) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// jaccard estimates the Jaccard similarity of the sets behind two signatures.
func jaccard(a, b *signature) float64 {
	if a[0] == math.MaxUint32 || b[0] == math.MaxUint32 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// bandKeys returns the LSH bucket key of each band of sig.
func bandKeys(sig *signature, out []uint64) []uint64 {
	if sig[0] == math.MaxUint32 {
		return out
	}
	for b := 0; b < lshBands; b++ {
		h := uint64(b+1) * 0x100000001b3
		for r := 0; r < lshRows; r++ {
			h = splitmix(h ^ uint64(sig[b*lshRows+r]))
		}
		out = append(out, h)
	}
	return out
}
