package agreement

import (
	"cmp"
	"slices"
	"strconv"
)

// The key rule. A record's id is not unique within one list: a list may
// hold two agreements it does not tell apart (the same partner, level,
// country and units). The key tells them apart and stays stable across
// yearly snapshots:
//
//   - the records that share an id are numbered 1, 2, 3 … in document
//     order: by source page, then source row, ties in the order the records
//     are given;
//   - the first occurrence's key is the id itself; the n-th (n ≥ 2) is the
//     id, a hyphen and n ("c0c95b4dcf39a27b-2").
//
// So the key equals the id for every agreement a list names once, and the
// k-th occurrence of an id in one snapshot has the same key as its k-th
// occurrence in the next.

// Key returns the key of the occurrence-th (1-based) record with the given
// id.
func Key(id string, occurrence int) string {
	if occurrence <= 1 {
		return id
	}
	return id + "-" + strconv.Itoa(occurrence)
}

// KeyOrder returns the indices of recs in key order (document order: by
// source page, then source row, ties in the given order). Numbering the
// occurrences of each id along this order gives the keys.
func KeyOrder(recs []Record) []int {
	idx := make([]int, len(recs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ra, rb := &recs[a].Source, &recs[b].Source
		if c := cmp.Compare(ra.Page, rb.Page); c != 0 {
			return c
		}
		return cmp.Compare(ra.Row, rb.Row)
	})
	return idx
}

// Keys returns the key of every record of one snapshot, index for index.
// Keys are unique within the snapshot.
func Keys(recs []Record) []string {
	keys := make([]string, len(recs))
	seen := make(map[string]int, len(recs))
	for _, i := range KeyOrder(recs) {
		id := recs[i].ID
		seen[id]++
		keys[i] = Key(id, seen[id])
	}
	return keys
}
