package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/parser"
)

// The fidelity check compares the text layer with poppler's
// `pdftotext -bbox-layout` on every corpus PDF: character recall and
// precision (multisets of non-space characters, bidi marks excepted) and
// the share of poppler's words whose box we place more than 20% of the
// word's width away. It needs poppler-utils, so it runs only when
// FIDELITY=1 (make fidelity).

const peerCorpus = "../../../shared/peer-corpus"

func corpusPDFs(t testing.TB) []string {
	var files []string
	for _, pat := range []string{peerCorpus + "/*/*.pdf", "../../fixtures/*/input.pdf", "testdata/*.pdf"} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	return files
}

type popplerWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type popplerPage struct {
	Width  float64       `xml:"width,attr"`
	Height float64       `xml:"height,attr"`
	Words  []popplerWord `xml:"flow>block>line>word"`
}

func popplerLayout(t *testing.T, path string) ([]popplerPage, error) {
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", path, err)
	}
	out = bytes.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return ' '
		}
		return r
	}, out)
	var doc struct {
		Pages []popplerPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	require.NoError(t, dec.Decode(&doc))
	return doc.Pages, nil
}

// bidiMark reports the invisible direction marks that poppler inserts
// around right-to-left text; they are not glyphs.
func bidiMark(r rune) bool {
	return r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

func countChars(m map[rune]int, s string) int {
	n := 0
	for _, r := range norm.NFKC.String(s) {
		if unicode.IsSpace(r) || unicode.IsControl(r) || bidiMark(r) {
			continue
		}
		m[r]++
		n++
	}
	return n
}

type fidelity struct {
	file              string
	pages             int
	recall, precision float64
	words, badWords   int
	missing, extra    string
	pageErrors        int
	skipped           string // why the file was not compared
}

func measure(t *testing.T, path string) fidelity {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	pp, perr := popplerLayout(t, path)
	pages, perrs, err := ReadLayout(path, b, Options{})
	if perr != nil && err != nil {
		// A document neither reader opens (an unknown password): there is
		// nothing to compare.
		return fidelity{file: path, skipped: err.Error()}
	}
	require.NoError(t, perr)
	require.NoError(t, err)
	f := fidelity{file: path, pages: len(pp), pageErrors: len(perrs)}
	want, got := map[rune]int{}, map[rune]int{}
	nw, ng := 0, 0
	for _, p := range pp {
		for _, w := range p.Words {
			nw += countChars(want, w.Text)
		}
	}
	for _, p := range pages {
		for _, g := range p.Glyphs {
			ng += countChars(got, g.Text)
		}
	}
	match := 0
	var missing, extra []string
	for r, n := range want {
		match += min(n, got[r])
		if n > got[r] {
			missing = append(missing, fmt.Sprintf("%q×%d", r, n-got[r]))
		}
	}
	for r, n := range got {
		if n > want[r] {
			extra = append(extra, fmt.Sprintf("%q×%d", r, n-want[r]))
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	f.missing, f.extra = clip(strings.Join(missing, " ")), clip(strings.Join(extra, " "))
	f.recall, f.precision = ratio(match, nw), ratio(match, ng)

	byNum := map[int]*PageLayout{}
	for i := range pages {
		byNum[pages[i].Number] = &pages[i]
	}
	for i, p := range pp {
		ours := byNum[i+1]
		for _, w := range p.Words {
			if strings.TrimSpace(w.Text) == "" {
				continue
			}
			f.words++
			want := parser.Box{X0: w.XMin, Y0: w.YMin, X1: w.XMax, Y1: w.YMax}
			if ours == nil || !hasCloseWord(ours, w.Text, want) {
				f.badWords++
				if show := os.Getenv("FIDELITY_SHOW"); show != "" && strings.Contains(path, show) && f.badWords <= 25 {
					fmt.Printf("  bad p%d %q [%.1f %.1f %.1f %.1f] nearest: %s\n", i+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax, nearestWord(ours, want))
				}
			}
		}
	}
	return f
}

// hasCloseWord reports whether the page has a word with the same text
// whose box is within 20% of the word's width of want.
func hasCloseWord(p *PageLayout, text string, want parser.Box) bool {
	tol := 0.2 * want.Width()
	text = squash(text)
	for _, w := range p.Words {
		if squash(w.Text) != text {
			continue
		}
		d := math.Max(math.Max(math.Abs(w.Box.X0-want.X0), math.Abs(w.Box.X1-want.X1)),
			math.Max(math.Abs(w.Box.Y0-want.Y0), math.Abs(w.Box.Y1-want.Y1)))
		if d <= tol {
			return true
		}
	}
	return false
}

func nearestWord(p *PageLayout, want parser.Box) string {
	if p == nil {
		return "no page"
	}
	best, bd := "", math.Inf(1)
	for _, w := range p.Words {
		d := math.Abs(w.Box.X0-want.X0) + math.Abs(w.Box.Y0-want.Y0)
		if d < bd {
			bd = d
			best = fmt.Sprintf("%q [%.1f %.1f %.1f %.1f]", w.Text, w.Box.X0, w.Box.Y0, w.Box.X1, w.Box.Y1)
		}
	}
	return best
}

// squash normalises a word for comparison: NFKC, no white space.
func squash(s string) string {
	return strings.Join(strings.Fields(norm.NFKC.String(s)), "")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func TestFidelity(t *testing.T) {
	if os.Getenv("FIDELITY") == "" {
		t.Skip("FIDELITY not set (make fidelity)")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	files := corpusPDFs(t)
	require.NotEmpty(t, files)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-60s %5s %8s %9s %7s %7s  %s\n", "file", "pages", "recall", "precision", "words", "badbox", "missing | extra")
	pass, compared := 0, 0
	for _, path := range files {
		f := measure(t, path)
		name := strings.TrimPrefix(strings.TrimPrefix(path, peerCorpus+"/"), "../../")
		if f.skipped != "" {
			fmt.Fprintf(&sb, "-%-59s skipped: neither reader opens it (%s)\n", name, clip(f.skipped))
			continue
		}
		compared++
		bad := ratio(f.badWords, f.words)
		if f.words == 0 {
			bad = 0
		}
		ok := f.recall >= 0.995 && f.precision >= 0.995 && bad < 0.01
		if ok {
			pass++
		}
		mark := " "
		if !ok {
			mark = "✗"
		}
		fmt.Fprintf(&sb, "%s%-59s %5d %8.4f %9.4f %7d %6.2f%%  %s | %s\n", mark, name, f.pages, f.recall, f.precision, f.words, 100*bad, f.missing, f.extra)
	}
	fmt.Fprintf(&sb, "%d/%d files compared meet recall/precision ≥ 0.995 and < 1%% bad word boxes\n", pass, compared)
	fmt.Print(sb.String())
}
