package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestStyleFromTeXNames: TeX's fonts say bold and italic in their names'
// series and shape letters; other names that merely start alike do not.
func TestStyleFromTeXNames(t *testing.T) {
	for name, want := range map[string][2]bool{
		"CMBX10": {true, false}, "CMBX12": {true, false}, "CMSSBX10": {true, false}, "ECBX1000": {true, false},
		"SFBX1200": {true, false}, "CMB10": {true, false}, "CMBXTI10": {true, true}, "CMTI10": {false, true},
		"CMR10": {false, false}, "CMSS10": {false, false}, "CMBRIGHT": {false, false}, "LiberationSans": {false, false},
		"LiberationSans-Bold": {true, false}, "TCRM1000": {false, false},
	} {
		b, i := styleFromName(name)
		assert.Equal(t, want, [2]bool{b, i}, name)
	}
}
