package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseAdmin1CodeLine parses one line of GeoNames admin1CodesASCII.txt:
// "UA.07<TAB>Kharkiv<TAB>Kharkiv<TAB>706482".
func ParseAdmin1CodeLine(line string) (*Place, error) {
	if !utf8.ValidString(line) {
		return nil, errors.New("not UTF-8")
	}
	f := strings.Split(strings.TrimRight(line, "\r"), "\t")
	if len(f) != 4 {
		return nil, fmt.Errorf("%d columns, want 4", len(f))
	}
	cc, code, ok := strings.Cut(f[0], ".")
	if !ok || len(cc) != 2 || code == "" {
		return nil, fmt.Errorf("code %q is not CC.admin1", f[0])
	}
	if _, err := strconv.ParseUint(f[3], 10, 32); err != nil {
		return nil, fmt.Errorf("geonameid %q is not a number", f[3])
	}
	if strings.TrimSpace(f[1]) == "" {
		return nil, errors.New("empty name")
	}
	return &Place{
		ID: "geonames:" + f[3], Name: f[1], Country: cc, Admin1Code: code, FeatureCode: "ADM1",
		Names: splitNames(f[1], f[2], ""),
	}, nil
}

// ReadAdmin1Codes adds the admin1 divisions of GeoNames admin1CodesASCII.txt,
// so that places in every country get Place.Admin1. Divisions
// data/admin1.tsv already knows keep their display names and only gain
// names. Malformed lines are skipped and counted. Call Finish afterwards.
func (g *Gazetteer) ReadAdmin1Codes(r io.Reader, file string) error {
	return eachLine(r, file, func(n int, line string) {
		if line == "" || strings.HasPrefix(line, "#") {
			return
		}
		p, err := ParseAdmin1CodeLine(line)
		if err != nil {
			g.addError(fmt.Errorf("%s:%d: %w", file, n, err))
			return
		}
		q := g.add(p)
		if q.Admin1 == "" {
			q.Admin1, q.Admin1ID = q.Name, q.ID
		}
	}, g.skipLine)
}
