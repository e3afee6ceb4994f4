package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Telegram Desktop's chat export ("Export chat history" → JSON, result.json):
// one object naming the chat, its type and ID, with a "messages" array.
// Formatted text is an array of plain strings and entity objects; it is
// written back as the markdown the channel-dump reader knows (telegram.go),
// so that both kinds of file go through the same post rules.

// reTgExportHead: the opening of an export, wherever its keys fall in the
// first bytes ("messages" follows name, type and id).
var reTgExportHead = regexp.MustCompile(`"messages"\s*:\s*\[`)

// tgExportShape: the bytes open a JSON object with a "messages" array and a
// chat "type" — an export, whatever the file is called.
func tgExportShape(head []byte) bool {
	t := bytes.TrimLeft(stripBOM(head), " \t\r\n")
	return len(t) > 0 && t[0] == '{' && reTgExportHead.Match(t) && bytes.Contains(t, []byte(`"type"`))
}

// reTgChatType: the chat types an export names (public_channel,
// private_supergroup, personal_chat, saved_messages, …); a crawler's
// record with some other "type" and a "messages" list is not one.
var reTgChatType = regexp.MustCompile(`^[a-z]+_(?:channel|group|supergroup|chat|messages)$`)

type tgExport struct {
	Name     string            `json:"name"`
	Type     string            `json:"type"`
	ID       json.RawMessage   `json:"id"`
	Messages []json.RawMessage `json:"messages"`
}

type tgExportMessage struct {
	ID           json.RawMessage `json:"id"`
	Type         string          `json:"type"`
	Date         string          `json:"date"`
	DateUnix     json.RawMessage `json:"date_unixtime"`
	Text         json.RawMessage `json:"text"`
	TextEntities json.RawMessage `json:"text_entities"`
}

// tgEntity is one piece of formatted text.
type tgEntity struct {
	Type string `json:"type"`
	Text string `json:"text"`
	Href string `json:"href"`
}

// readTgExport reads an export; ok is false when data is not one.
func readTgExport(source string, data []byte) (arts []*domain.Article, items []Item, ok bool) {
	var ex tgExport
	if json.Unmarshal(data, &ex) != nil || ex.Messages == nil || !reTgChatType.MatchString(ex.Type) {
		return nil, nil, false
	}
	channel := strings.HasSuffix(ex.Type, "_channel")
	name := jsonlClean(ex.Name)
	chanKey := tgNumber(ex.ID)
	if chanKey == "" {
		chanKey = foldName(name)
	}
	var (
		posts    []tgPost
		zoneless = map[int]bool{} // posts whose date is the exporting machine's local time
	)
	for i, raw := range ex.Messages {
		var m tgExportMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			items = append(items, Item{Input: source, Err: fmt.Errorf("message %d: not a message object: %v", i+1, jsonlErr(err))})
			continue
		}
		msgID := tgNumber(m.ID)
		where := fmt.Sprintf("%s#%d", source, i+1)
		if msgID != "" {
			where = source + "#" + msgID
		}
		if m.Type != "message" {
			// Service messages: "channel created", pinned, photo changed.
			items = append(items, Item{Input: where, Err: skip(SkipNoBody, "a %q message, not a post", m.Type)})
			continue
		}
		p := tgPost{chanKey: chanKey, msgID: msgID, text: tgExportText(m.Text, m.TextEntities), where: where}
		if channel {
			p.channel = name
		}
		if secs, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(string(m.DateUnix)), `"`), 10, 64); err == nil && secs > 0 {
			p.date = json.RawMessage(strconv.FormatInt(secs, 10))
		} else if m.Date != "" {
			p.date, _ = json.Marshal(m.Date)
			zoneless[len(posts)] = true
		}
		posts = append(posts, p)
	}
	tgArts, errs := tgReadAll(posts)
	for i, a := range tgArts {
		if errs[i] != nil {
			items = append(items, Item{Input: source, Err: errs[i]})
			continue
		}
		if zoneless[i] && a.Published != nil {
			a.Warn("date_zone", "the export gives no Unix time; its date is the exporting machine's local time, read as UTC")
		}
		if !channel {
			a.Warn("not_channel", "a %q export: no outlet is taken from the chat's name", ex.Type)
		}
		arts = append(arts, a)
	}
	return arts, items, true
}

// tgExportText writes a message's text as Telegram markdown. text is a
// string or an array of strings and entities; text_entities is the same
// text as entities only, used when text is a bare string but formatted.
func tgExportText(text, entities json.RawMessage) string {
	var s string
	if json.Unmarshal(text, &s) == nil {
		var ents []tgEntity
		if json.Unmarshal(entities, &ents) == nil && len(ents) > 0 {
			var b strings.Builder
			for _, e := range ents {
				b.WriteString(e.Text)
			}
			if b.String() == s {
				return tgMarkdown(ents)
			}
		}
		return s
	}
	var parts []json.RawMessage
	if json.Unmarshal(text, &parts) != nil {
		return ""
	}
	var ents []tgEntity
	for _, r := range parts {
		var (
			e   tgEntity
			str *string // null leaves a pointer nil, a string fills it
		)
		if json.Unmarshal(r, &str) == nil {
			if str == nil {
				continue
			}
			e = tgEntity{Type: "plain", Text: *str}
		} else if json.Unmarshal(r, &e) != nil {
			continue
		}
		ents = append(ents, e)
	}
	return tgMarkdown(ents)
}

// tgMarkdownMarks are the markdown marks of the entity types the post rules
// read: bold makes a headline; italic, strike and spoiler marks are dropped
// like the dumps'. Other types (mention, hashtag, code, …) are plain text.
var tgMarkdownMarks = map[string]string{"bold": "**", "italic": "__", "strikethrough": "~~", "spoiler": "||"}

// reTgHref is a URL the markdown link pattern (reMDLink) reads whole.
var reTgHref = regexp.MustCompile(`^[^()\s]*(?:\([^()\s]*\)[^()\s]*)*$`)

func tgMarkdown(ents []tgEntity) string {
	var b strings.Builder
	for _, e := range ents {
		mark := tgMarkdownMarks[e.Type]
		link := e.Type == "text_link" && e.Href != "" && !strings.ContainsAny(e.Text, "[]")
		if mark == "" && !link {
			b.WriteString(e.Text)
			continue
		}
		href := e.Href
		if link && !reTgHref.MatchString(href) {
			href = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "\t", "%09", "\n", "%0A").Replace(href)
		}
		// Marks go line by line and hug the words, as in the dumps:
		// "**Headline**\n\n", not "**Headline\n\n**".
		for j, ln := range strings.Split(e.Text, "\n") {
			if j > 0 {
				b.WriteString("\n")
			}
			core := strings.TrimFunc(ln, isSpace)
			if core == "" {
				b.WriteString(ln)
				continue
			}
			lead := ln[:strings.Index(ln, core)]
			trail := ln[len(lead)+len(core):]
			if link {
				core = "[" + core + "](" + href + ")"
			}
			b.WriteString(lead + mark + core + mark + trail)
		}
	}
	return b.String()
}
