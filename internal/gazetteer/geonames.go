package gazetteer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLine bounds one input line: GeoNames' longest rows (capitals with
// hundreds of alternate names) are ~20 KB; allCountries has longer ones.
const maxLine = 1 << 20

// ParseGeoNamesLine parses one row of the GeoNames `geoname` table (19
// tab-separated columns). keep reports whether the feature is one the
// gazetteer indexes: populated places (class P), administrative divisions
// (class A) and named regions (RGN) — not rivers, stations or hills, whose
// names would shadow the towns named after them.
func ParseGeoNamesLine(line string) (p *Place, keep bool, err error) {
	if !utf8.ValidString(line) {
		return nil, false, errors.New("not UTF-8")
	}
	f := strings.Split(strings.TrimRight(line, "\r"), "\t")
	if len(f) != 19 {
		return nil, false, fmt.Errorf("%d columns, want 19", len(f))
	}
	if _, err := strconv.ParseUint(f[0], 10, 32); err != nil {
		return nil, false, fmt.Errorf("geonameid %q is not a number", f[0])
	}
	if strings.TrimSpace(f[1]) == "" {
		return nil, false, errors.New("empty name")
	}
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return nil, false, fmt.Errorf("bad coordinates %q,%q", f[4], f[5])
	}
	pop := 0
	if f[14] != "" {
		if pop, err = strconv.Atoi(f[14]); err != nil || pop < 0 {
			return nil, false, fmt.Errorf("bad population %q", f[14])
		}
	}
	p = &Place{
		ID:          "geonames:" + f[0],
		Name:        f[1],
		Country:     f[8],
		Admin1Code:  f[10],
		Admin2Code:  f[11],
		FeatureCode: f[7],
		Population:  pop,
		Lat:         lat,
		Lon:         lon,
		Names:       splitNames(f[1], f[2], f[3]),
	}
	keep = f[6] == "P" || f[6] == "A" || f[7] == "RGN"
	return p, keep, nil
}

func splitNames(main, ascii, alt string) []string {
	names := []string{main}
	seen := map[string]bool{main: true}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] && len(s) <= 200 && !isCode(s) {
			seen[s] = true
			names = append(names, s)
		}
	}
	add(ascii)
	if alt != "" {
		for _, s := range strings.Split(alt, ",") {
			add(s)
		}
	}
	return names
}

// ReadGeoNames adds the places of a GeoNames 19-column table. Malformed
// lines are skipped and counted (Skipped, Errors name file:line); only a
// read error stops it. Call Finish afterwards.
func (g *Gazetteer) ReadGeoNames(r io.Reader, file string) error {
	return eachLine(r, file, func(n int, line string) {
		if line == "" || strings.HasPrefix(line, "#") {
			return
		}
		p, keep, err := ParseGeoNamesLine(line)
		if err != nil {
			g.addError(fmt.Errorf("%s:%d: %w", file, n, err))
			return
		}
		if keep {
			g.add(p)
		}
	}, g.skipLine)
}

// readCompact reads the generator's form: id, name, lat, lon, feature code,
// country, admin1, admin2, population, names.
func (g *Gazetteer) readCompact(r io.Reader, file string) error {
	return eachLine(r, file, func(n int, line string) {
		if line == "" || strings.HasPrefix(line, "#") {
			return
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			g.addError(fmt.Errorf("%s:%d: %d columns, want 10", file, n, len(f)))
			return
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		pop, err3 := strconv.Atoi(f[8])
		if err1 != nil || err2 != nil || (f[8] != "" && err3 != nil) {
			g.addError(fmt.Errorf("%s:%d: bad number", file, n))
			return
		}
		names := []string{f[1]}
		if f[9] != "" {
			names = append(names, strings.Split(f[9], ",")...)
		}
		g.add(&Place{
			ID: "geonames:" + f[0], Name: f[1], Lat: lat, Lon: lon,
			FeatureCode: f[4], Country: f[5], Admin1Code: f[6], Admin2Code: f[7], Population: pop,
			Names: names,
		})
	}, g.skipLine)
}

// eachLine calls fn with each line (1-based number, without CR/LF and,
// on the first line, without a BOM). A line longer than maxLine is skipped
// and reported to tooLong.
func eachLine(r io.Reader, file string, fn func(n int, line string), tooLong func(n int, err error)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer: gather it, up to maxLine.
			long := append([]byte(nil), line...)
			for errors.Is(err, bufio.ErrBufferFull) && len(long) <= maxLine {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			if len(long) > maxLine {
				n++
				for errors.Is(err, bufio.ErrBufferFull) {
					_, err = br.ReadSlice('\n')
				}
				tooLong(n, fmt.Errorf("%s:%d: line longer than %d bytes", file, n, maxLine))
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return fmt.Errorf("%s: %w", file, err)
				}
				continue
			}
			line = long
		}
		if len(line) > 0 {
			n++
			line = bytes.TrimRight(line, "\r\n")
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\ufeff"))
			}
			fn(n, string(line))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
}

// skipLine is the tooLong of loaders that count skipped lines on g.
func (g *Gazetteer) skipLine(_ int, err error) { g.addError(err) }

// isCode says whether an alternate name is an airport or similar code
// (KIV, UKKK): all capitals, at most 4 letters. GeoNames lists them among
// the names, where they would make "Kyiv" meet Chișinău's IATA code.
func isCode(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
