package diff

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"sync"

	"github.com/agreements/agreements/agreement"
)

// Snapshot is one side of a comparison, read as it goes. Each calls fn
// with the snapshot's records in order, and returns fn's error as it is
// when fn fails; it is called twice: once for what every record gives
// (its key and a digest of its compared fields), once for the records the
// result reports (added, removed, changed, renamed).
type Snapshot struct {
	Name string
	Each func(fn func(agreement.Record) error) error
}

// Records is a snapshot of records held in memory.
func Records(name string, recs []agreement.Record) Snapshot {
	return Snapshot{Name: name, Each: func(fn func(agreement.Record) error) error {
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}}
}

// digest is what the first reading keeps of each record of a side:
// about 60 bytes a record, so that memory holds neither the records nor
// the file.
type digest struct {
	ids   []string
	pos   [][2]int    // source page and row, for the key order
	sums  [][2]uint64 // the compared fields but as_of
	asOf  []uint32    // index into asOfs
	asOfs []string
}

// seeds digest the compared fields: two seeds, for 128 bits, and the
// fields, listed once.
type seeds struct {
	seeds  [2]maphash.Seed
	fields []string
}

func newSeeds() seeds {
	return seeds{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, fields: Fields()}
}

// sum digests the fields compare compares, as_of aside: two records of
// one sum have the same fields (flags as sets).
func (s seeds) sum(r *agreement.Record) [2]uint64 {
	var h [2]maphash.Hash
	h[0].SetSeed(s.seeds[0])
	h[1].SetSeed(s.seeds[1])
	var n [8]byte
	write := func(b []byte, v string) {
		for k := range h {
			h[k].Write(b)
			h[k].WriteString(v)
		}
	}
	str := func(v string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(v)))
		write(n[:], v)
	}
	for _, f := range s.fields {
		if v, ok := textField(r, f); ok {
			if f != "as_of" {
				str(v)
			}
			continue
		}
		switch f {
		case "fee_waiver":
			if r.FeeWaiver {
				write([]byte{1}, "")
			} else {
				write([]byte{0}, "")
			}
		case "flags":
			flags := r.Flags
			if len(flags) > 1 {
				flags = slices.Clone(flags)
				slices.Sort(flags)
				flags = slices.Compact(flags)
			}
			binary.LittleEndian.PutUint64(n[:], uint64(len(flags)))
			write(n[:], "")
			for _, fl := range flags {
				str(fl)
			}
		}
	}
	return [2]uint64{h[0].Sum64(), h[1].Sum64()}
}

// read makes a side's digest.
func read(s Snapshot, sd seeds) (*digest, error) {
	d := &digest{}
	asOfs := map[string]uint32{}
	err := s.Each(func(r agreement.Record) error {
		a, ok := asOfs[r.AsOf]
		if !ok {
			a = uint32(len(d.asOfs))
			asOfs[r.AsOf] = a
			d.asOfs = append(d.asOfs, r.AsOf)
		}
		d.ids = append(d.ids, r.ID)
		d.pos = append(d.pos, [2]int{r.Source.Page, r.Source.Row})
		d.sums = append(d.sums, sd.sum(&r))
		d.asOf = append(d.asOf, a)
		return nil
	})
	return d, err
}

// keys is agreement.Keys on a digest.
func (d *digest) keys() []string {
	idx := make([]int, len(d.ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(d.pos[a][0], d.pos[b][0]); c != 0 {
			return c
		}
		return cmp.Compare(d.pos[a][1], d.pos[b][1])
	})
	keys := make([]string, len(d.ids))
	seen := make(map[string]int, len(d.ids))
	for _, i := range idx {
		id := d.ids[i]
		seen[id]++
		keys[i] = agreement.Key(id, seen[id])
	}
	return keys
}

// uniformAsOf returns the as-of date every record shares, and whether
// they all share one.
func (d *digest) uniformAsOf() (string, bool) {
	if len(d.asOfs) != 1 {
		return "", false
	}
	return d.asOfs[0], true
}

// errEnough ends a reading once every record wanted is read.
var errEnough = errors.New("every record wanted is read")

// fetch reads again the records of s at the given indexes (ascending),
// checking that they are the ones the digest was made from.
func fetch(s Snapshot, d *digest, want []int) ([]agreement.Record, error) {
	out := make([]agreement.Record, 0, len(want))
	if len(want) == 0 {
		return out, nil
	}
	i := 0
	err := s.Each(func(r agreement.Record) error {
		if i < len(d.ids) && r.ID != d.ids[i] {
			return fmt.Errorf("%s: record %d has id %s, was %s: the file changed while it was compared", agreement.QuoteName(s.Name), i+1, r.ID, d.ids[i])
		}
		if len(out) < len(want) && want[len(out)] == i {
			out = append(out, r)
			if len(out) == len(want) {
				return errEnough
			}
		}
		i++
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	if len(out) < len(want) {
		return nil, fmt.Errorf("%s: %d records, was %d: the file changed while it was compared", agreement.QuoteName(s.Name), i, len(d.ids))
	}
	return out, nil
}

// both runs f and g at once (the two sides of a comparison, read on two
// cores) and returns when both have.
func both(f, g func()) {
	var wg sync.WaitGroup
	wg.Go(g)
	f()
	wg.Wait()
}

// CompareSnapshots is Compare on snapshots read as they go: memory holds
// about 60 bytes a record and the records the result reports, not both
// snapshots. Each snapshot is read twice, the two at once; an error of
// either reading is returned as it is, the old snapshot's first.
func CompareSnapshots(oldSnap, curSnap Snapshot) (*Result, error) {
	sd := newSeeds()
	var od, cd *digest
	var oerr, cerr error
	both(func() { od, oerr = read(oldSnap, sd) }, func() { cd, cerr = read(curSnap, sd) })
	if oerr != nil {
		return nil, oerr
	}
	if cerr != nil {
		return nil, cerr
	}
	res := &Result{OldFile: oldSnap.Name, NewFile: curSnap.Name,
		Added: []agreement.Record{}, Removed: []agreement.Record{}, Changed: []Change{}, Renamed: []Rename{}, Hints: []Hint{}}
	oa, ook := od.uniformAsOf()
	na, nok := cd.uniformAsOf()
	skipAsOf := ook && nok
	if skipAsOf && oa != na {
		res.Summary.AsOf = &FieldChange{Old: oa, New: na}
	}

	// Records are matched by key (agreement.Keys), as Compare says.
	oldByKey := make(map[string]int32, len(od.ids))
	for i, k := range od.keys() {
		oldByKey[k] = int32(i)
	}
	curKeys := cd.keys()
	matched := make([]bool, len(od.ids))
	var added []int
	var changed [][2]int // old and new index, in new's order
	unchanged := 0
	for j, k := range curKeys {
		i32, ok := oldByKey[k]
		if !ok {
			added = append(added, j)
			continue
		}
		i := int(i32)
		matched[i] = true
		if od.sums[i] == cd.sums[j] && (skipAsOf || od.asOfs[od.asOf[i]] == cd.asOfs[cd.asOf[j]]) {
			unchanged++
			continue
		}
		changed = append(changed, [2]int{i, j})
	}
	curKeys, oldByKey = nil, nil
	var removed []int
	for i := range od.ids {
		if !matched[i] {
			removed = append(removed, i)
		}
	}

	// The records reported, read again.
	wantOld, wantCur := slices.Clone(removed), slices.Clone(added)
	for _, c := range changed {
		wantOld, wantCur = append(wantOld, c[0]), append(wantCur, c[1])
	}
	slices.Sort(wantOld)
	slices.Sort(wantCur)
	var oldRecs, curRecs []agreement.Record
	both(func() { oldRecs, oerr = fetch(oldSnap, od, wantOld) }, func() { curRecs, cerr = fetch(curSnap, cd, wantCur) })
	if oerr != nil {
		return nil, oerr
	}
	if cerr != nil {
		return nil, cerr
	}
	at := func(want []int, i int) int { return sort.SearchInts(want, i) }

	for _, c := range changed {
		o, n := &oldRecs[at(wantOld, c[0])], &curRecs[at(wantCur, c[1])]
		fields := compare(o, n, skipAsOf)
		if len(fields) == 0 {
			unchanged++
			continue
		}
		res.Changed = append(res.Changed, Change{ID: n.ID, Level: n.Level, Country: n.Country,
			Partner: n.Partner, Fields: fields, Old: o.Source, New: n.Source})
	}
	// Removed and added, as indexes into the records read again (their
	// order is the snapshots' order).
	rem, add := make([]int, len(removed)), make([]int, len(added))
	for k, i := range removed {
		rem[k] = at(wantOld, i)
	}
	for k, j := range added {
		add[k] = at(wantCur, j)
	}
	finish(res, oldRecs, rem, curRecs, add, skipAsOf)
	res.Summary.Old, res.Summary.New = len(od.ids), len(cd.ids)
	res.Summary.Unchanged = unchanged
	return res, nil
}
