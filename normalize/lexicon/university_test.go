package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUniversityWords(t *testing.T) {
	lx := Default()
	for _, name := range []string{"Kagoshima University", "北京理工大学", "Universiti Putra Malaysia", "서울대학교", "國立臺灣大學", "UNIVERSITÉ DE LYON"} {
		assert.True(t, lx.NamesUniversity(name), name)
	}
	for _, name := range []string{"Kagoshima University", "北京理工大学", "서울대학교", "Universität"} {
		assert.True(t, lx.EndsAsUniversity(name), name)
	}
	for _, name := range []string{"Chinese Academy of Sciences", "IDEC", "中央研究院"} {
		assert.False(t, lx.NamesUniversity(name), name)
	}
	assert.False(t, lx.EndsAsUniversity("University of Tokyo"))
}
