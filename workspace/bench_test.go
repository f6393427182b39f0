package workspace

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lenscache"
	"github.com/wafr-dev/wafr/internal/lensgen"
)

// Loading a generated 400 KB AWS lens (57 questions) through the
// workspace: the first load in a process (parsed, or from the disk cache),
// and every later one, of a file
// at rest (again) and of one written a moment ago (againFresh, whose
// content is compared until it has settled: dated an hour ahead here, so
// that it stays unsettled for the whole benchmark).
func BenchmarkLens400KB(b *testing.B) {
	dir := b.TempDir()
	path, fresh := filepath.Join(dir, "lens.json"), filepath.Join(dir, "fresh.json")
	for _, p := range []string{path, fresh} {
		if err := os.WriteFile(p, lensgen.AWSJSON(6, 57, 6, 170), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	hour := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, hour, hour); err != nil {
		b.Fatal(err)
	}
	ahead := time.Now().Add(time.Hour)
	if err := os.Chtimes(fresh, ahead, ahead); err != nil {
		b.Fatal(err)
	}
	b.Run("first", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().Lens(path); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A new process, with the lens in the disk cache of an earlier run:
	// found by content (a file changed in the last two seconds: it is
	// read and hashed) and by stamp (older: it is not read).
	cache := lenscache.New(b.TempDir(), func(string) string { return "" })
	if _, err := (&Workspace{LensCache: cache}).Lens(path); err != nil {
		b.Fatal(err)
	}
	firstFromCache := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			w := New()
			w.LensCache = cache
			if _, err := w.Lens(path); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("firstCached", firstFromCache)
	time.Sleep(2100 * time.Millisecond) // the file's change time settles
	b.Run("firstStamped", firstFromCache)
	for name, p := range map[string]string{"again": path, "againFresh": fresh} {
		b.Run(name, func(b *testing.B) {
			w := New()
			if _, err := w.Lens(p); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := w.Lens(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
