package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// buildPDF writes a PDF whose objects 1..n are objs (object 1 the catalog),
// with a correct cross-reference table. A "stream:" prefix makes the rest
// of the text a stream's data; the text before it is the stream's
// dictionary without its closing ">>", which comes with the /Length.
func buildPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if dict, data, ok := bytes.Cut([]byte(o), []byte("stream:")); ok {
			fmt.Fprintf(&b, "%s /Length %d >>\nstream\n%s\nendstream", bytes.TrimSpace(dict), len(data), data)
		} else {
			b.WriteString(o)
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func deflate(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.String()
}

// smallPDFs are small documents that exercise the text layer's paths: the
// standard fonts, a composite font with a ToUnicode CMap, a Type 3 font, a
// Form XObject, marked content with /ActualText, compressed content and
// ruling lines. They seed the fuzzer, which works best on small inputs.
func smallPDFs() [][]byte {
	page := func(content, res string) []string {
		return []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources " + res + " >>",
			content,
		}
	}
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	simple := page("<< stream:BT /F1 12 Tf 20 150 Td (Exchange partners) Tj 0 -14 TD [(Uni)-20(versity)] TJ T* (Country) ' 1 2 (x) \" ET 10 10 100 0.5 re f 10 40 m 200 40 l S", helv)
	actual := page("<< stream:BT /F1 10 Tf 20 100 Td /Span <</ActualText (\xfe\xff\x00N)>> BDC (n) Tj EMC /P BMC (. . .) Tj EMC ET", helv)
	flate := page("<< /Filter /FlateDecode stream:"+deflate("BT /F1 9 Tf 30 60 Tm (compressed) Tj ET"), helv)
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		"2 beginbfchar <0001> <0041> <0002> <00660069> endbfchar 1 beginbfrange <0003> <0005> <0061> endbfrange endcmap end end"
	cid := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Rotate 90 /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >> >>",
		"<< stream:BT /F1 11 Tf 1 0 0 1 20 80 Tm <0001000200030004> Tj [<0005> 120 <0001>] TJ ET /X1 Do",
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSansCJKjp-Regular /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKjp-Regular /DW 1000 /W [1 [500 600] 3 5 550] >>] /ToUnicode 6 0 R >>",
		"<< stream:" + cmap,
		"<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] /Matrix [1 0 0 1 10 10] /Resources << /Font << /F2 << /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >> >> >> stream:BT /F2 8 Tf 5 5 Td (in a form) Tj ET",
	}
	type3 := page("<< stream:BT /T3 10 Tf 20 50 Td (ab) Tj ET",
		"<< /Font << /T3 << /Type /Font /Subtype /Type3 /FontBBox [0 -200 1000 800] /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 97 /LastChar 98 /Widths [600 700] /Encoding << /Differences [97 /a /b] >> /CharProcs << >> >> >> >>")
	return [][]byte{buildPDF(simple...), buildPDF(actual...), buildPDF(flate...), buildPDF(cid...), buildPDF(type3...)}
}
