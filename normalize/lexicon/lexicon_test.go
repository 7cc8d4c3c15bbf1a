package lexicon_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/normalize/lexicon"
)

func checkHeaders(t *testing.T, lx *lexicon.Lexicon, tests map[string]lexicon.Field) {
	t.Helper()
	for in, want := range tests {
		got, _ := lx.Header(in)
		assert.Equal(t, want.String(), got.String(), "header %q", in)
	}
}

func TestHeadersEnglish(t *testing.T) {
	checkHeaders(t, lexicon.New(lexicon.English), map[string]lexicon.Field{
		"Area": lexicon.Region, "Region": lexicon.Region,
		"Country": lexicon.Country, "Country / Region": lexicon.Country, "Countries and Regions": lexicon.Country,
		"Partner Institution": lexicon.Partner, "University": lexicon.Partner, "Institution": lexicon.Partner,
		"Partner Schools": lexicon.Partner, "Partner Universities and Colleges": lexicon.Partner,
		"Name of Partner University/College": lexicon.Partner, "Partner": lexicon.Partner,
		"Faculty/School/Department of partner": lexicon.PartnerUnit, "Partner's Department": lexicon.PartnerUnit,
		"Faculty of Partner Institution": lexicon.PartnerUnit, "Partner unit": lexicon.PartnerUnit,
		"Department at Tohoku": lexicon.HomeUnit, "Home department": lexicon.HomeUnit, "Home Institution Unit": lexicon.HomeUnit,
		"Department": lexicon.Unit, "Faculty": lexicon.Unit,
		"Year": lexicon.Signed, "Date": lexicon.Signed, "Date of conclusion": lexicon.Signed, "Since": lexicon.Signed,
		"Effective date": lexicon.Signed, "Start": lexicon.Signed, "Date signed": lexicon.Signed,
		"Validity": lexicon.Validity, "Period": lexicon.Validity, "Period of Validity": lexicon.Validity,
		"Valid until": lexicon.ValidUntil, "Expiry": lexicon.ValidUntil, "End": lexicon.ValidUntil, "Expiration Date": lexicon.ValidUntil,
		"Type": lexicon.Type, "Scope": lexicon.Type, "Type of Agreement": lexicon.Type,
		"Level": lexicon.Level, "Agreement level": lexicon.Level,
		"Notes": lexicon.Notes, "Remarks": lexicon.Notes,
		"No.": lexicon.Ignore, "City": lexicon.Ignore, "": lexicon.None, "Foo": lexicon.None,
	})
}

func TestHeadersJapanese(t *testing.T) {
	checkHeaders(t, lexicon.New(lexicon.Japanese), map[string]lexicon.Field{
		"地域": lexicon.Region, "国・地域": lexicon.Country, "国名": lexicon.Country, "国／地域": lexicon.Country,
		"国際交流協定校": lexicon.Partner, "協定校": lexicon.Partner, "相手機関名": lexicon.Partner, "相手機関 名": lexicon.Partner,
		"大学名（英語）": lexicon.Partner, "大学名": lexicon.Partner,
		"相手部局": lexicon.PartnerUnit, "相手大学の学部": lexicon.PartnerUnit,
		"本学部局": lexicon.HomeUnit, "部局": lexicon.Unit, "締結母体": lexicon.HomeUnit, "担当部局": lexicon.HomeUnit,
		"締結日": lexicon.Signed, "締結年月日": lexicon.Signed, "協定締結日": lexicon.Signed,
		"期間": lexicon.Validity, "協定期間": lexicon.Validity, "有効期限": lexicon.ValidUntil,
		"種別": lexicon.Type, "協定の種類": lexicon.Type, "備考": lexicon.Notes, "都市": lexicon.Ignore,
	})
}

func TestHeadersBilingual(t *testing.T) {
	checkHeaders(t, lexicon.Default(), map[string]lexicon.Field{
		"国・地域 Country/Region": lexicon.Country, "協定校 Partner Institution": lexicon.Partner,
		"協定期間 Period of Validity": lexicon.Validity, "種別 Type": lexicon.Type,
	})
}

func TestHeadersKorean(t *testing.T) {
	checkHeaders(t, lexicon.New(lexicon.Korean), map[string]lexicon.Field{
		"국가": lexicon.Country, "협정대학": lexicon.Partner, "체결일": lexicon.Signed, "지역": lexicon.Region, "비고": lexicon.Notes,
	})
}

func TestHeadersChinese(t *testing.T) {
	checkHeaders(t, lexicon.New(lexicon.Chinese), map[string]lexicon.Field{
		"国家/地区": lexicon.Country, "合作院校": lexicon.Partner, "签署日期": lexicon.Signed, "地区": lexicon.Region, "备注": lexicon.Notes,
	})
}

func TestLevel(t *testing.T) {
	lx := lexicon.Default()
	tests := map[string]string{
		"University Level Agreements": lexicon.University, "University-wide": lexicon.University, "Inter-university": lexicon.University,
		"大学間協定": lexicon.University, "全学協定": lexicon.University, "School-to-school": lexicon.Department,
		"School-to-school agreement": lexicon.Department, "Faculty-level": lexicon.Department, "部局間協定": lexicon.Department,
		"部局協定": lexicon.Department, "Department Level Agreements": lexicon.Department,
	}
	for in, want := range tests {
		got, ok := lx.Level(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"Asia", "Exchange agreements in Europe", "Peking University", "Schooling"} {
		_, ok := lx.Level(in)
		assert.False(t, ok, in)
	}
	for in, want := range map[string]bool{"University-wide": true, "大学間協定": true, "School-to-school agreement": true,
		"Graduate School of Engineering": false, "University of Tokyo": false} {
		_, only := lx.IsLevelOnly(in)
		assert.Equal(t, want, only, in)
	}
}

func TestPlaceholdersAndNegatives(t *testing.T) {
	lx := lexicon.Default()
	for _, s := range []string{"―", "—", "–", "-", "－", "N/A", "n/a", "なし", "該当なし", "無"} {
		assert.True(t, lx.IsPlaceholder(s), s)
	}
	for _, s := range []string{"GS Engineering", "工学研究科", "", "Nagoya"} {
		assert.False(t, lx.IsPlaceholder(s), s)
	}
	for _, s := range []string{"×", "no", "－", "なし", ""} {
		assert.True(t, lx.IsNegative(s), s)
	}
	for _, s := range []string{"○", "yes", "◎", "*"} {
		assert.False(t, lx.IsNegative(s), s)
	}
}

func TestFlag(t *testing.T) {
	lx := lexicon.Default()
	for in, want := range map[string]string{
		"universities that waive fees": "fee_waiver", "授業料不徴収": "fee_waiver", "派遣のみ": "outbound_only",
		"受入れのみ": "inbound_only", "ダブルディグリー": "double_degree", "自動延長": "auto_renewal", "Double Degree program": "double_degree",
		"something else": "",
	} {
		assert.Equal(t, want, lx.Flag(in), in)
	}
}

func TestTotals(t *testing.T) {
	lx := lexicon.Default()
	seed := "university-wide agreements with 103 universities and research institutions in 27 countries and regions, and school-to-school agreements with 146 universities and research institutions in 35 countries and regions (as of May 1, 2014)"
	got := lx.Totals(seed)
	if assert.Len(t, got, 4) {
		assert.Equal(t, lexicon.Count{N: 103, Unit: "institutions", Level: lexicon.University}, strip(got[0]))
		assert.Equal(t, lexicon.Count{N: 27, Unit: "countries"}, strip(got[1]))
		assert.Equal(t, lexicon.Count{N: 146, Unit: "institutions", Level: lexicon.Department}, strip(got[2]))
		assert.Equal(t, lexicon.Count{N: 35, Unit: "countries"}, strip(got[3]))
	}
	got = lx.Totals("Tokyo Tech has institutional-level agreements with 109 universities and research institutions in 30 countries and regions, and school-level agreements with 125 universities and research institutions in 40 countries and regions")
	if assert.Len(t, got, 4) {
		assert.Equal(t, lexicon.Count{N: 109, Unit: "institutions", Level: lexicon.University}, strip(got[0]))
		assert.Equal(t, lexicon.Count{N: 125, Unit: "institutions", Level: lexicon.Department}, strip(got[2]))
	}
	assert.Empty(t, lx.Totals("パリ第7大学（大学間協定 University-wide、1979年11月2日）"))
	assert.Empty(t, lx.Totals("パリ第 7 大学（大学間協定 University-wide、S54.11.2）"), "the spaces a typesetter puts around a digit in Japanese text")
	got = lx.Totals("大学間協定 76校")
	if assert.Len(t, got, 1) {
		assert.Equal(t, lexicon.Count{N: 76, Unit: "institutions", Level: lexicon.University}, strip(got[0]))
	}
	got = lx.Totals("68大学(25カ国・地域)")
	if assert.Len(t, got, 2) {
		assert.Equal(t, lexicon.Count{N: 68, Unit: "institutions"}, strip(got[0]))
		assert.Equal(t, lexicon.Count{N: 25, Unit: "countries"}, strip(got[1]))
	}
	got = lx.Totals("現在、本学が大学や研究機関等と締結している協定の数は、全学協定が 10（4 の国・地域）、部局間協定が 6（1 の国・地域）です。")
	if assert.Len(t, got, 4) {
		// "協定が 10" does not say whether it counts agreements or partners.
		assert.Equal(t, lexicon.Count{N: 10, Level: lexicon.University}, strip(got[0]))
		assert.Equal(t, lexicon.Count{N: 4, Unit: "countries"}, strip(got[1]))
		assert.Equal(t, lexicon.Count{N: 6, Level: lexicon.Department}, strip(got[2]))
	}
	d, ok := lx.AsOf("(as of May 1, 2021)")
	assert.True(t, ok)
	assert.Equal(t, "May 1, 2021", d)
	d, ok = lx.AsOf("2023年5月現在")
	assert.True(t, ok)
	assert.Equal(t, "2023年5月", d)
}

func strip(c lexicon.Count) lexicon.Count { c.Start, c.End = 0, 0; return c }

func TestIsHeaderOnly(t *testing.T) {
	lx := lexicon.Default()
	for text, want := range map[string]bool{
		"Partner Institution": true, "Date of Agreement": true, "相手機関名": true, "締結年月日": true, "区分": true,
		"Department at Tohoku University":   true, // the home institution's name besides header words
		"Stony Brook University, The State": false, "University of Tokyo": false, "Partner Institution Fudan University": false,
	} {
		assert.Equal(t, want, lx.IsHeaderOnly(text, "Tohoku University"), text)
	}
}

// TestEndsAsUniversity: the end of a name compared in any case gives what
// the name lowered and its end compared gives.
func TestEndsAsUniversity(t *testing.T) {
	lx := lexicon.Default()
	lowered := func(name string) bool {
		l := strings.ToLower(name)
		for _, w := range []string{"university", "universität", "université", "universidad", "universidade", "università",
			"universiteit", "universiti", "universitas", "大学", "大学校", "大學", "대학교"} {
			if strings.HasSuffix(l, w) {
				return true
			}
		}
		return false
	}
	for _, name := range []string{"Kagoshima University", "KAGOSHIMA UNIVERSITY", "Universität", "TECHNISCHE UNIVERSITÄT",
		"北京理工大学", "大学校", "University of Tokyo", "Universitas", "", "x", "Inggris", "universiti", "서울대학교", "Università"} {
		assert.Equal(t, lowered(name), lx.EndsAsUniversity(name), name)
	}
}

func TestIsInstitutionWord(t *testing.T) {
	lx := lexicon.Default()
	for _, s := range []string{"University", "university", "Institute", "College", "大学", "Universität", " University "} {
		assert.True(t, lx.IsInstitutionWord(s), s)
	}
	for _, s := range []string{"", "Chulalongkorn University", "北京大学", "Faculty", "Universities of Applied Sciences", "Department of Physics"} {
		assert.False(t, lx.IsInstitutionWord(s), s)
	}
}
