package main

import (
	"runtime/debug"
	"testing"

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
