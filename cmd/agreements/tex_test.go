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

// TestNodeRenderings reads the lists drawn by the PDF libraries web
// applications use in JavaScript (fixtures/node, made by
// fixtures/gen/node_lists.js) so: pdfmake's tables, jsPDF's autoTable
// (striped and grid themes, a Japanese font it embeds whole), PDFKit's
// text set at columns. Every one must read right.
func TestNodeRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/node", 4, "fixtures/gen/node_lists.js")
}

// TestDivTables reads web pages whose lists' tables use no table elements
// (fixtures/divtable, made by fixtures/gen/divtables.py): ARIA roles, a CSS
// grid of the style sheet's columns, rows and cells named by their
// classes, a utility class's grid. Every one must read right.
func TestDivTables(t *testing.T) {
	readAllRight(t, "../../fixtures/divtable", 4, "fixtures/gen/divtables.py")
}

// TestPartnersALineRenderings reads lists that name a country's partners
// in one cell, a line each (fixtures/cells, made by
// fixtures/gen/cell_lists.py), as web pages (<br>, a paragraph each),
// printed by Chromium and drawn by ReportLab. Every one must read right,
// but for those its known-failures.txt lists.
func TestPartnersALineRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/cells", 9, "fixtures/gen/cell_lists.py")
}

// TestFreshSampleRenderings reads fresh samples of the layout matrix
// (fixtures/fresh, made by fixtures/gen/fresh_sample.py: plans made with
// other seeds than the matrix's, some pages opened in LibreOffice or kept
// in a spreadsheet): renderings the tool was not built against. Every one
// must read right, but for those its known-failures.txt lists.
func TestFreshSampleRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/fresh", 120, "fixtures/gen/fresh_sample.py")
}

// silentPrefix opens the reason of a known failure that says no warning,
// and why it cannot: every other known failure must say one.
const silentPrefix = "silent: "

// readAllRight reads every rendering under root (a directory of a
// manifest and its input each, atLeast of them, made by gen) against its
// transcription, as TestMatrix does, and fails for any that does not read
// right, but for those root's known-failures.txt lists (which must still
// fail, the list only shrinking, and say a warning, unless the reason
// says why it cannot, after silentPrefix).
func readAllRight(t *testing.T, root string, atLeast int, gen string) {
	require.NoError(t, matrixTranscriptions.load())
	known := readKnownFailures(t, filepath.Join(root, "known-failures.txt"))
	dirs, err := filepath.Glob(filepath.Join(root, "*", "manifest.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(dirs), atLeast, "no renderings: run %s", gen)
	for _, mf := range dirs {
		dir := filepath.Dir(mf)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := runMatrixRendering(t, dir)
			_, listed := known[name]
			switch {
			case !res.passed() && !listed:
				t.Errorf("%s:\n  %s", name, strings.Join(res.problems, "\n  "))
			case res.passed() && listed:
				t.Errorf("%s now reads right: remove it from %s", name, filepath.Join(root, "known-failures.txt"))
			case !res.passed() && !res.loud && !strings.HasPrefix(known[name], silentPrefix):
				t.Errorf("%s reads wrong and says nothing: a wrong read must be said", name)
			}
		})
	}
}

// TestMarkColumnRenderings reads lists that tick each partner's level or
// kinds in columns of marks (fixtures/marks, made by
// fixtures/gen/mark_lists.py: "University-level" | "Department-level" with
// a check mark, "包括" | "学生交換" with a circle), as web pages, printed by
// Chromium and drawn by ReportLab, the kinds compared too. Every one must
// read right, but for those its known-failures.txt lists.
func TestMarkColumnRenderings(t *testing.T) {
	readAllRight(t, "../../fixtures/marks", 6, "fixtures/gen/mark_lists.py")
}
