package web

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// StoryVersioner is what a Desk implements for the story page to keep its
// rendered comparison between requests (the store's desk does): the
// story's version and the version of its stored comparison, which change
// whenever anything the page shows of the story does. An unknown story
// gives an error wrapping ErrNotFound. Over a Desk that does not implement
// it, every request renders the story again.
type StoryVersioner interface {
	StoryVersion(ctx context.Context, id string) (version, computed int64, err error)
}

// ErrUnversioned is what a StoryVersioner returns when it cannot say
// versions after all (a wrapper over a store that has none): the page is
// rendered, and not kept.
var ErrUnversioned = errors.New("no story versions")

// storyCacheBytes bounds the rendered stories the pages keep (the size
// of their HTML).
const storyCacheBytes = 128 << 20

// stories keeps rendered stories, least recently used out first, at most
// max bytes of HTML; each with the version stamp it was rendered at, and
// given back only for that stamp. Hand-written: the module list has no
// LRU cache.
type stories struct {
	mu        sync.Mutex
	max, size int
	ll        *list.List // of *rendered, most recent first
	m         map[string]*list.Element
}

type rendered struct {
	stamp [2]int64
	d     storyData
}

func newStories(max int) *stories {
	return &stories{max: max, ll: list.New(), m: map[string]*list.Element{}}
}

func (c *stories) get(id string, stamp [2]int64) (storyData, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok || e.Value.(*rendered).stamp != stamp {
		return storyData{}, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*rendered).d, true
}

// put keeps d for id at stamp, dropping the least recently used while
// over the bound; a story over a quarter of the bound is not kept.
func (c *stories) put(id string, stamp [2]int64, d storyData) {
	cost := len(d.HTML) + len(id)
	if cost > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[id]; ok {
		c.size -= len(e.Value.(*rendered).d.HTML) + len(id)
		c.ll.Remove(e)
	}
	c.m[id] = c.ll.PushFront(&rendered{stamp, d})
	c.size += cost
	for c.size > c.max {
		e := c.ll.Back()
		r := e.Value.(*rendered)
		c.ll.Remove(e)
		delete(c.m, r.d.Story.ID)
		c.size -= len(r.d.HTML) + len(r.d.Story.ID)
	}
}

func (c *stories) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}
