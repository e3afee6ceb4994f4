// Package claims finds who says what in a news report, and how the outlet
// carries it. It splits the headline and body into sentences (abbreviations,
// initials, decimals and multi-sentence quotes kept whole), finds direct
// quotes in every mark, and reads attribution off lexicons of speech cues
// ("said", "according to", "заявил", "по словам"), hedges, dispute cues and
// verification disclaimers. Each sentence that carries a proposition becomes
// one or more domain.Claim: a voice (the outlet, a named speaker resolved
// through the article's mentions, an anonymous source, with any intermediaries
// in Via), a stance (asserted, attributed, quoted, hedged, disputed — the least
// committed that applies), a kind (control, event, statement, fact), places,
// actors, quantities with their qualifiers, a date resolved against the
// publication date, and a language-independent proposition key so that
// "freed", "captured" and "взят" by the same side meet; a place no
// gazetteer settled keys on its folded spelling (FoldName: "Курахового",
// "Kurakhovo", "Kurakhove" share one key) and is never replaced by the
// oblast that only locates it. Cues two languages share are read by the
// article's language ("заявив": a Ukrainian verb, a Russian participle);
// a headline "<claim>, <Speaker> Tells <Someone>" is asserted while
// crediting the speaker; a denial of a claim ("rejecting Moscow's claim
// that ...", "ВСУ это отрицают") yields the claimant's claim, disputed. A framing lexicon
// (loaded verbs, names of the war, naming politics, SemEval-2020 Task 11
// techniques) yields domain.Marker values, each marked quoted when the outlet
// quotes rather than uses the word. All knowledge lives in data/*.yaml,
// embedded at build time; an Extractor is built once and is safe for
// concurrent use.
package claims
