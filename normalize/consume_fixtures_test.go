package normalize_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser"
)

// fixtureInputs are the input documents of every fixture and every
// layout-matrix rendering.
func fixtureInputs(t *testing.T) []string {
	t.Helper()
	inputs, err := filepath.Glob("../fixtures/*/input.*")
	require.NoError(t, err)
	matrix, err := filepath.Glob("../fixtures/matrix/*/input.*")
	require.NoError(t, err)
	inputs = append(inputs, matrix...)
	require.NotEmpty(t, inputs)
	return inputs
}

// TestConsumeFixtures: every fixture document and layout-matrix rendering
// reads the same when the
// normaliser lets go of every table's rows once read as when it holds
// the document whole: no reading looks back at a row it has let go; and
// the same when it emits each record as soon as it is final (Emit): no
// reading changes a record it has emitted.
func TestConsumeFixtures(t *testing.T) {
	inputs := fixtureInputs(t)
	for _, in := range inputs {
		parse := func() (*parser.Document, error) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			return normalize.ParseDocument(in, b)
		}
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) {
			doc, err := parse()
			if doc == nil || err != nil {
				t.Skip("not a document read here")
			}
			opt := normalize.Options{Institution: "Tohoku University"}
			want, err := normalize.Normalize(doc, opt)
			require.NoError(t, err)
			doc, err = parse()
			require.NoError(t, err)
			got, err := normalize.Normalize(doc, normalize.ConsumingAll(opt))
			require.NoError(t, err)
			assert.Equal(t, want, got)

			// Emitted as they are made, the records and warnings are
			// the same, in the same order.
			doc, err = parse()
			require.NoError(t, err)
			emitted := emitting(t, doc, normalize.ConsumingAll(opt))
			assert.Equal(t, want, emitted)
		})
	}
}

// emitting normalises doc with opt, its records emitted (Options.Emit),
// and returns the Result with the records emitted put back in it.
func emitting(t *testing.T, doc *parser.Document, opt normalize.Options) *normalize.Result {
	t.Helper()
	var recs []normalize.Record
	opt.Emit = func(r normalize.Record) { recs = append(recs, r) }
	res, err := normalize.Normalize(doc, opt)
	require.NoError(t, err)
	assert.Nil(t, res.Records, "emitted records are not held")
	res.Records = recs
	return res
}
