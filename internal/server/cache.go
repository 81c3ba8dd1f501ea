package server

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/desk"
)

// DefaultCacheBytes bounds the rendered answers Options.CacheBytes keeps
// when it is 0.
const DefaultCacheBytes = 256 << 20

// Versioned is what a Store implements for the server to cache its
// rendered answers (the SQLite store does); over a store that does not,
// every answer is rendered again.
type Versioned interface {
	// DataVersion returns a number that changes whenever anything was
	// committed to the store since the last call.
	DataVersion(ctx context.Context) (int64, error)
	// StoryVersion returns a story's version and the version of its
	// stored comparison (0 when none): everything GET
	// /api/stories/{id} shows depends on those two. An unknown story
	// gives an error wrapping desk.ErrNotFound.
	StoryVersion(ctx context.Context, id string) (version, computed int64, err error)
}

// answers is a cache of rendered answer bodies, least recently used out
// first, holding at most max bytes of them. Each body is kept with the
// stamp (a store version) it was rendered at; get returns it only for the
// same stamp, so a change in the store is never hidden. Hand-written:
// the module list has no LRU cache, and this one is forty lines.
type answers struct {
	mu   sync.Mutex
	max  int
	size int
	ll   *list.List // of *answer, most recent first
	m    map[string]*list.Element
	busy map[flight]chan struct{} // answers being rendered
}

type flight struct {
	key   string
	stamp [2]int64
}

// wait returns the channel closed when the answer key at stamp is
// rendered, and whether the caller is the first to ask (it must call
// finish).
func (c *answers) wait(key string, stamp [2]int64) (<-chan struct{}, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := flight{key, stamp}
	if ch, ok := c.busy[f]; ok {
		return ch, false
	}
	ch := make(chan struct{})
	c.busy[f] = ch
	return ch, true
}

func (c *answers) finish(key string, stamp [2]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := flight{key, stamp}
	close(c.busy[f])
	delete(c.busy, f)
}

type answer struct {
	key   string
	stamp [2]int64
	body  []byte
	gz    bool // body is gzipped
}

func newAnswers(max int) *answers {
	return &answers{max: max, ll: list.New(), m: map[string]*list.Element{}, busy: map[flight]chan struct{}{}}
}

// get returns the body stored for key at stamp, and whether it is
// gzipped.
func (c *answers) get(key string, stamp [2]int64) (body []byte, gz, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || e.Value.(*answer).stamp != stamp {
		return nil, false, false
	}
	c.ll.MoveToFront(e)
	a := e.Value.(*answer)
	return a.body, a.gz, true
}

// put stores body for key at stamp, dropping the least recently used
// bodies while the cache holds more than its bound. A body larger than a
// quarter of the bound is not kept.
func (c *answers) put(key string, stamp [2]int64, body []byte, gz bool) {
	cost := len(body) + len(key)
	if cost > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		old := e.Value.(*answer)
		c.size -= len(old.body) + len(old.key)
		old.stamp, old.body, old.gz = stamp, body, gz
		c.ll.MoveToFront(e)
	} else {
		c.m[key] = c.ll.PushFront(&answer{key, stamp, body, gz})
	}
	c.size += cost
	for c.size > c.max {
		e := c.ll.Back()
		a := e.Value.(*answer)
		c.ll.Remove(e)
		delete(c.m, a.key)
		c.size -= len(a.body) + len(a.key)
	}
}

// bytes returns the size the cache holds.
func (c *answers) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// capture records an answer to replay it and keep it.
type capture struct {
	h    http.Header
	code int
	body []byte
}

func (c *capture) Header() http.Header { return c.h }
func (c *capture) WriteHeader(code int) {
	if c.code == 0 {
		c.code = code
	}
}
func (c *capture) Write(b []byte) (int, error) {
	if c.code == 0 {
		c.code = http.StatusOK
	}
	c.body = append(c.body, b...)
	return len(b), nil
}

// cached serves h's answers from the cache: stamp returns the key and the
// store's version the answer depends on (ok false: not cacheable, serve
// h). Only 200 answers are kept; the headers a kept answer is replayed
// with are those writeJSON sets.
func (s *Server) cached(h http.HandlerFunc, stamp func(*http.Request) (key string, v [2]int64, err error)) http.HandlerFunc {
	if s.ver == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		key, v, err := stamp(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if body, gz, ok := s.cache.get(key, v); ok {
			replay(w, r, body, gz)
			return
		}
		// Concurrent misses of one answer wait for the first to render
		// it (100 clients asking for the same search at once would
		// otherwise each run it).
		done, first := s.cache.wait(key, v)
		if !first {
			select {
			case <-done:
			case <-r.Context().Done():
			}
			if body, gz, ok := s.cache.get(key, v); ok {
				replay(w, r, body, gz)
				return
			}
		} else {
			defer s.cache.finish(key, v)
		}
		c := &capture{h: w.Header()}
		h(c, r)
		if c.code == 0 {
			c.code = http.StatusOK
		}
		if c.code != http.StatusOK {
			w.WriteHeader(c.code)
			w.Write(c.body)
			return
		}
		body, gz := c.body, false
		if len(body) >= minGzip {
			body, gz = gzipped(body), true
		}
		s.cache.put(key, v, body, gz)
		if gz && !acceptsGzip(r) {
			body, gz = c.body, false
		}
		replay(w, r, body, gz)
	}
}

// minGzip is the size from which a kept answer is kept gzipped: a large
// story's answer (2 MB of JSON) shrinks about tenfold, so ten times as
// many fit the cache's bound, and a client that accepts gzip gets it as
// it is kept.
const minGzip = 1 << 10

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// acceptsGzip reports whether the request's Accept-Encoding names gzip
// (without q=0).
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for _, e := range strings.Split(v, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(e), ";")
			if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(params, " ", "") != "q=0" {
				return true
			}
		}
	}
	return false
}

// replay writes a kept answer: as kept to a client that accepts gzip,
// else unzipped.
func replay(w http.ResponseWriter, r *http.Request, body []byte, gz bool) {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Add("Vary", "Accept-Encoding")
	if !gz {
		w.Write(body)
		return
	}
	if acceptsGzip(r) {
		hd.Set("Content-Encoding", "gzip")
		w.Write(body)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err == nil {
		_, err = io.Copy(w, zr)
	}
	if err != nil {
		panic(http.ErrAbortHandler) // a kept answer that does not unzip: a bug; cut the connection
	}
}

// byData stamps an answer with the store's data version: any commit
// renders it again.
func (s *Server) byData(r *http.Request) (string, [2]int64, error) {
	v, err := s.ver.DataVersion(r.Context())
	return r.URL.Path + "?" + r.URL.RawQuery, [2]int64{v, 0}, err
}

// byStory stamps a story's answer with the story's version and its
// comparison's.
func (s *Server) byStory(r *http.Request) (string, [2]int64, error) {
	id := r.PathValue("id")
	if len(id) > 200 {
		return "", [2]int64{}, fmt.Errorf("story id over 200 bytes: %w", desk.ErrBadRequest)
	}
	v, c, err := s.ver.StoryVersion(r.Context(), id)
	return "story " + id, [2]int64{v, c}, err
}
