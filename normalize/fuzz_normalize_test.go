package normalize

import (
	"reflect"
	"strings"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// docFromText builds a raw document from a text: "# " lines are headings,
// "• " lines list items, runs of lines with "|" a table (the first its
// header), other lines text.
func docFromText(text string) *parser.Document {
	d := &parser.Document{File: "f.html", SHA256: "00", Format: parser.FormatHTML}
	var tb *parser.Table
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "|") {
			if tb == nil {
				tb = &parser.Table{Method: "fuzz"}
				d.Blocks = append(d.Blocks, parser.Block{Table: tb})
			}
			row := parser.Row{Header: len(tb.Rows) == 0}
			for _, c := range strings.Split(l, "|") {
				row.Cells = append(row.Cells, parser.Cell{Text: strings.TrimSpace(c), ColSpan: 1, RowSpan: 1})
			}
			tb.Rows = append(tb.Rows, row)
			continue
		}
		tb = nil
		line := &parser.Line{Text: l, Role: parser.RoleText}
		switch {
		case strings.HasPrefix(l, "# "):
			line.Text, line.Role, line.Level = l[2:], parser.RoleHeading, 2
		case strings.HasPrefix(l, "• "):
			line.Text, line.Role, line.Bullet = l[len("• "):], parser.RoleItem, "•"
		}
		d.Blocks = append(d.Blocks, parser.Block{Line: line})
	}
	d.Number()
	return d
}

// FuzzNormalize checks what holds for any document: no panic, the same
// result when the records are emitted as they are made, and every
// record has a partner, repairs and flags that are not nil, the id its
// fields give, and a source row that names a line or row of the document.
func FuzzNormalize(f *testing.F) {
	f.Add("# Asia\n# China\n• Peking University (1999.11.10)\n• * Fudan University (2001.4.19)\n* indicates universities that waive fees")
	f.Add("Country | Partner Institution | Date\nChina | Peking University | 1999.11.10\n | Fudan University | 2001.4.19")
	f.Add("地域 | 国・地域 | 協定校 | 締結日\nアジア | 中国 | 北京大学 | 平成11年11月10日\nTotal of 2 institutions")
	f.Add("# Exchange agreements in Europe\n# France\n• Sciences Po — School-to-school agreement (School of Law), concluded 2003.5.1")
	f.Add("|•|(Asia)\n|•|China\n•|Peking University (1999.11.10)")
	f.Add("Country | Partner Institution | Date\nChina | Peking University | 1999.11.10\nKorea | Seoul National University | 2001.4.19\n• Fudan University (2001.4.19)\n• Kyoto (2001.4.19)\nCountry | Partner Institution | Date\nFrance | Sciences Po | 2003.5.1\n | 工学研究科 | \n(Asia) 3 institutions")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		doc := docFromText(text)
		rows := map[int]bool{}
		for _, b := range doc.Blocks {
			if b.Line != nil {
				rows[b.Line.Row] = true
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					rows[r.Row] = true
				}
			}
		}
		res, err := Normalize(doc, Options{})
		if err != nil {
			t.Fatalf("Normalize: %v", err)
		}
		// Emitted as they are made, the records are the same, and so is
		// the rest of the result.
		var emitted []Record
		eres, err := Normalize(docFromText(text), Options{Emit: func(r Record) { emitted = append(emitted, r) }})
		if err != nil {
			t.Fatalf("Normalize, emitting: %v", err)
		}
		if eres.Records != nil {
			t.Errorf("emitting, %d records held", len(eres.Records))
		}
		eres.Records = emitted
		if !reflect.DeepEqual(res, eres) {
			t.Errorf("emitting gave another result:\n%+v\nholding:\n%+v", eres, res)
		}
		for _, r := range res.Records {
			if r.Partner == "" {
				t.Errorf("record without a partner: %+v", r)
			}
			if r.Repairs == nil || r.Flags == nil {
				t.Errorf("nil repairs or flags: %+v", r)
			}
			if r.ID != agreement.ComputeID(r) {
				t.Errorf("id %s, computed %s", r.ID, agreement.ComputeID(r))
			}
			if !rows[r.Source.Row] {
				t.Errorf("source row %d names no line or row of the document", r.Source.Row)
			}
			if r.Level != LevelUniversity && r.Level != LevelDepartment {
				t.Errorf("level %q", r.Level)
			}
		}
	})
}
