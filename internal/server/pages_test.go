package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPagesTakeTheRest(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text."}}})
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	s := New(db, Options{Pages: pages})
	s.SetReady(true)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for path, want := range map[string]int{
		"/": http.StatusTeapot, "/stories/s-1": http.StatusTeapot, "/feeds": http.StatusTeapot,
		"/api/stories": 200, "/api/nothing": 404, "/healthz": 200, "/metrics": 200,
	} {
		if resp, _ := get(t, ts.URL+path); resp.StatusCode != want {
			t.Errorf("GET %s = %d; want %d", path, resp.StatusCode, want)
		}
	}
}
