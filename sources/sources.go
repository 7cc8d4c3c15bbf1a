// Package sources reads the sources file of a yearly refresh: the lists to
// fetch (a URL or a path), whose they are, and the options each one needs.
//
// The file is TOML, one [[source]] table per list:
//
//	[[source]]
//	name = "partners"
//	url = "https://www.example.ac.jp/international/partners.html"
//	institution = "Example University"
package sources

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agreements/agreements/internal/lazyre"
)

// DefaultMaxRemoved is the share of the previous snapshot's agreements a
// new snapshot may remove before it is held for a person to look at.
const DefaultMaxRemoved = 0.20

// Source is one list to refresh.
type Source struct {
	// Name identifies the source in the report, in --only and --accept,
	// and in the store. Letters, digits, '.', '_' and '-'.
	Name string `toml:"name"`
	// URL (http or https) of the list, or of an index page when Link is
	// set. Exactly one of URL and Path is given.
	URL string `toml:"url"`
	// Path of the list on disk; a relative path is taken from the sources
	// file's directory.
	Path string `toml:"path"`
	// Link is a regular expression that picks the list's link on the
	// index page at URL: the first <a href> whose address or text
	// matches it is fetched.
	Link string `toml:"link"`
	// Institution is the home institution's name (the publisher).
	Institution string `toml:"institution"`
	// Dates says how the list writes a/b/YYYY dates: "month-first" or
	// "day-first".
	Dates string `toml:"dates"`
	// Level is the agreements' level ("university" or "department") when
	// the document does not say.
	Level string `toml:"level"`
	// Password opens a protected PDF.
	Password string `toml:"password"`
	// MaxRemoved is the share of the previous snapshot's agreements this
	// list may remove before the new snapshot is held (0.2 or "20%").
	MaxRemoved Share `toml:"max_removed"`

	linkRE *regexp.Regexp
}

// LinkPattern returns the compiled Link, or nil when there is none.
func (s *Source) LinkPattern() *regexp.Regexp { return s.linkRE }

// Location is where the source is read from: its URL or its path.
func (s *Source) Location() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// Threshold is the source's MaxRemoved, or the default when not set.
func (s *Source) Threshold() float64 {
	if !s.MaxRemoved.Set {
		return DefaultMaxRemoved
	}
	return s.MaxRemoved.Value
}

// Share is a fraction between 0 and 1, written in TOML as a number (0.2)
// or a percentage string ("20%").
type Share struct {
	Value float64
	Set   bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (s *Share) UnmarshalTOML(v any) error {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case int64:
		f = float64(x)
	case string:
		t := strings.TrimSpace(x)
		if !strings.HasSuffix(t, "%") {
			return fmt.Errorf("%q: want a share such as 0.2 or \"20%%\"", x)
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64)
		if err != nil {
			return fmt.Errorf("%q: want a share such as 0.2 or \"20%%\"", x)
		}
		f = p / 100
	default:
		return fmt.Errorf("%v: want a share such as 0.2 or \"20%%\"", v)
	}
	if f < 0 || f > 1 {
		return fmt.Errorf("%v: a share must be between 0 and 1 (0%% and 100%%)", v)
	}
	s.Value, s.Set = f, true
	return nil
}

// File is a parsed sources file.
type File struct {
	Path    string    `toml:"-"`
	Sources []*Source `toml:"source"`
}

// Names returns the sources' names in file order.
func (f *File) Names() []string {
	names := make([]string, len(f.Sources))
	for i, s := range f.Sources {
		names[i] = s.Name
	}
	return names
}

// Select returns the sources named, in file order; every name must exist.
// No names selects every source.
func (f *File) Select(names []string) ([]*Source, error) {
	if len(names) == 0 {
		return f.Sources, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	var out []*Source
	for _, s := range f.Sources {
		if want[s.Name] {
			out = append(out, s)
			delete(want, s.Name)
		}
	}
	if len(want) > 0 {
		var missing []string
		for _, n := range names {
			if want[n] {
				missing = append(missing, n)
				delete(want, n)
			}
		}
		return nil, fmt.Errorf("%s: no source named %s", f.Path, strings.Join(missing, ", "))
	}
	return out, nil
}

// Load reads and checks a sources file.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, b)
}

var nameRE = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Parse reads a sources file's bytes; name is the file's path, used in
// messages and to resolve relative paths.
func Parse(name string, b []byte) (*File, error) {
	f := &File{Path: name}
	md, err := toml.Decode(string(b), f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: line %d: %s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: unknown key %s", name, strings.Join(keys, ", "))
	}
	if len(f.Sources) == 0 {
		return nil, fmt.Errorf("%s: no [[source]] given", name)
	}
	var errs []error
	seen := map[string]bool{}
	for i, s := range f.Sources {
		where := fmt.Sprintf("%s: source %d", name, i+1)
		if s.Name != "" {
			where = fmt.Sprintf("%s: source %q", name, s.Name)
		}
		if serrs := s.check(filepath.Dir(name)); len(serrs) > 0 {
			for _, err := range serrs {
				errs = append(errs, fmt.Errorf("%s: %w", where, err))
			}
			continue
		}
		if seen[s.Name] {
			errs = append(errs, fmt.Errorf("%s: the name is used twice", where))
		}
		seen[s.Name] = true
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return f, nil
}

// check validates a source and resolves its path against dir.
func (s *Source) check(dir string) []error {
	var errs []error
	if s.Name == "" {
		errs = append(errs, errors.New("no name"))
	} else if !nameRE.MatchString(s.Name) {
		errs = append(errs, fmt.Errorf("name %q: use letters, digits, '.', '_' and '-'", s.Name))
	}
	switch {
	case s.URL == "" && s.Path == "":
		errs = append(errs, errors.New("neither url nor path given"))
	case s.URL != "" && s.Path != "":
		errs = append(errs, errors.New("both url and path given: give one"))
	case s.URL != "":
		u, err := url.Parse(s.URL)
		if err != nil {
			errs = append(errs, fmt.Errorf("url: %w", err))
		} else if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			errs = append(errs, fmt.Errorf("url %q: want an http or https address", s.URL))
		}
	default:
		if !filepath.IsAbs(s.Path) {
			s.Path = filepath.Join(dir, s.Path)
		}
	}
	if s.Link != "" {
		if s.URL == "" {
			errs = append(errs, errors.New("link needs a url (the index page to look on)"))
		}
		re, err := regexp.Compile(s.Link)
		if err != nil {
			errs = append(errs, fmt.Errorf("link: %w", err))
		}
		s.linkRE = re
	}
	switch s.Dates {
	case "", "month-first", "day-first":
	default:
		errs = append(errs, fmt.Errorf("dates %q: want month-first or day-first", s.Dates))
	}
	switch s.Level {
	case "", "university", "department":
	default:
		errs = append(errs, fmt.Errorf("level %q: want university or department", s.Level))
	}
	return errs
}
