// Package pipelinetest holds the tests of the claims stage that run the
// real stages before it — ingest's readers and the resolver over the
// embedded gazetteer — on the founding example and on the held-out
// evaluation set. They live apart from package claims so that the claims
// tests still build and run while an upstream package is being changed.
package pipelinetest
