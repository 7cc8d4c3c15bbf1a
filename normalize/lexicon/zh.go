package lexicon

// Chinese is the vocabulary of lists written in Chinese.
var Chinese = &Lang{
	Code: "zh",
	Headers: map[Field][]string{
		Region:      {"地区", "区域", "洲"},
		Country:     {"国家", "国家/地区", "国家和地区", "国别", "国家或地区"},
		Partner:     {"合作院校", "合作大学", "合作学校", "合作机构", "院校名称", "学校名称", "大学名称", "机构名称", "合作伙伴", "院校"},
		PartnerUnit: {"合作院系", "对方院系", "合作学院"},
		HomeUnit:    {"我校单位", "我校院系", "承办单位", "负责单位", "校内单位"},
		Signed:      {"签署日期", "签约日期", "签订日期", "签署时间", "签订时间", "签约时间", "日期", "签署年份"},
		Validity:    {"有效期", "协议期限"},
		ValidUntil:  {"截止日期", "到期日期", "有效期至"},
		Type:        {"协议类型", "协议种类", "类型", "类别", "合作类型"},
		Notes:       {"备注"},
		Ignore:      {"序号", "城市"},
	},
	UnitMods:       []string{"院系", "学院", "系"},
	PartnerMods:    []string{"合作", "对方"},
	HomeMods:       []string{"我校", "校内", "承办"},
	ConcludedAfter: []string{"签署", "签订", "签约"},
	Regions: map[string][]string{
		"Asia":                       {"亚洲", "亞洲"},
		"Europe":                     {"欧洲", "歐洲"},
		"North America":              {"北美", "北美洲"},
		"Central and South America":  {"拉丁美洲", "中南美洲", "南美洲", "南美", "拉美"},
		"Middle East":                {"中东", "中東"},
		"Africa":                     {"非洲"},
		"Oceania":                    {"大洋洲"},
		"International Organization": {"国际组织", "國際組織"},
	},
	Levels: map[string][]string{
		University: {"校级", "校际", "校级协议", "校际协议"},
		Department: {"院级", "院系级", "院际", "院级协议"},
	},
	UnitWords:    []string{"学院", "研究院", "研究所", "系", "中心"},
	Placeholders: []string{"无", "暂无"},
	Negatives:    []string{"无", "否"},
	Flags: map[string][]string{
		"double_degree": {"双学位", "联合学位"},
		"fee_waiver":    {"免学费", "学费减免", "互免学费"},
		"auto_renewal":  {"自动续签", "自动延期"},
	},
	Institutions: []string{"大学", "学院", "学校"},
	ListTitle:    []string{"协议", "合作", "名单", "交流"},
	Units:        map[string]string{"所": "institutions", "个国家和地区": "countries", "个国家": "countries", "项": "agreements"},
	Totals: []Total{
		{Pattern: `(?P<n>[0-9][0-9,]*)\s*(?P<unit>个国家和地区|个国家)`},
		{Pattern: `(?P<n>[0-9][0-9,]*)\s*(?P<unit>所|项)`},
	},
	Subset: []string{"其中"},
	AsOf:   []string{`(?P<d>[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*(?:[0-9]{1,2}\s*日)?)\s*(?:截至|为止|止)`, `截至\s*(?P<d>[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*(?:[0-9]{1,2}\s*日)?)`},
}
