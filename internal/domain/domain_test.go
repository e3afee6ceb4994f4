package domain

import (
	"encoding/json"
	"testing"
	"time"
)

func TestTimestampJSON(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	tests := []struct {
		ts   Timestamp
		want string
	}{
		{Timestamp{Time: time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC), Precision: PrecisionDate}, `{"value":"2025-11-20","precision":"date"}`},
		{Timestamp{Time: time.Date(2025, 11, 20, 18, 16, 0, 0, time.UTC), Precision: PrecisionMinute}, `{"value":"2025-11-20T18:16:00Z","precision":"minute"}`},
		{Timestamp{Time: time.Date(2026, 3, 12, 14, 5, 0, 0, msk), Precision: PrecisionMinute}, `{"value":"2026-03-12T14:05:00+03:00","precision":"minute"}`},
		{Timestamp{Time: time.Date(2022, 9, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth, Inferred: true}, `{"value":"2022-09","precision":"month","inferred":true}`},
		{Timestamp{Time: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}, `{"value":"2022","precision":"year"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.ts)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.ts, b, err, tt.want)
			continue
		}
		var back Timestamp
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("Unmarshal(%s): %v", b, err)
			continue
		}
		if !back.Time.Equal(tt.ts.Time) || back.Precision != tt.ts.Precision || back.Inferred != tt.ts.Inferred {
			t.Errorf("round trip of %s gave %+v", b, back)
		}
	}
	var bad Timestamp
	for _, in := range []string{`{"value":"2025-11-20","precision":"fortnight"}`, `{"value":"20.11.2025","precision":"date"}`, `[]`} {
		if err := json.Unmarshal([]byte(in), &bad); err == nil {
			t.Errorf("Unmarshal(%s) accepted a malformed timestamp", in)
		}
	}
}

func TestSetBodyOffsets(t *testing.T) {
	var a Article
	a.SetBody([]Paragraph{{Text: "Первый абзац.", SourceOffset: 10}, {Text: "Second.", SourceOffset: -1}, {Text: "Third one."}})
	text := a.Text()
	for i, p := range a.Body {
		if got := text[p.Offset : p.Offset+len(p.Text)]; got != p.Text {
			t.Errorf("paragraph %d at offset %d reads %q, want %q", i, p.Offset, got, p.Text)
		}
	}
	if a.Body[0].SourceOffset != 10 || a.Body[1].SourceOffset != -1 {
		t.Errorf("SetBody changed source offsets: %+v", a.Body)
	}
}
