package ingest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTelegramExport reads invented Telegram Desktop exports
// (testdata/telegram): bold entities make headlines, links become their
// text, service and media-only messages are skipped, the date comes from
// date_unixtime, the outlet from the channel's name.
func TestTelegramExport(t *testing.T) {
	type want = telegramWant
	const ch = "Озёрский курьер"
	tests := []struct {
		file    string
		want    []want
		skipped int
	}{
		{"result.json", []want{
			// Bold entity as a headline; a text_link is its text; the subscribe link is furniture.
			{source: "#2", outletName: ch, title: "Паводок отрезал три деревни от райцентра", published: "2024-12-03T15:40:11Z",
				body: []string{"Дорогу между Сосновкой и Ключами размыло ночью, сообщили в администрации района."}, footer: []string{"Подписаться на канал"}, warn: "title_guess"},
			// The bold entity carries the line's newline.
			{source: "#3", outletName: ch, title: "Школы закрыты до пятницы", published: "2024-12-03T16:05:00Z",
				body: []string{"Уроки перенесут на субботу, решил районный отдел образования."}, warn: "title_guess"},
			// No date_unixtime: the zone-less date, flagged.
			{source: "#5", outletName: ch, published: "2024-12-04T08:15:30Z",
				body: []string{"Спасатели эвакуировали сорок человек. Уровень воды падает.", "Следующий прогноз — вечером."}, warn: "date_zone"},
			// text a bare string, its bold only in text_entities.
			{source: "#6", outletName: ch, title: "Электричество вернули в Ключи", published: "2024-12-04T07:00:00Z",
				body: []string{"Свет дали в полдень, сообщили энергетики."}, warn: "title_guess"},
			// Bold inside a line is no headline; mentions and hashtags stay as text.
			{source: "#7", outletName: ch, published: "2024-12-04T09:00:00Z",
				body: []string{"Обновлено. Мост откроют в понедельник, пишет @ozersk_invented. #паводок"}, warn: "no_title"},
			// A short line apart; a link whose URL holds a space and parentheses.
			{source: "#9", outletName: ch, title: "Новый мост построят к осени", published: "2024-12-05T06:00:00Z",
				body: []string{"Проект опубликован на сайте района, обсуждение продлится месяц."}, warn: "title_guess"},
		}, 3}, // two service messages, one photo alone
		// No .json in the name: found by its shape; a channel the registry knows.
		{"export-chat-history", []want{
			{source: "#310", outletID: "ria", outletName: "RIA Novosti", published: "2024-06-10T08:00:00Z",
				body: []string{"В городе открыли новый сквер. В нём высадили двести лип."}, warn: "no_title"},
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "telegram", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f := Sniff(path, data, ""); f != FormatJSONL {
				t.Fatalf("sniffed as %s", f)
			}
			arts := readTelegramFile(t, tc.file, tc.skipped, len(tc.want))
			for i, w := range tc.want {
				a := arts[i]
				if a.ID == "" {
					t.Errorf("%s: no ID", w.source)
				}
				checkTelegramPost(t, a, w)
				// Only a post without date_unixtime is flagged as zone-less.
				if zl := w.warn == "date_zone"; zl != hasWarning(a, "date_zone") || zl != (a.Published != nil && a.Published.Inferred) {
					t.Errorf("%s: date_zone warning %v, inferred %v, want %v", w.source, hasWarning(a, "date_zone"), a.Published != nil && a.Published.Inferred, zl)
				}
				for _, s := range []string{"**", "__", "](", "https://", "[", "{"} {
					if strings.Contains(a.Text(), s) || strings.Contains(a.Title, s) {
						t.Errorf("%s: markup %q left in %q / %q", w.source, s, a.Title, a.Text())
					}
				}
			}
		})
	}
}

// TestTelegramExportText: entities written back as the markdown the post
// rules read.
func TestTelegramExportText(t *testing.T) {
	tests := []struct{ name, text, entities, want string }{
		{"plain string", `"a **b** c"`, ``, "a **b** c"},
		{"bold hugs the words", `[{"type":"bold","text":" Head line\n\n"},"Body"]`, ``, " **Head line**\n\nBody"},
		{"bold over lines", `[{"type":"bold","text":"One\nTwo"}]`, ``, "**One**\n**Two**"},
		{"italic strike spoiler", `[{"type":"italic","text":"i"}," ",{"type":"strikethrough","text":"s"}," ",{"type":"spoiler","text":"p"}]`, ``, "__i__ ~~s~~ ||p||"},
		{"link text", `["see ",{"type":"text_link","text":"here","href":"https://example.org/x"}]`, ``, "see [here](https://example.org/x)"},
		{"link URL with space", `[{"type":"text_link","text":"a","href":"https://example.org/a b(c(d))"}]`, ``, "[a](https://example.org/a%20b%28c%28d%29%29)"},
		{"link text with brackets", `[{"type":"text_link","text":"[a]","href":"https://example.org"}]`, ``, "[a]"},
		{"other entities plain", `[{"type":"mention","text":"@abcd"}," ",{"type":"hashtag","text":"#x"}," ",{"type":"link","text":"https://example.org"}," ",{"type":"code","text":"c"},{"type":"unknown_future","text":"!"}]`, ``, "@abcd #x https://example.org c!"},
		{"string with bold entities", `"Head\nBody"`, `[{"type":"bold","text":"Head"},{"type":"plain","text":"\nBody"}]`, "**Head**\nBody"},
		{"entities not matching the string", `"Other"`, `[{"type":"bold","text":"Head"}]`, "Other"},
		{"junk in the array", `["a",3,null,{"type":"bold","text":"b"}]`, ``, "a**b**"},
		{"neither", `5`, ``, ""},
	}
	for _, tt := range tests {
		if got := tgExportText(json.RawMessage(tt.text), json.RawMessage(tt.entities)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestTelegramExportID: an exported post's ID is its channel ID and message
// number — kept when the channel is renamed or the text re-formatted,
// distinct across messages and across channels.
func TestTelegramExportID(t *testing.T) {
	read := func(chID, name string, msgID int, text string) string {
		t.Helper()
		doc, _ := json.Marshal(map[string]any{"name": name, "type": "public_channel", "id": chID,
			"messages": []any{map[string]any{"id": msgID, "type": "message", "date": "2024-01-02T03:04:05", "text": json.RawMessage(text)}}})
		arts, _, err := readJSONL("result.json", doc)
		if err != nil || len(arts) != 1 || arts[0].ID == "" {
			t.Fatalf("%s: %v %v", doc, arts, err)
		}
		return arts[0].ID
	}
	base := read("100", "Channel", 7, `[{"type":"bold","text":"Same story"},"\n\nText here."]`)
	tests := []struct {
		name string
		id   string
		same bool
	}{
		{"renamed, re-formatted", read("100", "Channel renamed", 7, `"Same story\n\nText here, now edited."`), true},
		{"another message", read("100", "Channel", 8, `[{"type":"bold","text":"Same story"},"\n\nText here."]`), false},
		{"another channel", read("101", "Channel", 7, `[{"type":"bold","text":"Same story"},"\n\nText here."]`), false},
	}
	for _, tt := range tests {
		if (tt.id == base) != tt.same {
			t.Errorf("%s: ID %s vs %s, want same=%v", tt.name, tt.id, base, tt.same)
		}
	}
}

// TestTelegramExportShape: an export is known by its shape, whatever its
// name and whatever its posts quote; other JSON is not taken for one.
func TestTelegramExportShape(t *testing.T) {
	export := `{"name":"Chan","type":"private_channel","id":5,"messages":[{"id":1,"type":"message","date_unixtime":1704164645,"text":"Quote: <html><body> in a post"}]}`
	group := `{"name":"Friends","type":"private_supergroup","id":6,"messages":[{"id":1,"type":"message","date_unixtime":"1704164645","text":"Hello there, all of you"}]}`
	tests := []struct {
		name, file, data string
		format           Format
		outlet           string // "" for none; "-" when not read as an export
	}{
		{"export without extension", "history", export, FormatJSONL, "Chan"},
		{"export as .txt", "notes.txt", "\xef\xbb\xbf\n" + export, FormatJSONL, "Chan"},
		{"a group is no outlet", "result.json", group, FormatJSONL, ""},
		{"dump array", "posts.json", `[{"message_id":1,"channel":"C","text":"messages: [ type"}]`, FormatJSONL, "-"},
		{"text about messages", "a.txt", `Their "messages": [ and "type" were leaked.`, FormatText, "-"},
		{"object without messages", "x", `{"type":"public_channel","text":"x"}`, FormatText, "-"},
		// Sniffed as JSON by its look, but not read as an export.
		{"other type with messages", "x", `{"type":"article","title":"T","text":"Body of it","messages":[]}`, FormatJSONL, "-"},
	}
	for _, tt := range tests {
		if f := Sniff(tt.file, []byte(tt.data), ""); f != tt.format {
			t.Errorf("%s: sniffed %s, want %s", tt.name, f, tt.format)
		}
		if tt.outlet == "-" {
			continue
		}
		items := ReadBytes(context.Background(), tt.file, []byte(tt.data), "", Options{})
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %+v", tt.name, items)
		}
		a := items[0].Article
		got := ""
		if a.Outlet != nil {
			got = a.Outlet.Name
		}
		if got != tt.outlet || a.Published == nil || a.Published.Time.Unix() != 1704164645 {
			t.Errorf("%s: outlet %q published %v, want %q", tt.name, got, a.Published, tt.outlet)
		}
		if (tt.outlet == "") != hasWarning(a, "not_channel") {
			t.Errorf("%s: not_channel warning %v", tt.name, a.Warnings)
		}
	}
	if arts, _, err := readJSONL("x", []byte(`{"type":"article","title":"T","text":"Body of it","messages":[]}`)); err != nil || len(arts) != 1 || arts[0].Title != "T" {
		t.Errorf("a crawler record with a messages list: %v %v", arts, err)
	}
	if _, _, err := readJSONL("result.json", []byte(`{"name":"C","type":"public_channel","messages":[]}`)); err == nil {
		t.Errorf("an export with no messages read without error")
	}
}
