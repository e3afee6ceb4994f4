// Package claimseval scores the claims extractor against a set of reports
// with gold annotations (testdata/eval of package claims): it loads the
// YAML reports, builds the Articles a reader would, and counts precision
// and recall of speaker and stance per sentence. Tests of claims (words
// only) and of the whole pipeline (after the real resolver) share it.
package claimseval
