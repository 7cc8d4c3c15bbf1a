package audit

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// TestSchemaReasons: a record that fails the schema is reported with every
// failure, where it stands, worded as the reports have always worded it;
// the library agrees that the record fails.
func TestSchemaReasons(t *testing.T) {
	s, err := compileSchema()
	require.NoError(t, err)
	rules, err := newFieldRules()
	require.NoError(t, err)
	require.False(t, rules.partial)
	for _, tt := range []struct {
		name string
		edit func(*agreement.Record)
		want string
	}{
		{"valid", func(*agreement.Record) {}, ""},
		{"schema", func(r *agreement.Record) { r.Schema = "agreement/v2" }, "/schema: value must be 'agreement/v1'"},
		{"id quoted", func(r *agreement.Record) { r.ID = "XYZ'q\"é\n" }, `/id: 'XYZ\'q"é\n' does not match pattern '^[0-9a-f]{16}$'`},
		{"level", func(r *agreement.Record) { r.Level = "faculty" }, "/level: value must be one of 'university', 'department'"},
		{"empty partner", func(r *agreement.Record) { r.Partner = "" }, "/partner: minLength: got 0, want 1"},
		{"nil flags", func(r *agreement.Record) { r.Flags = nil }, "/flags: got null, want array"},
		{"repeated flags", func(r *agreement.Record) { r.Flags = []string{"fee_waiver", "x", "fee_waiver", "x"} }, "/flags: items at 0 and 2 are equal"},
		{"bad flags", func(r *agreement.Record) { r.Flags = []string{"B", "B"} },
			"/flags: items at 0 and 1 are equal; /flags/0: 'B' does not match pattern '^([a-z_]+|marker:.+)$'; /flags/1: 'B' does not match pattern '^([a-z_]+|marker:.+)$'"},
		{"bad repair", func(r *agreement.Record) { r.Repairs = []string{"Date: read"} }, "/repairs/0: 'Date: read' does not match pattern '^[a-z_]+(:.*)?$'"},
		{"sha256", func(r *agreement.Record) { r.Source.SHA256 = "" }, "/source/sha256: '' does not match pattern '^[0-9a-f]{64}$'"},
		{"format", func(r *agreement.Record) { r.Source.Format = "docx" }, "/source/format: value must be one of 'pdf', 'html', 'xlsx'"},
		{"page and row", func(r *agreement.Record) { r.Source.Page, r.Source.Row = -1, 0 }, "/source/page: minimum: got -1, want 0; /source/row: minimum: got 0, want 1"},
	} {
		r := rec(uni, "China", "CN", "Peking University", "2001-05-01")
		r.Source.Row = 3
		tt.edit(&r)
		assert.Equal(t, tt.want, rules.reason(&r), tt.name)
		assert.Equal(t, tt.want == "", s.Validate(recordValue(&r)) == nil, tt.name)
	}
}

// TestParseISO: the date reader takes what the pattern
// ^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$ matches, and checks the calendar.
func TestParseISO(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	in := []string{"", "2019", "2019-12", "2019-12-12", "2019-13", "2019-00", "2019-02-29", "2020-02-29", "1900-02-29",
		"2000-02-29", "2019-04-31", "2019-04-30", "2019-1-1", "201", "20190", "2019-12-", "2019/12/12", "２０１９",
		"2019-12-12 ", " 2019", "2019-12-1x", "abcd", "0000", "0000-01-01", "9999-12-31", "2019-12-12-1"}
	for _, s := range in {
		d, ok := parseISO(s)
		if !re.MatchString(s) {
			assert.False(t, ok, s)
			continue
		}
		m := re.FindStringSubmatch(s)
		y, _ := strconv.Atoi(m[1])
		if ok {
			assert.Equal(t, y, d.y, s)
			assert.Equal(t, 1+boolInt(m[2] != "")+boolInt(m[3] != ""), d.prec, s)
		}
		valid := true
		if m[2] != "" {
			mo, _ := strconv.Atoi(m[2])
			valid = mo >= 1 && mo <= 12
			if valid && m[3] != "" {
				day, _ := strconv.Atoi(m[3])
				valid = day >= 1 && day <= daysIn(y, mo)
			}
		}
		assert.Equal(t, valid, ok, s)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
