package ingest

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Telegram channel posts, as channel dumps write them: one JSON object per
// post with the post's markdown text, its channel's title and its message
// number ({"message_id", "sender_id", "text", "date", "channel"}), in JSON
// arrays or JSON Lines.

//go:embed data/telegram-furniture.txt
var tgFurnitureData string

var tgFurniturePhrases = phraseList(tgFurnitureData)

// phraseList reads a data file of one phrase a line, '#' comments.
func phraseList(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		l = strings.ToLower(strings.TrimSpace(l))
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// tgPost is one Telegram post, whatever dump it came from.
type tgPost struct {
	channel string // the channel's title
	chanKey string // what identifies the channel: its title, else the sender ID
	msgID   string
	text    string // Telegram markdown
	date    json.RawMessage
	where   string // source reference for Item errors and Article.Source
}

// tgIsPost: a record with a text and a channel or a message number, and
// none of the fields of a crawled web article.
func tgIsPost(rec jsonlRecord) bool {
	if rec.Text == nil || rec.Maintext != nil || rec.Title != "" || rec.URL != "" {
		return false
	}
	return strings.TrimSpace(rec.Channel) != "" || tgNumber(rec.MessageID) != "" || tgNumber(rec.SenderID) != ""
}

// tgPostOf makes a tgPost of a record tgIsPost accepted.
func tgPostOf(rec jsonlRecord, source, fallback string) tgPost {
	p := tgPost{channel: jsonlClean(rec.Channel), msgID: tgNumber(rec.MessageID), text: *rec.Text, date: rec.Date}
	p.chanKey = foldName(p.channel)
	if p.chanKey == "" {
		p.chanKey = tgNumber(rec.SenderID)
	}
	p.where = fallback
	if p.msgID != "" {
		p.where = source + "#" + p.msgID
	}
	return p
}

// tgNumber reads a message or sender ID written as a number or a string.
func tgNumber(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	var s string
	if json.Unmarshal(raw, &s) == nil && len(s) <= 40 {
		return strings.TrimSpace(s)
	}
	return ""
}

// tgLine is one line of a post.
type tgLine struct {
	raw      string
	plain    string // markdown removed, white space folded
	linkOnly bool   // the line is nothing but links (and separators)
	hasLink  bool   // a markdown link, bare URL, domain or @handle
}

var (
	// [text](url); the URL may hold one level of parentheses.
	reMDLink  = regexp.MustCompile(`\[([^\[\]\n]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)`)
	reBareURL = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	// Emphasis marks of Telegram markdown: bold, italic, strike, spoiler,
	// code. Single * and _ are left: they are ordinary characters too.
	reMDEmph    = regexp.MustCompile("\\*{2,}|_{2,}|~{2,}|\\|{2,}|`+")
	reDomainRef = regexp.MustCompile(`(?i)(?:^|[\s(])(?:[a-z0-9-]+\.)+(?:ru|com|ly|me|org|net|ua|io|link|cc|su|tv|info|news)(?:/\S*)?|(?:^|\s)@\w{4,}`)
	// A sentence ends inside the line: ". Next", "! Next".
	reInnerSentence = regexp.MustCompile(`[.!?…]["»”]?\s+["«“]?\p{Lu}`)
)

// tgPlain turns one line of Telegram markdown into plain text: a link
// becomes its text (the URL is dropped), emphasis marks go. Bare URLs keep
// their characters, but emphasis glued to their end is removed.
func tgPlain(s string) string {
	s = reMDLink.ReplaceAllString(s, "$1")
	var b strings.Builder
	last := 0
	for _, m := range reBareURL.FindAllStringIndex(s, -1) {
		u := s[m[0]:m[1]]
		core := strings.TrimRight(u, "*_~|`")
		if len(u)-len(core) < 2 {
			core = u // a single trailing _ or * may belong to the URL
		}
		b.WriteString(reMDEmph.ReplaceAllString(s[last:m[0]], ""))
		b.WriteString(core)
		last = m[0] + len(u)
	}
	b.WriteString(reMDEmph.ReplaceAllString(s[last:], ""))
	return jsonlClean(b.String())
}

// reMDLinkLines is a link whose text runs over several lines.
var reMDLinkLines = regexp.MustCompile(`\[([^\[\]]*\n[^\[\]]*)\]\(([^()\s]*)\)`)

func tgSplit(text string) []tgLine {
	var out []tgLine
	text = norm.NFC.String(text)
	if strings.Contains(text, "\n") && strings.Contains(text, "](") {
		// Each line of the link's text becomes a link of its own, so that
		// lines stay lines.
		text = reMDLinkLines.ReplaceAllStringFunc(text, func(m string) string {
			sm := reMDLinkLines.FindStringSubmatch(m)
			var parts []string
			for _, t := range strings.Split(sm[1], "\n") {
				if strings.TrimSpace(t) == "" {
					parts = append(parts, "")
					continue
				}
				parts = append(parts, "["+t+"]("+sm[2]+")")
			}
			return strings.Join(parts, "\n")
		})
	}
	for _, raw := range strings.Split(text, "\n") {
		l := tgLine{raw: strings.TrimFunc(raw, isSpace), plain: tgPlain(raw)}
		links := reMDLink.FindAllStringIndex(raw, -1)
		l.hasLink = len(links) > 0 || reBareURL.MatchString(l.plain) || reDomainRef.MatchString(l.plain)
		if len(links) > 0 {
			rest := tgPlain(reMDLink.ReplaceAllString(raw, ""))
			l.linkOnly = strings.TrimFunc(rest, func(r rune) bool {
				return isDecoration(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
			}) == ""
		}
		out = append(out, l)
	}
	return out
}

// tgKey is a line as compared across posts.
func tgKey(plain string) string { return strings.ToLower(plain) }

// tgTail lists the indexes of the last n content lines of a post.
func tgTail(lines []tgLine, n int) []int {
	var out []int
	for i := len(lines) - 1; i >= 0 && len(out) < n; i-- {
		if lines[i].plain != "" {
			out = append(out, i)
		}
	}
	return out
}

// tgMinRepeatPosts is how many posts of a channel a file must hold before
// lines repeated at their ends are taken for the channel's furniture.
const tgMinRepeatPosts = 10

// tgRepeated finds, per channel, the lines that end at least a tenth of
// its posts (and three): subscribe prompts, links to the channel, the
// signature — the channel's furniture, whatever its wording.
func tgRepeated(posts []tgPost) map[string]map[string]bool {
	counts := map[string]map[string]int{}
	total := map[string]int{}
	for _, p := range posts {
		lines := tgSplit(p.text)
		total[p.chanKey]++
		seen := map[string]bool{}
		for _, i := range tgTail(lines, 3) {
			k := tgKey(lines[i].plain)
			if seen[k] || utf8.RuneCountInString(k) > 200 {
				continue
			}
			seen[k] = true
			if counts[p.chanKey] == nil {
				counts[p.chanKey] = map[string]int{}
			}
			counts[p.chanKey][k]++
		}
	}
	out := map[string]map[string]bool{}
	for ch, c := range counts {
		if total[ch] < tgMinRepeatPosts {
			continue
		}
		for k, n := range c {
			if n >= 3 && n*10 >= total[ch] {
				if out[ch] == nil {
					out[ch] = map[string]bool{}
				}
				out[ch][k] = true
			}
		}
	}
	return out
}

// tgCallToAction: a short line asking the reader to subscribe, send news,
// read the channel elsewhere. The phrase must open the line, or the line
// must carry a link or handle, so that "refused to подписаться под
// заявлением" in a story stays.
func tgCallToAction(l tgLine) bool {
	if utf8.RuneCountInString(l.plain) > 200 {
		return false
	}
	lower := strings.ToLower(l.plain)
	start := strings.TrimLeftFunc(lower, func(r rune) bool { return isDecoration(r) || unicode.IsPunct(r) })
	for _, ph := range tgFurniturePhrases {
		if i := strings.Index(lower, ph); i >= 0 && (l.hasLink || strings.HasPrefix(start, ph)) {
			return true
		}
	}
	return false
}

// tgArticle reads one post. repeated holds the furniture lines of its
// channel (tgRepeated).
func tgArticle(p tgPost, repeated map[string]bool) (*domain.Article, error) {
	a := &domain.Article{Source: p.where, Format: string(FormatJSONL)}
	if p.channel != "" {
		// The registry fills in the rest in finish (setOutlet, by name).
		a.Outlet = &domain.Outlet{Name: p.channel, Matched: "Telegram channel " + p.channel}
	}
	if p.msgID != "" && p.chanKey != "" {
		// A post is its channel's message number: the ID stays when the
		// reader changes how it cleans the text.
		sum := sha256.Sum256([]byte("telegram\x00" + p.chanKey + "\x00" + p.msgID))
		a.ID = hex.EncodeToString(sum[:8])
	}
	a.Published = jsonlDate(a, p.date, "publication")

	lines := tgSplit(p.text)
	content := 0
	for _, l := range lines {
		if l.plain != "" {
			content++
		}
	}
	if content == 0 {
		return nil, skip(SkipNoBody, "post has no text (a photo, video or file alone)")
	}

	// Furniture: the run of lines at the end that are calls to action,
	// the channel's repeated sign-off, or nothing but links.
	end := len(lines)
	var footer []string
	var why []string
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.plain == "" {
			continue
		}
		if content-len(footer) <= 1 {
			break // the post's only line is its story, whatever it says
		}
		reason := ""
		switch {
		case repeated[tgKey(l.plain)]:
			reason = "repeated at the end of the channel's posts"
		case tgCallToAction(l):
			reason = "call to action"
		case l.linkOnly && utf8.RuneCountInString(l.plain) <= 120:
			reason = "links only"
		}
		if reason == "" {
			break
		}
		footer = append([]string{l.plain}, footer...)
		why = append([]string{reason}, why...)
		end = i
	}
	lines = lines[:end]

	start := tgHeadline(a, lines)
	p2 := &textParser{a: a, reg: DefaultOutlets(), mk: markers()}
	for _, l := range lines[start:] {
		if l.plain != "" {
			p2.lines = append(p2.lines, line{text: l.plain, off: -1})
		}
	}
	url := a.URL
	var body []domain.Paragraph
	for i := 0; i < len(p2.lines); i++ {
		// Credits, captions, embeds, teasers as the text reader knows them.
		if k := p2.nonBody(i); k >= 0 {
			i = k
			continue
		}
		body = append(body, domain.Paragraph{Text: p2.lines[i].text, SourceOffset: -1})
	}
	// A bare link in a post points at a story elsewhere, not at the post.
	a.URL = url
	for k, f := range footer {
		a.Blocks = append(a.Blocks, domain.Block{Kind: domain.BlockFooter, Text: f, SourceOffset: -1, Reason: "channel furniture (" + why[k] + ")"})
	}
	if len(footer) > 0 {
		a.Warn("footer_guess", "moved %d line(s) at the end of the post to a footer as channel furniture (%s)", len(footer), strings.Join(tgUniq(why), "; "))
	}
	if len(body) == 0 && a.Title != "" {
		// The headline was all the story there is.
		body = []domain.Paragraph{{Text: a.Title, SourceOffset: -1}}
		a.Title = ""
		a.Warn("no_title", "post has one line of story; it is the body, not a headline")
	}
	a.SetBody(body)
	return a, nil
}

func tgUniq(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// tgHeadline sets the title from the post's first line when it reads as
// one — bold as a whole, or short, unpunctuated and set apart by a blank
// line — and returns the index of the first line after it. Otherwise the
// post has no title: a first sentence is the story's lead, not a headline.
func tgHeadline(a *domain.Article, lines []tgLine) int {
	first := -1
	for i, l := range lines {
		if l.plain != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return 0
	}
	l := lines[first]
	next := -1 // the next content line
	blank := false
	for j := first + 1; j < len(lines); j++ {
		if lines[j].plain != "" {
			next = j
			break
		}
		blank = true
	}
	title := strings.TrimFunc(l.plain, func(r rune) bool { return isDecoration(r) || isSpace(r) })
	n := utf8.RuneCountInString(title)
	switch {
	case next < 0 || title == "" || l.linkOnly || reURLStart.MatchString(title):
	case tgWholeBold(l.raw, lines, first) && n <= 250:
		a.Title = title
		a.Warn("title_guess", "the post's first line is bold as a whole; read as the headline")
		return first + 1
	case blank && n <= 120 && len(strings.Fields(title)) >= 3 && !strings.ContainsAny(lastRunes(title, 1), ".:;,…") &&
		!reInnerSentence.MatchString(title):
		a.Title = title
		a.Warn("title_guess", "the post's first line is short, unpunctuated and set apart by a blank line; read as the headline")
		return first + 1
	}
	a.Warn("no_title", "the post's first line does not read as a headline (not bold, not a short line apart); no title")
	return 0
}

// tgWholeBold: the line is one bold span ("**Headline**", "⚡️**Headline**"),
// or a bold span the next line closes ("**Headline\n**").
func tgWholeBold(raw string, lines []tgLine, i int) bool {
	st := strings.TrimLeftFunc(raw, isDecoration)
	lead := len(st) - len(strings.TrimLeft(st, "*_"))
	if !strings.Contains(st[:lead], "**") {
		return false
	}
	rest := st[lead:]
	core := strings.TrimRightFunc(rest, func(r rune) bool { return r == '*' || r == '_' || isDecoration(r) })
	if strings.Contains(core, "**") || strings.TrimSpace(core) == "" {
		return false
	}
	if strings.Contains(rest[len(core):], "**") {
		return true
	}
	return i+1 < len(lines) && strings.HasPrefix(strings.TrimLeft(lines[i+1].raw, "_"), "**")
}

// tgReadAll reads posts in order, with the furniture of each channel found
// over all of them.
func tgReadAll(posts []tgPost) ([]*domain.Article, []error) {
	rep := tgRepeated(posts)
	arts := make([]*domain.Article, len(posts))
	errs := make([]error, len(posts))
	for i, p := range posts {
		a, err := tgArticle(p, rep[p.chanKey])
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", p.where, err)
			continue
		}
		arts[i] = a
	}
	return arts, errs
}
