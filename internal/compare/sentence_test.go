package compare

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestSentenceAtFields(t *testing.T) {
	a := &domain.Article{Title: "Town retaken, army says",
		Blocks: []domain.Block{{Kind: domain.BlockCaption, Text: "Soldiers near the bridge. Photo taken on Monday."}}}
	a.SetBody([]domain.Paragraph{{Text: "The army said it retook the town. Residents were not told."}})
	tests := []struct {
		field      string
		start, end int
		want       string
	}{
		{"title", 0, 4, "Town retaken, army says"},
		{"body", 4, 8, "The army said it retook the town."},
		{"block:0", 26, 31, "Photo taken on Monday."},
		{"block:1", 0, 4, ""},
		{"block:x", 0, 4, ""},
		{"body", 50, 500, ""},
	}
	for _, tt := range tests {
		if got := sentenceAt(a, tt.field, tt.start, tt.end); got != tt.want {
			t.Errorf("sentenceAt(%s, %d, %d) = %q, want %q", tt.field, tt.start, tt.end, got, tt.want)
		}
	}
}
