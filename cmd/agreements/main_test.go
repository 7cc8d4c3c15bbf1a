package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUsage(t *testing.T) {
	code, _, stderr := runCmd(t, "")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "Usage:")

	code, stdout, _ := runCmd(t, "", "--version")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "agreement/v1")

	code, _, stderr = runCmd(t, "", "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)

	assert.NotContains(t, stdout, "dev ", "a version from the build information")
	assert.Regexp(t, `^agreements \S+ \(.*go1\.`, stdout)

	for _, sub := range []string{"extract", "tables", "audit", "diff", "raw"} {
		// asked for, help goes to stdout (agreements extract --help | less)
		code, stdout, stderr := runCmd(t, "", sub, "--help")
		assert.Equal(t, exitOK, code, sub)
		assert.Contains(t, stdout, "Usage: agreements "+sub, sub)
		assert.Empty(t, stderr, sub)

		// after a usage error, to stderr with the error
		code, stdout, stderr = runCmd(t, "", sub, "--no-such-flag")
		assert.Equal(t, exitUsage, code, sub)
		assert.Empty(t, stdout, sub)
		assert.Contains(t, stderr, "flag provided but not defined: -no-such-flag", sub)
		assert.Contains(t, stderr, "Usage: agreements "+sub, sub)
	}

	code, _, stderr = runCmd(t, "", "extract")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no INPUT")

	code, _, _ = runCmd(t, "", "extract", "--format", "xml", "x.pdf")
	assert.Equal(t, exitUsage, code)

	code, _, _ = runCmd(t, "", "tables", "--pages", "3-1", "x.pdf")
	assert.Equal(t, exitUsage, code)
}

// TestBadInputs: every kind of bad input exits 1 with a message naming the
// file, never panics, and leaves no output file behind.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	minimal := "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	inputs := map[string][]byte{
		"empty.pdf":       {},
		"blank.html":      []byte("   \n\n"),
		"text.pdf":        []byte("this is not a PDF, whatever its name says\n"),
		"truncated.pdf":   []byte(minimal),
		"garbage.pdf":     append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 300)...),
		"zero-pages.pdf":  zeroPagePDF(),
		"binary.bin":      {0x00, 0x01, 0x02, 0x03, 0xff},
		"missing-file.pd": nil,
	}
	for name, b := range inputs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if b != nil {
				require.NoError(t, os.WriteFile(path, b, 0o644))
			}
			out := filepath.Join(dir, "out-"+name+".ndjson")
			code, stdout, stderr := runCmd(t, "", "extract", "--out", out, path)
			assert.Equal(t, exitFail, code)
			assert.Contains(t, stderr, path, "the message names the file")
			assert.Empty(t, stdout)
			// No input could be read: no output file is made.
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "output written although nothing was read")
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				assert.NotContains(t, e.Name(), ".tmp-", "temporary file left behind")
			}
		})
	}
}

// zeroPagePDF is a well-formed PDF whose page tree is empty.
func zeroPagePDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, b.Len())
		b.WriteString(strings.Join([]string{itoa(i + 1), " 0 obj\n", o, "\nendobj\n"}, ""))
	}
	xref := b.Len()
	b.WriteString("xref\n0 " + itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, off := range offsets {
		s := itoa(off)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size " + itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + itoa(xref) + "\n%%EOF\n")
	return b.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParsePages(t *testing.T) {
	got, err := parsePages("1,3-5, 4,7")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 3, 4, 5, 7}, got)
	got, err = parsePages("")
	require.NoError(t, err)
	assert.Nil(t, got)
	got, err = parsePages("all")
	require.NoError(t, err)
	assert.Nil(t, got, "all pages")
	got, err = parsePages("2, 19998-end")
	require.NoError(t, err)
	assert.Equal(t, []int{2, 19998, 19999, 20000}, got, "N-end: every page from N on, up to the most a PDF is read to")
	for _, bad := range []string{"0", "a", "5-3", "1,,2", "-3", "end", "end-3", "3-ende"} {
		_, err := parsePages(bad)
		assert.Error(t, err, bad)
	}
}

func TestSplitArgs(t *testing.T) {
	assert.Equal(t, []string{"--institution", "Tohoku University", "--format", "csv"},
		splitArgs(`--institution "Tohoku University" --format 'csv'`+"\n"))
}

// TestOutKeptWhenNothingRead: a run whose every input fails leaves an
// existing output file as it was; so does a run with one good input,
// unless --partial is given: then it writes the good input's records and
// still exits 1 for the bad one.
func TestOutKeptWhenNothingRead(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "records.ndjson")
	require.NoError(t, os.WriteFile(out, []byte("last year\n"), 0o644))
	bad := filepath.Join(dir, "bad.pdf")
	require.NoError(t, os.WriteFile(bad, []byte("%PDF-1.4 cut short"), 0o644))

	code, _, stderr := runCmd(t, "", "extract", "--out", out, bad)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "left unchanged")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "last year\n", string(b))

	good := "../../fixtures/html-tohoku-university-table/input.html"
	code, _, stderr = runCmd(t, "", "extract", "--out", out, bad, good)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, bad)
	assert.Contains(t, stderr, "not replaced: the result is incomplete")
	b, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "last year\n", string(b), "an incomplete result does not replace the file")

	code, _, stderr = runCmd(t, "", "extract", "--partial", "--out", out, bad, good)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, bad)
	b, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 35, bytes.Count(b, []byte("\n")), "with --partial the good input's records are written")
}

// TestDatesFlag: a/b/YYYY dates are read only when the order is given.
func TestDatesFlag(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "us.html")
	require.NoError(t, os.WriteFile(page, []byte(`<html><body><table>
<tr><th>Country</th><th>Institution</th><th>Date</th></tr>
<tr><td>United States</td><td>Purdue University</td><td>9/3/1997</td></tr>
</table></body></html>`), 0o644))
	for flag, want := range map[string]string{"": `"signed":""`, "month-first": `"signed":"1997-09-03"`, "day-first": `"signed":"1997-03-09"`} {
		args := []string{"extract"}
		if flag != "" {
			args = append(args, "--dates", flag)
		}
		code, stdout, stderr := runCmd(t, "", append(args, page)...)
		assert.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stdout, want, flag)
	}
	code, _, _ := runCmd(t, "", "extract", "--dates", "year-first", page)
	assert.Equal(t, exitUsage, code)
}
