package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
)

// Loading a generated 400 KB AWS lens (57 questions) through the
// workspace: the first load in a process, and every later one.
func BenchmarkLens400KB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "lens.json")
	if err := os.WriteFile(path, lensgen.AWSJSON(6, 57, 6, 170), 0o644); err != nil {
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
	b.Run("again", func(b *testing.B) {
		w := New()
		if _, err := w.Lens(path); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := w.Lens(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}
