package ingest

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      string
		precision domain.Precision
		inferred  bool
	}{
		{"November 20, 2025", "2025-11-20", domain.PrecisionDate, false},
		{"Nov. 3, 2024", "2024-11-03", domain.PrecisionDate, false},
		{"20 November 2025", "2025-11-20", domain.PrecisionDate, false},
		{"20.11.2025", "2025-11-20", domain.PrecisionDate, false},
		{"5/14/2024", "2024-05-14", domain.PrecisionDate, false},
		{"14/05/2024", "2024-05-14", domain.PrecisionDate, false},
		{"20 ноября 2025 года", "2025-11-20", domain.PrecisionDate, false},
		{"3 листопада 2025", "2025-11-03", domain.PrecisionDate, false},
		{"12. März 2024", "2024-03-12", domain.PrecisionDate, false},
		{"1er décembre 2023", "2023-12-01", domain.PrecisionDate, false},
		{"1 décembre 2023", "2023-12-01", domain.PrecisionDate, false},
		{"2025-11-20", "2025-11-20", domain.PrecisionDate, false},
		{"2025-11-20T18:16:00Z", "2025-11-20T18:16:00Z", domain.PrecisionSecond, false},
		{"2025-11-20T18:16+03:00", "2025-11-20T18:16:00+03:00", domain.PrecisionMinute, false},
		{"18:16 GMT 20.11.2025", "2025-11-20T18:16:00Z", domain.PrecisionMinute, false},
		{"20 ноября 2025, 14:05 МСК", "2025-11-20T14:05:00+03:00", domain.PrecisionMinute, false},
		{"November 20, 2025 3:45 PM EST", "2025-11-20T15:45:00-05:00", domain.PrecisionMinute, false},
		{"20.11.2025 09:30", "2025-11-20T09:30:00Z", domain.PrecisionMinute, true},
		{"31.02.2025", "", "", false},
		{"no date here", "", "", false},
		{"Over 4/5 of the territory", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ts, err := ParseDate(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, ts)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if ts.String() != tt.want || ts.Precision != tt.precision || ts.Inferred != tt.inferred {
				t.Errorf("ParseDate(%q) = %s %s inferred=%v, want %s %s inferred=%v",
					tt.in, ts, ts.Precision, ts.Inferred, tt.want, tt.precision, tt.inferred)
			}
		})
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		pub, upd string
	}{
		{"18:16 GMT 20.11.2025 (Updated: 19:00 GMT 20.11.2025)", true, "2025-11-20T18:16:00Z", "2025-11-20T19:00:00Z"},
		{"November 20, 2025", true, "2025-11-20", ""},
		{"Published: 20 ноября 2025, 10:00 МСК | Обновлено: 20 ноября 2025, 12:30 МСК", true, "2025-11-20T10:00:00+03:00", "2025-11-20T12:30:00+03:00"},
		{"Опубліковано 3 листопада 2025 о 14:20", true, "2025-11-03T14:20:00Z", ""},
		{"Russia said on November 20, 2025 that it took the city.", false, "", ""},
		{"Kupiansk had a population of around 55,000 people.", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			pub, upd, ok := parseDateLine(tt.in)
			if ok != tt.ok {
				t.Fatalf("parseDateLine(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if !ok {
				return
			}
			if got := tsString(pub); got != tt.pub {
				t.Errorf("published = %q, want %q", got, tt.pub)
			}
			if got := tsString(upd); got != tt.upd {
				t.Errorf("updated = %q, want %q", got, tt.upd)
			}
		})
	}
}

func tsString(ts *domain.Timestamp) string {
	if ts == nil {
		return ""
	}
	return ts.String()
}
