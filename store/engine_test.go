package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadDSN(t *testing.T) {
	for _, dsn := range []string{"", "mysql://u:secret@h/db", "host=h dbname=d password=secret", "sqlite:"} {
		_, err := Open(context.Background(), dsn)
		require.ErrorIs(t, err, ErrBadDSN, dsn)
		assert.NotContains(t, err.Error(), "secret")
	}
}

func TestRedact(t *testing.T) {
	assert.Equal(t, "postgres://u:xxxxx@h:5432/db", redact("postgres://u:pw@h:5432/db"))
	assert.Equal(t, "postgres://u@h/db", redact("postgres://u@h/db"))
	assert.Equal(t, "agreements.db", redact("agreements.db"))
}

func TestSQLitePath(t *testing.T) {
	for dsn, want := range map[string]string{"a.db": "a.db", "sqlite:/x/a.db": "/x/a.db"} {
		got, ok := SQLitePath(dsn)
		assert.True(t, ok)
		assert.Equal(t, want, got)
	}
	_, ok := SQLitePath("postgres://h/db")
	assert.False(t, ok)
}
