package claims

import (
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestDates(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	pub := &domain.Timestamp{Time: time.Date(2025, 11, 20, 18, 16, 0, 0, time.UTC), Precision: domain.PrecisionMinute}
	tests := []struct {
		in       string
		want     string // Timestamp.String of the first date
		inferred bool
	}{
		{"The army claimed on Thursday to have captured it", "2025-11-20", true},
		{"the ministry said on Monday", "2025-11-17", true},
		{"Kyiv had retaken it in September months after the first day of the 2022 invasion", "2022-09", true},
		{"it fell on the first day of the 2022 invasion", "2022-02-24", false},
		{"the strike came in September", "2025-09", true},
		{"talks are planned in December", "2024-12", true},
		{"the deal signed on November 20, 2025 holds", "2025-11-20", false},
		{"signed on Feb. 24, 2022", "2022-02-24", false},
		{"МОСКВА, 3 июня. Подразделения освободили село", "2025-06-03", true},
		{"Россия оккупирует часть области с 2014 года", "2014", false},
		{"вчера беспилотники атаковали Белгород", "2025-11-19", true},
		{"He may visit Kyiv", "", false},
	}
	for _, tc := range tests {
		toks := lx.tokens(tc.in, 0)
		ds := lx.dates(tc.in, toks, 0, len(toks), pub, lx.contextYear(toks))
		if tc.want == "" {
			if len(ds) > 0 {
				t.Errorf("%q: want no date, got %s", tc.in, ds[0].t.String())
			}
			continue
		}
		// prefer the first non-anchor date, as a claim about "September" would
		var got *domain.ClaimTime
		for i := range ds {
			if !ds[i].isAnchor || got == nil {
				if got == nil || !ds[i].isAnchor {
					got = &ds[i].t
				}
				if !ds[i].isAnchor {
					break
				}
			}
		}
		if got == nil {
			t.Errorf("%q: no date, want %s", tc.in, tc.want)
			continue
		}
		if got.String() != tc.want || got.Inferred != tc.inferred {
			t.Errorf("%q: got %s (inferred %v), want %s (inferred %v)", tc.in, got.String(), got.Inferred, tc.want, tc.inferred)
		}
	}
}
