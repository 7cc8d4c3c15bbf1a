package html

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSiteChrome: menus, sidebars, breadcrumbs, headers, footers and the
// lists of links to the site's other pages are left out, however the
// template names or places them; the list's content stays, links and all.
func TestSiteChrome(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"div-template.html", []string{
			"heading h1 協定校一覧（アジア）",
			"text 2024年5月1日現在",
			"heading h2 中国",
			"item • 北京大学（2005.4.1）",
			"item • 清華大学（1998.8.31）",
			"item • 復旦大学",
			"heading h2 韓国",
			"item • ソウル大学校（2010.12.12）",
			"item • 高麗大学校（2003.6.1）",
		}},
		{"html5-main.html", []string{
			"heading h1 Academic Exchange Agreements: Europe",
			"text (as of May 1, 2024)",
			"heading h2 France",
			"item • Université Paris Cité",
			"item • Université Paris-Saclay",
			"heading h2 Germany",
			"T0",
			"  H:Partner|Since",
			"  Heidelberg University|2010",
			"  University of Göttingen|2015",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, _ := parseOutline(t, mustRead(t, "testdata/chrome/"+tt.file))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNameWords(t *testing.T) {
	tests := map[string][]string{
		"localNavi":          {"local", "navi"},
		"c-breadcrumb__list": {"c", "breadcrumb", "list"},
		"l-sidebar":          {"l", "sidebar"},
		"gnav2":              {"gnav"},
		"site_header":        {"site", "header"},
	}
	for in, want := range tests {
		assert.Equal(t, want, nameWords(in), in)
	}
}
