package pdf

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var writeSeeds = flag.Bool("seeds.write", false, "write the shapes of TestSeedShapes into testdata/fuzz/FuzzParse")

// xrefStreamOpts shape a document written with a cross-reference stream.
type xrefStreamOpts struct {
	objStm    bool // objects that are not streams stored in an object stream
	flate     bool // the cross-reference and object streams Flate-compressed
	predictor bool // the cross-reference stream's rows PNG Up-predicted
	// filter, when set, stores the cross-reference and object streams
	// with this /Filter (and /DecodeParms, with predictor: the PNG
	// predictor's are added), its data encoded by encode.
	filter string
	encode func([]byte) []byte
}

// buildXrefStreamPDF writes objs (numbered from 1, object 1 the catalog,
// "stream:" as for buildPDF) with a cross-reference stream in place of the
// table, as PDF 1.5 writers do.
func buildXrefStreamPDF(objs []string, o xrefStreamOpts) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	n := len(objs)
	stm, xrefID := n+1, n+2
	type entry struct {
		typ byte
		f2  uint32
		f3  uint16
	}
	entries := make([]entry, n+3)
	entries[0] = entry{typ: 0, f3: 65535}
	var held []int
	streamData := func(dict string, data []byte) {
		switch {
		case o.filter != "":
			dict += " " + o.filter
			data = o.encode(data)
		case o.flate:
			dict += " /Filter /FlateDecode"
			data = zlibEncode(data)
		}
		fmt.Fprintf(&b, "%s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	for i, obj := range objs {
		id := i + 1
		if o.objStm && !strings.Contains(obj, "stream:") {
			held = append(held, id)
			continue
		}
		entries[id] = entry{typ: 1, f2: uint32(b.Len())}
		fmt.Fprintf(&b, "%d 0 obj\n", id)
		if dict, data, ok := strings.Cut(obj, "stream:"); ok {
			fmt.Fprintf(&b, "%s /Length %d >>\nstream\n%s\nendstream", strings.TrimSpace(dict), len(data), data)
		} else {
			b.WriteString(obj)
		}
		b.WriteString("\nendobj\n")
	}
	if len(held) > 0 {
		var head, body strings.Builder
		for k, id := range held {
			fmt.Fprintf(&head, "%d %d ", id, body.Len())
			body.WriteString(objs[id-1] + "\n")
			entries[id] = entry{typ: 2, f2: uint32(stm), f3: uint16(k)}
		}
		entries[stm] = entry{typ: 1, f2: uint32(b.Len())}
		fmt.Fprintf(&b, "%d 0 obj\n", stm)
		streamData(fmt.Sprintf("<< /Type /ObjStm /N %d /First %d", len(held), head.Len()), []byte(head.String()+body.String()))
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	entries[xrefID] = entry{typ: 1, f2: uint32(xref)}
	var rows bytes.Buffer
	prev := make([]byte, 7)
	for id, e := range entries {
		if e.typ == 0 && e.f2 == 0 && e.f3 == 0 && id != 0 {
			e.f3 = 65535 // not used: free
		}
		row := make([]byte, 7)
		row[0] = e.typ
		binary.BigEndian.PutUint32(row[1:5], e.f2)
		binary.BigEndian.PutUint16(row[5:7], e.f3)
		if o.predictor {
			rows.WriteByte(2)
			for k := range row {
				rows.WriteByte(row[k] - prev[k])
			}
			prev = row
			continue
		}
		rows.Write(row)
	}
	fmt.Fprintf(&b, "%d 0 obj\n", xrefID)
	dict := fmt.Sprintf("<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R", len(entries))
	if o.predictor {
		dict += " /DecodeParms << /Predictor 12 /Columns 7 >>"
	}
	streamData(dict, rows.Bytes())
	fmt.Fprintf(&b, "\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// seedShapes are small documents in the shapes the fuzzer should start
// from besides the hostile files: cross-reference streams with and without
// compression and predictor, object streams, and content streams stored
// with each standard filter. Each reads, with the text it holds.
func seedShapes() map[string][]byte {
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	page := func(content string) []string {
		return []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources " + helv + " >>",
			content,
		}
	}
	text := "BT /F1 9 Tf 20 150 Td (Exchange partners) Tj 0 -12 Td (Peking University \\(1999.11.10\\)) Tj ET"
	raw := []byte(text)
	two := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources 6 0 R >>",
		"<< stream:" + text,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents [4 0 R 7 0 R] /Resources 6 0 R >>",
		helv,
		"<< /Filter /FlateDecode stream:" + deflate("BT /F1 9 Tf 20 100 Td (Second page) Tj ET"),
	}
	return map[string][]byte{
		"xrefstream-plain":              buildXrefStreamPDF(page("<< stream:"+text), xrefStreamOpts{}),
		"xrefstream-flate-predictor":    buildXrefStreamPDF(page("<< stream:"+text), xrefStreamOpts{flate: true, predictor: true}),
		"objstm-plain":                  buildXrefStreamPDF(page("<< stream:"+text), xrefStreamOpts{objStm: true}),
		"objstm-flate-predictor":        buildXrefStreamPDF(page("<< stream:"+text), xrefStreamOpts{objStm: true, flate: true, predictor: true}),
		"objstm-two-pages-shared":       buildXrefStreamPDF(two, xrefStreamOpts{objStm: true, flate: true}),
		"objstm-lzw-predictor":          buildXrefStreamPDF(page("<< stream:"+text), xrefStreamOpts{objStm: true, predictor: true, filter: "/Filter /LZWDecode", encode: func(b []byte) []byte { return lzwEncode(b, true) }}),
		"filter-lzw":                    filteredPage("/Filter /LZWDecode", lzwEncode(raw, true)),
		"filter-lzw-earlychange-0":      filteredPage("/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", lzwEncode(raw, false)),
		"filter-asciihex":               filteredPage("/Filter /ASCIIHexDecode", asciiHexEncode(raw)),
		"filter-runlength":              filteredPage("/Filter /RunLengthDecode", runLengthEncode(raw)),
		"filter-chain-ascii85-lzw":      filteredPage("/Filter [/ASCII85Decode /LZWDecode]", ascii85Encode(lzwEncode(raw, true))),
		"filter-flate-png-predictor":    filteredPage("/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 8 >>", zlibEncode(pngPredict(raw, 8, 1))),
		"filter-lzw-tiff-predictor":     filteredPage("/Filter /LZWDecode /DecodeParms << /Predictor 2 /Columns 6 >>", lzwEncode(tiffPredict(padTo(raw, 6), 6, 1), true)),
		"filter-chain-hex-rl-flate":     filteredPage("/Filter [/AHx /RL /Fl]", asciiHexEncode(runLengthEncode(zlibEncode(raw)))),
		"filter-image-filter-on-text":   filteredPage("/Filter /DCTDecode", raw),
		"message-name-bad-escape":       buildPDF(append(page("<< stream:" + text)[:2], "<< /Type /Page /Parent 2 0 R /X /A#zz /Contents 4 0 R >>", "<< stream:"+text)...),
		"message-dict-key-not-a-name":   buildPDF(append(page("<< stream:" + text)[:2], "<< /Type /Page /Parent 2 0 R 5 /X /Contents 4 0 R >>", "<< stream:"+text)...),
		"message-xref-entry-not-number": []byte(strings.Replace(string(buildPDF(page("<< stream:"+text)...)), "0000000000 65535 f \n", "00000000x0 65535 f \n", 1)),
	}
}

// padTo pads b with spaces to a multiple of n bytes (whole predictor rows).
func padTo(b []byte, n int) []byte {
	for len(b)%n != 0 {
		b = append(b, ' ')
	}
	return b
}

// TestSeedShapes: the seed shapes read as they should (the fuzzer starts
// from documents that reach the code behind each shape, not from ones
// refused at the door), and are committed as seeds.
func TestSeedShapes(t *testing.T) {
	for name, b := range seedShapes() {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(name+".pdf", b, Options{})
			switch {
			case name == "message-name-bad-escape":
				require.Error(t, err)
				assert.Contains(t, err.Error(), "document has no pages that can be read: page 1: object 3: a name holds a #")
			case strings.HasPrefix(name, "message-"):
				// Damaged, and read by a repair.
				require.NoError(t, err)
				assert.NotEmpty(t, doc.Repairs)
			case name == "filter-image-filter-on-text":
				require.NoError(t, err)
				require.Len(t, doc.PageErrors, 1)
				assert.Contains(t, doc.PageErrors[0].Error(), "stream filter DCTDecode is not supported")
			default:
				require.NoError(t, err)
				assert.Empty(t, doc.PageErrors)
				assert.Contains(t, docText(doc), "Peking University (1999.11.10)")
				if name == "objstm-two-pages-shared" {
					assert.Contains(t, docText(doc), "Second page")
				}
				if strings.HasPrefix(name, "xrefstream") || strings.HasPrefix(name, "objstm") || strings.HasPrefix(name, "filter") {
					assert.Empty(t, doc.Repairs, "read as written, not repaired")
				}
			}
			path := filepath.Join("testdata/fuzz/FuzzParse", "shape-"+name)
			seed := fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", b)
			if *writeSeeds {
				require.NoError(t, os.WriteFile(path, seed, 0o644))
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./parser/pdf -run TestSeedShapes -seeds.write writes the seeds")
			assert.Equal(t, string(seed), string(got), "the committed seed is the shape as built")
		})
	}
}
