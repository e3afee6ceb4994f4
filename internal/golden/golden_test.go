package golden

import "testing"

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		got, want string
		line      int
		same      bool
	}{
		{"a\nb\n", "a\nb\n", 0, true},
		{"a\nx\n", "a\nb\n", 2, false},
		{"a\nb\nc", "a\nb", 3, false},
		{"a", "a\nb", 2, false},
	}
	for _, tt := range tests {
		line, _, _, same := firstDiff(tt.got, tt.want)
		if same != tt.same || line != tt.line {
			t.Errorf("firstDiff(%q, %q) = line %d same %v, want %d %v", tt.got, tt.want, line, same, tt.line, tt.same)
		}
	}
}
