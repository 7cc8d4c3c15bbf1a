package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exeResult is what one run of an executable gave.
type exeResult struct {
	Code           int
	Stdout, Stderr string
}

// runExe runs exe with args, stdin and the environment extra adds to the
// test's (leanChildEnv, leanHTMLChildEnv and fullProgramEnv cleared, so
// that the executables find each other as installed).
func runExe(t *testing.T, exe, stdin string, extra []string, args ...string) exeResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, leanChildEnv+"=") && !strings.HasPrefix(kv, leanHTMLChildEnv+"=") && !strings.HasPrefix(kv, fullProgramEnv+"=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, extra...)
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee, "%s %v", exe, args)
		code = ee.ExitCode()
	}
	return exeResult{code, stdout.String(), stderr.String()}
}

// frontRuns are command lines of every kind: extract of every fixture
// and hostile input and of a file of no format read, to each format, with
// --out, usage errors and --help; every other command's usage, help and a
// run; the tool's usage, --help, --version and an unknown command.
func frontRuns(t *testing.T, out string) [][]string {
	t.Helper()
	runs := leanInputs(t)
	xlsx, err := filepath.Glob("../../fixtures/xlsx-*/input.xlsx")
	require.NoError(t, err)
	require.NotEmpty(t, xlsx)
	pdf := "../../fixtures/tohoku-university-libreoffice/input.pdf"
	html := "../../fixtures/html-tohoku-university-table/input.html"
	old, new := "../../fixtures/diff-yearly/old.ndjson", "../../fixtures/diff-yearly/new.ndjson"
	runs = append(runs,
		[]string{"extract", "--format", "csv", "--bom", pdf},
		[]string{"extract", "--format", "json", html, pdf},
		[]string{"extract", "--format", "xlsx", pdf},
		[]string{"extract", pdf, "--format=xlsx"},
		[]string{"extract", "--format", "xlsx", "--bom", pdf},
		[]string{"extract", "--format", "json", "--bom", pdf},
		[]string{"extract", "--format", "yaml", pdf},
		[]string{"extract", "--pages", "2-1", pdf},
		[]string{"extract", "--dates", "sideways", pdf},
		[]string{"extract", "--pages", "99", pdf},
		[]string{"extract", "--out", out, pdf},
		[]string{"extract", "--out", out, "--format", "xlsx", pdf},
		[]string{"extract", "--out", pdf, pdf},
		[]string{"extract", "--strict", "--institution", "Tohoku University", html},
		[]string{"extract", "--nonsense", pdf},
		[]string{"extract", "missing.pdf", pdf},
		[]string{"extract", "../../fixtures"},
		[]string{"extract", "--help"},
		[]string{"extract", "-h"},
		[]string{"extract"},
		[]string{"extract", "--", "--format"},
		[]string{}, []string{"--help"}, []string{"-h"}, []string{"help"}, []string{"--version"}, []string{"version"},
		[]string{"frobnicate"}, []string{"--format", "csv"},
		[]string{"tables", pdf}, []string{"tables", "--format", "csv", "--pages", "1", pdf},
		[]string{"raw", "--pages", "1", html}, []string{"raw", "--pages", "1", pdf}, []string{"tables", "--format", "json", html},
		[]string{"tables", "../../fixtures/README.md"}, []string{"raw", "-"}, []string{"tables", "--out", out, pdf},
		[]string{"audit", pdf}, []string{"audit", "--format", "json", old},
		[]string{"diff", old, new}, []string{"diff", "--exit-code", old, new},
		[]string{"load"}, []string{"history"}, []string{"export", "--format", "yaml"}, []string{"refresh"},
	)
	for _, x := range xlsx {
		runs = append(runs, []string{"extract", x}, []string{"extract", "--format", "csv", x}, []string{"tables", x}, []string{"raw", x})
	}
	for _, c := range []string{"extract", "tables", "raw", "audit", "diff", "load", "history", "export", "refresh"} {
		runs = append(runs, []string{c, "--help"}, []string{c, "--no-such-flag"})
	}
	return runs
}

// TestFront: the front (bin/agreements, build tag front) links none of the
// libraries extract to NDJSON, JSON and CSV does not use; every command
// line gives through it what the full program gives, byte for byte, exit
// code and stderr too, and any --out file the same; without the full
// program beside it, it says what is missing.
func TestFront(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the executables")
	}
	t.Run("links only what extract uses", func(t *testing.T) {
		allowed := map[string]bool{"github.com/agreements/agreements/cmd/agreements": true}
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}",
			"../../normalize", "../../output", "../../parser", "../../internal/reply").Output()
		require.NoError(t, err)
		for _, p := range strings.Fields(string(out)) {
			allowed[p] = true
		}
		out, err = exec.Command("go", "list", "-tags", "front", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
		require.NoError(t, err)
		deps := strings.Fields(string(out))
		for _, p := range deps {
			assert.True(t, allowed[p], "the front links %s, which extract to NDJSON, JSON and CSV does not need", p)
		}
		for _, p := range []string{"github.com/xuri/excelize/v2", "github.com/pdfcpu/pdfcpu/pkg/pdfcpu", "modernc.org/sqlite",
			"github.com/agreements/agreements/parser/pdf", "github.com/agreements/agreements/parser/html"} {
			assert.NotContains(t, deps, p)
		}
	})

	dir := t.TempDir()
	out, err := exec.Command("../../scripts/build.sh", dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	frontExe, fullExe := filepath.Join(dir, "agreements"), filepath.Join(dir, fullProgramName)
	outFile := filepath.Join(t.TempDir(), "out.ndjson")

	stdinPDF, err := os.ReadFile("../../fixtures/tohoku-department-chromium/input.pdf")
	require.NoError(t, err)
	stdinXLSX, err := os.ReadFile("../../fixtures/xlsx-tohoku-libreoffice/input.xlsx")
	require.NoError(t, err)
	runs := frontRuns(t, outFile)
	stdins := map[int]string{len(runs): string(stdinPDF), len(runs) + 1: string(stdinXLSX), len(runs) + 2: string(stdinPDF)}
	runs = append(runs, []string{"extract", "-"}, []string{"extract", "--format", "csv", "-"}, []string{"audit", "-"})
	for i, args := range runs {
		_ = os.Remove(outFile)
		want := runExe(t, fullExe, stdins[i], nil, args...)
		wantOut, wantErr := os.ReadFile(outFile)
		_ = os.Remove(outFile)
		got := runExe(t, frontExe, stdins[i], nil, args...)
		gotOut, gotErr := os.ReadFile(outFile)
		assert.Equal(t, want, got, "%v", args)
		assert.Equal(t, wantOut, gotOut, "%v: --out", args)
		assert.Equal(t, wantErr == nil, gotErr == nil, "%v: --out written", args)
	}

	t.Run("full program missing", func(t *testing.T) {
		alone := t.TempDir()
		b, err := os.ReadFile(frontExe)
		require.NoError(t, err)
		exe := filepath.Join(alone, "agreements")
		require.NoError(t, os.WriteFile(exe, b, 0o755))
		for _, args := range [][]string{{"audit", "../../fixtures/diff-yearly/old.ndjson"}, {"extract", "../../fixtures/tohoku-university-libreoffice/input.pdf"}, {"diff"}} {
			got := runExe(t, exe, "", nil, args...)
			assert.Equal(t, exitFail, got.Code, "%v", args)
			assert.Empty(t, got.Stdout, "%v", args)
			assert.Contains(t, got.Stderr, filepath.Join(alone, fullProgramName)+" is missing", "%v", args)
			assert.Contains(t, got.Stderr, "make build writes agreements, agreements-all, agreements-parse and agreements-parse-html", "%v", args)
		}
		got := runExe(t, exe, "", nil, "--version")
		assert.Equal(t, runExe(t, fullExe, "", nil, "--version"), got, "--version needs no other executable")
	})

	t.Run("full program of another build", func(t *testing.T) {
		// As a parse child, a full program of another build stamp exits
		// at once, code 3, having read nothing.
		other := filepath.Join(t.TempDir(), "agreements-all")
		require.NoError(t, os.WriteFile(other, []byte("#!/bin/sh\nexit 3\n"), 0o755))
		in := "../../fixtures/xlsx-tohoku-libreoffice/input.xlsx"
		got := runExe(t, frontExe, "", []string{fullProgramEnv + "=" + other}, "extract", in)
		assert.Equal(t, exeResult{exitFail, "", "agreements extract: " + in + ": the reader " + other +
			" was built from another source than this command; build them again (make build writes them together)\n"}, got)
	})
}

// TestFromFront: the full program, replacing a front, runs only for a
// front of its own build stamp, and takes the stamp out of the environment
// its own children inherit.
func TestFromFront(t *testing.T) {
	t.Setenv(frontStampEnv, buildStamp)
	var stderr bytes.Buffer
	code, ok := fromFront(&stderr)
	assert.True(t, ok)
	assert.Equal(t, 0, code)
	_, set := os.LookupEnv(frontStampEnv)
	assert.False(t, set, "unset for the children")
	assert.Empty(t, stderr.String())

	code, ok = fromFront(&stderr)
	assert.True(t, ok, "not started by a front")
	assert.Equal(t, 0, code)

	t.Setenv(frontStampEnv, buildStamp+"-other")
	code, ok = fromFront(&stderr)
	assert.False(t, ok)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr.String(), "was built from another source than the agreements that started it")
	assert.Contains(t, stderr.String(), "build them again")
}

// TestCommandNames: isCommand names exactly the commands run serves.
func TestCommandNames(t *testing.T) {
	e := &env{}
	for _, name := range []string{"extract", "tables", "raw", "audit", "diff", "load", "history", "export", "refresh"} {
		assert.True(t, isCommand(name), name)
		assert.NotNil(t, e.command(name), name)
		assert.Contains(t, usage, "agreements "+name+" ", name)
	}
	for _, name := range []string{"", "help", "--version", "frobnicate", "Extract"} {
		assert.False(t, isCommand(name), name)
		assert.Nil(t, e.command(name), name)
	}
}
