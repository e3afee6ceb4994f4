package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/parallaxnews/parallax/internal/domain"
)

// jsonlRecord holds the fields news crawlers write (news-please and
// look-alikes). Fields that vary in type between crawlers are raw.
type jsonlRecord struct {
	Title        string          `json:"title"`
	TitlePage    string          `json:"title_page"`
	TitleRSS     string          `json:"title_rss"`
	Maintext     *string         `json:"maintext"`
	Text         *string         `json:"text"`
	Content      *string         `json:"content"`
	Body         *string         `json:"body"`
	Description  string          `json:"description"`
	DatePublish  json.RawMessage `json:"date_publish"`
	DateModify   json.RawMessage `json:"date_modify"`
	Date         json.RawMessage `json:"date"`
	Published    json.RawMessage `json:"published"`
	URL          string          `json:"url"`
	SourceDomain string          `json:"source_domain"`
	Authors      json.RawMessage `json:"authors"`
	Author       json.RawMessage `json:"author"`
	Language     string          `json:"language"`
	// Telegram channel dumps (telegram.go).
	Channel   string          `json:"channel"`
	MessageID json.RawMessage `json:"message_id"`
	SenderID  json.RawMessage `json:"sender_id"`
}

// jsonlMaxLineErrors stops a file that is not JSON Lines at all from
// producing one error per line.
const jsonlMaxLineErrors = 50

// readJSONL reads JSON Lines as written by news crawlers: one article per
// line. A broken line gives an Item error (Input the file, the error
// naming the line); the
// others go on. A file holding one (pretty-printed) JSON object is read as
// one record.
func readJSONL(source string, data []byte) ([]*domain.Article, []Item, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		return readJSONArray(source, t)
	}
	if head := data[:min(len(data), 4096)]; tgExportShape(head) {
		// Telegram Desktop's export: one object holding the channel's messages.
		if arts, items, ok := readTgExport(source, data); ok {
			if len(arts) == 0 && len(items) == 0 {
				return nil, nil, errors.New("a Telegram export with no messages")
			}
			return arts, items, nil
		}
	}
	var (
		arts  []*domain.Article
		items []Item
		bad   int
		posts []tgPost
	)
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		n := i + 1
		where := fmt.Sprintf("%s:%d", source, n)
		var rec jsonlRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			if len(arts) == 0 && len(items) == 0 && json.Valid(data) {
				// Not JSON Lines but one JSON object over many lines.
				if err := json.Unmarshal(data, &rec); err != nil {
					return nil, nil, fmt.Errorf("not a JSON object of an article: %v", jsonlErr(err))
				}
				if tgIsPost(rec) {
					arts, errs := tgReadAll([]tgPost{tgPostOf(rec, source, source)})
					if errs[0] != nil {
						return nil, nil, errs[0]
					}
					return arts, nil, nil
				}
				a, err := jsonlArticle(rec, source)
				if err != nil {
					return nil, nil, err
				}
				return []*domain.Article{a}, nil, nil
			}
			bad++
			if bad > jsonlMaxLineErrors {
				return arts, items, fmt.Errorf("stopped after %d broken lines; is this JSON Lines?", jsonlMaxLineErrors)
			}
			items = append(items, Item{Input: source, Err: fmt.Errorf("line %d: broken JSON: %v", n, jsonlErr(err))})
			continue
		}
		if tgIsPost(rec) {
			posts = append(posts, tgPostOf(rec, source, where))
			continue
		}
		a, err := jsonlArticle(rec, where)
		if err != nil {
			items = append(items, Item{Input: source, Err: fmt.Errorf("line %d: %w", n, err)})
			continue
		}
		arts = append(arts, a)
	}
	arts, items = tgAppend(source, posts, arts, items)
	if len(arts) == 0 && len(items) == 0 {
		return nil, nil, errors.New("no JSON records found")
	}
	return arts, items, nil
}

// tgAppend reads the Telegram posts found among the records and adds them.
func tgAppend(source string, posts []tgPost, arts []*domain.Article, items []Item) ([]*domain.Article, []Item) {
	if len(posts) == 0 {
		return arts, items
	}
	tgArts, errs := tgReadAll(posts)
	for i, a := range tgArts {
		if errs[i] != nil {
			items = append(items, Item{Input: source, Err: errs[i]})
			continue
		}
		arts = append(arts, a)
	}
	return arts, items
}

// jsonlErr shortens json errors that quote whole values.
func jsonlErr(err error) string {
	s := err.Error()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func jsonlArticle(rec jsonlRecord, where string) (*domain.Article, error) {
	a := &domain.Article{Source: where, Format: string(FormatJSONL)}
	a.Title = htmlMetaText(jsonlClean(firstNonEmpty(rec.Title, rec.TitlePage, rec.TitleRSS)))
	a.URL = webArticleURL(a, "", rec.URL)
	if l := strings.ToLower(strings.TrimSpace(rec.Language)); len(l) >= 2 {
		a.Language = strings.SplitN(strings.SplitN(l, "-", 2)[0], "_", 2)[0]
	}
	a.Authors = jsonlAuthors(rec.Authors)
	if len(a.Authors) == 0 {
		a.Authors = jsonlAuthors(rec.Author)
	}
	for _, raw := range []json.RawMessage{rec.DatePublish, rec.Published, rec.Date} {
		if ts := jsonlDate(a, raw, "publication"); ts != nil {
			a.Published = ts
			break
		}
	}
	a.Updated = jsonlDate(a, rec.DateModify, "modification")
	if name := htmlMetaText(jsonlClean(rec.SourceDomain)); htmlLetters(name) != "" {
		// The domain only when the field is a host name; none is invented.
		a.Outlet = &domain.Outlet{Name: name, Domain: webHost("https://" + name), Matched: "source_domain field"}
		if !strings.Contains(a.Outlet.Domain, ".") || !strings.EqualFold(strings.TrimPrefix(strings.ToLower(name), "www."), a.Outlet.Domain) {
			a.Outlet.Domain = ""
		}
	}

	var text string
	for _, p := range []*string{rec.Maintext, rec.Text, rec.Content, rec.Body} {
		if p != nil && strings.TrimSpace(*p) != "" {
			text = *p
			break
		}
	}
	if text == "" && strings.TrimSpace(rec.Description) != "" {
		text = rec.Description
		a.Warn("summary-only", "record has no main text; the description is used as the body")
	}
	if text == "" {
		return nil, errors.New("record has no text (maintext, text or description)")
	}
	var paras []domain.Paragraph
	for _, line := range strings.Split(norm.NFC.String(text), "\n") {
		if line = jsonlClean(line); line != "" {
			paras = append(paras, domain.Paragraph{Text: line, SourceOffset: -1})
		}
	}
	// The crawler's title often opens maintext too; it is not body text.
	if len(paras) > 1 && paras[0].Text == a.Title {
		paras = paras[1:]
	}
	a.SetBody(paras)
	return a, nil
}

func jsonlClean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// jsonlAuthors reads authors given as a list of names, a list of
// {"name": …} objects or one string.
func jsonlAuthors(raw json.RawMessage) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var out []string
	add := func(s string) {
		if s = htmlMetaText(jsonlClean(s)); s != "" {
			out = append(out, s)
		}
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	for _, r := range list {
		var s string
		if json.Unmarshal(r, &s) == nil {
			add(s)
			continue
		}
		var obj struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(r, &obj) == nil {
			add(obj.Name)
		}
	}
	return out
}

// jsonlDate reads a date given as a string or as Unix seconds; a value
// that cannot be read is a warning, not a failure.
func jsonlDate(a *domain.Article, raw json.RawMessage, what string) *domain.Timestamp {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		var secs float64
		if json.Unmarshal(raw, &secs) == nil && secs > 0 && secs < 1e11 {
			return &domain.Timestamp{Time: jsonlUnix(secs), Precision: domain.PrecisionSecond}
		}
		a.Warn("bad-date", "%s date %s is neither a string nor Unix seconds", what, jsonlShort(string(raw)))
		return nil
	}
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if ts := webParseDate(s); ts != nil {
		return ts
	}
	if ts, err := ParseDate(s); err == nil && ts != nil {
		return ts
	}
	a.Warn("bad-date", "cannot read %s date %q", what, jsonlShort(s))
	return nil
}

func jsonlShort(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func jsonlUnix(secs float64) time.Time {
	return time.Unix(int64(secs), 0).UTC()
}

// readJSONArray reads a JSON array of article records (an export such as a
// Telegram channel dump); a record that is not an article gives an Item
// error naming its position, the others go on.
func readJSONArray(source string, data []byte) ([]*domain.Article, []Item, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, nil, fmt.Errorf("not a JSON array of articles: %v", jsonlErr(err))
	}
	var (
		arts  []*domain.Article
		items []Item
		posts []tgPost
	)
	for i, raw := range raws {
		var rec jsonlRecord
		if err := json.Unmarshal(raw, &rec); err != nil {
			items = append(items, Item{Input: source, Err: fmt.Errorf("entry %d: not an article object: %v", i+1, jsonlErr(err))})
			continue
		}
		if tgIsPost(rec) {
			posts = append(posts, tgPostOf(rec, source, fmt.Sprintf("%s#%d", source, i+1)))
			continue
		}
		a, err := jsonlArticle(rec, fmt.Sprintf("%s#%d", source, i+1))
		if err != nil {
			items = append(items, Item{Input: source, Err: fmt.Errorf("entry %d: %w", i+1, err)})
			continue
		}
		arts = append(arts, a)
	}
	arts, items = tgAppend(source, posts, arts, items)
	if len(arts) == 0 && len(items) > 0 {
		return nil, nil, fmt.Errorf("a JSON array with no article in it (first: %v)", items[0].Err)
	}
	return arts, items, nil
}
