// Package eventstest reads the evaluation material of package events: the
// Telegram posts of ../shared/corpus/telegram-ru-news-2024 as articles,
// and the hand-labelled gold files (message IDs and event labels only).
// It is shared by the events tests and the whole-pipeline evaluation in
// events/pipelineeval.
package eventstest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Post is one post in the corpus's JSON arrays.
type Post struct {
	MessageID int64  `json:"message_id"`
	Text      string `json:"text"`
	Date      string `json:"date"`
	Channel   string `json:"channel"`
}

// Article turns a post into an Article the way ingest would: paragraphs
// split on blank lines, the post date as Published, the channel as outlet.
// Posts have no title; the first line serves as headline. The ID is
// "<file>/<message_id>".
func Article(file string, p Post) (*domain.Article, error) {
	pub, err := time.Parse(time.RFC3339, p.Date)
	if err != nil {
		pub, err = time.Parse("2006-01-02T15:04:05", p.Date)
		if err != nil {
			return nil, fmt.Errorf("post %d: date %q: %v", p.MessageID, p.Date, err)
		}
	}
	a := &domain.Article{
		ID:        fmt.Sprintf("%s/%d", file, p.MessageID),
		Source:    "telegram:" + file,
		Format:    "jsonl",
		Outlet:    &domain.Outlet{Name: p.Channel},
		Language:  "ru",
		Published: &domain.Timestamp{Time: pub.UTC(), Precision: domain.PrecisionSecond},
	}
	var paras []domain.Paragraph
	for _, s := range strings.Split(p.Text, "\n\n") {
		if s = strings.TrimSpace(s); s != "" {
			paras = append(paras, domain.Paragraph{Text: s, SourceOffset: -1})
		}
	}
	a.SetBody(paras)
	return a, nil
}

// Load reads the posts of the channel files (<file>_messages.json in dir)
// published in [from, to), skipping empty ones.
func Load(dir string, files []string, from, to time.Time) ([]*domain.Article, error) {
	var arts []*domain.Article
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f+"_messages.json"))
		if err != nil {
			return nil, err
		}
		var posts []Post
		if err := json.Unmarshal(b, &posts); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, p := range posts {
			a, err := Article(f, p)
			if err != nil {
				return nil, err
			}
			if tm := a.Published.Time; tm.Before(from) || !tm.Before(to) || len(a.Body) == 0 {
				continue
			}
			arts = append(arts, a)
		}
	}
	return arts, nil
}

// ReadGold reads a gold file: file<TAB>message_id<TAB>event a line, # comments.
// It returns article ID → event label.
func ReadGold(path string) (map[string]string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(fh)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" || f[2] == "" {
			return nil, fmt.Errorf("%s:%d: want FILE<TAB>MESSAGE_ID<TAB>EVENT", path, n)
		}
		gold[f[0]+"/"+f[1]] = f[2]
	}
	return gold, sc.Err()
}
