package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A terminal that claims to be enormous (a participant's SSH client may
// say a million columns by a million rows) is drawn at most maxWidth by
// maxHeight, on every screen: a frame's size follows the screen's, and
// the host ran out of memory drawing a million by a million.
func TestEnormousTerminalIsDrawnAtTheLargestSize(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	// Sizes a little past the limits, so that losing the limit fails
	// here at once rather than by running out of memory.
	for _, size := range [][2]int{{2 * maxWidth, 2 * maxHeight}, {5 * maxWidth, 30}, {100, 5 * maxHeight}} {
		p := newTestProgram(t, l, nil, size[0], size[1])
		for _, keys := range [][]string{nil, {"?"}, {"esc", "tab"}, {"o"}, {"n"}} {
			press(p, keys...)
			lines := strings.Split(p.View(), "\n")
			if len(lines) > maxHeight {
				t.Fatalf("%dx%d after %v: %d lines, want at most %d", size[0], size[1], keys, len(lines), maxHeight)
			}
			for _, line := range lines {
				if w := ansi.StringWidth(line); w > maxWidth {
					t.Fatalf("%dx%d after %v: a line %d wide, want at most %d", size[0], size[1], keys, w, maxWidth)
				}
			}
		}
	}
}
