package report

import (
	"encoding/json"

	"github.com/parallax-news/parallax/internal/news"
)

// PageJSON is one line of `parallax extract` output: what was extracted
// from one page, named by file.
type PageJSON struct {
	File      string `json:"file"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Language  string `json:"language"`
	URL       string `json:"url"`
}

// AppendPage appends the JSON line of article a, extracted from the input
// named file, to b.
func AppendPage(b []byte, file string, a news.Article) ([]byte, error) {
	j, err := json.Marshal(PageJSON{
		File: file, Text: a.Text, Title: a.Title, Author: a.Author,
		Published: news.FormatTime(a.Published), Source: a.Source, Language: a.Language, URL: a.URL,
	})
	if err != nil {
		return b, err
	}
	return append(append(b, j...), '\n'), nil
}
