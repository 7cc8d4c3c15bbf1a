package readcheck_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

func rec(partner, country, code string, row int) agreement.Record {
	return agreement.Record{Schema: agreement.Schema, Level: agreement.LevelUniversity, Partner: partner, Country: country,
		CountryCode: code, Flags: []string{}, Repairs: []string{}, Source: agreement.Source{File: "l.pdf", Page: 1, Row: row}}
}

func line(text string, row int) parser.Block {
	return parser.Block{Line: &parser.Line{Page: 1, Row: row, Text: text, Role: parser.RoleText}}
}

func kinds(ws []agreement.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Kind)
	}
	return out
}

func TestCleanReadHasNoWarnings(t *testing.T) {
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("China", 1), line("Peking University (1999.11.10)", 2)}}
	res := &agreement.Result{Records: []agreement.Record{rec("Peking University", "China", "CN", 2)},
		Declared: []agreement.Declared{{Level: agreement.LevelUniversity, Scope: "section", Count: 1, Unit: "institutions", Text: "Total of 1 institutions", Page: 1, Row: 1}}}
	assert.Empty(t, readcheck.Check(doc, res, readcheck.Options{}))
}

func TestWarnings(t *testing.T) {
	twentyFive := strings.Repeat("word ", 25)
	tests := []struct {
		name string
		doc  *parser.Document
		res  *agreement.Result
		kind string
		text string
	}{
		{"declared total not met",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)},
				Declared: []agreement.Declared{{Level: agreement.LevelUniversity, Scope: "section", Count: 250, Unit: "institutions", Text: "Total of 250 institutions", Page: 1, Row: 1}}},
			readcheck.KindDeclaredTotal, "l.pdf: page 1 row 1: declared total not met"},
		{"a row that made no record",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)},
				Unplaced: []agreement.Unplaced{{Page: 1, Row: 7, Text: "• Temple University", Reason: "entry before any country heading"}}},
			readcheck.KindUnplaced, "l.pdf: page 1 row 7: made no record (entry before any country heading): • Temple University"},
		{"text but no records",
			&parser.Document{File: "l.html", Blocks: []parser.Block{line("Welcome to our office", 1), line("Contact us", 2)}},
			&agreement.Result{},
			readcheck.KindNoList, "l.html: no agreement list found: 2 lines and 0 tables of text made no record"},
		{"scanned pages only",
			&parser.Document{File: "s.pdf", Pages: 2, ImageOnlyPages: []int{1, 2}},
			&agreement.Result{},
			readcheck.KindNoTextLayer, "s.pdf: no text layer on any of its 2 pages: a scanned document needs OCR first"},
		{"one scanned page",
			&parser.Document{File: "s.pdf", Pages: 2, ImageOnlyPages: []int{2}, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)}},
			readcheck.KindNoTextLayer, "s.pdf: page 2: page 2 has no text layer: a scanned page needs OCR first"},
		{"a partner that reads like prose",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec(twentyFive, "China", "CN", 3)}},
			readcheck.KindProse, "l.pdf: page 1 row 3: partner reads like prose (25 words)"},
		{"most records without a country",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "", "", 2), rec("B University", "", "", 3), rec("C University", "", "", 4), rec("D University", "China", "CN", 5)}},
			readcheck.KindNoCountry, "l.pdf: page 1 row 2: 3 of 4 records have no country"},
		{"a date left in a name",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("Purdue University (9/3/1997)", "United States", "US", 2)}},
			readcheck.KindDateInName, "--dates month-first or day-first"},
		{"a date left in a name among its details",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("慶北大学校 (University-wide, 1984-06-05) ソウル大学校", "South Korea", "KR", 2)}},
			readcheck.KindDateInName, `a date was left unread in the partner's name "慶北大学校 (University-wide, 1984-06-05) ソウル大学校"`},
		{"several dates in one row",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{func() agreement.Record {
				r := rec("Nanyang Technological University", "Singapore", "SG", 14)
				r.Repairs = []string{"date:YYYY-MM-DD", "date:first_of_several", "split_cell:agreements_unpaired"}
				return r
			}()}},
			readcheck.KindMergedRows, `l.pdf: page 1 row 14: the date cell of "Nanyang Technological University" holds a date a line`},
		{"a wrapped unit beside two agreements one a line, once a row",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: func() []agreement.Record {
				var rs []agreement.Record
				for _, home := range []string{"GS Medicine", "GS Life Sciences"} {
					r := rec("KU Leuven (University of Leuven)", "Belgium", "BE", 43)
					r.PartnerUnit, r.HomeUnit = "Faculty of Medicine and Biomedical Sciences Group", home
					r.Repairs = []string{"split_cell:one_agreement_a_line", "split_cell:wrapped_shared"}
					rs = append(rs, r)
				}
				return rs
			}()},
			readcheck.KindMergedRows, `l.pdf: page 1 row 43: the row of "KU Leuven (University of Leuven)" holds an agreement a line beside a cell wrapped over as many lines ("Faculty of Medicine and Biomedical Sciences Group"): read as every agreement's, it may be the first's only`},
		{"names run together",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("Hiroshima University Juntendo University Meio University", "Japan", "JP", 6),
				rec("Stony Brook University, The State University of New York", "United States", "US", 7),
				rec("Hanyang University College of Engineering", "South Korea", "KR", 8)}},
			readcheck.KindRunTogether, `l.pdf: page 1 row 6: the partner "Hiroshima University Juntendo University Meio University" may name several institutions`},
		{"a unit the next row's partner goes on",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{func() agreement.Record {
				r := rec("国立台湾師範大学", "Taiwan", "TW", 21)
				r.PartnerUnit = "教育学院ダルムシュタット工科大学"
				return r
			}()}},
			readcheck.KindRunTogether, `l.pdf: page 1 row 21: the partner's unit "教育学院ダルムシュタット工科大学" ends with a university's name`},
		{"a name that a second one starting with The goes on",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("National Center of Scientific Research The Interdisciplinary Center on Nanoscience of Marseille", "France", "FR", 55)}},
			readcheck.KindRunTogether, `l.pdf: page 1 row 55: the partner "National Center of Scientific Research The Interdisciplinary Center on`},
		{"a damaged font",
			&parser.Document{File: "l.pdf", Pages: 1, Repairs: []string{"pdf:font_damaged:tounicode"}, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)}},
			readcheck.KindDamagedFont, "l.pdf: a font's tounicode map could not be read whole"},
		{"a name cut inside a bracket",
			&parser.Document{File: "l.pdf", Pages: 2, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{func() agreement.Record {
				r := rec("University of Eastern Finland", "Finland", "FI", 62)
				r.PartnerUnit = "Faculty of Health Sciences, School of Pharmacy — School-to-school agreement (GS"
				return r
			}()}},
			readcheck.KindCutName, `l.pdf: page 1 row 62: the partner unit "Faculty of Health Sciences, School of Pharmacy — School-to-school agreement (GS" has a bracket that is not closed`},
		{"a name that starts after a bracket",
			&parser.Document{File: "l.pdf", Pages: 2, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("University-wide、4/5/2006）", "China", "CN", 5)}},
			readcheck.KindCutName, `the partner "University-wide、4/5/2006）" has a bracket that is not closed or not opened`},
		{"words of two cells interleaved",
			&parser.Document{File: "l.pdf", Pages: 2, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{func() agreement.Record {
				r := rec("Wrocław University of Technology", "Poland", "PL", 40)
				r.Level, r.HomeUnit = agreement.LevelDepartment, "部局 IFS 間協定"
				return r
			}()}},
			readcheck.KindInterleaved, `the home unit "部局 IFS 間協定" holds text in one script parted by words in another`},
		{"two institutions' names in Japanese run together",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("中国社会科学院北京理工大学", "China", "CN", 8)}},
			readcheck.KindRunTogether, `l.pdf: page 1 row 8: the partner "中国社会科学院北京理工大学" may name several institutions run together`},
		{"a university's name, a group's heading and another's run together",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("高麗大学校シンガポール（2）シンガポール国立大学（NUS）", "South Korea", "KR", 21)}},
			readcheck.KindRunTogether, `l.pdf: page 1 row 21: the partner "高麗大学校シンガポール（2）シンガポール国立大学（NUS）" may name several`},
		{"two universities' names in Korean run together",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("ソウル大学校浦項工科大学校", "South Korea", "KR", 9)}},
			readcheck.KindRunTogether, `the partner "ソウル大学校浦項工科大学校" may name several`},
		{"a word a line break hyphenated, joined whole unsure",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{func() agreement.Record {
				r := rec("Universidad Nacional de Tucuman", "Argentina", "AR", 4)
				r.Repairs = []string{"dehyphenated", "dehyphenated:unsure:Tu-cuman"}
				return r
			}()}},
			readcheck.KindHyphenation, `l.pdf: page 1 row 4: "Universidad Nacional de Tucuman" joins "Tu-cuman", which a line break hyphenated, whole`},
		{"a column no header names",
			&parser.Document{File: "l.pdf", Pages: 2, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("北京大学", "China", "CN", 33)},
				Unread: []agreement.UnreadColumn{{Page: 2, Row: 33, Column: 4, Header: "日 平成", Text: "17年平成", Cells: 7}}},
			readcheck.KindColumnUnread, `l.pdf: page 2 row 33: column 4, headed "日 平成", names no field the records have, and holds text in 7 rows beside them ("17年平成")`},
		{"an unknown country",
			&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}},
			&agreement.Result{Records: []agreement.Record{rec("A University", "Atlantis", "", 2)}},
			readcheck.KindUnknownGroup, `records filed under "Atlantis"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := readcheck.Check(tt.doc, tt.res, readcheck.Options{})
			require.Contains(t, kinds(ws), tt.kind)
			found := false
			for _, w := range ws {
				found = found || w.Kind == tt.kind && strings.Contains(w.String(), tt.text)
			}
			assert.True(t, found, "no %s warning with %q in %v", tt.kind, tt.text, ws)
		})
	}
}

func TestFatalOnlyWhenEveryPageIsScanned(t *testing.T) {
	ws := readcheck.Check(&parser.Document{File: "s.pdf", Pages: 1, ImageOnlyPages: []int{1}}, &agreement.Result{}, readcheck.Options{})
	require.NotEmpty(t, ws)
	assert.True(t, ws[0].Fatal)
	ws = readcheck.Check(&parser.Document{File: "s.pdf", Pages: 2, ImageOnlyPages: []int{1}, Blocks: []parser.Block{line("x", 1)}},
		&agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)}}, readcheck.Options{})
	for _, w := range ws {
		assert.False(t, w.Fatal, w.String())
	}
}

func TestCapPerKind(t *testing.T) {
	res := &agreement.Result{Records: []agreement.Record{rec("A University", "China", "CN", 2)}}
	for i := 0; i < 25; i++ {
		res.Unplaced = append(res.Unplaced, agreement.Unplaced{Page: 1, Row: 10 + i, Text: "x", Reason: "r"})
	}
	ws := readcheck.Check(&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}, res, readcheck.Options{})
	require.Len(t, ws, 11)
	assert.Contains(t, ws[10].Message, "and 15 more")
}

// Names with two institution words that make one name are no warning.
func TestOneNameWithTwoInstitutionWords(t *testing.T) {
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	for _, name := range []string{"Stony Brook University, The State University of New York", "Hanyang University College of Engineering",
		"University College London", "Chulalongkorn University Petroleum and Petrochemical College", "Seoul National University Institute of Physics",
		"University of The West Indies", "Stony Brook University, The State University of New York", "The University of Tokyo", "Institute of Physics (The Czech Academy of Sciences)"} {
		ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{rec(name, "China", "CN", 2)}}, readcheck.Options{})
		assert.NotContains(t, kinds(ws), readcheck.KindRunTogether, name)
	}
	// Universities named after their school, graduate universities and
	// national university corporations in Japanese.
	for _, name := range []string{"東北学院大学", "関西学院大学", "中国科学院大学", "中国社会科学院大学", "総合研究大学院大学", "北陸先端科学技術大学院大学",
		"国立大学法人東北大学", "東京大学", "ソウル大学校", "上海交通大学医学院", "カリフォルニア大学ロサンゼルス校", "ロンドン大学東洋アフリカ研究学院",
		"浦項工科大学校（POSTECH）", "シンガポール国立大学（NUS）", "中国科学院大学 (UCAS)", "南洋理工大学（NTU）"} {
		ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{rec(name, "Japan", "JP", 2)}}, readcheck.Options{})
		assert.NotContains(t, kinds(ws), readcheck.KindRunTogether, name)
	}
	// A Korean university's colleges are named so: units of their own.
	for _, unit := range []string{"工科大学", "自然科学大学", "歯科大学", "大学院", "信息与电子学院"} {
		r := rec("全南大学校", "South Korea", "KR", 2)
		r.PartnerUnit = unit
		ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{r}}, readcheck.Options{})
		assert.NotContains(t, kinds(ws), readcheck.KindRunTogether, unit)
	}
}

// Names whose brackets pair, nested, full-width or square, and names in
// two languages one after the other, are no warning.
func TestWholeNamesAreNoCutOrInterleaving(t *testing.T) {
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	for _, name := range []string{"Korea Advanced Institute of Science and Technology (KAIST)", "国立台湾大学（National Taiwan University）",
		"Universidad Nacional (UNAM (Mexico))", "Institut [Paris]", "東北大学 Tohoku University", "工学研究科 GS Engineering",
		"Tohoku University 東北大学", "北京大学 (Peking University) 医学部", "Université Paris 1 Panthéon-Sorbonne"} {
		r := rec(name, "China", "CN", 2)
		r.PartnerUnit, r.HomeUnit = name, name
		ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{r}}, readcheck.Options{})
		assert.NotContains(t, kinds(ws), readcheck.KindCutName, name)
		assert.NotContains(t, kinds(ws), readcheck.KindInterleaved, name)
	}
}

// The records given one at a time (New, Record, Finish) give the
// warnings Check gives on them held, in the same order, each kind capped
// the same, with the declared totals counted from what was given.
func TestCheckerRecordByRecord(t *testing.T) {
	doc := &parser.Document{File: "l.pdf", Pages: 3, ImageOnlyPages: []int{3}, Repairs: []string{"pdf:font_damaged:ToUnicode"},
		Blocks: []parser.Block{line("x", 1)}}
	var recs []agreement.Record
	for i := range 14 {
		recs = append(recs,
			rec("A University Juntendo University", "", "", 10+i),
			rec("東北 IFS 大学 (工学", "Atlantis", "", 40+i),
			rec(strings.Repeat("word ", 25), "China", "CN", 70+i),
			rec("Peking University 4/5/2006", "Atlantis "+string(rune('A'+i)), "", 100+i))
	}
	res := &agreement.Result{Records: recs,
		Declared: []agreement.Declared{
			{Level: agreement.LevelUniversity, Scope: "section", Count: 250, Unit: "institutions", Text: "Total of 250", Page: 1, Row: 1},
			{Level: agreement.LevelUniversity, Scope: "country", Name: "China", Count: 14, Text: "China (14)", Page: 1, Row: 2}},
		Unplaced: []agreement.Unplaced{{Page: 1, Row: 7, Text: "• Temple University", Reason: "r"}}}
	want := readcheck.Check(doc, res, readcheck.Options{})
	require.Greater(t, len(want), 40)

	k := readcheck.New(doc, readcheck.Options{})
	for i := range recs {
		r := recs[i]
		k.Record(&r)
	}
	got := k.Finish(&agreement.Result{Declared: res.Declared, Unplaced: res.Unplaced})
	assert.Equal(t, want, got)

	// No record given: the document made no list.
	assert.Equal(t, readcheck.Check(doc, &agreement.Result{}, readcheck.Options{}),
		readcheck.New(doc, readcheck.Options{}).Finish(&agreement.Result{}))
}

// TestDateUnread: a date or term the list gives that could not be read is
// said, with the text, the partner and where; the record's other repairs
// are no warning.
func TestDateUnread(t *testing.T) {
	a := rec("Capital University of Business and Economics", "China", "CN", 13)
	a.Repairs = []string{"date:M/D/YYYY", agreement.R(agreement.RepairValidityUnread, "pendin g renewa l")}
	b := rec("Université de Mons", "Belgium", "BE", 8)
	b.Repairs = []string{agreement.R(agreement.RepairDateUnread, "理工学部・理工学研究科 2014年2月14日")}
	c := rec("Charles University", "Czech Republic", "CZ", 9)
	c.Repairs = []string{"date:YYYY年M月D日", "fill_down:country"}
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{a, b, c}}, readcheck.Options{})
	require.Equal(t, []string{readcheck.KindDateUnread, readcheck.KindDateUnread}, kinds(ws))
	assert.Equal(t, 13, ws[0].Row)
	assert.Contains(t, ws[0].Message, `the term "pendin g renewa l" of "Capital University of Business and Economics" could not be read`)
	assert.Equal(t, 8, ws[1].Row)
	assert.Contains(t, ws[1].Message, `the date "理工学部・理工学研究科 2014年2月14日" of "Université de Mons"`)

	many := make([]agreement.Record, 25)
	for i := range many {
		many[i] = rec("A University", "China", "CN", 2+i)
		many[i].Repairs = []string{agreement.R(agreement.RepairDateUnread, "soon")}
	}
	ws = readcheck.Check(doc, &agreement.Result{Records: many}, readcheck.Options{})
	require.Len(t, ws, 11, "ten said, the rest counted")
	assert.Contains(t, ws[10].Message, "and 15 more of the kind above (date_unread)")
}

// TestLostChars: a name holding U+FFFD is said, in whichever name field,
// once a record; the rest of the record's names are not looked at.
func TestLostChars(t *testing.T) {
	a := rec("Technische Universit\uFFFDt Dortmund", "Germany", "DE", 7)
	b := rec("Kyoto University", "Japan", "JP", 8)
	c := rec("Ume\uFFFD University", "Sweden", "SE", 9)
	c.PartnerUnit = "Faculty of Sci\uFFFDnce"
	d := rec("Uppsala University", "Sweden", "SE", 10)
	d.HomeUnit = "GS \uFFFDngineering"
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{a, b, c, d}}, readcheck.Options{})
	require.Equal(t, []string{readcheck.KindLostChars, readcheck.KindLostChars, readcheck.KindLostChars}, kinds(ws))
	assert.Equal(t, []int{7, 9, 10}, []int{ws[0].Row, ws[1].Row, ws[2].Row})
	assert.Contains(t, ws[0].Message, "the partner \"Technische Universit\uFFFDt Dortmund\" holds U+FFFD")
	assert.Contains(t, ws[2].Message, "the home unit \"GS \uFFFDngineering\"")
}

// TestGarbledText: a name whose glyphs the document maps to the wrong
// text is said, whatever way it went wrong; names in any one script, with
// accents, or with a middle dot between words, are not.
func TestGarbledText(t *testing.T) {
	bad := []string{
		"³ーン工科大学",                  // a Type 3 font's map off by a table: ウィーン工科大学
		"ÿ¶ーû大学 University Khazar", // ハザール大学
		"UniversitÃ© de Lyon",      // UTF-8 read as Latin-1
		"Universitâ€™s College",    // UTF-8 read as Windows-1252
		"譁ｰ縺励＞大学",                  // UTF-8 read as Shift_JIS
	}
	good := []string{
		"Universität Wien", "ウィーン工科大学", "Université Libre de Bruxelles ブリュッセル自由大学",
		"São Paulo State University (UNESP)", "JOÃO PESSOA", "고려대학교", "Pontificia Universidad Católica · Chile",
	}
	var rs []agreement.Record
	for i, n := range append(append([]string{}, bad...), good...) {
		rs = append(rs, rec(n, "Austria", "AT", 10+i))
	}
	alt := rec("Vienna University of Technology", "Austria", "AT", 40)
	alt.PartnerAlt = "³ーン工科大学"
	rs = append(rs, alt)
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	ws := readcheck.Check(doc, &agreement.Result{Records: rs}, readcheck.Options{})
	var rows []int
	for _, w := range ws {
		if w.Kind == readcheck.KindGarbled {
			rows = append(rows, w.Row)
		}
	}
	assert.Equal(t, []int{10, 11, 12, 13, 14, 40}, rows)
	require.NotEmpty(t, ws)
	assert.Contains(t, ws[len(ws)-1].Message, "the partner's other name \"³ーン工科大学\" reads as garbled text")
}

// The records a row's lines made (an agreement a line) warn once for the
// row, and a record of another row warns again.
func TestMergedRowsWarnOnceARow(t *testing.T) {
	var rs []agreement.Record
	for _, row := range []int{43, 43, 44} {
		r := rec("KU Leuven (University of Leuven)", "Belgium", "BE", row)
		r.PartnerUnit = "Faculty of Medicine and Biomedical Sciences Group"
		r.Repairs = []string{"split_cell:one_agreement_a_line", "split_cell:wrapped_shared"}
		rs = append(rs, r)
	}
	ws := readcheck.Check(&parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}, &agreement.Result{Records: rs}, readcheck.Options{})
	n := 0
	for _, w := range ws {
		if w.Kind == readcheck.KindMergedRows {
			n++
		}
	}
	assert.Equal(t, 2, n)
}

// TestDateAsText: a record without a date whose kind or unit is only a
// date (in English, in Japanese, in an era, with an as-of note after it)
// is said; a kind that names a year among its words, or a record with its
// own date, is not.
func TestDateAsText(t *testing.T) {
	doc := &parser.Document{File: "l.pdf", Pages: 1, Blocks: []parser.Block{line("x", 1)}}
	withKind := func(kind, unit, signed string) agreement.Record {
		r := rec("FH Aachen University of Applied Sciences", "Germany", "DE", 5)
		r.AgreementType, r.PartnerUnit, r.Signed = kind, unit, signed
		return r
	}
	for _, tt := range []struct {
		r    agreement.Record
		said bool
	}{
		{withKind("Oct. 17, 2016", "", ""), true},
		{withKind("Apr. 14, 2019 (as of May 1, 2021)", "", ""), true},
		{withKind("", "2016年10月17日", ""), true},
		{withKind("平成28年10月17日", "", ""), true},
		{withKind("H28.10.17", "", ""), true},
		{withKind("17 October 2016", "", ""), true},
		{withKind("Oct. 17, 2016", "", "2016-10-17"), false},
		{withKind("MOU 2016", "", ""), false},
		{withKind("Student Exchange", "Faculty of Engineering", ""), false},
		{withKind("12", "", ""), false},
	} {
		ws := readcheck.Check(doc, &agreement.Result{Records: []agreement.Record{tt.r}}, readcheck.Options{})
		said := false
		for _, w := range ws {
			if w.Kind == readcheck.KindDateAsText {
				said = true
				assert.Contains(t, w.Message, "a date column was read under another heading")
			}
		}
		assert.Equal(t, tt.said, said, "%q %q", tt.r.AgreementType, tt.r.PartnerUnit)
	}
}
