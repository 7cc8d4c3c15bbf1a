package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReadEntry(t *testing.T) {
	tests := []struct {
		in   string
		opts entryOpts
		want entry
	}{
		{in: "Tsinghua University — School-to-school agreement (School of Materials and Chemical Technology), concluded 2012.3.15",
			want: entry{partner: "Tsinghua University", level: LevelDepartment, homeUnit: "School of Materials and Chemical Technology", signed: Date{ISO: "2012-03-15", Layout: "YYYY.M.D"}}},
		{in: "Seoul National University (University-wide, October 23, 2006)",
			want: entry{partner: "Seoul National University", level: LevelUniversity, signed: Date{ISO: "2006-10-23", Layout: "Month D, YYYY"}}},
		{in: "韓国科学技術院（KAIST）", want: entry{partner: "韓国科学技術院（KAIST）"}},
		{in: "Korea Advanced Institute of Science and Technology (KAIST)", want: entry{partner: "Korea Advanced Institute of Science and Technology (KAIST)"}},
		{in: "ウィーン工科大学 Technische Universität Wien", want: entry{partner: "Technische Universität Wien", partnerAlt: "ウィーン工科大学"}},
		{in: "Peking University, School of International Studies", want: entry{partner: "Peking University", partnerUnit: "School of International Studies"}},
		{in: "Faculty of Agriculture, Kagoshima University", want: entry{partner: "Kagoshima University", partnerUnit: "Faculty of Agriculture"}},
		{in: "IDEC, Hiroshima University (MoA on Collaboration)", want: entry{partner: "Hiroshima University", partnerUnit: "IDEC", kind: "MoA on Collaboration"}},
		{in: "Department of Planning and Cooperation, Ministry of Science and Technology",
			want: entry{partner: "Ministry of Science and Technology", partnerUnit: "Department of Planning and Cooperation"}},
		{in: "DLR, German Aerospace Center", want: entry{partner: "DLR, German Aerospace Center"}},
		{in: "Vietnam Academy of Science and Technology, Graduate University of Science and Technology",
			want: entry{partner: "Vietnam Academy of Science and Technology", partnerUnit: "Graduate University of Science and Technology"}},
		{in: "Vietnam Atomic Energy Institute, Institute of Materials Science", want: entry{partner: "Vietnam Atomic Energy Institute", partnerUnit: "Institute of Materials Science"}},
		{in: "Alexandria University, Smouha Emergency and Accident Hospital (SEAH)",
			want: entry{partner: "Alexandria University", partnerUnit: "Smouha Emergency and Accident Hospital (SEAH)"}},
		{in: "University of Science, Vietnam National University - Ho Chi Minh City", want: entry{partner: "University of Science, Vietnam National University - Ho Chi Minh City"}},
		{in: "University of California, Berkeley", want: entry{partner: "University of California, Berkeley"}},
		{in: "Peking University, School of International Studies", opts: entryOpts{ownUnit: true}, want: entry{partner: "Peking University, School of International Studies"}},
		{in: "University of Wisconsin - Madison", want: entry{partner: "University of Wisconsin - Madison"}},
		{in: "Chiang Mai University (MOU)", want: entry{partner: "Chiang Mai University", kind: "MOU"}},
		{in: "Universidad de Chile (外部サイト)", want: entry{partner: "Universidad de Chile"}},
		{in: "* Northeastern University (1983.8.5)", want: entry{partner: "Northeastern University", markers: []string{"*"}, signed: Date{ISO: "1983-08-05", Layout: "YYYY.M.D"}}},
		{in: "Université Paris 8", want: entry{partner: "Université Paris 8"}},
		{in: "Aix-Marseille Université, 2012", want: entry{partner: "Aix-Marseille Université", signed: Date{ISO: "2012", Layout: "YYYY"}}},
		{in: "Peking University (1999.11.10)", opts: entryOpts{ownDate: true}, want: entry{partner: "Peking University (1999.11.10)"}},
		{in: "Bangladesh Agricultural University — 部局間協定 School-to-school（Agr）、平成12年締結",
			want: entry{partner: "Bangladesh Agricultural University", level: LevelDepartment, homeUnit: "Agr", signed: Date{ISO: "2000", Layout: "era:平成Y年"}}},
		{in: "Masaryk University*, Faculty of Medicine — 部局間協定 School-to-school（GS Medicine）、2008.5.28締結",
			want: entry{partner: "Masaryk University", partnerUnit: "Faculty of Medicine", level: LevelDepartment, homeUnit: "GS Medicine", markers: []string{"*"}, signed: Date{ISO: "2008-05-28", Layout: "YYYY.M.D"}}},
		{in: "Hiroshima University (MoA on Collaboration for the Implementation of a Double Master's Degree Programme), IDEC",
			want: entry{partner: "Hiroshima University", partnerUnit: "IDEC", kind: "MoA on Collaboration for the Implementation of a Double Master's Degree Programme"}},
		{in: "Hiroshima University (MoA on Collaboration) IDEC", want: entry{partner: "Hiroshima University", partnerUnit: "IDEC", kind: "MoA on Collaboration"}},
		{in: "Nagaoka University of Technology (Addendum for the exchange of students)",
			want: entry{partner: "Nagaoka University of Technology", kind: "Addendum for the exchange of students"}},
		{in: "Rutgers University, WINLAB (Wireless Network Laboratory)", want: entry{partner: "Rutgers University", partnerUnit: "WINLAB (Wireless Network Laboratory)"}},
		{in: "Tohoku Gakuin University (Sendai), Faculty of Letters", want: entry{partner: "Tohoku Gakuin University (Sendai)", partnerUnit: "Faculty of Letters"}},
		{in: "Sahlgrenska Academy Institute of Odontology, * University of Gothenburg",
			want: entry{partner: "University of Gothenburg", partnerUnit: "Sahlgrenska Academy Institute of Odontology", markers: []string{"*"}}},
		{in: "上海師範大学, 数理学院", want: entry{partner: "上海師範大学", partnerUnit: "数理学院"}},
		{in: "信息与电子学院, 北京理工大学", want: entry{partner: "北京理工大学", partnerUnit: "信息与电子学院"}},
		{in: "Norwegian University of Science and Technology (NTNU) Faculty of Medicine and Health Sciences",
			want: entry{partner: "Norwegian University of Science and Technology (NTNU)", partnerUnit: "Faculty of Medicine and Health Sciences"}},
		{in: "中央研究院, 物理研究所", want: entry{partner: "中央研究院", partnerUnit: "物理研究所"}},
		{in: "全南大学校, 工科大学", want: entry{partner: "全南大学校", partnerUnit: "工科大学"}},
		{in: "College of Medicine & Health Sciences, United Arab Emirates University", want: entry{partner: "United Arab Emirates University", partnerUnit: "College of Medicine & Health Sciences"}},
		{in: "Kagoshima University (Agreement on Academic Exchange Programme for Students), Faculty of Agriculture",
			want: entry{partner: "Kagoshima University", partnerUnit: "Faculty of Agriculture", kind: "Agreement on Academic Exchange Programme for Students"}},
		{in: "上海師範大学数理学院", want: entry{partner: "上海師範大学", partnerUnit: "数理学院"}},
		{in: "北京師範大学", want: entry{partner: "北京師範大学"}},
		{in: "Chiangmai University * Faculty of Dentistry", want: entry{partner: "Chiangmai University", partnerUnit: "Faculty of Dentistry", markers: []string{"*"}}},
		{in: "The Institute for Analytical Sociology, Linköping University", want: entry{partner: "Linköping University", partnerUnit: "The Institute for Analytical Sociology"}},
		{in: "The School of Oriental and African Studies, University of London", want: entry{partner: "The School of Oriental and African Studies, University of London"}},
		{in: "中央研究院物理研究所", want: entry{partner: "中央研究院", partnerUnit: "物理研究所"}},
		{in: "Chinese Academy of Social Sciences Institute of Literature", want: entry{partner: "Chinese Academy of Social Sciences", partnerUnit: "Institute of Literature"}},
		{in: "全南大学校♦ 工科大学", want: entry{partner: "全南大学校", partnerUnit: "工科大学", markers: []string{"♦"}}},
		{in: "School of Optics and Photonics, * Beijing Institute of Technology", want: entry{partner: "Beijing Institute of Technology", partnerUnit: "School of Optics and Photonics", markers: []string{"*"}}},
		{in: "University of Sri Jayawardenepura Department of Public Administration", want: entry{partner: "University of Sri Jayawardenepura", partnerUnit: "Department of Public Administration"}},
		{in: "DLR, German Aerospace Center, DFD, German Remote Sensing Data Center", want: entry{partner: "DLR, German Aerospace Center", partnerUnit: "DFD, German Remote Sensing Data Center"}},
		{in: "University of Nigeria, Nsukka, Faculty of Physical Sciences", want: entry{partner: "University of Nigeria, Nsukka", partnerUnit: "Faculty of Physical Sciences"}},
		{in: "DLR, German Aerospace Center", want: entry{partner: "DLR, German Aerospace Center"}},
		{in: "Vietnam Academy of Science and Technology, Graduate University of Science and Technology",
			want: entry{partner: "Vietnam Academy of Science and Technology", partnerUnit: "Graduate University of Science and Technology"}},
		{in: "Vietnam Atomic Energy Institute, Institute of Materials Science", want: entry{partner: "Vietnam Atomic Energy Institute", partnerUnit: "Institute of Materials Science"}},
		{in: "Alexandria University, Smouha Emergency and Accident Hospital (SEAH)",
			want: entry{partner: "Alexandria University", partnerUnit: "Smouha Emergency and Accident Hospital (SEAH)"}},
		{in: "University of Science, Vietnam National University - Ho Chi Minh City", want: entry{partner: "University of Science, Vietnam National University - Ho Chi Minh City"}},
		{in: "Aalto University, The School of Arts, Design and Architecture", want: entry{partner: "Aalto University", partnerUnit: "The School of Arts, Design and Architecture"}},
		{in: "National Academy of Sciences of Belarus, A.V. Luikov Heat and Mass Transfer Institute",
			want: entry{partner: "National Academy of Sciences of Belarus", partnerUnit: "A.V. Luikov Heat and Mass Transfer Institute"}},
		{in: "Indian Institute of Science, Bangalore", want: entry{partner: "Indian Institute of Science, Bangalore"}},
		{in: "London School of Economics and Political Science", want: entry{partner: "London School of Economics and Political Science"}},
		{in: "United Nations University - Institute for Environment and Human Security (UNU-EHS) (2017.10.17)",
			want: entry{partner: "United Nations University - Institute for Environment and Human Security (UNU-EHS)", signed: Date{ISO: "2017-10-17", Layout: "YYYY.MM.DD"}}},
	}
	c := testContext()
	for _, tt := range tests {
		got := c.readEntry(tt.in, tt.opts)
		got.repairs = nil
		if len(got.markers) == 0 {
			got.markers = nil
		}
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestReadEntryMonthFirst(t *testing.T) {
	c := testContext()
	c.opt.MonthFirst = true
	got := c.readEntry("Purdue University (9/3/1997)", entryOpts{})
	assert.Equal(t, "Purdue University", got.partner)
	assert.Equal(t, "1997-09-03", got.signed.ISO)
	c.opt.MonthFirst = false
	got = c.readEntry("Purdue University (9/3/1997)", entryOpts{})
	assert.Equal(t, "Purdue University (9/3/1997)", got.partner, "an ambiguous date without --dates stays unread")
}

func TestUnitOnItsLine(t *testing.T) {
	c := testContext()
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"University of Ljubljana", "Engineering Related Four Faculties"}, "University of Ljubljana, Engineering Related Four Faculties"},
		{[]string{"Universidad Autónoma de Madrid", "Chemistry Department"}, "Universidad Autónoma de Madrid, Chemistry Department"},
		{[]string{"Russian Academy of Sciences", "Prokhorov General Physics Institute — 部局間協定（RIEC）、2020年9月25日締結"},
			"Russian Academy of Sciences, Prokhorov General Physics Institute — 部局間協定（RIEC）、2020年9月25日締結"},
		// A line broken inside brackets is one name going on.
		{[]string{"Kagoshima University (Agreement on Academic Exchange", "Programme for Students) Faculty of Agriculture"},
			"Kagoshima University (Agreement on Academic Exchange Programme for Students) Faculty of Agriculture"},
		// A unit wrapped onto the next line goes on.
		{[]string{"Jagiellonian University Faculty of International and Political", "Studies"},
			"Jagiellonian University Faculty of International and Political Studies"},
		{[]string{"Korea Advanced Institute of", "Science and Technology"}, "Korea Advanced Institute of Science and Technology"},
		// A comma already places the unit.
		{[]string{"Peking University,", "School of Law"}, "Peking University, School of Law"},
		{[]string{"University of California", "Berkeley"}, "University of California Berkeley"},
		// The name and its unit each wrapped in a narrow column: the name
		// ends where a line broke before the width forced it, never with
		// a word that goes on, nor before a small letter; a comma inside
		// the unit is the unit's.
		{[]string{"Erasmus University", "Rotterdam", "Thorax Centre", "Erasmus MC"}, "Erasmus University Rotterdam, Thorax Centre Erasmus MC"},
		{[]string{"Erasmus University", "Rotterdam", "Erasmus Medical", "Center, Department of", "Epidemiology"},
			"Erasmus University Rotterdam, Erasmus Medical Center, Department of Epidemiology"},
		{[]string{"University of", "Amsterdam", "Faculty of Science"}, "University of Amsterdam, Faculty of Science"},
		{[]string{"Norwegian University", "of Science and", "Technology (NTNU)", "Faculty of Medicine", "and Health Sciences"},
			"Norwegian University of Science and Technology (NTNU), Faculty of Medicine and Health Sciences"},
		{[]string{"Universidade de", "Lisboa", "Department of", "Bioengineering,", "Instituto Superior", "Técnico"},
			"Universidade de Lisboa, Department of Bioengineering, Instituto Superior Técnico"},
		// A CJK word broken over lines, or a break inside the entry's
		// details, is no unit's start; a CJK name ending as an institution
		// over its unit is.
		{[]string{"China Medical University — 部局間協", "定（GS Medicine）、1982締結"}, "China Medical University — 部局間協定（GS Medicine）、1982締結"},
		{[]string{"ハーバード大学", "エドウィン・O・ライシャワー日本研究所"}, "ハーバード大学, エドウィン・O・ライシャワー日本研究所"},
		// A name wrapped after a word that qualifies the next goes on,
		// and a unit's bare word names no unit: wrapped two ways.
		{[]string{"National Research University Higher", "School of Economics"}, "National Research University Higher School of Economics"},
		{[]string{"Tokyo Institute of Technology Graduate", "School of Engineering"}, "Tokyo Institute of Technology Graduate School of Engineering"},
		{[]string{"Lund University MAX IV", "Laboratory"}, "Lund University MAX IV Laboratory"},
		{[]string{"Lund University", "MAX IV Laboratory"}, "Lund University, MAX IV Laboratory"},
		// An institute's name that ends where the width did not end it,
		// then a unit's: the unit on its own line. Where the width broke
		// the line, or the line after names an institution, it goes on.
		{[]string{"National Center of Scientific Research", "The Interdisciplinary Center on Nanoscience of Marseille — School-to-school agreement"},
			"National Center of Scientific Research, The Interdisciplinary Center on Nanoscience of Marseille — School-to-school agreement"},
		{[]string{"Helmholtz Zentrum Berlin", "Institute for Solar Fuels — School-to-school agreement (IMR)"},
			"Helmholtz Zentrum Berlin, Institute for Solar Fuels — School-to-school agreement (IMR)"},
		{[]string{"National Center of Scientific Research The Interdisciplinary", "Center on Nanoscience of Marseille"},
			"National Center of Scientific Research The Interdisciplinary Center on Nanoscience of Marseille"},
		{[]string{"International Center for", "Theoretical Physics"}, "International Center for Theoretical Physics"},
		{[]string{"National Institute for Materials Science", "Chinese Academy of Sciences"}, "National Institute for Materials Science Chinese Academy of Sciences"},
	}
	for _, tt := range tests {
		text := joinWrapped(tt.lines)
		assert.Equal(t, tt.want, c.unitOnItsLine(tt.lines, text), tt.lines)
	}
}
