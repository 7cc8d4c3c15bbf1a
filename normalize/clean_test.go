package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The spaces a typesetter puts between Japanese and Latin text are not the
// text's; the space between a name and its other-language name is.
func TestCleanTypesetterSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"パリ第 7 大学":                             "パリ第7大学",
		"平成 14 年 3 月 1 日":                      "平成14年3月1日",
		"エドウィン・ O・ライシャワー日本研究所":                 "エドウィン・O・ライシャワー日本研究所",
		"カレル大学 Charles University":             "カレル大学 Charles University",
		"ウィーン工科大学 Technische Universität Wien": "ウィーン工科大学 Technische Universität Wien",
		"University of Tokyo 2 campuses":       "University of Tokyo 2 campuses",
		"  Peking\u00a0University ":            "Peking University",
	} {
		assert.Equal(t, want, clean(in), in)
	}
}

func TestPlainASCII(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "Peking University": true, "a": true,
		" Peking": false, "Peking ": false, "Peking  University": false, "Peking\tUniversity": false,
		"Université": false, "ﬁne": false,
	} {
		assert.Equal(t, want, plainASCII(s), "%q", s)
		if want {
			assert.Equal(t, s, clean(s))
		}
	}
}
