package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/internal/textgen"
)

// TestTotalsNeedADigit: Totals, which turns away a text without a digit
// unread, finds what reading every text finds, on texts made of the
// count phrases' words, numbers in ASCII, full-width and kanji, and
// invalid UTF-8.
func TestTotalsNeedADigit(t *testing.T) {
	lx := Default()
	pieces := []string{"Total of ", "total: ", "institutions", "universities", "agreements", " in total", "countries and regions",
		"合計", "計", "総数", "大学", "校", "件", "協定", "の大学間協定", "部局間協定", "：", ", ", "、", " ", "12", "3", "0", "１２", "０",
		"十二", "二〇", "第", "パリ第7大学", "\xff", "\xef\xbc", "university-wide agreements with ", "x"}
	counted := 0
	for _, text := range textgen.Random(20000, 7, 13, 14, pieces) {
		want := lx.totalsIn(text)
		if len(want) > 0 {
			counted++
		}
		assert.Equal(t, want, lx.Totals(text), "%q", text)
	}
	assert.Greater(t, counted, 500)
}
