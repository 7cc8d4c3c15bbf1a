package output

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Errors of an output target refused before anything is read or written.
var (
	ErrReadOnly   = errors.New("the file is read-only; make it writable (chmod u+w) or write elsewhere")
	ErrIsInput    = errors.New("it is also an input of this command, which would be overwritten")
	ErrIsDir      = errors.New("it is a directory")
	ErrIncomplete = errors.New("the result is incomplete")
)

// tempMarker names the temporary files this tool writes beside a target:
// ".NAME" + tempMarker + random. A sweep removes stale ones (left by a
// process that was killed) by this name.
const tempMarker = ".tmp-agreements-"

// staleAfter is how old a temporary file of ours must be before a later
// run removes it: older than any write takes, so that a concurrent
// writer's file is left alone.
const staleAfter = time.Hour

// Target is a file a command writes its result to (--out). It is checked
// by OpenTarget before the command reads anything, and written with Write.
//
// A regular file is written to a temporary file beside it, which replaces
// it only once complete and synced; a symlink is followed, so its target
// is replaced and the link kept; a device, named pipe or descriptor
// (/dev/null, /dev/stdout) is written in place.
type Target struct {
	Name string // as given

	path   string      // where it is written: Name with symbolic links resolved
	direct bool        // written in place: a device, named pipe or descriptor
	fi     os.FileInfo // the existing file, nil when there is none
}

// OpenTarget checks name as a place to write to: it resolves symbolic
// links, refuses a directory, a read-only file, and a file that is one of
// inputs (the same file, under any name), and sweeps stale temporary
// files of this tool from the directory it will write in.
func OpenTarget(name string, inputs []string) (*Target, error) {
	t := &Target{Name: name}
	fi, err := os.Stat(name)
	switch {
	case err == nil:
		t.fi = fi
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	switch {
	case t.fi != nil && t.fi.IsDir():
		return nil, fmt.Errorf("%s: %w", name, ErrIsDir)
	case t.fi != nil && !t.fi.Mode().IsRegular():
		t.direct, t.path = true, name
	default:
		p, err := resolve(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		t.path = p
		// A descriptor's file (/dev/stdout, /proc/self/fd/1 when the
		// shell redirected it to a file) is written in place, at its end,
		// as the shell opened it: replacing it would cut it off.
		if t.fi != nil && (strings.HasPrefix(p, "/proc/") || strings.HasPrefix(filepath.Clean(name), "/dev/fd/")) {
			t.direct = true
		}
	}
	if t.fi != nil {
		for _, in := range inputs {
			if in == "-" || in == "" {
				continue
			}
			if ifi, err := os.Stat(in); err == nil && os.SameFile(ifi, t.fi) {
				return nil, fmt.Errorf("%s: %w (%s)", name, ErrIsInput, in)
			}
		}
	}
	if t.fi != nil && t.fi.Mode().IsRegular() {
		// Root may write a file without write permission: the mode bits
		// are what the owner said, so they are checked themselves.
		if t.fi.Mode().Perm()&0o222 == 0 || syscall.Access(t.path, 2) != nil {
			return nil, fmt.Errorf("%s: %w", name, ErrReadOnly)
		}
	}
	if !t.direct {
		dir := filepath.Dir(t.path)
		if err := syscall.Access(dir, 2|1); err != nil { // W_OK|X_OK: the temporary file is made there
			return nil, fmt.Errorf("%s: cannot write in the directory %s: %w", name, dir, err)
		}
		sweep(dir, time.Now())
	}
	return t, nil
}

// SameFile reports whether fi is the file the target names (an input
// given on standard input, say).
func (t *Target) SameFile(fi os.FileInfo) bool {
	return t.fi != nil && fi != nil && os.SameFile(fi, t.fi)
}

// Replaces reports whether writing would replace an existing file's
// content: the target is a regular file, not a device or pipe.
func (t *Target) Replaces() bool {
	return t.fi != nil && t.fi.Mode().IsRegular() && !t.direct
}

// Path is where the target is written: its name with symbolic links
// resolved.
func (t *Target) Path() string { return t.path }

// Write writes the target with write. A regular file is replaced only
// when write, the sync and the rename all succeed; the temporary file is
// registered with temps (nil: none), which removes it if the process is
// interrupted, and is removed on any failure. The replaced file's
// permissions are kept; a new file is created 0644 less the umask. A
// device or pipe is written in place and its write errors returned
// (ENOSPC from /dev/full).
func (t *Target) Write(temps *Temps, write func(f *os.File) error) error {
	if t.direct {
		return t.writeDirect(write)
	}
	p, err := t.Begin(temps)
	if err != nil {
		return err
	}
	return p.Commit(write(p.File()))
}

// InPlace reports a target written in place (a device, a named pipe, a
// descriptor's file), which Begin does not write.
func (t *Target) InPlace() bool { return t.direct }

// Pending is a regular-file target being written as Write writes it, in
// steps: its temporary file is made (Begin), written by the caller
// (File), and then renamed onto the target (Commit) or removed (Abort).
type Pending struct {
	t     *Target
	temps *Temps
	f     *os.File
	tmp   string
	perm  os.FileMode
}

// Begin makes the temporary file of a target that is not written in
// place (InPlace), registered with temps (nil: none) as Write registers
// it. The error is the one Write returns when it cannot make it.
func (t *Target) Begin(temps *Temps) (*Pending, error) {
	if t.direct {
		return nil, fmt.Errorf("%s: written in place, not through a temporary file", t.Name)
	}
	dir, base := filepath.Split(t.path)
	if dir == "" {
		dir = "."
	}
	perm := os.FileMode(0o644)
	if t.fi != nil {
		perm = t.fi.Mode().Perm()
	}
	f, tmp, err := createTemp(dir, base, perm, temps)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name, unwrapPath(err))
	}
	return &Pending{t: t, temps: temps, f: f, tmp: tmp, perm: perm}, nil
}

// File is the temporary file to write.
func (p *Pending) File() *os.File { return p.f }

// Abort removes the temporary file: the target is left as it was.
func (p *Pending) Abort() {
	p.f.Close()
	os.Remove(p.tmp)
	p.temps.remove(p.tmp)
}

// Commit ends the writing: werr is the error of writing the temporary
// file (nil when it was written whole). The target is replaced only when
// werr is nil and the sync and the rename succeed, as Write does; the
// temporary file is removed on any failure.
func (p *Pending) Commit(werr error) error {
	t, f, tmp, perm := p.t, p.f, p.tmp, p.perm
	defer p.temps.remove(tmp)
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if werr != nil {
		return fail(fmt.Errorf("writing %s: %w", t.Name, unwrapPath(werr)))
	}
	if t.fi != nil {
		// The umask may have taken bits the old file had; an owner other
		// than the writer (root writing a user's file) is kept when the
		// system lets us.
		if err := f.Chmod(perm); err != nil {
			return fail(fmt.Errorf("%s: %w", t.Name, unwrapPath(err)))
		}
		if st, ok := t.fi.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid()) {
			_ = f.Chown(int(st.Uid), int(st.Gid))
		}
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("writing %s: %w", t.Name, unwrapPath(err)))
	}
	if err := f.Close(); err != nil {
		return fail(fmt.Errorf("writing %s: %w", t.Name, unwrapPath(err)))
	}
	if err := os.Rename(tmp, t.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", t.Name, unwrapPath(err))
	}
	return nil
}

// writeDirect writes a device, a named pipe or a descriptor's file in
// place: a regular file reached through a descriptor at its end.
func (t *Target) writeDirect(write func(f *os.File) error) error {
	flag := os.O_WRONLY
	if t.fi != nil && t.fi.Mode().IsRegular() {
		flag |= os.O_APPEND
	}
	f, err := os.OpenFile(t.Name, flag, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", t.Name, unwrapPath(err))
	}
	werr := write(f)
	cerr := f.Close()
	if werr != nil {
		return fmt.Errorf("writing %s: %w", t.Name, unwrapPath(werr))
	}
	if cerr != nil {
		return fmt.Errorf("writing %s: %w", t.Name, unwrapPath(cerr))
	}
	return nil
}

// createTemp creates a new temporary file for base in dir, with perm less
// the umask, registered with temps before it exists, so that no signal
// can come between its making and its registration. The name's 48 random
// bits come from the runtime's generator (ChaCha8, seeded by the system):
// a name taken (O_EXCL) is only drawn again, and crypto/rand, whose
// packages cost every start of the program time to set up, is not linked.
func createTemp(dir, base string, perm os.FileMode, temps *Temps) (*os.File, string, error) {
	var b [8]byte
	for range 100 {
		binary.LittleEndian.PutUint64(b[:], rand.Uint64())
		name := filepath.Join(dir, "."+base+tempMarker+hex.EncodeToString(b[:6]))
		temps.add(name)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err != nil {
			temps.remove(name)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", fmt.Errorf("no free temporary name in %s", dir)
}

// resolve follows the symbolic links of name, also when the last one
// points to a file that does not exist yet (a new file is then created
// where the link points).
func resolve(name string) (string, error) {
	p, err := filepath.EvalSymlinks(name)
	if err == nil {
		return p, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	p = name
	for range 40 {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			dir, err := filepath.EvalSymlinks(filepath.Dir(p))
			if err != nil {
				return "", err
			}
			return filepath.Join(dir, filepath.Base(p)), nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("too many levels of symbolic links")
}

// sweep removes the temporary files of this tool in dir that are older
// than staleAfter: left by a process killed while it wrote (SIGKILL
// cannot be caught). The names of older versions (".NAME.tmp-DIGITS")
// are swept too.
func sweep(dir string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !isOurTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < staleAfter {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// isOurTemp reports whether name is a temporary file name this tool
// makes, now (".NAME.tmp-agreements-HEX") or before (".NAME.tmp-DIGITS").
func isOurTemp(name string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	if i := strings.LastIndex(name, tempMarker); i > 1 {
		return isHex(name[i+len(tempMarker):])
	}
	if i := strings.LastIndex(name, ".tmp-"); i > 1 {
		return isDigits(name[i+len(".tmp-"):])
	}
	return false
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
