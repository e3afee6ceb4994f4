package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/parallaxnews/parallax/internal/domain"
)

// feedSummaryMax is the length under which an item's text without full
// content counts as a summary: feeds that carry whole stories put them in
// content:encoded or a long description.
const feedSummaryMax = 600

// readFeed turns each item of an RSS or Atom feed into an article.
// content:encoded (or the description) becomes the body. An item that
// carries only a summary is replaced by its linked page when opts.Fetcher
// is set, keeping the feed's title and date where the page lacks them.
// A broken item gives one Item error naming the feed and the item.
func readFeed(ctx context.Context, source string, data []byte, opts Options) ([]*domain.Article, []Item, error) {
	var (
		arts  []*domain.Article
		items []Item
		pos   []int // each item's place in the document, when salvaged
	)
	feed, err := feedParse(data)
	if err != nil || len(feed.Items) < feedCountItems(data) {
		// One malformed item must not cost the others: the parser either
		// fails on the whole document or (a stray end tag) silently ends
		// it early. Read the items one by one, each broken one giving its
		// own error.
		salvaged, broken, serr := feedSalvage(data)
		switch {
		case serr != nil && err != nil:
			return nil, nil, fmt.Errorf("reading feed: %w", err)
		case serr == nil && (err != nil || len(salvaged.feed.Items) > len(feed.Items)):
			feed, pos = salvaged.feed, salvaged.pos
			for _, b := range broken {
				items = append(items, Item{Input: source, Err: b})
			}
		}
	}
	truncated := !feedClosed(data)
	// Sites whose pages could not be reached: one stalled site must not
	// cost a timeout and its retries for every one of its items.
	down := map[string]error{}
	if len(feed.Items) == 0 {
		if len(items) > 0 {
			return nil, items, nil
		}
		return nil, nil, skip(SkipEmptyFeed, "feed %q has no items", feed.Title)
	}
	for i, it := range feed.Items {
		if ctx.Err() != nil {
			items = append(items, Item{Input: source, Err: ctx.Err()})
			break
		}
		n := i
		if pos != nil {
			n = pos[i]
		}
		a, err := feedItem(ctx, source, feed, it, opts, down)
		if err != nil {
			items = append(items, Item{Input: source, Err: fmt.Errorf("%s: %w", feedItemName(n, it), err)})
			continue
		}
		if truncated && i == len(feed.Items)-1 {
			a.Warn("feed-truncated", "the feed ends before its closing tag; this last item may be cut off")
		}
		arts = append(arts, a)
	}
	return arts, items, nil
}

// feedCountItems counts the item (or entry) start tags of the document.
func feedCountItems(data []byte) int {
	starts, _ := feedItemStarts(data)
	return len(starts)
}

// feedClosed reports whether the document ends with its root's end tag;
// a feed cut off in transfer or by a size cap does not.
func feedClosed(data []byte) bool {
	tail := bytes.TrimSpace(data)
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	for _, c := range []string{"</rss>", "</feed>", "</rdf:RDF>"} {
		if bytes.Contains(tail, []byte(c)) {
			return true
		}
	}
	return false
}

// feedSalvaged is a feed read item by item: its items and where each
// stood among the document's items (0-based).
type feedSalvaged struct {
	feed *gofeed.Feed
	pos  []int
}

// feedLine finds the line number in an XML error message.
var feedLine = regexp.MustCompile(`line (\d+)`)

// feedSalvage reads a feed that does not parse as a whole, item by item:
// the channel (everything before the first item) and each item — from its
// start tag to the next item's, so an unclosed item ends there — are
// parsed as a feed of their own. It fails when the channel itself does
// not parse; otherwise it returns the items that parsed and one error per
// item that did not, with the line number of the original document.
func feedSalvage(data []byte) (feedSalvaged, []error, error) {
	starts, tag := feedItemStarts(data)
	if len(starts) == 0 {
		return feedSalvaged{}, nil, errors.New("no items found")
	}
	head := data[:starts[0]]
	end, tail := feedTail(data, head, starts[len(starts)-1])
	if (len(head)+len(tail))*len(starts) > 4*len(data)+1<<20 {
		// Each item is parsed with the channel around it: a huge channel
		// and many items would make that quadratic.
		return feedSalvaged{}, nil, errors.New("too many items to read one by one")
	}
	skeleton, err := feedParse(slices.Concat(head, tail))
	if err != nil {
		return feedSalvaged{}, nil, err
	}
	skeleton.Items = nil
	out := feedSalvaged{feed: skeleton}
	var broken []error
	headLines := bytes.Count(head, []byte("\n"))
	closeTag := []byte("</" + tag + ">")
	for i, st := range starts {
		stop := end
		if i+1 < len(starts) {
			stop = starts[i+1]
		}
		seg := data[st:stop]
		if j := bytes.LastIndex(seg, closeTag); j >= 0 {
			seg = seg[:j+len(closeTag)]
		} else {
			seg = slices.Concat(bytes.TrimRight(seg, " \t\r\n"), closeTag)
		}
		f, err := feedParse(slices.Concat(head, seg, tail))
		if err == nil && len(f.Items) != 1 {
			err = fmt.Errorf("%d items where one was expected", len(f.Items))
		}
		if err != nil {
			// Report the line of the original document, not of the piece.
			shift := bytes.Count(data[:st], []byte("\n")) - headLines
			msg := feedLine.ReplaceAllStringFunc(err.Error(), func(m string) string {
				n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
				return "line " + strconv.Itoa(n+shift)
			})
			broken = append(broken, fmt.Errorf("item %d: malformed, skipped: %s", i+1, msg))
			continue
		}
		out.feed.Items = append(out.feed.Items, f.Items[0])
		out.pos = append(out.pos, i)
	}
	return out, broken, nil
}

// feedItemStarts finds the start tags of RSS items or, failing those,
// Atom entries, and returns their offsets and the element name.
func feedItemStarts(data []byte) ([]int, string) {
	for _, tag := range []string{"item", "entry"} {
		var starts []int
		open := []byte("<" + tag)
		for i := 0; ; {
			j := bytes.Index(data[i:], open)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(open)
			if i < len(data) {
				switch data[i] {
				case '>', ' ', '\t', '\r', '\n', '/':
					starts = append(starts, at)
				}
			}
		}
		if len(starts) > 0 {
			return starts, tag
		}
	}
	return nil, ""
}

// feedTail returns where the last item's text ends and the closing tags
// of the document: those of the document itself when it has them, else
// the ones its root calls for (a feed cut off mid-item).
func feedTail(data, head []byte, last int) (int, []byte) {
	for _, c := range []string{"</channel>", "</feed>", "</rdf:RDF>"} {
		if j := bytes.LastIndex(data, []byte(c)); j > last {
			return j, data[j:]
		}
	}
	switch {
	case bytes.Contains(head, []byte("<rss")):
		return len(data), []byte("</channel></rss>")
	case bytes.Contains(head, []byte("rdf:RDF")):
		return len(data), []byte("</rdf:RDF>")
	default:
		return len(data), []byte("</feed>")
	}
}

// feedParse runs gofeed, turning a panic in it into an error.
func feedParse(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("malformed feed: %v", r)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err == nil && feed == nil {
		err = errors.New("empty feed")
	}
	return feed, err
}

// feedItemName names an item for error messages (the Item's Input names
// the feed): its position and its title or link.
func feedItemName(i int, it *gofeed.Item) string {
	label := strings.TrimSpace(firstNonEmpty(it.Title, it.Link, it.GUID))
	if len(label) > 80 {
		label = label[:80] + "…"
	}
	if label == "" {
		return fmt.Sprintf("item %d", i+1)
	}
	return fmt.Sprintf("item %d (%q)", i+1, label)
}

func feedItem(ctx context.Context, source string, feed *gofeed.Feed, it *gofeed.Item, opts Options, down map[string]error) (*domain.Article, error) {
	a := &domain.Article{Source: source, Format: string(FormatFeed)}
	// Titles of type="html" carry escaped markup; only their words count.
	a.Title = htmlMetaText(norm.NFC.String(html.UnescapeString(it.Title)))
	// Only an http(s) link names (and may fetch) the item's page; a
	// relative one is read against the feed's site.
	a.URL = webArticleURL(a, firstNonEmpty(webHTTPURL(feed.Link), source), append([]string{it.Link}, it.Links...)...)
	if a.URL != "" {
		a.Source = a.URL
	}
	for _, p := range it.Authors {
		if p != nil {
			if n := htmlMetaText(firstNonEmpty(p.Name, p.Email)); n != "" {
				a.Authors = append(a.Authors, n)
			}
		}
	}
	if len(a.Authors) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := htmlMetaText(c); n != "" {
				a.Authors = append(a.Authors, n)
			}
		}
	}
	a.Published = feedDate(a, it.Published, it.PublishedParsed, "publication")
	a.Updated = feedDate(a, it.Updated, it.UpdatedParsed, "update")
	if l := strings.ToLower(strings.TrimSpace(feed.Language)); len(l) >= 2 {
		a.Language = strings.SplitN(strings.SplitN(l, "-", 2)[0], "_", 2)[0]
	}
	if site := htmlMetaText(norm.NFC.String(html.UnescapeString(feed.Title))); htmlLetters(site) != "" {
		a.Outlet = &domain.Outlet{Name: site, Domain: webHost(feed.Link), Matched: "feed title"}
	}

	content := strings.TrimSpace(it.Content)
	summary := false
	if content == "" {
		content = strings.TrimSpace(it.Description)
		summary = true
	}
	paras := feedParagraphs(content)
	if summary && len(strings.Join(paras, " ")) < feedSummaryMax {
		host := webHost(a.URL)
		switch prev, isDown := down[host]; {
		case opts.Fetcher == nil || a.URL == "":
		case isDown:
			a.Warn("page-fetch-failed", "item has only a summary; its page was not fetched because %s could not be reached for an earlier item (%v)", host, prev)
		default:
			page, err := feedFetchPage(ctx, a.URL, opts)
			if err == nil {
				feedMerge(page, a)
				return page, nil
			}
			var (
				fetchErr feedFetchError
				status   *StatusError
			)
			if errors.As(err, &fetchErr) && !errors.As(err, &status) && !errors.Is(err, ErrTooLarge) {
				// No answer at all (timeout, refused, unknown host): the
				// site's other pages would fail the same way.
				down[host] = err
			}
			a.Warn("page-fetch-failed", "item has only a summary and its page could not be read: %v", err)
		}
		if len(paras) > 0 {
			a.Warn("summary-only", "the feed gives only a summary of this item; the body is that summary")
		}
	}
	if len(paras) == 0 {
		if a.Title == "" && a.URL == "" {
			return nil, errors.New("item has no title, link or text")
		}
		return nil, errors.New("item has no text")
	}
	body := make([]domain.Paragraph, len(paras))
	for i, p := range paras {
		body[i] = domain.Paragraph{Text: p, SourceOffset: -1}
	}
	a.SetBody(body)
	return a, nil
}

// feedDate takes gofeed's parsed date, or reads the raw one when gofeed
// could not; the precision comes from the raw string.
func feedDate(a *domain.Article, raw string, parsed *time.Time, what string) *domain.Timestamp {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	if ts := webParseDate(raw); ts != nil {
		return ts
	}
	if parsed != nil && !parsed.IsZero() {
		return &domain.Timestamp{Time: *parsed, Precision: domain.PrecisionSecond}
	}
	if ts, err := ParseDate(raw); err == nil && ts != nil {
		return ts
	}
	a.Warn("bad-date", "cannot read the item's %s date %q", what, jsonlShort(raw))
	return nil
}

// feedParagraphs converts an item's HTML (or plain text) to paragraphs.
func feedParagraphs(s string) []string {
	if s == "" {
		return nil
	}
	s = norm.NFC.String(s)
	if !strings.Contains(s, "<") {
		// Plain text: paragraphs are separated by blank lines or newlines.
		var out []string
		for _, l := range strings.Split(html.UnescapeString(s), "\n") {
			if l = htmlClean(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	s, _ = htmlCapNesting(s, htmlMaxTagDepth) // the parser is quadratic in depth
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return []string{htmlClean(s)}
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	htmlFlattenDeep(root, htmlMaxDepth)
	var out []string
	for _, p := range htmlParagraphs(root) {
		if !htmlIsRelated(p) {
			out = append(out, p)
		}
	}
	return out
}

// feedFetchError is a failure to get a page at all, as opposed to one
// got and not readable.
type feedFetchError struct{ error }

func (e feedFetchError) Unwrap() error { return e.error }

// feedFetchPage fetches and reads an item's linked page.
func feedFetchPage(ctx context.Context, link string, opts Options) (*domain.Article, error) {
	resp, err := opts.Fetcher.Fetch(ctx, link)
	if err != nil {
		return nil, feedFetchError{err}
	}
	if int64(len(resp.Body)) > opts.maxBytes() {
		return nil, skip(SkipTooLarge, "page is over the %d-byte cap", opts.maxBytes())
	}
	if f := Sniff(link, resp.Body, resp.ContentType); f != FormatHTML {
		return nil, fmt.Errorf("linked page is %s, not HTML", f)
	}
	page, err := readHTML(link, resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	if len(page.Body) == 0 {
		return nil, errors.New("linked page has no body text")
	}
	return page, nil
}

// feedMerge fills what the page lacks from the feed item.
func feedMerge(page, item *domain.Article) {
	page.Source = item.URL
	page.Format = string(FormatFeed)
	if page.Title == "" {
		page.Title = item.Title
	}
	if page.Published == nil {
		page.Published = item.Published
	}
	if page.Updated == nil {
		page.Updated = item.Updated
	}
	if len(page.Authors) == 0 {
		page.Authors = item.Authors
	}
	if page.URL == "" {
		page.URL = item.URL
	}
	if page.Language == "" {
		page.Language = item.Language
	}
	if page.Outlet == nil {
		page.Outlet = item.Outlet
	}
	page.Warnings = append(page.Warnings, item.Warnings...)
	page.Warn("page-fetched", "the feed gave only a summary; the body was read from the linked page")
}
