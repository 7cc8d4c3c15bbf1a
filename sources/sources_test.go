package sources

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSmallest(t *testing.T) {
	f, err := Parse("dir/sources.toml", []byte(`
[[source]]
name = "partners"
url = "https://www.example.ac.jp/international/partners.html"
institution = "Example University"
`))
	require.NoError(t, err)
	require.Len(t, f.Sources, 1)
	s := f.Sources[0]
	assert.Equal(t, "partners", s.Name)
	assert.Equal(t, "https://www.example.ac.jp/international/partners.html", s.Location())
	assert.Equal(t, "Example University", s.Institution)
	assert.Equal(t, DefaultMaxRemoved, s.Threshold())
	assert.Nil(t, s.LinkPattern())
}

func TestParseEveryOption(t *testing.T) {
	f, err := Parse("dir/sources.toml", []byte(`
[[source]]
name = "dept"
path = "lists/dept.pdf"
institution = "Tohoku University"
dates = "day-first"
level = "department"
password = "secret"
max_removed = "35%"

[[source]]
name = "index"
url = "http://127.0.0.1:8080/international/"
link = 'partners-\d{4}\.pdf'
max_removed = 0.5
`))
	require.NoError(t, err)
	require.Len(t, f.Sources, 2)
	d := f.Sources[0]
	assert.Equal(t, filepath.Join("dir", "lists/dept.pdf"), d.Path)
	assert.Equal(t, "day-first", d.Dates)
	assert.Equal(t, "department", d.Level)
	assert.Equal(t, "secret", d.Password)
	assert.InDelta(t, 0.35, d.Threshold(), 1e-9)
	i := f.Sources[1]
	require.NotNil(t, i.LinkPattern())
	assert.True(t, i.LinkPattern().MatchString("/files/partners-2025.pdf"))
	assert.InDelta(t, 0.5, i.Threshold(), 1e-9)
	assert.Equal(t, []string{"dept", "index"}, f.Names())

	sel, err := f.Select([]string{"index"})
	require.NoError(t, err)
	assert.Equal(t, []*Source{i}, sel)
	_, err = f.Select([]string{"index", "nope"})
	assert.ErrorContains(t, err, "no source named nope")
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "[[source]\nname = 1", "s.toml: line 2: expected end of table array"},
		{"empty", "", "no [[source]] given"},
		{"unknown key", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nurll = \"x\"", "unknown key source.urll"},
		{"no name", "[[source]]\nurl = \"http://x/\"", "source 1: no name"},
		{"bad name", "[[source]]\nname = \"a b\"\nurl = \"http://x/\"", "name \"a b\""},
		{"twice", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\n[[source]]\nname = \"a\"\npath = \"p\"", "used twice"},
		{"no location", "[[source]]\nname = \"a\"", "neither url nor path"},
		{"both", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\npath = \"p\"", "both url and path"},
		{"ftp", "[[source]]\nname = \"a\"\nurl = \"ftp://x/\"", "want an http or https address"},
		{"link without url", "[[source]]\nname = \"a\"\npath = \"p\"\nlink = \"x\"", "link needs a url"},
		{"bad link", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nlink = \"(\"", "link: error parsing regexp"},
		{"dates", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\ndates = \"iso\"", "dates \"iso\""},
		{"level", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nlevel = \"faculty\"", "level \"faculty\""},
		{"share", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nmax_removed = 2", "between 0 and 1"},
		{"share text", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nmax_removed = \"lots\"", "want a share"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.toml", []byte(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoad(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "missing.toml"))
	assert.ErrorContains(t, err, "missing.toml: no such file")

	f, err := Load("../examples/sources.toml")
	require.NoError(t, err)
	assert.NotEmpty(t, f.Sources)
	_, err = os.Stat("../examples/sources.toml")
	require.NoError(t, err)
}
