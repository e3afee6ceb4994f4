// Package gazetteer knows the world's places and their names: it loads the
// GeoNames table format and Ukraine's KATOTTG codifier, embeds a compact
// world-wide default, and looks names up across spellings.
package gazetteer
