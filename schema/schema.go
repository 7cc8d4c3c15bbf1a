// Package schema holds the JSON Schema of the agreement/v1 record, so the
// programs that check records against it read the same file the README
// points to.
package schema

import _ "embed"

// AgreementV1 is schema/agreement.v1.schema.json (JSON Schema, draft
// 2020-12).
//
//go:embed agreement.v1.schema.json
var AgreementV1 []byte

// AgreementV1Name is the name the schema is compiled under.
const AgreementV1Name = "agreement.v1.schema.json"
