package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/agreements/agreements/internal/lazyre"
)

// Byte-level repairs for files that viewers open but the PDF library
// refuses. Each stage is tried only when the previous bytes still fail to
// open, and each names what it did, e.g. "pdf:stripped_leading_bytes".

type repairStage struct {
	name string
	fix  func([]byte) ([]byte, bool)
}

var repairStages = []repairStage{
	{"pdf:stripped_leading_bytes", stripLeading},
	{"pdf:rewrote_header", rewriteHeader},
	{"pdf:truncated_after_eof", truncateAfterEOF},
	{"pdf:rebuilt_xref", rebuildXref},
}

// repairs runs the stages in order, calling try after each change; it stops
// at the first bytes that try accepts.
func repairAndOpen(b []byte, try func([]byte) bool) ([]byte, []string, bool) {
	var done []string
	for _, st := range repairStages {
		fixed, changed := st.fix(b)
		if !changed {
			continue
		}
		b = fixed
		done = append(done, st.name)
		if try(b) {
			return b, done, true
		}
	}
	return b, done, false
}

func stripLeading(b []byte) ([]byte, bool) {
	i := bytes.Index(b, []byte("%PDF-"))
	if i <= 0 {
		return b, false
	}
	return b[i:], true
}

// rewriteHeader makes the first line "%PDF-1.x" + newline, which the
// library insists on (PDF 2.0 files, a header followed by a comment),
// without moving any byte offset.
func rewriteHeader(b []byte) ([]byte, bool) {
	if len(b) < 9 || !bytes.HasPrefix(b, []byte("%PDF-")) {
		return b, false
	}
	ok := b[5] == '1' && b[6] == '.' && b[7] >= '0' && b[7] <= '7' && (b[8] == '\n' || b[8] == '\r')
	if ok {
		return b, false
	}
	out := bytes.Clone(b)
	copy(out[5:8], "1.7")
	out[8] = '\n'
	return out, true
}

func truncateAfterEOF(b []byte) ([]byte, bool) {
	i := bytes.LastIndex(b, []byte("%%EOF"))
	if i < 0 {
		return b, false
	}
	end := i + len("%%EOF")
	if len(bytes.TrimSpace(b[end:])) == 0 {
		return b, false
	}
	return b[:end:end], true
}

var (
	objHeader = lazyre.New(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)
	rootRef   = lazyre.New(`/Root\s+(\d+)\s+(\d+)\s+R`)
	infoRef   = lazyre.New(`/Info\s+(\d+)\s+(\d+)\s+R`)
	catalog   = lazyre.New(`/Type\s*/Catalog\b`)
	// encryptRef and fileID find a trailer's /Encrypt and /ID entries
	// (the identifier's two strings hexadecimal or literal).
	encryptRef = lazyre.New(`/Encrypt\s+(\d+)\s+(\d+)\s+R`)
	fileID     = lazyre.New(`/ID\s*\[\s*(?:<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\[\s\S])*\))\s*(?:<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\[\s\S])*\))\s*\]`)
)

// xrefObject is an object found by its "N G obj" header: where it
// starts, and its generation.
type xrefObject struct{ off, gen int }

// rebuildXref appends a fresh cross-reference table built by scanning the
// file for "N G obj", with a trailer that points at the catalog.
func rebuildXref(b []byte) ([]byte, bool) {
	objs := map[int]xrefObject{}
	maxID := 0
	var root, extra string
	for _, m := range objHeader.FindAllSubmatchIndex(b, -1) {
		id, err1 := strconv.Atoi(string(b[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(b[m[4]:m[5]]))
		if err1 != nil || err2 != nil || id <= 0 {
			continue
		}
		objs[id] = xrefObject{off: m[2], gen: gen}
		maxID = max(maxID, id)
		if root == "" {
			end := min(len(b), m[1]+400)
			if catalog.Match(b[m[1]:end]) {
				root = fmt.Sprintf("%d %d R", id, gen)
			}
		}
	}
	if len(objs) == 0 {
		return b, false
	}
	if m := rootRef.FindAllSubmatch(b, -1); len(m) > 0 {
		last := m[len(m)-1]
		root = fmt.Sprintf("%s %s R", last[1], last[2])
	}
	if root == "" {
		return b, false
	}
	if m := infoRef.FindAllSubmatch(b, -1); len(m) > 0 {
		last := m[len(m)-1]
		extra = fmt.Sprintf(" /Info %s %s R", last[1], last[2])
	}
	// An encrypted file's objects stay encrypted: the new trailer names
	// its encryption dictionary and its identifier, from which the key is
	// made, as the lost one did.
	if m := encryptRef.FindAllSubmatch(b, -1); len(m) > 0 {
		last := m[len(m)-1]
		extra += fmt.Sprintf(" /Encrypt %s %s R", last[1], last[2])
		if id := fileID.FindAll(b, -1); len(id) > 0 {
			extra += " " + string(id[len(id)-1])
		}
	}
	var out bytes.Buffer
	out.Grow(len(b) + 20*(maxID+1) + 128)
	out.Write(b)
	out.WriteString("\n")
	// Objects stored in object streams need a cross-reference stream to
	// be found (an encrypted file's object streams cannot be read here).
	if !strings.Contains(extra, "/Encrypt") {
		if entries := objectStreamEntries(b, objs); len(entries) > 0 {
			for id, o := range objs {
				if _, inStream := entries[int64(id)]; !inStream {
					entries[int64(id)] = xrefEntry3{typ: 1, f2: int64(o.off), f3: int64(o.gen)}
				}
			}
			appendXrefStream(&out, entries, int64(maxID)+1, " /Root "+root+extra)
			return out.Bytes(), true
		}
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f\r\n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if e, ok := objs[id]; ok {
			fmt.Fprintf(&out, "%010d %05d n\r\n", e.off, e.gen)
		} else {
			out.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %s%s >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, extra, start)
	return out.Bytes(), true
}

// xrefCycle reports whether the chain of cross-reference sections (startxref,
// then each /Prev) loops. The PDF library follows /Prev without a bound, so
// such a file must be repaired before it is opened.
func xrefCycle(b []byte) bool {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return false
	}
	m := keyNumber(b[i:], "startxref", false)
	if m == nil {
		return false
	}
	off, _ := strconv.Atoi(string(m[1]))
	seen := map[int]bool{}
	for steps := 0; steps < 10000; steps++ {
		if off <= 0 || off >= len(b) {
			return false
		}
		if seen[off] {
			return true
		}
		seen[off] = true
		sec := b[off:]
		var dict []byte
		if t := bytes.Index(sec, []byte("trailer")); bytes.HasPrefix(bytes.TrimLeft(sec, " \r\n\t"), []byte("xref")) && t >= 0 {
			dict = sec[t:]
			if e := bytes.Index(dict, []byte("startxref")); e >= 0 {
				dict = dict[:e]
			}
		} else {
			dict = sec
			if e := bytes.Index(dict, []byte("stream")); e >= 0 {
				dict = dict[:e]
			}
		}
		if len(dict) > 4096 {
			dict = dict[:4096]
		}
		p := keyNumber(dict, "/Prev", false)
		if p == nil {
			return false
		}
		off, _ = strconv.Atoi(string(p[1]))
	}
	return true
}

var (
	objStart   = lazyre.New(`(\d{1,7})\s+\d{1,5}\s+obj\s*<<`)
	extendsRef = lazyre.New(`/Extends\s+(\d{1,7})\s+\d{1,5}\s+R`)
)

// dropExtendsCycles blanks the /Extends entries of object streams whose
// /Extends chain loops: the PDF library follows the chain without a bound
// when it looks for an object that none of the streams holds. Offsets do
// not move.
func dropExtendsCycles(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte("/Extends")) {
		return b, false
	}
	type link struct {
		to         int
		start, end int // of the /Extends entry
	}
	links := map[int]link{}
	for _, m := range objStart.FindAllSubmatchIndex(b, -1) {
		dict := b[m[1]:min(len(b), m[1]+4096)]
		if e := bytes.Index(dict, []byte("stream")); e >= 0 {
			dict = dict[:e]
		}
		if !bytes.Contains(dict, []byte("/ObjStm")) {
			continue
		}
		x := extendsRef.FindSubmatchIndex(dict)
		if x == nil {
			continue
		}
		id, err1 := strconv.Atoi(string(b[m[2]:m[3]]))
		to, err2 := strconv.Atoi(string(dict[x[2]:x[3]]))
		if err1 == nil && err2 == nil {
			links[id] = link{to: to, start: m[1] + x[0], end: m[1] + x[1]}
		}
	}
	var out []byte
	for id := range links {
		// Walk the chain from id; it loops back to id when id is on a cycle.
		cur, onCycle := id, false
		for range len(links) {
			l, ok := links[cur]
			if !ok {
				break
			}
			if cur = l.to; cur == id {
				onCycle = true
				break
			}
		}
		if !onCycle {
			continue
		}
		if out == nil {
			out = bytes.Clone(b)
		}
		l := links[id]
		for i := l.start; i < l.end; i++ {
			out[i] = ' '
		}
	}
	if out == nil {
		return b, false
	}
	return out, true
}
