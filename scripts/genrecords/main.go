// Command genrecords writes a large NDJSON record file for measuring
// audit, diff and load: the records of the fixtures' golden files, their
// partner names varied with made-up place names, their dates and rows
// varied, ids computed again. With -next it writes the following year's
// list of the same records instead: 1% changed, 0.5% removed, 0.5% added,
// 0.2% renamed (a letter of the partner's name changed). With
// -institution every record has that home institution, as load wants.
// With -similar every record is in one country and its partner's name is
// one name with one or two letters changed (the near-duplicate check's
// hardest case).
//
//	go run ./scripts/genrecords -n 1000000 > old.ndjson
//	go run ./scripts/genrecords -n 1000000 -next > new.ndjson
//	go run ./scripts/genrecords -n 200000 -similar > similar.ndjson
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

func main() {
	n := flag.Int("n", 200_000, "records to write")
	next := flag.Bool("next", false, "write the following year's list")
	fixtures := flag.String("fixtures", "fixtures", "the fixtures directory")
	home := flag.String("institution", "", "give every record this home institution (load takes one a snapshot)")
	similar := flag.Bool("similar", false, "one country, partner names one name with one or two letters changed")
	flag.Parse()
	if err := run(*n, *next, *similar, *fixtures, *home); err != nil {
		fmt.Fprintf(os.Stderr, "genrecords: %v\n", err)
		os.Exit(1)
	}
}

func run(n int, next, similar bool, dir, home string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*", "records.golden.ndjson"))
	if err != nil {
		return err
	}
	var templates []agreement.Record
	for _, name := range files {
		if fi, err := os.Stat(name); err != nil || fi.Size() == 0 {
			continue // a fixture that gives no records
		}
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		recs, err := output.ReadRecords(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		templates = append(templates, recs...)
	}
	if len(templates) == 0 {
		return fmt.Errorf("no records under %s", dir)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	places := make([]string, 20_000)
	for i := range places {
		b := make([]byte, 5+rng.IntN(6))
		for j := range b {
			b[j] = byte('a' + rng.IntN(26))
		}
		b[0] -= 'a' - 'A'
		places[i] = string(b)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	change := rand.New(rand.NewPCG(5, 6))
	write := func(r agreement.Record) error {
		r.ID = agreement.ComputeID(r)
		return enc.Encode(r)
	}
	for i := range n {
		r := templates[rng.IntN(len(templates))]
		r.Partner = r.Partner + ", " + places[rng.IntN(len(places))] + " Campus"
		if similar {
			b := []byte("Universidad Nacional Autonoma de Mexico")
			for range 1 + rng.IntN(2) {
				b[rng.IntN(len(b))] = byte('a' + rng.IntN(26))
			}
			r.Partner, r.PartnerAlt = string(b), ""
			r.Region, r.Country, r.CountryCode = "Latin America", "Mexico", "MX"
		}
		r.Signed = fmt.Sprintf("%d-%02d-%02d", 1960+rng.IntN(64), 1+rng.IntN(12), 1+rng.IntN(28))
		r.AsOf = "2024-05-01"
		if home != "" {
			r.HomeInstitution = home
		}
		r.Source.File = "list-2024.pdf"
		r.Source.Page, r.Source.Row = i/40+1, i%40+1
		if !next {
			if err := write(r); err != nil {
				return err
			}
			continue
		}
		r.AsOf = "2025-05-01"
		r.Source.File = "list-2025.pdf"
		switch p := change.IntN(1000); {
		case p < 5: // removed
			continue
		case p < 10: // added
			if err := write(r); err != nil {
				return err
			}
			r.Partner = "New Partner of " + places[change.IntN(len(places))] + " " + r.Partner
		case p < 12: // renamed
			b := []byte(r.Partner)
			b[1+change.IntN(len(b)-2)] = byte('a' + change.IntN(26))
			r.Partner = string(b)
		case p < 22: // changed
			r.Signed = fmt.Sprintf("%d-%02d-%02d", 1960+change.IntN(64), 1+change.IntN(12), 1+change.IntN(28))
		}
		if err := write(r); err != nil {
			return err
		}
	}
	return w.Flush()
}
