package lexicon

// Korean is the vocabulary of lists written in Korean.
var Korean = &Lang{
	Code: "ko",
	Headers: map[Field][]string{
		Region:      {"지역", "대륙"},
		Country:     {"국가", "나라", "국가 지역", "국가명"},
		Partner:     {"협정대학", "협정 대학", "대학명", "기관명", "자매대학", "협정기관", "대학", "기관"},
		PartnerUnit: {"상대 학과", "상대 부서", "협정 학과"},
		HomeUnit:    {"본교 부서", "담당 부서", "본교 학과", "주관 부서"},
		Signed:      {"체결일", "체결일자", "체결 연도", "협정일", "체결"},
		Validity:    {"유효기간", "협정기간"},
		ValidUntil:  {"만료일", "종료일"},
		Type:        {"협정종류", "협정 종류", "유형", "종류", "구분"},
		Notes:       {"비고"},
		Ignore:      {"번호", "도시"},
	},
	UnitMods:       []string{"학과", "학부", "부서", "단과대학"},
	PartnerMods:    []string{"상대", "협정"},
	HomeMods:       []string{"본교", "담당", "주관"},
	ConcludedAfter: []string{"체결"},
	Regions: map[string][]string{
		"Asia":                       {"아시아"},
		"Europe":                     {"유럽"},
		"North America":              {"북미", "북아메리카"},
		"Central and South America":  {"중남미", "남미", "중미", "라틴아메리카"},
		"Middle East":                {"중동"},
		"Africa":                     {"아프리카"},
		"Oceania":                    {"오세아니아", "대양주"},
		"International Organization": {"국제기구"},
	},
	Levels: map[string][]string{
		University: {"대학간", "대학 간", "대학간 협정", "전교"},
		Department: {"학부간", "학과간", "부서간", "단과대학간"},
	},
	UnitWords:    []string{"대학원", "학부", "학과", "연구소", "센터"},
	Placeholders: []string{"없음", "해당없음"},
	Negatives:    []string{"없음", "아니오"},
	Flags: map[string][]string{
		"double_degree": {"복수학위", "공동학위"},
		"fee_waiver":    {"등록금 면제", "수업료 면제", "면제"},
		"auto_renewal":  {"자동연장", "자동 연장"},
	},
	Institutions: []string{"대학교", "대학", "학교"},
	ListTitle:    []string{"협정", "목록", "교류"},
	Units:        map[string]string{"개교": "institutions", "개 대학": "institutions", "개국": "countries", "건": "agreements"},
	Totals: []Total{
		{Pattern: `(?P<n>[0-9][0-9,]*)\s*(?P<unit>개국)`},
		{Pattern: `(?P<n>[0-9][0-9,]*)\s*(?P<unit>개교|개 대학|건)`},
	},
	Subset: []string{"이 중", "그중"},
	AsOf:   []string{`(?P<d>[0-9]{4}\s*[년.]\s*[0-9]{1,2}\s*[월.]\s*(?:[0-9]{1,2}\s*일?)?)\s*(?:현재|기준)`},
}
