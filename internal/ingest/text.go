package ingest

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed data/textmarkers.yaml
var textMarkersYAML []byte

type textMarkers struct {
	Related        []string `yaml:"related_prefixes"`
	EmbedLines     []string `yaml:"embed_lines"`
	URLPrefixes    []string `yaml:"url_prefixes"`
	FooterPrefixes []string `yaml:"footer_prefixes"`
	CreditPrefixes []string `yaml:"credit_prefixes"`
	CreditWords    []string `yaml:"credit_words"`
	CaptionMarkers []string `yaml:"caption_markers"`
	BylinePrefixes []string `yaml:"byline_prefixes"`

	embed       map[string]bool
	creditWords map[string]bool
}

var markers = sync.OnceValue(func() *textMarkers {
	var m textMarkers
	if err := yaml.Unmarshal(textMarkersYAML, &m); err != nil {
		panic("ingest: embedded data/textmarkers.yaml: " + err.Error()) // a build defect, caught by every test
	}
	m.embed = map[string]bool{}
	for _, e := range m.EmbedLines {
		m.embed[strings.ToLower(e)] = true
	}
	m.creditWords = map[string]bool{}
	for _, w := range m.CreditWords {
		m.creditWords[strings.ToLower(w)] = true
	}
	return &m
})

var (
	// "date 2025-11-20 Title…": a scraper's prefix before the headline.
	reDatePrefix = regexp.MustCompile(`^(?i:date)\s*:?\s+(\d{4}-\d{2}-\d{2})\s+(\S.*)$`)
	// "… — Sputnik (@SputnikInt) November 20, 2025": a tweet's signature.
	reTweetSig = regexp.MustCompile(`[—–-]\s*([^()—–]{1,80}?)\s*\(@(\w{1,30})\)\s*(\p{L}+\.? \d{1,2}, \d{4})?\s*$`)
	reTwitter  = regexp.MustCompile(`(?i)(?:https?://)?(?:t\.co/\w+|pic\.twitter\.com/\w+|(?:twitter|x)\.com/(\w{1,30})/status/\d+)`)
	reTelegram = regexp.MustCompile(`(?i)(?:https?://)?t(?:elegram)?\.me/(?:s/)?(\w{3,40})(?:/\d+)?`)
	// A wire dateline opening a paragraph: "KYIV, Nov 20 (Reuters) -",
	// "MOSCOW, November 20. /TASS/.", "МОСКВА, 20 ноя — РИА Новости.",
	// "Kyiv (AFP) -".
	reWireDateline = regexp.MustCompile(`^(\p{Lu}[\p{L}’'.\- ]{1,40}(?:,\s*[^()/—–\n]{1,40}?)?)\s*(?:\(([\p{L}][\p{L} .&\-]{0,40})\)\s*[—–-]+|/\s*([\p{L}][\p{L} .\-]{0,40}?)\s*/\.?|[—–]\s*([\p{L}][\p{L} .\-]{0,40}?)\.)\s*`)
	reURLStart     = regexp.MustCompile(`(?i)^https?://\S`)
	reBoldTail     = regexp.MustCompile(`\*\*([^*]{2,120})\*\*\s*$`)
	reCopyright    = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:\d{4}|[\p{L} ]{0,40}\d{4})`)
)

// line is one line of the decoded text, trimmed, with its byte offset.
type line struct {
	text       string
	off        int
	blankAbove bool // a blank line (or the start) precedes it
}

func splitLines(s string) []line {
	var out []line
	blank := true
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		raw := s[off:end]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, isSpace))
		t := strings.TrimFunc(raw, isSpace)
		if t == "" {
			blank = true
		} else {
			out = append(out, line{text: t, off: off + lead, blankAbove: blank})
			blank = false
		}
		off = end + 1
	}
	return out
}

// isDecoration: emoji, arrows and bullets that open social-style lines
// (but not ©, which opens photo credits).
func isDecoration(r rune) bool {
	return r != '©' && (unicode.Is(unicode.So, r) || r == '\uFE0F' || r == '\u200D' || r == '•' || r == '·' || unicode.IsSpace(r))
}

// headBytes is at most the first n bytes of s, cut at a character edge.
func headBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tailBytes is at most the last n bytes of s, cut at a character edge.
func tailBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// readText reads a plain-text scrape: headline first (or after a scraper's
// "date YYYY-MM-DD" prefix), then bylines and datelines, then the story,
// with captions, credits, embeds, social posts, teasers and footers kept
// apart as blocks.
func readText(source string, data []byte) (*domain.Article, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	a := &domain.Article{Source: source, Format: string(FormatText)}
	a.Warnings = append(a.Warnings, d.Warnings...)
	parseText(a, d.Text, DefaultOutlets())
	return a, nil
}

// textParser carries the state of one parse.
type textParser struct {
	a     *domain.Article
	reg   *Outlets
	mk    *textMarkers
	lines []line
	body  []domain.Paragraph
	parts [][]string // the lines making up each body paragraph
	// bodyOpen says whether the last body paragraph may be continued by the
	// next line (it ended mid-sentence).
	lastBodyLine int
}

func parseText(a *domain.Article, text string, reg *Outlets) {
	p := &textParser{a: a, reg: reg, mk: markers(), lines: splitLines(text), lastBodyLine: -2}
	i := p.header()
	for ; i < len(p.lines); i++ {
		i = p.classify(i, false)
	}
	for k := range p.body {
		if len(p.parts[k]) > 1 {
			p.body[k].Text = strings.Join(p.parts[k], " ")
		}
	}
	a.SetBody(p.body)
	if a.Title == "" {
		a.Warn("no_title", "no headline line found")
	}
}

func (p *textParser) block(kind domain.BlockKind, text string, off int, reason string) {
	p.a.Blocks = append(p.a.Blocks, domain.Block{Kind: kind, Text: text, SourceOffset: off, Reason: reason})
}

// header reads the lines before the story: headline, bylines, datelines
// and any captions, and returns the index of the first line after them.
func (p *textParser) header() int {
	a := p.a
	i := 0
	for ; i < len(p.lines) && i < 12; i++ {
		l := p.lines[i]
		if m := reDatePrefix.FindStringSubmatchIndex(l.text); m != nil && i == 0 {
			p.block(domain.BlockHeader, l.text[:m[3]], l.off, "scraper date prefix before the headline")
			if ts, err := ParseDate(l.text[m[2]:m[3]]); err == nil {
				a.Published = ts
			}
			a.Title = cleanTitle(l.text[m[4]:])
			continue
		}
		if pub, upd, ok := parseDateLine(l.text); ok {
			p.block(domain.BlockHeader, l.text, l.off, "dateline")
			if pub != nil && pub.Inferred || upd != nil && upd.Inferred {
				a.Warn("date_zone_assumed", "dateline %q gives no time zone (or an ambiguous day/month order); read as UTC", l.text)
			}
			if pub != nil && (a.Published == nil || moreSpecific(pub, a.Published)) {
				a.Published = pub
			}
			if upd != nil {
				a.Updated = upd
			}
			continue
		}
		if p.byline(l) {
			continue
		}
		if k := p.nonBody(i); k >= 0 {
			i = k
			continue
		}
		if a.Title == "" && p.looksLikeTitle(i) {
			a.Title = cleanTitle(l.text)
			continue
		}
		break
	}
	return i
}

// cleanTitle drops the markdown emphasis that Telegram and chat exports
// wrap headlines in ("**Headline**").
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	t := strings.TrimSpace(strings.Trim(strings.ReplaceAll(strings.ReplaceAll(s, "**", ""), "__", ""), "*_"))
	if t == "" {
		return s
	}
	return t
}

// looksLikeTitle: a short line that is not a sentence run on into the next.
func (p *textParser) looksLikeTitle(i int) bool {
	t := p.lines[i].text
	n := utf8.RuneCountInString(t)
	if n < 3 || n > 300 || reURLStart.MatchString(t) {
		return false
	}
	// Headlines take no full stop (news style everywhere); a line of
	// several words ending in one is the story's lead in a scrape that has
	// no headline (Telegram posts, wire snippets). An only line is never a
	// headline: it is the whole story.
	if len(p.lines) == 1 {
		return false
	}
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") && len(strings.Fields(t)) > 6 {
		return false
	}
	return !(n > 160 && endsSentence(t))
}

func moreSpecific(a, b *domain.Timestamp) bool {
	rank := map[domain.Precision]int{domain.PrecisionYear: 0, domain.PrecisionMonth: 1, domain.PrecisionDate: 2, domain.PrecisionMinute: 3, domain.PrecisionSecond: 4}
	return rank[a.Precision] > rank[b.Precision] && a.Time.UTC().Format("2006-01-02") == b.Time.UTC().Format("2006-01-02") ||
		rank[a.Precision] > rank[b.Precision] && b.Inferred
}

// byline recognises "By AFP", "By Jane Doe and John Roe", "Автор: …",
// and a line that is only an agency name ("РИА Новости").
func (p *textParser) byline(l line) bool {
	t := l.text
	if utf8.RuneCountInString(t) > 120 {
		return false
	}
	lower := strings.ToLower(headBytes(t, 32))
	rest := ""
	for _, pre := range p.mk.BylinePrefixes {
		if strings.HasPrefix(lower, pre) && len(t) > len(pre) {
			r, _ := utf8.DecodeRuneInString(t[len(pre):])
			if r == ' ' || r == ':' {
				rest = strings.TrimLeft(t[len(pre):], " :")
				break
			}
		}
	}
	if rest == "" {
		// A bare agency name on its own line is a wire credit.
		if len(t) > 60 {
			return false
		}
		if w, ok := p.reg.Wire(t); ok {
			p.addWire(w)
			p.block(domain.BlockHeader, t, l.off, "byline: wire agency "+w)
			return true
		}
		return false
	}
	names := splitNames(rest)
	if len(names) == 0 || len(names) > 6 {
		return false
	}
	var people []string
	for _, n := range names {
		if w, ok := p.reg.Wire(n); ok {
			p.addWire(w)
			continue
		}
		if !looksLikeName(n) {
			return false
		}
		people = append(people, n)
	}
	p.a.Authors = append(p.a.Authors, people...)
	p.block(domain.BlockHeader, t, l.off, "byline")
	return true
}

func (p *textParser) addWire(w string) {
	for _, x := range p.a.Wires {
		if x == w {
			return
		}
	}
	p.a.Wires = append(p.a.Wires, w)
}

// splitNames splits "Jane Doe and John Roe, Reuters" into its names.
func splitNames(s string) []string {
	s = strings.TrimRight(s, ".")
	for _, sep := range []string{" and ", " und ", " et ", " и ", " і ", " i ", " y ", " e ", " & ", " / ", ";"} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// looksLikeName: one to five capitalised words, no sentence punctuation.
func looksLikeName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 5 || strings.ContainsAny(s, "!?:\"“”«»") {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !strings.Contains("de van von der da di ibn bin al", strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// classify handles line i after the header and returns the index of the
// last line it consumed.
func (p *textParser) classify(i int, _ bool) int {
	if k := p.nonBody(i); k >= 0 {
		return k
	}
	l := p.lines[i]
	t := l.text
	off := l.off
	// A wire dateline opening the first paragraph of the story.
	if len(p.body) == 0 {
		if m := reWireDateline.FindStringSubmatchIndex(t); m != nil {
			agency := ""
			for g := 2; g <= 4; g++ {
				if m[2*g] >= 0 {
					agency = t[m[2*g]:m[2*g+1]]
				}
			}
			if w, ok := p.reg.Wire(agency); ok && m[1] < len(t) {
				p.addWire(w)
				p.block(domain.BlockHeader, strings.TrimSpace(t[:m[1]]), off, "wire dateline ("+w+")")
				t, off = t[m[1]:], off+m[1]
			}
		}
	}
	// Join a paragraph broken mid-sentence: by a hard wrap (no blank line)
	// or by a stray blank line when the next part starts in lower case.
	if n := len(p.body); n > 0 && p.lastBodyLine == i-1 {
		parts := p.parts[n-1]
		last := parts[len(parts)-1]
		if !endsSentence(last) {
			r, _ := utf8.DecodeRuneInString(t)
			// Across a blank line only a lower-case continuation joins;
			// within a block of lines, anything but a subheading followed
			// by a capitalised line does (a hard-wrapped paragraph).
			join := unicode.IsLower(r)
			if !l.blankAbove {
				join = join || !(len(parts) == 1 && endsHeadingLike(last))
			}
			if join {
				if l.blankAbove {
					p.a.Warn("paragraph_joined", "joined a paragraph broken mid-sentence by a blank line at byte %d (%q … %q)",
						l.off, lastWords(last, 3), firstWords(t, 3))
				}
				// Pieces are joined once at the end: appending to a string
				// here would be quadratic on a long hard-wrapped paragraph.
				p.parts[n-1] = append(parts, t)
				p.lastBodyLine = i
				return i
			}
		}
	}
	p.body = append(p.body, domain.Paragraph{Text: t, SourceOffset: off})
	p.parts = append(p.parts, []string{t})
	p.lastBodyLine = i
	return i
}

// nonBody recognises a non-story line at i (and any lines that belong to
// it) and records it as a block; it returns the last line consumed, or -1.
func (p *textParser) nonBody(i int) int {
	l := p.lines[i]
	t := l.text
	// Prefix rules look past leading emoji and bullets ("👉 Подписывайтесь…").
	st := strings.TrimLeftFunc(t, isDecoration)
	// Every rule below looks at the start of the line only.
	lower := strings.ToLower(headBytes(st, 64))
	if st == "" {
		return -1
	}
	// after is st past a prefix matched on lower (ToLower may change
	// byte lengths, so never slice past the end).
	after := func(pre string) string { return st[min(len(pre), len(st)):] }
	mk := p.mk

	if mk.embed[strings.TrimRight(lower, " .…")] {
		p.block(domain.BlockEmbed, t, l.off, "embed marker line")
		return i
	}
	if pre, ok := hasPrefixWord(lower, mk.Related); ok {
		if strings.TrimLeft(after(pre), " :.—–-") != "" {
			p.block(domain.BlockRelated, t, l.off, "related-article teaser ("+strings.TrimSpace(pre)+")")
			return i
		}
		// The marker alone on its line: the teaser is the next line.
		if i+1 < len(p.lines) && utf8.RuneCountInString(p.lines[i+1].text) < 200 && !p.lines[i+1].blankAbove {
			p.block(domain.BlockRelated, t, l.off, "related-article marker")
			n := p.lines[i+1]
			p.block(domain.BlockRelated, n.text, n.off, "related-article teaser after its marker line")
			return i + 1
		}
	}
	if pre, ok := hasPrefixWord(lower, mk.URLPrefixes); ok {
		rest := strings.TrimLeft(after(pre), " :")
		if strings.HasPrefix(strings.TrimLeft(after(pre), " "), ":") {
			if rest == "" && i+1 < len(p.lines) && reURLStart.MatchString(p.lines[i+1].text) {
				p.block(domain.BlockFooter, t, l.off, "article URL footer")
				u := p.lines[i+1]
				p.block(domain.BlockFooter, u.text, u.off, "article URL after its footer label")
				p.footerURL(u.text, u.off)
				return i + 1
			}
			if reURLStart.MatchString(rest) {
				p.block(domain.BlockFooter, t, l.off, "article URL footer")
				p.footerURL(rest, l.off+len(t)-len(rest))
				return i
			}
		}
	}
	if len(t) < 200 && (strings.HasPrefix(lower, "©") || strings.HasPrefix(lower, "(c)") || strings.HasPrefix(lower, "copyright")) && reCopyright.MatchString(st) {
		p.block(domain.BlockFooter, t, l.off, "copyright line")
		return i
	}
	if _, ok := hasPrefixWord(lower, mk.FooterPrefixes); ok && len(t) < 200 {
		p.block(domain.BlockFooter, t, l.off, "footer line")
		return i
	}
	if p.social(i) {
		return i
	}
	if pre, ok := hasPrefix(lower, mk.CreditPrefixes); ok {
		lead := len(t) - len(st)
		p.credit(t, l.off, lead+min(len(pre), len(st)))
		return i
	}
	if m := p.boldTail(t); m != nil && m[0] > 0 {
		// "Caption text. **Kremlin Press Service / TASS**"
		p.block(domain.BlockCaption, strings.TrimSpace(t[:m[0]]), l.off, "caption with a trailing bold credit")
		p.block(domain.BlockCredit, t[m[2]:m[3]], l.off+m[2], "bold credit at the end of a caption")
		return i
	}
	if p.captionLine(t) {
		p.block(domain.BlockCaption, t, l.off, "caption marker")
		return i
	}
	if reURLStart.MatchString(t) && !strings.ContainsAny(strings.TrimSpace(t), " \t") && p.a.URL == "" &&
		(i == 0 || i == len(p.lines)-1) {
		p.block(domain.BlockFooter, t, l.off, "bare article URL line")
		p.a.URL = t
		return i
	}
	return -1
}

// captionLine: a line that ends with a caption marker ("(L)", "Screenshot
// of video.") and is not a long paragraph.
// boldTail finds a bold credit closing a caption line ("… post.
// **Kremlin Press Service / TASS**"): the caption must be prose and the bold
// part must read as a credit, or a bold headline would be taken for one.
func (p *textParser) boldTail(t string) []int {
	if !strings.HasSuffix(strings.TrimRight(t, " "), "**") {
		return nil
	}
	m := reBoldTail.FindStringSubmatchIndex(t)
	if m == nil || utf8.RuneCountInString(strings.TrimSpace(t[:m[0]])) < 20 {
		return nil
	}
	if !p.creditLike(t[m[2]:m[3]]) {
		return nil
	}
	return m
}

// creditLike: a short text naming a photographer's agency or source
// ("Kremlin Press Service / TASS", "AP Photo/Efrem Lukatsky").
func (p *textParser) creditLike(s string) bool {
	if utf8.RuneCountInString(s) > 80 {
		return false
	}
	if strings.Contains(s, "©") {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '/' || r == ',' || r == '(' || r == ')' }) {
		if p.mk.creditWords[w] {
			return true
		}
	}
	if _, ok := p.reg.Wire(strings.TrimSpace(s)); ok {
		return true
	}
	return strings.Contains(s, " / ")
}

func (p *textParser) captionLine(t string) bool {
	if utf8.RuneCountInString(t) > 300 {
		return false
	}
	lower := strings.TrimRight(strings.ToLower(tailBytes(t, 48)), " .")
	for _, m := range p.mk.CaptionMarkers {
		if strings.HasSuffix(lower, m) {
			return true
		}
	}
	// "… / TASS", "(AP Photo/Evgeniy Maloletka)": a short credit tail.
	if j := strings.LastIndexAny(t, "/("); j > 0 && len(t)-j < 60 {
		tail := strings.ToLower(strings.Trim(t[j:], "/() ."))
		for _, w := range strings.FieldsFunc(tail, func(r rune) bool { return r == ' ' || r == '/' }) {
			if p.mk.creditWords[w] && !endsSentence(strings.TrimSpace(t[:j])) {
				return true
			}
		}
	}
	return false
}

// credit splits a credit line, which scrapes often glue to the caption
// that follows ("© Photo : KremlinPresident Putin speaks…").
func (p *textParser) credit(t string, off, preLen int) {
	rest := t[preLen:]
	if glue := gluePoint(rest); glue > 0 {
		cut := preLen + glue
		p.block(domain.BlockCredit, strings.TrimSpace(t[:cut]), off, "photo credit glued to its caption")
		p.block(domain.BlockCaption, t[cut:], off+cut, "caption after a glued photo credit")
		return
	}
	if utf8.RuneCountInString(t) > 100 {
		p.block(domain.BlockCaption, t, off, "caption opening with a photo credit")
		return
	}
	p.block(domain.BlockCredit, t, off, "photo credit")
}

// gluePoint finds where a lowercase letter runs straight into an uppercase
// one inside a word ("KremlinPresident"), the mark of two blocks glued by
// the scraper; 0 if none.
func gluePoint(s string) int {
	var prev rune
	for i, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			// Names like "McDonald" or "DeSantis" glue too; require
			// what follows to be a word of three or more letters.
			j := i + utf8.RuneLen(r)
			n := 0
			for _, q := range s[j:] {
				if !unicode.IsLower(q) {
					break
				}
				n++
			}
			if n >= 2 && i > 3 && !strings.HasSuffix(s[:i], "Mc") && !strings.HasSuffix(s[:i], "Mac") {
				return i
			}
		}
		prev = r
	}
	return 0
}

// social recognises embedded tweets and Telegram posts.
func (p *textParser) social(i int) bool {
	l := p.lines[i]
	t := l.text
	// Cheap substring tests first: the regexes are costly on every line.
	hasSig := strings.Contains(t, "(@")
	hasTw := strings.Contains(t, "t.co/") || strings.Contains(t, "twitter.com/") || strings.Contains(t, "x.com/")
	hasTg := strings.Contains(t, ".me/")
	if !hasSig && !hasTw && !hasTg {
		return false
	}
	if m := reTweetSig.FindStringSubmatch(t); hasSig && m != nil && (m[3] != "" || reTwitter.MatchString(t)) {
		p.block(domain.BlockSocial, t, l.off, "embedded tweet (signature "+strings.TrimSpace(m[1])+" @"+m[2]+")")
		return true
	}
	// A link inside running prose ("…, [сообщает](https://t.me/x/1) канал…")
	// is a citation, not an embedded post: only short lines count.
	if hasTw && reTwitter.MatchString(t) && (strings.Contains(t, "pic.twitter.com/") || proseAround(reTwitter, t) < 40) {
		p.block(domain.BlockSocial, t, l.off, "embedded tweet (twitter link)")
		return true
	}
	if !hasTg || utf8.RuneCountInString(t) > 400 {
		return false
	}
	if m := reTelegram.FindStringSubmatch(t); m != nil && proseAround(reTelegram, t) < 40 {
		p.block(domain.BlockSocial, t, l.off, "embedded Telegram post (t.me/"+m[1]+")")
		return true
	}
	return false
}

// proseAround counts the characters of a line outside the links re finds;
// a link written as a markdown citation ("[said](https://…)") counts as
// prose, as it is part of a sentence.
func proseAround(re *regexp.Regexp, t string) int {
	if strings.Contains(t, "](") {
		return utf8.RuneCountInString(t)
	}
	return utf8.RuneCountInString(strings.TrimSpace(re.ReplaceAllString(t, "")))
}

// footerURL records the article's own URL from a footer, repairing stray
// white space that scrapers insert when they wrap long URLs.
func (p *textParser) footerURL(u string, off int) {
	a := p.a
	if a.URL != "" {
		return
	}
	fields := strings.Fields(u)
	if len(fields) == 1 {
		a.URL = u
		return
	}
	// Join the pieces only while each piece looks like URL characters and
	// no second URL starts: "…/putin-visit s-army-command-post-a91200".
	for _, f := range fields[1:] {
		if reURLStart.MatchString(f) || !urlish(f) {
			a.URL = fields[0]
			a.Warn("url_truncated", "footer URL is followed by text; kept %q", fields[0])
			return
		}
	}
	a.URL = strings.Join(fields, "")
	a.URLAsFound = u
	a.URLRepaired = true
	var gaps []string
	for k := 1; k < len(fields); k++ {
		gaps = append(gaps, fmt.Sprintf("%q", lastRunes(fields[k-1], 6)+" "+firstRunes(fields[k], 6)))
	}
	a.Warn("url_repaired", "removed %d stray space(s) from the URL at byte %d: %s", len(fields)-1, off, strings.Join(gaps, ", "))
}

func urlish(s string) bool {
	for _, r := range s {
		if r > 0x7e || r <= ' ' || strings.ContainsRune("\"<>\\^`{|}", r) {
			return false
		}
	}
	return true
}

func hasPrefix(lower string, list []string) (string, bool) {
	for _, pre := range list {
		if strings.HasPrefix(lower, pre) {
			return pre, true
		}
	}
	return "", false
}

// hasPrefixWord is hasPrefix where the prefix must end at a word boundary.
func hasPrefixWord(lower string, list []string) (string, bool) {
	best := ""
	for _, pre := range list {
		if strings.HasPrefix(lower, pre) && len(pre) > len(best) {
			r, _ := utf8.DecodeRuneInString(lower[len(pre):])
			if len(lower) == len(pre) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				best = pre
			}
		}
	}
	return best, best != ""
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…\"”»’'):;", r) || unicode.Is(unicode.So, r)
}

// endsHeadingLike: a short line without final punctuation (a subheading)
// is not continued by the next paragraph.
func endsHeadingLike(s string) bool {
	return utf8.RuneCountInString(s) < 60 && len(strings.Fields(s)) < 9 && !strings.HasSuffix(s, ",")
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
