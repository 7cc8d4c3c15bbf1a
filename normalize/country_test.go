package normalize

import (
	"testing"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCountryIndexHasNoConflicts(t *testing.T) {
	assert.Empty(t, buildCountryIndex().conflicts)
}

func TestCanonicalCountryNames(t *testing.T) {
	for _, c := range []Country{
		{"United States", "US"}, {"United Kingdom", "GB"}, {"South Korea", "KR"}, {"North Korea", "KP"},
		{"Taiwan", "TW"}, {"China", "CN"}, {"Russia", "RU"}, {"Vietnam", "VN"}, {"Iran", "IR"},
		{"Czech Republic", "CZ"}, {"Turkey", "TR"}, {"Laos", "LA"}, {"Syria", "SY"}, {"Bolivia", "BO"},
		{"Venezuela", "VE"}, {"Tanzania", "TZ"}, {"Moldova", "MD"}, {"Kyrgyzstan", "KG"},
		{"Hong Kong", "HK"}, {"Macao", "MO"}, {"Germany", "DE"}, {"Japan", "JP"}, {"Netherlands", "NL"},
		{"Brunei", "BN"}, {"Côte d'Ivoire", "CI"}, {"North Macedonia", "MK"}, {"Eswatini", "SZ"},
		{"Democratic Republic of the Congo", "CD"}, {"Republic of the Congo", "CG"}, {"Palestine", "PS"},
		{"Micronesia", "FM"}, {"Libya", "LY"}, {"Timor-Leste", "TL"}, {"Vatican City", "VA"},
	} {
		t.Run(c.Name, func(t *testing.T) {
			got, alias, intl, ok := LookupCountry(c.Name)
			require.True(t, ok)
			assert.Equal(t, c, got)
			assert.Empty(t, alias)
			assert.False(t, intl)
		})
	}
}

func TestLookupCountry(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string // ISO code
	}{
		{"us abbreviations", []string{"USA", "U.S.A.", "U. S. A.", "US", "U.S.", "usa"}, "US"},
		{"us long", []string{"United States of America", "UNITED STATES", "United  States ", "America"}, "US"},
		{"us japanese", []string{"アメリカ合衆国", "米国", "アメリカ", "ア メ リ カ"}, "US"},
		{"uk", []string{"UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"}, "GB"},
		{"uk long", []string{"United Kingdom of Great Britain and Northern Ireland"}, "GB"},
		{"uk japanese", []string{"英国", "イギリス", "連合王国", "スコットランド"}, "GB"},
		{"south korea", []string{"Korea", "Republic of Korea", "Korea, Republic of", "Korea (Republic of)", "Korea, Rep.", "ROK", "大韓民国", "韓国"}, "KR"},
		{"north korea", []string{"DPRK", "Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", "北朝鮮", "朝鮮民主主義人民共和国"}, "KP"},
		{"china", []string{"People's Republic of China", "P.R. China", "P. R. China", "PR China", "PRC", "China (PRC)", "中華人民共和国", "中国"}, "CN"},
		{"taiwan", []string{"Taiwan, R.O.C.", "Taiwan (R.O.C.)", "Republic of China (Taiwan)", "Chinese Taipei", "Taiwan (Province of China)", "台湾", "台灣", "中華民国"}, "TW"},
		{"hong kong", []string{"Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR China", "Hong Kong (Special Administrative Region of China)", "香港", "中華人民共和国香港特別行政区"}, "HK"},
		{"macao", []string{"Macau", "Macao SAR", "Macau SAR China", "マカオ", "澳門"}, "MO"},
		{"russia", []string{"Russian Federation", "ロシア", "ロシア連邦"}, "RU"},
		{"czech", []string{"Czechia", "Czech Rep.", "チェコ", "チェコ共和国"}, "CZ"},
		{"vietnam", []string{"Viet Nam", "Socialist Republic of Viet Nam", "ベトナム", "ヴェトナム", "ベトナム社会主義共和国"}, "VN"},
		{"turkey", []string{"Türkiye", "Turkiye", "TÜRKİYE", "Republic of Türkiye", "トルコ", "トルコ共和国"}, "TR"},
		{"netherlands", []string{"The Netherlands", "Holland", "Kingdom of the Netherlands", "オランダ"}, "NL"},
		{"laos", []string{"Lao PDR", "Lao People's Democratic Republic", "ラオス"}, "LA"},
		{"kyrgyzstan", []string{"Kyrgyz Republic", "キルギス", "キルギス共和国"}, "KG"},
		{"iran", []string{"Iran (Islamic Republic of)", "Islamic Republic of Iran", "イラン"}, "IR"},
		{"syria", []string{"Syrian Arab Republic", "シリア"}, "SY"},
		{"bolivia", []string{"Plurinational State of Bolivia", "ボリビア"}, "BO"},
		{"venezuela", []string{"Bolivarian Republic of Venezuela", "ベネズエラ"}, "VE"},
		{"tanzania", []string{"United Republic of Tanzania", "Tanzania (United Republic of)", "タンザニア"}, "TZ"},
		{"moldova", []string{"Republic of Moldova", "Moldova (Republic of)", "モルドバ"}, "MD"},
		{"germany", []string{"Federal Republic of Germany", "Deutschland", "ドイツ", "ドイツ連邦共和国"}, "DE"},
		{"thailand", []string{"Kingdom of Thailand", "タイ", "タイ王国"}, "TH"},
		{"france", []string{"French Republic", "フランス"}, "FR"},
		{"austria", []string{"Republic of Austria", "Österreich", "オーストリア"}, "AT"},
		{"australia", []string{"Commonwealth of Australia", "オーストラリア", "豪州"}, "AU"},
		{"switzerland", []string{"Swiss Confederation", "スイス"}, "CH"},
		{"myanmar", []string{"Burma", "Myanmar (Burma)", "ミャンマー"}, "MM"},
		{"north macedonia", []string{"Macedonia", "マケドニア", "北マケドニア"}, "MK"},
		{"eswatini", []string{"Swaziland", "スワジランド", "エスワティニ"}, "SZ"},
		{"cote d'ivoire", []string{"Cote d'Ivoire", "Côte d’Ivoire", "Ivory Coast", "コートジボワール"}, "CI"},
		{"congo", []string{"Congo", "Congo - Brazzaville", "コンゴ共和国"}, "CG"},
		{"dr congo", []string{"DR Congo", "Congo - Kinshasa", "コンゴ民主共和国"}, "CD"},
		{"bosnia", []string{"Bosnia & Herzegovina", "Bosnia-Herzegovina", "ボスニア・ヘルツェゴビナ", "ボスニアヘルツェゴビナ"}, "BA"},
		{"full-width latin", []string{"ＵＳＡ", "Ｕ．Ｓ．Ａ．"}, "US"},
		{"japan", []string{"Japan", "Ｊａｐａｎ", "日本", "日本国"}, "JP"},
		{"japanese common partners", []string{
			"インドネシア", "インド", "マレーシア", "フィリピン", "シンガポール", "モンゴル", "カナダ", "メキシコ",
			"ブラジル", "イタリア", "スペイン", "スウェーデン", "フィンランド", "ベルギー", "ポーランド",
			"ハンガリー", "エジプト", "ケニア", "南アフリカ", "ニュージーランド",
		}, ""},
	}
	for _, tt := range tests {
		for _, in := range tt.in {
			t.Run(tt.name+"/"+in, func(t *testing.T) {
				c, alias, intl, ok := LookupCountry(in)
				require.True(t, ok)
				assert.False(t, intl)
				assert.NotEmpty(t, c.Name)
				if tt.want != "" {
					assert.Equal(t, tt.want, c.Code)
				}
				assert.NotEqual(t, c.Name, alias)
			})
		}
	}
}

func TestLookupCountryAlias(t *testing.T) {
	tests := []struct {
		in    string
		want  Country
		alias string
	}{
		{"United States", Country{"United States", "US"}, ""},
		{" United  States ", Country{"United States", "US"}, ""},
		{"U. S. A.", Country{"United States", "US"}, "U. S. A."},
		{"united states", Country{"United States", "US"}, "united states"},
		{"米国", Country{"United States", "US"}, "米国"},
		{"オーストリア Austria", Country{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, alias, _, ok := LookupCountry(tt.in)
			assert.Equal(t, tt.want != Country{}, ok)
			assert.Equal(t, tt.want, c)
			assert.Equal(t, tt.alias, alias)
		})
	}
}

func TestLookupCountryInternational(t *testing.T) {
	for _, in := range []string{"International Organization", "International Organizations", "International Organization(s)", "国際機関", "European Union", "United Nations"} {
		t.Run(in, func(t *testing.T) {
			c, alias, intl, ok := LookupCountry(in)
			assert.True(t, ok)
			assert.True(t, intl)
			assert.Equal(t, Country{}, c)
			assert.Empty(t, alias)
		})
	}
}

func TestLookupCountryUnknown(t *testing.T) {
	for _, in := range []string{"", "Atlantis", "Asia", "ドミニカ", "Tohoku University", "Yugoslavia", "Netherlands Antilles", "IN", "JP", "Jap"} {
		t.Run(in, func(t *testing.T) {
			c, alias, intl, ok := LookupCountry(in)
			assert.False(t, ok)
			assert.False(t, intl)
			assert.Equal(t, Country{}, c)
			assert.Empty(t, alias)
		})
	}
}

func TestLookupRegion(t *testing.T) {
	tests := []struct {
		want string
		in   []string
	}{
		{"Asia", []string{"Asia", "(Asia)", "（アジア）", "アジア", "ASIA"}},
		{"Europe", []string{"Europe", "ヨーロッパ", "欧州"}},
		{"North America", []string{"North America", "北米", "北アメリカ"}},
		{"Central and South America", []string{"Central and South America", "South and Central America", "Central & South America", "Latin America", "中南米", "南米"}},
		{"Middle East", []string{"Middle East", "中東", "中近東"}},
		{"Africa", []string{"Africa", "アフリカ"}},
		{"Oceania", []string{"Oceania", "オセアニア", "大洋州"}},
		{"International Organization", []string{"International Organization", "International Organization(s)", "International Organizations", "国際機関"}},
	}
	for _, tt := range tests {
		for _, in := range tt.in {
			t.Run(in, func(t *testing.T) {
				got, ok := LookupRegion(in)
				assert.True(t, ok)
				assert.Equal(t, tt.want, got)
			})
		}
	}
	for _, in := range []string{"", "China", "Asia Pacific", "Elsewhere"} {
		t.Run("unknown/"+in, func(t *testing.T) {
			got, ok := LookupRegion(in)
			assert.False(t, ok)
			assert.Empty(t, got)
		})
	}
}

func TestSplitBilingual(t *testing.T) {
	tests := []struct {
		name, in, latin, other string
	}{
		{"other first", "ウィーン工科大学 Technische Universität Wien", "Technische Universität Wien", "ウィーン工科大学"},
		{"latin first", "Technische Universität Wien ウィーン工科大学", "Technische Universität Wien", "ウィーン工科大学"},
		{"bracketed other", "Technische Universität Wien (ウィーン工科大学)", "Technische Universität Wien", "ウィーン工科大学"},
		{"full-width brackets unspaced", "Technische Universität Wien（ウィーン工科大学）", "Technische Universität Wien", "ウィーン工科大学"},
		{"bracketed latin", "ウィーン工科大学（Technische Universität Wien）", "Technische Universität Wien", "ウィーン工科大学"},
		{"ideographic space", "北京大学\u3000Peking University", "Peking University", "北京大学"},
		{"separator", "北京大学 / Peking University", "Peking University", "北京大学"},
		{"country", "オーストリア Austria", "Austria", "オーストリア"},
		{"digits stay with latin", "パリ第8大学 Université Paris 8", "Université Paris 8", "パリ第8大学"},
		{"korean", "서울대학교 Seoul National University", "Seoul National University", "서울대학교"},
		{"latin only", "Peking University", "Peking University", ""},
		{"latin with brackets", "University of X (Faculty of Y)", "University of X (Faculty of Y)", ""},
		{"other only", "北京大学", "", "北京大学"},
		{"mixed in one word", "カリフォルニア大学Los Angeles校", "", "カリフォルニア大学Los Angeles校"},
		{"three runs", "東北大学 Tohoku University 工学部", "", "東北大学 Tohoku University 工学部"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			latin, other := SplitBilingual(tt.in)
			assert.Equal(t, tt.latin, latin)
			assert.Equal(t, tt.other, other)
		})
	}
}

func TestLongCountryNames(t *testing.T) {
	c := testContext()
	for in, want := range map[string]string{"スーダン共和国": "SD", "タイ王国": "TH", "Republic of the Sudan": "SD", "Kingdom of Thailand": "TH", "ドミニカ共和国": "DO"} {
		g := c.readCountry(in)
		assert.True(t, g.known, in)
		assert.Equal(t, want, g.country.Code, in)
	}
}

// TestCountryKeyASCII: the ASCII path of countryKey gives what the
// Unicode path gives.
func TestCountryKeyASCII(t *testing.T) {
	texts := []string{"", "U. S. A.", "Trinidad & Tobago", "Bosnia-Herzegovina", "  Côte  ", "St. Kitts & Nevis (3)"}
	for c := range 128 {
		texts = append(texts, string(rune(c)), "Ab"+string(rune(c))+"Cd")
	}
	for _, s := range texts {
		if ascii.Only(s) {
			assert.Equal(t, countryKeyUnicode(s), countryKeyASCII(s), "%q", s)
		}
	}
	assert.Equal(t, countryKeyUnicode("Côte d’Ivoire"), countryKey("Côte d’Ivoire"))
}

// TestCountryKeyShortcuts: countryKey gives what the Unicode path gives,
// for every name of the country tables and for random texts of kana,
// Han, Hangul (syllables and jamo), combining marks and punctuation.
func TestCountryKeyShortcuts(t *testing.T) {
	var texts []string
	for code, names := range cldrNames {
		texts = append(texts, code)
		texts = append(texts, names...)
	}
	for _, names := range countryAliases {
		texts = append(texts, names...)
	}
	for _, n := range canonicalNames {
		texts = append(texts, n)
	}
	texts = append(texts, intlNames...)
	pieces := []string{"ア", "ブ", "ﾌﾞ", "か", "\u3099", "゛", "・", "ー", "々", "〇", "大", "國", "한", "국", "\u1100", "\u1161", "\u11a8",
		"(", "（", ")", " ", "&", "A", "z", "é", "e\u0301", "\u302a", "Ｕ", "５", "-", "\u00a0", "й", "\u0306"}
	texts = append(texts, randomTexts(13, 20000, 7, pieces...)...)
	for _, s := range texts {
		assert.Equal(t, countryKeyUnicode(s), countryKey(s), "%q", s)
	}
}
