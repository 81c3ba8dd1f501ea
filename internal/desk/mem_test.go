package desk_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
)

// memStore is an in-memory desk.Store that really works: a transaction
// writes into a copy of the data, which Commit puts in place.
type memStore struct {
	write sync.Mutex // held by the open transaction
	mu    sync.Mutex // guards data
	data  *memData
}

type memData struct {
	articles []desk.Article // by id - 1
	byURL    map[string]int64
	byHash   map[string]int64
	assigned map[int64]desk.Assignment
	member   map[int64]string // article -> story
	stories  map[string]*desk.Story
	state    []byte
}

func newMemStore() *memStore {
	return &memStore{data: &memData{byURL: map[string]int64{}, byHash: map[string]int64{}, assigned: map[int64]desk.Assignment{},
		member: map[int64]string{}, stories: map[string]*desk.Story{}}}
}

func (d *memData) clone() *memData {
	c := &memData{articles: slices.Clone(d.articles), byURL: maps.Clone(d.byURL), byHash: maps.Clone(d.byHash),
		assigned: maps.Clone(d.assigned), member: maps.Clone(d.member), stories: map[string]*desk.Story{}, state: d.state}
	for k, s := range d.stories {
		s2 := *s
		s2.Members = slices.Clone(s.Members)
		c.stories[k] = &s2
	}
	return c
}

func (m *memStore) snapshot() *memData {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.data
}

func (m *memStore) Begin(ctx context.Context) (desk.Tx, error) {
	m.write.Lock()
	return &memTx{m: m, d: m.snapshot().clone()}, nil
}

func (m *memStore) Article(ctx context.Context, id int64) (desk.Article, error) {
	d := m.snapshot()
	if id < 1 || int(id) > len(d.articles) {
		return desk.Article{}, fmt.Errorf("article %d: %w", id, desk.ErrNotFound)
	}
	return d.articles[id-1], nil
}

func (m *memStore) Unassigned(ctx context.Context) ([]desk.Article, error) {
	d := m.snapshot()
	out := []desk.Article{}
	for _, a := range d.articles {
		if _, ok := d.assigned[a.ID]; !ok {
			out = append(out, a)
		}
	}
	return out, nil
}

func (m *memStore) Story(ctx context.Context, id string) (desk.Story, error) {
	s, ok := m.snapshot().stories[id]
	if !ok {
		return desk.Story{}, fmt.Errorf("story %s: %w", id, desk.ErrNotFound)
	}
	return *s, nil
}

func (m *memStore) Stories(ctx context.Context) ([]desk.Story, error) {
	out := []desk.Story{}
	for _, s := range m.snapshot().stories {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b desk.Story) int { return int(slices.Min(a.Members) - slices.Min(b.Members)) })
	return out, nil
}

func (m *memStore) ClusterState(ctx context.Context) ([]byte, error) { return m.snapshot().state, nil }

type memTx struct {
	m    *memStore
	d    *memData
	done bool
}

func (t *memTx) PutArticle(doc news.Document) (int64, bool, error) {
	u, h := desk.CanonicalURL(doc.URL), string(desk.TextHash(doc.Text))
	if id, ok := t.d.byHash[h]; ok {
		return id, false, nil
	}
	if id, ok := t.d.byURL[u]; ok && u != "" {
		return id, false, nil
	}
	id := int64(len(t.d.articles) + 1)
	doc.Tokens = nil
	doc.URL = u
	t.d.articles = append(t.d.articles, desk.Article{ID: id, Doc: doc})
	t.d.byHash[h] = id
	if u != "" {
		t.d.byURL[u] = id
	}
	return id, true, nil
}

func (t *memTx) known(id int64) error {
	if id < 1 || int(id) > len(t.d.articles) {
		return fmt.Errorf("article %d: %w", id, desk.ErrNotFound)
	}
	return nil
}

// move makes article a member of story, at the end unless it is there.
func (t *memTx) move(article int64, story string) {
	old, ok := t.d.member[article]
	if ok && old == story {
		return
	}
	if ok {
		s := t.d.stories[old]
		s.Members = slices.DeleteFunc(s.Members, func(m int64) bool { return m == article })
		if len(s.Members) == 0 {
			delete(t.d.stories, old)
		}
	}
	s := t.d.stories[story]
	if s == nil {
		s = &desk.Story{ID: story}
		t.d.stories[story] = s
	}
	s.Members = append(s.Members, article)
	t.d.member[article] = story
}

func (t *memTx) PutAssignment(a desk.Assignment) error {
	if err := t.known(a.Article); err != nil {
		return err
	}
	a.Detail = bytes.Clone(a.Detail)
	t.d.assigned[a.Article] = a
	t.move(a.Article, a.Story)
	return nil
}

func (t *memTx) PutStory(s desk.Story) error {
	for _, m := range s.Members {
		if err := t.known(m); err != nil {
			return err
		}
		t.move(m, s.ID)
	}
	st := t.d.stories[s.ID]
	if st == nil {
		return nil
	}
	rest := slices.DeleteFunc(slices.Clone(st.Members), func(m int64) bool { return slices.Contains(s.Members, m) })
	members := append(slices.Clone(s.Members), rest...)
	*st = s
	st.Outlets = slices.Clone(s.Outlets)
	st.Members = members
	return nil
}

func (t *memTx) SaveClusterState(state []byte) error {
	t.d.state = bytes.Clone(state)
	return nil
}

func (t *memTx) Commit() error {
	if t.done {
		return fmt.Errorf("commit: transaction done")
	}
	t.done = true
	t.m.mu.Lock()
	t.m.data = t.d
	t.m.mu.Unlock()
	t.m.write.Unlock()
	return nil
}

func (t *memTx) Rollback() error {
	if !t.done {
		t.done = true
		t.m.write.Unlock()
	}
	return nil
}
