// Package names folds institution names to fingerprints and finds near-duplicates
// among them, for the audit and the diff.
package names

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"
	"golang.org/x/text/unicode/norm"
)

// Fold is a name's fingerprint: compatibility-decomposed, diacritics
// dropped, lower-cased, with everything but letters and digits removed, so
// "Ca' Foscari" and "Ca'Foscari", "Chiang Mai" and "Chiangmai" fold alike.
func Fold(s string) string {
	if ascii.Only(s) {
		return foldASCII(s)
	}
	return foldRunes(s)
}

// foldRunes is Fold of any name.
func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TokenKey is the token-sorted fingerprint: the name's words folded,
// sorted and concatenated, so "University of Vienna" and "Vienna,
// University of" share a key.
func TokenKey(s string) string {
	if ascii.Only(s) {
		return tokenKeyASCII(s)
	}
	return tokenKeyRunes(s)
}

// tokenKeyRunes is TokenKey of any name.
func tokenKeyRunes(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '\''
	})
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if k := Fold(w); k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, "")
}

// MaxDistance is the distance (see Distance) two names may be apart and
// still count as near-duplicates, given the length in runes of the shorter
// name's distinctive part (its fingerprint without common words like
// "university" or "of", see Distinctive): none below 4 runes, 1 below 10,
// else 2. So "Hunan"/"Henan" and "Southeast"/"Southwest" stay apart while
// "Tallin"/"Tallinn" and "Unviersity"/"University" come together.
func MaxDistance(distinctive int) int {
	switch {
	case distinctive < 4:
		return 0
	case distinctive < 10:
		return 1
	}
	return 2
}

// Distinctive is the length in runes of a name's fingerprint without the
// common words of institution names.
func Distinctive(name string) int {
	if ascii.Only(name) {
		return distinctiveASCII(name)
	}
	return distinctiveRunes(name)
}

// distinctiveRunes is Distinctive of any name.
func distinctiveRunes(name string) int {
	n := 0
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		f := Fold(w)
		if !commonWord(f) {
			n += utf8.RuneCountInString(f)
		}
	}
	return n
}

// alnumASCII reports whether c is an ASCII letter or digit.
func alnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// lowerASCII is c lower-cased.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// foldASCII is Fold of an ASCII name.
func foldASCII(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if alnumASCII(s[i]) {
			n++
		}
	}
	if n == len(s) {
		lower := true
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				lower = false
				break
			}
		}
		if lower {
			return s
		}
	}
	b := make([]byte, 0, n)
	for i := 0; i < len(s); i++ {
		if alnumASCII(s[i]) {
			b = append(b, lowerASCII(s[i]))
		}
	}
	return string(b)
}

// tokenKeyASCII is TokenKey of an ASCII name: words are runs of letters,
// digits and apostrophes, the apostrophes then dropped by the fold.
func tokenKeyASCII(s string) string {
	var buf [16]string
	keys := buf[:0]
	for i := 0; i < len(s); {
		if !alnumASCII(s[i]) && s[i] != '\'' {
			i++
			continue
		}
		j := i
		for j < len(s) && (alnumASCII(s[j]) || s[j] == '\'') {
			j++
		}
		if k := foldASCII(s[i:j]); k != "" {
			keys = append(keys, k)
		}
		i = j
	}
	sort.Strings(keys)
	return strings.Join(keys, "")
}

// distinctiveASCII is Distinctive of an ASCII name: words are runs of
// letters and digits.
func distinctiveASCII(s string) int {
	n := 0
	var buf [32]byte
	for i := 0; i < len(s); {
		if !alnumASCII(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && alnumASCII(s[j]) {
			j++
		}
		w := buf[:0]
		for k := i; k < j; k++ {
			w = append(w, lowerASCII(s[k]))
		}
		if !commonWord(string(w)) {
			n += j - i
		}
		i = j
	}
	return n
}

// commonWord reports whether a folded word is one that many institution
// names share, so that it says little about which institution is meant.
func commonWord(w string) bool {
	switch w {
	case "university", "universidad", "universidade", "universite", "universitat", "universitaet",
		"universita", "universiteit", "universitet", "uniwersytet", "univ",
		"college", "institute", "institut", "instituto", "istituto", "school", "academy", "hochschule",
		"of", "the", "and", "for", "in", "at", "de", "del", "da", "do", "la", "le", "les", "des", "der",
		"di", "du", "und", "y", "e", "et",
		"technology", "technological", "science", "sciences", "national", "state", "normal",
		"polytechnic", "technical", "medical", "faculty", "center", "centre":
		return true
	}
	return false
}

// Distance is the edit distance between a and b in which inserting,
// deleting or transposing adjacent runes costs 1 and substituting one rune
// for another 2 (as much as a deletion and an insertion), or max+1 once it
// is known to exceed max. It is Damerau–Levenshtein distance (optimal string
// alignment) with substitutions weighted, because the typos of a list are
// dropped, doubled and swapped letters ("Tallin", "Unviersity") while
// distinct names differ by substitutions ("Southeast"/"Southwest",
// "Lanzhou"/"Yangzhou").
func Distance(a, b []rune, max int) int {
	var rows []int
	return distance(a, b, max, &rows)
}

// distance is Distance with its rows in *rows, grown as needed, so that
// a caller comparing many names reuses them.
func distance(a, b []rune, max int, buf *[]int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	// A common prefix and suffix cost nothing; the last rune of each is
	// kept, as a transposition across its edge may need it.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	if p > 1 {
		a, b = a[p-1:], b[p-1:]
	}
	q := 0
	for q < len(a) && q < len(b) && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	if q > 1 {
		a, b = a[:len(a)-q+1], b[:len(b)-q+1]
	}
	if len(a) == 0 || len(b) == 0 {
		return min(len(a)+len(b), max+1)
	}
	// Three rows (i-2, i-1, i), each computed only within max of the
	// diagonal: a cell further off costs more than max, and reads as
	// max+1 (set just outside the band).
	inf := max + 1
	if n := 3 * (len(b) + 1); cap(*buf) < n {
		*buf = make([]int, n, n+3*64) // room for somewhat longer names to come
	}
	rows := (*buf)[:3*(len(b)+1)]
	prev2, prev, cur := rows[:len(b)+1], rows[len(b)+1:2*(len(b)+1)], rows[2*(len(b)+1):]
	for j := range prev {
		prev[j] = min(j, inf)
		prev2[j] = inf
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		lo, hi := i-max, i+max
		if lo <= 1 {
			lo = 1
			cur[0] = min(i, inf)
		} else {
			cur[lo-1] = inf
		}
		hi = min(hi, len(b))
		rowMin := inf
		if lo == 1 {
			rowMin = cur[0]
		}
		for j := lo; j <= hi; j++ {
			cost := 2
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			v = min(v, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi+1 <= len(b) {
			cur[hi+1] = inf
		}
		// Every later cell derives from the last two rows.
		if rowMin > max && prevMin > max {
			return max + 1
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(b)]; d <= max {
		return d
	}
	return max + 1
}

// NearDuplicate reports whether two names are near-duplicates, and their
// distance: the same fingerprint or token key (distance 0), or folded
// names within MaxDistance of each other.
func NearDuplicate(a, b string) (int, bool) {
	fa, fb := Fold(a), Fold(b)
	if fa == "" || fb == "" {
		return 0, false
	}
	if fa == fb || TokenKey(a) == TokenKey(b) {
		return 0, true
	}
	ra, rb := []rune(fa), []rune(fb)
	max := MaxDistance(min(Distinctive(a), Distinctive(b)))
	d := Distance(ra, rb, max)
	return d, d <= max
}

// gramSize is the n of the character n-grams used for blocking.
const gramSize = 3

// prefixLen is how many of a name's rarest n-grams are indexed. An edit
// destroys at most gramSize n-grams and a transposition gramSize+1, and two
// names within distance 2 are at most two edits apart, so they share at
// least one of their 2(gramSize+1)+1 rarest n-grams (prefix filtering): no
// pair within reach is missed.
const prefixLen = 2*(gramSize+1) + 1

// Clusters groups names that are near-duplicates of one another (see
// NearDuplicate; transitively) and returns the groups of two or more, as
// indexes into names in ascending order, ordered by their first index.
//
// It never compares all pairs: names are first joined by exact fingerprint
// and token key, then each distinct fingerprint is indexed by its rarest
// character n-grams and compared only with the fingerprints that share
// one (and whose length is within reach).
//
// Its work is bounded in proportion to the number of names (see
// ClustersBounded); on names that reach the bound the result is partial.
func Clusters(names []string) [][]int {
	c, _ := ClustersBounded(names)
	return c
}

// Work bounds of ClustersBounded: candidate comparisons per name, and in
// all at least.
const (
	workPerName = 2000
	minWork     = 20_000_000
)

// ClustersBounded is Clusters, reporting whether the result is complete.
// Names that share their rarest character n-grams with a great many
// others (thousands of numbered or templated names) make every name a
// candidate of every other; the comparisons then stop after a number of
// steps proportional to the number of names, the names not yet compared
// are left as the fingerprints joined them, and complete is false.
func ClustersBounded(names []string) (clusters [][]int, complete bool) {
	uf := newUnionFind(len(names))
	folded := make([]string, len(names))
	byFold := map[string]int{}
	byToken := map[string]int{}
	var reps []int // one index per distinct fingerprint
	for i, n := range names {
		f := Fold(n)
		folded[i] = f
		if f == "" {
			continue
		}
		if j, ok := byFold[f]; ok {
			uf.union(j, i)
			continue // same fingerprint, same token key
		}
		byFold[f] = i
		reps = append(reps, i)
		t := TokenKey(n)
		if j, ok := byToken[t]; ok {
			uf.union(j, i)
		} else {
			byToken[t] = i
		}
	}

	// n-grams as small integers, each fingerprint's as a set; the
	// keys' runes and the sets each in one array
	total := 0
	for _, i := range reps {
		total += len(folded[i])
	}
	runes := make([]rune, 0, total)
	gramIDs := make([]int32, 0, total+len(reps)*(gramSize-1))
	keys := make([][]rune, len(reps))
	dist := make([]int, len(reps)) // distinctive lengths
	grams := make([][]int32, len(reps))
	gramID := map[uint64]int32{}
	var freq []int32
	var gbuf []uint64
	var padded []rune
	for k, i := range reps {
		start := len(runes)
		for _, r := range folded[i] {
			runes = append(runes, r)
		}
		keys[k] = runes[start:len(runes):len(runes)]
		dist[k] = Distinctive(names[i])
		gstart := len(gramIDs)
		gbuf, padded = ngramsInto(gbuf[:0], padded[:0], keys[k])
		for _, g := range gbuf {
			id, ok := gramID[g]
			if !ok {
				id = int32(len(freq))
				gramID[g] = id
				freq = append(freq, 0)
			}
			freq[id]++
			gramIDs = append(gramIDs, id)
		}
		grams[k] = gramIDs[gstart:len(gramIDs):len(gramIDs)]
	}
	gramID = nil
	index := make([][]int32, len(freq))
	seen := make([]int, len(reps)) // stamp: k+1 when already a candidate of k
	prefix := make([]int32, 0, prefixLen)
	var order []uint64               // a fingerprint's rarest n-grams, ties by id
	mark := make([]int32, len(freq)) // k+1 for the n-grams of fingerprint k
	budget := max(minWork, workPerName*len(names))
	var rows []int // Distance's, reused
	complete = true
	for k := range reps {
		if budget <= 0 {
			complete = false
			break
		}
		// the prefix: the rarest n-grams, ties by id
		order = rarest(order[:0], grams[k], freq)
		prefix = prefix[:0]
		for _, o := range order {
			prefix = append(prefix, int32(uint32(o)))
		}
		// k's n-grams marked, for the count filter
		for _, g := range grams[k] {
			mark[g] = int32(k + 1)
		}
		for _, g := range prefix {
			budget -= len(index[g])
			for _, c := range index[g] {
				if seen[c] == k+1 {
					continue
				}
				seen[c] = k + 1
				if uf.find(reps[c]) == uf.find(reps[k]) {
					// Already joined (through their fingerprints or
					// another name): comparing them adds nothing. On
					// many similar names this is what keeps the work
					// near linear.
					continue
				}
				limit := MaxDistance(min(dist[k], dist[c]))
				if limit == 0 {
					continue
				}
				if d := len(keys[k]) - len(keys[c]); d > limit || -d > limit {
					continue
				}
				// count filter: within two edits, at most 2(gramSize+1)
				// n-grams of either are lost.
				budget -= len(grams[k]) + len(grams[c])
				if !shares(grams[c], mark, int32(k+1), max(len(grams[k]), len(grams[c]))-2*(gramSize+1)) {
					continue
				}
				budget -= len(keys[k]) * (2*limit + 1)
				if distance(keys[k], keys[c], limit, &rows) <= limit {
					uf.union(reps[c], reps[k])
				}
			}
		}
		for _, g := range prefix {
			index[g] = append(index[g], int32(k))
		}
	}

	groups := map[int][]int{}
	var roots []int
	for i := range names {
		if folded[i] == "" {
			continue
		}
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range roots {
		if g := groups[r]; len(g) > 1 {
			clusters = append(clusters, g)
		}
	}
	return clusters, complete
}

// shares reports whether at least need of the n-grams of set are marked
// with stamp in mark.
func shares(set, mark []int32, stamp int32, need int) bool {
	n := 0
	for i, g := range set {
		if mark[g] == stamp {
			n++
		}
		if n+len(set)-i-1 < need {
			return false // too few left to reach need
		}
	}
	return n >= need
}

// rarest appends to out the prefixLen rarest of grams (all when fewer),
// each as its frequency and id in one integer, in ascending order: by
// frequency, ties by id.
func rarest(out []uint64, grams, freq []int32) []uint64 {
	for _, g := range grams {
		o := uint64(freq[g])<<32 | uint64(g)
		if len(out) == prefixLen {
			if o >= out[prefixLen-1] {
				continue
			}
			out = out[:prefixLen-1]
		}
		i, _ := slices.BinarySearch(out, o)
		out = slices.Insert(out, i, o)
	}
	return out
}

// ngramsInto appends to out the distinct character n-grams of key,
// padded at both ends so short keys have some, each packed into an
// integer (21 bits a rune), sorted; padded is room for the padded key.
// Both are returned for reuse.
func ngramsInto(out []uint64, padded, key []rune) ([]uint64, []rune) {
	for range gramSize - 1 {
		padded = append(padded, '\x02')
	}
	padded = append(padded, key...)
	for range gramSize - 1 {
		padded = append(padded, '\x03')
	}
	for i := 0; i+gramSize <= len(padded); i++ {
		var g uint64
		for _, r := range padded[i : i+gramSize] {
			g = g<<21 | uint64(r)&0x1fffff
		}
		out = append(out, g)
	}
	slices.Sort(out)
	return slices.Compact(out), padded
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets of a and b, keeping the smaller index as the root
// so results do not depend on the order of unions.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	switch {
	case ra < rb:
		u.parent[rb] = ra
	case rb < ra:
		u.parent[ra] = rb
	}
}
