//go:build !norewrite

package pdf

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The last resort for a file that the PDF library refuses even after the
// byte-level repairs: pdfcpu reads it (it rebuilds a broken cross-reference
// table, and knows the RC4 and AES crypt filters and object streams) and
// writes it out again with a plain cross-reference table, no object streams
// and no encryption, which the library opens. The user password is the one
// given (Options.Password), else the empty one.

// rewriteConfig is pdfcpu's configuration for the rewrite, built here rather
// than loaded: pdfcpu's default configuration lives in a file under the
// user's configuration directory, which it creates on first use.
func rewriteConfig(password string) *model.Configuration {
	limits := model.DefaultResourceLimits()
	limits.MaxStreamBytes = min(limits.MaxStreamBytes, maxRewriteBytes)
	limits.MaxDecodeBytes = min(limits.MaxDecodeBytes, maxRewriteBytes)
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		WriteObjectStream:         false,
		WriteXRefStream:           false,
		Cmd:                       model.OPTIMIZE, // the command under which pdfcpu drops the encryption
		RemoveEncryption:          true,
		UserPW:                    password,
		Limits:                    limits,
	}
}

// Bounds on the rewrite: what it reads of one stream, and how long the
// reading may take.
const (
	maxRewriteBytes = 256 << 20
	rewriteTimeout  = 30 * time.Second
)

// rewrite returns b read and written again by pdfcpu. A panic inside pdfcpu
// is its error, like one inside the PDF library. mended says that some
// stream's /Length was wrong and the stream was written whole (see
// mendLengths): the document names the repair pdf:stream_length.
func rewrite(b []byte, password string) (out []byte, mended bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, mended, err = nil, false, fmt.Errorf("rewriting the file: %v", r)
		}
	}()
	c, cancel := context.WithTimeout(context.Background(), rewriteTimeout)
	defer cancel()
	ctx, err := pdfcpu.ReadWithContext(c, bytes.NewReader(b), rewriteConfig(password))
	if err != nil {
		return nil, false, fmt.Errorf("rewriting the file: %w", err)
	}
	if ctx.XRefTable == nil || ctx.RootDict == nil {
		return nil, false, errors.New("rewriting the file: no document catalog")
	}
	// pdfcpu writes by walking every object number up to the size it
	// read, which a cross-reference section can put at billions.
	if x := ctx.XRefTable; x.Size != nil && int64(*x.Size) > maxObjectNumber(len(b)) {
		return nil, false, fmt.Errorf("rewriting the file: %w: objects numbered up to %d, more than a file of %d bytes can hold", errXref, *x.Size-1, len(b))
	}
	mended = mendLengths(ctx.XRefTable, b)
	var buf bytes.Buffer
	buf.Grow(len(b))
	w := bufio.NewWriter(&buf)
	ctx.Write.Writer = w
	if err := pdfcpu.WriteContext(ctx); err != nil {
		return nil, false, fmt.Errorf("rewriting the file: %w", err)
	}
	if err := w.Flush(); err != nil {
		return nil, false, fmt.Errorf("rewriting the file: %w", err)
	}
	return buf.Bytes(), mended, nil
}

// mendLengths gives every stream pdfcpu read from b with a wrong /Length
// its whole data, as the library's reading does (lengthOf): pdfcpu reads
// as many bytes as the length says, so a short one would be written cut,
// and the rewritten file would read wrong with nothing to show it. It
// reports whether any stream was mended. The streams of an encrypted file
// are left as pdfcpu read them (it has decrypted them: their bytes in b
// are not what it keeps), as are object and cross-reference streams,
// whose objects pdfcpu has already read.
func mendLengths(x *model.XRefTable, b []byte) bool {
	if x.Encrypt != nil {
		return false
	}
	src := bytes.NewReader(b)
	mended := false
	for _, nr := range slices.Sorted(maps.Keys(x.Table)) {
		e := x.Table[nr]
		if e == nil || e.Free || e.Compressed {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || sd.StreamLength == nil || sd.StreamOffset <= 0 || sd.StreamOffset > int64(len(b)) {
			continue
		}
		if t := sd.Type(); t != nil && (*t == "ObjStm" || *t == "XRef") {
			continue
		}
		n, fixed := realLength(src, sd.StreamOffset, *sd.StreamLength, true)
		if !fixed || sd.StreamOffset+n > int64(len(b)) {
			continue
		}
		sd.Raw = bytes.Clone(b[sd.StreamOffset : sd.StreamOffset+n])
		sd.Content = nil
		sd.StreamLength = &n
		sd.StreamLengthObjNr = nil
		sd.Dict["Length"] = types.Integer(n)
		e.Object = sd
		mended = true
	}
	return mended
}

// rewriteWrongPassword reports whether the rewrite failed for want of the
// right password.
func rewriteWrongPassword(err error) bool { return errors.Is(err, pdfcpu.ErrWrongPassword) }
