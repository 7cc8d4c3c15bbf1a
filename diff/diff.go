// Package diff compares two snapshots of one agreement list (last year's
// and this year's, say) and reports the agreements added, removed, changed
// and renamed.
package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/names"
)

// FieldChange is one field's value in the old and the new snapshot, as
// JSON values (strings, booleans, arrays of strings).
type FieldChange struct {
	Old any `json:"old"`
	New any `json:"new"`
}

// Change is an agreement present in both snapshots whose fields differ.
type Change struct {
	ID      string                 `json:"id"`
	Level   string                 `json:"level"`
	Country string                 `json:"country"`
	Partner string                 `json:"partner"`
	Fields  map[string]FieldChange `json:"fields"`
	Old     agreement.Source       `json:"old_source"`
	New     agreement.Source       `json:"new_source"`
}

// Rename is a removed and an added agreement in the same country and
// level taken for one agreement whose partner was renamed or respelled.
// Fields lists every field that differs, partner included; By says what
// made the pair.
type Rename struct {
	Old    agreement.Record       `json:"old"`
	New    agreement.Record       `json:"new"`
	Fields map[string]FieldChange `json:"fields"`
	By     string                 `json:"by"`
}

// What a rename was recognised by (Rename.By).
const (
	// RenameNearDuplicate: the partner names are near-duplicates
	// (names.NearDuplicate: Tallin / Tallinn).
	RenameNearDuplicate = "near_duplicate"
	// RenamePartnerAlt: both give the same other-language name.
	RenamePartnerAlt = "partner_alt"
	// RenameSameFields: every other field stayed the same (level,
	// country, home unit, the signing date known to the day, flags), and
	// the pair is the only removed and added agreement with those values
	// in its group: a rename beyond spelling (University of Padova /
	// University of Padua).
	RenameSameFields = "same_fields"
)

// Hint is something about the two snapshots as a whole that explains
// their differences better than the differences do, such as the home
// institution given to one and not to the other, which changes every id.
type Hint struct {
	Kind    string `json:"kind"`    // HintIdentity
	Message string `json:"message"` // one line for people
	Field   string `json:"field"`   // the identity field that differs
	Old     string `json:"old"`     // its most common value in OLD, among the pairs
	New     string `json:"new"`     // and in NEW
	Pairs   int    `json:"pairs"`   // removed and added agreements that are the same partner
}

// HintIdentity: agreements reported removed and added are the same
// partners, with an identity field (most often home_institution) that
// differs throughout, so their ids differ.
const HintIdentity = "identity"

// GroupCount counts the differences of one country or level.
type GroupCount struct {
	Key     string `json:"key"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
	Renamed int    `json:"renamed"`
}

// Summary counts the differences.
type Summary struct {
	Old       int          `json:"old"`
	New       int          `json:"new"`
	Added     int          `json:"added"`
	Removed   int          `json:"removed"`
	Changed   int          `json:"changed"`
	Renamed   int          `json:"renamed"`
	Unchanged int          `json:"unchanged"`
	AsOf      *FieldChange `json:"as_of,omitempty"` // the list's as-of date, when every record of each snapshot shares one and it changed
	ByCountry []GroupCount `json:"by_country"`
	ByLevel   []GroupCount `json:"by_level"`
}

// Result is the difference between two snapshots.
type Result struct {
	OldFile string             `json:"old_file"`
	NewFile string             `json:"new_file"`
	Added   []agreement.Record `json:"added"`
	Removed []agreement.Record `json:"removed"`
	Changed []Change           `json:"changed"`
	Renamed []Rename           `json:"renamed"`
	Hints   []Hint             `json:"hints"`
	Summary Summary            `json:"summary"`
}

// Empty reports whether the snapshots hold the same agreements with the
// same fields (as_of aside when it is the list's own date).
func (r *Result) Empty() bool {
	return len(r.Added) == 0 && len(r.Removed) == 0 && len(r.Changed) == 0 && len(r.Renamed) == 0 && r.Summary.AsOf == nil
}

// Fields returns the fields a diff compares, in report order: every field
// of the record but schema, id (the match key), source and repairs.
func Fields() []string {
	return agreement.FieldNames(true)
}

func field(r *agreement.Record, name string) any {
	if s, ok := textField(r, name); ok {
		return s
	}
	switch name {
	case "fee_waiver":
		return r.FeeWaiver
	case "flags":
		if r.Flags == nil {
			return []string{}
		}
		return r.Flags
	}
	return nil
}

// textField returns a field that is text, and false for the others.
func textField(r *agreement.Record, name string) (string, bool) {
	switch name {
	case "home_institution":
		return r.HomeInstitution, true
	case "level":
		return r.Level, true
	case "region":
		return r.Region, true
	case "country":
		return r.Country, true
	case "country_code":
		return r.CountryCode, true
	case "partner":
		return r.Partner, true
	case "partner_unit":
		return r.PartnerUnit, true
	case "home_unit":
		return r.HomeUnit, true
	case "signed":
		return r.Signed, true
	case "agreement_type":
		return r.AgreementType, true
	case "valid_until":
		return r.ValidUntil, true
	case "partner_alt":
		return r.PartnerAlt, true
	case "as_of":
		return r.AsOf, true
	}
	return "", false
}

// equal compares two field values; flags compare as sets.
func equal(name string, a, b any) bool {
	if name == "flags" {
		x, y := slices.Clone(a.([]string)), slices.Clone(b.([]string))
		slices.Sort(x)
		slices.Sort(y)
		return slices.Equal(slices.Compact(x), slices.Compact(y))
	}
	return a == b
}

// compare returns the fields that differ between o and n; as_of is left
// out when skipAsOf.
func compare(o, n *agreement.Record, skipAsOf bool) map[string]FieldChange {
	out := map[string]FieldChange{}
	for _, f := range Fields() {
		if f == "as_of" && skipAsOf {
			continue
		}
		a, b := field(o, f), field(n, f)
		if !equal(f, a, b) {
			out[f] = FieldChange{Old: a, New: b}
		}
	}
	return out
}

// Compare compares the old snapshot with the new one. Records are matched
// by key (agreement.Keys): by id, and when an id occurs several times in a
// snapshot, its k-th occurrence in one is matched with its k-th in the
// other; the rest are added or removed. A removed and an added record in
// the same country and level (and home unit) whose partners are
// near-duplicates (names.NearDuplicate), share their other-language name,
// or are the only such pair with the same date and flags are reported as a
// rename. When each snapshot's records share one as-of date, a change of it
// is reported once in the summary, not on every record. When removed and
// added records are mostly the same partners under another identity (the
// home institution given to one snapshot only), a hint says so.
func Compare(oldFile string, old []agreement.Record, newFile string, cur []agreement.Record) *Result {
	res, err := CompareSnapshots(Records(oldFile, old), Records(newFile, cur))
	if err != nil {
		// Not reached: records in memory read the same each time.
		return &Result{OldFile: oldFile, NewFile: newFile, Added: []agreement.Record{}, Removed: []agreement.Record{},
			Changed: []Change{}, Renamed: []Rename{}, Hints: []Hint{{Message: err.Error()}}}
	}
	return res
}

// finish completes res from the records removed and added (indexes into
// old and cur, in snapshot order) once the changed records are in: hints,
// renames, what remains removed and added, and the counts.
func finish(res *Result, old []agreement.Record, removed []int, cur []agreement.Record, added []int, skipAsOf bool) {
	res.Hints = identityHints(old, removed, cur, added)
	pairs := renames(old, removed, cur, added)
	renamedOld, renamedNew := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		renamedOld[p.i], renamedNew[p.j] = true, true
		res.Renamed = append(res.Renamed, Rename{Old: old[p.i], New: cur[p.j], Fields: compare(&old[p.i], &cur[p.j], skipAsOf), By: p.by})
	}
	for _, i := range removed {
		if !renamedOld[i] {
			res.Removed = append(res.Removed, old[i])
		}
	}
	for _, j := range added {
		if !renamedNew[j] {
			res.Added = append(res.Added, cur[j])
		}
	}
	res.Summary.Added, res.Summary.Removed = len(res.Added), len(res.Removed)
	res.Summary.Changed, res.Summary.Renamed = len(res.Changed), len(res.Renamed)
	res.Summary.ByCountry, res.Summary.ByLevel = groups(res)
}

// renameKey is what a renamed agreement keeps: home institution, level,
// country and home unit.
func renameKey(r *agreement.Record) string {
	cc := r.CountryCode
	if cc == "" {
		cc = r.Country
	}
	return names.Fold(r.HomeInstitution) + "\x1f" + r.Level + "\x1f" + cc + "\x1f" + names.Fold(r.HomeUnit)
}

// pair is a rename: old record i, new record j, and what paired them.
type pair struct {
	i, j int
	by   string
}

// renames pairs removed old records with added new ones, within each
// rename key. First by name: the partner names of both sides are clustered
// with the audit's near-duplicate blocking (so not every pair is
// compared); within a cluster, pairs are taken closest first (then in
// document order), each record at most once; a pair also qualifies when
// both records give the same non-empty other-language name. Then by what
// else stayed the same: among the records still unpaired, a removed and an
// added one with the same signing date, known to the day (a year alone is
// shared by too many agreements to tell one), and the same flags are a
// rename when no other unpaired record of the group shares those values.
func renames(old []agreement.Record, removed []int, cur []agreement.Record, added []int) []pair {
	type side struct{ old, cur []int }
	groups := map[string]*side{}
	var keys []string
	for _, i := range removed {
		k := renameKey(&old[i])
		if groups[k] == nil {
			groups[k] = &side{}
			keys = append(keys, k)
		}
		groups[k].old = append(groups[k].old, i)
	}
	for _, j := range added {
		k := renameKey(&cur[j])
		if g := groups[k]; g != nil {
			g.cur = append(g.cur, j)
		}
	}

	type cand struct {
		i, j, dist int
		by         string
	}
	var out []pair
	for _, k := range keys {
		g := groups[k]
		if len(g.cur) == 0 {
			continue
		}
		// names: old partners, then new partners; clusters join them.
		partners := make([]string, 0, len(g.old)+len(g.cur))
		for _, i := range g.old {
			partners = append(partners, old[i].Partner)
		}
		for _, j := range g.cur {
			partners = append(partners, cur[j].Partner)
		}
		var cands []cand
		seenPair := map[[2]int]bool{}
		addCand := func(i, j, d int, by string) {
			if !seenPair[[2]int{i, j}] {
				seenPair[[2]int{i, j}] = true
				cands = append(cands, cand{i, j, d, by})
			}
		}
		for _, c := range names.Clusters(partners) {
			for _, x := range c {
				if x >= len(g.old) {
					continue
				}
				for _, y := range c {
					if y < len(g.old) {
						continue
					}
					i, j := g.old[x], g.cur[y-len(g.old)]
					if d, ok := names.NearDuplicate(old[i].Partner, cur[j].Partner); ok {
						addCand(i, j, d, RenameNearDuplicate)
					} else {
						addCand(i, j, 3, RenameNearDuplicate) // joined through another name
					}
				}
			}
		}
		alt := map[string][]int{}
		for _, i := range g.old {
			if a := names.Fold(old[i].PartnerAlt); a != "" {
				alt[a] = append(alt[a], i)
			}
		}
		for _, j := range g.cur {
			for _, i := range alt[names.Fold(cur[j].PartnerAlt)] {
				addCand(i, j, 3, RenamePartnerAlt)
			}
		}
		sort.SliceStable(cands, func(a, b int) bool {
			if cands[a].dist != cands[b].dist {
				return cands[a].dist < cands[b].dist
			}
			if cands[a].i != cands[b].i {
				return cands[a].i < cands[b].i
			}
			return cands[a].j < cands[b].j
		})
		usedOld, usedNew := map[int]bool{}, map[int]bool{}
		for _, c := range cands {
			if usedOld[c.i] || usedNew[c.j] {
				continue
			}
			usedOld[c.i], usedNew[c.j] = true, true
			out = append(out, pair{c.i, c.j, c.by})
		}

		// By what else stayed the same: the only unpaired removed and
		// added record of the group with one date and flags.
		type bucket struct{ old, cur []int }
		same := map[string]*bucket{}
		for _, i := range g.old {
			if !usedOld[i] && len(old[i].Signed) == len("2006-01-02") {
				k := sameKey(&old[i])
				if same[k] == nil {
					same[k] = &bucket{}
				}
				same[k].old = append(same[k].old, i)
			}
		}
		for _, j := range g.cur {
			if b := same[sameKey(&cur[j])]; b != nil && !usedNew[j] {
				b.cur = append(b.cur, j)
			}
		}
		for _, b := range same {
			if len(b.old) == 1 && len(b.cur) == 1 {
				out = append(out, pair{b.old[0], b.cur[0], RenameSameFields})
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].i < out[b].i })
	return out
}

// sameKey is what a rename by the other fields keeps besides the rename
// key: the signing date, the fee waiver and the flags (as a set).
func sameKey(r *agreement.Record) string {
	flags := slices.Clone(r.Flags)
	slices.Sort(flags)
	return fmt.Sprintf("%s\x1f%t\x1f%s", r.Signed, r.FeeWaiver, strings.Join(slices.Compact(flags), "\x1e"))
}

// groups counts the differences per country and per level, in name order.
func groups(res *Result) (byCountry, byLevel []GroupCount) {
	country, level := map[string]*GroupCount{}, map[string]*GroupCount{}
	get := func(m map[string]*GroupCount, k string) *GroupCount {
		if k == "" {
			k = "(none)"
		}
		if m[k] == nil {
			m[k] = &GroupCount{Key: k}
		}
		return m[k]
	}
	for _, r := range res.Added {
		get(country, r.Country).Added++
		get(level, r.Level).Added++
	}
	for _, r := range res.Removed {
		get(country, r.Country).Removed++
		get(level, r.Level).Removed++
	}
	for _, c := range res.Changed {
		get(country, c.Country).Changed++
		get(level, c.Level).Changed++
	}
	for _, r := range res.Renamed {
		get(country, r.New.Country).Renamed++
		get(level, r.New.Level).Renamed++
	}
	flatten := func(m map[string]*GroupCount) []GroupCount {
		out := []GroupCount{}
		for _, k := range sortedKeys(m) {
			out = append(out, *m[k])
		}
		return out
	}
	return flatten(country), flatten(level)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
