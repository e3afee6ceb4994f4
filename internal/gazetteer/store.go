package gazetteer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Imported files live in a directory (parallax keeps it next to its
// database) as gzip files of one line per entry:
//
//	NAME.geonames.tsv.gz  the compact form of the embedded default
//	NAME.katottg.csv.gz   the codifier's 7 columns, validated
//	NAME.admin1.tsv.gz    GeoNames admin1CodesASCII.txt, validated
//
// Load reads them over the default.
const (
	extGeoNames = ".geonames.tsv.gz"
	extKATOTTG  = ".katottg.csv.gz"
	extAdmin1   = ".admin1.tsv.gz"
)

// ImportResult says what Import stored.
type ImportResult struct {
	Kind    string // "geonames", "katottg" or "admin1"
	Path    string // the stored file
	Entries int    // lines stored
	Skipped int    // malformed lines skipped
	Errors  []error
}

// maxImport bounds an imported file (GeoNames allCountries is 1.5 GB; a
// country file is at most a few hundred MB).
const maxImport = 2 << 30

// Import parses a GeoNames table (.txt, or the .zip GeoNames serves) or a
// KATOTTG codifier CSV and stores its compact form in dir. The file is
// written to a temporary name and renamed, so an interrupted import leaves
// what was there before.
func Import(dir, path string) (ImportResult, error) { return importAs(dir, path, filepath.Base(path)) }

// importAs imports path under the given file name (a download's temporary
// file is stored as CC.geonames.tsv.gz).
func importAs(dir, path, name string) (ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(name), ".zip") {
		r, name, err = zipMember(f, path)
		if err != nil {
			return ImportResult{}, err
		}
	}
	return ImportReader(dir, name, io.LimitReader(r, maxImport))
}

// zipMember returns the GeoNames table inside a GeoNames dump zip
// (UA.zip holds UA.txt and readme.txt).
func zipMember(f *os.File, path string) (io.Reader, string, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	for _, m := range zr.File {
		if strings.HasSuffix(m.Name, ".txt") && !strings.EqualFold(filepath.Base(m.Name), "readme.txt") {
			rc, err := m.Open()
			if err != nil {
				return nil, "", fmt.Errorf("%s: %s: %w", path, m.Name, err)
			}
			return rc, filepath.Base(m.Name), nil
		}
	}
	return nil, "", fmt.Errorf("%s: no GeoNames table in the zip", path)
}

// ImportReader is Import for a stream; name gives the stored file's name.
func ImportReader(dir, name string, r io.Reader) (ImportResult, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	kind := sniff(head)
	if kind == "" {
		return ImportResult{}, fmt.Errorf("%s: neither a GeoNames table (19 tab-separated columns), admin1CodesASCII (4) nor a KATOTTG codifier (7 semicolon-separated columns)", name)
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	base = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 {
			return '_'
		}
		return r
	}, base)
	res := ImportResult{Kind: kind}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return res, err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if err := tmp.Chmod(0o644); err != nil {
		return res, err
	}
	zw := gzip.NewWriter(tmp)
	w := bufio.NewWriter(zw)
	skip := func(n int, err error) {
		res.Skipped++
		if len(res.Errors) < maxErrors {
			if !strings.HasPrefix(err.Error(), name+":") {
				err = fmt.Errorf("%s:%d: %w", name, n, err)
			}
			res.Errors = append(res.Errors, err)
		}
	}
	var ext string
	switch kind {
	case "geonames":
		ext = extGeoNames
		err = eachLine(br, name, func(n int, line string) {
			if line == "" || strings.HasPrefix(line, "#") {
				return
			}
			p, keep, err := ParseGeoNamesLine(line)
			if err != nil {
				skip(n, err)
				return
			}
			if !keep {
				return
			}
			res.Entries++
			writeCompact(w, p)
		}, func(n int, err error) { skip(n, err) })
	case "admin1":
		ext = extAdmin1
		err = eachLine(br, name, func(n int, line string) {
			if line == "" || strings.HasPrefix(line, "#") {
				return
			}
			if _, err := ParseAdmin1CodeLine(line); err != nil {
				skip(n, err)
				return
			}
			res.Entries++
			fmt.Fprintln(w, line)
		}, func(n int, err error) { skip(n, err) })
	case "katottg":
		ext = extKATOTTG
		err = eachLine(br, name, func(n int, line string) {
			if strings.TrimSpace(line) == "" {
				return
			}
			e, err := ParseKATOTTGLine(line)
			if errors.Is(err, errHeader) {
				return
			}
			if err != nil {
				skip(n, err)
				return
			}
			res.Entries++
			fmt.Fprintf(w, "%s;%s;%s\n", strings.Join(e.Levels[:], ";"), e.Category, e.Name)
		}, func(n int, err error) { skip(n, err) })
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, err
	}
	if res.Entries == 0 {
		return res, fmt.Errorf("%s: no usable entries (%d malformed lines)", name, res.Skipped)
	}
	res.Path = filepath.Join(dir, base+ext)
	return res, os.Rename(tmp.Name(), res.Path)
}

func writeCompact(w io.Writer, p *Place) {
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n",
		strings.TrimPrefix(p.ID, "geonames:"), p.Name,
		strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lon, 'f', -1, 64),
		p.FeatureCode, p.Country, p.Admin1Code, p.Admin2Code, p.Population,
		strings.Join(p.Names[1:], ","))
}

// sniff tells a GeoNames table from a KATOTTG CSV by the first line.
func sniff(head []byte) string {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimPrefix(bytes.TrimRight(line, "\r"), []byte("\ufeff"))
	switch {
	case bytes.Count(line, []byte("\t")) == 18:
		return "geonames"
	case bytes.Count(line, []byte(";")) == 6:
		return "katottg"
	case bytes.Count(line, []byte("\t")) == 3 && bytes.IndexByte(line, '.') == 2:
		return "admin1"
	}
	return ""
}

// Load returns the default gazetteer with the files imported into dir read
// over it (admin1 codes, GeoNames tables, then KATOTTG, each in name order). With
// nothing imported it returns Default() itself. Broken stored files are
// reported in Errors and skipped.
func Load(dir string) (*Gazetteer, error) {
	geo, _ := filepath.Glob(filepath.Join(dir, "*"+extGeoNames))
	kat, _ := filepath.Glob(filepath.Join(dir, "*"+extKATOTTG))
	adm, _ := filepath.Glob(filepath.Join(dir, "*"+extAdmin1))
	if len(geo)+len(kat)+len(adm) == 0 {
		return Default()
	}
	sort.Strings(geo)
	sort.Strings(kat)
	sort.Strings(adm)
	g, err := loadDefault()
	if err != nil {
		return nil, err
	}
	read := func(path string, fn func(io.Reader, string) error) {
		f, err := os.Open(path)
		if err != nil {
			g.addError(err)
			return
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			g.addError(fmt.Errorf("%s: %w", path, err))
			return
		}
		if err := fn(zr, filepath.Base(path)); err != nil {
			g.addError(err)
		}
	}
	for _, p := range adm {
		read(p, g.ReadAdmin1Codes)
	}
	for _, p := range geo {
		read(p, g.readCompact)
	}
	// Link KATOTTG after every GeoNames file so names meet places, and
	// after the files' duplicates are merged so both halves do not make
	// the codifier's settlement ambiguous.
	g.applyFormerNames()
	g.mergeDuplicates()
	for _, p := range kat {
		read(p, func(r io.Reader, name string) error {
			_, err := g.ReadKATOTTG(r, name)
			return err
		})
	}
	return g, g.finish()
}

// LoadWith is Load plus files read for this run only (`gazetteer lookup
// --file`): they are imported into a temporary directory beside links to
// dir's stored files, so dir itself is left as it was.
func LoadWith(dir string, files []string) (*Gazetteer, error) {
	if len(files) == 0 {
		return Load(dir)
	}
	tmp, err := os.MkdirTemp("", "parallax-gazetteer-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	stored, _ := filepath.Glob(filepath.Join(dir, "*.gz"))
	for _, f := range stored {
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		if err := os.Symlink(abs, filepath.Join(tmp, filepath.Base(f))); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		if _, err := Import(tmp, f); err != nil {
			return nil, err
		}
	}
	return Load(tmp)
}
