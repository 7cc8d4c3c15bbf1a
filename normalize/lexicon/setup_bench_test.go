package lexicon

import "testing"

// BenchmarkNew measures merging the four languages into one lexicon, as
// a fresh process would.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if lx := New(English, Japanese, Korean, Chinese); len(lx.headers) == 0 {
			b.Fatal("empty lexicon")
		}
	}
}

// findTexts are texts of the shapes the normaliser asks the lexicon about:
// header cells, entries of lists, section titles, legend definitions.
var findTexts = []string{
	"Partner University", "Country/Region", "Date of Agreement", "協定校", "国・地域", "締結日", "No.", "Remarks",
	"University of California, Berkeley (USA) 2015.4.1 concluded", "Faculty of Engineering, Technische Universität München",
	"上海交通大学 数学科学学院 (2012年4月1日締結)", "University-level Agreements", "大学間協定", "部局間交流協定一覧",
	"* indicates student exchange agreements", "※1 授業料不徴収", "Seoul National University, College of Engineering",
	"Universidad Nacional Autónoma de México (UNAM)", "East Asia", "ヨーロッパ", "2019年4月1日現在",
}

// BenchmarkFind measures matching texts against the terms, through the
// questions the normaliser asks most.
func BenchmarkFind(b *testing.B) {
	lx := Default()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range findTexts {
			lx.Header(s)
			lx.IsHeaderOnly(s, "")
			lx.LevelTitle(s)
			lx.UnitWordAt(s)
			lx.Flag(s)
			lx.RegionsIn(s)
		}
	}
}

// BenchmarkFindTerms measures find alone: folded texts against the term
// lists the normaliser reads most.
func BenchmarkFindTerms(b *testing.B) {
	lx := Default()
	var folded []string
	for _, s := range findTexts {
		folded = append(folded, Fold(s))
	}
	lists := [][]term{lx.headers, lx.levels, lx.units, lx.inst, lx.flagTerms, lx.rterms}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range folded {
			for _, l := range lists {
				find(s, l)
			}
		}
	}
}
