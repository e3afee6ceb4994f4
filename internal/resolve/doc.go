// Package resolve finds the names in an article — places, people,
// organisations, military formations, outlets and agencies — and resolves
// each to one entity across spellings, transliterations, case endings and
// renamings.
//
// It works in passes over the title and body. Words are tokenised with byte
// offsets and matched, longest first, against an index of every alias in the
// embedded data files (data/actors.yaml, roles.yaml, regions.yaml): Russian
// and Ukrainian words meet through their stems, so "Харьковской области"
// finds Kharkiv Oblast and "Путину" finds Putin; coordinated names borrow
// the head noun ("the Dnepropetrovsk and Zaporozhye regions"). Capitalised
// runs that no data file knows are then people (after a title, next to a
// verb of saying), places (gazetteer lookup, ranked by the oblasts and
// coordinates the article already names), or unresolved mentions, which are
// kept. A place must fit the article's geography (places.go admissible): a
// name met only loosely (a transliteration, a stem, a typo) or naming a
// village must lie in the countries the article, its outlet and its
// language speak for, or near its other places; words that are weak
// evidence on their own — common words of the language (data/common, from
// corpora not evaluated on), words of three letters, adjectives, words in
// another script — need the article's region or a big place named exactly.
// Names in quotes after a project or weapon noun, and the weapons,
// platforms and outlets of data/nonplaces.yaml, are no places. A rejected
// name is dropped if it may be no name at all, else kept unresolved with
// the reason. Titles link to the name next to them or, alone ("the president"),
// to the holder named in the article or chosen by the sides of the actors
// around them — but a title naming a country (президент Грузии,
// Georgia's president), or alone in a sentence naming a country none of
// the known holders serves, goes to that country's holder or to no one.
// An actor's name meets the text in its own case forms, never as a bare
// stem (Умер is no Умеров), and a lone surname on a common word opening a
// sentence is no name; a surname-shaped word next to a verb of saying or
// a title is a person, not the village its stem meets (Нарышкин). A
// several-word place name is also tried word by word in the nominative
// (Великой Новоселке → Великая Новоселка). Surnames and he/she link back
// only when one person fits.
// Captions and related-article teasers (not credits, footers, embeds or
// social posts) are read in a second pass placed after the title and body,
// so the body's entities decide their names; their mentions carry Field
// "block:<i>", and the title and body mentions reported come from the
// first pass, which never saw them (a teaser is about another story).
// Every mention carries its reasons and runners-up. No pass rescans the
// article for each mention: earlier mentions are found through indexes by
// position, sentence and entity that are kept current as names resolve,
// so resolution is linear in the article's length (BenchmarkResolveLong
// reports CPU time per MB for reports of 100 KB to 1.6 MB).
package resolve
