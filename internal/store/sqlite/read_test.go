package sqlite

import (
	"testing"

	"github.com/parallax-news/parallax/internal/desk/storetest"
)

func TestReaderConformance(t *testing.T) {
	storetest.RunReader(t, func(t *testing.T) storetest.ReadStore { return openTemp(t) })
}
