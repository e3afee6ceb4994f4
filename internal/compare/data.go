package compare

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// knowledge is the embedded data, parsed once.
type knowledge struct {
	statusClass map[string]string // status → class
	conflicts   map[[2]string]string
	families    map[string]string // event predicate → family
	disputeCues []string
	stopWords   map[string]bool
	outletKinds [][2]string // label substring, class
	loadErr     error
}

var (
	knowOnce sync.Once
	know     knowledge
)

func kb() *knowledge {
	knowOnce.Do(func() {
		know.statusClass = map[string]string{}
		know.conflicts = map[[2]string]string{}
		know.families = map[string]string{}
		know.stopWords = map[string]bool{}
		if err := eachLine("data/stopwords.txt", func(f []string) error {
			for _, w := range strings.Fields(strings.Join(f, " ")) {
				know.stopWords[strings.ToLower(w)] = true
			}
			return nil
		}); err != nil {
			know.loadErr = err
		}
		if err := eachLine("data/event_families.tsv", func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want 2 tab-separated fields, got %d", len(f))
			}
			know.families[f[0]] = f[1]
			return nil
		}); err != nil {
			know.loadErr = err
		}
		if err := eachLine("data/outlet_kinds.tsv", func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want 2 tab-separated fields, got %d", len(f))
			}
			know.outletKinds = append(know.outletKinds, [2]string{strings.ToLower(f[0]), f[1]})
			return nil
		}); err != nil {
			know.loadErr = err
		}
		if err := eachLine("data/statuses.tsv", func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want 2 tab-separated fields, got %d", len(f))
			}
			know.statusClass[f[0]] = f[1]
			return nil
		}); err != nil {
			know.loadErr = err
		}
		if err := eachLine("data/conflicts.tsv", func(f []string) error {
			if len(f) != 3 {
				return fmt.Errorf("want 3 tab-separated fields, got %d", len(f))
			}
			know.conflicts[[2]string{f[0], f[1]}] = f[2]
			know.conflicts[[2]string{f[1], f[0]}] = f[2]
			return nil
		}); err != nil {
			know.loadErr = err
		}
		if err := eachLine("data/dispute_cues.txt", func(f []string) error {
			know.disputeCues = append(know.disputeCues, strings.ToLower(strings.Join(f, " ")))
			return nil
		}); err != nil {
			know.loadErr = err
		}
	})
	return &know
}

// eachLine calls fn with the tab-separated fields of every line of an
// embedded data file that is not blank or a # comment.
func eachLine(name string, fn func([]string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// statusClass maps a control status to the class claims compare under;
// unknown statuses are their own class.
func statusClass(status string) string {
	s := strings.ToLower(strings.TrimSpace(status))
	if c, ok := kb().statusClass[s]; ok {
		return c
	}
	return s
}

// classesConflict says whether two status classes with these sides cannot
// both hold of one place at one time.
func classesConflict(ca, sa, cb, sb string) bool {
	rule, ok := kb().conflicts[[2]string{ca, cb}]
	if !ok {
		return false
	}
	switch rule {
	case "any":
		return true
	case "other":
		return sa != "" && sb != "" && !strings.EqualFold(sa, sb)
	}
	return false
}

// eventFamily is the family of an event predicate, or "".
func eventFamily(pred string) string { return kb().families[pred] }

// hasDisputeCue reports whether text carries a word of doubt or denial.
func hasDisputeCue(text string) bool {
	low := strings.ToLower(text)
	for _, c := range kb().disputeCues {
		if i := strings.Index(low, c); i >= 0 && (i == 0 || !isLetterByte(low[i-1])) {
			return true
		}
	}
	return false
}

func isLetterByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 0x80
}

// outletKind is "wire", "party" or "" for an outlet, from its labels.
func outletKind(o *domain.Outlet) string {
	if o == nil {
		return ""
	}
	for _, k := range kb().outletKinds {
		for _, l := range o.Labels {
			if strings.Contains(strings.ToLower(l.Label), k[0]) {
				return k[1]
			}
		}
	}
	return ""
}
