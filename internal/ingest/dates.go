package ingest

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed data/dates.yaml
var datesYAML []byte

type dateLexicon struct {
	Months         map[int][]string  `yaml:"months"`
	Zones          map[string]string `yaml:"zones"`
	UpdatedMarkers []string          `yaml:"updated_markers"`
	Filler         []string          `yaml:"filler"`

	month   map[string]time.Month
	zone    map[string]*time.Location
	filler  map[string]bool
	reISO   *regexp.Regexp
	reNum   *regexp.Regexp
	reDMonY *regexp.Regexp
	reMonDY *regexp.Regexp
	reTime  *regexp.Regexp
	reUpd   *regexp.Regexp
}

// dates is the date lexicon, parsed once from the embedded data file.
var dates = sync.OnceValue(func() *dateLexicon {
	var lx dateLexicon
	if err := yaml.Unmarshal(datesYAML, &lx); err != nil {
		panic("ingest: embedded data/dates.yaml: " + err.Error()) // a build defect, caught by every test
	}
	lx.month = map[string]time.Month{}
	var names []string
	for m, list := range lx.Months {
		for _, n := range list {
			n = strings.ToLower(n)
			lx.month[n] = time.Month(m)
			names = append(names, regexp.QuoteMeta(n))
		}
	}
	lx.zone = map[string]*time.Location{}
	var zones []string
	for z, off := range lx.Zones {
		loc, err := parseOffset(z, off)
		if err != nil {
			panic("ingest: embedded data/dates.yaml: " + err.Error())
		}
		lx.zone[strings.ToUpper(z)] = loc
		zones = append(zones, regexp.QuoteMeta(z))
	}
	lx.filler = map[string]bool{}
	for _, f := range lx.Filler {
		lx.filler[strings.ToLower(f)] = true
	}
	var upd []string
	for _, u := range lx.UpdatedMarkers {
		upd = append(upd, regexp.QuoteMeta(u))
	}
	// Longest first, so "september" wins over "sep" in the alternation.
	byLen := func(s []string) {
		sort.Slice(s, func(i, j int) bool {
			if len(s[i]) != len(s[j]) {
				return len(s[i]) > len(s[j])
			}
			return s[i] < s[j]
		})
	}
	byLen(names)
	byLen(zones)
	byLen(upd)
	mon := "(" + strings.Join(names, "|") + ")"
	zone := `(?:\s*\(?(` + strings.Join(zones, "|") + `|[+-]\d{2}:?\d{2})\)?)?`
	// Go's \b only knows ASCII letters, so word edges are spelled out.
	const pre = `(?:^|[^\p{L}\p{N}])`
	lx.reISO = regexp.MustCompile(`(?i)` + pre + `(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?`)
	lx.reNum = regexp.MustCompile(pre + `(\d{1,2})([./])(\d{1,2})[./](\d{4})(?:[^\p{N}]|$)`)
	lx.reDMonY = regexp.MustCompile(`(?i)` + pre + `(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+` + mon + `\.?,?\s+(\d{4})`)
	lx.reMonDY = regexp.MustCompile(`(?i)` + pre + mon + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	lx.reTime = regexp.MustCompile(`(?i)(?:^|[^\p{N}:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?` + zone)
	lx.reUpd = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + strings.Join(upd, "|") + `)(?:[^\p{L}]|$)`)
	return &lx
})

func parseOffset(name, off string) (*time.Location, error) {
	if len(off) != 6 || (off[0] != '+' && off[0] != '-') || off[3] != ':' {
		return nil, fmt.Errorf("zone %s: offset %q is not ±hh:mm", name, off)
	}
	h, err1 := strconv.Atoi(off[1:3])
	m, err2 := strconv.Atoi(off[4:6])
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("zone %s: offset %q is not ±hh:mm", name, off)
	}
	secs := h*3600 + m*60
	if off[0] == '-' {
		secs = -secs
	}
	if secs == 0 {
		return time.UTC, nil
	}
	return time.FixedZone(name, secs), nil
}

// ErrNoDate is returned by ParseDate for text that holds no full date.
var ErrNoDate = errors.New("no date found")

// ParseDate reads the first full date (day, month and year) in s, with its
// time of day and zone where s gives them: ISO 8601, "20.11.2025",
// "November 20, 2025", "20 ноября 2025", "18:16 GMT 20.11.2025" and the like.
// The precision says how much the source gave; a time without a zone is
// taken as UTC and marked Inferred.
func ParseDate(s string) (*domain.Timestamp, error) {
	ts, _, err := parseDateSpan(s)
	return ts, err
}

// span is a byte range of a parsed string that belonged to a date.
type span struct{ start, end int }

func parseDateSpan(s string) (*domain.Timestamp, []span, error) {
	if len(s) > 4096 {
		s = s[:4096] // a dateline is short; don't scan whole documents
	}
	lx := dates()
	var (
		y, d     int
		mon      time.Month
		hh, mm   = -1, 0
		ss       = -1
		loc      *time.Location
		inferred bool
		spans    []span
		best     = -1
	)
	// Pick the earliest match among the date shapes.
	try := func(re *regexp.Regexp, fn func(m []string, idx []int)) {
		idx := re.FindStringSubmatchIndex(s)
		if idx == nil || (best >= 0 && idx[2] >= best) {
			return
		}
		m := make([]string, len(idx)/2)
		for i := range m {
			if idx[2*i] >= 0 {
				m[i] = s[idx[2*i]:idx[2*i+1]]
			}
		}
		best = idx[2]
		hh, mm, ss, loc, inferred = -1, 0, -1, nil, false
		fn(m, idx)
		spans = []span{{idx[2], idx[1]}}
	}
	try(lx.reISO, func(m []string, _ []int) {
		y, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		mon = time.Month(mo)
		d, _ = strconv.Atoi(m[3])
		if m[4] != "" {
			hh, _ = strconv.Atoi(m[4])
			mm, _ = strconv.Atoi(m[5])
			if m[6] != "" {
				ss, _ = strconv.Atoi(m[6])
			}
			if m[7] != "" {
				loc = zoneFor(m[7])
			}
		}
	})
	try(lx.reNum, func(m []string, _ []int) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		y, _ = strconv.Atoi(m[4])
		d, mon = a, time.Month(b)
		if m[2] == "/" {
			// Slashes are day-first in Europe and month-first in the US;
			// only an impossible reading settles it.
			switch {
			case a > 12:
			case b > 12:
				d, mon = b, time.Month(a)
			default:
				inferred = true
			}
		}
	})
	try(lx.reDMonY, func(m []string, _ []int) {
		d, _ = strconv.Atoi(m[1])
		mon = lx.month[strings.ToLower(m[2])]
		y, _ = strconv.Atoi(m[3])
	})
	try(lx.reMonDY, func(m []string, _ []int) {
		mon = lx.month[strings.ToLower(m[1])]
		d, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
	})
	if best < 0 {
		return nil, nil, ErrNoDate
	}
	if hh < 0 {
		// A time of day elsewhere in the segment (before or after the date).
		for _, idx := range lx.reTime.FindAllStringSubmatchIndex(s, -1) {
			if idx[2] < spans[0].end && idx[1] > spans[0].start {
				continue
			}
			h, _ := strconv.Atoi(s[idx[2]:idx[3]])
			mi, _ := strconv.Atoi(s[idx[4]:idx[5]])
			sec := -1
			if idx[6] >= 0 {
				sec, _ = strconv.Atoi(s[idx[6]:idx[7]])
			}
			if idx[8] >= 0 {
				pm := s[idx[8]] == 'p' || s[idx[8]] == 'P'
				if h < 1 || h > 12 {
					continue
				}
				h %= 12
				if pm {
					h += 12
				}
			}
			if h > 23 || mi > 59 || sec > 59 {
				continue
			}
			hh, mm, ss = h, mi, sec
			if idx[10] >= 0 {
				loc = zoneFor(s[idx[10]:idx[11]])
			}
			spans = append(spans, span{idx[2], idx[1]})
			break
		}
	}
	if y < 1900 || y > 2200 || mon < 1 || mon > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return nil, nil, fmt.Errorf("%w: %q is no valid date", ErrNoDate, s[spans[0].start:spans[0].end])
	}
	ts := &domain.Timestamp{Precision: domain.PrecisionDate, Inferred: inferred}
	if hh < 0 {
		ts.Time = time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	} else {
		ts.Precision = domain.PrecisionMinute
		if ss >= 0 {
			ts.Precision = domain.PrecisionSecond
		} else {
			ss = 0
		}
		if loc == nil {
			loc = time.UTC
			ts.Inferred = true
		}
		ts.Time = time.Date(y, mon, d, hh, mm, ss, 0, loc)
	}
	if ts.Time.Day() != d {
		return nil, nil, fmt.Errorf("%w: %d-%02d-%02d does not exist", ErrNoDate, y, mon, d)
	}
	return ts, spans, nil
}

func zoneFor(z string) *time.Location {
	if loc, ok := dates().zone[strings.ToUpper(z)]; ok {
		return loc
	}
	if loc, err := parseOffset(z, normOffset(z)); err == nil {
		return loc
	}
	return nil
}

// normOffset turns +0300 into +03:00.
func normOffset(z string) string {
	if len(z) == 5 && (z[0] == '+' || z[0] == '-') {
		return z[:3] + ":" + z[3:]
	}
	return z
}

// parseDateLine reads a dateline: a published date and, after a word such
// as "Updated", an updated one. ok is false unless the line is (almost)
// nothing but dates, so that a sentence that mentions a date is not taken
// for a dateline.
func parseDateLine(line string) (pub, upd *domain.Timestamp, ok bool) {
	if len(line) > 200 || strings.IndexFunc(line, unicode.IsDigit) < 0 {
		return nil, nil, false
	}
	lx := dates()
	before, after := line, ""
	var marker span
	if m := lx.reUpd.FindStringSubmatchIndex(line); m != nil {
		before, after = line[:m[2]], line[m[3]:]
		marker = span{m[2], m[3]}
	}
	pub, pspans, err := parseDateSpan(before)
	if err != nil {
		// "Updated: 20.11.2025" alone is an update time with no published one.
		if after == "" {
			return nil, nil, false
		}
		pspans = nil
		pub = nil
	}
	var uspans []span
	if after != "" {
		var err2 error
		upd, uspans, err2 = parseDateSpan(after)
		if err2 != nil {
			upd = nil
			uspans = nil
		}
	}
	if pub == nil && upd == nil {
		return nil, nil, false
	}
	// What is left once dates and the marker are taken out must be filler.
	mask := []byte(line)
	blank := func(off int, ss []span) {
		for _, sp := range ss {
			for i := off + sp.start; i < off+sp.end && i < len(mask); i++ {
				mask[i] = ' '
			}
		}
	}
	blank(0, pspans)
	if after != "" {
		blank(marker.end, uspans)
		blank(0, []span{marker})
	}
	for _, w := range strings.FieldsFunc(string(mask), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if lx.filler[lw] || lx.zone[strings.ToUpper(w)] != nil {
			continue
		}
		return nil, nil, false
	}
	return pub, upd, true
}
