package claims

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

var fuzzSeeds = []string{
	`Russian forces "have completed the liberation of the city of Kupiansk," Sergei Kuzovlev told Putin.`,
	`He said "many" want to. "However, most cannot. Meanwhile, nobody helps." That was all.`,
	"«Мы видим это. Мы готовы», — сказал он. По словам Пескова, В. В. Путин провел совещание.",
	`Zapad ('West') Battlegroup. Russia's army. Ukraine’s "forces don't stop`,
	"Gen. Ivanov spoke to Mr. Smith in the U.S. capital. Prices rose 2.5 percent.",
	"\"\"\"''' „“ «» ‘’ \" ' . . ! ? …",
	"\xff\xfe broken \x00 utf8 \"quote",
	"",
	strings.Repeat("a. ", 50) + strings.Repeat(`"x `, 30),
}

// FuzzSplit: sentence spans lie inside the text, in order, trimmed, and
// never cut a UTF-8 sequence.
func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	sp, err := NewSplitter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range sp.Split(text, nil) {
			if s[0] < prev || s[1] <= s[0] || s[1] > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s[0]]) || (s[1] < len(text) && !utf8.RuneStart(text[s[1]]))) {
				t.Fatalf("span %v cuts a rune in %q", s, text)
			}
			prev = s[1]
		}
	})
}

// FuzzFindQuotes: quotes lie inside the text with their content inside
// their marks, and nested quotes inside their outer quote.
func FuzzFindQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := FindQuotes(text)
		for _, q := range qs {
			if !(0 <= q.Start && q.Start < q.InStart && q.InStart <= q.InEnd && q.InEnd <= q.End && q.End <= len(text)) {
				t.Fatalf("bad quote %+v in %q", q, text)
			}
			_ = q.Content(text)
		}
	})
}

// FuzzExtract: any body and title give claims and markers whose offsets lie
// inside their field, and whose text is what the offsets say.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("Kupyansk Freed, Gerasimov Tells Putin", s)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		a := &domain.Article{ID: "f", Title: title}
		var ps []domain.Paragraph
		for _, p := range strings.Split(body, "\n\n") {
			ps = append(ps, domain.Paragraph{Text: p})
		}
		a.SetBody(ps)
		an := &domain.Analysis{}
		x.Extract(a, an)
		text := a.Text()
		field := func(f string) string {
			if f == "title" {
				return title
			}
			return text
		}
		for _, c := range an.Claims {
			ft := field(c.Field)
			if c.Start < 0 || c.End > len(ft) || c.Start > c.End || c.SpanStart < 0 || c.SpanEnd > len(ft) || c.SpanStart > c.SpanEnd {
				t.Fatalf("claim offsets out of range: %+v", c)
			}
			if ft[c.Start:c.End] != c.Sentence || ft[c.SpanStart:c.SpanEnd] != c.Text {
				t.Fatalf("claim text does not match its offsets: %+v", c)
			}
		}
		for _, m := range an.Markers {
			ft := field(m.Field)
			if m.Start < 0 || m.End > len(ft) || m.Start > m.End || ft[m.Start:m.End] != m.Surface {
				t.Fatalf("marker offsets wrong: %+v", m)
			}
		}
	})
}

// TestHugeInput: a megabyte paragraph of quotes and full stops, and one
// with no break at all, are read in bounded time without a panic.
func TestHugeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		strings.Repeat(`He said "yes. No." Then Kyiv fell. `, 30000),
		strings.Repeat("word ", 200000),
		strings.Repeat("\x00\xff", 100000),
	} {
		a := &domain.Article{ID: "big", Title: "T"}
		a.SetBody([]domain.Paragraph{{Text: body}})
		an := &domain.Analysis{}
		x.Extract(a, an)
	}
}

// FuzzExtractMentions: with resolver mentions over every capitalised word
// (places resolved, ambiguous and unresolved; an oblast; a person), claims
// stay in range and nothing panics — the paths that use mentions (folded
// place keys, oblasts as context, anaphors, denials of the claim before).
func FuzzExtractMentions(f *testing.F) {
	f.Add("Russian troops liberated the town of Kurakhovo in the Donetsk region. Kyiv denied this.", uint8(3))
	f.Add("«Бої тривають», — заявив речник Віктор Трегубов. ЗСУ спростовують заяви Росії про захоплення Курахового.", uint8(7))
	f.Add("a spokesman, Taras Bondar, said, rejecting Moscow's claim that the town had been captured", uint8(1))
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	oblast := domain.Entity{ID: "geonames:709716", Kind: domain.KindPlace, Name: "Donetsk Oblast", FeatureCode: "ADM1"}
	town := domain.Entity{ID: "geonames:695357", Kind: domain.KindPlace, Name: "Kurakhove", FeatureCode: "PPL", Admin1ID: oblast.ID}
	f.Fuzz(func(t *testing.T, body string, seed uint8) {
		a := &domain.Article{ID: "f", Title: "T", Language: []string{"", "en", "ru", "uk"}[seed%4]}
		a.SetBody([]domain.Paragraph{{Text: body}})
		an := &domain.Analysis{Entities: []domain.Entity{oblast, town}}
		text := a.Text()
		n := int(seed)
		for _, tk := range tokenize(text, 0) {
			if !tk.upper {
				continue
			}
			n++
			m := domain.Mention{Field: "body", Start: tk.start, End: tk.end, Surface: text[tk.start:tk.end], Kind: domain.KindPlace}
			switch n % 5 {
			case 0:
				m.EntityID, m.Status = oblast.ID, domain.StatusResolved
			case 1:
				m.EntityID, m.Status = town.ID, domain.StatusResolved
			case 2:
				m.Status = domain.StatusAmbiguous
				m.Candidates = []domain.Candidate{{EntityID: "geonames:1", Admin1: "Donetsk Oblast"}}
			case 3:
				m.Status = domain.StatusUnresolved
			case 4:
				m.Kind, m.Status, m.EntityID = domain.KindPerson, domain.StatusResolved, "actor:x"
			}
			an.Mentions = append(an.Mentions, m)
		}
		x.Extract(a, an)
		for _, c := range an.Claims {
			ft := text
			if c.Field == "title" {
				ft = a.Title
			}
			if c.Start < 0 || c.End > len(ft) || c.Start > c.End || c.SpanStart < c.Start || c.SpanEnd > c.End || c.SpanStart > c.SpanEnd {
				t.Fatalf("claim offsets out of range: %+v", c)
			}
		}
	})
}
