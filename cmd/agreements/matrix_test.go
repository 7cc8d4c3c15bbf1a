package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// The layout matrix (fixtures/matrix, made by fixtures/gen/matrix.py): the
// transcribed lists rendered along many layout dimensions by several
// producers. Each rendering's records must equal its transcription's on the
// fields below, minus the differences its manifest declares.

var (
	matrixSummary = flag.String("matrix.summary", "", "write the matrix table (dimension value × renderings × passed) to `FILE`")
	matrixUpdate  = flag.Bool("matrix.update-known", false, "rewrite fixtures/matrix/known-failures.txt from this run")
)

const (
	matrixDir         = "../../fixtures/matrix"
	matrixDataDir     = "../../fixtures/data"
	matrixKnownFile   = matrixDir + "/known-failures.txt"
	matrixKnownHeader = `# Renderings of the layout matrix (fixtures/matrix) that do not read right yet,
# one a line: the rendering's name, a tab, the reason (what the test saw).
# cmd/agreements/matrix_test.go fails when a rendering not listed here fails,
# and when a listed one passes: remove it then, so the list only shrinks.
`
)

// matrixManifest is fixtures/matrix/<name>/manifest.json.
type matrixManifest struct {
	Name          string            `json:"name"`
	Producer      string            `json:"producer"`
	Dimensions    map[string]string `json:"dimensions"`
	Classes       []string          `json:"classes"`
	Transcription []struct {
		File string `json:"file"`
		Rows []int  `json:"rows"`
	} `json:"transcription"`
	Records     int      `json:"records"`
	Institution string   `json:"institution"`
	Args        []string `json:"args"`
	AsOf        string   `json:"as_of"`
	// Compare names fields compared besides matrixFields, where the
	// rendering shows them: "agreement_type" (kindsKey of the record's
	// and of the transcription's kind).
	Compare     []string `json:"compare"`
	Differences []string `json:"differences"`
}

// matrixFields are the fields compared, in the order they are reported.
var matrixFields = []string{"level", "region", "country_code", "partner", "partner_unit", "home_unit", "signed", "valid_until", "fee_waiver", "as_of"}

// optionalFields are the fields a manifest may ask to compare (Compare):
// a row or record holds them only then.
var optionalFields = []string{"agreement_type"}

// comparedFields are the fields of w compared: matrixFields, and those of
// optionalFields w holds.
func comparedFields(w matrixRecord) []string {
	out := matrixFields
	for _, f := range optionalFields {
		if _, ok := w[f]; ok {
			out = append(slices.Clip(out), f)
		}
	}
	return out
}

// kindsKey is the kinds a text names, each trimmed, sorted and joined by
// "|": the record's "包括 / 学生交換" and the transcription's "包括|学生交換"
// give one key.
func kindsKey(s string) string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '/' || r == ',' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

// matrixRecord holds the compared fields of a record, or of a transcribed row.
type matrixRecord map[string]string

func recordFields(r agreement.Record) matrixRecord {
	return matrixRecord{
		"level": r.Level, "region": r.Region, "country_code": r.CountryCode,
		"partner": foldText(r.Partner), "partner_unit": foldText(r.PartnerUnit), "home_unit": foldText(r.HomeUnit),
		"signed": r.Signed, "valid_until": r.ValidUntil, "fee_waiver": fmt.Sprint(r.FeeWaiver), "as_of": r.AsOf,
	}
}

func (m matrixRecord) String() string {
	var b strings.Builder
	for i, f := range comparedFields(m) {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(m[f])
	}
	return b.String()
}

func foldText(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// matrixData reads the transcriptions and the country and region tables once.
type matrixData struct {
	once      sync.Once
	err       error
	mu        sync.Mutex                // guards files
	countries map[string]string         // a country as written -> ISO code ("" for international organisations)
	regions   map[string]string         // a region as written -> canonical
	files     map[string][]matrixRecord // transcription -> its rows (index = row-1)
}

var matrixTranscriptions matrixData

func readDataTSV(name string) ([]map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(matrixDataDir, name))
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = '\t'
	r.Comment = '#'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no header", name)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			if i < len(row) {
				m[h] = row[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func (d *matrixData) load() error {
	d.once.Do(func() { d.err = d.read() })
	return d.err
}

func (d *matrixData) read() error {
	d.countries, d.regions = map[string]string{}, map[string]string{}
	d.files = map[string][]matrixRecord{}
	cs, err := readDataTSV("countries.tsv")
	if err != nil {
		return err
	}
	for _, c := range cs {
		code := c["code"]
		if code == "-" {
			code = ""
		}
		for _, n := range append([]string{c["en"]}, strings.Split(c["aliases"], "|")...) {
			if n != "" {
				d.countries[n] = code
			}
		}
	}
	rs, err := readDataTSV("regions.tsv")
	if err != nil {
		return err
	}
	for _, r := range rs {
		for _, n := range append([]string{r["region"]}, strings.Split(r["aliases"], "|")...) {
			if n != "" {
				d.regions[n] = r["region"]
			}
		}
	}
	return nil
}

// rows gives the transcription's rows in the shape of records.
func (d *matrixData) rows(file string) ([]matrixRecord, error) {
	if rows, ok := d.files[file]; ok {
		return rows, nil
	}
	raw, err := readDataTSV(file)
	if err != nil {
		return nil, err
	}
	code := func(country string) (string, error) {
		c, ok := d.countries[country]
		if !ok {
			return "", fmt.Errorf("%s: country %q not in countries.tsv", file, country)
		}
		return c, nil
	}
	region := func(area string) (string, error) {
		r, ok := d.regions[area]
		if !ok {
			return "", fmt.Errorf("%s: region %q not in regions.tsv", file, area)
		}
		return r, nil
	}
	var out []matrixRecord
	for _, w := range raw {
		var m matrixRecord
		switch file {
		case "tohoku-university.tsv":
			c, err := code(w["country"])
			if err != nil {
				return nil, err
			}
			r, err := region(w["region"])
			if err != nil {
				return nil, err
			}
			m = matrixRecord{"level": agreement.LevelUniversity, "region": r, "country_code": c, "partner": foldText(w["name"]),
				"signed": isoOfDotted(w["date"]), "valid_until": "", "fee_waiver": fmt.Sprint(w["marker"] == "*")}
		case "tohoku-department.tsv":
			c, err := code(w["country"])
			if err != nil {
				return nil, err
			}
			r, err := region(w["area"])
			if err != nil {
				return nil, err
			}
			marked := w["marker_home"] != "" || w["marker_unit"] != "" || w["marker_after_home"] != ""
			m = matrixRecord{"level": agreement.LevelDepartment, "region": r, "country_code": c, "partner": foldText(w["partner"]),
				"partner_unit": foldText(w["partner_unit"]), "home_unit": foldText(w["home_unit"]),
				"signed": strings.ReplaceAll(w["year"], "/", "-"), "valid_until": "", "fee_waiver": fmt.Sprint(marked)}
		case "doshisha-europe.tsv":
			// (its renderings leave the home units out, every partner an
			// agreement of the university's, and write the Japanese names)
			c, err := code(w["country_en"])
			if err != nil {
				return nil, err
			}
			m = matrixRecord{"level": agreement.LevelUniversity, "region": "Europe", "country_code": c,
				"partner": foldText(w["partner_ja"]), "signed": w["signed"], "valid_until": "", "fee_waiver": "false",
				"kind": w["kinds"]}
		default:
			m = matrixRecord{"level": w["level"], "region": w["region"], "country_code": w["country_code"],
				"partner": foldText(w["partner"]), "partner_unit": foldText(w["partner_unit"]), "home_unit": foldText(w["home_unit"]),
				"signed": w["signed"], "valid_until": w["valid_until"], "fee_waiver": fmt.Sprint(w["fee_waiver"] == "yes"),
				"kind": w["kind"]}
		}
		out = append(out, m)
	}
	d.files[file] = out
	return out, nil
}

// want gives the records a rendering should give: its transcription rows
// with the differences it declares applied.
func (d *matrixData) want(m *matrixManifest) ([]matrixRecord, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []matrixRecord
	for _, part := range m.Transcription {
		rows, err := d.rows(part.File)
		if err != nil {
			return nil, err
		}
		for _, i := range part.Rows {
			if i < 1 || i > len(rows) {
				return nil, fmt.Errorf("%s: row %d of %s does not exist", m.Name, i, part.File)
			}
			w := matrixRecord{}
			for k, v := range rows[i-1] {
				w[k] = v
			}
			w["as_of"] = m.AsOf
			if slices.Contains(m.Compare, "agreement_type") {
				w["agreement_type"] = kindsKey(w["kind"])
			}
			for _, diff := range m.Differences {
				switch diff {
				case "no_fee_waiver":
					w["fee_waiver"] = "false"
				case "signed:year":
					if len(w["signed"]) > 4 {
						w["signed"] = w["signed"][:4]
					}
				case "no_signed":
					w["signed"] = ""
				case "no_as_of":
					w["as_of"] = ""
				case "no_valid_until":
					w["valid_until"] = ""
				case "valid_until:year":
					if len(w["valid_until"]) > 4 {
						w["valid_until"] = w["valid_until"][:4]
					}
				case "chars_lost":
					for _, f := range []string{"partner", "partner_unit", "home_unit"} {
						w[f] = lostBeyond(w[f], m.Dimensions["encoding"])
					}
				default:
					// lacks:CHARS: the rendering's font has no glyph for
					// these characters, and the producer left them out of
					// the text.
					if chars, ok := strings.CutPrefix(diff, "lacks:"); ok && chars != "" {
						for _, f := range []string{"partner", "partner_unit", "home_unit"} {
							w[f] = strings.Map(func(r rune) rune {
								if strings.ContainsRune(chars, r) {
									return -1
								}
								return r
							}, w[f])
						}
						continue
					}
					return nil, fmt.Errorf("%s: unknown declared difference %q", m.Name, diff)
				}
			}
			out = append(out, w)
		}
	}
	return out, nil
}

// lostBeyond gives the text as a producer that loses the Latin-1
// characters a page in encoding enc could not hold gives it: each one
// U+FFFD. The page wrote them as character references, which LibreOffice
// opening a Shift_JIS or EUC-JP page reads as the encoding's bytes (it
// reads references beyond Latin-1, 电's, right). A UTF-8 page loses none.
func lostBeyond(text, enc string) string {
	var e *encoding.Encoder
	switch enc {
	case "shift_jis":
		e = japanese.ShiftJIS.NewEncoder()
	case "euc-jp":
		e = japanese.EUCJP.NewEncoder()
	default:
		return text
	}
	var b strings.Builder
	for _, r := range text {
		if _, err := e.String(string(r)); err != nil && r < 0x100 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// compareMatrix pairs records with wanted rows and says what differs: the
// fields that differ (with counts), rows no record matched, records no row
// matched. Empty when they agree.
func compareMatrix(want, got []matrixRecord) (problems []string, byField map[string]int) {
	byField = map[string]int{}
	usedW := make([]bool, len(want))
	usedG := make([]bool, len(got))
	// exact matches first, in order
	for i, w := range want {
		for j, g := range got {
			if !usedG[j] && w.String() == g.String() {
				usedW[i], usedG[j] = true, true
				break
			}
		}
	}
	// then the closest record for each remaining row: most equal fields,
	// the partner counting double
	for i, w := range want {
		if usedW[i] {
			continue
		}
		best, bestScore := -1, 2
		for j, g := range got {
			if usedG[j] {
				continue
			}
			score := 0
			for _, f := range comparedFields(w) {
				if w[f] == g[f] {
					score++
					if f == "partner" {
						score++
					}
				}
			}
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			continue
		}
		usedW[i], usedG[best] = true, true
		var diffs []string
		for _, f := range comparedFields(w) {
			if w[f] != got[best][f] {
				byField[f]++
				diffs = append(diffs, fmt.Sprintf("%s %q, want %q", f, got[best][f], w[f]))
			}
		}
		problems = append(problems, fmt.Sprintf("row %d (%s): %s", i+1, w["partner"], strings.Join(diffs, "; ")))
	}
	for i, w := range want {
		if !usedW[i] {
			byField["missing"]++
			problems = append(problems, fmt.Sprintf("row %d: no record for %s", i+1, w))
		}
	}
	for j, g := range got {
		if !usedG[j] {
			byField["extra"]++
			problems = append(problems, fmt.Sprintf("extra record: %s", g))
		}
	}
	return problems, byField
}

// matrixResult is what one rendering gave.
type matrixResult struct {
	manifest *matrixManifest
	problems []string
	reason   string // one line
	loud     bool   // the extraction said a warning or failed: a wrong read it says is not silent
}

func (r *matrixResult) passed() bool { return r.reason == "" }

func runMatrixRendering(t *testing.T, dir string) *matrixResult {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err)
	var m matrixManifest
	require.NoError(t, json.Unmarshal(b, &m), dir)
	res := &matrixResult{manifest: &m}
	want, err := matrixTranscriptions.want(&m)
	require.NoError(t, err)
	in := filepath.Join(dir, "input.pdf")
	if _, err := os.Stat(in); err != nil {
		in = filepath.Join(dir, "input.html")
	}
	var stdout, stderr bytes.Buffer
	code := run(append(append([]string{"extract"}, m.Args...), in), strings.NewReader(""), &stdout, &stderr)
	res.loud = code != 0 || strings.Contains(stderr.String(), "warning:")
	var recs []agreement.Record
	if len(bytes.TrimSpace(stdout.Bytes())) > 0 { // no records at all is a result, not an unreadable output
		recs, err = output.ReadRecords(&stdout)
	}
	if code != 0 || err != nil {
		res.reason = fmt.Sprintf("extract exit %d: %s", code, firstLine(stderr.String()))
		if err != nil {
			res.reason += fmt.Sprintf("; records unreadable: %v", err)
		}
		res.problems = []string{res.reason}
		return res
	}
	got := make([]matrixRecord, len(recs))
	for i, r := range recs {
		got[i] = recordFields(r)
		if slices.Contains(m.Compare, "agreement_type") {
			got[i]["agreement_type"] = kindsKey(r.AgreementType)
		}
	}
	problems, byField := compareMatrix(want, got)
	if lost := strings.ContainsRune(fmt.Sprint(want), utf8.RuneError); lost && !strings.Contains(stderr.String(), "U+FFFD") {
		problems = append(problems, "a name lost characters and no warning says so")
	}
	res.problems = problems
	if len(problems) > 0 {
		var parts []string
		for _, f := range append(append(append([]string{}, matrixFields...), optionalFields...), "missing", "extra") {
			if n := byField[f]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", f, n))
			}
		}
		res.reason = fmt.Sprintf("%d of %d rows wrong (%s); first: %s", len(problems)-byField["extra"], len(want),
			strings.Join(parts, ", "), problems[0])
		if len(res.reason) > 300 {
			cut := 300
			for cut > 0 && !utf8.RuneStart(res.reason[cut]) {
				cut-- // never inside a character: the list stays UTF-8
			}
			res.reason = res.reason[:cut] + "…"
		}
		res.reason = strings.ReplaceAll(res.reason, "\n", " ")
	}
	return res
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// readKnownFailures reads a list of renderings that do not read right yet
// (fixtures/matrix/known-failures.txt): name -> reason.
func readKnownFailures(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return map[string]string{}
	}
	require.NoError(t, err)
	known := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, "\t")
		require.NotContains(t, known, name, "%s:%d: %s listed twice", file, i+1, name)
		known[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return known
}

// silentKnown are the known failures of the matrix that say nothing, and
// why that is right: every other rendering that does not read right must
// say a warning.
var silentKnown = map[string]string{
	// The source list gives "Plasma and Radiation Physics" as the unit of
	// "National Institute for Lasers" in a cell of its own; set after a
	// comma or on a line of its own in the partner's cell, it reads as the
	// institute's own name (National Institute for Lasers, Plasma and
	// Radiation Physics, as the institute calls itself).
	"m045-weasyprint-tohoku-department": "the unit reads as part of the institute's name",
	"m064-weasyprint-tohoku-department": "the unit reads as part of the institute's name",
	"m157-weasyprint-tohoku-department": "the unit reads as part of the institute's name",
}

// TestMatrix extracts every rendering of the layout matrix in-process and
// compares its records with its transcription. A failing rendering must be
// listed in known-failures.txt, and a listed one must still fail.
func TestMatrix(t *testing.T) {
	require.NoError(t, matrixTranscriptions.load())
	dirs, err := filepath.Glob(filepath.Join(matrixDir, "*", "manifest.json"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs, "no renderings: run make fixtures")
	known := readKnownFailures(t, matrixKnownFile)
	var mu sync.Mutex
	results := map[string]*matrixResult{}
	t.Run("rendering", func(t *testing.T) {
		for _, mf := range dirs {
			dir := filepath.Dir(mf)
			name := filepath.Base(dir)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				res := runMatrixRendering(t, dir)
				mu.Lock()
				results[name] = res
				mu.Unlock()
				_, listed := known[name]
				switch {
				case *matrixUpdate:
				case !res.passed() && !listed:
					t.Errorf("%s fails (%s):\n  %s", name, dimensionsLine(res.manifest), strings.Join(res.problems, "\n  "))
				case res.passed() && listed:
					t.Errorf("%s now passes: remove it from %s", name, matrixKnownFile)
				case !res.passed() && !res.loud && silentKnown[name] == "":
					t.Errorf("%s reads wrong and says nothing: a wrong read must be said", name)
				}
			})
		}
	})
	for name := range known {
		if _, ok := results[name]; !ok && !*matrixUpdate {
			t.Errorf("%s: %s is listed but there is no such rendering", matrixKnownFile, name)
		}
	}
	table, unexpected := matrixTable(results, known)
	if *matrixSummary != "" {
		require.NoError(t, os.WriteFile(*matrixSummary, []byte(table), 0o644))
	}
	if *matrixUpdate {
		writeKnownFailures(t, results)
	}
	if unexpected != "" && !*matrixUpdate {
		t.Errorf("renderings failing that known-failures.txt does not list, by dimension value:\n%s", unexpected)
	}
}

func dimensionsLine(m *matrixManifest) string {
	var keys []string
	for k, v := range m.Dimensions {
		if v != "-" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+m.Dimensions[k])
	}
	return strings.Join(parts, " ")
}

// matrixTable counts renderings and passes per dimension value (and per
// failure class), in the order of the dimensions in the manifests, and lists
// the failing renderings that are not known failures by dimension value.
func matrixTable(results map[string]*matrixResult, known map[string]string) (table, unexpected string) {
	type cell struct {
		n, passed int
		failing   []string
	}
	counts := map[string]*cell{}
	var keys []string
	add := func(key, name string, ok, listed bool) {
		c := counts[key]
		if c == nil {
			c = &cell{}
			counts[key] = c
			keys = append(keys, key)
		}
		c.n++
		if ok {
			c.passed++
		} else if !listed {
			c.failing = append(c.failing, name)
		}
	}
	names := make([]string, 0, len(results))
	for n := range results {
		names = append(names, n)
	}
	sort.Strings(names)
	passed := 0
	dimOrder := []string{"producer", "data", "groups", "language", "level", "markup", "table", "dates", "markers", "unitcell",
		"header", "repeat", "asof", "totals", "orientation", "columns", "width", "running", "length", "encoding", "chrome"}
	for _, n := range names {
		r := results[n]
		_, listed := known[n]
		if r.passed() {
			passed++
		}
		for _, d := range dimOrder {
			if v := r.manifest.Dimensions[d]; v != "" && v != "-" {
				add(d+"\t"+v, n, r.passed(), listed)
			}
		}
		for _, c := range r.manifest.Classes {
			add("class\t"+c, n, r.passed(), listed)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		di, vi, _ := strings.Cut(keys[i], "\t")
		dj, vj, _ := strings.Cut(keys[j], "\t")
		if di != dj {
			return indexOf(dimOrder, di) < indexOf(dimOrder, dj)
		}
		if len(vi) != len(vj) && di == "class" { // A2 before A10
			return len(vi) < len(vj)
		}
		return vi < vj
	})
	var b, u strings.Builder
	fmt.Fprintf(&b, "%-12s %-20s %10s %7s\n", "dimension", "value", "renderings", "passed")
	for _, k := range keys {
		d, v, _ := strings.Cut(k, "\t")
		c := counts[k]
		fmt.Fprintf(&b, "%-12s %-20s %10d %7d\n", d, v, c.n, c.passed)
		if len(c.failing) > 0 {
			fmt.Fprintf(&u, "  %s=%s: %s\n", d, v, strings.Join(c.failing, " "))
		}
	}
	fmt.Fprintf(&b, "renderings=%d passed=%d\n", len(results), passed)
	return b.String(), u.String()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list) // classes last
}

func writeKnownFailures(t *testing.T, results map[string]*matrixResult) {
	t.Helper()
	var names []string
	for n, r := range results {
		if !r.passed() {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(matrixKnownHeader)
	for _, n := range names {
		fmt.Fprintf(&b, "%s\t%s\n", n, results[n].reason)
	}
	require.NoError(t, os.WriteFile(matrixKnownFile, []byte(b.String()), 0o644))
}

// TestMatrixCoverage checks what the matrix promises: at least 60
// renderings by at least three PDF producers plus HTML pages, every value of
// every dimension in at least two renderings, every failure class in at
// least two renderings, each rendering's transcription rows present.
func TestMatrixCoverage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(matrixDir, "dimensions.json"))
	require.NoError(t, err, "run make fixtures")
	var dims struct {
		Dimensions []struct {
			Name   string   `json:"name"`
			Values []string `json:"values"`
		} `json:"dimensions"`
		Classes map[string]string `json:"classes"`
	}
	require.NoError(t, json.Unmarshal(b, &dims))
	manifests, err := filepath.Glob(filepath.Join(matrixDir, "*", "manifest.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(manifests), 60)
	seen := map[string]int{}
	classes := map[string]int{}
	producers := map[string]bool{}
	for _, mf := range manifests {
		b, err := os.ReadFile(mf)
		require.NoError(t, err)
		var m matrixManifest
		require.NoError(t, json.Unmarshal(b, &m), mf)
		in := "input.pdf"
		if m.Producer == "html" {
			in = "input.html"
		} else {
			producers[m.Producer] = true
		}
		_, err = os.Stat(filepath.Join(filepath.Dir(mf), in))
		require.NoError(t, err, "%s: no %s", m.Name, in)
		require.NotZero(t, m.Records, m.Name)
		for d, v := range m.Dimensions {
			seen[d+"="+v]++
		}
		for _, c := range m.Classes {
			classes[c]++
		}
	}
	require.GreaterOrEqual(t, len(producers), 3, "PDF producers: %v", producers)
	require.Greater(t, seen["producer=html"], 0)
	for _, d := range dims.Dimensions {
		for _, v := range d.Values {
			if seen[d.Name+"="+v] < 2 {
				t.Errorf("%s=%s is in %d renderings, want at least 2", d.Name, v, seen[d.Name+"="+v])
			}
		}
	}
	for c, what := range dims.Classes {
		if classes[c] < 2 {
			t.Errorf("class %s (%s) is in %d renderings, want at least 2", c, what, classes[c])
		}
	}
}
