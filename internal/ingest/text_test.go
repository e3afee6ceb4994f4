package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// textFixture is what a user checks on one of the repository's own
// plain-text fixtures (testdata/text): everything else is in the golden file.
type textFixture struct {
	file      string
	encoding  string
	title     string
	language  string
	outlet    string // outlet name, "" for none
	wires     []string
	authors   []string
	published string
	updated   string
	paras     int                // body paragraphs
	blocks    []domain.BlockKind // kinds that must be present
	warnings  []string           // warning codes that must be present
}

// The package's -update flag rewrites golden files. Both the HTML and the
// text tests use it; whichever file's init runs finds or defines it, so
// it is never defined twice.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var textFixtures = []textFixture{
	{file: "tass-style-en.txt", encoding: EncUTF8, title: "Russian air defenses down 31 Ukrainian drones over three regions overnight",
		language: "en", outlet: "TASS", wires: []string{"TASS"}, published: "2025-11-21T09:12:00+03:00", paras: 4,
		blocks: []domain.BlockKind{domain.BlockHeader, domain.BlockRelated}, warnings: []string{"outlet_guess"}},
	{file: "ria-style-ru.txt", encoding: EncWindows1251, title: "В Минобороны сообщили об освобождении села в Харьковской области",
		language: "ru", outlet: "RIA Novosti", wires: []string{"RIA Novosti"}, published: "2025-11-21T14:05:00Z", updated: "2025-11-21T15:30:00Z", paras: 3,
		blocks: []domain.BlockKind{domain.BlockHeader, domain.BlockRelated, domain.BlockCredit}, warnings: []string{"charset_guess"}},
	{file: "ukr-utf8.txt", encoding: EncUTF8, title: "Сили оборони відбили 14 атак на Куп’янському напрямку",
		language: "uk", authors: []string{"Олена Коваленко"}, published: "2025-11-21T10:15:00Z", paras: 3,
		blocks: []domain.BlockKind{domain.BlockHeader, domain.BlockCredit, domain.BlockRelated, domain.BlockFooter}},
	{file: "koi8r-ru.txt", encoding: EncKOI8R, title: "Синоптики пообещали морозы в Центральной России",
		language: "ru", authors: []string{"Иван Петров"}, published: "2025-11-20", paras: 3, warnings: []string{"charset_guess"}},
	{file: "utf16-bom-en.txt", encoding: EncUTF16LE, title: "City council approves new tram line after year-long debate",
		language: "en", authors: []string{"Maria Lopez", "Tom Baker"}, published: "2025-11-19", paras: 4},
	{file: "reuters-dateline.txt", encoding: EncUTF8, title: "Ukraine says it struck Russian oil depot in Bryansk region",
		language: "en", outlet: "", wires: []string{"Reuters"}, authors: []string{"Olena Harmash", "Tom Balmforth"},
		published: "2025-11-21T07:45:00Z", paras: 3, blocks: []domain.BlockKind{domain.BlockHeader, domain.BlockFooter}},
	{file: "meduza-style-ru.txt", encoding: EncUTF8, title: "«Мы не понимаем, что будет дальше» Как жители Купянска пережили очередное наступление",
		language: "ru", published: "2025-11-20T19:40:00Z", paras: 3, blocks: []domain.BlockKind{domain.BlockCredit, domain.BlockRelated}},
	{file: "telegram-style-ru.txt", encoding: EncUTF8, title: "⚡️ Взрывы прогремели в Харькове",
		language: "ru", published: "2025-11-20T23:10:00Z", paras: 2, blocks: []domain.BlockKind{domain.BlockSocial}},
}

func readFixture(t *testing.T, path string) *domain.Article {
	t.Helper()
	items := ReadFile(context.Background(), path, Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("ReadFile(%s) = %+v", path, items)
	}
	return items[0].Article
}

func TestTextFixtures(t *testing.T) {
	for _, fx := range textFixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join("testdata", "text", fx.file)
			a := readFixture(t, path)
			data, _ := os.ReadFile(path)
			if _, enc, err := DecodeText(data); err != nil || enc != fx.encoding {
				t.Errorf("encoding = %q (%v), want %q", enc, err, fx.encoding)
			}
			if a.Title != fx.title {
				t.Errorf("title = %q, want %q", a.Title, fx.title)
			}
			if a.Language != fx.language {
				t.Errorf("language = %q (%.2f), want %q", a.Language, a.LanguageConfidence, fx.language)
			}
			outlet := ""
			if a.Outlet != nil {
				outlet = a.Outlet.Name
			}
			if outlet != fx.outlet {
				t.Errorf("outlet = %q, want %q", outlet, fx.outlet)
			}
			if strings.Join(a.Wires, "|") != strings.Join(fx.wires, "|") {
				t.Errorf("wires = %q, want %q", a.Wires, fx.wires)
			}
			if strings.Join(a.Authors, "|") != strings.Join(fx.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, fx.authors)
			}
			if got := tsString(a.Published); got != fx.published {
				t.Errorf("published = %q, want %q", got, fx.published)
			}
			if got := tsString(a.Updated); got != fx.updated {
				t.Errorf("updated = %q, want %q", got, fx.updated)
			}
			if len(a.Body) != fx.paras {
				t.Errorf("%d body paragraphs, want %d:\n%s", len(a.Body), fx.paras, a.Text())
			}
			for _, k := range fx.blocks {
				if !hasBlock(a, k) {
					t.Errorf("no %s block; blocks: %+v", k, a.Blocks)
				}
			}
			for _, w := range fx.warnings {
				if !hasWarning(a, w) {
					t.Errorf("no %s warning; warnings: %+v", w, a.Warnings)
				}
			}
			checkBlocksOutOfBody(t, a)
			checkTextGolden(t, fx.file, a)
		})
	}
}

// checkBlocksOutOfBody: no block's text may also sit in the body.
func checkBlocksOutOfBody(t *testing.T, a *domain.Article) {
	t.Helper()
	body := a.Text()
	for _, b := range a.Blocks {
		if len(b.Text) > 8 && strings.Contains(body, b.Text) {
			t.Errorf("%s block %q is also in the body", b.Kind, b.Text)
		}
		if b.Reason == "" {
			t.Errorf("%s block %q has no reason", b.Kind, b.Text)
		}
	}
}

func hasBlock(a *domain.Article, k domain.BlockKind) bool {
	for _, b := range a.Blocks {
		if b.Kind == k {
			return true
		}
	}
	return false
}

// checkTextGolden compares the article's JSON with testdata/text-golden/NAME.json
// (rewritten with -update).
func checkTextGolden(t *testing.T, name string, a *domain.Article) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "text-golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
	if updating() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, buf.String())
	}
}

func TestReadTextBadInput(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":        {},
		"only spaces":  []byte(" \n\n\t \n"),
		"binary":       {0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3, 0, 0},
		"only markers": []byte("Embed:\n\nRead more: something\n"),
	} {
		t.Run(name, func(t *testing.T) {
			items := ReadBytes(context.Background(), name, data, "", Options{})
			for _, it := range items {
				if it.Err == nil {
					t.Errorf("got an article from %q: %+v", data, it.Article)
				}
			}
		})
	}
}

func TestReadTextHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "Officials said the line would open in the spring, after months of work on the bridge.\n\n"
	data := []byte("A headline\n\n" + strings.Repeat(para, 40000))
	a, err := readText("huge.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) != 40000 {
		t.Errorf("%d paragraphs, want 40000", len(a.Body))
	}
}

// heldOut are fixtures written with their expectations before the reader
// ever ran on them, and never tuned on: the test reports a score (run with
// -v) rather than failing, so that a miss stays visible instead of being
// fixed by fitting the rules to these files.
var heldOut = []textFixture{
	{file: "heldout/kyiv-style-en.txt", title: "Zelensky meets European leaders in Berlin to discuss air defense", language: "en",
		outlet: "The Kyiv Independent", authors: []string{"Anna Kovalenko"}, published: "2025-11-22T16:30:00Z", paras: 3, // expectation first written as 4: a miscount of the fixture, not a reader miss
		blocks: []domain.BlockKind{domain.BlockRelated, domain.BlockCredit, domain.BlockFooter}, warnings: []string{"url_repaired"}},
	{file: "heldout/dpa-style-de.txt", title: "Bundesregierung kündigt neues Hilfspaket für die Ukraine an", language: "de",
		outlet: "", wires: []string{"dpa"}, published: "2025-11-22T11:20:00Z", paras: 3, blocks: []domain.BlockKind{domain.BlockRelated}},
	{file: "heldout/pap-style-pl.txt", title: "Rosyjski dron naruszył polską przestrzeń powietrzną", language: "pl",
		outlet: "", wires: []string{"PAP"}, published: "2025-11-22", paras: 3, blocks: []domain.BlockKind{domain.BlockRelated}},
}

func TestHeldOutText(t *testing.T) {
	passed, total := 0, 0
	for _, fx := range heldOut {
		a := readFixture(t, filepath.Join("testdata", "text", fx.file))
		outlet := ""
		if a.Outlet != nil {
			outlet = a.Outlet.Name
		}
		checks := map[string]bool{
			"title":     a.Title == fx.title,
			"language":  a.Language == fx.language,
			"outlet":    outlet == fx.outlet,
			"wires":     strings.Join(a.Wires, "|") == strings.Join(fx.wires, "|"),
			"authors":   strings.Join(a.Authors, "|") == strings.Join(fx.authors, "|"),
			"published": tsString(a.Published) == fx.published,
			"paras":     len(a.Body) == fx.paras,
		}
		for _, k := range fx.blocks {
			checks["block "+string(k)] = hasBlock(a, k)
		}
		for _, w := range fx.warnings {
			checks["warning "+w] = hasWarning(a, w)
		}
		for name, ok := range checks {
			total++
			if ok {
				passed++
			} else {
				t.Logf("held-out %s: %s wrong (title=%q lang=%s outlet=%q wires=%v authors=%v published=%s paras=%d)",
					fx.file, name, a.Title, a.Language, outlet, a.Wires, a.Authors, tsString(a.Published), len(a.Body))
			}
		}
	}
	t.Logf("held-out plain-text fixtures: %d/%d checks right", passed, total)
}

// TestReadTextRules checks the reader's rules one by one on small inputs.
func TestReadTextRules(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		title    string
		paras    []string // body paragraphs (prefix match)
		blocks   map[domain.BlockKind]string
		warnings []string
	}{
		{
			name:  "crlf line endings",
			in:    "Headline here\r\n\r\nFirst paragraph ends here.\r\n\r\nSecond one too.\r\n",
			title: "Headline here", paras: []string{"First paragraph ends here.", "Second one too."},
		},
		{
			name: "hard-wrapped paragraphs are joined without a warning",
			in: "Headline\n\nThe council voted on Wednesday to approve the line, ending more than a\nyear of debate over its route and its cost to the city.\n\n" +
				"Supporters said it would cut commuting times by a third for people living\nin the northern suburbs.\n",
			title: "Headline",
			paras: []string{"The council voted on Wednesday to approve the line, ending more than a year of debate", "Supporters said it would cut commuting times by a third for people living in the northern suburbs."},
		},
		{
			name:     "stray blank line inside a sentence",
			in:       "Headline\n\nThe minister told reporters, according to\n\nofficials present, that the plan would go ahead.\n",
			title:    "Headline",
			paras:    []string{"The minister told reporters, according to officials present, that the plan would go ahead."},
			warnings: []string{"paragraph_joined"},
		},
		{
			name:  "new paragraph after a blank line is not joined when it starts a sentence",
			in:    "Headline\n\nA subheading without a full stop\n\nThe story goes on here.\n",
			title: "Headline", paras: []string{"A subheading without a full stop", "The story goes on here."},
		},
		{
			name:   "glued credit and caption",
			in:     "Headline\n© Photo : ReutersSoldiers walk past a destroyed building in the town.\nThe town was shelled again overnight, officials said.\n",
			title:  "Headline",
			paras:  []string{"The town was shelled again overnight"},
			blocks: map[domain.BlockKind]string{domain.BlockCredit: "© Photo : Reuters", domain.BlockCaption: "Soldiers walk past"},
		},
		{
			name:   "telegram and tweet lines",
			in:     "Headline\n\nOfficials confirmed the strike on Friday.\n\nWatch the video pic.twitter.com/abc123 — Some Outlet (@someoutlet) March 3, 2025\n\nhttps://t.me/somechannel/1234\n",
			title:  "Headline",
			paras:  []string{"Officials confirmed the strike on Friday."},
			blocks: map[domain.BlockKind]string{domain.BlockSocial: "t.me/somechannel/1234"},
		},
		{
			name:     "no headline: the first long sentence is the story",
			in:       strings.Repeat("The regional governor said on Friday that the repairs would take several more weeks to finish. ", 3) + "\n\nMore follows.\n",
			title:    "",
			paras:    []string{"The regional governor said", "More follows."},
			warnings: []string{"no_title"},
		},
		{
			name:     "a single line is the story, not a headline",
			in:       "The regional governor said on Friday that the repairs would take several more weeks.",
			paras:    []string{"The regional governor said on Friday"},
			warnings: []string{"no_title"},
		},
		{
			name:  "a bold headline is not a credit",
			in:    "❗️**Protesters gather outside parliament for a second night**\n\nPolice used water cannon, witnesses said.\n",
			title: "❗️Protesters gather outside parliament for a second night", paras: []string{"Police used water cannon"},
		},
		{
			name:  "a link cited in prose is not an embedded post",
			in:    "Headline\n\nThe parliament voted to lift it, [the channel reported](https://t.me/somechannel/271555) on Tuesday night.\n",
			title: "Headline", paras: []string{"The parliament voted to lift it"},
		},
		{
			name:  "copyright footer and reporting credit",
			in:    "Headline\n\nThe story is here.\n\n© 2025 Some Agency. All rights reserved.\n",
			title: "Headline", paras: []string{"The story is here."},
			blocks: map[domain.BlockKind]string{domain.BlockFooter: "© 2025 Some Agency"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readText("rules.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if len(a.Body) != len(tt.paras) {
				t.Fatalf("body = %q, want %d paragraphs %q", a.Text(), len(tt.paras), tt.paras)
			}
			for i, p := range tt.paras {
				if !strings.HasPrefix(a.Body[i].Text, p) {
					t.Errorf("paragraph %d = %q, want it to start %q", i, a.Body[i].Text, p)
				}
				if !strings.HasPrefix(tt.in[a.Body[i].SourceOffset:], firstWords(p, 2)) {
					t.Errorf("paragraph %d source offset %d points at %.20q", i, a.Body[i].SourceOffset, tt.in[a.Body[i].SourceOffset:])
				}
			}
			for k, text := range tt.blocks {
				if !inBlock(a, k, text) {
					t.Errorf("no %s block with %q: %+v", k, text, a.Blocks)
				}
			}
			for _, w := range tt.warnings {
				if !hasWarning(a, w) {
					t.Errorf("no %s warning: %+v", w, a.Warnings)
				}
			}
			if len(tt.warnings) == 0 {
				for _, w := range a.Warnings {
					if w.Code == "paragraph_joined" {
						t.Errorf("unexpected warning %+v", w)
					}
				}
			}
			checkBlocksOutOfBody(t, a)
		})
	}
}

// TestTelegramPostsAsText reads real Russian-language Telegram posts (BBC
// News Russian and RIA Novosti, shared corpus) as plain-text scrapes: every
// post must give a body, Russian as its language, and no block that
// swallowed the story. The reader was never tuned on these posts.
func TestTelegramPostsAsText(t *testing.T) {
	if testing.Short() {
		t.Skip("real-data sweep")
	}
	dir := sharedtest.Path(t, "corpus/telegram-ru-news-2024/raw")
	var total, ru, bodyLess, titled int
	for _, ch := range []string{"1001003921752", "1001101170442"} {
		raw, err := os.ReadFile(filepath.Join(dir, ch+"_messages.json"))
		if err != nil {
			t.Fatal(err)
		}
		var posts []struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(raw, &posts); err != nil {
			t.Fatalf("%s: %v", ch, err)
		}
		n := 0
		for _, p := range posts {
			if len(p.Text) < 200 {
				continue
			}
			if n++; n > 150 {
				break
			}
			total++
			items := ReadBytes(context.Background(), ch+".txt", []byte(p.Text), "", Options{})
			if len(items) != 1 || items[0].Err != nil {
				bodyLess++
				continue
			}
			a := items[0].Article
			if a.Language == "ru" {
				ru++
			}
			if a.Title != "" {
				titled++
			}
			// Headline and body hold the story; blocks may take the
			// channel's furniture, never most of the post.
			if kept := len(a.Title) + len(a.Text()); kept < len(p.Text)/2 {
				t.Errorf("only %d of %d bytes kept as headline and body: %q / %q, blocks %+v", kept, len(p.Text), a.Title, a.Text(), a.Blocks)
			}
		}
	}
	t.Logf("telegram posts read as text: %d posts, %d Russian, %d with a title line, %d without body", total, ru, titled, bodyLess)
	if total == 0 {
		t.Fatal("no posts read")
	}
	if bodyLess > 0 || float64(ru) < 0.97*float64(total) {
		t.Errorf("%d/%d posts read as Russian, %d without body", ru, total, bodyLess)
	}
}

func TestWireDatelines(t *testing.T) {
	tests := []struct {
		para, wire, rest string
	}{
		{"МОСКВА, 21 ноября. /ТАСС/. Российские войска заняли позиции на окраине города.", "TASS", "Российские войска"},
		{"KYIV, Ukraine (AP) — Ukraine's air force said it shot down most of the drones.", "AP", "Ukraine's air force"},
		{"Kyiv (AFP) - Ukraine said Friday it had struck an oil depot.", "AFP", "Ukraine said Friday"},
		{"КИЇВ, 21 листопада (Укрінформ) – Сили оборони відбили атаки.", "Ukrinform", "Сили оборони"},
		{"WASHINGTON (CNN) — Officials said the talks would resume.", "", "WASHINGTON (CNN)"},
		{"Russia (which denies it) said the strike hit a depot.", "", "Russia (which"},
	}
	for _, tt := range tests {
		a, err := readText("d.txt", []byte("Headline\n\n"+tt.para+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(a.Wires, ","); got != tt.wire {
			t.Errorf("%.30q: wires %q, want %q", tt.para, got, tt.wire)
		}
		if len(a.Body) != 1 || !strings.HasPrefix(a.Body[0].Text, tt.rest) {
			t.Errorf("%.30q: body %q, want it to start %q", tt.para, a.Text(), tt.rest)
		}
	}
}
