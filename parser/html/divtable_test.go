package html

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrackCount: a grid's columns counted from grid-template-columns,
// however its tracks are written; none where they cannot be counted.
func TestTrackCount(t *testing.T) {
	for decl, want := range map[string]int{
		"display: grid; grid-template-columns: 2fr 3fr 1fr":                       3,
		"grid-template-columns: repeat(4, 1fr)":                                   4,
		"grid-template-columns: 4em 6em minmax(10em, 2fr) 1fr repeat(2, 8em) 9em": 7,
		"grid-template-columns: [name] 10em [body] 1fr [end]":                     2,
		"grid-template-columns: repeat(auto-fill, minmax(200px, 1fr))":            0,
		"grid-template-columns: 1fr !important":                                   1,
		"display: flex":                                                           0,
	} {
		assert.Equal(t, want, trackCount(decl), decl)
	}
}

// tablesOf parses a page and returns the texts of its tables' rows, each
// row's cells joined by " | ".
func tablesOf(t *testing.T, page string) [][]string {
	t.Helper()
	doc, err := Parse("p.html", []byte(page), Options{})
	require.NoError(t, err)
	var out [][]string
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		var rows []string
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r.Cells {
				if !c.Covered {
					cells = append(cells, c.Text)
				}
			}
			rows = append(rows, joinCells(cells))
		}
		out = append(out, rows)
	}
	return out
}

func joinCells(cells []string) string {
	s := ""
	for i, c := range cells {
		if i > 0 {
			s += " | "
		}
		s += c
	}
	return s
}

// TestTablesOfDivs: tables a page builds of divs, by roles, a grid's
// columns (its style sheet, its style attribute, a utility class) or class
// names, are read as tables; a grid of cards, a layout of rows and
// columns, and a menu are not.
func TestTablesOfDivs(t *testing.T) {
	const want = "Country | University | Year"
	for name, body := range map[string]string{
		"roles": `<div role="table"><div role="row"><span role="columnheader">Country</span><span role="columnheader">University</span><span role="columnheader">Year</span></div>
<div role="row"><span role="cell">China</span><span role="cell">Peking University</span><span role="cell">1998</span></div>
<div role="row"><span role="cell">Korea</span><span role="cell">Seoul National University</span><span role="cell">1995</span></div></div>`,
		"sheet": `<style>.list .g { display: grid; grid-template-columns: 1fr 2fr 5em; }</style><div class="list"><div class="g">
<div>Country</div><div>University</div><div>Year</div><div>China</div><div>Peking University</div><div>1998</div>
<div>Korea</div><div>Seoul National University</div><div>1995</div></div></div>`,
		"attribute": `<div style="display:grid;grid-template-columns:repeat(3,1fr)">
<div>Country</div><div>University</div><div>Year</div><div>China</div><div>Peking University</div><div>1998</div>
<div>Korea</div><div>Seoul National University</div><div>1995</div></div>`,
		"utility": `<div class="grid md:grid-cols-3 gap-2">
<div>Country</div><div>University</div><div>Year</div><div>China</div><div>Peking University</div><div>1998</div>
<div>Korea</div><div>Seoul National University</div><div>1995</div></div>`,
		"classes": `<div class="tbl"><div class="tr"><div class="th">Country</div><div class="th">University</div><div class="th">Year</div></div>
<div class="tr"><div class="td">China</div><div class="td">Peking University</div><div class="td">1998</div></div>
<div class="tr"><div class="td">Korea</div><div class="td">Seoul National University</div><div class="td">1995</div></div></div>`,
	} {
		t.Run(name, func(t *testing.T) {
			tables := tablesOf(t, "<!DOCTYPE html><html><head><meta charset=utf-8></head><body>"+body+"</body></html>")
			require.Len(t, tables, 1)
			require.Len(t, tables[0], 3)
			assert.Equal(t, want, tables[0][0])
			assert.Equal(t, "Korea | Seoul National University | 1995", tables[0][2])
		})
	}
	for name, body := range map[string]string{
		"cards": `<div style="display:grid;grid-template-columns:repeat(3,1fr)">
<div class="card"><h3>Exchange fair</h3><p>Meet our partners</p></div><div class="card"><h3>Study abroad</h3><p>Apply now</p></div>
<div class="card"><h3>Scholarships</h3><p>New calls</p></div><div class="card"><h3>Visas</h3><p>How to</p></div>
<div class="card"><h3>Housing</h3><p>Rooms</p></div><div class="card"><h3>Contact</h3><p>Office</p></div></div>`,
		"layout": `<div class="container"><div class="row"><div class="col-md-6">Peking University</div><div class="col-md-6">1998</div></div>
<div class="row"><div class="col-md-6">Seoul National University</div><div class="col-md-6">1995</div></div></div>`,
		"menu": `<div role="navigation"><div class="menu"><a href="/a">About</a><a href="/b">Admissions</a></div></div>`,
	} {
		t.Run(name, func(t *testing.T) {
			assert.Empty(t, tablesOf(t, "<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>Partner universities</p>"+body+"</body></html>"))
		})
	}
}
