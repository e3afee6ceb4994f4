// Package pipelineeval evaluates event clustering on the whole pipeline:
// the Telegram gold posts of package events go through resolve and claims
// before the events index, so resolved entity IDs and claim propositions
// join the lexical and name signals. It holds tests only, kept apart from
// package events so that events' own tests do not depend on the
// upstream stages building.
package pipelineeval
