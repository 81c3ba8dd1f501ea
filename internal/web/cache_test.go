package web

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
)

func TestStoriesCacheBound(t *testing.T) {
	c := newStories(1000)
	d := func(id string, n int) storyData {
		return storyData{Story: Story{StorySummary: StorySummary{ID: id}}, HTML: template.HTML(strings.Repeat("x", n))}
	}
	for i := range 100 {
		id := fmt.Sprint("s", i)
		c.put(id, [2]int64{1, 1}, d(id, 95))
		if n := c.bytes(); n > 1000 {
			t.Fatalf("after %d puts the cache holds %d bytes; want at most 1000", i+1, n)
		}
	}
	if _, ok := c.get("s0", [2]int64{1, 1}); ok {
		t.Error("the least recently used story is still kept")
	}
	if _, ok := c.get("s99", [2]int64{1, 1}); !ok {
		t.Error("the newest story is not kept")
	}
	if _, ok := c.get("s99", [2]int64{2, 1}); ok {
		t.Error("a story came back for another version")
	}
	c.put("big", [2]int64{1, 1}, d("big", 300))
	if _, ok := c.get("big", [2]int64{1, 1}); ok {
		t.Error("a story over a quarter of the bound was kept")
	}
}
