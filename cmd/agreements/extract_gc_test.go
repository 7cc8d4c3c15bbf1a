package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestCollectForExtract: an extract collects at half the live heap's
// growth and puts the setting back; collection off (a quiet start), a
// lower setting and GOGC are left as they are.
func TestCollectForExtract(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	undo := collectForExtract()
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(extractGCPercent))
	undo()
	assert.Equal(t, 100, debug.SetGCPercent(-1))
	collectForExtract()()
	assert.Equal(t, -1, debug.SetGCPercent(20), "collection off stays off")
	collectForExtract()()
	assert.Equal(t, 20, debug.SetGCPercent(100), "a lower setting stays")
	t.Setenv("GOGC", "100")
	undo = collectForExtract()
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC says")
	undo()
}

// TestCollectAroundRead: the collector is off while the only input is
// read and set back after; a document of more than readSlack is collected
// then and held under a soft memory limit while it is normalised and lets
// go, the limit set back when a collection finds more live than it allows
// and once the document is normalised; several inputs at once, collection
// off and GOGC are left as they are.
func TestCollectAroundRead(t *testing.T) {
	old := debug.SetGCPercent(extractGCPercent)
	defer debug.SetGCPercent(old)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(oldLimit)

	runtime.GC()
	collected := collectAroundRead(true)
	assert.Equal(t, -1, debug.SetGCPercent(-1), "off while the input is read")
	debug.SetGCPercent(-1)
	collected()()
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(extractGCPercent), "set back")
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "a small document: no collection forced, no limit")

	collected = collectAroundRead(true)
	doc := make([][]byte, 0, 16)
	for range 16 {
		doc = append(doc, make([]byte, 1<<20))
	}
	normalised := collected()
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(extractGCPercent), "set back")
	first := debug.SetMemoryLimit(-1)
	assert.Less(t, first, int64(math.MaxInt64), "a soft limit while the document is normalised")
	kept := make([][]byte, 0, 64)
	for range 64 {
		kept = append(kept, make([]byte, 1<<20))
	}
	assert.Eventually(t, func() bool {
		runtime.GC()
		return debug.SetMemoryLimit(-1) == math.MaxInt64
	}, 10*time.Second, 10*time.Millisecond, "set back when a collection finds more kept than it allows")
	runtime.KeepAlive(kept)
	runtime.KeepAlive(doc)
	normalised()
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "and once the document is normalised")

	collected = collectAroundRead(true)
	doc = make([][]byte, 0, 16)
	for range 16 {
		doc = append(doc, make([]byte, 1<<20))
	}
	normalised = collected()
	held := debug.SetMemoryLimit(-1)
	assert.Less(t, held, int64(math.MaxInt64), "a soft limit while the document is normalised")
	for i := 8; i < len(doc); i++ {
		doc[i] = nil // half the rows let go
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	assert.Equal(t, held, debug.SetMemoryLimit(-1), "held while the heap lets go")
	runtime.KeepAlive(doc)
	normalised()
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "set back once the document is normalised")
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "and not set again")

	collectAroundRead(false)()()
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(-1), "several inputs at once: left as it is")
	collectAroundRead(true)()()
	assert.Equal(t, -1, debug.SetGCPercent(extractGCPercent), "collection off stays off")
	t.Setenv("GOGC", "100")
	collected = collectAroundRead(true)
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(extractGCPercent), "GOGC says")
	collected()()
}
