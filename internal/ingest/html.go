package ingest

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/unicode/norm"

	"github.com/parallaxnews/parallax/internal/domain"
)

// readHTML extracts the main text and metadata of an HTML page.
//
// The bytes are decoded by the declared charset (BOM, then Content-Type,
// then <meta>), normalised to NFC and parsed once. go-trafilatura picks the
// main content (with its readability/dom-distiller fallback) and most
// metadata; the body paragraphs are the block elements of that content.
// Dates are read from meta tags and JSON-LD first because those keep the
// time and its precision, which trafilatura's date (a day) loses.
func readHTML(source string, data []byte, contentType string) (*domain.Article, error) {
	a := &domain.Article{Source: source, Format: string(FormatHTML)}
	text, err := htmlDecode(a, data, contentType)
	if err != nil {
		return nil, err
	}
	closed := htmlClosed(text)
	if t, cut := htmlCapNesting(text, htmlMaxTagDepth); cut {
		text = t
		a.Warn("markup-too-deep", "tags nested deeper than %d levels were dropped (their text is kept)", htmlMaxTagDepth)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	if htmlFlattenDeep(doc, htmlMaxDepth) {
		a.Warn("markup-deep", "elements nested deeper than %d levels were flattened to their text", htmlMaxDepth)
	}
	meta := htmlScanMeta(doc)
	htmlSanitize(doc)

	res, err := htmlExtract(doc, source)
	if err != nil {
		return nil, err
	}
	md := res.Metadata
	// Metadata strings come from attributes and <title>, where markup is
	// literal text ("Evil <img onerror=…> News"): keep only their words.
	site := htmlMetaText(md.Sitename)

	a.URL = webArticleURL(a, source, meta.canonical, md.URL)
	if a.URL == "" {
		a.URL = webHTTPURL(source)
	}
	pageURL := firstNonEmpty(a.URL, source)
	a.Title = htmlMetaText(md.Title)
	if a.Title == "" {
		a.Title = meta.title
	}
	a.Title = htmlTitleFromHeading(a.Title, meta)
	a.Title = htmlStripSiteName(a.Title, site, pageURL)
	for _, au := range strings.Split(md.Author, ";") {
		if au = htmlMetaText(au); au != "" && !htmlAuthorIsSite(au, site, pageURL) {
			a.Authors = append(a.Authors, au)
		}
	}
	a.Published = meta.published
	if a.Published == nil && !md.Date.IsZero() {
		// trafilatura (htmldate) gives a day only.
		d := md.Date
		a.Published = &domain.Timestamp{Time: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionDate}
	}
	a.Updated = meta.updated
	switch {
	case meta.lang != "":
		a.Language = meta.lang
	case md.Language != "":
		a.Language = md.Language
	}
	if htmlLetters(site) != "" {
		// The domain only from a URL the page really has; none is invented.
		a.Outlet = &domain.Outlet{Name: site, Domain: webHost(a.URL), Matched: "site name in page metadata"}
	}

	paras := htmlParagraphs(res.ContentNode)
	if len(paras) == 1 {
		paras = htmlResplit(doc, paras)
	}
	if lead := htmlLead(doc, md.Description); lead != "" && !htmlHasText(paras, lead) {
		// The standfirst printed under the headline repeats the meta
		// description; extractors often leave it out with the header.
		paras = append([]string{lead}, paras...)
	}
	paras, above := htmlDropTitle(paras, a.Title, htmlMetaText(md.Title), meta.title)
	for _, p := range above {
		a.Blocks = append(a.Blocks, domain.Block{Kind: domain.BlockHeader, Text: p, SourceOffset: -1, Reason: "above the headline"})
	}
	capList := htmlCaptionList(doc)
	captions := make(map[string]bool, len(capList))
	for _, c := range capList {
		captions[c.text] = true
	}
	var body []domain.Paragraph
	seen := make(map[string]bool, len(paras))
	repeats := 0
	for _, p := range paras {
		if captions[p] {
			continue
		}
		if htmlIsRepeat(p, body, seen) {
			// Extractors (and pages printing a teaser list twice) give
			// some blocks twice; a story never needs the same paragraph
			// twice to be read.
			repeats++
			continue
		}
		seen[p] = true
		if htmlIsRelated(p) {
			a.Blocks = append(a.Blocks, domain.Block{Kind: domain.BlockRelated, Text: p, SourceOffset: -1, Reason: "read-also lead-in"})
			continue
		}
		body = append(body, domain.Paragraph{Text: p, SourceOffset: -1})
	}
	// Copyright lines and calls to subscribe or follow at the end are the
	// site's footer, not the story.
	for len(body) > 1 {
		last := body[len(body)-1].Text
		reason := ""
		switch {
		case htmlIsFooter(last):
			reason = "copyright line at the end"
		case htmlIsCallToAction(last):
			reason = "call to action at the end"
		default:
		}
		if reason == "" {
			break
		}
		a.Blocks = append(a.Blocks, domain.Block{Kind: domain.BlockFooter, Text: last, SourceOffset: -1, Reason: reason})
		body = body[:len(body)-1]
	}
	if repeats > 0 {
		a.Warn("repeated-paragraphs", "%d paragraph(s) extracted a second time were dropped", repeats)
	}
	if !closed {
		a.Warn("page-truncated", "the page ends without </body> or </html>; it may have been cut off")
	}
	if n := htmlWords(body); n > 0 && n < htmlMinBodyWords {
		// What is left is a headline, a site name or a fragment (a page
		// cut off before its story): no report to read, so no body, and
		// the caller skips it as having none.
		a.Warn("body-too-short", "the page's text is only %d word(s) besides the headline; not read as a report", n)
		body = nil
	}
	a.SetBody(body)
	for _, c := range capList {
		a.Blocks = append(a.Blocks, domain.Block{Kind: c.kind, Text: c.text, SourceOffset: -1, Reason: c.reason})
	}
	return a, nil
}

// htmlExtract runs trafilatura, turning a panic inside it into an error:
// broken markup must never take the whole run down.
func htmlExtract(doc *html.Node, source string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("HTML extraction failed on malformed page: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, perr := url.Parse(source); perr == nil && (u.Scheme == "http" || u.Scheme == "https") {
		opts.OriginalURL = u
	}
	// The readability fallback costs a third of the time; it only
	// changes the outcome where trafilatura alone found little, so run it
	// only then.
	opts.EnableFallback = false
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || utf8.RuneCountInString(res.ContentText) < htmlFallbackBelow {
		opts.EnableFallback = true
		res, err = trafilatura.ExtractDocument(doc, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("no main text found in HTML page: %w", err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, errors.New("no main text found in HTML page")
	}
	return res, nil
}

// htmlFallbackBelow is the length of main text (in characters) under
// which the extraction is redone with the fallback extractors.
var htmlFallbackBelow = 1000

// htmlMetaCharset finds a charset declared in a <meta> tag; pages put it
// anywhere in the head, so look further than the 1024 bytes of the HTML5
// prescan.
var htmlMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// htmlDecode converts the page to NFC UTF-8 by its declared charset.
func htmlDecode(a *domain.Article, data []byte, contentType string) (string, error) {
	var (
		enc  encoding.Encoding
		name string
	)
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		enc, name = nil, "utf-8"
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		enc, name, _ = charset.DetermineEncoding(data, "")
	default:
		if _, params, ok := strings.Cut(contentType, "charset="); ok {
			label := strings.Trim(strings.TrimSpace(strings.SplitN(params, ";", 2)[0]), `"'`)
			enc, name = charset.Lookup(label)
		}
		if enc == nil {
			head := data
			if len(head) > 32<<10 {
				head = head[:32<<10]
			}
			if m := htmlMetaCharset.FindSubmatch(head); m != nil {
				enc, name = charset.Lookup(string(m[1]))
			}
		}
	}
	if name == "" || name == "utf-8" {
		if !utf8.Valid(data) {
			if name == "" {
				// Nothing declared and not UTF-8: the web's usual legacy default.
				enc, name = charset.Lookup("windows-1252")
				a.Warn("charset-guessed", "no charset declared and the page is not UTF-8; read as windows-1252")
			} else {
				a.Warn("invalid-utf8", "page declared UTF-8 but holds invalid bytes; they were replaced")
			}
		}
	} else if htmlMultibyteUTF8(data) && (name == "windows-1252" || name == "iso-8859-2" || name == "windows-1250") {
		// A page declared single-byte Latin that is valid UTF-8 with
		// multi-byte sequences was saved as UTF-8 and mislabelled.
		a.Warn("charset-mislabelled", "page declared %s but is valid UTF-8; read as UTF-8", name)
		name = "utf-8"
	}
	var text []byte
	if name == "utf-8" || enc == nil {
		text = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	} else {
		var err error
		text, err = enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decoding HTML as %s: %w", name, err)
		}
	}
	return norm.NFC.String(string(text)), nil
}

// htmlMultibyteUTF8 reports valid UTF-8 that has non-ASCII characters.
func htmlMultibyteUTF8(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// htmlMeta is what the reader takes from the page head itself.
type htmlMeta struct {
	title              string
	canonical          string
	headings           []string // h1 and h2 texts, in order
	lang               string
	published, updated *domain.Timestamp
}

// htmlJSONLDDate pulls dates out of JSON-LD without decoding it: the
// blocks are often invalid JSON (trailing commas, HTML entities).
var htmlJSONLDDate = regexp.MustCompile(`"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{4,40})"`)

// htmlScanMeta reads title, canonical URL, language and dates from meta
// tags, <link rel=canonical>, <html lang> and JSON-LD.
func htmlScanMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	var pubs, mods []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if l := htmlAttr(n, "lang"); l != "" {
					m.lang = strings.ToLower(strings.SplitN(strings.SplitN(l, "-", 2)[0], "_", 2)[0])
				}
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = htmlMetaText(n.FirstChild.Data)
				}
			case atom.Link:
				if strings.EqualFold(htmlAttr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(htmlAttr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(htmlAttr(n, "property"), htmlAttr(n, "name"), htmlAttr(n, "itemprop")))
				val := strings.TrimSpace(htmlAttr(n, "content"))
				switch key {
				case "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "og:published_time", "sailthru.date", "parsely-pub-date":
					pubs = append(pubs, val)
				case "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "lastmod":
					mods = append(mods, val)
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(htmlAttr(n, "type")), "ld+json") && n.FirstChild != nil {
					for _, sm := range htmlJSONLDDate.FindAllStringSubmatch(n.FirstChild.Data, 8) {
						if sm[1] == "dateModified" {
							mods = append(mods, sm[2])
						} else {
							pubs = append(pubs, sm[2])
						}
					}
				}
				return
			case atom.Body:
				// Dates and links below the head belong to teasers as often as
				// to the story; JSON-LD in the body is still read.
				htmlScanBodyScripts(n, &pubs, &mods, &m.headings)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.published = webFirstDate(pubs)
	m.updated = webFirstDate(mods)
	return m
}

func htmlScanBodyScripts(n *html.Node, pubs, mods *[]string, heads *[]string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			// Microdata dates (<time itemprop="datePublished" datetime=…>).
			switch strings.ToLower(htmlAttr(c, "itemprop")) {
			case "datepublished", "datecreated":
				*pubs = append(*pubs, firstNonEmpty(htmlAttr(c, "datetime"), htmlAttr(c, "content")))
			case "datemodified":
				*mods = append(*mods, firstNonEmpty(htmlAttr(c, "datetime"), htmlAttr(c, "content")))
			}
			if c.DataAtom == atom.H1 || c.DataAtom == atom.H2 {
				if t := htmlParagraphs(c); len(t) == 1 && len(*heads) < 16 {
					*heads = append(*heads, t[0])
				}
			}
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Script {
			if strings.Contains(strings.ToLower(htmlAttr(c, "type")), "ld+json") && c.FirstChild != nil {
				for _, sm := range htmlJSONLDDate.FindAllStringSubmatch(c.FirstChild.Data, 8) {
					if sm[1] == "dateModified" {
						*mods = append(*mods, sm[2])
					} else {
						*pubs = append(*pubs, sm[2])
					}
				}
			}
			continue
		}
		htmlScanBodyScripts(c, pubs, mods, heads)
	}
}

func webFirstDate(vals []string) *domain.Timestamp {
	for _, v := range vals {
		if ts := webParseDate(v); ts != nil {
			return ts
		}
	}
	return nil
}

// webDateLayouts are the machine-readable date forms of meta tags, JSON-LD,
// feeds and crawlers, each with the precision it carries. Layouts without a
// zone are read as UTC and marked inferred.
var webDateLayouts = []struct {
	layout string
	prec   domain.Precision
	zone   bool
}{
	{time.RFC3339Nano, domain.PrecisionSecond, true},
	{"2006-01-02T15:04:05.999999999Z0700", domain.PrecisionSecond, true},
	{"2006-01-02T15:04Z07:00", domain.PrecisionMinute, true},
	{"2006-01-02T15:04Z0700", domain.PrecisionMinute, true},
	{"2006-01-02 15:04:05Z07:00", domain.PrecisionSecond, true},
	{"2006-01-02 15:04:05 -0700", domain.PrecisionSecond, true},
	{"2006-01-02 15:04:05 -0700 MST", domain.PrecisionSecond, true},
	{time.RFC1123Z, domain.PrecisionSecond, true},
	{time.RFC1123, domain.PrecisionSecond, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", domain.PrecisionSecond, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", domain.PrecisionSecond, true},
	{"Mon, 2 Jan 2006 15:04 -0700", domain.PrecisionMinute, true},
	{"2 Jan 2006 15:04:05 -0700", domain.PrecisionSecond, true},
	{"2006-01-02T15:04:05.999999999", domain.PrecisionSecond, false},
	{"2006-01-02 15:04:05.999999999", domain.PrecisionSecond, false},
	{"2006-01-02T15:04", domain.PrecisionMinute, false},
	{"2006-01-02 15:04", domain.PrecisionMinute, false},
	{"2006-01-02", domain.PrecisionDate, true},
	{"2006/01/02", domain.PrecisionDate, true},
	{"20060102", domain.PrecisionDate, true},
}

// webParseDate reads a machine-readable date, keeping the source's zone
// offset (so the calendar day stays the outlet's) and its precision.
func webParseDate(s string) *domain.Timestamp {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return nil
	}
	for _, l := range webDateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return nil
		}
		return &domain.Timestamp{Time: t, Precision: l.prec, Inferred: !l.zone}
	}
	return nil
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// htmlClean collapses white space.
func htmlClean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// htmlBlock lists the elements that end a paragraph of running text.
var htmlBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Main: true,
	atom.Aside: true, atom.Hr: true, atom.Br: true, atom.Body: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// htmlParagraphs turns the extracted content into paragraphs: text joined
// across inline markup the way a browser renders it, split at block
// elements and line breaks; table cells of a row are joined by spaces.
func htmlParagraphs(root *html.Node) []string {
	var (
		out []string
		cur strings.Builder
	)
	flush := func() {
		if t := htmlClean(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch htmlAtom(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Rt, atom.Rp, atom.Template, atom.Svg, atom.Iframe, atom.Button, atom.Select:
				return
			case atom.Td, atom.Th:
				cur.WriteByte(' ')
			}
		}
		if depth > 512 {
			return
		}
		block := n.Type == html.ElementNode && htmlBlock[htmlAtom(n)]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root, 0)
	}
	flush()
	return out
}

// htmlDropTitle removes the headline where the content repeats it near
// the top: the title is metadata, never body text. Short lines above it
// (section links, kickers, dates) are page chrome and are returned apart.
//
// The headline is recognised in any of its forms (the title chosen, the
// extractor's and the raw <title> with the site name), compared by their
// letters and digits only, so "Story | Site" and "Story" both match.
func htmlDropTitle(paras []string, titles ...string) (body, above []string) {
	keys := make([]string, 0, len(titles))
	for _, t := range titles {
		if k := htmlLetters(t); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return paras, nil
	}
	isTitle := func(p string) bool { return slices.Contains(keys, htmlLetters(p)) }
	for i := 0; i < len(paras) && i < 8; i++ {
		if !isTitle(paras[i]) {
			continue
		}
		// The <title> and the <h1> may both be there, one after the other.
		j := i + 1
		for j < len(paras) && isTitle(paras[j]) {
			j++
		}
		for _, p := range paras[:i] {
			if len(p) > 120 {
				// Real text above the headline: keep everything.
				return append(paras[:i:i], paras[j:]...), nil
			}
		}
		return paras[j:], paras[:i]
	}
	return paras, nil
}

type htmlCaption struct {
	kind   domain.BlockKind
	text   string
	reason string
}

// htmlCaptionList collects figure captions and credits from the page.
func htmlCaptionList(doc *html.Node) []htmlCaption {
	var out []htmlCaption
	seen := map[string]bool{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Nav, atom.Footer:
				return
			case atom.Figcaption:
				for _, t := range htmlParagraphs(n) {
					if !seen[t] {
						seen[t] = true
						out = append(out, htmlCaption{kind: htmlCaptionKind(n), text: t, reason: "figcaption"})
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return out
}

// htmlCaptionKind tells a credit line from a caption by its class.
func htmlCaptionKind(n *html.Node) domain.BlockKind {
	cls := strings.ToLower(htmlAttr(n, "class"))
	if strings.Contains(cls, "credit") || strings.Contains(cls, "copyright") {
		return domain.BlockCredit
	}
	return domain.BlockCaption
}

//go:embed data/related-prefixes.txt
var htmlRelatedData string

// htmlRelatedPrefixes are the lead-ins of data/related-prefixes.txt.
var htmlRelatedPrefixes = func() []string {
	var out []string
	for _, l := range strings.Split(htmlRelatedData, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// htmlIsRelated reports a short paragraph that opens with a "read also"
// lead-in followed by a colon or dash: a teaser for another story.
func htmlIsRelated(p string) bool {
	if len(p) > 400 {
		return false
	}
	lower := strings.ToLower(p)
	for _, pre := range htmlRelatedPrefixes {
		rest, ok := strings.CutPrefix(lower, pre)
		if !ok {
			continue
		}
		if len(p) < 100 && strings.HasSuffix(p, ":") {
			// A heading over a list of links ("Read also these stories:").
			return true
		}
		rest = strings.TrimLeft(rest, " \u00a0")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, "»") ||
			strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, ">") {
			return true
		}
	}
	return false
}

// htmlTitleSeps split a page title from the site name appended to it.
var htmlTitleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "}

// htmlStripSiteName removes the site name that <title> and og:title often
// carry ("Story – Outlet"), recognised by the page's site name or host.
func htmlStripSiteName(title, site, pageURL string) string {
	host := ""
	if u, err := url.Parse(pageURL); err == nil {
		host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	isSite := func(part string) bool {
		p := htmlLetters(part)
		if p == "" {
			return false
		}
		if s := htmlLetters(site); s != "" && (p == s || strings.HasPrefix(p, s) || strings.HasPrefix(s, p)) {
			return true
		}
		if host == "" {
			return false
		}
		h := htmlLetters(host)
		first := htmlLetters(strings.SplitN(host, ".", 2)[0])
		return p == h || p == first || (len(p) >= 4 && strings.HasPrefix(h, p))
	}
	for _, sep := range htmlTitleSeps {
		i := strings.LastIndex(title, sep)
		if i > 0 && isSite(title[i+len(sep):]) {
			return strings.TrimSpace(title[:i])
		}
		if j := strings.Index(title, sep); j > 0 && isSite(title[:j]) {
			return strings.TrimSpace(title[j+len(sep):])
		}
	}
	return title
}

// htmlLetters keeps the lower-cased letters and digits of s.
func htmlLetters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// htmlAuthorIsSite reports an author field that names the site or its
// domain ("Example De" from example.de) rather than a person.
func htmlAuthorIsSite(author, site, pageURL string) bool {
	a := htmlLetters(author)
	if a == "" || a == "noauthor" {
		return true
	}
	if s := htmlLetters(site); s != "" && a == s {
		return true
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		if a == htmlLetters(host) || a == htmlLetters(strings.SplitN(host, ".", 2)[0]) {
			return true
		}
	}
	return false
}

// htmlAtom is the element's atom; trafilatura builds its output nodes with
// only the tag name set, so look the name up when the atom is missing.
func htmlAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// htmlTitleFromHeading prefers the page's own headline where trafilatura
// took the site-name half of a "Site - Headline" <title>: the other half
// of <title> that a heading repeats is the headline.
func htmlTitleFromHeading(title string, meta htmlMeta) string {
	for _, h := range meta.headings {
		if h == title {
			return title
		}
	}
	for _, sep := range htmlTitleSeps {
		for _, part := range strings.Split(meta.title, sep) {
			part = strings.TrimSpace(part)
			if part == "" || part == title || !strings.Contains(meta.title, title) {
				continue
			}
			for _, h := range meta.headings {
				if h == part {
					return h
				}
			}
		}
	}
	return title
}

// htmlFooterMarks open or close the copyright lines sites print under a
// story; a short last paragraph carrying one is kept as a footer block.
var htmlFooterMarks = []string{"©", "(c) ", "&copy;", "all rights reserved", "alle rechte vorbehalten", "todos los derechos reservados", "tous droits réservés", "wszelkie prawa zastrzeżone", "все права защищены", "direitos reservados", "tutti i diritti riservati"}

func htmlIsFooter(p string) bool {
	if len(p) > 300 {
		return false
	}
	lower := strings.ToLower(p)
	for _, m := range htmlFooterMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// htmlMaxDepth bounds element nesting. Real pages stay under a hundred
// levels; trafilatura's run time grows much faster than linearly with depth,
// so a page of 20,000 nested <div>s would take minutes.
const htmlMaxDepth = 160

// htmlFlattenDeep replaces every element at depth limit with a text node
// holding its text, keeping the words and dropping the nesting. It reports
// whether anything was flattened.
func htmlFlattenDeep(doc *html.Node, limit int) bool {
	type item struct {
		n     *html.Node
		depth int
	}
	flattened := false
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if it.depth+1 < limit {
				stack = append(stack, item{c, it.depth + 1})
				continue
			}
			if c.FirstChild == nil {
				continue
			}
			text := &html.Node{Type: html.TextNode, Data: htmlTextOf(c)}
			for c.FirstChild != nil {
				c.RemoveChild(c.FirstChild)
			}
			c.AppendChild(text)
			flattened = true
		}
	}
	return flattened
}

// htmlTextOf joins the text under n without recursion (n may be deep).
func htmlTextOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			continue
		}
		if x.Type == html.ElementNode && (x.DataAtom == atom.Script || x.DataAtom == atom.Style) {
			continue
		}
		if x.Type == html.ElementNode && htmlBlock[x.DataAtom] {
			b.WriteByte('\n')
		}
		// Push children in reverse so they pop in document order.
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// htmlMaxTagDepth bounds tag nesting before parsing: the HTML parser's
// time grows with the square of the depth (20,000 nested <div>s take
// seconds), and no real page comes near it.
const htmlMaxTagDepth = 1000

// htmlSelfClosing are elements whose start tags never nest: void elements
// and those the parser closes implicitly (an unclosed <p> or <li> is common
// and must not count as depth).
var htmlSelfClosing = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true,
	atom.Option: true, atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Rb: true, atom.Rt: true, atom.Rp: true,
}

// htmlCapNesting drops start and end tags nested deeper than limit, keeping
// all text, in one linear pass of the tokenizer. It returns the input
// unchanged (and false) when nothing is that deep.
func htmlCapNesting(src string, limit int) (string, bool) {
	if htmlRoughDepth(src) < limit {
		return src, false
	}
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	depth, cut := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if htmlSelfClosing[atom.Lookup(name)] {
				break
			}
			depth++
			if depth > limit {
				cut = true
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if htmlSelfClosing[atom.Lookup(name)] {
				break
			}
			depth--
			if depth >= limit {
				continue
			}
			if depth < 0 {
				depth = 0
			}
		}
		b.Write(raw)
	}
	if !cut {
		return src, false
	}
	return b.String(), true
}

//go:embed data/call-to-action.txt
var htmlCallData string

// htmlCallPhrases are the phrases of data/call-to-action.txt.
var htmlCallPhrases = func() []string {
	var out []string
	for _, l := range strings.Split(htmlCallData, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// htmlIsCallToAction reports a short paragraph asking the reader to
// subscribe, log in or follow.
func htmlIsCallToAction(p string) bool {
	if len(p) > 160 {
		return false
	}
	lower := strings.ToLower(p)
	for _, ph := range htmlCallPhrases {
		if strings.Contains(lower, ph) {
			return true
		}
	}
	return false
}

// htmlLead finds the lead paragraph (standfirst) of the page: a block in
// the body whose text is the meta description. It returns "" when the
// description is short or printed nowhere in the body.
func htmlLead(doc *html.Node, desc string) string {
	desc = htmlClean(desc)
	desc = strings.TrimSuffix(strings.TrimSuffix(desc, "..."), "…")
	if utf8.RuneCountInString(desc) < 60 {
		return ""
	}
	probe := desc
	if len(probe) > 30 {
		probe = probe[:30]
		for !utf8.ValidString(probe) {
			probe = probe[:len(probe)-1]
		}
	}
	var found string
	var walk func(n *html.Node, inBody bool, depth int) bool
	walk = func(n *html.Node, inBody bool, depth int) bool {
		if depth > htmlMaxDepth {
			return false
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template:
				return false
			case atom.Body:
				inBody = true
			}
		}
		if inBody && n.Type == html.TextNode && strings.Contains(htmlClean(n.Data), probe) {
			// Climb to the nearest block and compare its whole text.
			for b := n.Parent; b != nil; b = b.Parent {
				if b.Type == html.ElementNode && htmlBlock[b.DataAtom] {
					text := strings.Join(htmlParagraphs(b), " ")
					if text == desc || (strings.HasPrefix(text, desc) && len(text) < 2*len(desc)+200) {
						found = text
						return true
					}
					break
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, inBody, depth+1) {
				return true
			}
		}
		return false
	}
	walk(doc, false, 0)
	return found
}

// htmlHasText reports whether the paragraphs already hold the start of s.
func htmlHasText(paras []string, s string) bool {
	head := s
	if len(head) > 60 {
		head = head[:60]
		for !utf8.ValidString(head) {
			head = head[:len(head)-1]
		}
	}
	for _, p := range paras {
		if strings.Contains(p, head) {
			return true
		}
	}
	return false
}

// htmlRoughDepth over-estimates the nesting depth in one cheap byte scan
// (void and unclosed elements count as open), so the exact tokenizer pass
// runs only on pages that might need it.
func htmlRoughDepth(src string) int {
	depth, most := 0, 0
	for i := 0; i+1 < len(src); i++ {
		if src[i] != '<' {
			continue
		}
		c := src[i+1]
		switch {
		case c == '/':
			if depth > 0 {
				depth--
			}
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			depth++
			if depth > most {
				most = depth
			}
		}
	}
	return most
}

// htmlAbsURL resolves a canonical link against the page's own URL; a
// relative link on a page read from a file is dropped, not guessed.
func htmlAbsURL(link, source string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || link == "" {
		return ""
	}
	if u.IsAbs() {
		if u.Scheme != "http" && u.Scheme != "https" {
			return ""
		}
		return u.String()
	}
	base, err := url.Parse(source)
	if err != nil || !base.IsAbs() || base.Host == "" {
		return ""
	}
	return base.ResolveReference(u).String()
}

// htmlHidden are the elements whose contents a reader never sees as text.
var htmlHidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true,
}

// htmlSanitize removes the elements whose contents are never text a reader
// sees, so that no extractor takes a script for a headline, author or
// paragraph (trafilatura reads the title and the fallback body with the
// raw text content of elements). JSON-LD blocks carry metadata and are
// moved to the head instead.
func htmlSanitize(doc *html.Node) {
	var head *html.Node
	var drop, move []*html.Node
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Head && head == nil:
				head = n
			case n.DataAtom == atom.Script && strings.Contains(strings.ToLower(htmlAttr(n, "type")), "ld+json"):
				if n.Parent != nil && n.Parent.DataAtom != atom.Head {
					move = append(move, n)
				}
				continue
			case htmlHidden[n.DataAtom]:
				drop = append(drop, n)
				continue
			case n.DataAtom == atom.Meta:
				// trafilatura strips the tags of a meta author but keeps a
				// script's words ("Document Cookielena Marsh").
				for i, at := range n.Attr {
					if strings.EqualFold(at.Key, "content") && htmlLooksTagged(at.Val) {
						n.Attr[i].Val = htmlMetaText(at.Val)
					}
				}
			case n.DataAtom == atom.Title:
				if c := n.FirstChild; c != nil && c.Type == html.TextNode && htmlLooksTagged(c.Data) {
					c.Data = htmlMetaText(c.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	for _, n := range move {
		n.Parent.RemoveChild(n)
		if head != nil {
			head.AppendChild(n)
		}
	}
}

// htmlMetaText is the plain text of a metadata string: markup written
// into it (a literal "<script>…</script>" in <title>, "<img …>" in a site
// name) is dropped with the contents of scripts and styles, and white
// space collapsed. The string is already unescaped, so text is kept raw.
func htmlMetaText(s string) string {
	if !htmlLooksTagged(s) {
		return htmlClean(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	hidden := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return htmlClean(b.String())
		case html.TextToken:
			if hidden == 0 {
				b.Write(z.Raw())
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case htmlHidden[a] || a == atom.Title || a == atom.Textarea:
				if tt == html.StartTagToken {
					hidden++
				} else if hidden > 0 {
					hidden--
				}
			case htmlBlock[a] || a == atom.Br:
				b.WriteByte(' ')
			}
		}
	}
}

// htmlLooksTagged reports a '<' that opens a tag, end tag or comment.
func htmlLooksTagged(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// webHTTPURL returns s when it is an absolute http(s) URL with a host,
// else "".
func webHTTPURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}

// webHost is the lower-cased host of an http(s) URL without "www.".
func webHost(s string) string {
	u, err := url.Parse(webHTTPURL(s))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// webArticleURL picks the article's URL from the page's links, best
// first: only an absolute http(s) URL (a relative one resolved against
// the page's own URL) may name the article. A "javascript:" or "data:"
// link, or a relative one on a saved page, is dropped with a warning.
func webArticleURL(a *domain.Article, base string, links ...string) string {
	for i, l := range links {
		l = strings.TrimSpace(l)
		if l == "" || slices.Contains(links[:i], l) {
			continue
		}
		if u := htmlAbsURL(l, base); webHTTPURL(u) != "" {
			return u
		}
		shown := l
		if len(shown) > 80 {
			shown = shown[:80] + "…"
		}
		a.Warn("url-rejected", "page link %q is not an absolute http(s) URL; not used as the article's URL", shown)
	}
	return ""
}

// htmlResplit undoes the flattening of trafilatura's last-resort
// extraction, which on short pages returns a whole <article> or <body>
// as one paragraph, headline included. When that paragraph is the text
// of an element of the page, the element's own blocks are the paragraphs
// (those that are part of the flattened text, in order).
func htmlResplit(doc *html.Node, paras []string) []string {
	target := htmlSquash(paras[0])
	if len(target) < 2 {
		return paras
	}
	// The page's visible text without white space, and each element's
	// span in it; the fallback drops asides and footers, and so does this.
	var all strings.Builder
	type span struct {
		n          *html.Node
		start, end int
	}
	var spans []span
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			all.WriteString(htmlSquash(n.Data))
			return
		case html.ElementNode:
			if htmlResplitSkip(n) {
				return
			}
		}
		start := all.Len()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode {
			spans = append(spans, span{n, start, all.Len()})
		}
	}
	walk(doc, 0)
	text := all.String()
	i := strings.Index(text, target)
	if i < 0 {
		return paras
	}
	// Spans are appended children first, so the first that covers the
	// match is the innermost.
	var best *html.Node
	for _, s := range spans {
		if s.start <= i && s.end >= i+len(target) {
			best = s.n
			break
		}
	}
	if best == nil {
		return paras
	}
	var out []string
	covered := 0
	for _, p := range htmlParagraphs(best) {
		if sq := htmlSquash(p); strings.Contains(target, sq) {
			out = append(out, p)
			covered += len(sq)
		}
	}
	if len(out) < 2 || covered*10 < len(target)*9 {
		return paras
	}
	return out
}

// htmlResplitSkip mirrors the elements the fallback leaves out.
func htmlResplitSkip(n *html.Node) bool {
	switch htmlAtom(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Rt, atom.Rp, atom.Template, atom.Svg, atom.Iframe, atom.Button, atom.Select, atom.Aside, atom.Footer:
		return true
	case atom.Div:
		return strings.Contains(htmlAttr(n, "id"), "footer") || strings.Contains(htmlAttr(n, "class"), "footer")
	}
	return false
}

// htmlSquash drops all white space, so texts joined with and without
// spaces compare equal.
func htmlSquash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// htmlMinBodyWords is the fewest words a page's body must have to be read
// as a report: less is not one sentence of news.
const htmlMinBodyWords = 5

// htmlWords counts the words of the body.
func htmlWords(body []domain.Paragraph) int {
	n := 0
	for _, p := range body {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// htmlIsRepeat reports a paragraph that repeats the one just before it,
// or any earlier one when it is long enough (five words or 40
// characters) not to be a short line a story may well say twice ("Ja.").
func htmlIsRepeat(p string, body []domain.Paragraph, seen map[string]bool) bool {
	if !seen[p] {
		return false
	}
	if len(body) > 0 && body[len(body)-1].Text == p {
		return true
	}
	return len(strings.Fields(p)) >= 5 || utf8.RuneCountInString(p) >= 40
}

// htmlClosed reports whether the page closes its body or document: a
// saved or fetched page cut short ends without either. Only the tail is
// looked at.
func htmlClosed(text string) bool {
	tail := text
	if len(tail) > 64<<10 {
		tail = tail[len(tail)-64<<10:]
	}
	tail = strings.ToLower(tail)
	return strings.Contains(tail, "</body") || strings.Contains(tail, "</html")
}
