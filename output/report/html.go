package report

import (
	"fmt"
	"io"

	"github.com/agreements/agreements/normalize/audit"
)

// AuditHTML renders an audit report as a self-contained HTML page.
func AuditHTML(w io.Writer, rep *audit.Report) error {
	return fmt.Errorf("html audit report: not implemented yet")
}
