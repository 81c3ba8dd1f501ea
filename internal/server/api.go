package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/report"
)

// fail answers a store error: 404 for ErrNotFound, 400 for
// ErrBadRequest, else 500 (logged; its text is not shown).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, desk.ErrNotFound):
		writeProblem(w, http.StatusNotFound, err.Error())
	case errors.Is(err, desk.ErrBadRequest):
		writeProblem(w, http.StatusBadRequest, err.Error())
	case r.Context().Err() != nil:
		writeProblem(w, http.StatusServiceUnavailable, "the request was cancelled")
	default:
		s.log.Error("read", "path", r.URL.Path, "err", err)
		writeProblem(w, http.StatusInternalServerError, "the store failed to answer")
	}
}

// badParam is a query parameter that cannot be read.
type badParam struct{ name, why string }

func (e badParam) Error() string { return "parameter " + e.name + ": " + e.why }

// params reads query parameters, remembering the first bad one.
type params struct {
	q   url.Values
	err error
}

func (p *params) bad(name, why string) {
	if p.err == nil {
		p.err = badParam{name, why}
	}
}

func (p *params) str(name string, max int) string {
	v := p.q.Get(name)
	if len(v) > max {
		p.bad(name, fmt.Sprintf("over %d bytes", max))
		return ""
	}
	return v
}

func (p *params) int(name string, lo, hi int) int {
	v := p.q.Get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.bad(name, fmt.Sprintf("want a whole number from %d to %d", lo, hi))
		return 0
	}
	return n
}

// time reads RFC 3339 or a day (2006-01-02, UTC); until's day ends at its
// last second.
func (p *params) time(name string, endOfDay bool) time.Time {
	v := p.q.Get(name)
	if v == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		p.bad(name, "want a day (2006-01-02) or an RFC 3339 time")
		return time.Time{}
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Second)
	}
	return t
}

func (p *params) page() desk.Page {
	return desk.Page{Limit: p.int("limit", 1, desk.MaxLimit), Cursor: p.str("cursor", 512)}
}

// tm prints a time for the API: RFC 3339 in UTC, "" when unknown.
func tm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

type storyJSON struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Outlets  []string `json:"outlets"`
	Articles int      `json:"articles"`
	First    string   `json:"first"`
	Last     string   `json:"last"`
	Closed   bool     `json:"closed"`
	// Stale says the story changed since its comparison was computed: a
	// new one is on its way.
	Stale bool `json:"stale"`
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	f := desk.StoryFilter{
		Since: p.time("since", false), Until: p.time("until", true),
		Outlet: p.str("outlet", 200), Query: p.str("q", 500), MinOutlets: p.int("min_outlets", 0, 1000),
		Page: p.page(),
	}
	if p.err != nil {
		writeProblem(w, http.StatusBadRequest, p.err.Error())
		return
	}
	page, err := s.store.ListStories(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Stories []storyJSON `json:"stories"`
		Next    string      `json:"next"`
	}{Stories: []storyJSON{}, Next: page.Next}
	for _, st := range page.Stories {
		out.Stories = append(out.Stories, storyJSON{st.ID, st.Title, orEmpty(st.Outlets), st.Articles, tm(st.First), tm(st.Last), st.Closed, st.Computed < st.Version})
	}
	writeJSON(w, out)
}

type memberJSON struct {
	Article   int64  `json:"article"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published"`
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > 200 {
		writeProblem(w, http.StatusBadRequest, "story id over 200 bytes")
		return
	}
	d, err := s.store.StoryDetail(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Story    storyJSON    `json:"story"`
		Timeline []memberJSON `json:"timeline"`
		// Truncated says the timeline holds only the first members by date.
		Truncated bool `json:"timeline_truncated"`
	}{Timeline: []memberJSON{}}
	outlets := []string{}
	seen := map[string]bool{}
	for _, m := range d.Timeline {
		if !seen[m.Outlet] {
			seen[m.Outlet] = true
			outlets = append(outlets, m.Outlet)
		}
		if len(out.Timeline) == maxTimeline {
			out.Truncated = true
			continue
		}
		out.Timeline = append(out.Timeline, memberJSON{m.Article, m.Outlet, m.Title, m.URL, tm(m.Published)})
	}
	var first, last time.Time
	for _, m := range d.Timeline {
		if !m.Published.IsZero() {
			if first.IsZero() {
				first = m.Published
			}
			last = m.Published
		}
	}
	out.Story = storyJSON{d.ID, d.Title, outlets, len(d.Timeline), tm(first), tm(last), d.Closed, d.Comparison == nil || d.Computed < d.Version}
	if d.Comparison != nil && out.Story.Title == "" {
		out.Story.Title = titleOf(d.Comparison)
	}
	rest, err := json.Marshal(out)
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "could not encode the answer")
		return
	}
	// The stored comparison goes out as it is stored (JSON the store
	// wrote), with <, > and & escaped as writeJSON's are: re-encoding a
	// comparison of a large story costs more than the rest of the answer.
	body := make([]byte, 0, len(d.Comparison)+len(rest)+32)
	body = append(body, `{"comparison":`...)
	if d.Comparison == nil {
		body = append(body, "null"...)
	} else {
		var esc bytes.Buffer
		json.HTMLEscape(&esc, d.Comparison)
		body = append(body, esc.Bytes()...)
	}
	body = append(body, ',')
	body = append(body, rest[1:]...)
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(append(body, '\n'))
}

// titleOf returns the first article's title in a stored comparison.
func titleOf(rep []byte) string {
	var x struct {
		Articles []struct {
			Title string `json:"title"`
		} `json:"articles"`
	}
	if json.Unmarshal(rep, &x) == nil && len(x.Articles) > 0 {
		return x.Articles[0].Title
	}
	return ""
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeProblem(w, http.StatusBadRequest, "article id: want a positive whole number")
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	story, err := s.store.StoryOf(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The store id shadows the DocumentJSON's id, which is the input's.
	out := struct {
		ID       int64  `json:"id"`
		InputID  string `json:"input_id"`
		Story    string `json:"story"`
		Language string `json:"language,omitempty"`
		report.DocumentJSON
	}{ID: id, InputID: a.Doc.ID, Story: story, Language: a.Doc.Language, DocumentJSON: report.NewDocumentJSON(a.Doc)}
	writeJSON(w, out)
}

// segment is a piece of a marked text: a match or not.
type segment struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// segments splits a text marked with desk.HitStart and HitEnd.
func segments(s string) []segment {
	out := []segment{}
	match := false
	for s != "" {
		mark := desk.HitStart
		if match {
			mark = desk.HitEnd
		}
		i := strings.Index(s, mark)
		if i < 0 {
			out = append(out, segment{s, match})
			break
		}
		if i > 0 {
			out = append(out, segment{s[:i], match})
		}
		s = s[i+len(mark):]
		match = !match
	}
	return out
}

func plain(s string) string {
	return strings.NewReplacer(desk.HitStart, "", desk.HitEnd, "").Replace(s)
}

type hitJSON struct {
	Article   int64  `json:"article"`
	Story     string `json:"story"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Snippet   string `json:"snippet"` // plain text
	// Highlight is the snippet in pieces, the matched words marked: data
	// for a client to render, never markup.
	Highlight      []segment `json:"highlight"`
	TitleHighlight []segment `json:"title_highlight"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	q := desk.SearchQuery{Query: p.str("q", 500), Page: p.page()}
	if p.err == nil && strings.TrimSpace(q.Query) == "" {
		p.bad("q", "required")
	}
	if p.err != nil {
		writeProblem(w, http.StatusBadRequest, p.err.Error())
		return
	}
	page, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Hits []hitJSON `json:"hits"`
		Next string    `json:"next"`
	}{Hits: []hitJSON{}, Next: page.Next}
	for _, h := range page.Hits {
		out.Hits = append(out.Hits, hitJSON{h.Article, h.Story, h.Outlet, plain(h.Title), tm(h.Published), plain(h.Snippet), segments(h.Snippet), segments(h.Title)})
	}
	writeJSON(w, out)
}

type outletJSON struct {
	Name     string `json:"name"`
	Stories  int    `json:"stories"`
	Articles int    `json:"articles"`
}

func (s *Server) outlets(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	pg := p.page()
	if p.err != nil {
		writeProblem(w, http.StatusBadRequest, p.err.Error())
		return
	}
	page, err := s.store.Outlets(r.Context(), pg)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Outlets []outletJSON `json:"outlets"`
		Next    string       `json:"next"`
	}{Outlets: []outletJSON{}, Next: page.Next}
	for _, o := range page.Outlets {
		out.Outlets = append(out.Outlets, outletJSON{o.Name, o.Stories, o.Articles})
	}
	writeJSON(w, out)
}

type outletStoryJSON struct {
	Story    string   `json:"story"`
	Title    string   `json:"title"`
	Outlets  int      `json:"outlets"`
	Articles int      `json:"articles"`
	Last     string   `json:"last"`
	Omitted  []string `json:"omitted"` // shared facts the outlet did not report
}

func (s *Server) outlet(w http.ResponseWriter, r *http.Request) {
	p := &params{q: r.URL.Query()}
	pg := p.page()
	name := r.PathValue("name")
	if len(name) > 200 {
		p.bad("name", "over 200 bytes")
	}
	if p.err != nil {
		writeProblem(w, http.StatusBadRequest, p.err.Error())
		return
	}
	d, err := s.store.Outlet(r.Context(), name, pg)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Outlet  outletJSON        `json:"outlet"`
		Stories []outletStoryJSON `json:"stories"`
		Next    string            `json:"next"`
	}{Outlet: outletJSON{d.Name, d.OutletSummary.Stories, d.Articles}, Stories: []outletStoryJSON{}, Next: d.Next}
	for _, st := range d.Stories {
		out.Stories = append(out.Stories, outletStoryJSON{st.Story, st.Title, st.Outlets, st.Articles, tm(st.Last), orEmpty(st.Omitted)})
	}
	writeJSON(w, out)
}
