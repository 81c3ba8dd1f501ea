package report

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// DocumentJSON is one line of `parallax analyze --format json`: the cleaned
// article and its analysis. Empty lists are [] so that consumers need not
// test for null. Its keys are a contract (README).
type DocumentJSON struct {
	ID         string          `json:"id"`
	Source     string          `json:"source"`
	URL        string          `json:"url,omitempty"`
	Title      string          `json:"title"`
	Standfirst string          `json:"standfirst,omitempty"`
	Author     string          `json:"author,omitempty"`
	Published  string          `json:"published"`
	Text       string          `json:"text"`
	Sentences  []news.Span     `json:"sentences"`
	Entities   []news.Entity   `json:"entities"`
	Quotes     []news.Quote    `json:"quotes"`
	Quantities []news.Quantity `json:"quantities"`
	Dates      []news.Date     `json:"dates"`
}

// NewDocumentJSON returns the JSON view of an analyzed document.
func NewDocumentJSON(d news.Document) DocumentJSON {
	return DocumentJSON{
		ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title, Standfirst: d.Standfirst,
		Author: d.Author, Published: news.FormatTime(d.Published), Text: d.Text,
		Sentences: orEmpty(d.Sentences), Entities: orEmpty(d.Entities), Quotes: orEmpty(d.Quotes),
		Quantities: orEmpty(d.Quantities), Dates: orEmpty(d.Dates),
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// AppendDocument appends the analysis of d in format f (JSON: one line;
// Text: the view for people) to b.
func AppendDocument(b []byte, d news.Document, f Format) ([]byte, error) {
	if f == Text {
		return append(b, DocumentText(d)...), nil
	}
	j, err := json.Marshal(NewDocumentJSON(d))
	if err != nil {
		return b, fmt.Errorf("document %s: %w", d.ID, err)
	}
	return append(append(b, j...), '\n'), nil
}

// DocumentText is the view for people of one analyzed article. Control
// characters of the input never reach the terminal.
func DocumentText(d news.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s", Safe(d.ID))
	if d.Source != "" {
		fmt.Fprintf(&b, " (%s)", Safe(d.Source))
	}
	b.WriteString("\n")
	if d.Title != "" {
		fmt.Fprintf(&b, "title:     %s\n", Safe(d.Title))
	}
	if !d.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", news.FormatTime(d.Published))
	}
	fmt.Fprintf(&b, "text:      %d bytes, %d sentences\n", len(d.Text), len(d.Sentences))
	if len(d.Entities) > 0 {
		b.WriteString("entities:\n")
		for _, en := range d.Entities {
			fmt.Fprintf(&b, "  %-13s %s", en.Type, Safe(en.Name))
			if len(en.Aliases) > 0 {
				fmt.Fprintf(&b, "  (%s)", Safe(strings.Join(en.Aliases, ", ")))
			}
			fmt.Fprintf(&b, "  ×%d\n", len(en.Mentions))
		}
	}
	if len(d.Quotes) > 0 {
		b.WriteString("quotes:\n")
		for _, q := range d.Quotes {
			sp := q.Speaker
			if sp == "" {
				sp = "?"
			}
			fmt.Fprintf(&b, "  [%s] %s: “%s”\n", q.Kind, Safe(sp), Safe(q.Text))
		}
	}
	if len(d.Quantities) > 0 {
		b.WriteString("quantities:\n")
		for _, q := range d.Quantities {
			fmt.Fprintf(&b, "  %-9s %-11s %v %s   «%s»\n", q.Kind, q.Qualifier, q.Value, Safe(q.Counts), Safe(q.Text))
		}
	}
	if len(d.Dates) > 0 {
		b.WriteString("dates:\n")
		for _, dt := range d.Dates {
			fmt.Fprintf(&b, "  %-10s «%s»\n", dt.Value, Safe(dt.Text))
		}
	}
	if len(d.Sentences) > 0 {
		b.WriteString("sentences:\n")
		for i, s := range d.Sentences {
			fmt.Fprintf(&b, "  %3d  %s\n", i+1, Safe(d.Text[s.Start:s.End]))
		}
	}
	b.WriteString("\n")
	return b.String()
}
