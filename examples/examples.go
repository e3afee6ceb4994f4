// Package examples embeds the repository's own invented example reports
// (see README.md: every report here is invented) so that `parallax demo`
// works from any directory, with nothing to set up.
package examples

import "embed"

// FS holds the example reports and outlets.yaml, the invented outlets
// they come from.
//
//go:embed *.txt *.html *.jsonl outlets.yaml
var FS embed.FS

// OutletsFile is the name of the outlet registry inside FS.
const OutletsFile = "outlets.yaml"
