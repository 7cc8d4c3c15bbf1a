package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// BenchmarkParseChild: one input parsed in a parse child, as extract does,
// on generated ruled tables and unruled lists of 10, 100 and 1,000 pages
// and a generated HTML page of 10 MB, handed over as its file as extract
// hands a page (CHILD_INPUT names a file to measure instead). Besides the time, it
// reports the child's peak resident memory (child-peak-MB: the largest
// child this process has waited for, so run one case at a time, e.g.
// -bench 'ParseChild/table-1000$') and its CPU time (child-cpu-ms: user
// and system, per parse). A child's peak counts the memory of this process
// when it started the child (the two share it until the child's program
// is loaded): this process's own peak is reset before each, so that it
// adds only its resident memory then (50–60 MB with a 1,000-page input:
// the input, the generator's and the last reply's leftovers), a floor
// under the figure; for a child's peak alone, run it on its own
// (TestWriteChildRequest).
func BenchmarkParseChild(b *testing.B) {
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	if path := os.Getenv("CHILD_INPUT"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{"file", data})
	} else {
		for _, kind := range []string{"table", "list"} {
			for _, pages := range []int{10, 100, 1000} {
				inputs = append(inputs, input{name: kind + "-" + strconv.Itoa(pages)})
			}
		}
		inputs = append(inputs, input{name: "page-10MB", data: synthHTML(10 << 20)})
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			data := in.data
			if kind, n, ok := strings.Cut(in.name, "-"); ok && data == nil {
				pages, _ := strconv.Atoi(n)
				if kind == "table" {
					data = synthTablePDF(pages, 30)
				} else {
					data = synthListPDF(pages, 40)
				}
			}
			// The input is a file, as the command's inputs mostly are: the
			// child reads a PDF from it (see sameFile), and a page (handedFile).
			path := filepath.Join(b.TempDir(), "synth.pdf")
			if parser.Detect(data) == parser.FormatHTML {
				path = filepath.Join(b.TempDir(), "synth.html")
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			var before syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &before)
			for b.Loop() {
				b.StopTimer()
				debug.FreeOSMemory()
				_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets this process's peak
				b.StartTimer()
				if err := parseChildFile(path, data); err != nil {
					b.Fatal(err)
				}
			}
			var after syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &after) == nil {
				b.ReportMetric(float64(after.Maxrss)/1024, "child-peak-MB")
				cpu := func(ru syscall.Rusage) float64 {
					return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
				}
				b.ReportMetric((cpu(after)-cpu(before))/float64(b.N), "child-cpu-ms")
			}
		})
	}
}

// parseChildFile parses the file at path, which holds data, in a parse
// child as extract does: a PDF checked against data (sameFile), an HTML
// page handed over as its file (handedFile).
func parseChildFile(path string, data []byte) error {
	if parser.Detect(data) == parser.FormatHTML {
		f, size, format := handedFile(path)
		if f == nil {
			return errors.New("the page was not handed over")
		}
		defer f.Close()
		_, err := parseInChild(parseRequest{Name: path, file: f, Size: size, format: format}, limitsFor(size))
		return err
	}
	_, err := parseIsolated(path, data, nil)
	return err
}

// TestWriteChildRequest writes the request a parse child reads on its
// standard input for the input CHILD_INPUT names, to the file CHILD_REQUEST
// names, so that a child can be run and measured on its own:
//
//	AGREEMENTS_PARSE_CHILD=1 GOGC=off /usr/bin/time -f '%M KiB %U+%S' bin/agreements <req 3<input.pdf >/dev/null
//
// With CHILD_INFILE=1 the child reads the input from descriptor 3, as it
// does for a PDF named on the command line; otherwise the input's bytes
// follow the request.
func TestWriteChildRequest(t *testing.T) {
	out, in := os.Getenv("CHILD_REQUEST"), os.Getenv("CHILD_INPUT")
	if out == "" || in == "" {
		t.Skip("CHILD_REQUEST and CHILD_INPUT not set")
	}
	data, err := os.ReadFile(in)
	require.NoError(t, err)
	req := parseRequest{Name: in, Data: data, Memory: limitsFor(len(data)).Memory, QuietStart: true,
		InFile: os.Getenv("CHILD_INFILE") == "1"}
	var buf bytes.Buffer
	require.NoError(t, writeRequest(&buf, req))
	require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o644))
}
