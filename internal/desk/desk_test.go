package desk_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/desk/storetest"
)

func TestMemStoreConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) desk.Store { return newMemStore() })
}

func TestCanonicalURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{" https://Example.COM/a/b/#frag ", "https://example.com/a/b"},
		{"http://example.com:80/", "http://example.com/"},
		{"https://example.com:8443/x?q=1", "https://example.com:8443/x?q=1"},
		{"not a url", "not a url"},
	} {
		if got := desk.CanonicalURL(tc.in); got != tc.want {
			t.Errorf("CanonicalURL(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
