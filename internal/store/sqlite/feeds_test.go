package sqlite

import (
	"testing"

	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/poll/polltest"
)

func TestFeedConformance(t *testing.T) {
	polltest.Run(t, func(t *testing.T) poll.FeedStore { return openTemp(t) })
}
