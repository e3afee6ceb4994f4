package domain

import (
	"strings"
	"time"
)

// Article is one news report, read from any input format and cleaned:
// the body is what the outlet wrote as the story, every other block of the
// page (captions, credits, embeds, teasers, footers) is kept apart in Blocks.
type Article struct {
	// ID is stable across re-reads: a hash of the normalised body text, or,
	// where the source numbers its reports (a Telegram channel's message
	// IDs), of that number, so an edited post keeps its ID.
	ID string `json:"id"`
	// Source is where the report was read from: a file path or a URL.
	Source string `json:"source"`
	// Format is the reader that produced it: text, html, feed, jsonl.
	Format string `json:"format"`

	Outlet  *Outlet  `json:"outlet,omitempty"`
	Wires   []string `json:"wires,omitempty"`   // wire agencies carried, e.g. ["AFP"]
	Authors []string `json:"authors,omitempty"` // bylines that are people

	Title     string     `json:"title"`
	Published *Timestamp `json:"published,omitempty"`
	Updated   *Timestamp `json:"updated,omitempty"`

	URL string `json:"url,omitempty"`
	// URLRepaired is set when URL differs from what the source said
	// (for example a stray space inside a scraped URL); URLAsFound keeps the original.
	URLRepaired bool   `json:"url_repaired,omitempty"`
	URLAsFound  string `json:"url_as_found,omitempty"`

	Language           string  `json:"language,omitempty"` // ISO 639-1
	LanguageConfidence float64 `json:"language_confidence,omitempty"`

	// Body holds the story's paragraphs in order. Text() joins them with a
	// blank line; every offset a later stage records (mentions, claims,
	// markers) is a byte offset into Text() or, for the headline, into Title.
	Body   []Paragraph `json:"body"`
	Blocks []Block     `json:"blocks,omitempty"`

	// Warnings lists every decision that was a guess.
	Warnings []Warning `json:"warnings,omitempty"`

	// NearDuplicateOf names a stored article this one closely repeats
	// (the same wire story on two sites). Set by the store.
	NearDuplicateOf string `json:"near_duplicate_of,omitempty"`
}

// ParagraphSep separates paragraphs in Article.Text.
const ParagraphSep = "\n\n"

// Text is the body as one string; paragraph i starts at Body[i].Offset.
func (a *Article) Text() string {
	var b strings.Builder
	for i, p := range a.Body {
		if i > 0 {
			b.WriteString(ParagraphSep)
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// SetBody replaces the body with paras and computes their offsets in Text().
// SourceOffset values already set on paras are kept.
func (a *Article) SetBody(paras []Paragraph) {
	off := 0
	for i := range paras {
		paras[i].Offset = off
		off += len(paras[i].Text) + len(ParagraphSep)
	}
	a.Body = paras
}

// Warn records a guess the reader made.
func (a *Article) Warn(code, format string, args ...any) {
	a.Warnings = append(a.Warnings, NewWarning(code, format, args...))
}

// Paragraph is one paragraph of an article body.
type Paragraph struct {
	Text string `json:"text"`
	// Offset is the byte offset of Text in Article.Text().
	Offset int `json:"offset"`
	// SourceOffset is the byte offset of Text in the decoded (UTF-8) source
	// document, or -1 where the reader cannot tell (HTML extraction).
	SourceOffset int `json:"source_offset"`
}

// BlockKind types a non-body block of a page.
type BlockKind string

// The kinds of non-body blocks a reader keeps apart from the story.
const (
	BlockHeader  BlockKind = "header"  // scraper prefixes, datelines, bylines
	BlockCaption BlockKind = "caption" // photo or video captions
	BlockCredit  BlockKind = "credit"  // photo credits ("© Photo : Kremlin")
	BlockEmbed   BlockKind = "embed"   // "Embed:" markers, iframes
	BlockSocial  BlockKind = "social"  // embedded social posts (tweets, Telegram)
	BlockRelated BlockKind = "related" // related-article teasers
	BlockFooter  BlockKind = "footer"  // "Original url:" footers, copyright lines
)

// Block is a non-body part of the page, kept for the user to see.
type Block struct {
	Kind BlockKind `json:"kind"`
	Text string    `json:"text"`
	// SourceOffset is the byte offset of Text in the decoded source, or -1.
	SourceOffset int `json:"source_offset"`
	// Reason says which rule recognised the block.
	Reason string `json:"reason,omitempty"`
}

// Warning is a guess or a repair the user should be able to see.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// NewWarning builds a Warning with a formatted message.
func NewWarning(code, format string, args ...any) Warning {
	return Warning{Code: code, Message: sprintf(format, args...)}
}

// Precision says how precise a timestamp was in the source.
type Precision string

// Timestamp precisions.
const (
	PrecisionYear   Precision = "year"
	PrecisionMonth  Precision = "month"
	PrecisionDate   Precision = "date"
	PrecisionMinute Precision = "minute"
	PrecisionSecond Precision = "second"
)

// Timestamp is a point in time with the precision the source gave it.
// A date-only timestamp is midnight UTC of that date.
type Timestamp struct {
	Time      time.Time `json:"-"`
	Precision Precision `json:"precision"`
	// Inferred is set when part of the value was not in the text
	// (a year taken from context, a time zone assumed).
	Inferred bool `json:"inferred,omitempty"`
}

// String formats the timestamp no more precisely than the source was:
// 2025-11-20 for a date, RFC 3339 with zone for a minute or second.
func (t Timestamp) String() string {
	switch t.Precision {
	case PrecisionYear:
		return t.Time.Format("2006")
	case PrecisionMonth:
		return t.Time.Format("2006-01")
	case PrecisionDate:
		return t.Time.Format("2006-01-02")
	default:
		return t.Time.Format(time.RFC3339)
	}
}

// Outlet is a news organisation, as described by the outlets data file.
type Outlet struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Domain  string   `json:"domain,omitempty"`
	Country string   `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Owner   string   `json:"owner,omitempty"`
	Labels  []Label  `json:"labels,omitempty"`
	Handles []string `json:"handles,omitempty"` // social handles, without @
	// Matched says how the outlet was recognised (domain of the URL, a handle
	// in an embedded post, a byline).
	Matched string `json:"matched,omitempty"`
}

// Label is an alignment or ownership label with the source that gives it.
type Label struct {
	Label  string `json:"label"`  // e.g. "state-affiliated"
	Source string `json:"source"` // who says so, e.g. a URL or a publication
}
