package audit

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit/declared"
	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/internal/lazyre"
	"github.com/agreements/agreements/names"
)

// Units a declared total may count (see package declared).
const (
	UnitInstitutions = declared.UnitInstitutions // distinct partners
	UnitAgreements   = declared.UnitAgreements   // records
	UnitCountries    = declared.UnitCountries    // distinct countries
)

// checkDeclared compares every total a document states with what was
// extracted from that document.
func (a *auditor) checkDeclared() {
	for _, in := range a.inputs {
		if in.Result == nil {
			continue
		}
		recs := make([]*agreement.Record, len(in.Result.Records))
		for j := range in.Result.Records {
			recs[j] = &in.Result.Records[j]
		}
		a.reconcile(in.Name, recs, in.Result.Declared, "")
	}
}

// checkFigures compares the totals of a figures page with the records of
// every input together.
func (a *auditor) checkFigures(f Figures) {
	recs := make([]*agreement.Record, len(a.items))
	for i, it := range a.items {
		recs[i] = it.rec
	}
	a.reconcile(f.Name, recs, f.Declared, "figures")
}

// reconcile compares the totals declared in file with recs (see
// declared.Reconcile): each is a Reconciliation, each not met a finding.
func (a *auditor) reconcile(file string, recs []*agreement.Record, decl []agreement.Declared, from string) {
	recon, missed := declared.Reconcile(file, recs, decl, from)
	a.recon = append(a.recon, recon...)
	for _, m := range missed {
		f := Finding{Check: CheckDeclaredTotal, Level: LevelError, Count: m.Count, Message: m.Message,
			Examples: []Example{{File: m.File, Page: m.Page, Row: m.Row, Level: m.Level, Value: m.Value, Note: m.Note, Country: m.Country}},
			Declared: &m.Declared, Extracted: &m.Extracted, Unit: m.Unit}
		a.findings = append(a.findings, f)
	}
}

// checkIdentity reports duplicate ids, ids that do not match their fields,
// partners under several countries and partners that are the home
// institution.
func (a *auditor) checkIdentity() {
	first := make(map[string]int32, len(a.items)) // id → its first record
	multi := map[string][]item{}                  // ids that occur more than once → their records
	var firsts []int32                            // the first records of those, in order
	mismatch, isHome := a.examples(), a.examples()
	pids, homeIsPartner := a.partners()
	// The ids the records' identity fields give, where they differ from
	// the records', computed on every core.
	wants := make([]string, len(a.items))
	a.eachRecord(func(n int, r *agreement.Record) {
		if want := agreement.ComputeID(*r); r.ID != want {
			wants[n] = want
		}
	})
	// per partner: its first country and that country's first record;
	// other countries' first records only for the partners that have them
	type countries struct {
		ck    string
		it    item
		other map[string]item
	}
	partners := 0
	for _, p := range pids {
		partners = max(partners, int(p)+1)
	}
	byPartner := make([]countries, 0, partners)
	for n, it := range a.items {
		r := it.rec
		if f, ok := first[r.ID]; !ok {
			first[r.ID] = int32(n)
		} else {
			if multi[r.ID] == nil {
				multi[r.ID] = []item{a.items[f]}
				firsts = append(firsts, f)
			}
			multi[r.ID] = append(multi[r.ID], it)
		}
		if want := wants[n]; want != "" {
			ex := a.example(it)
			ex.Value, ex.Note = r.ID, "identity fields give "+want
			mismatch.add(ex)
		}
		if homeIsPartner[n] {
			ex := a.example(it)
			ex.Value = r.HomeInstitution
			isHome.add(ex)
		}
		ck := countryKey(r)
		switch p := pids[n]; {
		case int(p) == len(byPartner):
			byPartner = append(byPartner, countries{ck: ck, it: it})
		case byPartner[p].ck == ck:
		default:
			c := &byPartner[p]
			if c.other == nil {
				c.other = map[string]item{}
			}
			if _, ok := c.other[ck]; !ok {
				c.other[ck] = it
			}
		}
	}
	first = nil
	slices.Sort(firsts)

	dups := a.examples()
	for _, f := range firsts {
		its := multi[a.items[f].rec.ID]
		ex := a.example(its[0])
		ex.Note = fmt.Sprintf("%d records", len(its))
		if !dups.full() {
			for _, it := range its {
				ex.Members = append(ex.Members, a.example(it))
			}
		}
		dups.add(ex)
	}
	a.add(CheckDuplicateID, LevelWarning,
		plural(dups.n, "id occurs", "ids occur")+" more than once (a repeated row, or two agreements the list does not tell apart)", dups)
	a.add(CheckIDMismatch, LevelWarning,
		plural(mismatch.n, "record has", "records have")+" an id other than the one its identity fields give", mismatch)

	several := a.examples()
	for _, c := range byPartner {
		if c.other == nil {
			continue
		}
		cs := map[string]item{c.ck: c.it}
		for ck, it := range c.other {
			cs[ck] = it
		}
		var first item
		var names []string
		var members []Example
		for _, ck := range sortedKeys(cs) {
			it := cs[ck]
			if members == nil {
				first = it
			}
			names = append(names, countryLabel(it.rec))
			members = append(members, a.example(it))
		}
		ex := a.example(first)
		ex.Value = strings.Join(names, ", ")
		ex.Members = members
		several.add(ex)
	}
	a.add(CheckPartnerCountries, LevelWarning,
		plural(several.n, "partner is", "partners are")+" listed under more than one country", several)
	a.add(CheckPartnerIsHome, LevelWarning,
		plural(isHome.n, "record names", "records name")+" the home institution as the partner", isHome)
}

// nearDuplicates is the clustering of the near-duplicate check under way.
type nearDuplicates struct {
	groups []*nameGroup
	found  [][][]int // the clusters of each group
	cut    []bool    // the clustering hit its work bound
	done   sync.WaitGroup
}

// nameGroup is the distinct partner names of one country, each with its
// first record.
type nameGroup struct {
	names []string
	first []item
}

// startNearDuplicates starts clustering the distinct partner names of
// each country (per home institution) on every core and returns at once;
// finishNearDuplicates waits for it and reports clusters of more than one
// spelling. In between, nothing may write what the clustering reads (the
// records). Nil when neither check is to be run.
func (a *auditor) startNearDuplicates() *nearDuplicates {
	if !a.anyEnabled(CheckNearDuplicate, CheckNearDuplicateBounded) {
		return nil
	}
	// Each record's group, the groups in the order they first appear.
	type key struct{ home, country string }
	index := map[key]int32{}
	gids := make([]int32, len(a.items))
	var counts []int32
	for n, it := range a.items {
		k := key{a.fold(it.rec.HomeInstitution), countryKey(it.rec)}
		g, ok := index[k]
		if !ok {
			g = int32(len(counts))
			index[k] = g
			counts = append(counts, 0)
		}
		gids[n] = g
		counts[g]++
	}
	// The records of each group together, in order.
	start := make([]int32, len(counts)+1)
	for g, c := range counts {
		start[g+1] = start[g] + c
	}
	pos := slices.Clone(start[:len(counts)])
	byGroup := make([]int32, len(a.items))
	for n, g := range gids {
		byGroup[pos[g]] = int32(n)
		pos[g]++
	}
	gids, pos = nil, nil
	groups := make([]*nameGroup, len(counts))
	for g := range groups {
		members := byGroup[start[g]:start[g+1]]
		seen := make(map[string]bool, len(members))
		ng := &nameGroup{}
		for _, n := range members {
			it := a.items[n]
			if !seen[it.rec.Partner] {
				seen[it.rec.Partner] = true
				ng.names = append(ng.names, it.rec.Partner)
				ng.first = append(ng.first, it)
			}
		}
		groups[g] = ng
	}
	// Groups are clustered on every core; the report keeps their order.
	nd := &nearDuplicates{groups: groups, found: make([][][]int, len(groups)), cut: make([]bool, len(groups))}
	// The largest first, so that no large group is left to one core at
	// the end.
	work := make(chan int, len(groups))
	order := make([]int, len(groups))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int { return len(groups[y].names) - len(groups[x].names) })
	for _, k := range order {
		work <- k
	}
	close(work)
	for range min(runtime.GOMAXPROCS(0), len(groups)) {
		nd.done.Add(1)
		go func() {
			defer nd.done.Done()
			for k := range work {
				if g := groups[k]; len(g.names) > 1 {
					var complete bool
					nd.found[k], complete = names.ClustersBounded(g.names)
					nd.cut[k] = !complete
				}
			}
		}()
	}
	return nd
}

// finishNearDuplicates waits for the clustering nd and reports its
// clusters.
func (a *auditor) finishNearDuplicates(nd *nearDuplicates) {
	nd.done.Wait()
	groups, found, cut := nd.groups, nd.found, nd.cut
	clusters := a.examples()
	for k, g := range groups {
		for _, c := range found[k] {
			var spellings []string
			var members []Example
			for _, i := range c {
				spellings = append(spellings, g.names[i])
				members = append(members, a.example(g.first[i]))
			}
			ex := members[0]
			ex.Value = strings.Join(spellings, " | ")
			ex.Members = members
			clusters.add(ex)
		}
	}
	a.add(CheckNearDuplicate, LevelWarning,
		plural(clusters.n, "group", "groups")+" of partner names in one country look like spellings of one name", clusters)
	bounded := a.examples()
	for k, g := range groups {
		if !cut[k] {
			continue
		}
		first := g.first[0]
		bounded.add(Example{File: a.file(first), Country: countryLabel(first.rec),
			Value: plural(len(g.names), "name", "names"),
			Note:  "names this alike (numbered or templated) make every name a candidate of every other; the search stopped after work in proportion to their number"})
	}
	a.add(CheckNearDuplicateBounded, LevelWarning,
		plural(bounded.n, "country's", "countries'")+" partner names were searched for near-duplicates only in part: some may be missed", bounded)
}

// date is an ISO 8601 date at year, month or day precision.
type date struct{ y, m, d, prec int }

// parseISO reads YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits) and checks
// the calendar.
func parseISO(s string) (date, bool) {
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	var d date
	var ok bool
	switch {
	case len(s) == 4:
		d.prec = 1
	case len(s) == 7 && s[4] == '-':
		d.prec = 2
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		d.prec = 3
	default:
		return date{}, false
	}
	if d.y, ok = num(s[:4]); !ok {
		return date{}, false
	}
	if d.prec >= 2 {
		if d.m, ok = num(s[5:7]); !ok || d.m < 1 || d.m > 12 {
			return date{}, false
		}
	}
	if d.prec == 3 {
		if d.d, ok = num(s[8:10]); !ok || d.d < 1 || d.d > daysIn(d.y, d.m) {
			return date{}, false
		}
	}
	return d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// compare compares two dates at the precision both have: 2019 and
// 2019-05-01 are equal.
func (a date) compare(b date) int {
	p := min(a.prec, b.prec)
	av, bv := []int{a.y, a.m, a.d}[:p], []int{b.y, b.m, b.d}[:p]
	for i := range av {
		if av[i] != bv[i] {
			if av[i] < bv[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// dateInNameRe matches a date the normaliser left in a name, unread:
// "(2019.2.30)", "（2019年2月30日）".
var dateInNameRe = lazyre.New(`[(（]\s*\d{4}\s*[./\-年]\s*\d{1,2}\s*(?:[./\-月]\s*\d{1,2}\s*日?)?\s*[)）]`)

// unparsedDate reports whether a repair says a date could not be read.
func unparsedDate(repair string) bool {
	switch agreement.ParseRepair(repair).Kind {
	case agreement.RepairDateUnread, agreement.RepairValidityUnread:
		return true
	}
	// Record files made elsewhere name the repair their own way
	// ("date_unparsed:…", "invalid_date").
	s := strings.ToLower(repair)
	if !strings.Contains(s, "date") {
		return false
	}
	for _, w := range []string{"unpars", "invalid", "ambiguous", "unrecogn", "unread", "bad_", "refused"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// checkDates reports missing, unreadable and implausible signing dates.
func (a *auditor) checkDates() {
	missing, unparsed, after, before := a.examples(), a.examples(), a.examples(), a.examples()
	for _, it := range a.items {
		r := it.rec
		d, ok := parseISO(r.Signed)
		var said []string // repairs that say a date could not be read
		for _, rep := range r.Repairs {
			if unparsedDate(rep) {
				said = append(said, rep)
			}
		}
		var leftover string
		if strings.ContainsAny(r.Partner, ")）") {
			leftover = dateInNameRe.FindString(r.Partner)
		}
		if len(said) > 0 || (r.Signed != "" && !ok) || leftover != "" {
			ex := a.example(it)
			ex.Value = r.Signed
			switch {
			case len(said) > 0:
				ex.Note = "repair " + strings.Join(said, "; ")
			case r.Signed != "" && !ok:
				ex.Note = "signed is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)"
			default:
				ex.Value = leftover
				ex.Note = "date-like text left in the partner's name"
			}
			unparsed.add(ex)
		}
		if r.Signed == "" {
			missing.add(a.example(it))
			continue
		}
		if !ok {
			continue
		}
		asOf := r.AsOf
		if asOf == "" && a.inputs[it.input].Result != nil {
			asOf = a.inputs[it.input].Result.AsOf
		}
		if ao, ok := parseISO(asOf); ok && d.compare(ao) > 0 {
			ex := a.example(it)
			ex.Value = r.Signed
			ex.Note = "as of " + asOf
			after.add(ex)
		}
		if d.y < a.opt.FloorYear {
			ex := a.example(it)
			ex.Value = r.Signed
			before.add(ex)
		}
	}
	if missing.n > 0 {
		level, msg := LevelWarning, plural(missing.n, "agreement has", "agreements have")+" no signing date while others have one"
		if missing.n == len(a.items) {
			level, msg = LevelInfo, "no agreement has a signing date (the list gives none)"
		}
		a.add(CheckDateMissing, level, msg, missing)
	}
	a.add(CheckDateUnparseable, LevelWarning, plural(unparsed.n, "date", "dates")+" could not be read", unparsed)
	a.add(CheckDateAfterAsOf, LevelWarning, plural(after.n, "agreement is", "agreements are")+" dated after the list's as-of date", after)
	a.add(CheckDateBeforeFloor, LevelWarning,
		fmt.Sprintf("%s before %d, which is implausible", plural(before.n, "agreement is dated", "agreements are dated"), a.opt.FloorYear), before)
}

// checkLevels compares each partner's university- and department-level
// agreements, when the input has both levels.
func (a *auditor) checkLevels() {
	pids, _ := a.partners()
	// each partner's records, in order: starts[p] to starts[p+1] in byPartner
	count := 0
	for _, p := range pids {
		count = max(count, int(p)+1)
	}
	starts := make([]int32, count+1)
	for _, p := range pids {
		starts[p+1]++
	}
	for p := range count {
		starts[p+1] += starts[p]
	}
	byPartner := make([]int32, len(pids))
	next := slices.Clone(starts[:count])
	hasUni, hasDept := map[string]bool{}, map[string]bool{} // per home institution
	for n, p := range pids {
		byPartner[next[p]] = int32(n)
		next[p]++
		home := a.fold(a.items[n].rec.HomeInstitution)
		switch a.items[n].rec.Level {
		case agreement.LevelUniversity:
			hasUni[home] = true
		case agreement.LevelDepartment:
			hasDept[home] = true
		}
	}
	next = nil
	type partner struct {
		uni, dept []item
	}
	var p partner
	later, deptOnly, uniOnly, fee := a.examples(), a.examples(), a.examples(), a.examples()
	for k := range count {
		p.uni, p.dept = p.uni[:0], p.dept[:0]
		for _, n := range byPartner[starts[k]:starts[k+1]] {
			switch it := a.items[n]; it.rec.Level {
			case agreement.LevelUniversity:
				p.uni = append(p.uni, it)
			case agreement.LevelDepartment:
				p.dept = append(p.dept, it)
			}
		}
		var home string
		if len(p.uni) > 0 {
			home = a.fold(p.uni[0].rec.HomeInstitution)
		} else if len(p.dept) > 0 {
			home = a.fold(p.dept[0].rec.HomeInstitution)
		}
		if !hasUni[home] || !hasDept[home] {
			continue
		}
		switch {
		case len(p.uni) == 0 && len(p.dept) > 0:
			ex := a.example(p.dept[0])
			ex.Note = plural(len(p.dept), "department-level agreement", "department-level agreements")
			deptOnly.add(ex)
			continue
		case len(p.dept) == 0 && len(p.uni) > 0:
			uniOnly.add(a.example(p.uni[0]))
			continue
		case len(p.uni) == 0:
			continue
		}
		// earliest department-level date
		var earliest *item
		var ed date
		for k := range p.dept {
			if d, ok := parseISO(p.dept[k].rec.Signed); ok && (earliest == nil || d.compare(ed) < 0) {
				earliest, ed = &p.dept[k], d
			}
		}
		for _, u := range p.uni {
			if d, ok := parseISO(u.rec.Signed); ok && earliest != nil && d.compare(ed) > 0 {
				ex := a.example(u)
				ex.Value = u.rec.Signed
				ex.Note = "department level " + earliest.rec.Signed
				ex.Members = []Example{a.example(u), a.example(*earliest)}
				later.add(ex)
			}
		}
		uw := p.uni[0].rec.FeeWaiver || p.uni[0].rec.HasFlag(agreement.FlagFeeWaiver)
		for _, d := range p.dept {
			dw := d.rec.FeeWaiver || d.rec.HasFlag(agreement.FlagFeeWaiver)
			if dw != uw {
				ex := a.example(d)
				ex.Note = fmt.Sprintf("fee waiver: university level %t, department level %t", uw, dw)
				ex.Members = []Example{a.example(p.uni[0]), a.example(d)}
				fee.add(ex)
				break
			}
		}
	}
	a.add(CheckFeeWaiverDiffers, LevelWarning,
		plural(fee.n, "partner has", "partners have")+" different fee-waiver flags at university and department level (this can be legitimate)", fee)
	a.add(CheckUniversityAfterDept, LevelInfo,
		plural(later.n, "university-level agreement is", "university-level agreements are")+" dated after a department-level one with the same partner", later)
	a.add(CheckDeptWithoutUniversity, LevelInfo,
		plural(deptOnly.n, "partner has", "partners have")+" department-level agreements only", deptOnly)
	a.add(CheckUniversityWithoutDept, LevelInfo,
		plural(uniOnly.n, "partner has", "partners have")+" a university-level agreement only", uniOnly)
}

// mojibakeRe matches text decoded with the wrong charset: the replacement
// character, UTF-8 read as Latin-1/Windows-1252 (Ã©, â€™, Â ), and UTF-8
// Japanese read as Shift_JIS (縺, 繧, 繝).
var mojibakeRe = lazyre.New("\uFFFD|Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|Â[\u00A0-\u00BF]|ã[\u0080-\u009F]|[縺繧繝]")

// markerRe matches list markers and footnote symbols that belong in flags,
// not in names.
var markerRe = lazyre.New(`[*＊†‡※♦◆◇★☆§¶#＃⁎¹²³⁴⁵⁶⁷⁸⁹⁰]`)

// countRe matches a count left in a name: "China (79)", "Peking University（3）".
var countRe = lazyre.New(`[(（]\s*[0-9０-９]+\s*[)）]\s*$`)

// acronymRe matches a name that is only an acronym: KAIST, EPFL, U.N.A.M.
var acronymRe = lazyre.New(`^[A-Z][A-Z0-9&.\-]{1,7}$`)

// checkText reports mis-decoded text, leftover markers and counts, and
// acronym-only names.
func (a *auditor) checkText() {
	moji, markers, counts, acronyms := a.examples(), a.examples(), a.examples(), a.examples()
	for _, it := range a.items {
		r := it.rec
		for _, f := range []struct{ name, v string }{
			{"partner", r.Partner}, {"partner_unit", r.PartnerUnit}, {"partner_alt", r.PartnerAlt},
			{"home_unit", r.HomeUnit}, {"home_institution", r.HomeInstitution}, {"country", r.Country},
			{"region", r.Region}, {"agreement_type", r.AgreementType},
		} {
			if ascii.Only(f.v) {
				continue // every pattern has a non-ASCII rune
			}
			if m := mojibakeRe.FindString(f.v); m != "" {
				ex := a.example(it)
				ex.Value, ex.Note = f.v, fmt.Sprintf("%s contains %q", f.name, m)
				moji.add(ex)
				break
			}
		}
		for _, f := range []struct{ name, v string }{
			{"partner", r.Partner}, {"partner_unit", r.PartnerUnit}, {"partner_alt", r.PartnerAlt}, {"home_unit", r.HomeUnit},
		} {
			if !maybeMarker(f.v) {
				continue
			}
			if m := markerRe.FindString(f.v); m != "" {
				ex := a.example(it)
				ex.Value, ex.Note = f.v, fmt.Sprintf("%s contains %q", f.name, m)
				markers.add(ex)
				break
			}
		}
		for _, f := range []struct{ name, v string }{{"partner", r.Partner}, {"partner_unit", r.PartnerUnit}} {
			if !strings.HasSuffix(f.v, ")") && !strings.HasSuffix(f.v, "）") {
				continue
			}
			if m := countRe.FindString(f.v); m != "" {
				ex := a.example(it)
				ex.Value, ex.Note = f.v, fmt.Sprintf("%s ends in %q", f.name, strings.TrimSpace(m))
				counts.add(ex)
				break
			}
		}
		if p := strings.TrimSpace(r.Partner); len(p) <= 8 && acronymRe.MatchString(p) && hasLetters(p, 2) {
			ex := a.example(it)
			ex.Value = p
			acronyms.add(ex)
		}
	}
	a.add(CheckMojibake, LevelWarning, plural(moji.n, "record has", "records have")+" mis-decoded text (U+FFFD or mojibake)", moji)
	a.add(CheckMarkerInName, LevelWarning, plural(markers.n, "name keeps", "names keep")+" a marker or footnote symbol", markers)
	a.add(CheckCountInName, LevelWarning, plural(counts.n, "name ends", "names end")+" in a count", counts)
	a.add(CheckAcronymName, LevelInfo, plural(acronyms.n, "partner is", "partners are")+" named only by an acronym", acronyms)
}

// maybeMarker is a quick test before markerRe: its only ASCII symbols are
// '*' and '#'.
func maybeMarker(s string) bool {
	return !ascii.Only(s) || strings.ContainsAny(s, "*#")
}

func hasLetters(s string, n int) bool {
	c := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			c++
		}
	}
	return c >= n
}

// checkUnplaced reports the rows the normaliser could not place.
func (a *auditor) checkUnplaced() {
	unplaced := a.examples()
	for _, in := range a.inputs {
		if in.Result == nil {
			continue
		}
		for _, u := range in.Result.Unplaced {
			unplaced.add(Example{File: in.Name, Page: u.Page, Row: u.Row, Value: u.Text, Note: u.Reason})
		}
	}
	a.add(CheckUnplaced, LevelWarning, plural(unplaced.n, "row", "rows")+" could not be placed (no record was made from them)", unplaced)
}

// checkRepairs reports records that needed many repairs.
func (a *auditor) checkRepairs() {
	repaired := a.examples()
	for _, it := range a.items {
		if n := len(it.rec.Repairs); n > a.opt.RepairThreshold {
			ex := a.example(it)
			ex.Value = strings.Join(it.rec.Repairs, "; ")
			ex.Note = plural(n, "repair", "repairs")
			repaired.add(ex)
		}
	}
	a.add(CheckManyRepairs, LevelInfo,
		fmt.Sprintf("%s more than %d repairs", plural(repaired.n, "record needed", "records needed"), a.opt.RepairThreshold), repaired)
}

// eachRecord calls fn with each record (a.items) and its index, on every
// core: fn may write only what belongs to its index.
func (a *auditor) eachRecord(fn func(n int, r *agreement.Record)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(a.items)/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for n := w; n < len(a.items); n += workers {
				fn(n, a.items[n].rec)
			}
		})
	}
	wg.Wait()
}
