package minhash

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestNew(t *testing.T) {
	seeds := Seeds(1, 64)
	tests := []struct {
		name    string
		p       Params
		wantErr bool
	}{
		{"valid", Params{Seeds: seeds, Bands: 32, Rows: 2, Family: LowMix, BandKey: BandFNV1a}, false},
		{"bands use part of the signature", Params{Seeds: seeds, Bands: 10, Rows: 6, Family: HighSplitMix, BandKey: BandSplitMix}, false},
		{"no seeds", Params{Bands: 1, Rows: 1, Family: LowMix, BandKey: BandFNV1a}, true},
		{"bands exceed hashes", Params{Seeds: seeds, Bands: 33, Rows: 2, Family: LowMix, BandKey: BandFNV1a}, true},
		{"zero rows", Params{Seeds: seeds, Bands: 4, Rows: 0, Family: LowMix, BandKey: BandFNV1a}, true},
		{"family unset", Params{Seeds: seeds, Bands: 4, Rows: 4, BandKey: BandFNV1a}, true},
		{"band key unset", Params{Seeds: seeds, Bands: 4, Rows: 4, Family: LowMix}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := New(tt.p)
			if (err != nil) != tt.wantErr {
				t.Fatalf("New: err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && (h.Len() != len(tt.p.Seeds) || h.Bands() != tt.p.Bands) {
				t.Fatalf("Len %d Bands %d, want %d and %d", h.Len(), h.Bands(), len(tt.p.Seeds), tt.p.Bands)
			}
		})
	}
}

func TestNewCopiesSeeds(t *testing.T) {
	seeds := Seeds(7, 16)
	h := MustNew(Params{Seeds: seeds, Bands: 4, Rows: 4, Family: LowMix, BandKey: BandFNV1a})
	before := h.Sign([]uint64{1, 2, 3})
	seeds[0]++
	if !slices.Equal(before, h.Sign([]uint64{1, 2, 3})) {
		t.Fatal("changing the caller's seed slice changed the Hasher")
	}
}

// TestSeeds checks the generator against the published SplitMix64
// reference outputs for seed 0 (Vigna's splitmix64.c).
func TestSeeds(t *testing.T) {
	want := []uint64{0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f}
	if got := Seeds(0, 3); !slices.Equal(got, want) {
		t.Fatalf("Seeds(0, 3) = %#x, want %#x", got, want)
	}
	if SplitMix(0) != want[0] {
		t.Fatalf("SplitMix(0) = %#x, want %#x", SplitMix(0), want[0])
	}
}

// overlapping returns two sets of n random hashes sharing the given
// number of elements, and their exact Jaccard similarity.
func overlapping(r *rand.Rand, n, shared int) (a, b []uint64, j float64) {
	a = make([]uint64, n)
	b = make([]uint64, n)
	for i := range a {
		a[i] = r.Uint64()
		if i < shared {
			b[i] = a[i]
		} else {
			b[i] = r.Uint64()
		}
	}
	return a, b, float64(shared) / float64(2*n-shared)
}

func TestJaccardEstimate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, fam := range []Family{LowMix, HighSplitMix} {
		h := MustNew(Params{Seeds: Seeds(11, 256), Bands: 32, Rows: 8, Family: fam, BandKey: BandFNV1a})
		for _, tt := range []struct {
			name   string
			shared int // of 400 elements
		}{
			{"identical", 400},
			{"nine tenths shared", 380},
			{"half shared", 267},
			{"a tenth shared", 73},
			{"disjoint", 0},
		} {
			t.Run(fmt.Sprintf("family%d/%s", fam, tt.name), func(t *testing.T) {
				a, b, exact := overlapping(r, 400, tt.shared)
				est := Jaccard(h.Sign(a), h.Sign(b))
				// Three standard errors of a 256-hash estimate.
				tol := 3*math.Sqrt(exact*(1-exact)/256) + 0.01
				if math.Abs(est-exact) > tol {
					t.Fatalf("estimate %.3f, exact %.3f (tolerance %.3f)", est, exact, tol)
				}
			})
		}
	}
}

func TestSignIsOfTheSet(t *testing.T) {
	h := MustNew(Params{Seeds: Seeds(5, 64), Bands: 16, Rows: 4, Family: LowMix, BandKey: BandFNV1a})
	set := []uint64{10, 20, 30, 40, 50}
	want := h.Sign(set)
	tests := []struct {
		name string
		in   []uint64
	}{
		{"reordered", []uint64{50, 30, 10, 40, 20}},
		{"with duplicates", []uint64{10, 10, 20, 30, 30, 30, 40, 50}},
	}
	for _, tt := range tests {
		if got := h.Sign(tt.in); !slices.Equal(got, want) {
			t.Errorf("%s: signature differs from the set's", tt.name)
		}
	}
	if got := h.Sign([]uint64{10, 20, 30, 40}); slices.Equal(got, want) {
		t.Error("dropping an element left the signature unchanged at all 64 positions")
	}
	if h.Sign(nil) != nil {
		t.Error("the empty set has a signature")
	}
}

func TestJaccardEdges(t *testing.T) {
	tests := []struct {
		name string
		a, b []uint32
		want float64
	}{
		{"equal", []uint32{1, 2, 3, 4}, []uint32{1, 2, 3, 4}, 1},
		{"half", []uint32{1, 2, 3, 4}, []uint32{1, 9, 3, 9}, 0.5},
		{"empty", nil, nil, 0},
		{"one empty", []uint32{1}, nil, 0},
		{"different schemes", []uint32{1, 2}, []uint32{1, 2, 3}, 0},
	}
	for _, tt := range tests {
		if got := Jaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Jaccard = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAppendBands(t *testing.T) {
	const bands, rows = 8, 4
	sig := make([]uint32, bands*rows)
	for i := range sig {
		sig[i] = uint32(i) * 0x01010101
	}
	edited := slices.Clone(sig)
	edited[2*rows+1]++ // a row of band 2

	for _, key := range []BandKey{BandFNV1a, BandSplitMix} {
		t.Run(fmt.Sprintf("key%d", key), func(t *testing.T) {
			h := MustNew(Params{Seeds: Seeds(1, bands*rows), Bands: bands, Rows: rows, Family: LowMix, BandKey: key})
			prefix := []uint64{42}
			got := h.AppendBands(slices.Clone(prefix), sig)
			if len(got) != 1+bands || got[0] != 42 {
				t.Fatalf("AppendBands gave %d keys after the prefix %v, want %d", len(got)-1, got[:1], bands)
			}
			got = got[1:]
			other := h.AppendBands(nil, edited)
			for b := range bands {
				if same := got[b] == other[b]; same != (b != 2) {
					t.Errorf("band %d: keys equal = %v after editing a row of band 2", b, same)
				}
			}
			if n := len(h.AppendBands(nil, sig[:5])); n != 0 {
				t.Errorf("a signature of the wrong length gave %d keys", n)
			}
			if n := len(h.AppendBands(nil, nil)); n != 0 {
				t.Errorf("the empty signature gave %d keys", n)
			}
		})
	}

	// BandFNV1a is FNV-1a of the rows' little-endian bytes, as hash/fnv
	// computes it: stored band hashes depend on that.
	h := MustNew(Params{Seeds: Seeds(1, bands*rows), Bands: bands, Rows: rows, Family: LowMix, BandKey: BandFNV1a})
	keys := h.AppendBands(nil, sig)
	for b := range bands {
		f := fnv.New64a()
		for _, v := range sig[b*rows : (b+1)*rows] {
			f.Write(binary.LittleEndian.AppendUint32(nil, v))
		}
		if keys[b] != f.Sum64() {
			t.Errorf("band %d: key %#x, hash/fnv gives %#x", b, keys[b], f.Sum64())
		}
	}

	// BandSplitMix keys of different bands differ even for equal rows.
	h = MustNew(Params{Seeds: Seeds(1, 4), Bands: 2, Rows: 2, Family: LowMix, BandKey: BandSplitMix})
	if k := h.AppendBands(nil, []uint32{7, 8, 7, 8}); k[0] == k[1] {
		t.Error("BandSplitMix gave two bands with equal rows one key")
	}
}

func TestCandidateProbability(t *testing.T) {
	tests := []struct {
		j           float64
		bands, rows int
		want        float64
	}{
		{0.8, 32, 8, 0.997},
		{0.5, 32, 8, 0.118},
		{0.12, 32, 2, 0.371},
		{1, 4, 4, 1},
		{0, 4, 4, 0},
	}
	for _, tt := range tests {
		if got := CandidateProbability(tt.j, tt.bands, tt.rows); math.Abs(got-tt.want) > 0.001 {
			t.Errorf("CandidateProbability(%v, %d, %d) = %.4f, want %.3f", tt.j, tt.bands, tt.rows, got, tt.want)
		}
	}
}

// TestBandingFindsSimilarPairs checks that pairs meet in a bucket about as
// often as CandidateProbability says, for both families.
func TestBandingFindsSimilarPairs(t *testing.T) {
	const bands, rows, pairs = 16, 4, 300
	r := rand.New(rand.NewPCG(8, 9))
	for _, fam := range []Family{LowMix, HighSplitMix} {
		for _, shared := range []int{120, 60} { // of 150: J = 2/3 and 1/4
			h := MustNew(Params{Seeds: Seeds(21, bands*rows), Bands: bands, Rows: rows, Family: fam, BandKey: BandSplitMix})
			met := 0
			var j float64
			for range pairs {
				a, b, exact := overlapping(r, 150, shared)
				j = exact
				ka, kb := h.AppendBands(nil, h.Sign(a)), h.AppendBands(nil, h.Sign(b))
				for i := range ka {
					if ka[i] == kb[i] {
						met++
						break
					}
				}
			}
			want := CandidateProbability(j, bands, rows)
			got := float64(met) / pairs
			// Four standard errors of a binomial share over 300 pairs.
			if tol := 4*math.Sqrt(want*(1-want)/pairs) + 0.01; math.Abs(got-want) > tol {
				t.Errorf("family %d, J=%.2f: %.3f of pairs met, expected %.3f ± %.3f", fam, j, got, want, tol)
			}
		}
	}
}

func BenchmarkSign(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	shingles := make([]uint64, 400) // a 400-word article
	for i := range shingles {
		shingles[i] = r.Uint64()
	}
	for _, tt := range []struct {
		name string
		p    Params
	}{
		{"store-256-lowmix", Params{Seeds: Seeds(1, 256), Bands: 32, Rows: 8, Family: LowMix, BandKey: BandFNV1a}},
		{"events-64-highsplitmix", Params{Seeds: Seeds(1, 64), Bands: 32, Rows: 2, Family: HighSplitMix, BandKey: BandSplitMix}},
	} {
		h := MustNew(tt.p)
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(8 * len(shingles)))
			var keys []uint64
			for b.Loop() {
				keys = h.AppendBands(keys[:0], h.Sign(shingles))
			}
		})
	}
}

func BenchmarkJaccard(b *testing.B) {
	h := MustNew(Params{Seeds: Seeds(1, 256), Bands: 32, Rows: 8, Family: LowMix, BandKey: BandFNV1a})
	x, y := h.Sign([]uint64{1, 2, 3, 4}), h.Sign([]uint64{3, 4, 5, 6})
	var s float64
	for b.Loop() {
		s += Jaccard(x, y)
	}
	_ = s
}
