package gazetteer

import (
	"os"
	"runtime"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// BenchmarkLoadDefault measures building the embedded gazetteer (Default
// caches it; this rebuilds it each time) and reports the heap it keeps.
func BenchmarkLoadDefault(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	reportHeap(b, g)
}

// BenchmarkLoadUA measures reading the full GeoNames country file for Ukraine.
func BenchmarkLoadUA(b *testing.B) {
	path := sharedtest.Path(b, "data/gazetteer/geonames/UA.txt")
	var g *Gazetteer
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		g, err = LoadGeoNames(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	reportHeap(b, g)
}

func reportHeap(b *testing.B, g *Gazetteer) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/1e6, "heapMB")
	b.ReportMetric(float64(g.Len()), "places")
	runtime.KeepAlive(g)
}

// BenchmarkLookup measures lookups over a mix of spellings: exact,
// transliterated, inflected, former names, typos and unknown words.
func BenchmarkLookup(b *testing.B) {
	g := mustDefault(b)
	names := []string{"Kupiansk", "Kupyansk", "Куп'янськ", "Купянске", "Kharkov region", "Krasnoarmeysk",
		"Konstaninovka", "Zaporozhye", "Харьковской области", "Donetsk People's Republic", "Nothingville", "Pokrovsk"}
	g.Lookup("Konstaninovka") // build the typo index outside the timing
	b.ResetTimer()
	i := 0
	for b.Loop() {
		g.Lookup(names[i%len(names)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}
