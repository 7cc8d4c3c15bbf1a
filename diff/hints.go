package diff

import (
	"fmt"
	"sort"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/names"
)

// identityFields are the fields an id is derived from, partner aside: when
// one of them differs between two snapshots of one list, every id does.
var identityFields = []string{"home_institution", "level", "country_code", "partner_unit", "home_unit"}

// identityHints looks for removed and added records that are the same
// partners (folded names): when they make up at least half of the smaller
// side, the snapshots most likely differ in how they were made, not in
// what they list. For each identity field that differs in at least half
// of those pairs, a hint names the field and its most common values.
func identityHints(old []agreement.Record, removed []int, cur []agreement.Record, added []int) []Hint {
	if len(removed) == 0 || len(added) == 0 {
		return []Hint{}
	}
	byPartner := map[string][]int{}
	for _, j := range added {
		k := names.Fold(cur[j].Partner)
		byPartner[k] = append(byPartner[k], j)
	}
	var pairs [][2]int
	for _, i := range removed {
		k := names.Fold(old[i].Partner)
		if js := byPartner[k]; len(js) > 0 {
			pairs = append(pairs, [2]int{i, js[0]})
			byPartner[k] = js[1:]
		}
	}
	if len(pairs) == 0 || 2*len(pairs) < min(len(removed), len(added)) {
		return []Hint{}
	}
	hints := []Hint{}
	for _, f := range identityFields {
		tally := map[[2]string]int{}
		differ := 0
		for _, p := range pairs {
			a, b := field(&old[p[0]], f).(string), field(&cur[p[1]], f).(string)
			if a != b {
				differ++
				tally[[2]string{a, b}]++
			}
		}
		if 2*differ < len(pairs) {
			continue
		}
		values := make([][2]string, 0, len(tally))
		for v := range tally {
			values = append(values, v)
		}
		sort.Slice(values, func(a, b int) bool {
			if tally[values[a]] != tally[values[b]] {
				return tally[values[a]] > tally[values[b]]
			}
			return values[a][0]+"\x1f"+values[a][1] < values[b][0]+"\x1f"+values[b][1]
		})
		top := values[0]
		h := Hint{Kind: HintIdentity, Field: f, Old: top[0], New: top[1], Pairs: len(pairs)}
		h.Message = fmt.Sprintf("%d of the %d removed and %d added agreements are the same partners under another %s: %q in OLD, %q in NEW",
			len(pairs), len(removed), len(added), f, top[0], top[1])
		if differ > tally[top] {
			h.Message += fmt.Sprintf(" (%d of them; %d more with other values)", tally[top], differ-tally[top])
		}
		if f == "home_institution" {
			h.Message += "; their ids differ because the home institution does. Give --institution the same NAME for both " +
				"(it applies to the documents on both sides; a record file keeps the institution it was made with)"
		} else {
			h.Message += "; their ids differ because the " + f + " does"
		}
		hints = append(hints, h)
	}
	if len(hints) == 0 {
		hints = append(hints, Hint{Kind: HintIdentity, Pairs: len(pairs), Message: fmt.Sprintf(
			"%d of the %d removed and %d added agreements are the same partners; their identity fields (level, country, units, home institution) differ in several ways",
			len(pairs), len(removed), len(added))})
	}
	return hints
}
