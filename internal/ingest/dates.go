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
	"unicode/utf8"

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

	month      map[string]time.Month
	zone       map[string]*time.Location
	filler     map[string]bool
	reISO      *regexp.Regexp
	reNum      *regexp.Regexp
	reDMonY    *regexp.Regexp
	reMonDY    *regexp.Regexp
	reTime     *regexp.Regexp
	updMarkers []string
}

// dates is the date lexicon, parsed once from the embedded data file.
var dates = sync.OnceValue(func() *dateLexicon {
	var lx dateLexicon
	if err := yaml.Unmarshal(datesYAML, &lx); err != nil {
		panic("ingest: embedded data/dates.yaml: " + err.Error()) // a build defect, caught by every test
	}
	lx.month = map[string]time.Month{}
	for m, list := range lx.Months {
		for _, n := range list {
			lx.month[strings.ToLower(n)] = time.Month(m)
		}
	}
	lx.zone = map[string]*time.Location{}
	for z, off := range lx.Zones {
		loc, err := parseOffset(z, off)
		if err != nil {
			panic("ingest: embedded data/dates.yaml: " + err.Error())
		}
		lx.zone[strings.ToUpper(z)] = loc
	}
	lx.filler = map[string]bool{}
	for _, f := range lx.Filler {
		lx.filler[strings.ToLower(f)] = true
	}
	// The month and zone words are matched as any word and then looked up:
	// an alternation of a few hundred names makes Go's regexp engine crawl.
	const mon = `(\p{L}{2,12})`
	lx.reISO = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?`)
	lx.reNum = regexp.MustCompile(`(\d{1,2})([./])(\d{1,2})[./](\d{4})`)
	lx.reDMonY = regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+` + mon + `\.?,?\s+(\d{4})`)
	lx.reMonDY = regexp.MustCompile(mon + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	lx.reTime = regexp.MustCompile(`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([apAP])\.?[mM]\.?)?`)
	lx.updMarkers = lx.UpdatedMarkers
	sort.Slice(lx.updMarkers, func(i, j int) bool { return len(lx.updMarkers[i]) > len(lx.updMarkers[j]) })
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
	// Pick the earliest match among the date shapes; a match counts only
	// at word edges (Go's \b knows ASCII only) and, for a month word, when
	// the word is a month.
	try := func(re *regexp.Regexp, monthGroup int, fn func(m []string, idx []int)) {
		for _, idx := range re.FindAllStringSubmatchIndex(s, 4) {
			if best >= 0 && idx[0] >= best {
				return
			}
			if !edgeBefore(s, idx[0]) || !edgeAfter(s, idx[1]) {
				continue
			}
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = s[idx[2*i]:idx[2*i+1]]
				}
			}
			if monthGroup > 0 && lx.month[strings.ToLower(m[monthGroup])] == 0 {
				continue
			}
			best = idx[0]
			hh, mm, ss, loc, inferred = -1, 0, -1, nil, false
			fn(m, idx)
			spans = []span{{idx[0], idx[1]}}
			return
		}
	}
	try(lx.reISO, 0, func(m []string, _ []int) {
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
	try(lx.reNum, 0, func(m []string, _ []int) {
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
	try(lx.reDMonY, 2, func(m []string, _ []int) {
		d, _ = strconv.Atoi(m[1])
		mon = lx.month[strings.ToLower(m[2])]
		y, _ = strconv.Atoi(m[3])
	})
	try(lx.reMonDY, 1, func(m []string, _ []int) {
		mon = lx.month[strings.ToLower(m[1])]
		d, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
	})
	if best < 0 {
		return nil, nil, ErrNoDate
	}
	if hh < 0 {
		// A time of day elsewhere in the segment (before or after the date).
		for _, idx := range lx.reTime.FindAllStringSubmatchIndex(s, 8) {
			if idx[0] < spans[0].end && idx[1] > spans[0].start {
				continue
			}
			if idx[0] > 0 && (s[idx[0]-1] == ':' || s[idx[0]-1] >= '0' && s[idx[0]-1] <= '9') {
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
			end := idx[1]
			if z, zend := zoneAfter(s, end); z != nil {
				loc, end = z, zend
			}
			spans = append(spans, span{idx[0], end})
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

// edgeBefore: no letter or digit runs into position i from the left.
func edgeBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// edgeAfter: no letter or digit follows position i.
func edgeAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// zoneAfter reads a time zone written after a time ("GMT", "(MSK)",
// "+03:00") starting at i; it returns nil if there is none.
func zoneAfter(s string, i int) (*time.Location, int) {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '(') {
		j++
	}
	k := j
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		k++
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == ':') && k-j < 6 {
			k++
		}
	} else {
		for k < len(s) {
			r, n := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsLetter(r) {
				break
			}
			k += n
		}
	}
	if k == j || !edgeAfter(s, k) {
		return nil, i
	}
	loc := zoneFor(s[j:k])
	if loc == nil {
		return nil, i
	}
	if k < len(s) && s[k] == ')' && strings.Contains(s[i:j], "(") {
		k++
	}
	return loc, k
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

// hasYear: a run of exactly four ASCII digits, which every full date has.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return run == 4
}

// findMarker finds the first of markers (lowercase words) in s as a whole
// word, ignoring case; it returns its byte range or -1.
func findMarker(s string, markers []string) (int, int) {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return -1, -1 // case folding changed byte lengths; offsets would lie
	}
	best, bestEnd := -1, -1
	for _, m := range markers {
		from := 0
		for {
			i := strings.Index(lower[from:], m)
			if i < 0 {
				break
			}
			i += from
			if edgeBefore(lower, i) && edgeAfter(lower, i+len(m)) {
				if best < 0 || i < best {
					best, bestEnd = i, i+len(m)
				}
				break
			}
			from = i + 1
		}
	}
	return best, bestEnd
}

// parseDateLine reads a dateline: a published date and, after a word such
// as "Updated", an updated one. ok is false unless the line is (almost)
// nothing but dates, so that a sentence that mentions a date is not taken
// for a dateline.
func parseDateLine(line string) (pub, upd *domain.Timestamp, ok bool) {
	if len(line) > 200 || !hasYear(line) {
		return nil, nil, false
	}
	lx := dates()
	before, after := line, ""
	var marker span
	if m0, m1 := findMarker(line, lx.updMarkers); m0 >= 0 {
		before, after = line[:m0], line[m1:]
		marker = span{m0, m1}
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
