package pdf

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
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
// is its error, like one inside the PDF library.
func rewrite(b []byte, password string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("rewriting the file: %v", r)
		}
	}()
	c, cancel := context.WithTimeout(context.Background(), rewriteTimeout)
	defer cancel()
	ctx, err := pdfcpu.ReadWithContext(c, bytes.NewReader(b), rewriteConfig(password))
	if err != nil {
		return nil, fmt.Errorf("rewriting the file: %w", err)
	}
	if ctx.XRefTable == nil || ctx.RootDict == nil {
		return nil, errors.New("rewriting the file: no document catalog")
	}
	// pdfcpu writes by walking every object number up to the size it
	// read, which a cross-reference section can put at billions.
	if x := ctx.XRefTable; x.Size != nil && int64(*x.Size) > maxObjectNumber(len(b)) {
		return nil, fmt.Errorf("rewriting the file: %w: objects numbered up to %d, more than a file of %d bytes can hold", errXref, *x.Size-1, len(b))
	}
	var buf bytes.Buffer
	buf.Grow(len(b))
	w := bufio.NewWriter(&buf)
	ctx.Write.Writer = w
	if err := pdfcpu.WriteContext(ctx); err != nil {
		return nil, fmt.Errorf("rewriting the file: %w", err)
	}
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("rewriting the file: %w", err)
	}
	return buf.Bytes(), nil
}

// cutShort reports whether b lacks the end-of-file marker that every
// complete PDF (every revision of it) ends with: a download cut short.
func cutShort(b []byte) bool {
	return !bytes.Contains(b, []byte("%%EOF"))
}
