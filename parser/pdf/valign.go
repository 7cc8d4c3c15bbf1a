package pdf

// Where a table sets its cells in their rows. A row whose cells hold
// unequal numbers of lines shows it: a cell of fewer lines stands beside
// the first of the others (set at the top), their last (at the bottom),
// or between (in the middle). Readers of the table need it where a cell's
// lines stand on rows of their own: set at the bottom, a cell's first
// lines stand over its row's other cells, and a cell merged over rows
// stands at their foot.

// valignVotes counts the cells that show where their rows set them.
type valignVotes struct{ top, middle, bottom int }

// cell counts the cell whose words span y0..y1 (lines of height h each,
// fewer than the row's most), in a row (or a merged cell's area) that
// spans rowY0..rowY1.
func (v *valignVotes) cell(y0, y1, rowY0, rowY1, h float64) {
	above, below := y0-rowY0, rowY1-y1
	switch {
	case h <= 0 || above+below < 0.7*h:
		// no room to stand anywhere else
	case above < 0.35*h && below > 0.7*h:
		v.top++
	case below < 0.35*h && above > 0.7*h:
		v.bottom++
	case above > 0.3*h && below > 0.3*h && abs(above-below) < 0.35*h:
		v.middle++
	}
}

// row counts the cells of a row of a stream table (each cell's words):
// those of fewer lines than the row's most.
func (v *valignVotes) row(ws []tword, cells [][]int, lines []int) {
	most := 0
	y0, y1 := 0.0, 0.0
	first := true
	for c, words := range cells {
		if len(words) == 0 {
			continue
		}
		most = max(most, lines[c])
		for _, wi := range words {
			b := ws[wi].Box
			if first || b.Y0 < y0 {
				y0 = b.Y0
			}
			if first || b.Y1 > y1 {
				y1 = b.Y1
			}
			first = false
		}
	}
	if most < 2 {
		return
	}
	for c, words := range cells {
		if len(words) == 0 || lines[c] >= most {
			continue
		}
		cy0, cy1 := wordsSpan(ws, words)
		v.cell(cy0, cy1, y0, y1, (cy1-cy0)/float64(max(lines[c], 1)))
	}
}

// wordsSpan is how far down the page the words reach, top and bottom.
func wordsSpan(ws []tword, words []int) (y0, y1 float64) {
	for k, wi := range words {
		b := ws[wi].Box
		if k == 0 || b.Y0 < y0 {
			y0 = b.Y0
		}
		if k == 0 || b.Y1 > y1 {
			y1 = b.Y1
		}
	}
	return y0, y1
}

// verdict is where most cells stand, when three or more say so and at
// least twice as many as say anything else; "" otherwise.
func (v valignVotes) verdict() string {
	best, name, rest := v.top, "top", v.middle+v.bottom
	if v.middle > best {
		best, name, rest = v.middle, "middle", v.top+v.bottom
	}
	if v.bottom > best {
		best, name, rest = v.bottom, "bottom", v.top+v.middle
	}
	if best < 3 || best < 2*rest {
		return ""
	}
	return name
}
