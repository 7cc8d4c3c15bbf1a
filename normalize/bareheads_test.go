package normalize

import (
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// headedDoc is a PDF document of the lines, a heading each that starts
// with "# ".
func headedDoc(lines []string) *parser.Document {
	d := &parser.Document{File: "l.pdf", SHA256: "00", Format: parser.FormatPDF, Pages: 1}
	for i, s := range lines {
		role := parser.RoleText
		if len(s) > 2 && s[:2] == "# " {
			role, s = parser.RoleHeading, s[2:]
		}
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Page: 1, Row: i + 1, Text: s, Role: role}})
	}
	return d
}

func bareGroups(res *Result) []string {
	var out []string
	for _, u := range res.Unplaced {
		if u.Kind == agreement.UnplacedBareGroup {
			out = append(out, u.Text)
		}
	}
	return out
}

// TestBareHeadingsSaid: a list's country labels read apart from their
// entries (a table read down its columns) leave a run of country headings
// with nothing under them and every entry under the last: each such
// heading is said as a line that made no record.
func TestBareHeadingsSaid(t *testing.T) {
	res, err := Normalize(headedDoc([]string{"# Asia", "# Cambodia", "# China", "# India", "# Korea",
		"Royal University of Phnom Penh (2010)", "Nanjing University (1982)", "Indian Institute of Science (2007)",
		"Seoul National University (2006)"}), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"Cambodia", "China", "India"}, bareGroups(res))
}

// TestBareHeadingsNotSaid: a country with no entry, or two, is a list's
// own; a menu of countries before the list names countries its entries
// are filed under further on.
func TestBareHeadingsNotSaid(t *testing.T) {
	for _, lines := range [][]string{
		{"# Asia", "# Cambodia", "# China", "Nanjing University (1982)", "# India", "Indian Institute of Science (2007)"},
		{"# China", "# India", "# Korea", "# Thailand", "# China", "Nanjing University (1982)", "# India",
			"Indian Institute of Science (2007)", "# Korea", "Seoul National University (2006)", "# Thailand",
			"Chulalongkorn University (1998)"},
	} {
		res, err := Normalize(headedDoc(lines), Options{})
		require.NoError(t, err)
		assert.NotEmpty(t, res.Records)
		assert.Empty(t, bareGroups(res), lines)
	}
}
