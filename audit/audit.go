// Package audit runs data-quality checks over the records of one or more
// agreement lists and what the documents say about themselves (declared
// totals, unplaced rows), and reports findings with their provenance.
package audit

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit/declared"
	"github.com/agreements/agreements/names"
)

// Level is how serious a finding is.
type Level string

// Levels, most severe first.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelInfo    Level = "info"
)

// Rank orders levels: 0 for error, 1 for warning, 2 for info.
func (l Level) Rank() int {
	switch l {
	case LevelError:
		return 0
	case LevelWarning:
		return 1
	}
	return 2
}

// Check names. They are stable: reports and scripts refer to them.
const (
	CheckInputUnreadable       = "input_unreadable"
	CheckEmptyInput            = "empty_input"
	CheckDeclaredTotal         = "declared_total"
	CheckDuplicateID           = "duplicate_id"
	CheckIDMismatch            = "id_mismatch"
	CheckPartnerCountries      = "partner_in_several_countries"
	CheckPartnerIsHome         = "partner_is_home"
	CheckNearDuplicate         = "near_duplicate_partner"
	CheckNearDuplicateBounded  = "near_duplicate_search_cut"
	CheckDateMissing           = "date_missing"
	CheckDateUnparseable       = "date_unparseable"
	CheckDateAfterAsOf         = "date_after_as_of"
	CheckDateBeforeFloor       = "date_before_floor"
	CheckUniversityAfterDept   = "university_after_department"
	CheckDeptWithoutUniversity = "department_without_university"
	CheckUniversityWithoutDept = "university_without_department"
	CheckFeeWaiverDiffers      = "fee_waiver_differs"
	CheckMojibake              = "mojibake"
	CheckMarkerInName          = "marker_in_name"
	CheckCountInName           = "count_in_name"
	CheckAcronymName           = "acronym_only_name"
	CheckUnplaced              = "unplaced_rows"
	CheckManyRepairs           = "many_repairs"
	CheckSchema                = "schema_invalid"
	CheckCountryUnknown        = "country_unknown"
)

// CheckInfo describes one check.
type CheckInfo struct {
	Name        string `json:"check"`
	Level       Level  `json:"level"`
	Description string `json:"description"`
}

// Checks lists every check, in report order within a level.
func Checks() []CheckInfo {
	return []CheckInfo{
		{CheckInputUnreadable, LevelError, "an input could not be read or parsed"},
		{CheckEmptyInput, LevelError, "an input gave no records"},
		{CheckDeclaredTotal, LevelError, "a total the document states differs from what was extracted"},
		{CheckSchema, LevelWarning, "a record is not valid against the agreement/v1 JSON Schema"},
		{CheckDuplicateID, LevelWarning, "the same id occurs more than once (often a repeated row)"},
		{CheckIDMismatch, LevelWarning, "a record's id is not the one its identity fields give"},
		{CheckPartnerCountries, LevelWarning, "the same partner is listed under more than one country"},
		{CheckPartnerIsHome, LevelWarning, "a partner's name is the home institution's"},
		{CheckNearDuplicate, LevelWarning, "partner names in one country that differ only by spacing, punctuation or a typo"},
		{CheckNearDuplicateBounded, LevelWarning, "partner names so alike that the near-duplicate search stopped at its work bound (results partial)"},
		{CheckDateMissing, LevelWarning, "agreements without a signing date"},
		{CheckDateUnparseable, LevelWarning, "dates the normaliser could not read"},
		{CheckDateAfterAsOf, LevelWarning, "agreements signed after the list's as-of date"},
		{CheckDateBeforeFloor, LevelWarning, "agreements dated before the plausible floor"},
		{CheckFeeWaiverDiffers, LevelWarning, "fee-waiver flags that differ between levels for one partner (they may legitimately differ)"},
		{CheckCountryUnknown, LevelWarning, "a country named without a code, or a code that is not an ISO 3166-1 country"},
		{CheckMojibake, LevelWarning, "text with U+FFFD or mis-decoded characters"},
		{CheckMarkerInName, LevelWarning, "markers or footnote symbols left in names"},
		{CheckCountInName, LevelWarning, "counts like (79) left in names"},
		{CheckUnplaced, LevelWarning, "rows the normaliser could not place"},
		{CheckUniversityAfterDept, LevelInfo, "a university-level agreement dated after department-level ones with the same partner"},
		{CheckDeptWithoutUniversity, LevelInfo, "department-level partners with no university-level agreement"},
		{CheckUniversityWithoutDept, LevelInfo, "university-level partners with no department-level agreement"},
		{CheckAcronymName, LevelInfo, "partner names that are only an acronym"},
		{CheckManyRepairs, LevelInfo, "records that needed many repairs"},
	}
}

// Options tune the checks. Zero values take the defaults.
type Options struct {
	MaxExamples     int // examples kept per finding (default 10)
	RepairThreshold int // more repairs than this is reported (default 3)
	FloorYear       int // earliest plausible signing year (default 1950)
	// Only, when not empty, names the checks to run; Skip names checks
	// not to run (see CheckNames to validate them).
	Only, Skip []string
	// Figures, when set, are totals declared apart from the lists (a
	// figures page): reconciled against the records of all inputs.
	Figures *Figures
}

// Figures are totals stated by a separate document or figures file, such
// as a university's "in numbers" page.
type Figures struct {
	Name     string // the file they were read from, as given
	Declared []agreement.Declared
}

// CheckNames returns an error naming any of names that is not a check.
func CheckNames(names []string) error {
	known := map[string]bool{}
	var all []string
	for _, c := range Checks() {
		known[c.Name] = true
		all = append(all, c.Name)
	}
	var bad []string
	for _, n := range names {
		if !known[n] {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("unknown check %s (checks: %s)", strings.Join(bad, ", "), strings.Join(all, ", "))
	}
	return nil
}

// Defaults.
const (
	DefaultMaxExamples     = 10
	DefaultRepairThreshold = 3
	DefaultFloorYear       = 1950
)

func (o Options) withDefaults() Options {
	if o.MaxExamples <= 0 {
		o.MaxExamples = DefaultMaxExamples
	}
	if o.RepairThreshold <= 0 {
		o.RepairThreshold = DefaultRepairThreshold
	}
	if o.FloorYear <= 0 {
		o.FloorYear = DefaultFloorYear
	}
	return o
}

// Input is one audited input: its name as given, what normalising it gave
// (a record file gives Records only) and why it could not be read, if so.
type Input struct {
	Name   string
	Result *agreement.Result
	Err    error
}

// Example is one instance of a finding, with its provenance.
type Example struct {
	File    string    `json:"file"`
	Page    int       `json:"page"`
	Row     int       `json:"row"`
	ID      string    `json:"id,omitempty"`
	Level   string    `json:"level,omitempty"`
	Country string    `json:"country,omitempty"`
	Partner string    `json:"partner,omitempty"`
	Value   string    `json:"value,omitempty"` // the offending value
	Note    string    `json:"note,omitempty"`
	Members []Example `json:"members,omitempty"` // the records of a group (duplicates, clusters)
}

// Finding is one failed check, or one failed declared total.
type Finding struct {
	Check     string    `json:"check"`
	Level     Level     `json:"level"`
	Count     int       `json:"count"`
	Message   string    `json:"message"`
	Examples  []Example `json:"examples"`
	Declared  *int      `json:"declared,omitempty"`
	Extracted *int      `json:"extracted,omitempty"`
	Unit      string    `json:"unit,omitempty"`
	// Institution is the home institution whose records the finding is
	// about, when the audit covers several.
	Institution string `json:"institution,omitempty"`
}

// InputSummary is what one input gave.
type InputSummary struct {
	File     string `json:"file"`
	Records  int    `json:"records"`
	Declared int    `json:"declared"`
	Unplaced int    `json:"unplaced"`
	AsOf     string `json:"as_of"`
	Error    string `json:"error,omitempty"`
}

// Summary counts the report.
type Summary struct {
	Inputs   int `json:"inputs"`
	Records  int `json:"records"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// CheckStatus is one check and how many findings of it the report has.
type CheckStatus struct {
	CheckInfo
	Count   int  `json:"count"`
	Passed  bool `json:"passed"`
	Skipped bool `json:"skipped,omitempty"` // not run (--checks, --skip)
}

// Reconciliation is one declared total next to what was extracted.
type Reconciliation = declared.Reconciliation

// Count is one bar of a chart.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats are the distributions reports chart.
type Stats struct {
	ByCountry []Count `json:"by_country"`
	ByYear    []Count `json:"by_year"`
	ByLevel   []Count `json:"by_level"`
}

// InstitutionSummary is what the audit found for one home institution,
// when it covers several.
type InstitutionSummary struct {
	Name     string `json:"name"`
	Records  int    `json:"records"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Infos    int    `json:"infos"`
}

// Report is the outcome of an audit.
type Report struct {
	// Passed is true when no check at error level failed (what --strict
	// exits 1 on) and every input was read.
	Passed         bool                 `json:"passed"`
	Figures        string               `json:"figures,omitempty"`
	Institutions   []InstitutionSummary `json:"institutions,omitempty"`
	Inputs         []InputSummary       `json:"inputs"`
	Summary        Summary              `json:"summary"`
	Findings       []Finding            `json:"findings"`
	Reconciliation []Reconciliation     `json:"reconciliation"`
	Checks         []CheckStatus        `json:"checks"`
	Stats          Stats                `json:"stats"`
}

// Failed reports whether any finding is at level.
func (r *Report) Failed(level Level) bool {
	for _, f := range r.Findings {
		if f.Level == level {
			return true
		}
	}
	return false
}

// item is a record and the input it came from.
type item struct {
	rec   *agreement.Record
	input int
}

// auditor holds one run's state.
type auditor struct {
	opt      Options
	inputs   []Input
	items    []item
	findings []Finding
	recon    []Reconciliation
	folds    map[string]string // Fold of home institutions, memoised: they repeat on every record
	// the partner of each record of the group checked, and whether it is
	// the home institution (see partners)
	pids          []int32
	homeIsPartner []bool
	skip          map[string]bool // checks not to run
}

// fold is Fold, memoised for the run.
func (a *auditor) fold(s string) string {
	f, ok := a.folds[s]
	if !ok {
		f = names.Fold(s)
		a.folds[s] = f
	}
	return f
}

// enabled reports whether check is to be run.
func (a *auditor) enabled(check string) bool { return !a.skip[check] }

// anyEnabled reports whether any of checks is to be run.
func (a *auditor) anyEnabled(checks ...string) bool {
	for _, c := range checks {
		if a.enabled(c) {
			return true
		}
	}
	return false
}

// skipped returns the checks opt leaves out.
func skipped(opt Options) map[string]bool {
	skip := map[string]bool{}
	if len(opt.Only) > 0 {
		only := map[string]bool{}
		for _, c := range opt.Only {
			only[c] = true
		}
		for _, c := range Checks() {
			if !only[c.Name] {
				skip[c.Name] = true
			}
		}
	}
	for _, c := range opt.Skip {
		skip[c] = true
	}
	return skip
}

// Run audits inputs and returns the report. Findings are ordered by level
// (errors first), then in the order of Checks, then as found. When the
// records come from several home institutions, the checks over records
// run once per institution, and each of their findings names it.
func Run(inputs []Input, opt Options) *Report {
	a := &auditor{opt: opt.withDefaults(), inputs: inputs, folds: map[string]string{}, skip: skipped(opt)}
	rep := &Report{Inputs: []InputSummary{}, Reconciliation: []Reconciliation{}}
	for i, in := range inputs {
		s := InputSummary{File: in.Name}
		if in.Err != nil {
			s.Error = in.Err.Error()
		}
		if in.Result != nil {
			s.Records = len(in.Result.Records)
			s.Declared = len(in.Result.Declared)
			s.Unplaced = len(in.Result.Unplaced)
			s.AsOf = in.Result.AsOf
			if s.AsOf == "" && len(in.Result.Records) > 0 {
				s.AsOf = in.Result.Records[0].AsOf
			}
			for j := range in.Result.Records {
				a.items = append(a.items, item{rec: &in.Result.Records[j], input: i})
			}
		}
		rep.Inputs = append(rep.Inputs, s)
	}

	a.checkInputs()
	if a.enabled(CheckDeclaredTotal) {
		a.checkDeclared()
		if opt.Figures != nil {
			a.checkFigures(*opt.Figures)
			rep.Figures = opt.Figures.Name
		}
	}
	a.checkUnplaced()

	all := a.items
	groups, homes := a.byInstitution()
	for g, items := range groups {
		a.items = items
		a.pids, a.homeIsPartner = nil, nil
		before := len(a.findings)
		a.checkSchema()
		if a.anyEnabled(CheckDuplicateID, CheckIDMismatch, CheckPartnerCountries, CheckPartnerIsHome) {
			a.checkIdentity()
		}
		// The clustering runs on every core beside the checks that
		// follow, which only read the records too and hold little; not
		// beside the identity check, whose maps and the clustering's at
		// once would keep the collector running. The findings' order in
		// the report is the checks' (sorted below), not the order they
		// ran in.
		nd := a.startNearDuplicates()
		if a.anyEnabled(CheckDateMissing, CheckDateUnparseable, CheckDateAfterAsOf, CheckDateBeforeFloor) {
			a.checkDates()
		}
		if a.anyEnabled(CheckFeeWaiverDiffers, CheckUniversityAfterDept, CheckDeptWithoutUniversity, CheckUniversityWithoutDept) {
			a.checkLevels()
		}
		a.checkCountries()
		if a.anyEnabled(CheckMojibake, CheckMarkerInName, CheckCountInName, CheckAcronymName) {
			a.checkText()
		}
		if a.enabled(CheckManyRepairs) {
			a.checkRepairs()
		}
		if nd != nil {
			a.finishNearDuplicates(nd)
		}
		if len(groups) > 1 {
			for i := before; i < len(a.findings); i++ {
				a.findings[i].Institution = homes[g]
			}
		}
	}
	a.items = all
	a.pids, a.homeIsPartner = nil, nil

	checks := Checks()
	order := map[string]int{}
	for i, c := range checks {
		order[c.Name] = i
	}
	sort.SliceStable(a.findings, func(i, j int) bool {
		fi, fj := a.findings[i], a.findings[j]
		if fi.Level.Rank() != fj.Level.Rank() {
			return fi.Level.Rank() < fj.Level.Rank()
		}
		return order[fi.Check] < order[fj.Check]
	})
	rep.Findings = a.findings
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	rep.Reconciliation = append(rep.Reconciliation, a.recon...)

	counts := map[string]int{}
	perHome := map[string]*InstitutionSummary{}
	if len(groups) > 1 {
		for g, items := range groups {
			rep.Institutions = append(rep.Institutions, InstitutionSummary{Name: homes[g], Records: len(items)})
		}
		for i := range rep.Institutions {
			perHome[rep.Institutions[i].Name] = &rep.Institutions[i]
		}
	}
	for _, f := range rep.Findings {
		counts[f.Check]++
		is := perHome[f.Institution]
		if is == nil {
			is = &InstitutionSummary{}
		}
		switch f.Level {
		case LevelError:
			rep.Summary.Errors++
			is.Errors++
		case LevelWarning:
			rep.Summary.Warnings++
			is.Warnings++
		default:
			rep.Summary.Infos++
			is.Infos++
		}
	}
	for _, c := range checks {
		rep.Checks = append(rep.Checks, CheckStatus{CheckInfo: c, Count: counts[c.Name],
			Passed: counts[c.Name] == 0 && !a.skip[c.Name], Skipped: a.skip[c.Name]})
	}
	rep.Summary.Inputs = len(inputs)
	rep.Summary.Records = len(a.items)
	rep.Stats = a.stats()
	rep.Passed = !rep.Failed(LevelError)
	for _, in := range inputs {
		if in.Err != nil {
			rep.Passed = false
		}
	}
	return rep
}

// byInstitution splits the records by home institution (folded), in the
// order the institutions first appear, with the first spelling of each.
func (a *auditor) byInstitution() ([][]item, []string) {
	var groups [][]item
	var homes []string
	index := map[string]int{}
	for _, it := range a.items {
		k := a.fold(it.rec.HomeInstitution)
		g, ok := index[k]
		if !ok {
			g = len(groups)
			index[k] = g
			groups = append(groups, nil)
			home := strings.TrimSpace(it.rec.HomeInstitution)
			if home == "" {
				home = "(no home institution)"
			}
			homes = append(homes, home)
		}
		groups[g] = append(groups[g], it)
	}
	if len(groups) == 0 {
		groups = [][]item{nil}
		homes = []string{""}
	}
	return groups, homes
}

// examples are the instances of a finding: all counted, the first
// MaxExamples kept (a check over a million records keeps ten of them,
// not a million).
type examples struct {
	n    int
	max  int
	kept []Example
}

// examples returns an empty collection of instances.
func (a *auditor) examples() *examples { return &examples{max: a.opt.MaxExamples} }

// add counts an instance, and keeps it while there are fewer than max.
func (e *examples) add(ex Example) {
	e.n++
	if len(e.kept) < e.max {
		e.kept = append(e.kept, ex)
	}
}

// full reports whether no more instances are kept.
func (e *examples) full() bool { return len(e.kept) >= e.max }

// add records a finding for check with the given instances; nothing when
// there are none. Count is the number of instances; examples are the first
// MaxExamples.
func (a *auditor) add(check string, level Level, message string, examples *examples) {
	if examples.n == 0 || !a.enabled(check) {
		return
	}
	a.findings = append(a.findings, Finding{Check: check, Level: level, Count: examples.n, Message: message, Examples: examples.kept})
}

func (a *auditor) file(it item) string {
	if it.rec.Source.File != "" {
		return it.rec.Source.File
	}
	return a.inputs[it.input].Name
}

// example is a record's provenance and identity.
func (a *auditor) example(it item) Example {
	r := it.rec
	return Example{File: a.file(it), Page: r.Source.Page, Row: r.Source.Row, ID: r.ID,
		Level: r.Level, Country: r.Country, Partner: r.Partner}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// checkInputs reports inputs that could not be read or gave no records.
func (a *auditor) checkInputs() {
	unreadable, empty := a.examples(), a.examples()
	for _, in := range a.inputs {
		switch {
		case in.Err != nil && in.Result == nil:
			unreadable.add(Example{File: in.Name, Note: in.Err.Error()})
		case in.Result == nil || len(in.Result.Records) == 0:
			ex := Example{File: in.Name}
			if in.Err != nil {
				ex.Note = in.Err.Error()
			}
			empty.add(ex)
		}
	}
	a.add(CheckInputUnreadable, LevelError, plural(unreadable.n, "input", "inputs")+" could not be read", unreadable)
	a.add(CheckEmptyInput, LevelError, plural(empty.n, "input", "inputs")+" gave no records", empty)
}

// partners numbers the partners of the records (a.items) in the order
// they first appear, a partner being the home institution and the
// partner's fingerprint (the raw name when it folds to nothing), and says
// which records name the home institution as the partner. It is made once
// for each group of records.
func (a *auditor) partners() ([]int32, []bool) {
	if a.pids != nil {
		return a.pids, a.homeIsPartner
	}
	type key struct{ home, partner string }
	index := make(map[key]int32, len(a.items)) // room at once: growing it would hold it twice
	pids := make([]int32, len(a.items))
	hit := make([]bool, len(a.items))
	// The partners' and their other names' fingerprints, on every core.
	folded := make([][2]string, len(a.items))
	a.eachRecord(func(n int, r *agreement.Record) {
		folded[n][0] = names.Fold(r.Partner)
		if r.PartnerAlt != "" {
			folded[n][1] = names.Fold(r.PartnerAlt)
		}
	})
	for n, it := range a.items {
		r := it.rec
		home := a.fold(r.HomeInstitution)
		p := folded[n][0]
		hit[n] = home != "" && (p == home || folded[n][1] == home)
		if p == "" {
			p = strings.TrimSpace(r.Partner)
		}
		k := key{home, p}
		id, ok := index[k]
		if !ok {
			id = int32(len(index))
			index[k] = id
		}
		pids[n] = id
	}
	a.pids, a.homeIsPartner = pids, hit
	return pids, hit
}

func countryKey(r *agreement.Record) string {
	if r.CountryCode != "" {
		return r.CountryCode
	}
	return r.Country
}

func countryLabel(r *agreement.Record) string {
	if r.Country != "" {
		return r.Country
	}
	if r.CountryCode != "" {
		return r.CountryCode
	}
	return "(no country)"
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// stats counts agreements per country, year and level.
func (a *auditor) stats() Stats {
	country, year, level := map[string]int{}, map[string]int{}, map[string]int{}
	for _, it := range a.items {
		country[countryLabel(it.rec)]++
		y := "(no date)"
		if d, ok := parseISO(it.rec.Signed); ok {
			y = fmt.Sprintf("%04d", d.y)
		}
		year[y]++
		l := it.rec.Level
		if l == "" {
			l = "(none)"
		}
		level[l]++
	}
	s := Stats{ByCountry: counts(country), ByYear: counts(year), ByLevel: counts(level)}
	sort.SliceStable(s.ByCountry, func(i, j int) bool { return s.ByCountry[i].Count > s.ByCountry[j].Count })
	return s
}

func counts(m map[string]int) []Count {
	out := []Count{}
	for _, k := range sortedKeys(m) {
		out = append(out, Count{Key: k, Count: m[k]})
	}
	return out
}
