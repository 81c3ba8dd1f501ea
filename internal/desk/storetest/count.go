package storetest

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
)

// testStoryCount checks a store that is a desk.StoryCounter: its count is
// the number of stories Stories returns, through a story that empties
// and one made by PutStory.
func testStoryCount(t *testing.T, s desk.Store) {
	c, ok := s.(desk.StoryCounter)
	if !ok {
		t.Skip("not a desk.StoryCounter")
	}
	ctx := context.Background()
	check := func(when string, want int) {
		t.Helper()
		n, err := c.StoryCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.Stories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != want || n != len(st) {
			t.Errorf("%s: StoryCount() = %d, Stories() has %d; want %d", when, n, len(st), want)
		}
	}
	check("empty", 0)
	ids := put(t, s, Doc("a", "", "one"), Doc("b", "", "two"), Doc("c", "", "three"))
	write(t, s, func(tx desk.Tx) error {
		for i, story := range []string{"s-a", "s-b", "s-c"} {
			if err := tx.PutAssignment(desk.Assignment{Article: ids[i], Story: story, Detail: []byte("{}")}); err != nil {
				return err
			}
		}
		return nil
	})
	check("three assigned", 3)
	write(t, s, func(tx desk.Tx) error {
		if err := tx.PutAssignment(desk.Assignment{Article: ids[2], Story: "s-a", Detail: []byte("{}")}); err != nil {
			return err
		}
		return tx.PutStory(desk.Story{ID: "s-b", Title: "B", Closed: true, Members: []int64{ids[1]}})
	})
	check("s-c emptied", 2)
}
