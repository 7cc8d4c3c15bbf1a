//go:build front

package main

import "runtime/debug"

// boundHeap sets a soft memory limit of floor bytes. The front is never a
// parse child (main replaces it with the full program when started as
// one), so the bound that follows the live heap (heapbound.go) and the
// runtime/metrics package it reads are left out of it: its start does not
// pay for setting that package up.
func boundHeap(floor int64) { debug.SetMemoryLimit(floor) }
