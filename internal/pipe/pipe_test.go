package pipe

import (
	"context"
	"errors"
	"testing"
)

func TestMapOrder(t *testing.T) {
	const n = 1000
	i := 0
	next := func() (int, bool) { i++; return i, i <= n }
	var got []int
	err := Map(context.Background(), 4, next, func(x int) int { return x * 2 }, func(x int) error {
		got = append(got, x)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("Map gave %d results; want %d", len(got), n)
	}
	for k, v := range got {
		if v != 2*(k+1) {
			t.Fatalf("Map result %d = %d; want %d", k, v, 2*(k+1))
		}
	}
}

func TestMapStopsOnError(t *testing.T) {
	i := 0
	next := func() (int, bool) { i++; return i, true } // endless
	stop := errors.New("stop")
	err := Map(context.Background(), 2, next, func(x int) int { return x }, func(x int) error {
		if x == 50 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Map = %v; want %v", err, stop)
	}
}
