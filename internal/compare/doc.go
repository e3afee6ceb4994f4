// Package compare lays the reports of one event side by side, one column
// per outlet, and draws the control ledger of a place.
//
// Compare groups the claims of every article (domain.Analysis.Claims) that
// say the same thing. Control claims: the same place (an entity, or a
// folded name when one report left the town unresolved), the same class of
// status (captured and liberated compare equal; the word itself is
// framing), compatible shares, settlement counts and dates. Statements,
// facts and events never group on a key alone: they must share resolved
// people or places and, in one language, folded content words or figures,
// across languages figures (or, for events, the date). Groups carried by several outlets are "agreed", with each
// outlet's stance (asserted, attributed, quoted, hedged, disputed); groups
// whose values or statuses cannot both hold, or that one outlet disputes,
// are "conflicting"; agreed groups credited to different named speakers are
// listed under "different attribution"; groups only one outlet carries,
// plus its related-article teasers, are "only in". Framing puts each
// outlet's markers (domain.Marker) and its spellings of the same place side
// by side. Every line keeps a Ref back to its sentence: article ID, field,
// byte offsets and the sentence text. The title is the plainest headline
// (fewest partisan framing markers, then a wire's before a state outlet's),
// with the reason in TitleFrom.
//
// Timeline collects every control claim about one place across articles,
// groups them the same way and orders them by date, with the claimants,
// the outlets carrying each claim and their stance, and any dispute.
//
// Renderers write a Report or a ledger as terminal text (one column per
// outlet, wrapped to a width), Markdown, JSON (schema in schema.md) and a
// single self-contained HTML file. Knowledge (status classes, conflicting
// status pairs, dispute cues) lives in data/ and is embedded.
package compare
