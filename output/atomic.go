package output

import (
	"os"
)

// WriteFileAtomic calls write with a temporary file in path's directory and,
// only when write and Sync succeed, renames it onto path (through a
// symbolic link, onto its target, keeping the replaced file's mode). On any
// failure the temporary file is removed and path is left as it was. It is
// Target.Write without OpenTarget's checks, for files the program keeps
// itself (a cache).
func WriteFileAtomic(path string, write func(f *os.File) error) error {
	t := &Target{Name: path, path: path}
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		t.fi = fi
	}
	if p, err := resolve(path); err == nil {
		t.path = p
	}
	return t.Write(nil, write)
}
