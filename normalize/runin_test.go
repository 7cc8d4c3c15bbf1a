package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestRunInGroups: a country's partners run on after its name in one
// paragraph, wrapped over lines, are its records, each saying so; a
// sentence after a country's name, and a name's own comma, are not split.
func TestRunInGroups(t *testing.T) {
	lines := []string{
		"Asia",
		"CHINA (3) Nanjing University (1982); Jilin University (1985); Huazhong University of Science and",
		"Technology (1986)",
		"Korea: Seoul National University (1995); Yonsei University (1998)",
		"中華人民共和国：西北大学（1980.5.31）、武漢大学（1980.10.15）",
		"North America",
		"United States – University of California, Berkeley (2001)",
	}
	var blocks []parser.Block
	for i, s := range lines {
		blocks = append(blocks, parser.Block{Line: &parser.Line{Page: 1, Row: i + 1, Text: s}})
	}
	res, err := Normalize(&parser.Document{File: "l.pdf", Format: parser.FormatPDF, Pages: 1, Blocks: blocks}, Options{})
	require.NoError(t, err)
	var got [][3]string
	for _, r := range res.Records {
		got = append(got, [3]string{r.CountryCode, r.Partner, r.Signed})
		assert.Contains(t, r.Repairs, "split_cell:run_in", r.Partner)
	}
	require.Equal(t, [][3]string{
		{"CN", "Nanjing University", "1982"}, {"CN", "Jilin University", "1985"},
		{"CN", "Huazhong University of Science and Technology", "1986"},
		{"KR", "Seoul National University", "1995"}, {"KR", "Yonsei University", "1998"},
		{"CN", "西北大学", "1980-05-31"}, {"CN", "武漢大学", "1980-10-15"},
		{"US", "University of California, Berkeley", "2001"},
	}, got)
}
