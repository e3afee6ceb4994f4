package gazetteer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseGeoNamesLine(f *testing.F) {
	f.Add("703656\tKupiansk\tKupiansk\tKupyansk,Куп’янськ\t49.71003\t37.61581\tP\tPPLA2\tUA\t\t07\t6308\t\t\t27169\t\t92\tEurope/Kyiv\t2023-01-23")
	f.Add("1\tX\tX\t\t0\t0\tP\tPPL\tUA\t\t\t\t\t\t\t\t\t\t")
	f.Add("abc\tX\tX\t\t91\t0\tP\tPPL\tUA\t\t\t\t\t\t-5\t\t\t\t")
	f.Add("")
	f.Add("\xff\xfe\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		p, _, err := ParseGeoNamesLine(line)
		if err != nil {
			if p != nil {
				t.Fatalf("error %v with a place", err)
			}
			return
		}
		if !strings.HasPrefix(p.ID, "geonames:") || p.Name == "" || len(p.Names) == 0 || p.Names[0] != p.Name {
			t.Fatalf("bad place %+v", p)
		}
	})
}

func FuzzParseKATOTTGLine(f *testing.F) {
	f.Add("UA63000000000041885;UA63080000000096767;UA63080090000035722;UA63080090010026457;;M;Куп’янськ\r")
	f.Add("\ufeffПерший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта")
	f.Add("UA01;;;;;O;Крим")
	f.Add(";;;;;;")
	f.Add("UA63000000000041885;;;;;Z;x")
	f.Fuzz(func(t *testing.T, line string) {
		e, err := ParseKATOTTGLine(line)
		if err != nil {
			return
		}
		if e.Name == "" || !strings.HasPrefix(e.Code, "UA") || len(e.Category) != 1 {
			t.Fatalf("bad entry %+v", e)
		}
	})
}

func FuzzLookup(f *testing.F) {
	g := loadSample(f) // small: the default takes seconds per fuzz worker
	for _, s := range []string{"Kupiansk", "Куп'янськ", "Kharkov region", "Konstaninovka", "Харьковской области", "", "'s", "oblast", "область Харківська", strings.Repeat("ы", 300), "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		ms := g.Lookup(name)
		for i, m := range ms {
			if m.Place == nil || m.Score <= 0 || m.Score > 1 || m.How == "" {
				t.Fatalf("Lookup(%q)[%d] = %+v", name, i, m)
			}
			if i > 0 && ms[i-1].Score < m.Score {
				t.Fatalf("Lookup(%q) not sorted by score", name)
			}
		}
		if !utf8.ValidString(name) && len(ms) > 0 {
			t.Fatalf("Lookup of invalid UTF-8 %q found %d", name, len(ms))
		}
		g.Rank(ms, Context{Country: "UA"})
	})
}

func FuzzParseAdmin1CodeLine(f *testing.F) {
	f.Add("UA.07\tKharkiv\tKharkiv\t706482")
	f.Add("UA07\tKharkiv\tKharkiv\t706482")
	f.Add("U.\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		p, err := ParseAdmin1CodeLine(line)
		if err == nil && (p.FeatureCode != "ADM1" || len(p.Country) != 2 || p.Admin1Code == "" || p.Name == "") {
			t.Fatalf("bad place %+v", p)
		}
	})
}

// FuzzReaders feeds whole files to the line-based readers: whatever the
// bytes, they count what they skip and never panic.
func FuzzReaders(f *testing.F) {
	f.Add([]byte("703656\tKupiansk\tKupiansk\t\t49.7\t37.6\tP\tPPLA2\tUA\t\t07\t\t\t\t27169\t\t\t\t\r\n"))
	f.Add([]byte("\ufeffUA63000000000041885;;;;;O;Харківська\r\nUA63000000000041885;UA63080000000096767;UA63080090000035722;UA63080090010026457;;M;Куп’янськ\r\n"))
	f.Add([]byte("1\tX\t1.0\t2.0\tPPL\tUA\t07\t\t5\ta,b\n"))
	f.Add([]byte{0xff, 0xfe, 0, '\n', '\r'})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &Gazetteer{byID: map[string]*Place{}, extraAdmin1: map[string]string{}} // no admin1 data: cheap
		g.skel.init()
		g.stem.init()
		g.admin.init()
		_ = g.ReadGeoNames(strings.NewReader(string(data)), "f")
		_ = g.readCompact(strings.NewReader(string(data)), "f")
		_ = g.ReadAdmin1Codes(strings.NewReader(string(data)), "f")
		if _, err := g.ReadKATOTTG(strings.NewReader(string(data)), "f"); err != nil {
			t.Fatal(err)
		}
		if err := g.Finish(); err != nil {
			t.Fatal(err)
		}
		if g.Skipped < len(g.Errors) {
			t.Fatalf("Skipped %d < %d errors", g.Skipped, len(g.Errors))
		}
	})
}
