package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func init() {
	// Goldens must not depend on the machine's terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
}

func loadLens(t testing.TB, src string) *questions.Lens {
	t.Helper()
	l, err := questions.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// newTestModel builds a model on a review file in a temporary folder, at
// the given size, with help text rendered.
func newTestModel(t testing.TB, l *questions.Lens, r *review.Review, w, h int) *Model {
	t.Helper()
	if r == nil {
		r = review.New(l, review.Workload{Name: "Payments API", Environment: review.Production, Owner: "payments-team"})
	}
	path := filepath.Join(t.TempDir(), "review.yaml")
	data := r.Marshal()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Review: r, Lens: l, Path: path, Author: "tester", Now: func() time.Time { return testNow }, DiskHash: HashOf(data)})
	m.after = noTimers
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	renderHelp(m)
	return m
}

// renderHelp runs the current question's help rendering synchronously.
func renderHelp(m *Model) {
	if cmd := m.helpCmd(m.cur); cmd != nil {
		m.Update(cmd())
	}
}

// keyMsg turns a key name into the message bubbletea would send.
func keyMsg(k string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"space": tea.KeySpace, "ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS, "pgdown": tea.KeyPgDown,
		"pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace,
	}
	if t, ok := special[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys one by one and returns the last command.
func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

// typeText sends text as one message, as a terminal delivers typed text.
func typeText(m *Model, s string) {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	runCmdNoTick(m, cmd) // the list filters in a command
}

func selected(m *Model, question string) string {
	for _, by := range m.rev.Answers {
		if a := by[question]; a != nil {
			return strings.Join(a.Selected, ",")
		}
	}
	return ""
}

// checkFits fails if any line of the view is wider than the terminal or
// the view is taller.
func checkFits(t *testing.T, m *Model, what string) {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) > m.c.height {
		t.Errorf("%s at %dx%d: %d lines", what, m.c.width, m.c.height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.c.width {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, m.c.width, m.c.height, i+1, w, ansi.Strip(l))
		}
	}
}

// noTimers replaces tea.Tick in tests: timers never fire, so commands
// never sleep; tests send autosaveMsg and the like themselves.
func noTimers(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// runCmdNoTick runs a command and feeds what it returns back into the
// model, following batches (timers are off: see noTimers).
func runCmdNoTick(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmdNoTick(m, c)
		}
	case nil:
	default:
		_, next := m.Update(msg)
		runCmdNoTick(m, next)
	}
}
