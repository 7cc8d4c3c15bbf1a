package audit

import (
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/agreements/agreements/agreement"
)

// figuresFile is a figures file: totals written down by hand, in TOML.
//
//	source = "https://www.titech.ac.jp/english/globalization/numbers.html"
//	[[total]]
//	level = "university"   # university, department, or "" for both
//	count = 103
//	unit = "institutions"  # institutions, agreements or countries
//	text = "university-wide agreements with 103 universities ..."
type figuresFile struct {
	Source string         `toml:"source"`
	Total  []figuresTotal `toml:"total"`
}

type figuresTotal struct {
	Level string `toml:"level"`
	Scope string `toml:"scope"`
	Name  string `toml:"name"`
	Count int    `toml:"count"`
	Unit  string `toml:"unit"`
	Text  string `toml:"text"`
}

// ReadFigures reads a figures file (TOML, see the README): the totals a
// publisher states apart from its lists. name is used in errors.
func ReadFigures(name string, b []byte) (*Figures, error) {
	var ff figuresFile
	md, err := toml.Decode(string(b), &ff)
	if err != nil {
		return nil, fmt.Errorf("%s: figures file: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: figures file: unknown key %s", name, und[0])
	}
	if len(ff.Total) == 0 {
		return nil, fmt.Errorf("%s: figures file: no [[total]] given", name)
	}
	f := &Figures{Name: name}
	for i, t := range ff.Total {
		n := i + 1
		switch t.Level {
		case "", agreement.LevelUniversity, agreement.LevelDepartment:
		default:
			return nil, fmt.Errorf("%s: total %d: level %q: want university, department or nothing", name, n, t.Level)
		}
		switch t.Unit {
		case UnitInstitutions, UnitAgreements, UnitCountries:
		default:
			return nil, fmt.Errorf("%s: total %d: unit %q: want institutions, agreements or countries", name, n, t.Unit)
		}
		scope := t.Scope
		switch scope {
		case "":
			scope = "section"
		case "section", "country", "region":
		default:
			return nil, fmt.Errorf("%s: total %d: scope %q: want section, country or region", name, n, t.Scope)
		}
		if scope != "section" && t.Name == "" {
			return nil, fmt.Errorf("%s: total %d: a %s total needs the %s's name", name, n, scope, scope)
		}
		if t.Count < 0 {
			return nil, fmt.Errorf("%s: total %d: count %d is negative", name, n, t.Count)
		}
		text := t.Text
		if text == "" {
			text = fmt.Sprintf("%d %s", t.Count, t.Unit)
		}
		f.Declared = append(f.Declared, agreement.Declared{Level: t.Level, Scope: scope, Name: t.Name,
			Count: t.Count, Unit: t.Unit, Text: text, Row: n})
	}
	return f, nil
}
