package output

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Temps is the set of temporary files a command is writing. While it
// holds any, an interrupt (SIGINT) or termination (SIGTERM) removes them
// and ends the process with 128 plus the signal's number (130, 143), as
// a shell reports a process the signal ended. A nil *Temps registers
// nothing.
type Temps struct {
	exit func(code int)

	mu    sync.Mutex
	paths map[string]bool
	sigs  chan os.Signal
	done  chan struct{}
}

// NewTemps returns an empty set that ends the process with exit (nil:
// os.Exit) after an interrupt.
func NewTemps(exit func(code int)) *Temps {
	if exit == nil {
		exit = os.Exit
	}
	return &Temps{exit: exit, paths: map[string]bool{}}
}

// add registers path; the first one starts watching for signals.
func (t *Temps) add(path string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.paths[path] = true
	if t.sigs != nil {
		return
	}
	t.sigs = make(chan os.Signal, 1)
	t.done = make(chan struct{})
	signal.Notify(t.sigs, os.Interrupt, syscall.SIGTERM)
	go t.watch(t.sigs, t.done)
}

// remove forgets path (removed or renamed by the writer); the last one
// stops watching for signals.
func (t *Temps) remove(path string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.paths, path)
	if len(t.paths) == 0 && t.sigs != nil {
		signal.Stop(t.sigs)
		close(t.done)
		t.sigs, t.done = nil, nil
	}
}

func (t *Temps) watch(sigs chan os.Signal, done chan struct{}) {
	select {
	case <-done:
	case sig := <-sigs:
		// The lock is kept to the end: no write may rename its file
		// after this removed it.
		t.mu.Lock()
		for p := range t.paths {
			os.Remove(p)
		}
		code := 128 + 2
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		t.exit(code)
		t.mu.Unlock()
	}
}
