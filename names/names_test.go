package names

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ca' Foscari", "cafoscari"},
		{"Ca'Foscari", "cafoscari"},
		{"Chiang Mai University", "chiangmaiuniversity"},
		{"Université de Lyon", "universitedelyon"},
		{"ＫＡＩＳＴ", "kaist"},
		{"東北大学", "東北大学"},
		{"  -- ", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Fold(tt.in), tt.in)
	}
	assert.Equal(t, TokenKey("University of Vienna"), TokenKey("Vienna, University of"))
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"tallinn", "tallin", 2, 1},
		{"university", "unviersity", 2, 1},
		{"abc", "abc", 2, 0},
		{"kitten", "sitting", 9, 5}, // two substitutions and an insertion
		{"kitten", "sitting", 2, 3},
		{"southeast", "southwest", 9, 2}, // insert w, delete a
		{"hunan", "henan", 9, 2},
		{"", "abc", 5, 3},
		{"", "abc", 1, 2},
		{"ca", "abc", 5, 3}, // optimal string alignment, not full Damerau
		{"abcdef", "abcxyzdef", 2, 3},
		{"abcdefgh", "badcfehg", 4, 4}, // four transpositions
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Distance([]rune(tt.a), []rune(tt.b), tt.max), "%s/%s", tt.a, tt.b)
	}
}

func TestNearDuplicate(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Chiangmai University", "Chiang Mai University", true},
		{"Tallinn University of Technology", "Tallin University of Technology", true},
		{"Fudan University", "Fudan Unviersity", true},
		{"Ca'Foscari University of Venice", "Ca' Foscari University of Venice", true},
		{"University of Vienna", "Vienna, University of", true},
		{"Peking University", "Fudan University", false},
		{"UCL", "UCB", false}, // too short to tell
		{"Kyoto University", "Tokyo University", false},
		{"Southeast University", "Southwest University", false},
		{"Lanzhou University", "Yangzhou University", false},
		{"Hunan University", "Henan University", false},
		{"Universidad de Valparaiso", "Universidad de Valparaíso", true},
		{"Pontificia Universidad Catolica", "Pontificia Universidad Catolika", true}, // one substitution, long name
		{"Universidad de Chile", "Universidaf de Chile", false},                      // one substitution, short name
		{"", "", false},
	}
	for _, tt := range tests {
		_, got := NearDuplicate(tt.a, tt.b)
		assert.Equal(t, tt.want, got, "%s / %s", tt.a, tt.b)
	}
}

func TestClusters(t *testing.T) {
	names := []string{
		"Chiangmai University",     // 0
		"Mahidol University",       // 1
		"Chiang Mai University",    // 2
		"Chulalongkorn University", // 3
		"Chiang Mai Universty",     // 4: typo of 2
		"Mahidol University",       // 5: same spelling twice
		"",                         // 6
	}
	assert.Equal(t, [][]int{{0, 2, 4}, {1, 5}}, Clusters(names))
	assert.Empty(t, Clusters(nil))
}

// TestClustersMatchesAllPairs checks that blocking loses nothing: on
// generated names with planted typos, Clusters finds the same groups as
// comparing every pair.
func TestClustersMatchesAllPairs(t *testing.T) {
	var names []string
	for i := range 300 {
		n := fmt.Sprintf("University of %s %d", []string{"Alpha", "Beta", "Gamma", "Delta"}[i%4], i/4)
		names = append(names, n)
		if i%7 == 0 {
			r := []rune(n)
			r[3], r[4] = r[4], r[3] // transposition
			names = append(names, string(r))
		}
		if i%11 == 0 {
			names = append(names, n[:len(n)-1]+"x") // substitution
		}
		if i%13 == 0 {
			names = append(names, n[:5]+n[6:]+"s") // deletion + insertion
		}
	}
	assertAllPairs(t, names)
	// one-edit variants of one name, ASCII and accented, all alike
	typos := similarNames("typos", 400)
	for i, n := range typos[:100] {
		if i%2 == 0 {
			typos = append(typos, strings.Replace(n, "o", "ó", 1))
		} else {
			typos = append(typos, strings.ToUpper(n[:1])+" "+n[1:])
		}
	}
	assertAllPairs(t, typos)
}

// assertAllPairs checks that Clusters groups names as comparing every
// pair with NearDuplicate does.
func assertAllPairs(t *testing.T, names []string) {
	t.Helper()
	got, complete := ClustersBounded(names)
	require.True(t, complete)

	uf := newUnionFind(len(names))
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if _, ok := NearDuplicate(names[i], names[j]); ok {
				uf.union(i, j)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range names {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var want [][]int
	for _, r := range roots {
		if len(groups[r]) > 1 {
			want = append(want, groups[r])
		}
	}
	assert.Equal(t, want, got)
}

// TestASCIIPath: an ASCII name folds, keys and counts byte by byte exactly
// as the rune-by-rune path does.
func TestASCIIPath(t *testing.T) {
	in := []string{"", "  -- ", "Ca' Foscari", "Ca'Foscari", "Vienna, University of", "University of Vienna",
		"UNIVERSITY OF TOKYO", "Tallinn University of Technology", "l'Universite de Lyon 2", "O'Neill's  College",
		"abc\tdef\nGHI", "x\x00y\x7fz", "Universidad Nacional Autonoma de Mexico", "'''", "a'b c'd", "The State University of New York at Buffalo (SUNY)",
		"MIT", "Seoul National University of Science and Technology", "univ. of x", "123 456"}
	for c := byte(0); c < 0x80; c++ {
		in = append(in, "Univ"+string(rune(c))+"ersity of X"+string(rune(c)))
	}
	for _, s := range in {
		assert.Equal(t, foldRunes(s), Fold(s), "Fold %q", s)
		assert.Equal(t, tokenKeyRunes(s), TokenKey(s), "TokenKey %q", s)
		assert.Equal(t, distinctiveRunes(s), Distinctive(s), "Distinctive %q", s)
	}
}
