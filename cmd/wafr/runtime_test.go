package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// One-shot commands collect less often, and put the setting back when
// they return; the TUI and the live review, and a GOGC or GOMEMLIMIT the
// user set, keep theirs.
func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	io, _, _ := testStreams()
	root := newRootCmd(io)
	before, limit := gcPercent(), debug.SetMemoryLimit(-1)
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"summary", "a.yaml", "b.yaml"}, oneShotGCPercent},
		{[]string{"action", "list", "a.yaml"}, oneShotGCPercent},
		{[]string{"--version"}, oneShotGCPercent},
		{[]string{"review", "a.yaml"}, before},
		{[]string{"serve", "a.yaml"}, before},
		{[]string{"bogus"}, oneShotGCPercent}, // an error message, then exit
	} {
		restore := tuneGC(root, c.args)
		if got := gcPercent(); got != c.want {
			t.Errorf("%v: GC percent %d, want %d", c.args, got, c.want)
		}
		restore()
		if got := gcPercent(); got != before || debug.SetMemoryLimit(-1) != limit {
			t.Errorf("%v: not restored (GC percent %d, want %d)", c.args, got, before)
		}
	}
	// A big review keeps Go's collector; so does one named with a milestone.
	big := filepath.Join(t.TempDir(), "big.yaml")
	os.WriteFile(big, make([]byte, bigInput+1), 0o644)
	// So does standard input or a pipe, whose size is known only once read.
	for _, args := range [][]string{{"summary", "a.yaml", big}, {"diff", big + "@q1", big}, {"answer", big, "OPS1", "--none"},
		{"lens", "lint", "-"}, {"diff", "-@q1", "a.yaml"}, {"summary", os.DevNull}} {
		restore := tuneGC(root, args)
		if got := gcPercent(); got != before {
			t.Errorf("%v: GC percent %d, want Go's %d", args, got, before)
		}
		restore()
	}
	t.Setenv("GOGC", "50")
	restore := tuneGC(root, []string{"summary", "a.yaml"})
	if got := gcPercent(); got != before {
		t.Errorf("with GOGC set: GC percent %d, want %d", got, before)
	}
	restore()
}
