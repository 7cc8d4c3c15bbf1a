package normalize

import "github.com/agreements/agreements/agreement"

// The record and result types live in package agreement; these names keep
// the normaliser's own code short.
type (
	Record      = agreement.Record
	Source      = agreement.Source
	Result      = agreement.Result
	Declared    = agreement.Declared
	LegendEntry = agreement.LegendEntry
	Unplaced    = agreement.Unplaced
)

// Levels of agreement.
const (
	LevelUniversity = agreement.LevelUniversity
	LevelDepartment = agreement.LevelDepartment
)
