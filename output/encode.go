package output

import (
	"strconv"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
)

// appendRecord appends r as the canonical one-line JSON object, without a
// line end: byte for byte what encoding/json writes for it with HTML
// escaping off (the contract's field order, nil lists as []), without
// reflection and without allocating beyond b's growth.
func appendRecord(b []byte, r *agreement.Record) []byte {
	var c *recordRuns
	return c.appendRecord(b, r)
}

// recordRuns keeps the JSON of the runs of fields most records share with
// the record before (the schema; the institution, level, region, country
// and its code; the source's file, SHA-256 and format), so that they are
// copied rather than escaped again, record after record. A nil one keeps
// nothing.
type recordRuns struct {
	schema                             string
	head                               []byte
	inst, level, region, country, code string
	group                              []byte
	file, sha, format                  string
	source                             []byte
}

// appendRecord is appendRecord, the runs r shares with the record before
// copied from c.
func (c *recordRuns) appendRecord(b []byte, r *agreement.Record) []byte {
	switch {
	case c == nil:
		b = appendHead(b, r)
	case c.head != nil && r.Schema == c.schema:
		b = append(b, c.head...)
	default:
		c.schema, c.head = r.Schema, appendHead(c.head[:0], r)
		b = append(b, c.head...)
	}
	b = appendJSONString(b, r.ID)
	switch {
	case c == nil:
		b = appendGroup(b, r)
	case c.group != nil && r.HomeInstitution == c.inst && r.Level == c.level && r.Region == c.region && r.Country == c.country && r.CountryCode == c.code:
		b = append(b, c.group...)
	default:
		c.inst, c.level, c.region, c.country, c.code = r.HomeInstitution, r.Level, r.Region, r.Country, r.CountryCode
		c.group = appendGroup(c.group[:0], r)
		b = append(b, c.group...)
	}
	b = appendJSONString(b, r.Partner)
	b = append(b, `,"partner_unit":`...)
	b = appendJSONString(b, r.PartnerUnit)
	b = append(b, `,"home_unit":`...)
	b = appendJSONString(b, r.HomeUnit)
	b = append(b, `,"signed":`...)
	b = appendJSONString(b, r.Signed)
	b = append(b, `,"fee_waiver":`...)
	b = strconv.AppendBool(b, r.FeeWaiver)
	b = append(b, `,"agreement_type":`...)
	b = appendJSONString(b, r.AgreementType)
	b = append(b, `,"valid_until":`...)
	b = appendJSONString(b, r.ValidUntil)
	b = append(b, `,"flags":`...)
	b = appendJSONList(b, r.Flags)
	b = append(b, `,"partner_alt":`...)
	b = appendJSONString(b, r.PartnerAlt)
	b = append(b, `,"as_of":`...)
	b = appendJSONString(b, r.AsOf)
	switch {
	case c == nil:
		b = appendSource(b, r)
	case c.source != nil && r.Source.File == c.file && r.Source.SHA256 == c.sha && r.Source.Format == c.format:
		b = append(b, c.source...)
	default:
		c.file, c.sha, c.format = r.Source.File, r.Source.SHA256, r.Source.Format
		c.source = appendSource(c.source[:0], r)
		b = append(b, c.source...)
	}
	b = strconv.AppendInt(b, int64(r.Source.Page), 10)
	b = append(b, `,"row":`...)
	b = strconv.AppendInt(b, int64(r.Source.Row), 10)
	b = append(b, `},"repairs":`...)
	b = appendJSONList(b, r.Repairs)
	return append(b, '}')
}

// appendHead appends the record's start, up to its id's value.
func appendHead(b []byte, r *agreement.Record) []byte {
	b = append(b, `{"schema":`...)
	b = appendJSONString(b, r.Schema)
	return append(b, `,"id":`...)
}

// appendGroup appends the fields from the home institution to the
// country's code, and the partner's name.
func appendGroup(b []byte, r *agreement.Record) []byte {
	b = append(b, `,"home_institution":`...)
	b = appendJSONString(b, r.HomeInstitution)
	b = append(b, `,"level":`...)
	b = appendJSONString(b, r.Level)
	b = append(b, `,"region":`...)
	b = appendJSONString(b, r.Region)
	b = append(b, `,"country":`...)
	b = appendJSONString(b, r.Country)
	b = append(b, `,"country_code":`...)
	b = appendJSONString(b, r.CountryCode)
	return append(b, `,"partner":`...)
}

// appendSource appends the source's file, SHA-256 and format, and the
// name of its page.
func appendSource(b []byte, r *agreement.Record) []byte {
	b = append(b, `,"source":{"file":`...)
	b = appendJSONString(b, r.Source.File)
	b = append(b, `,"sha256":`...)
	b = appendJSONString(b, r.Source.SHA256)
	b = append(b, `,"format":`...)
	b = appendJSONString(b, r.Source.Format)
	return append(b, `,"page":`...)
}

// appendJSONList appends a list of strings as a JSON array; nil as [].
func appendJSONList(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string as encoding/json writes it
// with HTML escaping off: '"' and '\\' escaped, control characters as
// \b, \f, \n, \r, \t or \u00XX, a byte that is not UTF-8 as \ufffd, and
// U+2028 and U+2029 as \u2028 and \u2029; everything else as it is.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether the 8 bytes of s are all ASCII written as they
// are in a JSON string: none below 0x20, none from 0x80, no '"', no '\\'.
// It tests the 8 at once, each byte a lane of a uint64 (the "has a byte
// less than n" and "has a zero byte" tests of bit twiddling): a lane
// with its high bit set, or below 0x20, or equal to one of the two,
// makes a borrow or a high bit that the mask keeps; a plain lane none.
func plain8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	q := x ^ (ones * '"')
	bs := x ^ (ones * '\\')
	bad := x | (x - ones*0x20) | (q-ones)&^q | (bs-ones)&^bs
	return bad&highs == 0
}
