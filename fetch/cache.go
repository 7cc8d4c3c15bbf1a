package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/parser"
)

// Cache keeps every body fetched, under its SHA-256 (bodies/ab/abcd….pdf),
// and for each address the validators of its last answer (http/*.json), so
// the next request can be conditional.
type Cache struct {
	dir string
}

// OpenCache opens (creating it if needed) the cache in dir.
func OpenCache(dir string) (*Cache, error) {
	for _, sub := range []string{"bodies", "http"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	return &Cache{dir: dir}, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Digest is the hex SHA-256 of b.
func Digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func extension(b []byte) string {
	switch parser.Detect(b) {
	case parser.FormatPDF:
		return ".pdf"
	case parser.FormatHTML:
		return ".html"
	case parser.FormatXLSX:
		return ".xlsx"
	}
	return ".bin"
}

// BodyPath is where the body with this digest is kept (whether or not it
// is there). The extension follows the bytes, so a browser opens it.
func (c *Cache) BodyPath(sum string, b []byte) string {
	return filepath.Join(c.dir, "bodies", sum[:2], sum+extension(b))
}

// PutBody keeps b and returns its digest and path. A body already kept is
// not written again.
func (c *Cache) PutBody(b []byte) (sum, path string, err error) {
	sum = Digest(b)
	path = c.BodyPath(sum, b)
	if _, err := os.Stat(path); err == nil {
		return sum, path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", "", fmt.Errorf("cache: %w", err)
	}
	err = output.WriteFileAtomic(path, func(f *os.File) error {
		_, err := f.Write(b)
		return err
	})
	if err != nil {
		return "", "", fmt.Errorf("cache: %w", err)
	}
	return sum, path, nil
}

// Body returns the kept body with digest sum and its path. It fails when
// the body is missing or no longer matches its digest.
func (c *Cache) Body(sum string) ([]byte, string, error) {
	if len(sum) != 64 {
		return nil, "", fmt.Errorf("cache: %q is not a SHA-256", sum)
	}
	matches, _ := filepath.Glob(filepath.Join(c.dir, "bodies", sum[:2], sum+".*"))
	if len(matches) == 0 {
		return nil, "", fmt.Errorf("cache: no body %s: %w", sum, fs.ErrNotExist)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		return nil, "", fmt.Errorf("cache: %w", err)
	}
	if Digest(b) != sum {
		return nil, "", fmt.Errorf("cache: %s does not match its digest", matches[0])
	}
	return b, matches[0], nil
}

// validators are what an address answered last, for a conditional request.
type validators struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"`
	ContentType  string    `json:"content_type,omitempty"`
	Fetched      time.Time `json:"fetched"`
}

func (c *Cache) validatorPath(url string) string {
	return filepath.Join(c.dir, "http", Digest([]byte(url))[:32]+".json")
}

// validators returns what url answered last, or nil when nothing usable is
// kept.
func (c *Cache) validators(url string) *validators {
	b, err := os.ReadFile(c.validatorPath(url))
	if err != nil {
		return nil
	}
	var v validators
	if json.Unmarshal(b, &v) != nil || v.URL != url || (v.ETag == "" && v.LastModified == "") {
		return nil
	}
	return &v
}

func (c *Cache) putValidators(v *validators) error {
	path := c.validatorPath(v.URL)
	if v.ETag == "" && v.LastModified == "" {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cache: %w", err)
		}
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	err = output.WriteFileAtomic(path, func(f *os.File) error {
		_, err := f.Write(append(b, '\n'))
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
