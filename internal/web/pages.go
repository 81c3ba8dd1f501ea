package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/report"
)

type storiesData struct {
	Query, Outlet string
	Days          []storyDay
	Live          string // the URL the list polls
}

type storyDay struct {
	Day     string
	Today   bool
	Stories []StorySummary
}

func (s *server) stories(w http.ResponseWriter, r *http.Request) {
	f := StoryFilter{Query: strings.TrimSpace(r.URL.Query().Get("q")), Outlet: r.URL.Query().Get("outlet")}
	list, err := s.desk.Stories(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := storiesData{Query: f.Query, Outlet: f.Outlet, Live: "/?" + url.Values{"q": {f.Query}, "outlet": {f.Outlet}}.Encode()}
	today := dayOf(s.opt.Now())
	for _, st := range list {
		day := dayOf(st.Last)
		if n := len(d.Days); n == 0 || d.Days[n-1].Day != day {
			d.Days = append(d.Days, storyDay{Day: day, Today: day == today})
		}
		d.Days[len(d.Days)-1].Stories = append(d.Days[len(d.Days)-1].Stories, st)
	}
	title := "Stories"
	if f.Query != "" {
		title = fmt.Sprintf("Stories matching %q", f.Query)
	}
	block := ""
	if isHTMX(r) {
		block = "list"
	}
	s.render(w, r, "stories", block, http.StatusOK, s.newPage(w, r, title, "stories", d))
}

type storyData struct {
	Story Story
	HTML  template.HTML // report.WriteStory's view, escaped by its own template
	Live  string
}

func (s *server) storyData(r *http.Request) (storyData, error) {
	id := r.PathValue("id")
	var stamp [2]int64
	v, cached := s.desk.(StoryVersioner)
	if cached {
		ver, computed, err := v.StoryVersion(r.Context(), id)
		switch {
		case errors.Is(err, ErrUnversioned):
			cached = false
		case err != nil:
			return storyData{}, err
		}
		stamp = [2]int64{ver, computed}
		if d, ok := s.rendered.get(id, stamp); cached && ok {
			return d, nil
		}
	}
	d, err := s.renderStory(r, id)
	if err == nil && cached && d.Story.ID == id {
		s.rendered.put(id, stamp, d)
	}
	return d, err
}

// renderStory reads a story and renders its comparison.
func (s *server) renderStory(r *http.Request, id string) (storyData, error) {
	st, err := s.desk.Story(r.Context(), id)
	if err != nil {
		return storyData{}, err
	}
	var b bytes.Buffer
	if err := report.WriteStory(&b, st.Report, report.StoryOptions{Title: st.Title}); err != nil {
		return storyData{}, err
	}
	live := "/stories/" + url.PathEscape(st.ID) + "/live?n=" + strconv.Itoa(len(st.Report.Articles))
	return storyData{Story: st, HTML: template.HTML(b.String()), Live: live}, nil
}

func (s *server) story(w http.ResponseWriter, r *http.Request) {
	d, err := s.storyData(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "story", "", http.StatusOK, s.newPage(w, r, report.StoryTitle(d.Story.Report, report.StoryOptions{Title: d.Story.Title}), "", d))
}

// live answers the story page's poll: nothing while the story has the
// articles the page shows, else the story anew.
func (s *server) live(w http.ResponseWriter, r *http.Request) {
	d, err := s.storyData(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && n == len(d.Story.Report.Articles) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	s.render(w, r, "story", "live", http.StatusOK, s.newPage(w, r, "", "", d))
}

func (s *server) outlet(w http.ResponseWriter, r *http.Request) {
	o, err := s.desk.Outlet(r.Context(), r.PathValue("name"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "outlet", "", http.StatusOK, s.newPage(w, r, o.Name, "", o))
}

type feedsData struct {
	Feeds []Feed
	Error string
	URL   string
}

func (s *server) feeds(w http.ResponseWriter, r *http.Request) {
	s.feedsPage(w, r, http.StatusOK, feedsData{})
}

func (s *server) feedsPage(w http.ResponseWriter, r *http.Request, status int, d feedsData) {
	fs, err := s.desk.Feeds(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Feeds = fs
	block := ""
	if isHTMX(r) {
		block = "feedlist"
	}
	s.render(w, r, "feeds", block, status, s.newPage(w, r, "Feeds", "feeds", d))
}

func (s *server) addFeed(w http.ResponseWriter, r *http.Request) error {
	u := strings.TrimSpace(r.FormValue("url"))
	if report.SafeURL(u) == "" || len(u) > 2048 {
		s.feedsPage(w, r, http.StatusUnprocessableEntity, feedsData{Error: "A feed's address is an http:// or https:// URL.", URL: u})
		return nil
	}
	if _, err := s.desk.AddFeed(r.Context(), u); err != nil {
		msg := "The feed could not be added: " + err.Error()
		if errors.Is(err, ErrExists) {
			msg = "That feed is already there."
		}
		s.opt.Logger.Info("add feed", "url", u, "err", err)
		s.feedsPage(w, r, http.StatusUnprocessableEntity, feedsData{Error: msg, URL: u})
		return nil
	}
	http.Redirect(w, r, "/feeds", http.StatusSeeOther)
	return nil
}

func (s *server) removeFeed(w http.ResponseWriter, r *http.Request) error {
	u := r.FormValue("url")
	if err := s.desk.RemoveFeed(r.Context(), u); err != nil {
		return err
	}
	if isHTMX(r) {
		w.WriteHeader(http.StatusOK) // htmx removes the row: the response is empty
		return nil
	}
	http.Redirect(w, r, "/feeds", http.StatusSeeOther)
	return nil
}
