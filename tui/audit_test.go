package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/review"
)

// fieldFrames draws, through renderer r, every screen and dialog with a
// text field (empty, typed into, focused and not), the key help and the
// full help.
func fieldFrames(t *testing.T, r *lipgloss.Renderer) map[string]string {
	t.Helper()
	frames := map[string]string{}
	l := loadLens(t, "builtin:ops")
	p := newTestProgram(t, l, nil, 80, 24)
	p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: r, Now: func() time.Time { return testNow }})
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	renderHelp(p.v)
	step := func(name string, keys ...string) {
		press(p, keys...)
		frames[name] = p.View()
	}
	step("question")
	step("full help", "?")
	step("notes editor", "esc", "e")
	step("notes typed", "a", "b", "enter", "c")
	step("N/A reasons", "esc", "a")
	step("N/A other", "down", "down", "down", "enter")
	step("N/A other typed", "x")
	step("milestone", "esc", "esc", "M")
	step("milestone typed", "v", "1")
	step("action owner", "esc", "A")
	step("action due", "b", "o", "b", "tab")
	step("navigator", "esc", "g")
	step("navigator search", "/")
	step("navigator search typed", "o", "p")
	p.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	step("narrow key help", "esc", "esc")

	s := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "W", Owner: "team"}), Lens: l,
		Path: t.TempDir() + "/r.yaml", Setup: true, Renderer: r, Now: func() time.Time { return testNow }})
	s.after = noTimers
	s.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmd(s, s.Init())
	frames["setup"] = s.View()
	press(s, "X", "tab", "tab")
	frames["setup owner"] = s.View()
	return frames
}

// Colour comes from the viewer's renderer in the text fields and key help
// too, whose bubbles components make their default styles with lipgloss's
// global renderer.
func TestTextFieldsColourFromTheViewer(t *testing.T) {
	before := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(before) })

	for name, f := range fieldFrames(t, testRenderer(false)) {
		if i := strings.Index(f, "\x1b["); i >= 0 {
			t.Errorf("%s: escape code in a frame without colour: %q", name, f[max(0, i-30):min(len(f), i+30)])
		}
	}
	// A colour renderer does colour, and never in the global renderer's
	// profile (true colour: the test renderer has 256).
	for name, f := range fieldFrames(t, testRenderer(true)) {
		if !strings.Contains(f, "\x1b[") {
			t.Errorf("%s: no colour with a colour renderer", name)
		}
		if i := strings.Index(f, "8;2;"); i >= 0 {
			t.Errorf("%s: true colour from the global renderer: %q", name, f[max(0, i-30):min(len(f), i+30)])
		}
	}
}
