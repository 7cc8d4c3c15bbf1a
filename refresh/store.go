package refresh

import (
	"context"

	"github.com/agreements/agreements/store"
)

// Database is the store package's database as a refresh Store: a source's
// feed is its home institution and its name in the sources file.
type Database struct {
	DB *store.Store
}

// Latest implements Store.
func (d Database) Latest(ctx context.Context, institution, source string) (*Stored, error) {
	snap, recs, ok, err := d.DB.LatestSnapshot(ctx, institution, source)
	if err != nil || !ok {
		return nil, err
	}
	return &Stored{ID: snap.ID, File: snap.SourceFile, SHA256: snap.SHA256, AsOf: snap.AsOf, Records: recs}, nil
}

// Load implements Store. A list's as-of date going back (a page restored
// from an old copy) is refused by the store, and the source fails.
func (d Database) Load(ctx context.Context, snap Snapshot) (*Loaded, error) {
	res, err := d.DB.LoadSnapshot(ctx, store.SnapshotInput{
		HomeInstitution: snap.Institution,
		SourceName:      snap.Source,
		File:            snap.File,
		Format:          snap.Format,
		SHA256:          snap.SHA256,
		ToolVersion:     snap.ToolVersion,
		Records:         snap.Records,
	}, store.LoadOptions{})
	if err != nil {
		return nil, err
	}
	return &Loaded{
		ID:            res.Snapshot.ID,
		AlreadyLoaded: res.AlreadyLoaded,
		Added:         res.Counts.Added,
		Removed:       res.Counts.Removed,
		Changed:       res.Counts.Changed,
		Renamed:       res.Counts.Renamed,
		Reappeared:    res.Counts.Reappeared,
	}, nil
}
