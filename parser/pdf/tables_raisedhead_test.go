package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Per-group tables whose header sets its cells in the middle of their
// row: a heading of two lines ("Date of" / "Agreement") stands half a
// line over and under the others. Under a group's heading ("Germany"),
// right after the table before, the heading's first line is the header's,
// not a line between the heading and the header: it is read in the
// header's cell, not lost. The words as LibreOffice placed them printing
// Tohoku's list; and the same tables in Japanese.
func TestHeaderLineRaisedUnderAGroupHeading(t *testing.T) {
	words := []placedWord{
		{"University", 59.2, 146.6, 105.2, 160.3, false}, {"of", 108.2, 146.6, 116.9, 160.3, false}, {"Technology", 119.8, 146.6, 174.0, 160.3, false}, {"of", 177.0, 146.6, 185.7, 160.3, false}, {"Troyes", 188.7, 146.6, 220.7, 160.3, false},
		{"GS", 406.9, 146.6, 422.0, 160.3, false}, {"Engineering", 425.0, 146.6, 481.0, 160.3, false},
		{"Jun.", 498.2, 146.6, 518.0, 160.3, false}, {"13,", 520.9, 146.6, 535.5, 160.3, false}, {"2008", 538.5, 146.6, 561.8, 160.3, false},
		{"University", 59.2, 163.5, 105.2, 177.2, false}, {"Paris1", 108.2, 163.5, 137.9, 177.2, false},
		{"GS", 406.9, 163.5, 422.0, 177.2, false}, {"Law", 425.0, 163.5, 444.2, 177.2, false},
		{"May", 498.2, 163.5, 518.0, 177.2, false}, {"3,", 520.9, 163.5, 529.7, 177.2, false}, {"2018", 532.6, 163.5, 555.9, 177.2, false},
		{"Versailles", 59.2, 180.4, 104.7, 194.1, false}, {"Saint-Quentin-en-Yvelines", 107.6, 180.4, 230.1, 194.1, false},
		{"GS", 406.9, 186.5, 422.0, 200.2, false}, {"Engineering", 425.0, 186.5, 481.0, 200.2, false},
		{"Mar.", 498.2, 186.5, 519.2, 200.2, false}, {"9,", 522.1, 186.5, 530.8, 200.2, false}, {"2011", 533.8, 186.5, 557.1, 200.2, false},
		{"University", 59.2, 192.5, 105.2, 206.2, false},
		{"Germany", 60.8, 211.0, 106.3, 224.7, true},
		{"Date", 480.8, 227.5, 503.5, 241.2, true}, {"of", 506.5, 227.5, 516.4, 241.2, true},
		{"Partner", 59.2, 233.6, 96.0, 247.3, true}, {"Institution", 98.9, 233.6, 149.6, 247.3, true},
		{"Partner's", 209.2, 233.6, 254.2, 247.3, true}, {"Department", 257.1, 233.6, 315.5, 247.3, true},
		{"Level", 372.7, 233.6, 399.5, 247.3, true},
		{"Agreement", 480.8, 239.6, 535.6, 253.3, true},
		{"FH", 59.2, 256.5, 73.2, 270.2, false}, {"Aachen", 76.1, 256.5, 111.7, 270.2, false}, {"University", 114.6, 256.5, 160.7, 270.2, false}, {"of", 163.5, 256.5, 172.3, 270.2, false},
		{"Department", 209.2, 256.5, 264.0, 270.2, false}, {"of", 266.9, 256.5, 275.6, 270.2, false}, {"Aerospace", 278.5, 256.5, 328.7, 270.2, false},
		{"GS", 372.7, 262.6, 387.8, 276.3, false}, {"Engineering", 390.8, 262.6, 446.8, 276.3, false},
		{"Oct.", 480.8, 262.6, 500.0, 276.3, false}, {"17,", 502.9, 262.6, 517.5, 276.3, false}, {"2016", 520.5, 262.6, 543.8, 276.3, false},
		{"Applied", 59.2, 268.6, 94.2, 282.3, false}, {"Sciences", 97.1, 268.6, 139.7, 282.3, false},
		{"Engineering", 209.2, 268.6, 265.2, 282.3, false},
		{"Institute", 209.2, 285.5, 245.9, 299.2, false}, {"of", 248.9, 285.5, 257.6, 299.2, false}, {"Nano-", 260.5, 285.5, 289.1, 299.2, false}, {"and", 292.0, 285.5, 309.5, 299.2, false},
		{"GS", 372.7, 285.5, 387.8, 299.2, false}, {"Biomedical", 390.8, 285.5, 442.1, 299.2, false},
		{"Apr.", 480.8, 291.6, 500.0, 305.3, false}, {"14,", 503.0, 291.6, 517.5, 305.3, false}, {"2019", 520.5, 291.6, 543.8, 305.3, false},
		{"Biotechnologies", 209.2, 297.6, 283.3, 311.3, false}, {"(INB)", 286.1, 297.6, 310.6, 311.3, false},
		{"Engineering", 372.7, 297.6, 428.7, 311.3, false},
	}
	japanese := map[string]string{"Germany": "ドイツ", "Date": "締結", "of": "の", "Agreement": "年月日", "Partner": "相手", "Institution": "機関名",
		"Partner's": "相手", "Department": "部局", "Level": "区分"}
	for _, lang := range []string{"english", "japanese"} {
		t.Run(lang, func(t *testing.T) {
			ws := make([]placedWord, len(words))
			copy(ws, words)
			if lang == "japanese" {
				for i := range ws {
					if j, ok := japanese[ws[i].text]; ok && ws[i].bold {
						ws[i].text = j
					}
				}
			}
			p := page(3, placedWords(ws), nil)
			tabs := pageTables(&p)
			require.Len(t, tabs, 2)
			rows := tabs[1].table.Rows
			require.GreaterOrEqual(t, len(rows), 3)
			head := rows[0].Cells
			require.Len(t, head, 4)
			want := map[string]string{"english": "Date of Agreement", "japanese": "締結 の 年月日"}[lang]
			assert.Equal(t, want, strings.Join(strings.Fields(head[3].Text), " "), "the heading's raised line is the header's")
			assert.Equal(t, "Oct. 17, 2016", rows[1].Cells[3].Text)
		})
	}
}
