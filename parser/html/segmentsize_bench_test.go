package html

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's CPU time so far, user and system.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSegmentSize reads table and list pages of 64 KiB to 1 MiB
// whole and in segments, to weigh the size from which a page is read in
// segments (segmentBytes).
func BenchmarkSegmentSize(b *testing.B) {
	for _, kind := range []string{"table", "list"} {
		for _, n := range []int{64 << 10, 128 << 10, 256 << 10, 512 << 10, 1 << 20} {
			page := fixturePage(b, kind, n)
			for _, c := range []struct {
				name  string
				above int
			}{{"whole", len(page)}, {"segments", 1}} {
				b.Run(fmt.Sprintf("%s-%dKiB/%s", kind, n>>10, c.name), func(b *testing.B) {
					b.SetBytes(int64(len(page)))
					b.ReportAllocs()
					start := cpuTime(b)
					n := 0
					for b.Loop() {
						if _, err := parseSegments("input.html", page, Options{}, c.above, segmentMin); err != nil {
							b.Fatal(err)
						}
						n++
					}
					b.ReportMetric(float64(len(page))/(cpuTime(b)-start).Seconds()*float64(n)/1e6, "cpu-MB/s")
				})
			}
		}
	}
}
