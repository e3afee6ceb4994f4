// Package minhash estimates how much two sets overlap, and finds the pairs
// worth comparing without comparing every pair (MinHash with LSH banding).
// The store uses it to link near-duplicate articles, events to find
// candidate reports of one event.
//
// A set is given as 64-bit hashes of its elements; the caller chooses the
// shingles (word triples, word stems, ...). A Hasher holds n seeded hash
// functions h_i(x) = 32 bits of the SplitMix64 finaliser applied to
// x XOR seed_i, and the signature of a set keeps, for each i, the smallest
// h_i over the set. Two signatures agree at position i with probability
// equal to the sets' Jaccard similarity J, so the share of equal positions
// (Jaccard) estimates J with a standard error of sqrt(J(1-J)/n). For LSH
// the signature is cut into bands of rows, each band's rows are hashed to
// a bucket key (AppendBands), and two sets meeting in any bucket become
// candidates: with b bands of r rows, a pair at similarity J does with
// probability 1-(1-J^r)^b (CandidateProbability).
//
// Everything is passed in Params (seeds, signature length, bands × rows,
// and which bits and band hash are used), so each caller keeps its own
// scheme; outputs depend only on Params and the input, so signatures can
// be persisted and compared across runs and machines. Two variants of the
// hash family and of the band key exist because the store's persisted
// signatures and the clustering's tuned thresholds each depend on one.
package minhash
