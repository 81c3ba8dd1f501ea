package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestMapArticles(t *testing.T) {
	p := New(Options{})
	in := []news.Article{
		{ID: "a", Source: "One", Title: "First", Text: "The council met on Tuesday and approved the budget for the new school."},
		{ID: "empty", Source: "Two", Text: "   "},
		{ID: "b", Source: "Three", Title: "Second", Text: "Rain is expected over the weekend, the weather service said on Friday."},
	}
	i := 0
	var got []string
	err := MapArticles(context.Background(), p, func() (news.Article, bool) {
		if i == len(in) {
			return news.Article{}, false
		}
		i++
		return in[i-1], true
	}, func(d news.Document) string { return fmt.Sprint(d.ID, len(d.Sentences) > 0) }, func(s string) error {
		got = append(got, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[atrue btrue]" {
		t.Errorf("MapArticles gave %v; want a and b analyzed, the empty one skipped", got)
	}
	if p.Problems() != 1 {
		t.Errorf("Problems = %d; want 1 (the empty article)", p.Problems())
	}
}
