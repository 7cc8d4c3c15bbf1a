// Package xlsx reads Office Open XML workbooks (Excel, LibreOffice Calc)
// into the raw model the other extractors produce, so the normaliser reads
// a workbook as it reads an HTML page of tables.
//
// Every visible sheet is read, in workbook order; a sheet is one page (Page
// is the sheet's 1-based position, Document.Pages the number of sheets). A
// hidden sheet is skipped with the document repair
// "xlsx:hidden_sheet_skipped:<name>"; a chart sheet has no cells to read. A sheet's
// rows are cut at blank rows into blocks. At the top and bottom of a block,
// rows with one filled cell (a title, "as of" line, legend or total) are
// text lines; the rest of the block is one table, whose merged cells are
// spans: the text in the top-left cell with ColSpan and RowSpan, the cells
// it covers marked Covered. A cell's line breaks are its Lines. Cells show
// their formatted value, except date cells (a number with a date format),
// which are written as ISO 8601 at the precision their format shows
// (2019-12-12, 2019-12, 2019), never as the serial number Excel stores.
//
// This package is the only extractor that imports excelize.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/parser"
)

// Options tune the reader.
type Options struct {
	// Sheets restricts reading to these 1-based sheet positions (as
	// --pages gives them); nil means every sheet.
	Sheets []int
}

// maxUnzipped bounds what a workbook may unpack to, so a small archive
// that unpacks to gigabytes is refused rather than read.
const maxUnzipped = 1 << 30

// maxCells bounds the cells of one table or merge (a sheet is at most
// 1,048,576 rows by 16,384 columns), so that a workbook cannot make the
// reader allocate far beyond its own size.
const maxCells = 1_000_000

// Method is the Table.Method of tables read from a sheet.
const Method = "xlsx"

// Parse reads the workbook b. Errors are *parser.Error naming the file,
// and the sheet (as the page) where one could not be read: parser.ErrEmpty,
// parser.ErrMalformed (not a workbook, or a damaged one),
// parser.ErrEncrypted (a workbook protected by a password) or
// parser.ErrNoContent (no sheet holds any text).
func Parse(name string, b []byte, opt Options) (*parser.Document, error) {
	fail := func(page int, err error) (*parser.Document, error) {
		return nil, &parser.Error{File: name, Page: page, Err: err}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return fail(0, parser.ErrEmpty)
	}
	if bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		// An OLE2 container: a workbook saved with a password to open it
		// (or a legacy .xls, which is not read either).
		return fail(0, fmt.Errorf("%w: the workbook is protected by a password (or is a legacy .xls)", parser.ErrEncrypted))
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return fail(0, fmt.Errorf("%w: the workbook is protected by a password", parser.ErrEncrypted))
		}
		return fail(0, fmt.Errorf("%w: %v", parser.ErrMalformed, err))
	}
	defer f.Close()

	doc := &parser.Document{File: name, SHA256: parser.Digest(b), Format: parser.FormatXLSX}
	if props, err := f.GetDocProps(); err == nil && props != nil {
		doc.Title = strings.TrimSpace(props.Title)
	}
	wb, err := f.GetWorkbookProps()
	if err != nil {
		return fail(0, fmt.Errorf("%w: workbook properties: %v", parser.ErrMalformed, err))
	}
	r := &reader{f: f, date1904: wb.Date1904 != nil && *wb.Date1904, styles: map[int]cellStyle{}}
	sheets := f.GetSheetList()
	doc.Pages = len(sheets)
	want := map[int]bool{}
	for _, n := range opt.Sheets {
		want[n] = true
	}
	read := 0
	for i, sheet := range sheets {
		if len(want) > 0 && !want[i+1] {
			continue
		}
		read++
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			// A hidden sheet is not part of what the list shows (often the
			// lookup values of a drop-down); skipping it is said in every
			// record.
			doc.Repairs = append(doc.Repairs, "xlsx:hidden_sheet_skipped:"+sheet)
			continue
		}
		blocks, err := r.sheet(sheet, i+1)
		if err != nil && err.Error() == fmt.Sprintf("sheet %s is not a worksheet", sheet) {
			continue // a chart sheet: no cells (excelize tells it by this message only)
		}
		if err != nil {
			doc.PageErrors = append(doc.PageErrors, &parser.Error{File: name, Page: i + 1,
				Err: fmt.Errorf("%w: sheet %q: %v", parser.ErrMalformed, sheet, err)})
			continue
		}
		doc.Blocks = append(doc.Blocks, blocks...)
	}
	if len(want) > 0 && read == 0 {
		return fail(0, fmt.Errorf("%w: sheets %s asked for, the workbook has %d", parser.ErrPageRange, pageList(opt.Sheets), len(sheets)))
	}
	if len(doc.Blocks) == 0 {
		if len(doc.PageErrors) > 0 {
			return nil, doc.PageErrors[0]
		}
		return fail(0, parser.ErrNoContent)
	}
	return doc, nil
}

// endPage is what a page list's "N-end" runs up to (the most pages the PDF
// reader reads); a run reaching it is written "N-end".
const endPage = 20000

// pageList writes page numbers compactly: runs as ranges (1,3-5,7,9-end).
func pageList(pages []int) string {
	var b strings.Builder
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(pages[i]))
		switch {
		case j > i && pages[j] >= endPage:
			b.WriteString("-end")
		case j > i:
			b.WriteString("-" + strconv.Itoa(pages[j]))
		}
		i = j + 1
	}
	return b.String()
}

// reader carries what is shared by the sheets of one workbook.
type reader struct {
	f        *excelize.File
	date1904 bool
	styles   map[int]cellStyle
	row      int // the last Row number given out, across sheets
}

// cellStyle is what a cell's style says to the reader.
type cellStyle struct {
	date precision
	bold bool
	size float64
	font string
	ital bool
}

// grid is one sheet as cells: texts, spans and styles.
type grid struct {
	text  [][]string // formatted (or ISO date) text, row by row
	style [][]cellStyle
	span  map[[2]int][2]int // origin (row, col) → (rowspan, colspan)
	cover map[[2]int]bool
	// coveredRow: rows a merge from above reaches; spanRow: rows where a
	// merge over several rows starts.
	coveredRow, spanRow map[int]bool
	covered             int // cells covered by merges, bounded by maxCells
	tables              int // tables given out so far: the next one's Index
	sheetN              int // the sheet's 1-based position: its page
}

func (r *reader) sheet(sheet string, page int) ([]parser.Block, error) {
	shown, err := r.f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	raw, err := r.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	g := &grid{span: map[[2]int][2]int{}, cover: map[[2]int]bool{},
		coveredRow: map[int]bool{}, spanRow: map[int]bool{}, sheetN: page}
	merges, err := r.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	// Merges are clamped to the cells that hold values, so a merge over a
	// whole sheet (A1:XFD1048576) costs no more than the values do.
	rows, cols := len(shown), 0
	for _, row := range shown {
		cols = max(cols, len(row))
	}
	for _, m := range merges {
		c0, r0, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			return nil, err
		}
		c1, r1, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			return nil, err
		}
		r1, c1 = min(r1, rows), min(c1, cols)
		if r0 > r1 || c0 > c1 {
			continue
		}
		if g.covered += (r1 - r0 + 1) * (c1 - c0 + 1); g.covered > maxCells {
			return nil, fmt.Errorf("%w: merged cells cover more than %d cells", parser.ErrTooLarge, maxCells)
		}
		g.span[[2]int{r0 - 1, c0 - 1}] = [2]int{r1 - r0 + 1, c1 - c0 + 1}
		if r1 > r0 {
			g.spanRow[r0-1] = true
		}
		for y := r0 - 1; y < r1; y++ {
			if y > r0-1 {
				g.coveredRow[y] = true
			}
			for x := c0 - 1; x < c1; x++ {
				if y != r0-1 || x != c0-1 {
					g.cover[[2]int{y, x}] = true
				}
			}
		}
	}
	g.text = make([][]string, rows)
	g.style = make([][]cellStyle, rows)
	for y := range rows {
		if y >= len(shown) {
			continue
		}
		g.text[y] = make([]string, len(shown[y]))
		g.style[y] = make([]cellStyle, len(shown[y]))
		for x, s := range shown[y] {
			if s == "" || g.cover[[2]int{y, x}] {
				continue // a value under a merge is hidden, as Excel hides it
			}
			ref, err := excelize.CoordinatesToCellName(x+1, y+1)
			if err != nil {
				return nil, err
			}
			st, err := r.style(sheet, ref)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ref, err)
			}
			g.style[y][x] = st
			if st.date != 0 && y < len(raw) && x < len(raw[y]) {
				if d, ok := r.date(raw[y][x], st.date); ok {
					s = d
				}
			}
			g.text[y][x] = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
		}
	}
	return r.blocks(g)
}

// blank reports whether row y has no text.
func (g *grid) blank(y int) bool { return g.filled(y) == 0 }

// filled counts the cells of row y with text.
func (g *grid) filled(y int) int {
	n := 0
	if y < len(g.text) {
		for _, s := range g.text[y] {
			if s != "" {
				n++
			}
		}
	}
	return n
}

func (g *grid) at(y, x int) string {
	if y < len(g.text) && x < len(g.text[y]) {
		return g.text[y][x]
	}
	return ""
}

func (g *grid) styleAt(y, x int) cellStyle {
	if y < len(g.style) && x < len(g.style[y]) {
		return g.style[y][x]
	}
	return cellStyle{}
}

// spansDown reports whether a merged cell starting above row y reaches it,
// so a blank-looking row inside a vertical merge does not cut the block.
func (g *grid) spansDown(y int) bool { return g.coveredRow[y] }

// startsSpanDown reports whether a cell of row y is merged with rows below.
func (g *grid) startsSpanDown(y int) bool { return g.spanRow[y] }

// blocks cuts the sheet at blank rows and turns each run of rows into
// lines and a table.
func (r *reader) blocks(g *grid) ([]parser.Block, error) {
	var out []parser.Block
	for y := 0; y < len(g.text); {
		if g.blank(y) && !g.spansDown(y) {
			y++
			continue
		}
		end := y + 1
		for end < len(g.text) && (!g.blank(end) || g.spansDown(end)) {
			end++
		}
		blocks, err := r.region(g, y, end)
		if err != nil {
			return nil, err
		}
		out = append(out, blocks...)
		y = end
	}
	return out, nil
}

// region turns rows [y0, y1) into blocks: single-cell rows at the top and
// bottom as lines, the rest as a table (a run of single-cell rows only is
// all lines).
func (r *reader) region(g *grid, y0, y1 int) ([]parser.Block, error) {
	top := y0
	for top < y1 && g.filled(top) <= 1 && !g.spansDown(top) && !g.startsSpanDown(top) {
		top++
	}
	bottom := y1
	if top < y1 {
		for bottom > top+1 && g.filled(bottom-1) <= 1 && !g.spansDown(bottom-1) && !g.startsSpanDown(bottom-1) {
			bottom--
		}
	}
	var out []parser.Block
	for y := y0; y < top; y++ {
		out = append(out, r.lines(g, y)...)
	}
	if top < bottom {
		t, err := r.table(g, top, bottom)
		if err != nil {
			return nil, err
		}
		out = append(out, parser.Block{Table: t})
	}
	for y := bottom; y < y1; y++ {
		out = append(out, r.lines(g, y)...)
	}
	return out, nil
}

// lines gives the text of row y as lines, one per line break of the cell.
func (r *reader) lines(g *grid, y int) []parser.Block {
	var out []parser.Block
	if y >= len(g.text) {
		return nil
	}
	for x, s := range g.text[y] {
		if s == "" {
			continue
		}
		st := g.styleAt(y, x)
		role := parser.RoleText
		if st.bold {
			role = parser.RoleHeading
		}
		for _, l := range strings.Split(s, "\n") {
			l = fold(l)
			if l == "" {
				continue
			}
			r.row++
			out = append(out, parser.Block{Line: (&parser.Line{Page: g.sheetN, Row: r.row, Text: l, Role: role}).Placed(parser.Box{}, parser.Style{Font: st.font, Size: st.size, Bold: st.bold, Italic: st.ital})})
		}
	}
	return out
}

// table gives rows [y0, y1) as a table of the sheet's width.
func (r *reader) table(g *grid, y0, y1 int) (*parser.Table, error) {
	t := &parser.Table{Page: g.sheetN, Index: g.tables, Method: Method}
	g.tables++
	width := 0
	for y := y0; y < y1 && y < len(g.text); y++ {
		for x, s := range g.text[y] {
			if s == "" {
				continue
			}
			width = max(width, x+1)
			if sp, ok := g.span[[2]int{y, x}]; ok {
				width = max(width, x+sp[1])
			}
		}
	}
	if (y1-y0)*width > maxCells {
		return nil, fmt.Errorf("%w: a table of %d rows by %d columns", parser.ErrTooLarge, y1-y0, width)
	}
	for y := y0; y < y1; y++ {
		r.row++
		row := parser.Row{Page: g.sheetN, Row: r.row, Cells: make([]parser.Cell, width)}
		for x := range width {
			c := &row.Cells[x]
			if g.cover[[2]int{y, x}] {
				c.Covered = true
				continue
			}
			c.ColSpan, c.RowSpan = 1, 1
			if s, ok := g.span[[2]int{y, x}]; ok {
				c.RowSpan, c.ColSpan = int32(min(s[0], y1-y)), int16(min(s[1], width-x, parser.MaxColSpan))
			}
			var lines []string
			for _, l := range strings.Split(g.at(y, x), "\n") {
				if l = fold(l); l != "" {
					lines = append(lines, l)
				}
			}
			c.Text = strings.Join(lines, " ")
			c.SetLines(lines)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// fold folds runs of white space (no-break spaces included) to one space.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// style reads the style of one cell, once per style id.
func (r *reader) style(sheet, ref string) (cellStyle, error) {
	id, err := r.f.GetCellStyle(sheet, ref)
	if err != nil {
		return cellStyle{}, err
	}
	if st, ok := r.styles[id]; ok {
		return st, nil
	}
	s, err := r.f.GetStyle(id)
	if err != nil {
		return cellStyle{}, err
	}
	st := cellStyle{}
	if s != nil {
		custom := ""
		if s.CustomNumFmt != nil {
			custom = *s.CustomNumFmt
		}
		st.date = datePrecision(s.NumFmt, custom)
		if s.Font != nil {
			st.bold, st.ital, st.size, st.font = s.Font.Bold, s.Font.Italic, s.Font.Size, s.Font.Family
		}
	}
	r.styles[id] = st
	return st, nil
}

// date turns a cell's stored serial number into ISO 8601 at precision p.
func (r *reader) date(raw string, p precision) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || v < 1 {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(v, r.date1904)
	if err != nil {
		return "", false
	}
	switch p {
	case precisionYear:
		return t.Format("2006"), true
	case precisionMonth:
		return t.Format("2006-01"), true
	}
	return t.Format("2006-01-02"), true
}
