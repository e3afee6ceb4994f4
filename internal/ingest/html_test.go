package ingest

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// updateGolden is the package's -update flag (text_test.go uses it too).
var updateGolden = flag.Bool("update", false, "rewrite golden files in testdata/")

// htmlGoldenView is the part of an article a golden file pins down.
type htmlGoldenView struct {
	Title     string         `json:"title"`
	Authors   []string       `json:"authors,omitempty"`
	Published string         `json:"published,omitempty"`
	Updated   string         `json:"updated,omitempty"`
	URL       string         `json:"url,omitempty"`
	Language  string         `json:"language,omitempty"`
	Outlet    string         `json:"outlet,omitempty"`
	Body      []string       `json:"body"`
	Blocks    []domain.Block `json:"blocks,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
}

func htmlView(a *domain.Article) htmlGoldenView {
	v := htmlGoldenView{Title: a.Title, Authors: a.Authors, URL: a.URL, Language: a.Language, Blocks: a.Blocks}
	if a.Published != nil {
		v.Published = a.Published.String() + " (" + string(a.Published.Precision) + ")"
	}
	if a.Updated != nil {
		v.Updated = a.Updated.String() + " (" + string(a.Updated.Precision) + ")"
	}
	if a.Outlet != nil {
		v.Outlet = a.Outlet.Name
	}
	for _, p := range a.Body {
		v.Body = append(v.Body, p.Text)
	}
	for _, w := range a.Warnings {
		v.Warnings = append(v.Warnings, w.Code)
	}
	return v
}

// webCheckGolden compares got with testdata/<name>.golden.json (rewritten
// with -update).
func webCheckGolden(t *testing.T, name string, got any) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *updateGolden {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(data) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, data)
	}
}

func TestReadHTMLFixtures(t *testing.T) {
	tests := []struct {
		file        string
		title       string
		authors     []string
		published   string
		lang        string
		bodyHas     []string
		bodyHasNot  []string
		blockHas    string
		minParas    int
		wantWarning string
	}{
		{
			file:       "jsonld-newsarticle.html",
			title:      "Floodgates opened on the Lower Varta after record rain",
			authors:    []string{"Maren Okafor", "Tomasz Reyes"},
			published:  "2025-03-14T08:30:00+01:00",
			lang:       "en",
			bodyHas:    []string{"Engineers opened all six floodgates", "more than a metre above the previous record", "even moderate showers could cause further flooding"},
			bodyHasNot: []string{"Most read", "All rights reserved", "Cookie settings", "Read also:", "Floodgates opened on the Lower Varta after record rain", "Water pours over the weir"},
			blockHas:   "Water pours over the weir at Halden on Thursday evening.",
			minParas:   5,
		},
		{
			file:       "ru-windows1251.html",
			title:      "В Заречье открыли новый мост через Сожу",
			authors:    []string{"Анна Соколова"},
			published:  "2024-09-05T14:20:00+03:00",
			lang:       "ru",
			bodyHas:    []string{"торжественно открыли новый автомобильный мост", "«Раньше жители левого берега"},
			bodyHasNot: []string{"Главная", "Перепечатка материалов"},
			minParas:   3,
		},
		{
			file:       "es-table-layout.html",
			title:      "Sequía obliga a racionar el agua en tres municipios",
			published:  "2023-07-22",
			bodyHas:    []string{"La falta de lluvias durante los últimos cinco meses", "temporada de vacaciones"},
			bodyHasNot: []string{"Lea también", "Todos los derechos reservados"},
			blockHas:   "Lea también: Agricultores piden ayuda por pérdidas en cosechas de maíz",
			minParas:   3,
		},
		{
			file:      "broken-truncated.html",
			title:     "Port strike enters its second week",
			published: "2022-11-02",
			bodyHas:   []string{"Dock workers at the port of Kelso", "return to the table"},
			minParas:  3,
		},
		{
			// Held out: written before the reader was run on it, never tuned on.
			file:       "heldout-de-microdata.html",
			title:      "Stadtrat beschließt autofreie Altstadt ab 2026",
			published:  "2025-06-18T17:45:00+02:00",
			lang:       "de",
			bodyHas:    []string{"Nach monatelanger Debatte hat der Stadtrat", "Bürgerbegehren starten"},
			bodyHasNot: []string{"Wir verwenden Cookies", "Impressum", "Mehr zum Thema"},
			minParas:   3,
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := readHTML(tc.file, data, "")
			if err != nil {
				t.Fatalf("readHTML: %v", err)
			}
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if tc.authors != nil && strings.Join(a.Authors, "|") != strings.Join(tc.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, tc.authors)
			}
			if got := ""; a.Published != nil {
				got = a.Published.String()
				if got != tc.published {
					t.Errorf("published = %s, want %s", got, tc.published)
				}
			} else if tc.published != "" {
				t.Errorf("no published date, want %s", tc.published)
			}
			if tc.lang != "" && a.Language != tc.lang {
				t.Errorf("language = %q, want %q", a.Language, tc.lang)
			}
			text := a.Text()
			for _, s := range tc.bodyHas {
				if !strings.Contains(text, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.bodyHasNot {
				if strings.Contains(text, s) {
					t.Errorf("body has %q", s)
				}
			}
			if len(a.Body) < tc.minParas {
				t.Errorf("%d paragraphs, want at least %d", len(a.Body), tc.minParas)
			}
			for i, p := range a.Body {
				if p.SourceOffset != -1 {
					t.Errorf("paragraph %d SourceOffset = %d, want -1", i, p.SourceOffset)
				}
				if text[p.Offset:p.Offset+len(p.Text)] != p.Text {
					t.Errorf("paragraph %d offset %d does not point at its text", i, p.Offset)
				}
			}
			if tc.blockHas != "" {
				found := false
				for _, b := range a.Blocks {
					found = found || b.Text == tc.blockHas
				}
				if !found {
					t.Errorf("no block %q in %+v", tc.blockHas, a.Blocks)
				}
			}
			webCheckGolden(t, "html/"+strings.TrimSuffix(tc.file, ".html"), htmlView(a))
		})
	}
}

func TestHTMLDecode(t *testing.T) {
	win1251 := []byte("<html><head><meta charset=\"windows-1251\"></head><body><p>\xcc\xee\xf1\xea\xe2\xe0</p></body></html>") // Москва
	latin1 := []byte("<html><body><p>Caf\xe9 cr\xe8me</p></body></html>")
	tests := []struct {
		name, ct string
		data     []byte
		want     string
		warning  string
	}{
		{"meta windows-1251", "", win1251, "Москва", ""},
		{"Content-Type wins over meta", "text/html; charset=koi8-r", win1251, "лНЯЙБЮ", ""},
		{"undeclared legacy bytes", "", latin1, "Café crème", "charset-guessed"},
		{"declared Latin-1 but UTF-8", "", []byte("<meta charset=iso-8859-1><p>Café crème</p>"), "Café crème", "charset-mislabelled"},
		{"UTF-8 BOM", "", []byte("\xef\xbb\xbf<p>Zürich</p>"), "Zürich", ""},
		{"UTF-16LE BOM", "", []byte("\xff\xfe<\x00p\x00>\x00\xfc\x00<\x00/\x00p\x00>\x00"), "<p>ü</p>", ""},
		{"invalid UTF-8 replaced", "", []byte("<meta charset=utf-8><p>ok \xff</p>"), "ok \uFFFD", "invalid-utf8"},
		{"NFD to NFC", "", []byte("<p>Cafe\u0301</p>"), "Caf\u00e9", ""},
		{"GB2312", "", []byte("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"><p>\xd6\xd0\xce\xc4</p>"), "中文", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &domain.Article{}
			got, err := htmlDecode(a, tc.data, tc.ct)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("decoded %q, want it to hold %q", got, tc.want)
			}
			if (tc.warning == "") != (len(a.Warnings) == 0) || (tc.warning != "" && a.Warnings[0].Code != tc.warning) {
				t.Errorf("warnings %+v, want %q", a.Warnings, tc.warning)
			}
		})
	}
}

func TestWebParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		prec     domain.Precision
		inferred bool
	}{
		{"2025-11-20T18:16:00+03:00", "2025-11-20T18:16:00+03:00", domain.PrecisionSecond, false},
		{"2025-11-20T18:16:00.123Z", "2025-11-20T18:16:00Z", domain.PrecisionSecond, false},
		{"2025-11-20T18:16+0100", "2025-11-20T18:16:00+01:00", domain.PrecisionMinute, false},
		{"2025-11-20 18:16:05", "2025-11-20T18:16:05Z", domain.PrecisionSecond, true},
		{"2025-11-20", "2025-11-20", domain.PrecisionDate, false},
		{"Thu, 20 Nov 2025 18:16:00 +0300", "2025-11-20T18:16:00+03:00", domain.PrecisionSecond, false},
		{"Thu, 20 Nov 2025 18:16:00 GMT", "2025-11-20T18:16:00Z", domain.PrecisionSecond, false},
		{"20.11.2025", "", "", false},
		{"0001-01-01T00:00:00Z", "", "", false},
		{"yesterday", "", "", false},
	}
	for _, tc := range tests {
		ts := webParseDate(tc.in)
		if tc.want == "" {
			if ts != nil {
				t.Errorf("webParseDate(%q) = %v, want nothing", tc.in, ts)
			}
			continue
		}
		if ts == nil || ts.String() != tc.want || ts.Precision != tc.prec || ts.Inferred != tc.inferred {
			t.Errorf("webParseDate(%q) = %+v, want %s %s inferred=%v", tc.in, ts, tc.want, tc.prec, tc.inferred)
		}
	}
}

func TestHTMLStripSiteName(t *testing.T) {
	tests := []struct{ title, site, url, want string }{
		{"Rain floods the valley | Daily Echo", "Daily Echo", "", "Rain floods the valley"},
		{"Rain floods the valley - dailyecho.example", "", "https://www.dailyecho.example/x", "Rain floods the valley"},
		{"DAILY ECHO – Rain floods the valley", "", "https://dailyecho.example/x", "Rain floods the valley"},
		{"Rain - the valley floods again", "Daily Echo", "https://dailyecho.example/x", "Rain - the valley floods again"},
		{"No separator here", "Daily Echo", "", "No separator here"},
	}
	for _, tc := range tests {
		if got := htmlStripSiteName(tc.title, tc.site, tc.url); got != tc.want {
			t.Errorf("htmlStripSiteName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestHTMLIsRelated(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Read also: Ministers meet in Oslo", true},
		{"LEA TAMBIÉN: Sube el precio del pan", true},
		{"Czytaj też: Sejm przyjął ustawę", true},
		{"Читайте также: Новые тарифы", true},
		{"Read more about the plan on the council's site.", false},
		{"Related research was published last year: it found the same.", false},
		{"Mira lo que pasó", false},
		{"Lesen Sie auch die folgenden Beiträge:", true},
	}
	for _, tc := range tests {
		if got := htmlIsRelated(tc.p); got != tc.want {
			t.Errorf("htmlIsRelated(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestReadHTMLBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"only markup", []byte("<html><head></head><body></body></html>")},
		{"binary", []byte("\x00\x01\x02\x03\xff\xfe\xfd<html>")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := readHTML("bad.html", tc.data, "")
			if err == nil && len(a.Body) > 0 && strings.TrimSpace(a.Text()) == "" {
				t.Errorf("article with empty paragraphs")
			}
			if err != nil && err.Error() == "" {
				t.Errorf("empty error message")
			}
		})
	}
}

// A page of 20,000 nested elements must not stall the reader (the HTML
// parser alone is quadratic in depth; go test's timeout catches a stall)
// and must keep its text.
func TestReadHTMLDeepNesting(t *testing.T) {
	para := "<p>The committee met on Tuesday and agreed to publish its findings on the collapse of the old mill before the end of the month.</p>"
	page := "<html><body><article>" + strings.Repeat(para, 3) + strings.Repeat("<div><span>", 10000) + para + strings.Repeat("</span></div>", 10000) + "</article></body></html>"
	a, err := readHTML("deep.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text(), "agreed to publish its findings") {
		t.Errorf("text lost: %q", a.Text())
	}
	found := false
	for _, w := range a.Warnings {
		found = found || w.Code == "markup-too-deep"
	}
	if !found {
		t.Errorf("no markup-too-deep warning: %+v", a.Warnings)
	}
}

func TestHTMLTrailingFooter(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Sign up for our morning newsletter to get the day's news.", true},
		{"Suscríbete para seguir leyendo", true},
		{"© 2025 Example Media. All rights reserved.", true},
		{"The council said it would subscribe to the regional water scheme next year, a change first proposed in 2019 that had been blocked twice by the finance committee over the cost of connecting outlying farms, which it put at about 40 million.", false},
		{"The mayor said the bridge would reopen in May.", false},
	}
	for _, tc := range tests {
		if got := htmlIsCallToAction(tc.p) || htmlIsFooter(tc.p); got != tc.want {
			t.Errorf("footer(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// The standfirst above the article container, repeated in the meta
// description, opens the body; a description printed nowhere adds nothing.
func TestReadHTMLLead(t *testing.T) {
	lead := "Two of the three dams on the upper river will be drained this summer so engineers can inspect their foundations."
	story := `<article><p>The regional water board said on Monday that the work would start in June and last until September, when the autumn rains usually begin.</p>
<p>Anglers' clubs protested that the draining would kill fish in both reservoirs, and asked the board to move the fish to the third lake first.</p>
<p>The board said it would consider the request but that the inspections could not be put off again after two postponements.</p></article>`
	tests := []struct {
		name, page string
		wantLead   bool
	}{
		{"printed lead", `<html><head><meta name="description" content="` + lead + `"></head><body><header><h1>Dams to be drained</h1><div class="standfirst">` + lead + `</div></header>` + story + `</body></html>`, true},
		{"meta only", `<html><head><meta name="description" content="` + lead + `"></head><body><h1>Dams to be drained</h1>` + story + `</body></html>`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := readHTML("lead.html", []byte(tc.page), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := len(a.Body) > 0 && a.Body[0].Text == lead; got != tc.wantLead {
				t.Errorf("lead first = %v, want %v; body %q", got, tc.wantLead, a.Text())
			}
			if n := strings.Count(a.Text(), "Two of the three dams"); n > 1 {
				t.Errorf("lead repeated %d times", n)
			}
		})
	}
}

func TestHTMLAbsURL(t *testing.T) {
	tests := []struct{ link, source, want string }{
		{"https://example.com/a", "page.html", "https://example.com/a"},
		{"/news/a?id=1", "https://example.com/x/y", "https://example.com/news/a?id=1"},
		{"/news/a", "saved/page.html", ""},
		{"javascript:void(0)", "https://example.com/", ""},
		{"", "https://example.com/", ""},
	}
	for _, tc := range tests {
		if got := htmlAbsURL(tc.link, tc.source); got != tc.want {
			t.Errorf("htmlAbsURL(%q, %q) = %q, want %q", tc.link, tc.source, got, tc.want)
		}
	}
}

// TestReadHTMLHostile reads pages written to trip the reader: scripts,
// styles, noscript and templates inside the headline and paragraphs,
// markup in metadata, non-http canonical links, pages so short that
// trafilatura falls back to flattening them.
func TestReadHTMLHostile(t *testing.T) {
	tests := []struct {
		file, source string
		title        string
		authors      []string
		body         []string // the paragraphs, in order
		url          string
		outlet       string // "" = no outlet
		domain       string
		warning      string
	}{
		{
			file:    "hostile-script-heading.html",
			source:  "https://riverside-courier.example/news/dam",
			title:   "Dam breach forces evacuation of three villages",
			authors: []string{"Lena Marsh"},
			body: []string{
				"Emergency services evacuated about 1,200 residents overnight after a section of the Harlow reservoir dam gave way, the regional authority said on Tuesday.",
				"Water reached the first houses in Millbrook shortly after midnight. No injuries were reported, according to the fire service.",
				"Engineers will inspect the remaining sections of the dam once the water level falls, a spokesman for the authority said.",
			},
			url:    "https://riverside-courier.example/news/dam",
			outlet: "Riverside Courier", domain: "riverside-courier.example",
		},
		{
			// Two short paragraphs: trafilatura's last resort returns the
			// <article> as one paragraph, headline first.
			file:  "hostile-short-article.html",
			title: "Ferry strike called off",
			body: []string{
				"Crews on the island ferry routes called off Friday's strike after a late offer on pay, their union said.",
				`"We have an agreement in principle," a union spokeswoman told reporters.`,
			},
			outlet: "Harbour Post",
		},
		{
			// The same without <article>: only <div>s.
			file:  "hostile-short-divs-de.html",
			title: "Brücke in Talheim gesperrt",
			body: []string{
				"Die Brücke über die Wiesa bleibt nach einem Gutachten bis auf Weiteres gesperrt.",
				"Pendler müssen einen Umweg von zwölf Kilometern fahren, teilte die Stadt mit.",
			},
		},
		{
			file:  "hostile-markup-site-name.html",
			title: "Council approves new tram line",
			body: []string{
				"The city council approved a new tram line linking the station with the university campus by 31 votes to 12 on Wednesday.",
				"Construction is due to start next spring and to take three years, the transport department said.",
				"Opposition councillors said the cost estimate of 240 million was too optimistic.",
			},
			outlet:  "Metro Daily",
			warning: "url-rejected",
		},
		{
			// Read from a URL: that URL stands in for the rejected data: link,
			// and gives the outlet its domain.
			file:    "hostile-markup-site-name.html",
			source:  "http://metro-daily.example/a/tram",
			title:   "Council approves new tram line",
			url:     "http://metro-daily.example/a/tram",
			outlet:  "Metro Daily",
			domain:  "metro-daily.example",
			warning: "url-rejected",
		},
		{
			file:  "hostile-markup-only-site-name.html",
			title: "Cierran el puerto por temporal",
			body: []string{
				"La capitanía cerró el puerto a la navegación el lunes por olas de más de seis metros.",
				"Los pescadores no podrán salir hasta el miércoles, informó la cofradía.",
			},
		},
	}
	// Text a reader never sees on these pages.
	hidden := []string{"<", ">", "alert", "script", "INJECTED", "SCRIPT IN", "STYLE", "TEMPLATE", "JavaScript", "onerror", "cookie"}
	for _, tc := range tests {
		t.Run(tc.file+" "+tc.source, func(t *testing.T) {
			source := firstNonEmpty(tc.source, tc.file)
			a, err := readHTML(source, webFixture(t, "html", tc.file), "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if tc.authors != nil && strings.Join(a.Authors, "|") != strings.Join(tc.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, tc.authors)
			}
			var body []string
			for _, p := range a.Body {
				body = append(body, p.Text)
			}
			if tc.body != nil && strings.Join(body, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body paragraphs =\n%q\nwant\n%q", body, tc.body)
			}
			if a.URL != tc.url {
				t.Errorf("url = %q, want %q", a.URL, tc.url)
			}
			switch {
			case tc.outlet == "" && a.Outlet != nil:
				t.Errorf("outlet = %+v, want none", a.Outlet)
			case tc.outlet != "" && (a.Outlet == nil || a.Outlet.Name != tc.outlet || a.Outlet.Domain != tc.domain):
				t.Errorf("outlet = %+v, want %q (%q)", a.Outlet, tc.outlet, tc.domain)
			}
			if tc.warning != "" && !webHasWarning(a.Warnings, tc.warning) {
				t.Errorf("no %s warning in %+v", tc.warning, a.Warnings)
			}
			seen := []string{a.Title, a.Text()}
			seen = append(seen, a.Authors...)
			if a.Outlet != nil {
				seen = append(seen, a.Outlet.Name)
			}
			for _, b := range a.Blocks {
				seen = append(seen, b.Text)
			}
			for _, s := range seen {
				for _, h := range hidden {
					if strings.Contains(s, h) {
						t.Errorf("%q shows hidden text %q", s, h)
					}
				}
			}
		})
	}
}

func TestWebArticleURL(t *testing.T) {
	tests := []struct {
		base  string
		links []string
		want  string
		warn  bool
	}{
		{"https://a.example/x", []string{"https://a.example/story"}, "https://a.example/story", false},
		{"https://a.example/x/y", []string{"../story?id=2"}, "https://a.example/story?id=2", false},
		{"https://a.example/x", []string{"//cdn.example/story"}, "https://cdn.example/story", false},
		{"https://a.example/x", []string{"javascript:alert(3)"}, "", true},
		{"https://a.example/x", []string{" JavaScript:alert(1)", "https://a.example/og"}, "https://a.example/og", true},
		{"https://a.example/x", []string{"data:text/html,<b>x</b>"}, "", true},
		{"https://a.example/x", []string{"mailto:desk@a.example"}, "", true},
		{"https://a.example/x", []string{"ftp://a.example/story"}, "", true},
		{"https://a.example/x", []string{"https:///no-host"}, "", true},
		{"saved/page.html", []string{"/news/a"}, "", true},
		{"saved/page.html", []string{"", "  "}, "", false},
	}
	for _, tc := range tests {
		a := &domain.Article{}
		got := webArticleURL(a, tc.base, tc.links...)
		if got != tc.want {
			t.Errorf("webArticleURL(%q, %q) = %q, want %q", tc.base, tc.links, got, tc.want)
		}
		if w := webHasWarning(a.Warnings, "url-rejected"); w != tc.warn {
			t.Errorf("webArticleURL(%q, %q): url-rejected warning %v, want %v", tc.base, tc.links, w, tc.warn)
		}
	}
}

func TestHTMLMetaText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain  title\n", "Plain title"},
		{"Evil <img src=x onerror=alert(1)> News", "Evil News"},
		{"<script>alert('xss')</script>Kurakhove \"captured\" & <b>bold</b>", "Kurakhove \"captured\" & bold"},
		{"<script>alert(2)</script>", ""},
		{"<style>p{}</style><noscript>on</noscript>Anna <i>Kowalska</i>", "Anna Kowalska"},
		{"Growth < 5% and x<3", "Growth < 5% and x<3"},
		{"AT&T &lt;b&gt;", "AT&T &lt;b&gt;"},
		{"Line<br>break", "Line break"},
		{"Open <script>never closed", "Open"},
		{"<!-- comment -->Headline", "Headline"},
	}
	for _, tc := range tests {
		if got := htmlMetaText(tc.in); got != tc.want {
			t.Errorf("htmlMetaText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestReadHTMLRepeats: a paragraph the page prints twice (a pull quote, a
// doubled block) is read once, and the reader says it dropped one.
func TestReadHTMLRepeats(t *testing.T) {
	a, err := readHTML("repeated-pullquote-pt.html", webFixture(t, "html", "repeated-pullquote-pt.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, p := range a.Body {
		count[p.Text]++
	}
	for _, want := range []string{
		"Temporal de domingo atingiu quatro cidades do litoral norte; Defesa Civil abriu abrigos em escolas.",
		"Em algumas ruas de Ubatuba a água chegou a um metro de altura, e moradores tiveram de ser retirados de barco pelos bombeiros.",
		"A previsão é de mais chuva até quarta-feira, informou o instituto de meteorologia.",
	} {
		if count[want] != 1 {
			t.Errorf("paragraph %.50q occurs %d times, want once", want, count[want])
		}
	}
	if len(a.Body) != 5 {
		t.Errorf("%d paragraphs, want 5 (standfirst and four distinct ones): %v", len(a.Body), count)
	}
	if !webHasWarning(a.Warnings, "repeated-paragraphs") {
		t.Errorf("no repeated-paragraphs warning in %v", a.Warnings)
	}
}

// TestReadHTMLTruncated: a page cut off before its story keeps no body
// made of its headline or a few words, so ingest skips it as "no body";
// a short but whole story is still read.
func TestReadHTMLTruncated(t *testing.T) {
	tests := []struct {
		file     string
		wantBody bool
		warning  string
	}{
		{"truncated-head-only.html", false, "page-truncated"},
		{"truncated-headline-fragment.html", false, "body-too-short"},
		{"hostile-short-article.html", true, ""},
		{"broken-truncated.html", true, "page-truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data := webFixture(t, "html", tc.file)
			a, err := readHTML(tc.file, data, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := len(a.Body) > 0; got != tc.wantBody {
				t.Errorf("body %q, want a body: %v", a.Text(), tc.wantBody)
			}
			if tc.warning != "" && !webHasWarning(a.Warnings, tc.warning) {
				t.Errorf("no %s warning in %v", tc.warning, a.Warnings)
			}
			items := ReadBytes(context.Background(), tc.file, data, "", Options{})
			if len(items) != 1 {
				t.Fatalf("ReadBytes gave %d items, want 1", len(items))
			}
			if tc.wantBody && items[0].Article == nil {
				t.Errorf("ReadBytes: %v, want an article", items[0].Err)
			}
			if !tc.wantBody && SkipReason(items[0].Err) != SkipNoBody {
				t.Errorf("ReadBytes: article %v err %v, want skipped as %q", items[0].Article != nil, items[0].Err, SkipNoBody)
			}
		})
	}
}

func TestHTMLIsRepeat(t *testing.T) {
	long := "The ministry said the town had been taken on Friday."
	tests := []struct {
		name string
		p    string
		prev []string
		want bool
	}{
		{"new paragraph", long, []string{"Something else entirely was said here."}, false},
		{"long repeat far back", long, []string{long, "A second paragraph."}, true},
		{"short line repeated right after", "Ja.", []string{"Ja."}, true},
		{"short line repeated later", "Ja.", []string{"Ja.", "Nein, sagte er."}, false},
		{"five short words repeated later", "Das weiß ich so nicht.", []string{"Das weiß ich so nicht.", "Warum?"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seen := map[string]bool{}
			var body []domain.Paragraph
			for _, p := range tc.prev {
				seen[p] = true
				body = append(body, domain.Paragraph{Text: p})
			}
			if got := htmlIsRepeat(tc.p, body, seen); got != tc.want {
				t.Errorf("htmlIsRepeat(%q) = %v, want %v", tc.p, got, tc.want)
			}
		})
	}
}
