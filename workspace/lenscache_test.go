package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const cacheLens = `schemaVersion: "2021-11-01"
id: cached
version: VERSION
name: Cached
pillars:
  - id: p
    name: P
    questions:
      - id: Q1
        title: Q1?
        choices:
          - {id: Q1_a, title: A}
          - {id: Q1_no, title: None of these}
        riskRules:
          - {condition: Q1_a, risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
`

// writeLens writes the lens with a version and dates it at mod.
func writeLens(t *testing.T, path, version string, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Replace(cacheLens, "VERSION", version, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
}

func version(t *testing.T, w *Workspace, path string) string {
	t.Helper()
	l, err := w.Lens(path)
	if err != nil {
		t.Fatal(err)
	}
	return l.Version
}

// A lens file at rest loads once, by whatever path it is named.
func TestLensCacheLoadsASettledFileOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lens.yaml")
	writeLens(t, path, "1.0.0", time.Now().Add(-time.Hour))
	w := testWorkspace()
	a, err1 := w.Lens(path)
	b, err2 := w.Lens(filepath.Join(dir, ".", "lens.yaml"))
	if err1 != nil || err2 != nil || a != b {
		t.Errorf("loaded twice: %p %p (%v, %v)", a, b, err1, err2)
	}
}

// A changed file is loaded again, never served from the cache: another
// size, another modification time, or a file renamed over it.
func TestLensCacheSeesChanges(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lens.yaml")
	hour := time.Now().Add(-time.Hour)
	writeLens(t, path, "1.0.0", hour)
	w := testWorkspace()
	if v := version(t, w, path); v != "1.0.0" {
		t.Fatalf("version %s", v)
	}
	writeLens(t, path, "1.0.10", hour) // another size, same time
	if v := version(t, w, path); v != "1.0.10" {
		t.Errorf("size change: version %s, want 1.0.10", v)
	}
	writeLens(t, path, "1.0.11", hour.Add(time.Second)) // same size, another time
	if v := version(t, w, path); v != "1.0.11" {
		t.Errorf("time change: version %s, want 1.0.11", v)
	}
	other := filepath.Join(dir, "new.yaml")
	writeLens(t, other, "1.0.12", hour.Add(time.Second)) // same size and time, another file
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	if v := version(t, w, path); v != "1.0.12" {
		t.Errorf("renamed over: version %s, want 1.0.12", v)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Lens(path); err == nil {
		t.Error("a removed lens still loads")
	}
	writeLens(t, path, "1.0.13", hour)
	if v := version(t, w, path); v != "1.0.13" {
		t.Errorf("back again: version %s, want 1.0.13", v)
	}
}

// A file modified just before it was read may change again within the
// same timestamp and keep its size: its stamp does not vouch for it, so
// it is read again.
func TestLensCacheRereadsAFileStillBeingWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lens.yaml")
	now := time.Now()
	writeLens(t, path, "1.0.0", now)
	w := testWorkspace()
	if v := version(t, w, path); v != "1.0.0" {
		t.Fatalf("version %s", v)
	}
	writeLens(t, path, "2.0.0", now) // same size, same time
	if v := version(t, w, path); v != "2.0.0" {
		t.Errorf("version %s, want 2.0.0", v)
	}
}

// Concurrent first loads of one lens share one load.
func TestLensCacheConcurrentLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lens.yaml")
	writeLens(t, path, "1.0.0", time.Now().Add(-time.Hour))
	w := testWorkspace()
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Go(func() {
			l, err := w.Lens(path)
			if err != nil {
				t.Error(err)
			}
			got[i] = l
		})
	}
	wg.Wait()
	for _, l := range got[1:] {
		if l != got[0] {
			t.Fatal("the lens was loaded more than once")
		}
	}
}

// A file just written (a fresh checkout) is not loaded again while its
// content stays the same.
func TestLensCacheKeepsAFreshFileThatDidNotChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lens.yaml")
	writeLens(t, path, "1.0.0", time.Now())
	w := testWorkspace()
	a, err1 := w.Lens(path)
	b, err2 := w.Lens(path)
	if err1 != nil || err2 != nil || a != b {
		t.Errorf("loaded twice: %p %p (%v, %v)", a, b, err1, err2)
	}
}
