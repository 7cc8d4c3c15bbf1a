package normalize

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNoMarkerEnds: a text said to hold no marker by its ends holds none
// that countMarkers counts; texts with markers at either end, behind white
// space, or a ※ and a digit at the end, are left to countMarkers.
func TestNoMarkerEnds(t *testing.T) {
	texts := []string{
		"", "University of Example 12", "France", "2001/04/05", "(as of May 1, 2021)",
		"* University of Example", "University of Example *", "University of Example ★", "★ University",
		"#3 College", "College #", " University", "University ", "\tUniversity", "大学※1", "University ※1",
		"※1 University", "University of Example ※ 2", "University 2", "東北大学", "University\u3000",
		"Université Lyon", "x", "*", "9", "※", "University (†)", "University†", "§ 2",
	}
	for _, s := range texts {
		if noMarkerEnds(s) {
			assert.Zero(t, countMarkers(s), "%q", s)
		}
	}
	for _, s := range []string{"", "France", "University of Example 12", "2001/04/05", "(as of May 1, 2021)", "University 2"} {
		assert.True(t, noMarkerEnds(s), "%q: read by its ends", s)
	}
	for _, s := range []string{"University of Example *", "* University", "University ※1", "University ★", " x", "東北大学"} {
		assert.False(t, noMarkerEnds(s), "%q: left to countMarkers", s)
	}
}

// TestMayHaveRadical: a text the radical replacer would change is one
// mayHaveRadical says may have a radical; a marker that shares only a
// lead byte with the radicals ("★", "◆") is not.
func TestMayHaveRadical(t *testing.T) {
	texts := []string{"", "★", "※1", "University ★", "⻄北大学", "東京大学⻑", "ﬁnance", "\xe2", "\xe2\xba", "a\xef", "⺟★", "★⺟"}
	for i := 0; i < len(radicalForms); i += 2 {
		texts = append(texts, radicalForms[i], "x"+radicalForms[i]+"y", "★"+radicalForms[i])
	}
	for _, s := range texts {
		if !mayHaveRadical(s) {
			assert.Equal(t, s, radicals.Replace(s), "%q", s)
		}
	}
	for _, s := range []string{"★", "University of Example 3 ★", "◆ Agr", "●"} {
		assert.False(t, mayHaveRadical(s), "%q", s)
	}
	assert.True(t, mayHaveRadical("⻄北大学"))
}

// TestUsualMarkerPlaceByCells: the usual place of markers, read from the
// cells that hold text of their own, is the one read through tr.cell
// (covered cells taking their origin's text, and skipped), on random
// tables of marked and unmarked texts, covered and missing cells.
func TestUsualMarkerPlaceByCells(t *testing.T) {
	byCell := func(tr *tableReader) field {
		var counts [maxFields]int
		for i := tr.body; i < len(tr.t.Rows); i++ {
			if tr.t.Rows[i].Header {
				continue
			}
			for j, f := range tr.cols {
				if f == fNone || f == fSigned || f == fValid || int(f) >= maxFields {
					continue
				}
				v := tr.cell(i, j)
				if v.covered || noMarkerEnds(v.text) {
					continue
				}
				counts[f] += countMarkers(v.text)
			}
		}
		usual, best := field(fNone), 0
		for _, f := range []field{fPartner, fHomeUnit, fNotes, fPartnerUnit, fType, fCountry, fRegion} {
			if counts[f] > best {
				usual, best = f, counts[f]
			}
		}
		return usual
	}
	header := []string{"Country", "Partner Institution", "Faculty", "Department at Tohoku", "Date", "Note"}
	texts := []string{"France", "* France", "University of Lyon", "University of Lyon *", "* Faculty of Law", "GS Law ※1",
		"※1 GS Law", "2019/4/1", "* 2019/4/1", "Note ♦", "", "^"}
	r := rand.New(rand.NewPCG(30, 31))
	differ := 0
	for range 300 {
		rows := [][]string{header}
		for range 2 + r.IntN(8) {
			row := make([]string, r.IntN(len(header)+1))
			for k := range row {
				row[k] = texts[r.IntN(len(texts))]
				if above := rows[len(rows)-1]; row[k] == "^" && (len(rows) == 1 || k >= len(above)) {
					row[k] = "France" // (a span starts in a body row with a cell there)
				}
			}
			rows = append(rows, row)
		}
		tb := tbl(rows...)
		tr := &tableReader{c: newContext(tdoc(nil, tb), Options{}), t: tb, prev: -1}
		if !tr.mapColumns() {
			continue
		}
		tr.mapOrigins()
		want := byCell(tr)
		tr.findUsualMarkerPlace()
		assert.Equal(t, want, tr.usual, "%q", rows)
		if want != fNone {
			differ++
		}
	}
	assert.Positive(t, differ, "some tables have a usual place")
}
