package desk

import (
	"context"
	"crypto/sha256"
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNotFound is wrapped by the errors a Store returns for an article or
// story it does not hold.
var ErrNotFound = errors.New("not found")

// Store is the desk's durable memory: articles, their assignments to
// stories, the stories, and the clusterer's state. Reads may run
// concurrently with each other and with the one open transaction; a
// reader sees only committed writes.
type Store interface {
	// Begin starts a write transaction. Writes are serialised: while one
	// transaction is open, another Begin waits for it (or for ctx). The
	// error is ctx's or the backend's.
	Begin(ctx context.Context) (Tx, error)
	// Article returns the article stored under id, with its analysis
	// (Tokens are not stored). An unknown id gives an error wrapping
	// ErrNotFound.
	Article(ctx context.Context, id int64) (Article, error)
	// Unassigned returns the stored articles that have no assignment, by
	// id: those a run stored but had not clustered yet when it stopped.
	// None gives an empty slice and a nil error.
	Unassigned(ctx context.Context) ([]Article, error)
	// Story returns the story with id and its members in order. An
	// unknown id, or a story all of whose members have moved to other
	// stories, gives an error wrapping ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// Stories returns every story that has members, each with its
	// members, ordered by their smallest member id. (Minimal: the
	// server will need filters and pages.)
	Stories(ctx context.Context) ([]Story, error)
	// ClusterState returns the state last saved with
	// Tx.SaveClusterState, or nil and a nil error when none was ever
	// committed.
	ClusterState(ctx context.Context) ([]byte, error)
}

// Tx is one write transaction of a Store. Its writes are visible to
// readers all at once when Commit returns nil, and never when it is rolled
// back or the process dies before. After Commit or Rollback the Tx must not
// be used; Rollback after Commit is a no-op that returns nil.
type Tx interface {
	// PutArticle stores d and returns its id and true; or, when an article
	// with the same canonical URL (CanonicalURL, when not empty) or the same
	// text (TextHash) is already stored, the id of that article and false,
	// storing nothing. Ids are positive and increase in the order articles
	// are stored.
	PutArticle(d news.Document) (id int64, inserted bool, err error)
	// PutAssignment records that article a.Article belongs to story
	// a.Story, with the clusterer's detail, replacing an earlier
	// assignment of the article. The article becomes the last member of
	// a.Story, which is created, open and untitled, when it is new; a story
	// the article leaves is removed when it has no members left. An unknown
	// article gives an error wrapping ErrNotFound.
	PutAssignment(a Assignment) error
	// PutStory records s's title, outlets, span and whether it is closed,
	// and makes s.Members its members in that order (each one leaves the
	// story it was in, which is removed when it empties). Members not in
	// s.Members keep their place after those that are. An unknown member
	// gives an error wrapping ErrNotFound.
	PutStory(s Story) error
	// SaveClusterState replaces the saved clusterer state with state.
	SaveClusterState(state []byte) error
	// Commit makes the transaction's writes durable and visible.
	Commit() error
	// Rollback discards the transaction's writes.
	Rollback() error
}

// Article is a stored article.
type Article struct {
	ID  int64         // the store's id
	Doc news.Document // the article as cleaned and its analysis; Doc.ID is the input's id
}

// Assignment is where the clusterer put one stored article.
type Assignment struct {
	Article int64
	Story   string
	// Final says the story has closed: the clusterer will not move the
	// article again.
	Final bool
	// Detail is the clusterer's assignment as JSON (cluster.Assignment:
	// similarity, near-duplicate, split or rejoin, and the explanation).
	Detail []byte
}

// Story is a stored story.
type Story struct {
	ID          string
	Title       string
	Outlets     []string
	First, Last time.Time // span of the dated members; zero when none
	Closed      bool      // the clusterer closed it: its members are final
	Members     []int64   // article ids, in the order they joined
}

// CanonicalURL returns the form of an article's URL that stores compare
// to find the same article twice: scheme and host in lower case, without
// the fragment, a default port or a trailing slash on the path. It returns
// "" for "" and the trimmed input for a URL it cannot parse.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); p == "80" && u.Scheme == "http" || p == "443" && u.Scheme == "https" {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	if len(u.Path) > 1 {
		u.Path = strings.TrimRight(u.Path, "/")
		u.RawPath = ""
	}
	return u.String()
}

// TextHash returns the hash stores compare to find the same text twice:
// SHA-256 of the text in lower case with every run of white space made
// one space (strings.ToLower of each of strings.Fields's fields, joined by
// one space; written out here in one pass over the text, without a string
// per word, as it runs for every article stored).
func TextHash(text string) []byte {
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	words, sep := false, false // a word was written; a space is due before the next one
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				sep = words
				continue
			}
			if sep {
				buf = append(buf, ' ')
				sep = false
			}
			words = true
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			if unicode.IsSpace(r) {
				sep = words
				continue
			}
			if sep {
				buf = append(buf, ' ')
				sep = false
			}
			words = true
			// strings.ToLower writes an invalid byte as U+FFFD.
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		if len(buf) >= 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return h.Sum(nil)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
