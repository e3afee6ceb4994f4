package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// webFuzzMax keeps each fuzz iteration fast; size limits are tested apart.
const webFuzzMax = 64 << 10

func webFuzzSeeds(f *testing.F, dir string, extra ...string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden.json") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// webCheckArticle asserts what every reader promises of an article.
func webCheckArticle(t *testing.T, a *domain.Article) {
	t.Helper()
	text := a.Text()
	for i, p := range a.Body {
		if p.Offset < 0 || p.Offset+len(p.Text) > len(text) || text[p.Offset:p.Offset+len(p.Text)] != p.Text {
			t.Fatalf("paragraph %d offset %d does not point at its text", i, p.Offset)
		}
	}
	if !utf8.ValidString(text) || !utf8.ValidString(a.Title) {
		t.Fatalf("invalid UTF-8 in title or body")
	}
}

func FuzzReadHTML(f *testing.F) {
	webFuzzSeeds(f, "html", "", "<", "<html><body><p>x", "<meta charset=gb2312><p>\xb0\xa1\xb0\xa1</p>",
		"<html><head><script type=application/ld+json>{\"datePublished\":\"2025-13-45T99:99\"}</script></head><body><article><p>Text that is long enough to be a paragraph of an article about something.</p></article></body></html>",
		"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", "<table><tr><td><table><tr><td>a<br>b</td></tr></table>")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > webFuzzMax {
			return
		}
		for _, ct := range []string{"", "text/html; charset=windows-1251"} {
			a, err := readHTML("fuzz.html", data, ct)
			if err == nil {
				webCheckArticle(t, a)
			}
		}
	})
}

func FuzzReadFeed(f *testing.F) {
	webFuzzSeeds(f, "feed", "", "<rss", `<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</title><description>&lt;p&gt;b</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > webFuzzMax {
			return
		}
		arts, _, _ := readFeed(context.Background(), "fuzz.xml", data, Options{})
		for _, a := range arts {
			webCheckArticle(t, a)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	webFuzzSeeds(f, "jsonl", "", "{", "{}\n{}", `{"title":"t","maintext":"a\nb","date_publish":1700000000,"authors":[{"name":"x"},3]}`,
		`{"maintext":"x","date_publish":"2024-02-30 25:61:00"}`,
		// Telegram posts: markdown, links over lines, furniture.
		`[{"message_id":1,"channel":"c","text":"**a\n**\n[x\ny](https://t.me/z) __b____c__"}]`,
		`{"sender_id":-1,"text":"[](","date":"x"}`,
		// Telegram Desktop exports: entities, service messages, odd values.
		`{"name":"c","type":"public_channel","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1","text":[{"type":"bold","text":"a\n\n"},"b",{"type":"text_link","text":"x\ny","href":"(( )"}]},{"id":2,"type":"service"}]}`,
		`{"type":"x","messages":[1,null,{"type":"message","text":5,"date_unixtime":"-3","date":"2024-13-45T99:00:00"},{"type":"message","text":"s","text_entities":[{"type":"bold","text":"s"}]}]}`,
		`{"type":"","messages":[]}`, `{"type":"article","messages":[],"text":"t"}`)
	webFuzzSeeds(f, "telegram")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > webFuzzMax {
			return
		}
		arts, _, _ := readJSONL("fuzz.jsonl", data)
		for _, a := range arts {
			webCheckArticle(t, a)
		}
	})
}
