package poll

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// MaxRequestBytes is the largest request body Handler reads.
const MaxRequestBytes = 64 << 10

// Handler serves the feed list over store, as JSON:
//
//	GET    /api/feeds?limit=N&offset=M  {"feeds": [Feed...], "total": T, "limit": N, "offset": M}
//	POST   /api/feeds {"url": "...", "title": "..."}  201 and the Feed; 200 and the stored Feed when it was there
//	DELETE /api/feeds/{id or url-escaped URL}         204
//
// Errors are application/problem+json (RFC 9457): 400 for a body that is
// not JSON or a URL that is not http(s), 404 for an unknown feed, 405 for
// another method, 413 for a body over MaxRequestBytes, 500 for the
// store's errors. limit is 100 unless given, at most 1000. Access
// control (a token for writes) is the server's, around this handler.
func Handler(store FeedStore) http.Handler {
	h := &handler{store: store}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/feeds", h.list)
	mux.HandleFunc("POST /api/feeds", h.add)
	mux.HandleFunc("DELETE /api/feeds/{key...}", h.remove)
	mux.HandleFunc("/api/feeds", h.notAllowed("GET, POST"))
	mux.HandleFunc("/api/feeds/", h.notAllowed("DELETE"))
	return mux
}

type handler struct{ store FeedStore }

// Problem is an RFC 9457 problem document.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func problem(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (h *handler) notAllowed(allow string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		problem(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here")
	}
}

// FeedList is the answer to GET /api/feeds.
type FeedList struct {
	Feeds  []Feed `json:"feeds"`
	Total  int    `json:"total"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	limit, offset := 100, 0
	for name, p := range map[string]*int{"limit": &limit, "offset": &offset} {
		if v := r.URL.Query().Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || len(v) > 9 {
				problem(w, http.StatusBadRequest, name+" must be a number >= 0")
				return
			}
			*p = n
		}
	}
	limit = min(max(limit, 1), 1000)
	feeds, err := h.store.Feeds(r.Context())
	if err != nil {
		problem(w, http.StatusInternalServerError, "the store could not list the feeds")
		return
	}
	out := FeedList{Feeds: []Feed{}, Total: len(feeds), Limit: limit, Offset: offset}
	if offset < len(feeds) {
		out.Feeds = feeds[offset:min(len(feeds), offset+limit)]
	}
	reply(w, http.StatusOK, out)
}

func (h *handler) add(w http.ResponseWriter, r *http.Request) {
	var req struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxRequestBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			problem(w, http.StatusRequestEntityTooLarge, "the body is larger than "+strconv.Itoa(MaxRequestBytes)+" bytes")
			return
		}
		problem(w, http.StatusBadRequest, "the body must be JSON: {\"url\": \"https://...\"}")
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		problem(w, http.StatusBadRequest, "the body must hold one JSON object")
		return
	}
	u, err := FeedURL(req.URL)
	if err != nil {
		problem(w, http.StatusBadRequest, "url must be an absolute http or https URL without credentials")
		return
	}
	f, added, err := h.store.AddFeed(r.Context(), u, strings.Join(strings.Fields(req.Title), " "))
	if err != nil {
		problem(w, http.StatusInternalServerError, "the store could not add the feed")
		return
	}
	status := http.StatusOK
	if added {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/feeds/"+strconv.FormatInt(f.ID, 10))
	}
	reply(w, status, f)
}

func (h *handler) remove(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil {
		feeds, err := h.store.Feeds(r.Context())
		if err != nil {
			problem(w, http.StatusInternalServerError, "the store could not list the feeds")
			return
		}
		id = 0
		for _, f := range feeds {
			if f.URL == key {
				id = f.ID
			}
		}
	}
	if err := h.store.RemoveFeed(r.Context(), id); errors.Is(err, ErrNotFound) {
		problem(w, http.StatusNotFound, "no feed "+strconv.Quote(key))
		return
	} else if err != nil {
		problem(w, http.StatusInternalServerError, "the store could not remove the feed")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
