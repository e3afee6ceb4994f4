package domain

import (
	"encoding/json"
	"fmt"
	"time"
)

type timestampJSON struct {
	Value     string    `json:"value"`
	Precision Precision `json:"precision"`
	Inferred  bool      `json:"inferred,omitempty"`
}

// MarshalJSON writes {"value": "2025-11-20", "precision": "date"}; the value
// is never more precise than the source was.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return json.Marshal(timestampJSON{Value: t.String(), Precision: t.Precision, Inferred: t.Inferred})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var v timestampJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	layouts := map[Precision]string{
		PrecisionYear: "2006", PrecisionMonth: "2006-01", PrecisionDate: "2006-01-02",
		PrecisionMinute: time.RFC3339, PrecisionSecond: time.RFC3339,
	}
	layout, ok := layouts[v.Precision]
	if !ok {
		return fmt.Errorf("timestamp %q: unknown precision %q", v.Value, v.Precision)
	}
	tm, err := time.Parse(layout, v.Value)
	if err != nil {
		return fmt.Errorf("timestamp: %w", err)
	}
	*t = Timestamp{Time: tm, Precision: v.Precision, Inferred: v.Inferred}
	return nil
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
