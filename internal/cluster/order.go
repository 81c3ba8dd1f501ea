package cluster

import (
	"container/heap"
	"time"
)

// Order puts a stream in publication order with bounded memory: it holds up
// to Size items and releases the earliest whenever it holds more. An item
// without a usable date (zero, before 1980 or in the future) sorts with the
// item read before it, so undated items keep their place in the input; items
// with equal times keep their input order. When the whole input fits, the
// result is a stable sort by date. The zero value holds DefaultOrderSize
// items.
type Order[T any] struct {
	Size int
	Now  func() time.Time // nil means time.Now
	h    orderHeap[T]
	last time.Time
	seq  int
}

// DefaultOrderSize is the default reorder buffer.
const DefaultOrderSize = 1024

type orderItem[T any] struct {
	t   time.Time
	seq int
	v   T
}

type orderHeap[T any] []orderItem[T]

func (h orderHeap[T]) Len() int { return len(h) }
func (h orderHeap[T]) Less(i, j int) bool {
	if !h[i].t.Equal(h[j].t) {
		return h[i].t.Before(h[j].t)
	}
	return h[i].seq < h[j].seq
}
func (h orderHeap[T]) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *orderHeap[T]) Push(x any)   { *h = append(*h, x.(orderItem[T])) }
func (h *orderHeap[T]) Pop() any {
	old := *h
	x := old[len(old)-1]
	var zero orderItem[T]
	old[len(old)-1] = zero
	*h = old[:len(old)-1]
	return x
}

// Push adds an item published at t and, when the buffer is full, returns the
// earliest item held.
func (o *Order[T]) Push(t time.Time, v T) (T, bool) {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	if t.IsZero() || t.Year() < 1980 || t.After(now().Add(48*time.Hour)) {
		t = o.last
	}
	o.last = t
	o.seq++
	heap.Push(&o.h, orderItem[T]{t: t, seq: o.seq, v: v})
	size := o.Size
	if size <= 0 {
		size = DefaultOrderSize
	}
	if o.h.Len() > size {
		return heap.Pop(&o.h).(orderItem[T]).v, true
	}
	var zero T
	return zero, false
}

// Drain returns the items still held, earliest first.
func (o *Order[T]) Drain(fn func(T)) {
	for o.h.Len() > 0 {
		fn(heap.Pop(&o.h).(orderItem[T]).v)
	}
}
