package poll_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/poll"
)

func TestHandler(t *testing.T) {
	h := poll.Handler(openStore(t))
	do := func(method, path, body string) *httptest.ResponseRecorder {
		t.Helper()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, path, strings.NewReader(body)))
		return w
	}
	isProblem := func(w *httptest.ResponseRecorder, status int) {
		t.Helper()
		var p poll.Problem
		if w.Code != status || w.Header().Get("Content-Type") != "application/problem+json" || json.Unmarshal(w.Body.Bytes(), &p) != nil || p.Status != status {
			t.Errorf("answer %d %q %s; want a %d problem+json", w.Code, w.Header().Get("Content-Type"), w.Body, status)
		}
	}
	w := do("POST", "/api/feeds", `{"url": "https://north.example/rss", "title": "North <b>Star</b>"}`)
	var f poll.Feed
	if w.Code != http.StatusCreated || json.Unmarshal(w.Body.Bytes(), &f) != nil || f.ID != 1 || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("POST = %d %s; want 201 and the feed as JSON", w.Code, w.Body)
	}
	if w := do("POST", "/api/feeds", `{"url": "https://north.example/rss"}`); w.Code != http.StatusOK {
		t.Errorf("POST again = %d; want 200", w.Code)
	}
	do("POST", "/api/feeds", `{"url": "https://south.example/atom?a=1"}`)
	for _, bad := range []string{`{"url": "file:///etc/passwd"}`, `{"url": "gopher://x"}`, `not json`, `{"url": "https://a.example/"} {}`, `{"uri": "https://a.example/"}`} {
		isProblem(do("POST", "/api/feeds", bad), http.StatusBadRequest)
	}
	isProblem(do("POST", "/api/feeds", `{"url": "https://a.example/`+strings.Repeat("a", poll.MaxRequestBytes)+`"}`), http.StatusRequestEntityTooLarge)

	w = do("GET", "/api/feeds?limit=1&offset=1", "")
	var list poll.FeedList
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &list) != nil || list.Total != 2 || len(list.Feeds) != 1 || list.Feeds[0].URL != "https://south.example/atom?a=1" {
		t.Errorf("GET page 2 = %d %s; want the second of 2 feeds", w.Code, w.Body)
	}
	isProblem(do("GET", "/api/feeds?limit=x", ""), http.StatusBadRequest)
	isProblem(do("PUT", "/api/feeds", ""), http.StatusMethodNotAllowed)
	isProblem(do("DELETE", "/api/feeds/99", ""), http.StatusNotFound)
	if w := do("DELETE", "/api/feeds/"+url.PathEscape("https://south.example/atom?a=1"), ""); w.Code != http.StatusNoContent {
		t.Errorf("DELETE by escaped URL = %d %s; want 204", w.Code, w.Body)
	}
	if w := do("DELETE", "/api/feeds/1", ""); w.Code != http.StatusNoContent {
		t.Errorf("DELETE /api/feeds/1 = %d %s; want 204", w.Code, w.Body)
	}
	w = do("GET", "/api/feeds", "")
	if json.Unmarshal(w.Body.Bytes(), &list) != nil || list.Total != 0 || list.Feeds == nil {
		t.Errorf("GET after deletes = %s; want an empty list", w.Body)
	}
}
