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
	require.NoError(t, matrixTranscriptions.load())
	dirs, err := filepath.Glob(filepath.Join("../../fixtures/tex", "*", "manifest.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(dirs), 5, "no renderings: run fixtures/gen/tex.py")
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
