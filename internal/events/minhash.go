package events

import mh "github.com/parallaxnews/parallax/internal/minhash"

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

// hasher computes the word-stem signatures and their band keys. Band keys
// share the day shards' table with entity keys, hence BandSplitMix, which
// mixes the band number in. The thresholds were tuned with these exact
// hash functions, and with 64 hashes the estimate's noise moves scores
// enough to regroup reports, so the family and seeds stay as they are.
var hasher = mh.MustNew(mh.Params{
	Seeds:   chainSeeds(numHashes),
	Bands:   lshBands,
	Rows:    lshRows,
	Family:  mh.HighSplitMix,
	BandKey: mh.BandSplitMix,
})

// chainSeeds iterates SplitMix from its increment: the seeds the thresholds
// were tuned with (mh.Seeds would give others).
func chainSeeds(n int) []uint64 {
	s := make([]uint64, n)
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mh.SplitMix(x)
		s[i] = x
	}
	return s
}

// splitmix is one SplitMix64 step: a cheap, well-mixed 64-bit hash.
func splitmix(x uint64) uint64 { return mh.SplitMix(x) }

// fnv64 is FNV-1a over a string.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
