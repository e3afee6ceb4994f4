package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/golden"
	"github.com/rivo/uniseg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGoldenReport(t *testing.T) {
	arts, ans := wireAndState(t)
	r := Compare(arts, ans)
	for _, tc := range []struct {
		format, file string
		width        int
	}{
		{"text", "report.txt", 100},
		{"text", "report-narrow.txt", 60},
		{"markdown", "report.md", 0},
		{"json", "report.json", 0},
		{"html", "report.html", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := Render(&b, r, tc.format, TextOptions{Width: tc.width}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.file, b.Bytes())
		})
	}
}

func TestGoldenTimeline(t *testing.T) {
	arts, ans := wireAndState(t)
	l := TimelineLedger(kupiansk, "", arts, ans)
	for _, tc := range []struct{ format, file string }{
		{"text", "timeline.txt"}, {"json", "timeline.json"}, {"html", "timeline.html"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := RenderLedger(&b, l, tc.format, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.file, b.Bytes())
		})
	}
}

func TestTextFitsWidth(t *testing.T) {
	arts, ans := wireAndState(t)
	r := Compare(arts, ans)
	for _, width := range []int{40, 60, 80, 100, 160} {
		var b bytes.Buffer
		if err := RenderText(&b, r, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(b.String(), "\n") {
			if w := uniseg.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d cells: %q", width, i+1, w, l)
			}
		}
		if strings.Contains(b.String(), "\x1b[") {
			t.Errorf("width %d: colour codes without Color", width)
		}
	}
	var b bytes.Buffer
	if err := RenderText(&b, r, TextOptions{Width: 100, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("Color set but no colour codes")
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	evil := `<script>alert("x")</script>`
	a := newFx(t, "e1", "one", `Outlet <b>bold</b>`, "2025-11-20", "Kupiansk taken "+evil,
		`He said "<img src=x onerror=alert(1)>" was captured.`).
		control(`He said "<img src=x onerror=alert(1)>" was captured.`, kupiansk, "Kupiansk"+evil, "captured", "RU",
			voice(evil, "local:e1:1"), stances(domain.StanceAttributed)).
		marker("captured", "loaded_verb", "UA", false).
		block(domain.BlockRelated, "Teaser "+evil)
	a.a.URL = "javascript:alert(1)"
	b := newFx(t, "e2", "two", "Two", "2025-11-20", "Other", "Kupiansk was liberated.").
		control("Kupiansk was liberated.", kupiansk, "Kupiansk", "liberated", "RU")
	r := Compare(pair(a, b))
	var out bytes.Buffer
	if err := RenderHTML(&out, r); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, bad := range []string{"<script>", "<img", "<b>bold", "javascript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %q unescaped", bad)
		}
	}
	if !strings.Contains(html, "&lt;script&gt;") {
		t.Errorf("escaped title missing")
	}
	for _, ext := range []string{"<link", "src=\"http", "@import", "<script"} {
		if strings.Contains(html, ext) {
			t.Errorf("HTML is not self-contained: has %q", ext)
		}
	}
	var md bytes.Buffer
	if err := RenderMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<script>") || strings.Contains(md.String(), "<img") {
		t.Errorf("Markdown passes raw HTML from article text through")
	}
	var tl bytes.Buffer
	if err := RenderTimelineHTML(&tl, TimelineLedger(kupiansk, evil, []*domain.Article{a.a, b.a}, []*domain.Analysis{a.an, b.an})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(tl.String(), "<script>") || strings.Contains(tl.String(), "<img") {
		t.Errorf("timeline HTML passes article text through unescaped")
	}
}

func TestJSONSchemaStable(t *testing.T) {
	arts, ans := wireAndState(t)
	var b bytes.Buffer
	if err := RenderJSON(&b, Compare(arts, ans)); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "title", "columns", "agreed", "conflicting", "different_attribution", "only_in", "framing", "naming"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report JSON lacks %q", k)
		}
	}
	// Empty sections are [] not null, so consumers can iterate blindly.
	b.Reset()
	if err := RenderJSON(&b, Compare(nil, nil)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "null") {
		t.Errorf("empty report has null sections:\n%s", b.String())
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	if err := Render(&bytes.Buffer{}, Compare(nil, nil), "pdf", TextOptions{}); err == nil {
		t.Error("want an error for an unknown format")
	}
	if err := RenderLedger(&bytes.Buffer{}, &Ledger{}, "markdown", TextOptions{}); err == nil {
		t.Error("want an error for an unknown ledger format")
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "a b c", "Купянск освобождён полностью", "🚨🇷🇺 Putin https://t.co/qocMnfSCNs", strings.Repeat("x", 300), "\xff\xfe broken"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width > 500 || width < -500 {
			return
		}
		lines := wrap(s, width)
		w := width
		if w < 8 {
			w = 8
		}
		for _, l := range lines {
			if uniseg.StringWidth(l) > w && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q wider than %d", l, w)
			}
		}
		_ = truncate(s, w)
		_ = clip(s, width&0xff)
	})
}

// TestDisputeOfAgreedClaimQuotesTheDoubt: a claim two outlets carry and a
// third denies is shown under AGREED without the denier; the conflict must
// then quote the denial itself and must not list the denier as a carrier.
func TestDisputeOfAgreedClaimQuotesTheDoubt(t *testing.T) {
	denial := "Kyiv denied that Kupiansk had fallen."
	a := newFx(t, "d1", "one", "One", "2025-11-20", "Kupiansk taken", "Russia said it took Kupiansk.").
		control("Russia said it took Kupiansk.", kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed))
	b := newFx(t, "d2", "two", "Two", "2025-11-20", "Kupiansk liberated", "Kupiansk was liberated.").
		control("Kupiansk was liberated.", kupiansk, "Kupiansk", "liberated", "RU")
	c := newFx(t, "d3", "three", "Three", "2025-11-20", "Fighting goes on", denial).
		control(denial, kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceDisputed),
			voice("Kyiv", "geonames:703448"), func(cl *domain.Claim) { cl.Cues = []string{"denied"} })
	r := Compare(pair(a, b, c))
	if len(r.Agreed) != 1 || len(r.Conflicting) == 0 {
		t.Fatalf("want one agreed group and a conflict, got %d agreed, %d conflicting", len(r.Agreed), len(r.Conflicting))
	}
	for _, format := range []string{"text", "markdown", "html"} {
		var out bytes.Buffer
		if err := Render(&out, r, format, TextOptions{Width: 200}); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		conflict := s[strings.Index(strings.ToLower(s), "conflicting"):]
		if i := strings.Index(strings.ToLower(conflict), "different attribution"); i > 0 {
			conflict = conflict[:i]
		}
		if !strings.Contains(conflict, "Kyiv denied that Kupiansk had fallen") {
			t.Errorf("%s: the conflict does not quote the denial:\n%s", format, conflict)
		}
		if strings.Contains(conflict, "carried by One, Two, Three") || strings.Contains(conflict, "carried by Three") {
			t.Errorf("%s: the denier is listed as carrying the claim:\n%s", format, conflict)
		}
	}
}

// TestStackedColumnsGroupAbsentOutlets: when outlets are stacked (too many
// for the width), the ones not reporting a claim share one line instead
// of a block each.
func TestStackedColumnsGroupAbsentOutlets(t *testing.T) {
	s := "Kupiansk was captured, the army said."
	mk := func(id, name string, carries bool) *fx {
		f := newFx(t, id, id, name, "2025-11-20", name+" title", s)
		if carries {
			f.control(s, kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed))
		}
		return f
	}
	r := Compare(pair(mk("s1", "Alpha", true), mk("s2", "Bravo", true), mk("s3", "Charlie", false), mk("s4", "Delta", false)))
	var out bytes.Buffer
	if err := RenderText(&out, r, TextOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	agreed := out.String()[strings.Index(out.String(), "AGREED"):strings.Index(out.String(), "CONFLICTING")]
	if strings.Contains(agreed, "▌ Charlie") || strings.Count(agreed, "not reported") != 1 || !strings.Contains(agreed, "not reported by Charlie, Delta") {
		t.Errorf("absent outlets not grouped on one line:\n%s", agreed)
	}
}
