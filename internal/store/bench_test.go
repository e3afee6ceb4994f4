package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthArticles makes n articles of about 500 words drawn from a Zipf
// vocabulary, so unrelated articles share common words and some shingles,
// as real news does.
func synthArticles(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 7))
	z := rand.NewZipf(r, 1.1, 1, 20000)
	out := make([]string, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		for w := 0; w < 500; w++ {
			if w > 0 && w%80 == 0 {
				b.WriteString(".\n\n")
			}
			fmt.Fprintf(&b, "w%d ", z.Uint64())
		}
		out[i] = b.String()
	}
	return out
}

// BenchmarkPutArticle times one put (exact-duplicate check, MinHash, LSH
// lookup, insert, commit) into an empty store and into one already holding
// 2,000 articles: the LSH index should keep the two close.
func BenchmarkPutArticle(b *testing.B) {
	for _, eng := range engines {
		b.Run(eng.name, func(b *testing.B) {
			for _, prefill := range []int{0, 2000} {
				b.Run(fmt.Sprintf("stored=%d", prefill), func(b *testing.B) {
					s, err := open(eng.newDSN(b))
					if err != nil {
						b.Fatal(err)
					}
					defer s.Close()
					ctx := context.Background()
					for i, body := range synthArticles(1, prefill) {
						if _, err := s.PutArticle(ctx, article(fmt.Sprint("pre", i), "Site", "2025-03-04", body)); err != nil {
							b.Fatal(err)
						}
					}
					bodies := synthArticles(2, b.N)
					var bytes int64
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						b.StopTimer()
						a := article(fmt.Sprint("a", i), "Site", "2025-03-04", bodies[i])
						bytes += int64(len(bodies[i]))
						b.StartTimer()
						if _, err := s.PutArticle(ctx, a); err != nil {
							b.Fatal(err)
						}
					}
					b.SetBytes(bytes / int64(b.N))
				})
			}
		})
	}
}

// BenchmarkPutDuplicate times a put of an article stored already: a
// re-ingest is mostly these. "same" has nothing new (one read, no write);
// "enriching" fills the stored copy's missing date and outlet (one
// read, one update transaction).
func BenchmarkPutDuplicate(b *testing.B) {
	for _, eng := range engines {
		b.Run(eng.name, func(b *testing.B) {
			for _, enrich := range []bool{false, true} {
				name := map[bool]string{false: "same", true: "enriching"}[enrich]
				b.Run(name, func(b *testing.B) {
					s, err := open(eng.newDSN(b))
					if err != nil {
						b.Fatal(err)
					}
					defer s.Close()
					ctx := context.Background()
					bodies := synthArticles(3, b.N)
					for i, body := range bodies {
						outlet, date := "Site", "2025-03-04"
						if enrich {
							outlet, date = "", ""
						}
						if _, err := s.PutArticle(ctx, article(fmt.Sprint("a", i), outlet, date, body)); err != nil {
							b.Fatal(err)
						}
					}
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						b.StopTimer()
						a := article(fmt.Sprint("a", i), "Site", "2025-03-04", bodies[i])
						b.StartTimer()
						res, err := s.PutArticle(ctx, a)
						if err != nil || !res.Duplicate || (len(res.Enriched) > 0) != enrich {
							b.Fatalf("put = %+v, %v", res, err)
						}
					}
				})
			}
		})
	}
}
