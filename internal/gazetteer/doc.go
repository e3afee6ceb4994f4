// Package gazetteer knows the world's places and their names: it loads the
// GeoNames table format and Ukraine's KATOTTG codifier, embeds a compact
// world-wide default, and looks names up across spellings.
//
// Every name is reduced to a skeleton (folded, Cyrillic romanised, the
// differences between KMU 2010, BGN/PCGN, ISO 9 and press spellings
// rewritten away, see data/skeleton.tsv), so Kupiansk, Kupyansk, Куп'янськ
// and Купянск meet in one map lookup. Cyrillic case forms (Купянске,
// Покровську) are reduced by the Snowball Russian stemmer and a Ukrainian
// endings table; typos of longer names by a symmetric-deletion index;
// generic words ("Kharkov region", "Харьковской области") send the rest of
// the name to the admin1 divisions of data/admin1.tsv; renamings
// (Krasnoarmeysk → Pokrovsk) come from data/former_names.tsv, weighed by
// their age. Names that are frequent words of a language Parallax reads
// (data/common_words.txt.gz: "Далее", "Check") score low unless they are a
// notable place's own name. Countries (data/countries.tsv, every ISO
// 3166-1 code, names from the i18n-iso-countries package) beat towns of
// the same or a similar name: Ирак is Iraq, not Arāk; their case forms
// (Ливане, Лівії) are checked against data/country_cases.tsv. GeoNames duplicates of one town (Kurakhovo and
// Kurakhove) are merged when loading. Lookup says how well a name
// matches; Rank weighs the candidates with what the text says (the oblasts
// and places it names, the outlet's country), feature and population, in
// an uncapped sum, and says when the choice stays ambiguous.
//
// Places in Ukraine are displayed under the KMU 2010 romanisation of their
// official (KATOTTG) or Ukrainian name. Default() embeds GeoNames cities500
// (CC BY 4.0, see data/README.md); Load(dir) adds the country files and
// codifiers `parallax gazetteer import` stored.
package gazetteer
