package events

import (
	"sort"

	"github.com/parallaxnews/parallax/internal/domain"
)

// byPublished returns the indexes of arts in published order (undated
// last, then by ID), the order in which an Index should see them when
// built from a store.
func byPublished(arts []*domain.Article) []int {
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := arts[idx[x]], arts[idx[y]]
		ta, oka, _ := when(a)
		tb, okb, _ := when(b)
		if oka != okb {
			return oka
		}
		if !ta.Equal(tb) {
			return ta.Before(tb)
		}
		return a.ID < b.ID
	})
	return idx
}
