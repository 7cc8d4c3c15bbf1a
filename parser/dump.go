package parser

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Number assigns Row ordinals: every line and every table row of the
// document, in reading order, gets its 1-based position. Extractors call it
// once the blocks are final, so that provenance points at the raw dump.
func (d *Document) Number() {
	n := 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Line != nil {
			n++
			b.Line.Row = n
		}
		if b.Table != nil {
			for j := range b.Table.Rows {
				n++
				b.Table.Rows[j].Row = n
			}
		}
	}
}

// Dump renders a document as canonical text, the form raw golden files pin:
// one line per text line or table row, floats at fixed precision, no clocks
// and no absolute paths.
func Dump(d *Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "document format=%s pages=%d title=%s\n", d.Format, d.Pages, strconv.Quote(d.Title))
	for _, r := range d.Repairs {
		fmt.Fprintf(&b, "repair %s\n", r)
	}
	for _, e := range d.PageErrors {
		fmt.Fprintf(&b, "page-error %v\n", e)
	}
	for _, blk := range d.Blocks {
		if l := blk.Line; l != nil {
			fmt.Fprintf(&b, "L %d p%d %s", l.Row, l.Page, l.Role)
			if l.Level > 0 {
				fmt.Fprintf(&b, " h%d", l.Level)
			}
			if l.Box() != (Box{}) {
				fmt.Fprintf(&b, " [%s]", fmtBox(l.Box()))
			}
			if l.Style() != (Style{}) {
				fmt.Fprintf(&b, " {%s}", fmtStyle(l.Style()))
			}
			if l.Bullet != "" {
				fmt.Fprintf(&b, " bullet=%s", strconv.Quote(l.Bullet))
			}
			fmt.Fprintf(&b, " %s\n", strconv.Quote(l.Text))
		}
		if t := blk.Table; t != nil {
			fmt.Fprintf(&b, "T p%d #%d %s rows=%d", t.Page, t.Index, t.Method, len(t.Rows))
			if t.VAlign != "" && t.VAlign != "top" {
				fmt.Fprintf(&b, " valign=%s", t.VAlign) // (set at the top: as a reader assumes)
			}
			b.WriteByte('\n')
			for _, r := range t.Rows {
				kind := "R"
				if r.Header {
					kind = "H"
				}
				fmt.Fprintf(&b, "  %s %d p%d", kind, r.Row, r.Page)
				if r.Box() != (Box{}) {
					fmt.Fprintf(&b, " [%s]", fmtBox(r.Box()))
				}
				b.WriteString(" |")
				for _, c := range r.Cells {
					b.WriteByte(' ')
					switch {
					case c.Covered:
						b.WriteString("^")
					default:
						if c.ColSpan > 1 || c.RowSpan > 1 {
							fmt.Fprintf(&b, "<%dx%d>", c.ColSpan, c.RowSpan)
						}
						b.WriteString(strconv.Quote(strings.Join(c.Lines(), "\n")))
					}
					b.WriteString(" |")
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}

func fmtBox(x Box) string {
	return fmt.Sprintf("%.1f %.1f %.1f %.1f", x.X0, x.Y0, x.X1, x.Y1)
}

func fmtStyle(s Style) string {
	var parts []string
	if s.Font != "" {
		parts = append(parts, s.Font)
	}
	if s.Size > 0 {
		parts = append(parts, strconv.FormatFloat(s.Size, 'f', 1, 64))
	}
	if s.Bold {
		parts = append(parts, "bold")
	}
	if s.Italic {
		parts = append(parts, "italic")
	}
	return strings.Join(parts, " ")
}
