package normalize

import (
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
