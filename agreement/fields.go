package agreement

import (
	"fmt"
	"strconv"
	"strings"
)

// Field is one field of the record as flat text: the CSV column (the JSON
// name; the source's parts as source_*), how to read it from a record and
// write it back. The one list of fields is Fields: the CSV writer and
// reader, the diff and the stores take their columns from it.
type Field struct {
	Name string
	// Compared is set for the fields a diff compares: all but schema, id
	// (the match key), source and repairs.
	Compared bool
	Get      func(r *Record) string
	Set      func(r *Record, s string) error
}

// ListSep joins the elements of flags and repairs in a flat text.
const ListSep = ";"

func str(name string, compared bool, p func(r *Record) *string) Field {
	return Field{Name: name, Compared: compared,
		Get: func(r *Record) string { return *p(r) },
		Set: func(r *Record, s string) error { *p(r) = s; return nil }}
}

func list(name string, compared bool, p func(r *Record) *[]string) Field {
	return Field{Name: name, Compared: compared,
		Get: func(r *Record) string { return strings.Join(*p(r), ListSep) },
		Set: func(r *Record, s string) error {
			*p(r) = []string{}
			if s != "" {
				*p(r) = strings.Split(s, ListSep)
			}
			return nil
		}}
}

func num(name string, p func(r *Record) *int) Field {
	return Field{Name: name,
		Get: func(r *Record) string { return strconv.Itoa(*p(r)) },
		Set: func(r *Record, s string) error {
			s = strings.TrimSpace(s)
			if s == "" {
				*p(r) = 0
				return nil
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("%s %q: not a whole number", name, s)
			}
			*p(r) = n
			return nil
		}}
}

var fields = []Field{
	str("schema", false, func(r *Record) *string { return &r.Schema }),
	str("id", false, func(r *Record) *string { return &r.ID }),
	str("home_institution", true, func(r *Record) *string { return &r.HomeInstitution }),
	str("level", true, func(r *Record) *string { return &r.Level }),
	str("region", true, func(r *Record) *string { return &r.Region }),
	str("country", true, func(r *Record) *string { return &r.Country }),
	str("country_code", true, func(r *Record) *string { return &r.CountryCode }),
	str("partner", true, func(r *Record) *string { return &r.Partner }),
	str("partner_unit", true, func(r *Record) *string { return &r.PartnerUnit }),
	str("home_unit", true, func(r *Record) *string { return &r.HomeUnit }),
	str("signed", true, func(r *Record) *string { return &r.Signed }),
	{Name: "fee_waiver", Compared: true,
		Get: func(r *Record) string { return strconv.FormatBool(r.FeeWaiver) },
		Set: func(r *Record, s string) error {
			s = strings.TrimSpace(s)
			if s == "" {
				r.FeeWaiver = false
				return nil
			}
			b, err := strconv.ParseBool(s) // true, TRUE (as a spreadsheet writes it back), 1
			if err != nil {
				return fmt.Errorf("fee_waiver %q: want true or false", s)
			}
			r.FeeWaiver = b
			return nil
		}},
	str("agreement_type", true, func(r *Record) *string { return &r.AgreementType }),
	str("valid_until", true, func(r *Record) *string { return &r.ValidUntil }),
	list("flags", true, func(r *Record) *[]string { return &r.Flags }),
	str("partner_alt", true, func(r *Record) *string { return &r.PartnerAlt }),
	str("as_of", true, func(r *Record) *string { return &r.AsOf }),
	str("source_file", false, func(r *Record) *string { return &r.Source.File }),
	str("source_sha256", false, func(r *Record) *string { return &r.Source.SHA256 }),
	str("source_format", false, func(r *Record) *string { return &r.Source.Format }),
	num("source_page", func(r *Record) *int { return &r.Source.Page }),
	num("source_row", func(r *Record) *int { return &r.Source.Row }),
	list("repairs", false, func(r *Record) *[]string { return &r.Repairs }),
}

// Fields lists the record's fields in the contract's order, the source
// flattened into source_* before repairs.
func Fields() []Field { return fields }

// FieldNames are the names of Fields; with compared, only the fields a
// diff compares.
func FieldNames(compared bool) []string {
	var out []string
	for _, f := range fields {
		if !compared || f.Compared {
			out = append(out, f.Name)
		}
	}
	return out
}
