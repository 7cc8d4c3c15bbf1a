package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTeXRenderings reads the lists typeset by pdfLaTeX (fixtures/tex,
// made by fixtures/gen/tex.py) against their transcriptions, as the
// layout matrix's renderings are read: TeX's bitmap fonts, booktabs'
// padded rules, paragraph columns that hyphenate names, a legend after a
// sentence, itemize's bullets. Every one must read right.
func TestTeXRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/tex", 5, "fixtures/gen/tex.py")
}

// TestReportLabRenderings reads the lists drawn by ReportLab
// (fixtures/reportlab, made by fixtures/gen/reportlab_lists.py) so:
// Japanese in a CID font that is not embedded (UniJIS-UCS2-H, no map to
// text) and in TrueType subsets of 256 glyphs, cells spanning rows set in
// their middle, rules over groups of rows only, ZapfDingbats' square for
// the fee waiver. Every one must read right.
func TestReportLabRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/reportlab", 6, "fixtures/gen/reportlab_lists.py")
}

// readAllRight reads every rendering under root (a directory of a
// manifest and its input each, atLeast of them, made by gen) against its
// transcription, as TestMatrix does, and fails for any that does not read
// right.
func readAllRight(t *testing.T, root string, atLeast int, gen string) {
	require.NoError(t, matrixTranscriptions.load())
	dirs, err := filepath.Glob(filepath.Join(root, "*", "manifest.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(dirs), atLeast, "no renderings: run %s", gen)
	for _, mf := range dirs {
		dir := filepath.Dir(mf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			res := runMatrixRendering(t, dir)
			if !res.passed() {
				t.Errorf("%s:\n  %s", filepath.Base(dir), strings.Join(res.problems, "\n  "))
			}
		})
	}
}
