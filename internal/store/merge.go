package store

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// The metadata fields two copies of one report may carry differently. The
// ID hashes the body only, so a bare .txt scrape and a JSON Lines record of
// the same story collide although only one of them knows the date, URL or
// outlet. These names go into PutResult and the warning the user sees.
const (
	FieldTitle     = "title"
	FieldPublished = "published"
	FieldUpdated   = "updated"
	FieldURL       = "url"
	FieldOutlet    = "outlet"
	FieldAuthors   = "authors"
	FieldWires     = "wires"
	FieldLanguage  = "language"
)

// Warning codes recorded on a stored article whose metadata came from more
// than one copy of it.
const (
	// WarnMetadataMerged: a later copy filled fields the stored one lacked.
	WarnMetadataMerged = "metadata-merged"
	// WarnMetadataKept: a refresh kept stored fields its reading lacked.
	WarnMetadataKept = "metadata-kept"
)

// fillMissing copies into dst every metadata field dst lacks and src has,
// and returns the names of the fields it filled, in a fixed order. It never
// replaces a value dst has and never touches the body, blocks, source or
// near-duplicate link. Values are copied, not shared, so that later edits
// of src cannot reach dst.
func fillMissing(dst, src *domain.Article) []string {
	var filled []string
	if strings.TrimSpace(dst.Title) == "" && strings.TrimSpace(src.Title) != "" {
		dst.Title = src.Title
		filled = append(filled, FieldTitle)
	}
	if dst.Published == nil && src.Published != nil {
		ts := *src.Published
		dst.Published = &ts
		filled = append(filled, FieldPublished)
	}
	if dst.Updated == nil && src.Updated != nil {
		ts := *src.Updated
		dst.Updated = &ts
		filled = append(filled, FieldUpdated)
	}
	if dst.URL == "" && src.URL != "" {
		// The repair flags describe this URL, so they travel with it.
		dst.URL, dst.URLRepaired, dst.URLAsFound = src.URL, src.URLRepaired, src.URLAsFound
		filled = append(filled, FieldURL)
	}
	if !hasOutlet(dst.Outlet) && hasOutlet(src.Outlet) {
		o := *src.Outlet
		o.Labels = append([]domain.Label(nil), src.Outlet.Labels...)
		o.Handles = append([]string(nil), src.Outlet.Handles...)
		dst.Outlet = &o
		filled = append(filled, FieldOutlet)
	}
	if len(dst.Authors) == 0 && len(src.Authors) > 0 {
		dst.Authors = append([]string(nil), src.Authors...)
		filled = append(filled, FieldAuthors)
	}
	if len(dst.Wires) == 0 && len(src.Wires) > 0 {
		dst.Wires = append([]string(nil), src.Wires...)
		filled = append(filled, FieldWires)
	}
	if dst.Language == "" && src.Language != "" {
		dst.Language, dst.LanguageConfidence = src.Language, src.LanguageConfidence
		filled = append(filled, FieldLanguage)
	}
	return filled
}

// hasOutlet: an outlet with neither ID nor name says nothing.
func hasOutlet(o *domain.Outlet) bool {
	return o != nil && (o.ID != "" || o.Name != "")
}

// describeCopy names a copy of a report for a warning: where it was read
// from and by which reader.
func describeCopy(a *domain.Article) string {
	src := a.Source
	if src == "" {
		src = "an unnamed input"
	}
	if a.Format != "" {
		return fmt.Sprintf("%s (%s)", src, a.Format)
	}
	return src
}
