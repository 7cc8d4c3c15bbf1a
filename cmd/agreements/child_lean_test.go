package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// The lean parse children's build tags, as scripts/build.sh builds them.
const (
	leanPDFTags  = "parsechild,norewrite"
	leanHTMLTags = "parsechild,htmlchild"
)

// buildLeanChild builds a lean parse child with the given build tags into
// dir with the given build stamp, as scripts/build.sh does, and returns
// its path.
func buildLeanChild(t *testing.T, dir, name, tags, stamp string) string {
	t.Helper()
	exe := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-tags", tags, "-ldflags", "-X main.buildStamp="+stamp, "-o", exe, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "building the lean parse child: %s", out)
	return exe
}

// countingChild writes a script that counts its starts in a file, then
// runs exe: it shows which child the command started.
func countingChild(t *testing.T, dir, exe string) (string, func() int) {
	t.Helper()
	count := filepath.Join(dir, filepath.Base(exe)+".starts")
	script := filepath.Join(dir, filepath.Base(exe)+".sh")
	require.NoError(t, os.WriteFile(script, []byte("#!/bin/sh\necho >> '"+count+"'\nexec '"+exe+"' \"$@\"\n"), 0o755))
	return script, func() int {
		b, err := os.ReadFile(count)
		if os.IsNotExist(err) {
			return 0
		}
		require.NoError(t, err)
		return strings.Count(string(b), "\n")
	}
}

// leanInputs are inputs of every kind the command reads, and some it does
// not: every fixture document, the hostile inputs, a file of no format
// read.
func leanInputs(t *testing.T) [][]string {
	t.Helper()
	var runs [][]string
	docs, err := filepath.Glob("../../fixtures/*/input.*")
	require.NoError(t, err)
	for _, d := range docs {
		args := []string{"extract"}
		if b, err := os.ReadFile(filepath.Join(filepath.Dir(d), "args")); err == nil {
			args = append(args, splitArgs(string(b))...)
		}
		runs = append(runs, append(args, d))
	}
	hostile, err := filepath.Glob("../../fixtures/hostile/*.*")
	require.NoError(t, err)
	for _, h := range hostile {
		if strings.HasSuffix(h, ".pdf") || strings.HasSuffix(h, ".html") {
			runs = append(runs, []string{"extract", h})
		}
	}
	return append(runs, []string{"extract", "../../fixtures/README.md"}, []string{"raw", docs[0]})
}

// TestLeanChild: each lean parse child links only what reading its format
// needs; extract through them writes what it writes through the program's
// own child, byte for byte, exit code and stderr too, under the same
// bounds; a missing child, or one of another build, is not used.
func TestLeanChild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the lean parse children")
	}
	t.Run("links only its reader", func(t *testing.T) {
		for _, c := range []struct{ tags, reader, other string }{
			{leanPDFTags, "../../parser/pdf", "golang.org/x/net/html"},
			{leanHTMLTags, "../../parser/html", "github.com/ledongthuc/pdf"},
		} {
			allowed := map[string]bool{"github.com/agreements/agreements/cmd/agreements": true}
			out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", c.reader).Output()
			require.NoError(t, err)
			for _, p := range strings.Fields(string(out)) {
				allowed[p] = true
			}
			require.False(t, allowed[c.other], "%s needs %s", c.reader, c.other)
			out, err = exec.Command("go", "list", "-tags", c.tags, "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
			require.NoError(t, err)
			for _, p := range strings.Fields(string(out)) {
				// The module's internal packages (the reply's encoding) are
				// the child's own.
				own := strings.HasPrefix(p, "github.com/agreements/agreements/internal/")
				assert.True(t, allowed[p] || own, "the lean parse child (%s) links %s, which its reader does not need", c.tags, p)
				assert.NotContains(t, p, "pdfcpu", "the lean parse child links no pdfcpu (its rewrite is the full program's)")
			}
		}
	})

	dir := t.TempDir()
	lean, leanStarts := countingChild(t, dir, buildLeanChild(t, dir, leanChildName, leanPDFTags, buildStamp))
	leanHTML, leanHTMLStarts := countingChild(t, dir, buildLeanChild(t, dir, leanHTMLChildName, leanHTMLTags, buildStamp))
	foreign, foreignStarts := countingChild(t, dir, buildLeanChild(t, dir, "agreements-parse-other", leanPDFTags, buildStamp+"-other"))
	foreignHTML, foreignHTMLStarts := countingChild(t, dir, buildLeanChild(t, dir, "agreements-parse-html-other", leanHTMLTags, buildStamp+"-other"))

	type result struct {
		code           int
		stdout, stderr string
	}
	runs := leanInputs(t)
	want := make([]result, len(runs))
	t.Setenv(leanChildEnv, "")
	t.Setenv(leanHTMLChildEnv, "")
	for i, args := range runs {
		want[i].code, want[i].stdout, want[i].stderr = runCmd(t, "", args...)
	}
	// A PDF on standard input crosses in the request, not as a file.
	stdin, err := os.ReadFile("../../fixtures/tohoku-department-chromium/input.pdf")
	require.NoError(t, err)
	var wantStdin result
	wantStdin.code, wantStdin.stdout, wantStdin.stderr = runCmd(t, string(stdin), "extract", "-")
	pdfRuns, htmlRuns := 1, 0
	for _, args := range runs {
		if b, err := os.ReadFile(args[len(args)-1]); err == nil {
			switch parser.Detect(b) {
			case parser.FormatPDF:
				pdfRuns++
			case parser.FormatHTML:
				htmlRuns++
			}
		}
	}
	require.Greater(t, pdfRuns, 15)
	require.Greater(t, htmlRuns, 3)

	for _, tc := range []struct {
		name, pdf, html       string
		pdfStarts, htmlStarts func() int
		wantPDF, wantHTML     int // starts of each over the runs
	}{
		{"lean", lean, leanHTML, leanStarts, leanHTMLStarts, pdfRuns, htmlRuns},
		{"another build", foreign, foreignHTML, foreignStarts, foreignHTMLStarts, pdfRuns, htmlRuns},
		{"missing", filepath.Join(dir, "none"), filepath.Join(dir, "none-html"), func() int { return 0 }, func() int { return 0 }, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(leanChildEnv, tc.pdf)
			t.Setenv(leanHTMLChildEnv, tc.html)
			for i, args := range runs {
				code, stdout, stderr := runCmd(t, "", args...)
				assert.Equal(t, want[i], result{code, stdout, stderr}, "%v", args)
			}
			code, stdout, stderr := runCmd(t, string(stdin), "extract", "-")
			assert.Equal(t, wantStdin, result{code, stdout, stderr}, "standard input")
			assert.Equal(t, tc.wantPDF, tc.pdfStarts(), "starts of the PDF child")
			assert.Equal(t, tc.wantHTML, tc.htmlStarts(), "starts of the HTML child")
		})
	}

	// Handed an input of the other child's format (a file that changed
	// after the command looked at it), a lean child reads nothing and
	// hands it back; the command reads it in its own executable, with the
	// same result.
	t.Run("other format handed back", func(t *testing.T) {
		pdf := readFile(t, "../../fixtures/tohoku-university-libreoffice/input.pdf")
		page := readFile(t, "../../fixtures/html-tohoku-university-list/input.html")
		for _, in := range []struct {
			name, exe, says string
			b               []byte
		}{
			{"input.pdf", leanHTML, "the lean parse child agreements-parse-html reads HTML pages only", pdf},
			{"input.html", lean, "the lean parse child agreements-parse reads PDFs only", page},
		} {
			req := parseRequest{Name: in.name, Data: in.b}
			doc, err, again := runChild(in.exe, &req, limitsFor(len(in.b)))
			assert.Nil(t, doc)
			assert.True(t, again, "handed back, the input kept to be read again")
			assert.ErrorContains(t, err, "leaves out what this input needs")
			require.NotNil(t, req.Data)

			t.Setenv(leanChildEnv, "")
			t.Setenv(leanHTMLChildEnv, "")
			want, wantErr := parseIsolated(in.name, in.b, nil)
			require.NoError(t, wantErr)
			// Each child named for the other's format.
			t.Setenv(leanChildEnv, leanHTML)
			t.Setenv(leanHTMLChildEnv, lean)
			got, err := parseIsolated(in.name, in.b, nil)
			assert.NoError(t, err)
			assert.Equal(t, want, got)
		}
	})

	// A file with thousands of objects in object streams has them
	// written out as objects of their own, which needs no pdfcpu: the lean
	// child reads it, as the full program does.
	t.Run("object streams read by the lean child", func(t *testing.T) {
		b := readFile(t, "../../fixtures/hostile/objstm-pages-2500.pdf")
		req := parseRequest{Name: "objstm-pages-2500.pdf", Data: b}
		doc, err, again := runChild(lean, &req, limitsFor(len(b)))
		require.NoError(t, err)
		assert.False(t, again, "read, not handed back")
		require.NotNil(t, doc)
		assert.Equal(t, 2500, doc.Pages)
		t.Setenv(leanChildEnv, "")
		want, wantErr := parseIsolated("objstm-pages-2500.pdf", b, nil)
		require.NoError(t, wantErr)
		assert.Equal(t, want, doc)
	})

	// The lean child links no pdfcpu: a file only pdfcpu's rewrite reads
	// (AES-256, one the library refuses after the byte-level repairs) it
	// hands back unread, and the command reads it in its own executable,
	// with the same result.
	t.Run("handed back", func(t *testing.T) {
		pdf, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/input.pdf")
		require.NoError(t, err)
		i := bytes.Index(pdf, []byte("/Root"))
		require.Positive(t, i)
		refused := slices.Concat(pdf[:i], []byte("/Rxxt"), pdf[i+len("/Root"):]) // no catalog: nothing but the rewrite finds it
		for _, in := range []struct {
			name string
			b    []byte
		}{
			{"aes256-empty-password.pdf", readFile(t, "../../parser/pdf/testdata/broken/aes256-empty-password.pdf")},
			{"no-root.pdf", refused},
		} {
			t.Run(in.name, func(t *testing.T) {
				req := parseRequest{Name: in.name, Data: in.b}
				doc, err, again := runChild(lean, &req, limitsFor(len(in.b)))
				assert.Nil(t, doc)
				assert.True(t, again, "handed back, the input kept to be read again")
				assert.ErrorContains(t, err, "leaves out what this input needs")
				require.NotNil(t, req.Data)

				t.Setenv(leanChildEnv, "")
				want, wantErr := parseIsolated(in.name, in.b, nil)
				t.Setenv(leanChildEnv, lean)
				before := leanStarts()
				got, err := parseIsolated(in.name, in.b, nil)
				assert.Equal(t, before+1, leanStarts())
				assert.Equal(t, wantErr, err)
				assert.Equal(t, want, got)
			})
		}
	})

	t.Run("bounds", func(t *testing.T) {
		t.Setenv(leanChildEnv, lean)
		pdf, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/input.pdf")
		require.NoError(t, err)
		before := leanStarts()
		for _, tt := range []struct {
			test     string
			lim      parseLimits
			sentinel error
			msg      string
		}{
			{"hang", parseLimits{Timeout: 300 * time.Millisecond}, parser.ErrTooLarge, "took longer than the 300ms allowed"},
			{"crash", parseLimits{Timeout: time.Minute}, parser.ErrMalformed, "nests too deeply"},
			{"oom", parseLimits{Memory: 256 << 20, Timeout: time.Minute}, parser.ErrTooLarge, "more than the 256 MiB of memory"},
			{"garbage", parseLimits{Timeout: time.Minute}, parser.ErrMalformed, "no usable result"},
		} {
			doc, err := parseInChild(parseRequest{Name: "in.pdf", Data: pdf, Test: tt.test}, tt.lim)
			assert.Nil(t, doc, tt.test)
			var pe *parser.Error
			require.ErrorAs(t, err, &pe, tt.test)
			assert.Equal(t, "in.pdf", pe.File, tt.test)
			assert.ErrorIs(t, err, tt.sentinel, tt.test)
			assert.Contains(t, err.Error(), tt.msg, tt.test)
		}
		assert.Equal(t, before+4, leanStarts(), "each went through the lean child")
	})
}

// readFile is the file at path, which the test needs.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func TestLeanChildChoice(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		format parser.Format
		env    string
	}{
		{parser.FormatPDF, leanChildEnv},
		{parser.FormatHTML, leanHTMLChildEnv},
	} {
		exe := filepath.Join(dir, "child-"+string(c.format))
		require.NoError(t, os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755))
		t.Setenv(leanChildEnv, filepath.Join(dir, "child-pdf"))
		t.Setenv(leanHTMLChildEnv, filepath.Join(dir, "child-html"))
		t.Setenv(c.env, exe)
		assert.Equal(t, exe, leanChild("/somewhere/agreements", c.format))
		assert.Empty(t, leanChild("/somewhere/agreements", parser.FormatXLSX), "no lean child reads a workbook")
		assert.Empty(t, leanChild("/somewhere/agreements", parser.FormatUnknown))
		require.NoError(t, os.Chmod(exe, 0o644))
		assert.Empty(t, leanChild("/somewhere/agreements", c.format), "not executable")
		require.NoError(t, os.Chmod(exe, 0o755))
		t.Setenv(c.env, dir)
		assert.Empty(t, leanChild("/somewhere/agreements", c.format), "a directory")
		if buildStamp == "" {
			t.Setenv(c.env, "")
			assert.Empty(t, leanChild(filepath.Join(dir, "agreements"), c.format), "a command of no build stamp uses no child next to it")
		}
	}

	assert.True(t, leanFormat([]byte("%PDF-1.7\n")))
	assert.True(t, leanFormat([]byte("<!DOCTYPE html><html><body></body></html>")))
	assert.False(t, leanFormat([]byte("PK\x03\x04")))
	assert.False(t, leanFormat([]byte("partner,country\n")))
}

// TestBuiltPair: the command scripts/build.sh (make build) writes uses the
// lean child of each format next to it, the stamps agreeing, and its own
// executable once the child is gone, with the same output.
func TestBuiltPair(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	out, err := exec.Command("../../scripts/build.sh", dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, c := range []struct{ child, in string }{
		{leanChildName, "../../fixtures/tohoku-university-libreoffice/input.pdf"},
		{leanHTMLChildName, "../../fixtures/html-tohoku-university-list/input.html"},
	} {
		lean := filepath.Join(dir, c.child)
		require.NoError(t, os.Rename(lean, lean+".real"))
		script, starts := countingChild(t, dir, lean+".real")
		require.NoError(t, os.Rename(script, lean))

		code, want, wantErr := runCmd(t, "", "extract", c.in)
		extract := func() (int, string, string) {
			var stdout, stderr strings.Builder
			cmd := exec.Command(filepath.Join(dir, "agreements"), "extract", c.in)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if err != nil {
				require.ErrorAs(t, err, &ee)
				return ee.ExitCode(), stdout.String(), stderr.String()
			}
			return 0, stdout.String(), stderr.String()
		}
		gotCode, got, gotErr := extract()
		assert.Equal(t, []any{code, want, wantErr}, []any{gotCode, got, gotErr}, c.in)
		assert.Equal(t, 1, starts(), "%s parsed in %s", c.in, c.child)

		require.NoError(t, os.Remove(lean))
		gotCode, got, gotErr = extract()
		assert.Equal(t, []any{code, want, wantErr}, []any{gotCode, got, gotErr}, c.in)
		assert.Equal(t, 1, starts())
	}
}
