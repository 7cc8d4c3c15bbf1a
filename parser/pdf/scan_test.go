package pdf

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/internal/textgen"
)

// The expressions the scanners of scan.go stand in for.
var (
	pageNumber  = regexp.MustCompile(`(?i)^(page|p\.|pg\.?|seite|página|pagina|ページ)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*((/|of|de|von|sur)\s*\d{1,4})?\s*(ページ|頁)?$`)
	digitRun    = regexp.MustCompile(`\d+`)
	seqMarkerRe = regexp.MustCompile(`^([(（]?([0-9０-９]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)．）]|[(（][0-9０-９]{1,3}[)）]|[\x{2460}-\x{2473}\x{2474}-\x{2487}\x{2776}-\x{2793}])$`)
	listMarker  = regexp.MustCompile(`^(\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)]|[•◦▪‣●○■□◆◇►▶➢➤❖✓✔・*·※–—-])$`)
)

// scanTexts returns every text of up to depth pieces of alphabet, and n
// random ones of up to 12 pieces.
func scanTexts(alphabet []string, depth, n int, seed uint64) []string {
	return append(textgen.Every(alphabet, depth), textgen.Random(n, 12, seed, 16, alphabet)...)
}

// isPageNumber and replaceDigitRuns answer as their expressions do, on
// texts made of the pieces of page numbers (every case and fold of the
// words, every white space, dashes, digits) and others, invalid UTF-8
// included.
func TestPageNumberAsExpression(t *testing.T) {
	alphabet := []string{"3", "12", "12345", " ", "\t", "\v", "\u00a0", "-", "–", "—", "/", "of", "OF", "de", "von", "sur", "ſur", "SUR",
		"page", "Page", "PAGE", "p.", "P.", "pg", "pg.", "Pg.", "seite", "SEITE", "ſeite", "página", "PÁGINA", "pagina", "ページ", "頁",
		"p", "g", ".", "a", "x", "\xff", "\xe3\x83", "東"}
	matched := 0
	for _, s := range scanTexts(alphabet, 3, 200000, 1) {
		if pageNumber.MatchString(s) {
			matched++
		}
		assert.Equal(t, pageNumber.MatchString(s), isPageNumber(s), "%q", s)
		assert.Equal(t, digitRun.ReplaceAllString(s, "#"), replaceDigitRuns(s), "%q", s)
	}
	t.Logf("%d page numbers", matched)
	assert.Greater(t, matched, 1000)
	for _, s := range []string{"3", "Page 3", "3 / 12", "- 3 -", "p. 3", "3ページ", "PAGE 12 OF 40", "ſeite 2 von 9", "página 1 de 3"} {
		assert.True(t, isPageNumber(s), s)
	}
}

// isSeqMarker and isListMarkerText answer as their expressions do.
func TestMarkersAsExpressions(t *testing.T) {
	alphabet := []string{"(", ")", ".", "1", "0", "9", "a", "Z", "i", "v", "x", "C", "•", "*", "-", "—", "（", "）", "．", "０", "１", "９",
		"⑳", "①", "⑴", "❶", "➓", "⒈", " ", "\xff", "\xe2\x91", "東"}
	seq, list := 0, 0
	for _, s := range scanTexts(alphabet, 4, 200000, 2) {
		if seqMarkerRe.MatchString(s) {
			seq++
		}
		if listMarker.MatchString(s) {
			list++
		}
		assert.Equal(t, seqMarkerRe.MatchString(s), isSeqMarker(s), "seqMarkerRe %q", s)
		assert.Equal(t, listMarker.MatchString(s), isListMarkerText(s), "listMarker %q", s)
	}
	t.Logf("%d sequence markers, %d list markers", seq, list)
	assert.Greater(t, seq, 1000)
	assert.Greater(t, list, 1000)
}

// keyNumber finds what FindSubmatch of key\s+(\d+) (or (-?\d+)) finds, on texts made of
// the keys, their pieces, white space, digits and others.
func TestKeyNumberAsExpression(t *testing.T) {
	for _, tc := range []struct {
		key    string
		signed bool
	}{{"startxref", false}, {"/Prev", false}, {"/Prev", true}} {
		key := tc.key
		expr := regexp.QuoteMeta(key) + `\s+(\d+)`
		if tc.signed {
			expr = regexp.QuoteMeta(key) + `\s+(-?\d+)`
		}
		re := regexp.MustCompile(expr)
		alphabet := []string{key, key[:3], key[3:], " ", "\n", "\r\n", "\v", "\u00a0", "0", "17", "-", "x", "\xff", "trailer"}
		matched := 0
		for _, s := range scanTexts(alphabet, 4, 100000, 3) {
			want := re.FindSubmatch([]byte(s))
			if want != nil {
				matched++
			}
			assert.Equal(t, want, keyNumber([]byte(s), key, tc.signed), "%s %q", expr, s)
		}
		assert.Greater(t, matched, 1000, key)
	}
}

// The cross-reference stream's scanners find what FindSubmatch of their
// expressions finds, on texts made of dictionary pieces.
func TestXrefScannersAsExpressions(t *testing.T) {
	type scanner struct {
		expr string
		key  string
		scan func([]byte) [][]byte
	}
	scanners := []scanner{
		{`/W\s*\[([^\]]*)\]`, "/W", func(b []byte) [][]byte { return keyBracket(b, "/W") }},
		{`/Index\s*\[([^\]]*)\]`, "/Index", func(b []byte) [][]byte { return keyBracket(b, "/Index") }},
		{`/Length\s+(\d+)(\s+\d+\s+R)?`, "/Length", lengthRef},
		{`/Filter\s*\[?\s*/(\w+)`, "/Filter", filterFirst},
		{`/Size\s+(-?\d+)`, "/Size", func(b []byte) [][]byte { return keyNumber(b, "/Size", true) }},
		{`/Columns\s+(-?\d+)`, "/Columns", func(b []byte) [][]byte { return keyNumber(b, "/Columns", true) }},
	}
	for _, sc := range scanners {
		alphabet := []string{sc.key, sc.key + "1", sc.key[:2], "/FlateDecode", "[", "]", " ", "\n", "\v", "/", "0", "12", "-", "R", "x_1", "\xff"}
		texts := append(scanTexts(alphabet, 4, 50000, 4),
			"<</Length 12 0 R/Filter/FlateDecode>>", "/Length 12\n0\tR", "/Length 12 0 Rx", "/Length 12 0", "/Length1 5 /Length 7 0 R",
			"/W [1 2 1]/Index[0 5]", "/W [1 2", "/Filter [ /FlateDecode ]", "/Filter/ /Filter/A", "/Size -3", "/Columns 5")
		re := regexp.MustCompile(sc.expr)
		matched := 0
		for _, s := range texts {
			want := re.FindSubmatch([]byte(s))
			if want != nil {
				matched++
			}
			assert.Equal(t, want, sc.scan([]byte(s)), "%s %q", sc.expr, s)
		}
		assert.Greater(t, matched, 200, sc.expr)
	}
}
