package normalize

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// rowTextBlank is the emptiness rowBlank stands for: the row's cells
// joined, then trimmed of spaces and bars.
func rowTextBlank(r parser.Row) bool { return rowText(r) == "" }

// TestRowBlankAsRowText: rowBlank says of a row what rowText's "" says,
// on random rows of spaces (ASCII, no-break, ideographic, wide), bars
// (ASCII and fullwidth), letters that compose with a following mark,
// radicals, digits and invalid UTF-8, some cells covered.
func TestRowBlankAsRowText(t *testing.T) {
	pieces := []string{"", " ", "  ", "|", " | ", "｜", "\u00a0", "\u3000", "\u2000", "\u2003", "\t", "\n", "a", "e\u0301", "\u0301",
		"|\u0301", "1", "平成 14 年", "⼤", "・ ", "\xff", "\xe3\x80", "\x7f", "\x00", "~", "Ａ"}
	r := rand.New(rand.NewPCG(16, 17))
	for range 30000 {
		var row parser.Row
		for range r.IntN(5) {
			var b strings.Builder
			for range r.IntN(4) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			row.Cells = append(row.Cells, parser.Cell{Text: b.String(), Covered: r.IntN(6) == 0})
		}
		assert.Equal(t, rowTextBlank(row), rowBlank(row), "%q", row.Cells)
	}
	assert.True(t, rowBlank(parser.Row{Cells: []parser.Cell{{Text: " | "}, {Text: "\u3000"}, {Text: "x", Covered: true}}}))
	assert.False(t, rowBlank(parser.Row{Cells: []parser.Cell{{Text: " | "}, {Text: "｜"}}}))
}

// repeatedHeaderOneRound is repeatedHeader reading each cell in turn,
// through the header terms when its text does not tell: the reading the
// two rounds must agree with.
func repeatedHeaderOneRound(tr *tableReader, r *parser.Row) bool {
	n := 0
	for j, cell := range r.Cells {
		if cell.Covered || cell.Text == "" || j >= len(tr.cols) {
			continue
		}
		n++
		if !tr.readHeaderCell(j, cell) {
			return false
		}
	}
	return n >= 2
}

// TestRepeatedHeaderTwoRounds: the repeated-header check reading cells in
// two rounds (the header terms last) says what reading them in turn says,
// on tables built by hand (rows of the header's texts and words, header
// names of other fields, partners, countries, dates, cells of several
// lines, in random orders) and on the tables of real lists read from PDF
// and from HTML.
func TestRepeatedHeaderTwoRounds(t *testing.T) {
	header := []string{"Region", "Country", "Partner Institution", "Department at\nTohoku University", "Date of Conclusion"}
	texts := []string{"Region", "Country", "Country / Region", "Partner Institution", "Partner\nInstitution", "Department at",
		"Tohoku University", "Date of Conclusion", "Date", "University", "Faculty of Science", "School of History",
		"Harvard University", "Europe", "France", "2019.4.1", "平成14年", "協定校", "大学", "Institution Partner", "Department",
		"at Tohoku\nUniversity", "Partner Institution\nDate"}
	r := rand.New(rand.NewPCG(18, 19))
	rows := [][]string{header}
	for range 3000 {
		row := make([]string, len(header))
		for k := range row {
			switch r.IntN(5) {
			case 0:
				row[k] = header[k]
			case 1:
				row[k] = ""
			default:
				row[k] = texts[r.IntN(len(texts))]
			}
		}
		rows = append(rows, row)
	}
	// The same rows under a header with a digit in it, a text of which
	// the rows have, in one cell or among a cell's words.
	digitHeader := []string{"Region", "Country", "Partner Institution", "Department at\nTohoku University", "Date 2019.4.1"}
	withDigit := append([][]string{digitHeader}, rows[1:]...)
	for k := 1; k < len(withDigit); k += 7 {
		row := slices.Clone(withDigit[k])
		row[len(row)-1] = []string{"Date 2019.4.1", "2019.4.1", "2019.4.1 Date", "Date"}[k%4]
		withDigit[k] = row
	}
	tables := []*parser.Table{tbl(rows...), tbl(withDigit...)}
	for _, in := range []string{"../fixtures/tohoku-department-libreoffice/input.pdf", "../fixtures/html-tohoku-university-table/input.html"} {
		b, err := os.ReadFile(in)
		require.NoError(t, err)
		doc, err := parseDocument(in, b)
		require.NoError(t, err)
		n := len(tables)
		for _, bl := range doc.Blocks {
			if bl.Table != nil {
				tables = append(tables, bl.Table)
			}
		}
		require.Greater(t, len(tables), n, in)
	}
	read, yes := 0, 0
	for _, tb := range tables {
		doc := tdoc(nil, tb)
		two := &tableReader{c: newContext(doc, Options{}), t: tb, prev: -1}
		one := &tableReader{c: newContext(doc, Options{}), t: tb, prev: -1}
		if !two.mapColumns() || !one.mapColumns() {
			continue
		}
		for i := range tb.Rows {
			r := &tb.Rows[i]
			want := repeatedHeaderOneRound(one, r)
			assert.Equal(t, want, two.repeatedHeader(r), "%q", rowText(*r))
			read++
			if want {
				yes++
			}
		}
	}
	assert.Greater(t, read, 3000)
	assert.Positive(t, yes, "some rows repeat the header")
}

// TestHasDigitAsContainsAny: hasDigit says what strings.ContainsAny says
// of the ASCII and fullwidth digits, on random texts of digits, their
// neighbours in UTF-8 (ＡＢ, ｚ, the bytes of a fullwidth digit cut short or
// set after a lead byte) and invalid UTF-8.
func TestHasDigitAsContainsAny(t *testing.T) {
	pieces := []string{"", "a", " ", "0", "9", "/", ":", "０", "９", "Ａ", "ｚ", "\uff0f", "\uff1a", "\xef", "\xef\xbc", "\xbc\x90",
		"\x90", "\xe3", "\xf0", "\xff", "年", "\xef\xbc\x8f", "\xef\xbc\x9a", "\xef\xbd\x90"}
	for _, s := range randomTexts(20, 50000, 5, pieces...) {
		assert.Equal(t, strings.ContainsAny(s, "0123456789０１２３４５６７８９"), hasDigit(s), "%q", s)
	}
}

// countryInTwoCellsJoined is the first reading of countryInTwoCells's
// cells: every cell cleaned, the texts gathered; ok when there are two and
// neither is in a country's or region's column.
func countryInTwoCellsJoined(tr *tableReader, row parser.Row) ([]string, bool) {
	var texts []string
	for j, c := range row.Cells {
		t := clean(c.Text)
		if c.Covered || t == "" {
			continue
		}
		if j < len(tr.cols) && (tr.cols[j] == fCountry || tr.cols[j] == fRegion) {
			return nil, false
		}
		texts = append(texts, t)
	}
	return texts, len(texts) == 2
}

// TestCountryInTwoCellsAsJoined: a row of two cells that name one country
// ("オーストリア" | "Austria") is read as the joined reading reads it, on
// random rows of names, spaces and bars, empty and covered cells, some
// in the country's column.
func TestCountryInTwoCellsAsJoined(t *testing.T) {
	header := []string{"Country", "Partner Institution", "Note", "Date"}
	texts := []string{"", " ", "\u3000", "\u00a0", "|", "Austria", "オーストリア", "France", "フランス", "University of Vienna", "2019",
		"^"}
	r := rand.New(rand.NewPCG(22, 23))
	rows := [][]string{header}
	for range 4000 {
		row := make([]string, len(header))
		for k := range row {
			row[k] = texts[r.IntN(len(texts))]
		}
		rows = append(rows, row)
	}
	tb := tbl(rows...)
	tr := &tableReader{c: newContext(tdoc(nil, tb), Options{}), t: tb, prev: -1}
	require.True(t, tr.mapColumns())
	read := 0
	for i := tr.body; i < len(tb.Rows); i++ {
		texts, ok := countryInTwoCellsJoined(tr, tb.Rows[i])
		want := ok && tr.c.mayNameCountry(texts[0]) && tr.c.mayNameCountry(texts[1])
		if want {
			a, b := tr.c.readCountry(texts[0]), tr.c.readCountry(texts[1])
			want = a.known && b.known && a.country.Code != "" && a.country.Code == b.country.Code
		}
		if want {
			read++
		}
		assert.Equal(t, want, tr.countryInTwoCells(i), "%q", cellTexts(tb.Rows[i]))
	}
	assert.Positive(t, read, "some rows name a country in two cells")
}
