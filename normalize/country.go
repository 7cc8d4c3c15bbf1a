package normalize

//go:generate go run countrydata_gen.go
//go:generate go test -run ^TestGeneratedTables$ -args -generate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/normalize/lexicon"

	"github.com/biter777/countries"
	"golang.org/x/text/unicode/norm"
)

// Country is a country as the records name it: its canonical English short
// name and its ISO 3166-1 alpha-2 code.
type Country struct {
	Name string
	Code string
}

// canonicalNames are the names records use where the dataset's name is a
// formal or parenthesised one: the common English short name. Every other
// country goes by github.com/biter777/countries' name.
var canonicalNames = map[string]string{
	"AX": "Åland Islands",
	"BL": "Saint Barthélemy",
	"BN": "Brunei",
	"BO": "Bolivia",
	"BQ": "Bonaire, Sint Eustatius and Saba",
	"CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo",
	"CI": "Côte d'Ivoire",
	"CW": "Curaçao",
	"CZ": "Czech Republic",
	"FK": "Falkland Islands",
	"FM": "Micronesia",
	"GB": "United Kingdom",
	"GS": "South Georgia and the South Sandwich Islands",
	"HK": "Hong Kong",
	"IM": "Isle of Man",
	"IR": "Iran",
	"KP": "North Korea",
	"KR": "South Korea",
	"LA": "Laos",
	"LY": "Libya",
	"MD": "Moldova",
	"MF": "Saint Martin",
	"MK": "North Macedonia",
	"MO": "Macao",
	"PN": "Pitcairn Islands",
	"PS": "Palestine",
	"RE": "Réunion",
	"RU": "Russia",
	"SJ": "Svalbard and Jan Mayen",
	"ST": "São Tomé and Príncipe",
	"SX": "Sint Maarten",
	"SY": "Syria",
	"SZ": "Eswatini",
	"TL": "Timor-Leste",
	"TR": "Turkey",
	"TW": "Taiwan",
	"TZ": "Tanzania",
	"US": "United States",
	"VA": "Vatican City",
	"VE": "Venezuela",
	"VG": "British Virgin Islands",
	"VI": "United States Virgin Islands",
	"VN": "Vietnam",
	"WF": "Wallis and Futuna",
}

// retiredCodes are codes the dataset keeps that ISO 3166-1 no longer has.
var retiredCodes = map[string]bool{"AN": true, "YU": true}

// countryAliases are names lists use that neither the dataset nor CLDR has:
// abbreviations, official long forms, older names and Japanese forms. Keys
// are matched as countryKey folds them, so "U. S. A." and "U.S.A." are one
// entry.
var countryAliases = map[string][]string{
	"AE": {"UAE", "U.A.E.", "アラブ首長国連邦"},
	"AR": {"Argentine Republic", "アルゼンチン共和国"},
	"AT": {"Republic of Austria", "Österreich", "オーストリア共和国"},
	"AU": {"Commonwealth of Australia", "オーストラリア連邦", "豪州"},
	"AZ": {"Republic of Azerbaijan", "アゼルバイジャン共和国"},
	"BA": {"Bosnia-Herzegovina", "ボスニア・ヘルツェゴヴィナ"},
	"BD": {"People's Republic of Bangladesh", "バングラデシュ人民共和国"},
	"BE": {"Kingdom of Belgium", "ベルギー王国"},
	"BG": {"Republic of Bulgaria", "ブルガリア共和国"},
	"BN": {"Brunei Darussalam", "ブルネイ・ダルサラーム国", "ブルネイ・ダルサラーム"},
	"BO": {"Plurinational State of Bolivia", "Bolivia (Plurinational State of)", "ボリビア多民族国"},
	"BR": {"Federative Republic of Brazil", "Brasil", "ブラジル連邦共和国"},
	"BT": {"Kingdom of Bhutan", "ブータン王国"},
	"BY": {"Republic of Belarus", "ベラルーシ共和国", "白ロシア"},
	"CA": {"カナダ"},
	"CD": {"DR Congo", "D.R. Congo", "DRC", "Democratic Republic of Congo", "Congo, Democratic Republic of the", "Congo (Kinshasa)", "コンゴ民主共和国"},
	"CG": {"Republic of Congo", "Congo (Brazzaville)", "Congo-Brazzaville", "コンゴ共和国"},
	"CH": {"Swiss Confederation", "Schweiz", "Suisse", "スイス連邦"},
	"CI": {"Ivory Coast", "Republic of Côte d'Ivoire", "コートジボアール", "コートジボワール共和国"},
	"CL": {"Republic of Chile", "チリ共和国"},
	"CN": {"People's Republic of China", "PRC", "P.R.C.", "P.R. China", "PR China", "China (PRC)", "China, People's Republic of", "Mainland China", "China (Mainland)", "中華人民共和国", "中国大陸"},
	"CO": {"Republic of Colombia", "コロンビア共和国"},
	"CU": {"Republic of Cuba", "キューバ共和国"},
	"CV": {"Cabo Verde", "カーボヴェルデ"},
	"CY": {"Republic of Cyprus", "キプロス共和国"},
	"CZ": {"Czech Rep.", "チェコ共和国"},
	"DE": {"Federal Republic of Germany", "Deutschland", "ドイツ連邦共和国", "独国"},
	"DK": {"Kingdom of Denmark", "デンマーク王国"},
	"DZ": {"People's Democratic Republic of Algeria", "アルジェリア民主人民共和国"},
	"EC": {"Republic of Ecuador", "エクアドル共和国"},
	"EE": {"Republic of Estonia", "エストニア共和国"},
	"EG": {"Arab Republic of Egypt", "エジプト・アラブ共和国"},
	"ES": {"Kingdom of Spain", "España", "スペイン王国"},
	"ET": {"Federal Democratic Republic of Ethiopia", "エチオピア連邦民主共和国"},
	"FI": {"Republic of Finland", "フィンランド共和国"},
	"FJ": {"Republic of Fiji", "フィジー共和国"},
	"FM": {"Federated States of Micronesia", "Micronesia, Federated States of"},
	"FR": {"French Republic", "フランス共和国", "仏国"},
	"GB": {
		"UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland", "Great Britain", "Britain",
		"England", "Scotland", "Wales", "Northern Ireland", "英国", "連合王国", "グレートブリテン及び北アイルランド連合王国",
		"イングランド", "スコットランド", "ウェールズ", "北アイルランド", "Inggris", "Britania Raya",
	},
	"GE": {"Republic of Georgia", "グルジア"},
	"GH": {"Republic of Ghana", "ガーナ共和国"},
	"GM": {"The Gambia", "Republic of The Gambia"},
	"GR": {"Hellenic Republic", "ギリシャ共和国", "ギリシア"},
	"HK": {"Hong Kong SAR", "Hong Kong, China", "Hong Kong (China)", "Hong Kong SAR, China", "HKSAR", "Hong Kong Special Administrative Region", "香港", "中国香港", "香港特別行政区"},
	"HR": {"Republic of Croatia", "クロアチア共和国"},
	"HU": {"ハンガリー共和国"},
	"ID": {"Republic of Indonesia", "インドネシア共和国"},
	"IE": {"Republic of Ireland", "Éire", "アイルランド共和国"},
	"IL": {"State of Israel", "イスラエル国"},
	"IN": {"Republic of India", "インド共和国"},
	"IQ": {"Republic of Iraq", "イラク共和国"},
	"IR": {"Islamic Republic of Iran", "Iran, Islamic Republic of", "イラン・イスラム共和国"},
	"IS": {"Republic of Iceland", "アイスランド共和国"},
	"IT": {"Italian Republic", "Italia", "イタリア共和国"},
	"JO": {"Hashemite Kingdom of Jordan", "ヨルダン・ハシェミット王国"},
	"JP": {"日本国"},
	"KE": {"Republic of Kenya", "ケニア共和国"},
	"KG": {"Kyrgyz Republic", "Kirghizia", "キルギス共和国", "キルギスタン"},
	"KH": {"Kingdom of Cambodia", "カンボジア王国"},
	"KP": {"DPRK", "D.P.R.K.", "DPR Korea", "Korea, Democratic People's Republic of", "Korea (North)", "朝鮮民主主義人民共和国"},
	"KR": {
		"Korea", "Republic of Korea", "Korea, Republic of", "Korea (Republic of)", "Korea, Rep.", "Korea (South)",
		"Korea, South", "ROK", "R.O.K.", "S. Korea", "大韓民国", "韓国",
	},
	"KZ": {"Republic of Kazakhstan", "カザフスタン共和国"},
	"LA": {"Lao PDR", "Lao P.D.R.", "Lao", "ラオス人民民主共和国"},
	"LB": {"Lebanese Republic", "レバノン共和国"},
	"LK": {"Democratic Socialist Republic of Sri Lanka", "スリランカ民主社会主義共和国"},
	"LT": {"Republic of Lithuania", "リトアニア共和国"},
	"LV": {"Republic of Latvia", "ラトビア共和国", "ラトヴィア"},
	"MA": {"Kingdom of Morocco", "モロッコ王国"},
	"MD": {"Republic of Moldova", "モルドバ共和国", "モルドヴァ"},
	"MK": {"Macedonia", "Republic of North Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia", "北マケドニア", "北マケドニア共和国"},
	"MM": {"Burma", "Republic of the Union of Myanmar", "ミャンマー", "ミャンマー連邦共和国", "ビルマ"},
	"MN": {"モンゴル国"},
	"MO": {"Macau", "Macao SAR", "Macau SAR", "Macao, China", "Macau, China", "Macao (China)", "Macau (China)", "マカオ", "澳門", "中国マカオ", "マカオ特別行政区"},
	"MX": {"United Mexican States", "メキシコ合衆国"},
	"MY": {"マレーシア連邦"},
	"NG": {"Federal Republic of Nigeria", "ナイジェリア連邦共和国"},
	"NL": {"The Netherlands", "Holland", "Kingdom of the Netherlands", "Nederland", "オランダ王国"},
	"NO": {"Kingdom of Norway", "ノルウェー王国"},
	"NP": {"Federal Democratic Republic of Nepal", "ネパール連邦民主共和国"},
	"NZ": {"Aotearoa New Zealand"},
	"OM": {"Sultanate of Oman", "オマーン国"},
	"PE": {"Republic of Peru", "ペルー共和国"},
	"PG": {"Independent State of Papua New Guinea", "パプアニューギニア独立国"},
	"PH": {"Republic of the Philippines", "The Philippines", "フィリピン共和国"},
	"PK": {"Islamic Republic of Pakistan", "パキスタン・イスラム共和国"},
	"PL": {"Republic of Poland", "Polska", "ポーランド共和国"},
	"PS": {"State of Palestine", "Palestinian Territories", "Palestinian Territory", "パレスチナ"},
	"PT": {"Portuguese Republic", "ポルトガル共和国"},
	"PY": {"Republic of Paraguay", "パラグアイ共和国"},
	"QA": {"State of Qatar", "カタール国"},
	"RO": {"ルーマニア国"},
	"RS": {"Republic of Serbia", "セルビア共和国"},
	"RU": {"Russian Federation", "ロシア連邦"},
	"SA": {"Kingdom of Saudi Arabia", "サウジアラビア王国"},
	"SE": {"Kingdom of Sweden", "Sverige", "スウェーデン王国"},
	"SG": {"Republic of Singapore", "シンガポール共和国"},
	"SI": {"Republic of Slovenia", "スロベニア共和国", "スロヴェニア"},
	"SK": {"Slovak Republic", "スロバキア共和国", "スロヴァキア"},
	"SV": {"Republic of El Salvador", "エルサルバドル共和国"},
	"SY": {"Syrian Arab Republic", "シリア・アラブ共和国"},
	"SZ": {"Swaziland", "Kingdom of Eswatini", "エスワティニ", "エスワティニ王国"},
	"TH": {"Kingdom of Thailand", "タイ王国"},
	"TL": {"East Timor", "Democratic Republic of Timor-Leste", "東ティモール民主共和国"},
	"TN": {"Republic of Tunisia", "チュニジア共和国"},
	"TR": {"Türkiye", "Republic of Türkiye", "Republic of Turkey", "トルコ共和国", "テュルキエ"},
	"TW": {"Taiwan, R.O.C.", "Taiwan (R.O.C.)", "Taiwan ROC", "Republic of China (Taiwan)", "Taiwan, Republic of China", "Republic of China", "Chinese Taipei", "Taiwan, China", "中華民国", "中華民国(台湾)", "台灣"},
	"TZ": {"United Republic of Tanzania", "タンザニア連合共和国"},
	"UA": {"ウクライナ国"},
	"US": {
		"USA", "U.S.A.", "US", "U.S.", "United States of America", "America", "米国", "アメリカ", "合衆国", "アメリカ合衆国",
	},
	"UY": {"Oriental Republic of Uruguay", "ウルグアイ東方共和国"},
	"UZ": {"Republic of Uzbekistan", "ウズベキスタン共和国"},
	"VA": {"Holy See", "Vatican", "バチカン"},
	"VE": {"Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)", "ベネズエラ・ボリバル共和国"},
	"VN": {"Viet Nam", "Socialist Republic of Viet Nam", "Socialist Republic of Vietnam", "ベトナム社会主義共和国", "ヴェトナム"},
	"ZA": {"Republic of South Africa", "RSA", "南アフリカ共和国", "南ア"},
	"ZM": {"Republic of Zambia", "ザンビア共和国"},
	"ZW": {"Republic of Zimbabwe", "ジンバブエ共和国"},
}

// intlNames are what lists write for international organisations, which
// have no country.
var intlNames = []string{
	"International Organization", "International Organizations",
	"International Organisation", "International Organisations",
	"International Organization(s)", "International Organisation(s)",
	"International", "Intl.", "国際機関", "国際組織", "国際機構",
	"European Union", "EU", "欧州連合", "United Nations", "UN", "国際連合", "国連",
}

// countryEntry is what a folded name stands for.
type countryEntry struct {
	country Country
	intl    bool
}

// countryIndex maps folded names to countries. conflicts lists names that
// more than one source gave to different countries (the first source won);
// the tests keep it empty.
type countryIndex struct {
	byKey     map[string]countryEntry
	conflicts []string
}

// countryKeyEntry is one name of the generated country index: its folded
// key, and 1 + the index of its country in countryList, or 0 for an
// international organisation.
type countryKeyEntry struct {
	key string
	c   uint16
}

// lookupCountryKey finds a folded name in the country index. The index is
// generated (countryindex.go) from what buildCountryIndex makes of the
// data, so that no process builds it again: a binary search of static
// data costs nothing before the first lookup.
func lookupCountryKey(k string) (countryEntry, bool) {
	i := sort.Search(len(countryKeys), func(i int) bool { return countryKeys[i].key >= k })
	if i == len(countryKeys) || countryKeys[i].key != k {
		return countryEntry{}, false
	}
	if n := countryKeys[i].c; n > 0 {
		return countryEntry{country: countryList[n-1]}, true
	}
	return countryEntry{intl: true}, true
}

// buildCountryIndex makes the country index from the data: the names
// records use, our aliases, the dataset's names and CLDR's. Its result is
// what countryindex.go holds (go generate writes it, and a test fails
// when the two differ).
func buildCountryIndex() *countryIndex {
	ix := &countryIndex{byKey: make(map[string]countryEntry, 2048)}
	add := func(name string, e countryEntry) {
		k := countryKey(name)
		if k == "" {
			return
		}
		if old, ok := ix.byKey[k]; ok {
			if old != e {
				ix.conflicts = append(ix.conflicts, name)
			}
			return
		}
		ix.byKey[k] = e
	}
	var all []countries.CountryCode
	canonical := make(map[string]Country)
	for _, c := range countries.All() {
		code := c.Alpha2()
		if retiredCodes[code] {
			continue
		}
		all = append(all, c)
		name := canonicalNames[code]
		if name == "" {
			name = c.String()
		}
		canonical[code] = Country{Name: name, Code: code}
	}
	// In order of precedence: canonical names, our aliases, the dataset's
	// names, CLDR's English and Japanese names.
	for _, c := range all {
		add(canonical[c.Alpha2()].Name, countryEntry{country: canonical[c.Alpha2()]})
	}
	for _, c := range all {
		for _, a := range countryAliases[c.Alpha2()] {
			add(a, countryEntry{country: canonical[c.Alpha2()]})
		}
	}
	for _, n := range intlNames {
		add(n, countryEntry{intl: true})
	}
	for _, c := range all {
		add(c.String(), countryEntry{country: canonical[c.Alpha2()]})
	}
	// "Myanmar (Burma)", "ミャンマー (ビルマ)", "コンゴ民主共和国(キンシャサ)"
	// are also known without their brackets, unless two countries would
	// then share a name ("刚果（金）", "刚果（布）").
	stripped := map[string]map[string]bool{} // folded name → codes
	strip := func(n string) string {
		if i := openingBracket(n); i > 0 {
			return countryKey(n[:i])
		}
		return ""
	}
	// A country's own name counts too: "Saint-Martin (partie
	// néerlandaise)" (Sint Maarten) is not known as "Saint-Martin", which
	// names Saint Martin.
	for code, names := range cldrNames {
		for _, n := range names {
			k := strip(n)
			if k == "" {
				k = countryKey(n)
			}
			if stripped[k] == nil {
				stripped[k] = map[string]bool{}
			}
			stripped[k][code] = true
		}
	}
	for _, c := range all {
		names, ok := cldrNames[c.Alpha2()]
		if !ok {
			continue
		}
		e := countryEntry{country: canonical[c.Alpha2()]}
		for _, n := range names {
			add(n, e)
			if k := strip(n); k != "" && len(stripped[k]) == 1 {
				add(n[:openingBracket(n)], e)
			}
		}
	}
	return ix
}

// openingBracket is strings.IndexAny(s, "(（") in two byte searches.
func openingBracket(s string) int {
	i, j := strings.IndexByte(s, '('), strings.Index(s, "（")
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// countryKey folds a name for matching: NFKC, lower case, Latin accents
// dropped, "&" read as "and", and everything but letters and digits
// removed, so "U. S. A.", "U.S.A." and "usa" are one key, and so are
// "ボスニア・ヘルツェゴビナ" and "ボスニアヘルツェゴビナ".
func countryKey(s string) string {
	if ascii.Only(s) {
		return countryKeyASCII(s)
	}
	switch t := norm.NFKC.String(s); {
	case ascii.Only(t):
		return countryKeyASCII(t)
	case eastAsianOnly(t):
		return countryKeyEastAsian(t)
	}
	return countryKeyUnicode(s)
}

// eastAsianOnly reports whether s, in NFKC, is written in ASCII, kana,
// Han, Hangul syllables and the CJK punctuation, with no combining mark:
// letters whose decompositions (Hangul syllables, voiced kana) the
// normalisations of countryKeyUnicode undo again, whatever is removed
// between them.
func eastAsianOnly(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case r >= 0x3000 && r <= 0x30FF, r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3:
			if unicode.Is(unicode.Mn, r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// countryKeyEastAsian is countryKey for a name in NFKC for which
// eastAsianOnly holds: the same key without the decomposition and the
// composition.
func countryKeyEastAsian(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("and")
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// countryKeyASCII is countryKey for a name all in ASCII, which the
// normalisations leave as it is: the same key without them.
func countryKeyASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b.WriteString("and")
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		}
	}
	return b.String()
}

// countryKeyUnicode is countryKey for any name.
func countryKeyUnicode(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ReplaceAll(s, "&", " and ")
	var b strings.Builder
	var base rune
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if unicode.Is(unicode.Latin, base) {
				continue // an accent on a Latin letter
			}
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			base = r
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// LookupCountry maps a country as a list writes it to the canonical
// country. alias is the input (trimmed, white space folded) when it was not
// already the canonical name, for the repair "country_alias:<input>", else
// "". International organisations give ok with Country{} and intl. An
// unknown name gives ok == false: nothing is guessed. A trailing count
// ("China (79)") is the caller's to strip.
func LookupCountry(s string) (c Country, alias string, intl bool, ok bool) {
	in := norm.NFC.String(s)
	if !spacesFolded(in) {
		in = strings.Join(strings.Fields(in), " ")
	}
	e, found := lookupCountryKey(countryKey(in))
	switch {
	case !found:
		return Country{}, "", false, false
	case e.intl:
		return Country{}, "", true, true
	case in == e.country.Name:
		return e.country, "", false, true
	}
	return e.country, in, false, true
}

// The regions records use.
const (
	RegionAsia          = "Asia"
	RegionEurope        = "Europe"
	RegionNorthAmerica  = "North America"
	RegionLatinAmerica  = "Central and South America"
	RegionMiddleEast    = "Middle East"
	RegionAfrica        = "Africa"
	RegionOceania       = "Oceania"
	RegionInternational = "International Organization"
)

// buildRegionTable maps the folded names lists give their regional
// groupings, in every language of lx, to the canonical region. Its result
// for the default lexicon is regionKeys in countryindex.go (go generate
// writes it, and a test fails when the two differ).
func buildRegionTable(lx *lexicon.Lexicon) map[string]string {
	m := make(map[string]string)
	for canonical, names := range lx.Regions() {
		for _, n := range names {
			m[countryKey(n)] = canonical
		}
	}
	return m
}

// regionKeyEntry is one name of the generated region table: its folded
// key and its canonical region.
type regionKeyEntry struct {
	key, region string
}

// lookupRegionKey finds a folded region name in the generated table.
func lookupRegionKey(k string) (string, bool) {
	i := sort.Search(len(regionKeys), func(i int) bool { return regionKeys[i].key >= k })
	if i == len(regionKeys) || regionKeys[i].key != k {
		return "", false
	}
	return regionKeys[i].region, true
}

// LookupRegion maps a list's regional grouping to the canonical region:
// "Asia", "(Asia)", "アジア" → "Asia"; "South and Central America", "中南米"
// → "Central and South America"; "中東" → "Middle East";
// "International Organization(s)" → "International Organization". Sub-
// regions of a canonical region that is wider ("South America") map to it;
// an unknown name gives ok == false.
func LookupRegion(s string) (canonical string, ok bool) {
	return lookupRegionKey(countryKey(s))
}

// SplitBilingual splits a cell that gives a name in two scripts into its
// Latin-script part and its other-script (Japanese, Chinese, Korean, ...)
// part: "ウィーン工科大学 Technische Universität Wien" gives
// "Technische Universität Wien" and "ウィーン工科大学"; so does
// "Technische Universität Wien (ウィーン工科大学)". Both are non-empty only
// when s is one run of each, in either order, separated by white space or
// brackets; otherwise s comes back whole as latin when it has no letters of
// another script, and as other when it has.
func SplitBilingual(s string) (latin, other string) {
	s = strings.TrimSpace(s)
	if ascii.Only(s) {
		return s, "" // Latin letters alone: one run, the Latin part
	}
	toks := bilingualTokens(s)
	// The classes of the tokens that have letters, in order, runs merged.
	var runs []tokenScript
	var cut int // the start of the second run's first token
	for _, t := range toks {
		if t.script == scriptNone {
			continue
		}
		if len(runs) == 0 || runs[len(runs)-1] != t.script {
			runs = append(runs, t.script)
			if len(runs) == 2 {
				cut = t.start
			}
		}
	}
	hasOther := false
	for _, r := range runs {
		hasOther = hasOther || r == scriptOther
	}
	if len(runs) != 2 {
		if hasOther {
			return "", s
		}
		return s, ""
	}
	first, second := trimBilingualPart(s[:cut]), trimBilingualPart(s[cut:])
	if first == "" || second == "" {
		return "", s
	}
	if runs[0] == scriptLatin {
		return first, second
	}
	return second, first
}

type tokenScript int

const (
	scriptNone  tokenScript = iota // no letters: digits, punctuation
	scriptLatin                    // Latin letters only
	scriptOther                    // some letters of another script
)

type bilingualToken struct {
	start  int
	script tokenScript
}

// bilingualTokens splits s at white space and before opening and after
// closing brackets, and classifies each token by its letters.
func bilingualTokens(s string) []bilingualToken {
	var toks []bilingualToken
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		toks = append(toks, bilingualToken{start, classifyScript(s[start:end])})
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case strings.ContainsRune("(（[［【「『〈《", r):
			flush(i)
			start = i
		case strings.ContainsRune(")）]］】」』〉》", r):
			if start < 0 {
				start = i
			}
			flush(i + len(string(r)))
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	return toks
}

func classifyScript(s string) tokenScript {
	script := scriptNone
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.Is(unicode.Latin, r) {
			return scriptOther
		}
		script = scriptLatin
	}
	return script
}

// trimBilingualPart trims white space and separators between the two
// parts, and one pair of brackets around a part.
func trimBilingualPart(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—/|・:：,、", r)
	})
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}, {"［", "］"}, {"【", "】"}, {"「", "」"}, {"『", "』"}, {"〈", "〉"}, {"《", "》"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) && len(s) > len(p[0])+len(p[1]) {
			inner := s[len(p[0]) : len(s)-len(p[1])]
			if !strings.ContainsAny(inner, p[0]+p[1]) {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}
