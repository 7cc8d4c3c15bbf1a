//go:build !front

package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The parse child's heap bound (see collectFor) reads the live heap from
// runtime/metrics, whose package sets up its table of metrics at every
// start of the program. The front, never a parse child, does without it
// (heapbound_front.go).

// heapBound is a child's soft memory limit: floor, or as much more as the
// live heap needs (heapLimit). The live heap a collection finds counts
// what was made while it ran, a burst when the pages' tables are
// stitched: the limit follows the smaller of the last two collections'.
type heapBound struct {
	floor int64
	live  []metrics.Sample
	last  int64 // the live heap the collection before found
}

// boundHeap sets a soft memory limit of floor bytes, and sets it again
// after every collection.
func boundHeap(floor int64) {
	h := &heapBound{floor: floor, live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	debug.SetMemoryLimit(floor)
	h.arm()
}

// arm has adjust run after the next collection, and arm again.
func (h *heapBound) arm() {
	runtime.AddCleanup(&gcTick{}, func(h *heapBound) {
		h.adjust()
		h.arm()
	}, h)
}

// adjust sets the limit for the live heap the last collection found.
func (h *heapBound) adjust() {
	metrics.Read(h.live)
	if h.live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(h.live[0].Value.Uint64())
	debug.SetMemoryLimit(heapLimit(h.floor, min(live, h.last)))
	h.last = live
}

// heapLimit is the soft memory limit for a live heap of live bytes: floor,
// or half the live heap and limitSlack above it when that is more.
func heapLimit(floor, live int64) int64 {
	return max(floor, live+live/2+limitSlack)
}
