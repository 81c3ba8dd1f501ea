// Package pipe runs a function over a stream on several goroutines and
// delivers the results in input order, with bounded memory: at most a fixed
// number of items are in flight, however long the stream.
package pipe

import (
	"context"
	"runtime"
	"sync"
)

// Map reads items from next until it returns false, applies fn to each on
// workers goroutines (GOMAXPROCS when workers <= 0) and calls out with the
// results in input order. out runs on the calling goroutine. Map returns the
// first error from out or ctx; next is not called again after that.
func Map[In, Out any](ctx context.Context, workers int, next func() (In, bool), fn func(In) Out, out func(Out) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  In
		res chan Out
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	order := make(chan chan Out, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- fn(j.in)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			in, ok := next()
			if !ok {
				return
			}
			res := make(chan Out, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{in, res}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for res := range order {
		if err != nil {
			continue // drain so the feeder can stop
		}
		select {
		case o := <-res:
			err = out(o)
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			cancel()
		}
	}
	wg.Wait()
	return err
}
