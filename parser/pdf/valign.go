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

// row counts the cells of a row of a stream table (each cell's words and
// lines) that hold fewer lines than the row's most: where their middle
// stands against the middles of the row's first and last lines (word
// boxes differ by font; their middles less).
func (v *valignVotes) row(ws []tword, cells [][]int, lines []int) {
	most := 0
	first, last := 0.0, 0.0
	seen := false
	for c, words := range cells {
		if len(words) == 0 {
			continue
		}
		most = max(most, lines[c])
		for _, wi := range words {
			cy := ws[wi].cy
			if !seen || cy < first {
				first = cy
			}
			if !seen || cy > last {
				last = cy
			}
			seen = true
		}
	}
	if most < 2 || last <= first {
		return
	}
	pitch := (last - first) / float64(most-1)
	for c, words := range cells {
		if len(words) == 0 || lines[c] >= most {
			continue
		}
		c0, c1 := ws[words[0]].cy, ws[words[0]].cy
		for _, wi := range words {
			c0, c1 = min(c0, ws[wi].cy), max(c1, ws[wi].cy)
		}
		mid := (c0 + c1) / 2
		span := c1 - c0 // (its own lines)
		switch {
		case abs(c0-first) < 0.3*pitch:
			v.top++
		case abs(c1-last) < 0.3*pitch:
			v.bottom++
		case abs(mid-(first+last)/2) < 0.3*pitch && span < last-first:
			v.middle++
		}
	}
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
